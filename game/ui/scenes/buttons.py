"""The floor's action buttons: their layout and choosers, the decision each would make, and
when each is enabled.

A button is enabled from the Session's list of legal decisions: one that makes a chosen
decision (the selected delegation, argument, group) iff that decision is in the list; the
offer, tactics and no-action buttons iff some decision of their kind is. What the rules say
when they refuse one is ``Session.check``'s reason, shown on the status line.
"""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIWindow

from ...decisions import (
    AddressGroup,
    Decision,
    DecisionError,
    Lobby,
    MoveNoAction,
    Pass,
    ProceedToVote,
    RespondToOffer,
    SeekCosponsor,
    TableMotion,
)
from ...i18n import N_, _, ngettext
from ...scenario.models import Offer
from ...vocabulary import BLOCS, REGIONAL_GROUPS, group_name
from .. import style, words
from ..style import px

if TYPE_CHECKING:
    from .base import Scene
    from .floor import FloorPrefs

    # For the type checker the mixin is a Scene: it uses the Scene's helpers and state.
    _SceneBase = Scene
else:
    _SceneBase = object

#: What a side can address: the regional groups, then the blocs.
GROUPS = REGIONAL_GROUPS + BLOCS


def side_buttons(own: tuple[str, str], end: str) -> tuple[tuple[str, str, int], ...]:
    """A side's buttons: the same for both sides but the third (``own``: its key and label)
    and the label of the last (ending lobbying)."""
    return (
        ("lobby", N_("1  Lobby delegation"), pygame.K_1),
        ("address", N_("2  Address group"), pygame.K_2),
        (*own, pygame.K_3),
        ("text", N_("4  Draft text…"), pygame.K_4),
        ("offer", N_("5  Offer…"), pygame.K_5),
        ("table", N_("6  Table a draft"), pygame.K_6),
        ("tactics", N_("8  Floor tactics…"), pygame.K_8),
        ("proceed", end, pygame.K_7),
    )


#: Side -> the action buttons, as (key, label, shortcut), in reading order over two columns
#: (the labels in English: ``_()`` them where shown).
ACTIONS: dict[str, tuple[tuple[str, str, int], ...]] = {
    "sponsors": side_buttons(("cosponsor", N_("3  Seek co-sponsor")),
                             N_("7  Proceed to the vote")),
    "opposition": side_buttons(("noaction", N_("3  Move no action")), N_("7  Pass")),
}
#: The cost (a field of the scenario's ``costs``) of each button's move, if it has one.
COST_NAMES = {"lobby": "lobby", "address": "address_group", "cosponsor": "seek_cosponsor",
              "noaction": "no_action"}
TIPS = {
    "lobby": N_("Lobby the selected delegation with the chosen argument"),
    "address": N_("Address a whole regional group or bloc (weaker per member, reaches many)"),
    "cosponsor": N_("Ask the selected delegation to co-sponsor (it agrees if P(in favour) is "
                    "80% or more)"),
    "noaction": N_("Move that no action be taken on the draft (at once): voted first; if "
                   "adopted the draft is not voted at all"),
    "text": N_("Read the draft resolution (and revise the paragraphs the sponsors may change)"),
    "offer": N_("Answer an offer made to your side"),
    "table": N_("Decide whether an optional draft is put to the vote (only where one is "
                "optional)"),
    "tactics": N_("Choose a procedural move from a list: separate votes on a paragraph, "
                  "objections, asking a permanent member to abstain, no action"),
    "proceed": N_("End lobbying: the motions of this stage are put to a recorded vote"),
}
#: Decision types the tactics window offers, in its order.
TACTIC_TYPES = ("move_no_action", "request_separate_vote", "object_to_division",
                "ask_abstention")


def cost_words(capital: int, days: int) -> str:
    """'3 capital, 1 day'."""
    return ngettext("{capital} capital, {days} day", "{capital} capital, {days} days",
                    days).format(capital=capital, days=days)


def cost_tag(capital: int, days: int) -> str:
    """'1c 1d': a cost in short, on a button."""
    # TRANSLATORS: a cost in short on a button: c for capital, d for days
    return _("{capital}c {days}d").format(capital=capital, days=days)



class ActionButtons(_SceneBase):
    """Builds the action buttons into a rect; needs Scene helpers and ``self.prefs``."""

    offer_window: UIWindow | None = None
    tactics_window: UIWindow | None = None
    #: What the scene using the mixin provides (FloorScene).
    prefs: FloorPrefs
    status_text: str
    status_error: bool

    if TYPE_CHECKING:
        def refresh(self) -> None:
            """Recompute what the screen shows from the state (the scene's own)."""

        def close_windows(self) -> bool:
            """Close the offer or tactics window if open (the panel's, ActionsMixin)."""

    def build_actions(self, rect: pygame.Rect) -> None:
        """Argument and group choosers, the numbered action buttons, the preview, the status."""
        x, y, w = rect.x, rect.y, rect.w
        self.actions_width = w
        self.focus: str | None = None
        self.tactics: list[Decision] = []
        self.tactic_index = 0
        args = self.argument_options()
        if self.prefs.argument not in {a for _label, a in args}:
            self.prefs.argument = args[0][1] if args else None
        lw, dh = self.label_width(), px(32)
        self.label((x, y, lw, dh), _("Argument (Tab)"))
        if args:
            self.dropdown("argument", (x + lw, y, w - lw, dh), args, self.prefs.argument,
                          self.set_argument)
        groups = self.group_options()
        if self.prefs.address not in GROUPS:
            self.prefs.address = GROUPS[0]
        self.label((x, y + px(38), lw, dh), _("Group (G)"))
        self.dropdown("address", (x + lw, y + px(38), w - lw, dh), groups, self.prefs.address,
                      self.set_address)
        bw, bh = (w - px(8)) // 2, px(34)
        by = y + px(78)
        costs = self.game.scenario.spec.costs
        never = self.never_here()
        for k, (key, label, shortcut) in enumerate(ACTIONS[self.game.side]):
            if key in never:
                continue
            if key in COST_NAMES:            # the cost on the button: "1  Lobby delegation · 1/1d"
                c = getattr(costs, COST_NAMES[key])
                tag = "  · " + cost_tag(c.capital, c.days)
                label = style.ellipsize(_(label), bw - px(24) - style.font(15).size(tag)[0],
                                        15) + tag
            else:
                label = style.ellipsize(_(label), bw - px(24), 15)
            col, row = k % 2, k // 2
            r = (x + col * (bw + px(8)), by + row * (bh + px(6)), bw, bh)
            # no tool tip: it would cover the preview below, which tells what the button does
            self.button(key, r, label, getattr(self, f"do_{key}"),
                        cls="@primary" if key == "proceed" else "@action")
            self.keys[shortcut] = partial(self.press, key)
        self.keys[pygame.K_TAB] = self.next_argument
        self.keys[pygame.K_g] = self.next_address
        top = by + 4 * (bh + px(6))
        line = style.font(13).get_linesize()
        self.preview_rect = pygame.Rect(x + px(6), top + px(2), w - px(6), 4 * line)
        self.status_rect = pygame.Rect(x + px(6), self.preview_rect.bottom + px(6), w - px(6),
                                       rect.bottom - self.preview_rect.bottom - px(6))

    def label_width(self) -> int:
        """Room for the choosers' labels ("Argument (Tab)", "Group (G)")."""
        return max(style.font(15).size(_("Argument (Tab)"))[0],
                   style.font(15).size(_("Group (G)"))[0]) + px(10)

    def never_here(self) -> set[str]:
        """Buttons whose move can never apply at this stage (left off the panel): no action
        where no draft of the stage can have one (the Council), tabling where no draft of the
        stage is optional for the player's side."""
        out = set()
        session = self.game.session
        if not any(session.has_motion(session.floor_motion(MoveNoAction("opposition", m)))
                   for m in self.game.stage_motions()):
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

    def next_address(self) -> None:
        """G: the next regional group or bloc to address (Shift+G: the one before)."""
        step = -1 if pygame.key.get_mods() & pygame.KMOD_SHIFT else 1
        now = self.prefs.address
        k = (GROUPS.index(now) + step) % len(GROUPS) if now in GROUPS else 0
        self.choose_address(GROUPS[k])

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
        return max(px(120), getattr(self, "actions_width", px(460)) - self.label_width()
                   - px(60))

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

    # -- enabling ---------------------------------------------------------------------------
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

    def submit(self, decision: Decision) -> bool:
        """Play a decision; show the rules' refusal if it is not legal. True if played. The
        status line then tells what the move did and what the reply did."""
        try:
            self.game.play(decision)
        except DecisionError as exc:
            self.flash(_("Not possible: {reason}").format(reason=exc), error=True)
            return False
        self.flash(self.game.last_turn() or _("Done."))
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
                _("5  Offer from {by}…").format(by=by) if self.is_deal(offer)
                else _("5  From {by}…").format(by=by),
                self.actions_width // 2 - px(30), 15))
        motion = self.optional_motion()
        if motion and "table" in self.buttons:       # (a stage just ended: built anew soon)
            tabled = motion in self.game.state.tabled
            what = self.game.motion(motion).title.split()[0].lower()
            self.buttons["table"].set_text(_("6  Hold back the {what}").format(what=what)
                                           if tabled else
                                           _("6  Table the {what}").format(what=what))
        if self.game.side == "opposition":
            self.buttons["proceed"].set_text(_("7  Let the vote be called")
                                             if self.game.state.phase == "last_word"
                                             else _("7  Pass"))

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

    @staticmethod
    def is_deal(offer: Offer) -> bool:
        """An offer proper (a deal changing the text or winning goodwill), not an event."""
        return bool(offer.drop or offer.add or offer.goodwill)

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
