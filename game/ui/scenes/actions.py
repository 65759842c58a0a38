"""The floor's actions: each button builds one decision and plays it through the Game.

A button is enabled from the Session's list of legal decisions: one that makes a chosen
decision (the selected delegation, argument, group) iff that decision is in the list; the
offer button iff some answer to an offer is. What the rules say when they refuse one is
``Session.check``'s reason, shown on the status line."""
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
    ProceedToVote,
    RespondToOffer,
    SeekCosponsor,
    TableMotion,
)
from ...scenario.models import Offer
from ...vocabulary import BLOCS, REGIONAL_GROUPS, group_name
from .. import style, words

if TYPE_CHECKING:
    from .base import Scene
    from .floor import FloorPrefs

    # For the type checker the mixin is a Scene: it uses the Scene's helpers and state.
    _SceneBase = Scene
else:
    _SceneBase = object

#: What a side can address: the regional groups, then the blocs.
GROUPS = REGIONAL_GROUPS + BLOCS

#: key -> (button label, cost name or None, keyboard shortcut)
ACTIONS = {
    "lobby": ("1  Lobby delegation", "lobby", pygame.K_1),
    "address": ("2  Address group", "address_group", pygame.K_2),
    "cosponsor": ("3  Seek co-sponsor", "seek_cosponsor", pygame.K_3),
    "text": ("4  Draft text…", None, pygame.K_4),
    "offer": ("5  Offer…", None, pygame.K_5),
    "table": ("6  Table a draft", None, pygame.K_6),
    "proceed": ("7  Proceed to the vote", None, pygame.K_7),
}
TIPS = {
    "lobby": "Lobby the selected delegation with the chosen argument",
    "address": "Address a whole regional group or bloc (weaker per member, reaches many)",
    "cosponsor": ("Ask the selected delegation to co-sponsor (it agrees if P(in favour) is 80% "
                  "or more)"),
    "text": "Read the draft resolution and revise the paragraphs you may change",
    "offer": "Answer an offer made to the sponsors",
    "table": "Decide whether an optional draft is put to the vote (only where one is optional)",
    "proceed": "End lobbying: the motions of this stage are put to a recorded vote",
}


class ActionsMixin(_SceneBase):
    """Builds the action panel into a rect; needs Scene helpers and ``self.prefs``."""

    offer_window: UIWindow | None = None
    #: What the scene using the mixin provides (FloorScene).
    prefs: FloorPrefs
    status_text: str
    status_error: bool

    if TYPE_CHECKING:
        def refresh(self) -> None:
            """Recompute what the screen shows from the state (the scene's own)."""

    def clear(self) -> None:
        """Elements go (on resize or leaving), the offer window with them."""
        self.offer_window = None
        super().clear()

    def build_actions(self, rect: pygame.Rect) -> None:
        """Argument and group choosers, the numbered action buttons, the status line."""
        spec = self.game.scenario.spec
        x, y, w = rect.x, rect.y, rect.w
        self.actions_width = w
        args = self.argument_options()
        if self.prefs.argument not in {a for _, a in args}:
            self.prefs.argument = args[0][1] if args else None
        self.label((x, y, 110, 32), "Argument")
        if args:
            self.dropdown("argument", (x + 110, y, w - 110, 32), args, self.prefs.argument,
                          self.set_argument)
        groups = [(group_name(g), g) for g in GROUPS]
        if self.prefs.address not in GROUPS:
            self.prefs.address = GROUPS[0]
        self.label((x, y + 38, 110, 32), "Group or bloc")
        self.dropdown("address", (x + 110, y + 38, w - 110, 32), groups, self.prefs.address,
                      self.set_address)
        bw, bh = (w - 8) // 2, 34
        by = y + 96
        self.costs_pos = (x, y + 75)
        for k, (key, (label, cost, shortcut)) in enumerate(ACTIONS.items()):
            tip = TIPS[key]
            if cost:
                c = getattr(spec.costs, cost)
                tip += f" ({c.capital} capital, {c.days} day{'s' if c.days != 1 else ''})"
            col, row = k % 2, k // 2
            r = (x + col * (bw + 8), by + row * (bh + 6), bw, bh)
            if key == "proceed":
                r = (x + bw + 8, by + 3 * (bh + 6), bw, bh)
            self.button(key, r, label, getattr(self, f"do_{key}"),
                        cls="@primary" if key == "proceed" else "@action", tip=tip)
            self.keys[shortcut] = partial(self.press, key)
        self.keys[pygame.K_TAB] = self.next_argument
        top = by + 4 * (bh + 6)
        self.status_rect = pygame.Rect(x + 10, top + 2, w - 10, rect.bottom - top - 2)

    # -- choices ----------------------------------------------------------------------------
    def set_argument(self, arg: str) -> None:
        """An argument picked from the list: the buttons follow."""
        self.prefs.argument = arg
        self.refresh_actions()

    def next_argument(self) -> None:
        """Tab: the next argument in the list."""
        args = [a.id for a in self.game.scenario.spec.arguments if a.side == "sponsors"]
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
        """(label, id) of the sponsors' arguments, labels cut to fit a list."""
        room = self.dropdown_room()
        return [(style.ellipsize(words.clip(a.label), room, 16), a.id)
                for a in self.game.scenario.spec.arguments if a.side == "sponsors"]

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
        self.dropdown("address", d.relative_rect,
                      [(group_name(g), g) for g in GROUPS], group,
                      self.set_address)
        self.refresh_actions()

    # -- the actions ------------------------------------------------------------------------
    def do_lobby(self) -> None:
        """Lobby the selected delegation with the chosen argument."""
        if self.prefs.selected and self.prefs.argument:
            self.submit(Lobby("sponsors", self.prefs.selected, self.prefs.argument))

    def do_address(self) -> None:
        """Address the chosen group or bloc with the chosen argument."""
        if self.prefs.address and self.prefs.argument:
            self.submit(AddressGroup("sponsors", self.prefs.address, self.prefs.argument))

    def do_cosponsor(self) -> None:
        """Ask the selected delegation to co-sponsor."""
        if self.prefs.selected:
            self.submit(SeekCosponsor("sponsors", self.prefs.selected))

    def do_text(self) -> None:
        """Open the draft text screen."""
        self.app.goto("text")

    def do_offer(self) -> None:
        """Open a window with the offer and Accept / Refuse buttons."""
        offer = self.open_offer()
        if offer is None or self.offer_window is not None:
            return
        w, h = self.size
        win = UIWindow(pygame.Rect(w // 2 - 340, h // 2 - 250, 680, 500), self.manager,
                       window_display_title=f"An offer from {offer.by}", object_id="#offer")
        self.add(win)
        self.offer_window = win
        body = (f"{escape(offer.description)}<br><br>"
                + words.c(words.MUTED, "Accepting drops: " + self.paragraph_names(offer.drop)
                          + "<br>and adds: " + self.paragraph_names(offer.add))
                + "<br><br>" + words.c(words.GOLD, self.if_accepted(offer.id)))
        UITextBox(body, pygame.Rect(10, 10, 640, 360), self.manager, container=win)
        self.button("accept", (10, 384, 310, 44), "Accept the offer", lambda: self.answer(True),
                    container=win)
        self.button("refuse", (340, 384, 310, 44), "Refuse the offer", lambda: self.answer(False),
                    cls="@primary", container=win)

    def if_accepted(self, offer_id: str) -> str:
        """The forecasts of this stage's motions if the offer were accepted."""
        try:
            lines = self.game.preview(RespondToOffer("sponsors", offer_id, True))
        except DecisionError:
            return ""
        return "If you accept: " + "; ".join(escape(line) for line in lines)

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
            self.submit(RespondToOffer("sponsors", offer.id, accept))

    def do_table(self) -> None:
        """Table the optional draft, or hold it back if it is tabled."""
        decision = self.candidates()["table"]
        if decision is not None:
            self.submit(decision)

    def do_proceed(self) -> None:
        """End lobbying: the stage's motions go to the vote."""
        self.submit(ProceedToVote("sponsors"))

    # -- helpers ----------------------------------------------------------------------------
    def open_offer(self) -> Offer | None:
        """The offer made at this stage and not answered yet."""
        stage = self.game.stage
        answered = dict(self.game.state.offers)
        return next((o for o in self.game.scenario.spec.offers
                     if stage and o.stage == stage.id and o.id not in answered), None)

    def optional_motion(self) -> str | None:
        """The stage's motion that is put to the vote only if tabled, if any."""
        return next((m for m in self.game.stage_motions() if self.game.motion(m).optional), None)

    def has_draft(self) -> bool:
        """The stage has a draft text to read."""
        return self.game.has_text()

    def close_windows(self) -> bool:
        """Close the offer window if open; True if one was closed."""
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
        """Play a decision; show the rules' refusal if it is not legal. True if played."""
        before = len(self.game.state.events)
        try:
            self.game.play(decision)
        except DecisionError as exc:
            self.flash(f"Not possible: {exc}", error=True)
            return False
        new = self.game.state.events[before:]
        self.flash(" ".join(new) if new else "Done.")
        self.refresh()
        self.app.after_play()
        return True

    def flash(self, message: str, error: bool = False) -> None:
        """Show a message on the status line (in the error colour if ``error``)."""
        self.status_text, self.status_error = message, error

    def refresh_actions(self) -> None:
        """Enable what can be done now (``enabled``); label the referral button by its state."""
        for key, ok in self.enabled().items():
            b = self.buttons.get(key)
            if b is not None:
                b.enable() if ok else b.disable()
        offer = self.open_offer()
        if offer is not None:
            self.buttons["offer"].set_text(f"5  Offer from {offer.by.replace('the ', '')}…")
        motion = self.optional_motion()
        if motion:
            tabled = motion in self.game.state.tabled
            what = self.game.motion(motion).title.split()[0].lower()
            self.buttons["table"].set_text(f"6  Hold back the {what}" if tabled
                                           else f"6  Table the {what}")

    def enabled(self) -> dict[str, bool]:
        """Button -> whether it can be used now, read off ``Session.legal_decisions``: a
        button that makes one decision (``candidates``) iff that decision is legal, the offer
        button iff some answer to an offer is; the draft button opens a screen (to read the
        text even when nothing in it can be revised), so it only needs a draft."""
        legal = self.game.legal()
        kinds = {d.type for d in legal}
        out = {key: make is not None and make in legal
               for key, make in self.candidates().items()}
        out["offer"] = "respond_to_offer" in kinds
        out["text"] = self.has_draft()
        return out

    def candidates(self) -> dict[str, Decision | None]:
        """The decision each button would make now (None: nothing chosen to make it with)."""
        sel, arg, group = self.prefs.selected, self.prefs.argument, self.prefs.address
        motion = self.optional_motion()
        return {"lobby": Lobby("sponsors", sel, arg) if sel and arg else None,
                "address": AddressGroup("sponsors", group, arg) if group and arg else None,
                "cosponsor": SeekCosponsor("sponsors", sel) if sel else None,
                "table": (TableMotion("sponsors", motion, motion not in self.game.state.tabled)
                          if motion else None),
                "proceed": ProceedToVote("sponsors")}

    def on_action_event(self, event: pygame.event.Event) -> bool:
        """Closing the offer window by its title bar; True if the event was that."""
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.offer_window:
            self.close_windows()
            return True
        return False

    def draw_status(self, surface: pygame.Surface) -> None:
        """The costs line, then the status line (or the first notice if it is empty)."""
        costs = self.game.scenario.spec.costs
        style.text(surface, f"Cost (capital, days): lobby {costs.lobby.capital}, {costs.lobby.days}"
                   f" · group {costs.address_group.capital}, {costs.address_group.days}"
                   f" · co-sponsor {costs.seek_cosponsor.capital}, {costs.seek_cosponsor.days}"
                   f" · revise {costs.revise_text.capital}, {costs.revise_text.days}",
                   self.costs_pos, 13, colour=style.MUTED, max_width=self.status_rect.w)
        if self.status_text:
            col = style.ERROR if self.status_error else style.GOLD
            style.paragraph(surface, self.status_text, self.status_rect, 14, colour=col,
                            bold=True, max_lines=3)
        elif self.game.notices():                 # nothing else to say: not being saved
            style.paragraph(surface, self.game.notices()[0], self.status_rect, 14,
                            colour=style.GOLD, max_lines=3)
