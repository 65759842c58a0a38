"""The floor's actions: each button builds one decision of the player's side and plays it
through the Game.

A button is enabled from the Session's list of legal decisions: one that makes a chosen
decision (the selected delegation, argument, group) iff that decision is in the list; the
offer, tactics and no-action buttons iff some decision of their kind is. What the rules say
when they refuse one is ``Session.check``'s reason, shown on the status line.

Before a move is made the panel previews it (the action pointed at, else lobbying the selected
delegation, else addressing the chosen group): the change in the tally and P(adopted) and the
points the player's side can expect. The offer and tactics windows preview each choice the
same way; asking for the vote (or letting it be called) with capital left asks first.
"""
from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UITextBox, UIWindow

from ...decisions import (
    AddressGroup,
    Decision,
    DecisionError,
    Lobby,
    Pass,
    ProceedToVote,
    RespondToOffer,
    SeekCosponsor,
    TableMotion,
)
from ...scenario.models import Offer
from ...vocabulary import BLOCS, REGIONAL_GROUPS, group_name
from .. import style, words
from ..controller import Preview

if TYPE_CHECKING:
    from .base import Scene
    from .floor import FloorPrefs

    # For the type checker the mixin is a Scene: it uses the Scene's helpers and state.
    _SceneBase = Scene
else:
    _SceneBase = object

#: What a side can address: the regional groups, then the blocs.
GROUPS = REGIONAL_GROUPS + BLOCS

#: Side -> the action buttons, as (key, label, shortcut), in reading order over two columns.
ACTIONS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "sponsors": (
        ("lobby", "1  Lobby delegation", pygame.K_1),
        ("address", "2  Address group", pygame.K_2),
        ("cosponsor", "3  Seek co-sponsor", pygame.K_3),
        ("text", "4  Draft text…", pygame.K_4),
        ("offer", "5  Offer…", pygame.K_5),
        ("table", "6  Table a draft", pygame.K_6),
        ("tactics", "8  Floor tactics…", pygame.K_8),
        ("proceed", "7  Proceed to the vote", pygame.K_7),
    ),
    "opposition": (
        ("lobby", "1  Lobby delegation", pygame.K_1),
        ("address", "2  Address group", pygame.K_2),
        ("noaction", "3  Move no action", pygame.K_3),
        ("text", "4  Draft text…", pygame.K_4),
        ("offer", "5  Offer…", pygame.K_5),
        ("table", "6  Table a draft", pygame.K_6),
        ("tactics", "8  Floor tactics…", pygame.K_8),
        ("proceed", "7  Pass", pygame.K_7),
    ),
}
#: The cost (a field of the scenario's ``costs``) of each button's move, if it has one.
COST_NAMES = {"lobby": "lobby", "address": "address_group", "cosponsor": "seek_cosponsor",
              "noaction": "no_action"}
TIPS = {
    "lobby": "Lobby the selected delegation with the chosen argument",
    "address": "Address a whole regional group or bloc (weaker per member, reaches many)",
    "cosponsor": ("Ask the selected delegation to co-sponsor (it agrees if P(in favour) is 80% "
                  "or more)"),
    "noaction": ("Move that no action be taken on the draft (at once): voted first; if adopted "
                 "the draft is not voted at all"),
    "text": "Read the draft resolution (and revise the paragraphs the sponsors may change)",
    "offer": "Answer an offer made to your side",
    "table": "Decide whether an optional draft is put to the vote (only where one is optional)",
    "tactics": ("Choose a procedural move from a list: separate votes on a paragraph, "
                "objections, asking a permanent member to abstain, no action"),
    "proceed": "End lobbying: the motions of this stage are put to a recorded vote",
}
#: Decision types the tactics window offers, in its order.
TACTIC_TYPES = ("move_no_action", "request_separate_vote", "object_to_division",
                "ask_abstention")
#: What each tactic does, in a sentence (the rules of procedure behind it).
TACTIC_WORDS = {
    "move_no_action": ("A motion that no action be taken is voted before the draft and its "
                       "amendments (rules 116 and 74): if it is adopted, the draft is not voted "
                       "at all."),
    "request_separate_vote": ("The paragraph is put to the vote on its own before the draft; "
                              "if it is rejected it leaves the text. The sponsors may object: "
                              "a motion for division is then voted first (rules 129 and 89)."),
    "object_to_division": ("Your objection puts a motion for division to the vote first: if it "
                           "is rejected, the paragraph stays without a separate vote. It costs "
                           "nothing but your turn."),
    "ask_abstention": ("A permanent member that abstains does not block the draft (Charter "
                       "Art. 27(3)). It agrees only if it is not set on voting against; a "
                       "refusal costs the same."),
}
TACTIC_COSTS = {"move_no_action": "no_action", "request_separate_vote": "separate_vote",
                "ask_abstention": "ask_abstention"}
#: Rows of the tactics window shown at once (Up/Down scroll through more).
TACTIC_ROWS = 7


def cost_words(capital: int, days: int) -> str:
    """'3 capital, 1 day'."""
    return f"{capital} capital, {days} day{'s' if days != 1 else ''}"


class ActionsMixin(_SceneBase):
    """Builds the action panel into a rect; needs Scene helpers and ``self.prefs``."""

    offer_window: UIWindow | None = None
    tactics_window: UIWindow | None = None
    #: What the scene using the mixin provides (FloorScene).
    prefs: FloorPrefs
    status_text: str
    status_error: bool

    if TYPE_CHECKING:
        def refresh(self) -> None:
            """Recompute what the screen shows from the state (the scene's own)."""

    def clear(self) -> None:
        """Elements go (on resize or leaving), the windows with them."""
        self.offer_window = None
        self.tactics_window = None
        super().clear()

    def build_actions(self, rect: pygame.Rect) -> None:
        """Argument and group choosers, the numbered action buttons, the preview, the status."""
        x, y, w = rect.x, rect.y, rect.w
        self.actions_width = w
        self.focus: str | None = None
        self.tactics: list[Decision] = []
        self.tactic_index = 0
        args = self.argument_options()
        if self.prefs.argument not in {a for _, a in args}:
            self.prefs.argument = args[0][1] if args else None
        self.label((x, y, 110, 32), "Argument")
        if args:
            self.dropdown("argument", (x + 110, y, w - 110, 32), args, self.prefs.argument,
                          self.set_argument)
        groups = self.group_options()
        if self.prefs.address not in GROUPS:
            self.prefs.address = GROUPS[0]
        self.label((x, y + 38, 110, 32), "Group or bloc")
        self.dropdown("address", (x + 110, y + 38, w - 110, 32), groups, self.prefs.address,
                      self.set_address)
        bw, bh = (w - 8) // 2, 34
        by = y + 78
        costs = self.game.scenario.spec.costs
        never = self.never_here()
        for k, (key, label, shortcut) in enumerate(ACTIONS[self.game.side]):
            if key in never:
                continue
            if key in COST_NAMES:            # the cost on the button: "1  Lobby delegation · 1/1d"
                c = getattr(costs, COST_NAMES[key])
                label = style.ellipsize(label, bw - 70, 15) + f"  · {c.capital}c {c.days}d"
            col, row = k % 2, k // 2
            r = (x + col * (bw + 8), by + row * (bh + 6), bw, bh)
            # no tool tip: it would cover the preview below, which tells what the button does
            self.button(key, r, label, getattr(self, f"do_{key}"),
                        cls="@primary" if key == "proceed" else "@action")
            self.keys[shortcut] = partial(self.press, key)
        self.keys[pygame.K_TAB] = self.next_argument
        top = by + 4 * (bh + 6)
        self.preview_rect = pygame.Rect(x + 10, top + 2, w - 10, 76)
        self.status_rect = pygame.Rect(x + 10, self.preview_rect.bottom + 6, w - 10,
                                       rect.bottom - self.preview_rect.bottom - 6)

    def never_here(self) -> set[str]:
        """Buttons whose move can never apply at this stage (left off the panel): no action
        where no draft of the stage can have one (the Council), tabling where no draft of the
        stage is optional for the player's side."""
        out = set()
        motions = self.game.session.world.motions
        if not any(f"{m}:no_action" in motions for m in self.game.stage_motions()):
            out.add("noaction")
        if self.optional_motion() is None:
            out.add("table")
        return out

    # -- choices ----------------------------------------------------------------------------
    def set_argument(self, arg: str) -> None:
        """An argument picked from the list: the buttons follow."""
        self.prefs.argument = arg
        self.refresh_actions()

    def next_argument(self) -> None:
        """Tab: the next argument in the list."""
        args = [a.id for a in self.game.scenario.spec.arguments if a.side == self.game.side]
        if args:
            now = self.prefs.argument
            k = (args.index(now) + 1) % len(args) if now in args else 0
            self.choose_argument(args[k])

    def choose_argument(self, arg: str) -> None:
        """Select an argument as if picked from the list (rebuilds the dropdown)."""
        d = self.dropdowns["argument"]
        self.prefs.argument = arg
        self.dropdown("argument", d.relative_rect, self.argument_options(), arg,
                      self.set_argument)
        self.refresh_actions()

    def argument_options(self) -> list[tuple[str, str]]:
        """(label, id) of the player's side's arguments, labels cut to fit a list."""
        room = self.dropdown_room()
        return [(style.ellipsize(words.clip(a.label), room, 16), a.id)
                for a in self.game.scenario.spec.arguments if a.side == self.game.side]

    def group_options(self) -> list[tuple[str, str]]:
        """(label, id) of the groups and blocs; a name too long for the list keeps its
        abbreviation in front ("OIC: Organisation of Islamic Coop…")."""
        room = self.dropdown_room()
        out = []
        for g in GROUPS:
            name = group_name(g)
            if style.ellipsize(name, room, 16) != name and name.endswith(")") and " (" in name:
                full, abbr = name[:-1].rsplit(" (", 1)
                name = f"{abbr}: {full}"
            out.append((style.ellipsize(name, room, 16), g))
        return out

    def dropdown_room(self) -> int:
        """Pixels a label has in the argument list (its width less the arrow and padding)."""
        return max(120, getattr(self, "actions_width", 460) - 110 - 60)

    def set_address(self, group: str) -> None:
        """A group or bloc picked from the list: the buttons follow."""
        self.prefs.address = group
        self.refresh_actions()

    def choose_address(self, group: str) -> None:
        """Select a group or bloc as if picked from the list (rebuilds the dropdown)."""
        d = self.dropdowns["address"]
        self.prefs.address = group
        self.dropdown("address", d.relative_rect, self.group_options(), group,
                      self.set_address)
        self.refresh_actions()

    # -- the actions ------------------------------------------------------------------------
    def do_lobby(self) -> None:
        """Lobby the selected delegation with the chosen argument."""
        decision = self.candidates()["lobby"]
        if decision is not None:
            self.submit(decision)

    def do_address(self) -> None:
        """Address the chosen group or bloc with the chosen argument."""
        decision = self.candidates()["address"]
        if decision is not None:
            self.submit(decision)

    def do_cosponsor(self) -> None:
        """Ask the selected delegation to co-sponsor."""
        decision = self.candidates()["cosponsor"]
        if decision is not None:
            self.submit(decision)

    def do_text(self) -> None:
        """Open the draft text screen."""
        self.app.goto("text")

    def do_table(self) -> None:
        """Table the optional draft, or hold it back if it is tabled."""
        decision = self.candidates()["table"]
        if decision is not None:
            self.submit(decision)

    def do_proceed(self) -> None:
        """End lobbying (the sponsors ask for the vote; the opposition passes, which in its
        last word lets the vote be called). With capital left, ask first."""
        decision = self.candidates()["proceed"]
        if decision is None:
            return
        if not self.ends_stage(decision) or not self.game.can_still_act():
            self.submit(decision)
            return
        capital, days = self.game.budget()
        try:
            points = escape(self.game.preview(decision).points_line())
        except DecisionError:
            points = ""
        verb = "Proceed" if isinstance(decision, ProceedToVote) else "Let it be called"
        what = ("Ask for the vote?" if isinstance(decision, ProceedToVote)
                else "Let the vote be called?")
        self.confirm(what, f"You still have <b>{cost_words(capital, days)}</b> left at this "
                     f"stage; once the vote is called, what is left is lost.<br>{points}",
                     verb, partial(self.play_confirmed, decision))

    def play_confirmed(self, decision: Decision) -> None:
        """The player confirmed: play the decision."""
        self.submit(decision)

    def ends_stage(self, decision: Decision) -> bool:
        """The decision ends lobbying (asking for the vote, or passing in the last word)."""
        return self.game.ends_lobbying(decision)

    # -- the offer window ---------------------------------------------------------------------
    def do_offer(self) -> None:
        """Open a window with the offer, what each answer would do, and its two buttons."""
        offer = self.open_offer()
        if offer is None or self.offer_window is not None:
            return
        w, h = self.size
        win_h = min(560, h - 60)
        win = UIWindow(pygame.Rect(w // 2 - 360, h // 2 - win_h // 2, 720, win_h), self.manager,
                       window_display_title=words.clip(self.offer_title(offer), 70),
                       object_id="#offer")
        self.add(win)
        self.offer_window = win
        inner_w, inner_h = win.get_container().get_size()
        UITextBox(self.offer_html(offer), pygame.Rect(10, 10, inner_w - 20, inner_h - 76),
                  self.manager, container=win)
        bw = int(inner_w - 30) // 2
        by = inner_h - 56
        self.button("accept", (10, by, bw, 44),
                    style.ellipsize(offer.accept_label, bw - 24, 15) + "  (A)",
                    partial(self.answer, True), container=win)
        self.button("refuse", (20 + bw, by, bw, 44),
                    style.ellipsize(offer.refuse_label, bw - 24, 16, True) + "  (R)",
                    partial(self.answer, False), cls="@primary", container=win)

    @staticmethod
    def is_deal(offer: Offer) -> bool:
        """An offer proper (a deal changing the text or winning goodwill), not an event."""
        return bool(offer.drop or offer.add or offer.goodwill)

    def offer_title(self, offer: Offer) -> str:
        """'An offer from the DPRK' for a deal; 'From China and Russia' for an event."""
        return f"An offer from {offer.by}" if self.is_deal(offer) else f"From {offer.by}"

    def offer_html(self, offer: Offer) -> str:
        """The offer, what accepting changes and costs, its source, and each answer's preview."""
        parts = [escape(offer.description)]
        changes = []
        if offer.drop:
            changes.append("Accepting drops " + self.paragraph_names(offer.drop))
        if offer.add:
            changes.append("adds " + self.paragraph_names(offer.add))
        if offer.tables:
            tabled = [self.game.motion(m).title for m in offer.tables
                      if m in self.game.session.world.motions]
            if tabled:
                changes.append(("puts " if changes else "Accepting puts ")
                               + escape(" and ".join(tabled)) + " to the vote")
        if offer.cost is not None:
            changes.append(f"costs you {cost_words(offer.cost.capital, offer.cost.days)}")
        if changes:
            parts.append(words.c(words.MUTED, "; ".join(changes) + "."))
        source = next((s for s in self.game.scenario.spec.sources if s.id == offer.source), None)
        if source is not None:
            parts.append(words.c(words.MUTED, "Source: " + escape(source.title)
                                 + (f" ({source.date})" if source.date else "")))
        for accept, label in ((True, offer.accept_label), (False, offer.refuse_label)):
            parts.append(words.c(words.GOLD, f"<b>If you choose “{escape(label)}”:</b> ")
                         + self.preview_html(RespondToOffer(self.game.side, offer.id,
                                                            accept)))
        return "<br><br>".join(parts)

    def if_accepted(self, offer_id: str) -> str:
        """The forecasts and points if the offer were accepted (one line each)."""
        try:
            return "If you accept: " + self.game.preview(
                RespondToOffer(self.game.side, offer_id, True)).text()
        except DecisionError:
            return ""

    def paragraph_names(self, ids: list[str]) -> str:
        """'OP 8 (Encourages the Council ...)' for paragraph ids of the stage's draft."""
        names = {p.id: f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number} ({p.summary})"
                 for t in self.game.scenario.spec.texts.values() for p in t.paragraphs}
        return escape(", ".join(names.get(i, i) for i in ids)) or "nothing"

    def answer(self, accept: bool) -> None:
        """Accept or refuse the open offer (the window closes either way)."""
        offer = self.open_offer()
        self.close_windows()
        if offer is not None:
            self.submit(RespondToOffer(self.game.side, offer.id, accept))

    # -- the tactics window -------------------------------------------------------------------
    def tactic_decisions(self) -> list[Decision]:
        """The floor tactics the player's side can use now, in the window's order."""
        mine = [d for d in self.game.mine() if d.type in TACTIC_TYPES]

        def order(d: Decision) -> tuple:
            motion = getattr(d, "motion", "")
            para = getattr(d, "paragraph", None)
            number = self.game.paragraph_name(motion, para) if para else ""
            return (TACTIC_TYPES.index(d.type), motion, number.split()[0] if number else "",
                    int(number.split()[-1]) if number[-1:].isdigit() else 0,
                    getattr(d, "member", ""))
        return sorted(mine, key=order)

    def do_noaction(self) -> None:
        """Move no action on the stage's draft (the first motion it can be moved on)."""
        decision = next((d for d in self.game.mine() if d.type == "move_no_action"), None)
        if decision is not None:
            self.submit(decision)

    def do_tactics(self, first: str | None = None) -> None:
        """Open the tactics window (on the first tactic of type ``first``, if given)."""
        self.tactics = self.tactic_decisions()
        if not self.tactics:
            return
        self.tactic_index = next((k for k, d in enumerate(self.tactics) if d.type == first), 0)
        self.build_tactics()

    def build_tactics(self) -> None:
        """(Re)build the tactics window: a row per tactic, the chosen one's preview, buttons."""
        if self.tactics_window is not None:
            self.close_tactics()
        w, h = self.size
        win_h = min(620, h - 40)
        win = UIWindow(pygame.Rect(w // 2 - 390, h // 2 - win_h // 2, 780, win_h),
                       self.manager, window_display_title="Floor tactics  (Up/Down choose · "
                       "Enter make the move · Esc close)", object_id="#tactics")
        self.add(win)
        self.tactics_window = win
        inner_w, inner_h = win.get_container().get_size()
        first = max(0, min(self.tactic_index - TACTIC_ROWS // 2,
                           len(self.tactics) - TACTIC_ROWS))
        self.tactic_keys: list[str] = []
        y = 8
        for k in range(first, min(len(self.tactics), first + TACTIC_ROWS)):
            d = self.tactics[k]
            key = f"tactic_{k}"
            b = self.button(key, (10, y, inner_w - 20, 34),
                            style.ellipsize(self.tactic_label(d), int(inner_w) - 50, 15),
                            partial(self.choose_tactic_at, k), cls="@action", container=win)
            if k == self.tactic_index:
                b.select()
            self.tactic_keys.append(key)
            y += 38
        more = len(self.tactics) - TACTIC_ROWS
        box_top = y + (18 if more > 0 else 4)
        if more > 0:
            self.add(pygame_gui.elements.UILabel(
                pygame.Rect(10, y - 2, inner_w - 20, 18),
                f"{len(self.tactics)} in all: Up/Down to see the others", self.manager,
                container=win))
        d = self.tactics[self.tactic_index]
        html = (f"<b>{escape(self.tactic_label(d))}</b><br>"
                + words.c(words.MUTED, escape(TACTIC_WORDS.get(d.type, ""))) + "<br><br>"
                + self.preview_html(d))
        self.tactic_box = UITextBox(html, pygame.Rect(10, box_top, inner_w - 20,
                                                      inner_h - box_top - 62),
                                    self.manager, container=win)
        bw = int(inner_w - 30) // 2
        self.button("do_tactic", (10, inner_h - 54, bw, 44), "Make this move  (Enter)",
                    self.do_tactic, cls="@primary", container=win)
        self.button("close_tactics", (20 + bw, inner_h - 54, bw, 44), "Close  (Esc)",
                    self.close_tactics, container=win)

    def tactic_label(self, d: Decision) -> str:
        """A tactic in a line: what it is and what it costs."""
        what = self.game.describe(d, now=True)
        name = TACTIC_COSTS.get(d.type)
        if name is None:
            return what[0].upper() + what[1:] + " · free"
        c = getattr(self.game.scenario.spec.costs, name)
        return what[0].upper() + what[1:] + f" · {cost_words(c.capital, c.days)}"

    def choose_tactic_at(self, index: int) -> None:
        """Show tactic ``index`` (a click on its row, or Up/Down)."""
        if self.tactics and 0 <= index < len(self.tactics):
            self.tactic_index = index
            self.build_tactics()

    def choose_tactic(self, decision: Decision) -> bool:
        """Show the row of ``decision`` (the driver's way to pick one). False if none."""
        if decision not in self.tactics:
            return False
        self.choose_tactic_at(self.tactics.index(decision))
        return True

    def do_tactic(self) -> None:
        """Make the tactic shown (the window closes)."""
        if not self.tactics:
            return
        decision = self.tactics[self.tactic_index]
        self.close_windows()
        self.submit(decision)

    def close_tactics(self) -> None:
        """Close the tactics window (its buttons go with it)."""
        win = self.tactics_window
        if win is None:
            return
        for key in [k for k in self.buttons if k.startswith("tactic_")] + ["do_tactic",
                                                                            "close_tactics"]:
            b = self.buttons.pop(key, None)
            self.handlers.pop(b, None)
        win.kill()
        if win in self.elements:
            self.elements.remove(win)
        self.tactics_window = None

    def handle(self, event: pygame.event.Event) -> bool:
        """With the tactics window open, Up/Down choose a tactic and Enter makes it; with the
        offer window open, A accepts and R refuses; the rest as usual."""
        if event.type == pygame.KEYDOWN and not self.overlay_open:
            if self.tactics_window is not None:
                step = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(event.key)
                if step:
                    self.choose_tactic_at(self.tactic_index + step)
                    return True
                if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                    self.press("do_tactic")
                    return True
                if event.key != pygame.K_ESCAPE and event.key != pygame.K_F1:
                    return True
            if self.offer_window is not None:
                answer = {pygame.K_a: "accept", pygame.K_r: "refuse"}.get(event.key)
                if answer:
                    self.press(answer)
                    return True
                if event.key not in (pygame.K_ESCAPE, pygame.K_F1):
                    return True
        return super().handle(event)

    # -- previews ---------------------------------------------------------------------------
    def preview_html(self, decision: Decision) -> str:
        """A decision's preview as HTML: the delegation, the motions, the points at stake."""
        try:
            p = self.game.preview(decision)
        except DecisionError as exc:
            return words.c(words.ERROR_HEX, "Not possible now: " + escape(str(exc)))
        lines = ([escape(p.member)] if p.member else []) + [escape(x) for x in p.lines]
        return "<br>".join(lines + [self.points_html(p)])

    def points_html(self, p: Preview) -> str:
        """The points line in the colour of its direction (better, worse, the same)."""
        colour = (words.ink("yes") if p.delta > 0.005 else words.ink("no") if p.delta < -0.005
                  else words.GOLD)
        return words.c(colour, "<b>" + escape(p.points_line(3)) + "</b>")

    def focused(self) -> tuple[str, Decision] | None:
        """(button, decision) the preview is about: the action pointed at, else lobbying the
        selected delegation, else addressing the chosen group."""
        candidates = self.candidates()
        mine = self.game.mine()
        offer = self.open_offer()
        candidates["noaction"] = next((d for d in mine if d.type == "move_no_action"), None)
        candidates["tactics"] = next((d for d in self.tactic_decisions()), None)
        candidates["offer"] = (RespondToOffer(self.game.side, offer.id, True)
                               if offer else None)
        for key in (self.focus, "lobby", "address"):
            d = candidates.get(key) if key else None
            if d is not None and d in mine:
                return key, d                           # type: ignore[return-value]
        return None

    def preview_words(self) -> tuple[str, str, float] | None:
        """(what, the numbers, change in points) for the preview strip, or None. A button
        pointed at that cannot be used says why (and what it would do)."""
        focus = self.focused()
        if self.focus is not None and (focus is None or focus[0] != self.focus):
            return self.why_not(self.focus)
        if focus is None:
            return None
        key, d = focus
        try:
            p = self.game.preview(d, self.motion_id)
        except DecisionError:
            return None
        what = self.game.describe(d, now=True, detail=False)
        name = COST_NAMES.get(key)
        if name:
            c = getattr(self.game.scenario.spec.costs, name)
            what += f" ({cost_words(c.capital, c.days)})"
        numbers = [p.member] if p.member else []
        raised = self.game.raised_by(d)              # a tactic: the motion it would raise
        numbers.append(p.motion_line(raised[0]) if raised else
                       p.motion_line(self.motion_id) or (p.lines[-1] if p.lines else ""))
        # the points first: a line cut short still tells whether the move helps
        return (f"If you {what}:", p.points_line(1) + "\n"
                + " · ".join(x for x in numbers if x), p.delta)

    def why_not(self, key: str) -> tuple[str, str, float]:
        """(what the button does, why it cannot be used now, 0) for a disabled button."""
        label = next(lab for k, lab, _ in ACTIONS[self.game.side] if k == key)
        what = label.split("  ", 1)[-1].rstrip("…")
        name = COST_NAMES.get(key)
        if name:
            c = getattr(self.game.scenario.spec.costs, name)
            what += f" ({cost_words(c.capital, c.days)})"
        if key in ("lobby", "cosponsor") and not self.prefs.selected:
            why = "Click a delegation first (or choose one with the arrow keys)."
        elif self.game.state.to_move != self.game.side:
            why = "Not now: it is the other side's move."
        else:
            decision = self.candidates().get(key)
            why = "Nothing of this kind can be done now."
            if decision is not None:
                try:
                    self.game.session.check(decision)
                except DecisionError as exc:
                    why = f"Not possible now: {exc}"
        return f"{what}:", why + "\n" + TIPS[key] + ".", 0.0

    if TYPE_CHECKING:
        @property
        def motion_id(self) -> str:
            """The motion whose forecast the floor shows (FloorScene's)."""

    def update_focus(self) -> None:
        """The action button under the pointer becomes the preview's subject."""
        pointer = pygame.mouse.get_pos()
        hovered = next((key for key, _, _ in ACTIONS[self.game.side]
                        if key in self.buttons and (
                            self.buttons[key].hovered or not self.buttons[key].is_enabled
                            and self.buttons[key].rect.collidepoint(pointer))), None)
        self.focus = hovered

    # -- helpers ----------------------------------------------------------------------------
    def open_offer(self) -> Offer | None:
        """The offer made to the player's side at this stage and not answered yet."""
        stage = self.game.stage
        answered = dict(self.game.state.offers)
        mine = {d.offer for d in self.game.mine() if isinstance(d, RespondToOffer)}
        return next((o for o in self.game.scenario.spec.offers
                     if stage and o.stage == stage.id and o.id not in answered
                     and getattr(o, "to", "sponsors") == self.game.side and o.id in mine),
                    None)

    def optional_motion(self) -> str | None:
        """The stage's motion that the player's side puts to the vote only if it tables it."""
        return next((m for m in self.game.stage_motions() if self.game.motion(m).optional
                     and self.game.motion(m).tabled_by == self.game.side), None)

    def has_draft(self) -> bool:
        """The stage has a draft text to read."""
        return self.game.has_text()

    def close_windows(self) -> bool:
        """Close the offer or tactics window if open; True if one was closed."""
        if self.tactics_window is not None:
            self.close_tactics()
            return True
        win = self.offer_window
        if win is None:
            return False
        for key in ("accept", "refuse"):
            b = self.buttons.pop(key, None)
            self.handlers.pop(b, None)
        win.kill()
        if win in self.elements:
            self.elements.remove(win)
        self.offer_window = None
        return True

    def submit(self, decision: Decision) -> bool:
        """Play a decision; show the rules' refusal if it is not legal. True if played. The
        status line then tells what the move did and what the reply did."""
        try:
            self.game.play(decision)
        except DecisionError as exc:
            self.flash(f"Not possible: {exc}", error=True)
            return False
        self.flash(self.game.last_turn() or "Done.")
        self.refresh()
        self.app.after_play()
        return True

    def flash(self, message: str, error: bool = False) -> None:
        """Show a message on the status line (in the error colour if ``error``)."""
        self.status_text, self.status_error = message, error

    def refresh_actions(self) -> None:
        """Enable what can be done now (``enabled``); label the buttons by the state."""
        for key, ok in self.enabled().items():
            b = self.buttons.get(key)
            if b is not None:
                b.enable() if ok else b.disable()
        offer = self.open_offer()
        if offer is not None and "offer" in self.buttons:
            by = offer.by.replace('the ', '')
            self.buttons["offer"].set_text(style.ellipsize(
                f"5  Offer from {by}…" if self.is_deal(offer) else f"5  From {by}…",
                self.actions_width // 2 - 30, 15))
        motion = self.optional_motion()
        if motion and "table" in self.buttons:       # (a stage just ended: built anew soon)
            tabled = motion in self.game.state.tabled
            what = self.game.motion(motion).title.split()[0].lower()
            self.buttons["table"].set_text(f"6  Hold back the {what}" if tabled
                                           else f"6  Table the {what}")
        if self.game.side == "opposition":
            self.buttons["proceed"].set_text("7  Let the vote be called"
                                             if self.game.state.phase == "last_word"
                                             else "7  Pass")

    def enabled(self) -> dict[str, bool]:
        """Button -> whether it can be used now, read off ``Session.legal_decisions``: a
        button that makes one decision (``candidates``) iff that decision is legal, the
        offer, tactics and no-action buttons iff some decision of their kind is; the draft
        button opens a screen (to read the text even when nothing in it can be revised), so
        it only needs a draft."""
        legal = self.game.legal()
        kinds = {d.type for d in self.game.mine()}
        out = {key: make is not None and make in legal
               for key, make in self.candidates().items()}
        out["offer"] = self.open_offer() is not None
        out["tactics"] = bool(kinds & set(TACTIC_TYPES))
        out["noaction"] = "move_no_action" in kinds
        out["text"] = self.has_draft()
        return out

    def candidates(self) -> dict[str, Decision | None]:
        """The decision each button would make now (None: nothing chosen to make it with)."""
        side = self.game.side
        sel, arg, group = self.prefs.selected, self.prefs.argument, self.prefs.address
        motion = self.optional_motion()
        return {"lobby": Lobby(side, sel, arg) if sel and arg else None,
                "address": (AddressGroup(side, group, arg)
                            if group and arg else None),
                "cosponsor": (SeekCosponsor(side, sel)
                              if sel and side == "sponsors" else None),
                "table": (TableMotion(side, motion,
                                      motion not in self.game.state.tabled)
                          if motion else None),
                "proceed": (ProceedToVote(side) if side == "sponsors"
                            else Pass(side))}
    def on_action_event(self, event: pygame.event.Event) -> bool:
        """Closing the offer or tactics window by its title bar; True if the event was that."""
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element in (
                self.offer_window, self.tactics_window):
            self.close_windows()
            return True
        return False

    def draw_status(self, surface: pygame.Surface) -> None:
        """The preview of the move in focus, then the status line (or the first notice)."""
        preview = self.preview_words()
        r = self.preview_rect
        if preview is not None:
            what, numbers, delta = preview
            style.text(surface, what, (r.x, r.y), 13, bold=True, colour=style.TEXT,
                       max_width=r.w)
            colour = (style.BALLOT_COLOURS["yes"] if delta > 0.005 else style.ERROR
                      if delta < -0.005 else style.MUTED)
            style.paragraph(surface, numbers, pygame.Rect(r.x, r.y + 18, r.w, r.h - 18), 13,
                            colour=style.mix(style.TEXT, colour, 0.5),
                            max_lines=max(3, (r.h - 18) // 17))
        else:
            style.paragraph(surface, "Choose a delegation (click, or the arrow keys) or a group "
                            "to see what lobbying it would do; point at a button to preview "
                            "its move.", r, 13, colour=style.MUTED, max_lines=3)
        pygame.draw.line(surface, style.PANEL_EDGE, (r.x, r.bottom + 2), (r.right, r.bottom + 2))
        if self.status_text:
            col = style.ERROR if self.status_error else style.GOLD
            style.paragraph(surface, self.status_text, self.status_rect, 13, colour=col,
                            bold=True, max_lines=max(1, self.status_rect.h // 18))
        elif self.game.notices():                 # nothing else to say: not being saved
            style.paragraph(surface, self.game.notices()[0], self.status_rect, 13,
                            colour=style.GOLD, max_lines=3)
