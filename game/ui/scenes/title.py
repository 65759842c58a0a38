"""The title screen: pick a case, the side to play and the opponent's level; read what the case
is about and what your side is scored on; begin (or play again after a debrief)."""
from __future__ import annotations

import math
from functools import partial
from html import escape
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UISelectionList

from ... import i18n
from ...i18n import N_, _, ngettext
from .. import style
from ..catalogue import Case, catalogue
from ..levels import DEFAULT_OPPONENT, LEVELS, SIDES, level_label
from ..style import px
from ..teams import (
    DEFAULT_ROUNDS,
    DEFAULT_TIMER,
    ROUND_CHOICES,
    TIMER_CHOICES,
    TeamSetup,
    next_choice,
)
from ..words import ACCENT, ERROR_HEX, MUTED, TEXT_LIMIT, c, clip, h, objectives_html
from .base import MARGIN, Scene
from .turn import side_word

if TYPE_CHECKING:
    from ...scenario import Scenario
    from ...scenario.models import Side
    from ..app import App

CONTINUE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
#: Who plays, in the order T cycles through them.
MODES = ("solo", "team", "teams")
MODE_WORDS = {"solo": N_("One player vs the bot"), "team": N_("A team vs the bot"),
              "teams": N_("Two teams")}
ROW = 34


def draw_emblem(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    """A calm globe of meridians and parallels, in UN blue (not the UN emblem itself)."""
    cx, cy = centre
    col = style.mix(style.BG, style.UN_BLUE, 0.55)
    pygame.draw.circle(surface, col, centre, r, px(2))
    for k in (1, 2, 3):
        pygame.draw.circle(surface, col, centre, r * k // 4, px(1))
    for k in range(12):
        a = math.pi * k / 6
        pygame.draw.line(surface, col, centre, (cx + r * math.cos(a), cy + r * math.sin(a)),
                         px(1))


def side_spec(scenario: Scenario | None, side: str) -> Side | None:
    """A side of a case by name (None if the case has no such side, or does not load)."""
    if scenario is None:
        return None
    return next((v for k, v in scenario.spec.sides.items() if k == side), None)


def case_html(case: Case, side: str = "sponsors", level: str | None = None) -> str:
    """Title, summary, the two sides (``side`` the player's), the opponent and the objectives
    the player's side is scored on (or why the case cannot load)."""
    if case.scenario is None:
        return (h(escape(case.path.name), 22) + "<br><br>"
                + c(ERROR_HEX, _("This case cannot be played: its file has an error."))
                + "<br>" + escape(case.error or "") + "<br><br>"
                + c(MUTED, _("Check it with: {command}").format(
                    command="python main.py validate "  # i18n: not shown
                    + escape(str(case.path)))))
    spec = case.scenario.spec
    mine = side_spec(case.scenario, side) or spec.sides["sponsors"]
    other = side_spec(case.scenario, "opposition" if side == "sponsors" else "sponsors")
    # TRANSLATORS: {label} is "You play" or "Against you" in bold; {side} a side's name
    sides = _("{label} {side}: {goal}").format(
        label=c(ACCENT, "<b>" + _("You play") + "</b>"), side=escape(clip(mine.name)),
        goal=escape(clip(mine.goal, TEXT_LIMIT)))
    if other:
        who = ""
        if level in LEVELS:
            bot = _("(played by the {level} bot: {what})").format(
                level=level_label(level).lower(), what=_(LEVELS[level][1]))
            who = " " + c(MUTED, escape(bot))
        sides += "<br>" + _("{label} {side}: {goal}").format(
            label=c(ACCENT, "<b>" + _("Against you") + "</b>"),
            side=escape(clip(other.name)) + who, goal=escape(clip(other.goal, TEXT_LIMIT)))
    parts = [h(escape(clip(spec.title)), 22) + "<br>"
             + c(MUTED, escape(clip(spec.summary, TEXT_LIMIT))), sides]
    score = objectives_html([o for o in spec.objectives
                             if getattr(o, "side", "sponsors") == side])
    parts.append(score or c(MUTED, _("This case scores no objectives for this side: play it "
                                     "for the votes, not the points.")))
    return "<br><br>".join(parts)


class TitleScene(Scene):
    """Cases to choose from, the side and the opponent; Enter begins, Esc quits."""

    name = "title"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.cases = catalogue(self.game.scenario)
        self.chosen = next(k for k, case in enumerate(self.cases)
                           if case.scenario is self.game.scenario)
        #: The unfinished games Continue offers (read once: the folder does not change here).
        self.saved = app.unfinished()
        #: The side and the opponent the next game starts with (the game's own at first).
        self.side: str = self.game.side
        self.level: str | None = self.game.level
        session = self.game.session
        #: Who plays (one player, a team against the bot, two teams), the rounds, the timer.
        self.mode = MODES[min(len(session.teams), 2)] if session.teams else "solo"
        self.rounds, self.timer = session.rounds, session.timer
        if self.can_choose and self.level not in self.levels():
            self.level = DEFAULT_OPPONENT if DEFAULT_OPPONENT in self.levels() else (
                self.levels()[0] if self.levels() else self.level)

    @property
    def can_switch(self) -> bool:
        """A decision list belongs to one case; otherwise the player may pick any."""
        return self.app.maker is not None and self.game.script is None

    @property
    def can_choose(self) -> bool:
        """The side and the opponent can be chosen (not while a decision list plays)."""
        return self.can_switch

    def levels(self) -> list[str]:
        """The opponent levels offered, easiest first: those the factory can make."""
        return [level for level in LEVELS if level in self.app.levels]

    def build(self) -> None:
        """The list of cases, the side and opponent choices, the selected case's text, the
        emblem's Begin and Quit buttons."""
        w, h_ = self.size
        m = px(MARGIN)
        col = min(px(820), w - 2 * m - px(440))
        x = w - m - col - max(0, (w - px(1280)) // 4)
        top = px(60)
        self._text_x = x
        list_h = 0
        if len(self.cases) > 1:
            self.label((x, top - px(34), col - px(60), px(30)), _("Choose a case  (Up/Down keys)"),
                       "@subheading")
            list_h = min(len(self.cases), 4) * px(ROW) + px(6)
            items: list[str | tuple[str, str]] = [
                (self.item_text(case), "#broken" if case.scenario is None else "#case")
                for case in self.cases]
            self.cases_list = self.add(UISelectionList(
                pygame.Rect(x, top, col, list_h), items, self.manager,
                default_selection=items[self.chosen], object_id=ObjectID("#cases", None)))
            if not self.can_switch:
                self.cases_list.disable()
            list_h += px(12)
        y = top + list_h
        y = self.build_choices(x, y, col)
        self.box = self.textbox((x, y, col, h_ - y - m),
                                case_html(self.cases[self.chosen], self.side, self.level),
                                "@case")
        cx = self.brand_x()
        bw, gap = px(300), px(6)
        y = px(176) + 2 * self.emblem_radius()
        self.button("begin", (cx - bw // 2, y, bw, px(46)), self.begin_label(), self.begin,
                    cls="@primary")
        saved = self.saved
        y += px(46) + gap
        self.button("saved", (cx - bw // 2, y, bw, px(36)), _("Continue a saved game (C)"),
                    lambda: self.app.goto("saved"),
                    tip=(ngettext("{n} unfinished game saved", "{n} unfinished games saved",
                                  len(saved)).format(n=len(saved))
                         if saved else _("No unfinished game is saved")))
        y += px(36) + gap
        self.button("review", (cx - bw // 2, y, bw, px(36)), _("Review a saved game (R)"),
                    lambda: self.app.goto("sessions"),
                    tip=_("Replay any saved game step by step, play on from any point, "
                          "compare"))
        y += px(36) + gap
        contrast = self.app.palette == "high_contrast"
        self.button("contrast", (cx - bw // 2, y, bw, px(36)),
                    (_("Standard colours (F10)") if contrast else _("High contrast (F10)")),
                    self.app.toggle_contrast,
                    tip=_("Switch between the colour-blind-safe palette and high contrast"))
        y += px(36) + gap
        self.button("language", (cx - bw // 2, y, bw, px(36)),
                    _("Language: {name} (L)").format(name=i18n.LANGUAGES[i18n.language()]),
                    self.app.next_language,
                    tip=_("The game's language: {names}").format(
                        names=", ".join(i18n.LANGUAGES.values())))
        y += px(36) + gap
        self.button("quit", (cx - bw // 2, y, bw, px(36)), _("Quit (Esc)"), self.app.request_quit)
        if self.cases[self.chosen].scenario is None:
            self.buttons["begin"].disable()
        if not saved:
            self.buttons["saved"].disable()
        if self.app.maker is None:
            self.buttons["review"].disable()
        self.keys[pygame.K_c] = lambda: self.press("saved")
        self.keys[pygame.K_r] = lambda: self.press("review")
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("begin")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("quit")
        self.keys[pygame.K_UP] = lambda: self.pick(self.chosen - 1)
        self.keys[pygame.K_DOWN] = lambda: self.pick(self.chosen + 1)
        self.keys[pygame.K_t] = lambda: self.press("mode")
        self.keys[pygame.K_o] = lambda: self.press("rounds")
        self.keys[pygame.K_i] = lambda: self.press("timer")
        self.keys[pygame.K_m] = lambda: self.press("sound")
        self.keys[pygame.K_l] = lambda: self.press("language")
        self.keys[pygame.K_LEFT] = lambda: self.choose_side(SIDES[0])
        self.keys[pygame.K_RIGHT] = lambda: self.choose_side(SIDES[1])
        for k, level in enumerate(self.levels()[:9]):
            self.keys[pygame.K_1 + k] = partial(self.choose_level, level)

    def build_choices(self, x: int, y: int, col: int) -> int:
        """The row of sides and the row of opponents (the chosen ones selected), each under
        its heading; the y below them."""
        scenario = self.cases[self.chosen].scenario
        self.label((x, y, col, px(26)), _("Play as  (Left/Right keys)"), "@subheading")
        y += px(28)
        bw = (col - px(8)) // 2
        for k, side in enumerate(SIDES):
            spec = side_spec(scenario, side)
            name = spec.name if spec else side_word(side)
            goal = spec.goal if spec else ""
            text = style.ellipsize(f"{side_word(side)} · {name}", bw - px(24), 15)
            b = self.button(f"side_{side}", (x + k * (bw + px(8)), y, bw, px(38)), text,
                            partial(self.choose_side, side), tip=clip(goal, 300) or None)
            if side == self.side:
                b.select()
            if not self.can_choose or scenario is None:
                b.disable()
        y += px(46)
        levels = self.levels() or ([self.level] if self.level else [])
        opponent = (_("Opponent  (keys 1–{n})").format(n=len(levels))
                    if len(levels) > 1 and self.can_choose else _("Opponent"))
        self.label((x, y, col, px(26)), opponent, "@subheading")
        y += px(28)
        lw = (col - px(8) * max(0, len(levels) - 1)) // max(1, len(levels))
        for k, level in enumerate(levels):
            b = self.button(f"level_{level}", (x + k * (lw + px(8)), y, lw, px(38)),
                            f"{k + 1}  {level_label(level)}", partial(self.choose_level, level),
                            tip=_(LEVELS[level][1]) if level in LEVELS else None)
            if level == self.level:
                b.select()
            if not self.can_choose or self.mode == "teams":
                b.disable()
        y += px(46)
        return self.build_setup(x, y, col)

    def build_setup(self, x: int, y: int, col: int) -> int:
        """The row of who plays (T), the turns per stage (O), the timer (I) and sound (M);
        the y below it."""
        self.label((x, y, col, px(26)), _("Players, turns, timer, sound  (keys T, O, I, M)"),
                   "@subheading")
        y += px(28)
        bw = (col - 3 * px(8)) // 4
        rounds = (ngettext("{n} turn a stage", "{n} turns a stage", self.rounds).format(
            n=self.rounds) if self.rounds else _("Turns: budget"))
        timer = (_("Timer: {seconds} s").format(seconds=self.timer) if self.timer
                 else _("Timer: off"))
        row = (("mode", "T  " + _(MODE_WORDS[self.mode]), self.next_mode,
                _("One player against the bot, a team against the bot, or two teams taking "
                  "the keyboard in turn")),
               ("rounds", "O  " + rounds, self.next_rounds,
                _("Lobbying turns each side takes in each stage (budget: as many as its "
                  "capital and days pay for)")),
               ("timer", "I  " + timer, self.next_timer,
                _("Seconds a turn may take; when they run out the turn ends. P pauses.")),
               ("sound", "M  " + self.app.sound.label(), self.toggle_sound,
                _("The gavel, the vote board and the veto; nothing needs it")))
        for k, (key, text, handler, tip) in enumerate(row):
            b = self.button(key, (x + k * (bw + px(8)), y, bw, px(38)),
                            style.ellipsize(text, bw - px(16), 15), handler, tip=tip)
            if key != "sound" and not self.can_choose:
                b.disable()
        return y + px(50)

    def setup(self) -> TeamSetup:
        """The teams, rounds and timer of the next game, as chosen on screen."""
        teams = {"solo": (), "team": (self.side,), "teams": SIDES}[self.mode]
        return TeamSetup(tuple(teams), self.rounds, self.timer)

    def next_mode(self) -> None:
        """T: one player, a team against the bot, two teams; a team game starts with the
        lesson's rounds and timer when none are set."""
        if not self.can_choose:
            return
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        if self.mode != "solo" and not self.rounds and not self.timer:
            self.rounds, self.timer = DEFAULT_ROUNDS, DEFAULT_TIMER
        self.rebuild()

    def next_rounds(self) -> None:
        """O: the next number of turns per stage."""
        if self.can_choose:
            self.rounds = next_choice(ROUND_CHOICES, self.rounds)
            self.rebuild()

    def next_timer(self) -> None:
        """I: the next turn timer."""
        if self.can_choose:
            self.timer = next_choice(TIMER_CHOICES, self.timer)
            self.rebuild()

    def toggle_sound(self) -> None:
        """M: sound on or off (the window's own setting, for every game)."""
        self.app.sound.toggle()
        self.rebuild()

    @staticmethod
    def item_text(case: Case) -> str:
        """A case's line in the list (indented: list items have no padding of their own)."""
        return "   " + clip(case.title, 70)

    def brand_x(self) -> int:
        """Centre of the column left of the case: emblem, name, Begin and Quit."""
        return min(px(230), self._text_x // 2)

    def emblem_radius(self) -> int:
        """The emblem's radius: as large as the column and the window's height allow."""
        return max(px(30), min(px(110), self.brand_x() - px(50),
                               (self.size[1] - px(430)) // 2))

    def same_game(self) -> bool:
        """The choices on screen are those of the game in hand (case, side, opponent)."""
        session = self.game.session
        players = self.mode == "teams" or (self.side == self.game.side
                                           and self.level == self.game.level)
        return (self.cases[self.chosen].scenario is self.game.scenario and players
                and self.setup() == TeamSetup(session.teams, session.rounds, session.timer))

    def begin_label(self) -> str:
        """Continue for the game in progress, Play again after its debrief, else Begin."""
        if self.same_game() and self.app.in_progress:
            return _("Continue  (Enter)")
        if self.same_game() and self.game.state.finished:
            return _("Play again  (Enter)")
        return _("Begin  (Enter)")

    # -- choosing ---------------------------------------------------------------------------
    def pick(self, index: int) -> None:
        """Select the case at ``index`` (keyboard, or the list)."""
        if not self.can_switch or not 0 <= index < len(self.cases):
            return
        self.chosen = index
        self.rebuild()

    def choose_side(self, side: str) -> None:
        """Play ``side`` in the next game (a button, or the Left/Right keys)."""
        if self.can_choose and side in SIDES and side != self.side:
            self.side = side
            self.rebuild()

    def choose_level(self, level: str) -> None:
        """Play against ``level`` in the next game (a button, or a number key)."""
        if self.can_choose and level in self.levels() and level != self.level:
            self.level = level
            self.rebuild()

    def on_event(self, event: pygame.event.Event) -> bool:
        """A click in the list of cases selects that case."""
        if (event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION
                and event.ui_element is getattr(self, "cases_list", None)):
            titles = [self.item_text(case) for case in self.cases]
            if event.text in titles:
                self.pick(titles.index(event.text))
            return True
        return False

    def begin(self) -> None:
        """Begin (or continue) the chosen game; abandoning a game in progress asks first."""
        case = self.cases[self.chosen]
        if case.scenario is None:
            return
        if self.same_game() and not self.game.state.finished:
            self.app.goto("briefing")
        elif self.app.in_progress:
            now = self.game.scenario.spec.title
            self.confirm(_("Start a new game?"),
                         _("The game of <b>{now}</b> (as {side}) is not over. Leave it and "
                           "start <b>{case}</b> as {new_side}? (Its decisions so far stay "
                           "saved.)").format(
                             now=escape(clip(now)), side=escape(self.game.side_name()),
                             case=escape(clip(case.scenario.spec.title)),
                             new_side=escape(getattr(side_spec(case.scenario, self.side),
                                                     "name", ""))),
                         _("Start"), self.start)
        else:
            self.start()

    def start(self) -> None:
        """Start a new game of the chosen case, side and opponent; open its briefing."""
        scenario = self.cases[self.chosen].scenario
        assert scenario is not None, "begin() starts only a case that loads"
        if self.app.maker is not None:
            self.app.new_game(scenario, self.side, self.level, self.setup())
        self.app.goto("briefing")

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Emblem, name and tagline; the footer line and the notes above it."""
        surface.fill(style.BG)
        h_ = self.size[1]
        cx = self.brand_x()
        r = self.emblem_radius()
        m = px(MARGIN)
        draw_emblem(surface, (cx, px(30) + r), r)
        style.text(surface, "PLENARY", (cx, px(40) + 2 * r), 48, bold=True, anchor="midtop",
                   max_width=2 * cx - m)
        style.text(surface, _("Lobby the United Nations"), (cx, px(104) + 2 * r), 18,
                   colour=style.MUTED, anchor="midtop", max_width=2 * cx - m)
        # the case chosen in the list (not the game in hand: it may be another one)
        seed = (" · " + _("seed {seed}").format(seed=self.game.session.seed)
                if self.same_game() else "")
        step = style.font(13).get_linesize()
        style.paragraph(surface, f"{self.cases[self.chosen].path.name}{seed} · "
                        + _("F1 glossary · F11 fullscreen"),
                        pygame.Rect(m, h_ - m - 2 * step, self._text_x - 2 * m, 2 * step), 13,
                        colour=style.MUTED, max_lines=2)
        self.draw_notes(surface, pygame.Rect(m, 0, self._text_x - 2 * m, 0))

    def draw_notes(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """What the player should know before beginning (not saved, an older game kept,
        a repaired decision file), small, above the footer line."""
        notes = self.game.notices(start=True)
        h_ = self.size[1]
        step = style.font(13).get_linesize()
        y = h_ - px(MARGIN) - 2 * step - px(6)
        for note in reversed(notes[-4:]):
            lines = style.wrap(note, area.w, 13)[:2]
            y -= step * len(lines)
            style.paragraph(surface, note, pygame.Rect(area.x, y, area.w, step * len(lines) + 2),
                            13, colour=style.GOLD, max_lines=2)
            y -= px(4)
