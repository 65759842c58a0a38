"""Autoplay: a bot or a decision list plays the player's side (sponsors or opposition) through
the real screens.

The driver only does what a player does: it posts key presses and clicks (pygame events)
and picks options the way the dropdowns do; the scenes' own handlers build the decisions.
The bot's move is the Session's (``Session.bot_move``), and so is the reason a decision is
refused (``Session.check``).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import pygame
import pygame_gui

from ..decisions import Decision, DecisionError, ReviseText
from ..i18n import _
from .scenes.actions import ActionsMixin

if TYPE_CHECKING:
    from .app import App
    from .controller import Game
    from .scenes import Scene

Step = Callable[[], None]
#: What the driver (or a click it makes) posts: it waits until these have arrived. Other
#: events (a watcher's mouse moving, window events) must not hold it up.
INPUT_EVENTS = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                pygame_gui.UI_BUTTON_PRESSED, pygame_gui.UI_DROP_DOWN_MENU_CHANGED,
                pygame_gui.UI_SELECTION_LIST_NEW_SELECTION,
                pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED)
#: Frames the vote board animates before the driver skips the rest.
BOARD_FRAMES = 12


@runtime_checkable
class StatusLine(Protocol):
    """A scene with a status line (the floor, the Council, the draft text)."""

    status_text: str
    status_error: bool


def key(k: int) -> None:
    """Post a key press, as the keyboard would."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, {"key": k, "mod": 0, "unicode": "",
                                                          "scancode": 0}))


def click(pos: tuple[int, int]) -> None:
    """Post a left click at ``pos``."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, {"pos": pos, "button": 1}))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, {"pos": pos, "button": 1}))


class Driver:
    """Plays one step per frame (or per ``interval`` seconds when someone is watching)."""

    def __init__(self, app: App, bot: str | None = None, autoplay: bool = True) -> None:
        self.app = app
        #: The name of the bot that plays the player's side (None: a decision list does).
        self.bot = bot or None
        self.autoplay = autoplay
        self.interval = 0.0 if autoplay else 0.7
        self.wait = 0.0
        self.pending: Decision | None = None
        self.plan: deque[Step] = deque()
        self.prepared: Scene | None = None
        self.toured: set[str] = set()
        #: Screens shown once for their screenshot (the move log, a confirmation, tactics).
        self.shown: set[str] = set()
        self.frames = 0
        self.acts = {"title": self.act_continue, "briefing": self.act_continue,
                     "floor": self.act_floor, "council": self.act_floor,
                     "text": self.act_text, "vote": self.act_vote, "debrief": self.act_debrief,
                     "recap": self.act_continue,
                     "error": lambda scene: None, "saved": lambda scene: scene.press("back"),
                     "sessions": lambda scene: scene.press("back"),
                     "review": self.act_review, "compare": self.act_compare,
                     "turn": lambda scene: key(pygame.K_RETURN)}
        #: The tour goes on from the debrief to the viewer, a what-if and the compare screen.
        self.touring = False

    @property
    def game(self) -> Game:
        """The game on screen (the title screen may have switched case)."""
        return self.app.game

    # -- what the app asks ------------------------------------------------------------------
    def settled(self) -> bool:
        """True once the current scene is prepared (a screenshot may be taken)."""
        return self.app.scene is self.prepared

    def step(self, dt: float) -> None:
        """Called at the start of each frame: prepare a new screen, or make one move."""
        scene = self.app.scene
        if scene is not self.prepared:
            self.prepared, self.frames = scene, 0
            self.prepare(scene)
            return
        self.frames += 1
        if pygame.event.peek(INPUT_EVENTS):       # let what was posted arrive first
            return
        if self.app.shot_pending:
            if (scene.name == "vote" and not scene.ready() and self.autoplay
                    and self.frames > BOARD_FRAMES):
                key(pygame.K_SPACE)
            return
        self.wait -= dt
        if self.wait > 0:
            return
        self.wait = self.interval
        if self.plan:
            self.plan.popleft()()
            return
        self.acts[scene.name](scene)

    # -- preparing a screen for its screenshot ----------------------------------------------
    def prepare(self, scene) -> None:
        """On the floor, open the dossier of the delegation about to be lobbied."""
        if scene.name not in ("floor", "council"):
            return
        d = self.decision()
        iso = getattr(d, "member", None) or self.undecided(scene)
        if iso and iso in scene.view.cells:
            click(scene.view.cells[iso].center)

    def undecided(self, scene) -> str | None:
        """The delegation on no side whose vote is most open (P(in favour) nearest 50%)."""
        probs = self.game.probabilities(scene.motion_id)
        free = [i for i in probs if self.game.side_of(i) is None]
        return min(free, key=lambda i: abs(probs[i][0] - 0.5), default=None)

    def decision(self) -> Decision | None:
        """The player's side's next decision (asked of the bot or the list once, then kept)."""
        if self.pending is None and not self.game.state.finished:
            if self.bot is not None:
                self.pending = self.game.session.bot_move(self.bot, self.game.side)
            else:
                self.pending = self.game.next_scripted()
        return self.pending

    # -- acting -----------------------------------------------------------------------------
    def act_continue(self, scene) -> None:
        """Title, briefing and the recap between stages: press Enter."""
        key(pygame.K_RETURN)

    def act_debrief(self, scene) -> None:
        """The debrief: press Q to finish (autoplay only; a watcher reads it). Taking
        screenshots, first the tour of the saved game: the viewer and a what-if from it,
        then, at the what-if's debrief, the compare screen with its parent."""
        if not self.autoplay:
            return
        writer = self.game.session.writer
        if (self.app.shots and self.bot is not None and self.app.maker is not None
                and writer and writer.written):
            parent = writer.head.get("parent")
            if not self.touring:
                self.touring = True
                self.app.goto("review", review=self.app.open_review(writer.path))
                return
            if parent and "compare" not in self.shown:
                self.shown.add("compare")
                self.app.goto("compare", comparison=self.app.compare(parent, writer.path))
                return
        key(pygame.K_q)

    def act_review(self, scene) -> None:
        """The viewer: a lobbying step and a vote step for their screenshots; touring, then
        play on from the start of the last stage with the passive bot (a short what-if that
        parts from the game), else the end."""
        review = scene.review
        if "review" not in self.shown:
            self.shown.add("review")
            for steps, name in ((review.lobbying_steps(), "review_lobbying"),
                                (review.vote_steps(), "review_vote")):
                if steps:
                    step = steps[len(steps) // 2]
                    self.plan.extend([partial(scene.goto_step, step),
                                      partial(self.app.request_shot, name)])
            return
        if self.touring and review.steps > 1 and "whatif" not in self.shown:
            self.shown.add("whatif")
            # from the start of the last stage, played on by the passive bot: a short what-if
            # whose decisions (and so, likely, votes) part from the game's
            last = review.state(review.steps - 1).stage
            step = next(k for k in range(review.steps) if review.state(k).stage == last)
            self.bot = "passive"
            self.plan.extend([partial(scene.goto_step, step), lambda: key(pygame.K_w),
                              lambda: self.app.request_shot("whatif_briefing")])
            return
        self.app.stop()

    def act_compare(self, scene) -> None:
        """The compare screen (its screenshot is taken as it opens): the end of the tour."""
        self.app.stop()

    def act_vote(self, scene) -> None:
        """The vote board: skip the animation (autoplay, after a while), then continue."""
        if not scene.ready():                     # someone watching sees the board fill
            if self.autoplay and self.frames > BOARD_FRAMES:
                key(pygame.K_SPACE)
            return
        key(pygame.K_RETURN)

    def act_floor(self, scene) -> None:
        """Show the draft once per stage, then make the pending decision on screen."""
        d = self.decision()
        if d is None:
            self.script_ended(scene)
            return
        stage = self.game.stage
        assert stage is not None, "a decision is pending, so the game is not over"
        if self.app.shots and stage.id not in self.toured and scene.has_draft():
            self.toured.add(stage.id)
            key(pygame.K_4)                       # look at the draft text, then come back
            return
        self.toured.add(stage.id)
        if self.app.shots and "move_log" not in self.shown and len(self.game.session.history) >= 3:
            self.shown.add("move_log")            # look at the move log once, then go on
            key(pygame.K_l)
            self.plan.extend([lambda: self.app.request_shot("move_log"), lambda: key(pygame.K_l)])
            return
        if self.app.shots and "floor_map" not in self.shown and "map" in scene.buttons \
                and len(self.game.session.history) >= 1:
            self.shown.add("floor_map")           # the same whip count on the world map, once
            key(pygame.K_w)
            self.plan.extend([lambda: self.app.request_shot("floor_map"),
                              lambda: key(pygame.K_w)])
            return
        before = len(self.game.session.decisions)
        mine = d.side == self.game.side
        perform = PERFORM.get(d.type) if mine else Driver.direct
        if perform is None:
            self.script_stops(_("the screen offers no way to make a {type!r} decision").format(
                type=d.type))
            return
        perform(self, scene, d)
        if d.type != "revise_text" or not mine:   # the text screen checks its own
            self.plan.append(self.verify(before, d))

    def act_text(self, scene) -> None:
        """The draft text: make the pending revision on screen, else go back."""
        d = self.decision()
        if isinstance(d, ReviseText):
            before = len(self.game.session.decisions)
            scene.choose_variant(d.paragraph, d.variant)
            self.plan.extend([lambda: scene.press(f"revise_{d.paragraph}"),
                              self.verify(before, d), lambda: key(pygame.K_ESCAPE)])
            return
        key(pygame.K_ESCAPE)

    def script_ended(self, scene) -> None:
        """The decision list ends before the game: stop here (autoplay: end the run)."""
        message = self.game.end_script()
        self.app.say(message)
        scene.refresh()                           # the opposition may have moved since
        scene.flash(message[0].upper() + message[1:].rstrip(".") + "." + (
            "" if self.autoplay else " " + _("You play on from here.")),
            error=self.game.stopped_at is not None)
        if self.autoplay:                       # a last picture of where it stopped, then end
            self.app.request_shot("decisions_end")
            self.plan.append(self.app.stop)
            return
        self.app.driver = None
        self.app.after_play()

    def script_stops(self, why: str) -> None:
        """A scripted decision does not fit the game: say so on screen and on stderr, then
        stop (autoplay: after a last screenshot, exit code 0) or let the player play on."""
        message = self.game.stop_script(why)
        self.app.say(message)
        self.pending = None
        self.plan.clear()
        scene = self.app.scene
        if hasattr(scene, "close_windows"):
            scene.close_windows()
        if isinstance(scene, StatusLine):
            scene.status_text = message[0].upper() + message[1:].rstrip(".") + "." + (
                "" if self.autoplay else " " + _("You play on from here."))
            scene.status_error = True
        if self.autoplay:
            self.app.request_shot("decisions_stop")
            self.plan.append(self.app.stop)
            return
        self.game.end_script()
        if hasattr(scene, "refresh"):
            scene.refresh()
        self.app.driver = None
        self.app.after_play()

    def verify(self, before: int, d: Decision) -> Step:
        """A step that stops the list if ``d`` was not played (no new decision since)."""
        def check() -> None:
            if len(self.game.session.decisions) == before:
                self.script_stops(self.reason(d))
                return
            self.pending = None
        return check

    def reason(self, d: Decision) -> str:
        """Why the rules refuse a decision, else the screen's own refusal (not an older
        message), else that the screen offered no way to make it."""
        try:
            self.game.session.check(d)
        except DecisionError as exc:
            return str(exc)
        scene = self.app.scene
        if isinstance(scene, StatusLine) and scene.status_error and scene.status_text:
            prefix = _("Not possible: {reason}").split("{reason}")[0]
            return scene.status_text.removeprefix(prefix)
        return _("the screen offered no way to make it")

    # -- one function per decision type (how a player would make it on screen) -----------------
    def select(self, scene, iso: str) -> None:
        """Click a delegation's cell unless it is selected already."""
        if scene.prefs.selected != iso and iso in scene.view.cells:
            click(scene.view.cells[iso].center)

    def lobby(self, scene, d) -> None:
        """Select the delegation, pick the argument, press 1."""
        self.select(scene, d.member)
        self.plan.extend([lambda: scene.choose_argument(d.argument), lambda: key(pygame.K_1)])

    def address(self, scene, d) -> None:
        """Pick the group and the argument, press 2."""
        scene.choose_address(d.group)
        self.plan.extend([lambda: scene.choose_argument(d.argument), lambda: key(pygame.K_2)])

    def cosponsor(self, scene, d) -> None:
        """Select the delegation, press 3."""
        self.select(scene, d.member)
        self.plan.append(lambda: key(pygame.K_3))

    def revise(self, scene, d) -> None:
        """Press 4: the draft text screen makes the revision (``act_text``)."""
        key(pygame.K_4)

    def offer(self, scene, d) -> None:
        """Press 5, take a screenshot of the offer, then accept or refuse it."""
        key(pygame.K_5)
        self.plan.append(lambda: self.app.request_shot(f"offer_{d.offer}"))
        self.plan.append(lambda: self.app.scene.press("accept" if d.accept else "refuse"))

    def table(self, scene, d) -> None:
        """Press the table button."""
        scene.press("table")

    def proceed(self, scene, d) -> None:
        """Press 7 (proceed to the vote, or pass); confirm if the screen asks first."""
        key(pygame.K_7)
        self.plan.append(self.confirm)

    def pass_turn(self, scene, d) -> None:
        """The opposition's pass is its 7 key; a pass the screen has no button for (the
        sponsors' in a decision list) is played as the list says, for the rules to refuse."""
        if self.game.side == "opposition":
            self.proceed(scene, d)
        else:
            self.direct(scene, d)

    def confirm(self) -> None:
        """Confirm the dialog on screen, if one opened (a screenshot of the first)."""
        scene = self.app.scene
        if not scene.confirming:
            return
        if self.app.shots and "confirm" not in self.shown:
            self.shown.add("confirm")
            self.app.request_shot("confirm_vote")
            self.plan.appendleft(self.confirm)
            return
        key(pygame.K_RETURN)

    def tactic(self, scene, d) -> None:
        """Press 8 (the tactics window), choose the row of ``d``, look once, make the move."""
        key(pygame.K_8)

        def choose() -> None:
            here = self.app.scene
            if (not isinstance(here, ActionsMixin) or here.tactics_window is None
                    or not here.choose_tactic(d)):
                return                             # verify() says why it was not made
            if self.app.shots and "tactics" not in self.shown:
                self.shown.add("tactics")
                self.plan.appendleft(lambda: self.app.request_shot("tactics"))
        self.plan.append(choose)
        self.plan.append(lambda: self.app.scene.press("do_tactic"))

    def direct(self, scene, d) -> None:
        """A move of the other side in a decision list: played as the list says; the rules
        refuse it (and the list stops) when it does not fit."""
        scene.submit(d)


#: Decision type -> how the driver makes it through the floor's controls.
PERFORM: dict[str, Callable] = {
    "lobby": Driver.lobby, "address_group": Driver.address, "seek_cosponsor": Driver.cosponsor,
    "revise_text": Driver.revise, "respond_to_offer": Driver.offer, "table_motion": Driver.table,
    "proceed_to_vote": Driver.proceed, "pass": Driver.pass_turn,
    "move_no_action": Driver.tactic, "request_separate_vote": Driver.tactic,
    "object_to_division": Driver.tactic, "ask_abstention": Driver.tactic,
}
