"""The preview strip under the action buttons: what the move in focus would do, or why its
button cannot be used, and the status line below it.

Before a move is made the panel previews it (the action pointed at, else lobbying the selected
delegation, else addressing the chosen group): the change in the tally and P(adopted) and the
points the player's side can expect. The offer and tactics windows preview each choice the
same way (``preview_html``).
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import pygame

from ...decisions import (
    AddressGroup,
    Decision,
    DecisionError,
    Lobby,
    RespondToOffer,
)
from ...i18n import _
from .. import style, words
from ..preview import Preview
from .buttons import ACTIONS, COST_NAMES, TIPS, ActionButtons, cost_words


class PreviewStripMixin(ActionButtons):
    """Previews decisions (in the strip, and as HTML for the windows)."""

    def preview_html(self, decision: Decision) -> str:
        """A decision's preview as HTML: the delegation, the motions, the points at stake."""
        try:
            p = self.game.preview(decision)
        except DecisionError as exc:
            return words.c(words.ERROR_HEX, _("Not possible now: {reason}").format(
                reason=escape(str(exc))))
        lines = ([escape(p.member)] if p.member else []) + [escape(x) for x in p.lines]
        said = ([words.c(words.GOLD, _("Bound to fail: {reason}").format(
            reason=escape(p.refusal)))] if p.refusal else [])
        return "<br>".join(said + lines + [self.points_html(p)])

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
        pointed at that cannot be used says why (and what it would do). Worked out again only
        when the game, the focus or a choice changes (not in every frame)."""
        prefs = self.prefs
        key = (self.game.state, self.focus, prefs.selected, prefs.argument, prefs.address,
               self.motion_id)
        cached = getattr(self, "_preview_words", None)
        if cached is not None and cached[0][0] is key[0] and cached[0][1:] == key[1:]:
            return cached[1]
        words_now = self._preview_words_now()
        self._preview_words = (key, words_now)
        return words_now

    def _preview_words_now(self) -> tuple[str, str, float] | None:
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
        warning = _("Bound to fail: {reason}").format(reason=p.refusal) if p.refusal else None
        audience = (self.game.session.argument_audience(d.argument)
                    if isinstance(d, (Lobby, AddressGroup)) else None)
        # a request bound to fail says so first; then the points: a line cut short still
        # tells whether the move helps
        return (_("If you {move}:").format(move=what), "\n".join(
            x for x in (warning, p.points_line(1), " · ".join(x for x in numbers if x), audience)
            if x), p.delta)

    def why_not(self, key: str) -> tuple[str, str, float]:
        """(what the button does, why it cannot be used now, 0) for a disabled button."""
        label = next(_(lab) for k, lab, _key in ACTIONS[self.game.side] if k == key)
        what = label.split("  ", 1)[-1].rstrip("…")
        name = COST_NAMES.get(key)
        if name:
            c = getattr(self.game.scenario.spec.costs, name)
            what += f" ({cost_words(c.capital, c.days)})"
        if key in ("lobby", "cosponsor") and not self.prefs.selected:
            why = _("Click a delegation first (or choose one with the arrow keys).")
        elif self.game.state.to_move != self.game.side:
            why = _("Not now: it is the other side's move.")
        else:
            decision = self.candidates().get(key)
            why = _("Nothing of this kind can be done now.")
            if decision is not None:
                try:
                    self.game.session.check(decision)
                except DecisionError as exc:
                    why = _("Not possible now: {reason}").format(reason=exc)
        return _("{action}:").format(action=what), why + "\n" + _(TIPS[key]) + ".", 0.0

    if TYPE_CHECKING:
        @property
        def motion_id(self) -> str:
            """The motion whose forecast the floor shows (FloorScene's)."""

    def update_focus(self) -> None:
        """The action button under the pointer becomes the preview's subject."""
        pointer = pygame.mouse.get_pos()
        hovered = next((key for key, _label, _key in ACTIONS[self.game.side]
                        if key in self.buttons and (
                            self.buttons[key].hovered or not self.buttons[key].is_enabled
                            and self.buttons[key].rect.collidepoint(pointer))), None)
        self.focus = hovered

    def draw_status(self, surface: pygame.Surface) -> None:
        """The preview of the move in focus, then the status line (or the first notice)."""
        preview = self.preview_words()
        r = self.preview_rect
        if preview is not None:
            what, numbers, delta = preview
            line = style.font(13).get_linesize()
            # the move on up to two lines (a long name, or a longer language, is not cut)
            head = line * min(2, len(style.wrap(what, r.w, 13, True)))
            style.paragraph(surface, what, pygame.Rect(r.x, r.y, r.w, head), 13, bold=True,
                            colour=style.TEXT, max_lines=2)
            colour = (style.GOOD_TEXT if delta > 0.005 else style.BAD_TEXT
                      if delta < -0.005 else style.MUTED)
            style.paragraph(surface, numbers, pygame.Rect(r.x, r.y + head, r.w, r.h - head),
                            13, colour=style.mix(style.TEXT, colour, 0.5),
                            max_lines=max(1, (r.h - head) // line))
        else:
            style.paragraph(surface, _("Choose a delegation (click, or the arrow keys) or a "
                                       "group (G) to see what lobbying it would do; point at a "
                                       "button to preview its move."), r, 13,
                            colour=style.MUTED, max_lines=4)
        pygame.draw.line(surface, style.PANEL_EDGE, (r.x, r.bottom + style.px(2)),
                         (r.right, r.bottom + style.px(2)))
        lines = max(1, self.status_rect.h // style.font(13, True).get_linesize())
        if self.status_text:
            col = style.ERROR if self.status_error else style.GOLD
            style.paragraph(surface, self.status_text, self.status_rect, 13, colour=col,
                            bold=True, max_lines=lines)
        elif self.game.notices():                 # nothing else to say: not being saved
            style.paragraph(surface, self.game.notices()[0], self.status_rect, 13,
                            colour=style.GOLD, max_lines=lines)
