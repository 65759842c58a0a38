"""The floor's action panel as one mixin: each button's move played through the Game, asking
first before the vote ends a stage with capital left, and the offer and tactics windows' keys
and closing.
"""
from __future__ import annotations

from functools import partial
from html import escape

import pygame
import pygame_gui

from ...decisions import (
    Decision,
    DecisionError,
    ProceedToVote,
)
from ...i18n import _
from .buttons import cost_words
from .offer_window import OfferWindowMixin
from .tactics_window import TacticsWindowMixin


class ActionsMixin(TacticsWindowMixin, OfferWindowMixin):
    """Builds the action panel into a rect; needs Scene helpers and ``self.prefs``."""

    def clear(self) -> None:
        """Elements go (on resize or leaving), the windows with them."""
        self.offer_window = None
        self.tactics_window = None
        super().clear()

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
        verb = _("Proceed") if isinstance(decision, ProceedToVote) else _("Let it be called")
        what = (_("Ask for the vote?") if isinstance(decision, ProceedToVote)
                else _("Let the vote be called?"))
        self.confirm(what, _("You still have <b>{left}</b> left at this stage; once the vote is "
                             "called, what is left is lost.").format(
                                 left=cost_words(capital, days)) + f"<br>{points}",
                     verb, partial(self.play_confirmed, decision))

    def play_confirmed(self, decision: Decision) -> None:
        """The player confirmed: play the decision."""
        self.submit(decision)

    def ends_stage(self, decision: Decision) -> bool:
        """The decision ends lobbying (asking for the vote, or passing in the last word)."""
        return self.game.ends_lobbying(decision)

    # -- the windows ------------------------------------------------------------------------
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

    def on_action_event(self, event: pygame.event.Event) -> bool:
        """Closing the offer or tactics window by its title bar; True if the event was that."""
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element in (
                self.offer_window, self.tactics_window):
            self.close_windows()
            return True
        return False

    def handle(self, event: pygame.event.Event) -> bool:
        """With the tactics window open, Up/Down choose a tactic and Enter makes it; with the
        offer window open, A accepts, R or Enter (the default) refuses; the rest as usual."""
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
                answer = {pygame.K_a: "accept", pygame.K_r: "refuse", pygame.K_RETURN: "refuse",
                          pygame.K_KP_ENTER: "refuse"}.get(event.key)
                if answer:
                    self.press(answer)
                    return True
                if event.key not in (pygame.K_ESCAPE, pygame.K_F1):
                    return True
        return super().handle(event)
