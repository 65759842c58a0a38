"""The offer window: an offer (or an event) made to the player's side, what each answer would
do, and the two buttons that answer it.
"""
from __future__ import annotations

from functools import partial
from html import escape

import pygame
from pygame_gui.elements import UITextBox, UIWindow

from ...decisions import (
    DecisionError,
    RespondToOffer,
)
from ...i18n import _
from ...scenario.models import Offer
from .. import style, words
from ..style import px
from .buttons import cost_words
from .preview_strip import PreviewStripMixin


class OfferWindowMixin(PreviewStripMixin):
    """Opens and answers the offer window."""

    def do_offer(self) -> None:
        """Open a window with the offer, what each answer would do, and its two buttons."""
        offer = self.open_offer()
        if offer is None or self.offer_window is not None:
            return
        w, h = self.size
        win_h, win_w = min(px(580), h - px(60)), min(px(820), w - px(60))
        win = UIWindow(pygame.Rect(w // 2 - win_w // 2, h // 2 - win_h // 2, win_w, win_h),
                       self.manager, window_display_title=words.clip(
                           _("{title}  (Esc closes)").format(title=self.offer_title(offer)),
                           70),
                       object_id="#offer")
        self.add(win)
        self.offer_window = win
        inner_w, inner_h = win.get_container().get_size()
        pad, bh = px(10), px(44)
        UITextBox(self.offer_html(offer), pygame.Rect(pad, pad, inner_w - 2 * pad,
                                                      inner_h - bh - 3 * pad),
                  self.manager, container=win)
        bw = int(inner_w - 3 * pad) // 2
        by = inner_h - bh - pad
        tag_a, tag_r = "  (A)", "  " + _("(R or Enter)")
        self.button("accept", (pad, by, bw, bh),
                    style.ellipsize(offer.accept_label, bw - px(24) - style.font(15).size(
                        tag_a)[0], 15) + tag_a,
                    partial(self.answer, True), container=win, tip=offer.accept_label)
        # refusing is the default (Enter): it changes nothing the player has not seen
        self.button("refuse", (2 * pad + bw, by, bw, bh),
                    style.ellipsize(offer.refuse_label, bw - px(24) - style.font(16, True).size(
                        tag_r)[0], 16, True) + tag_r,
                    partial(self.answer, False), cls="@primary", container=win,
                    tip=offer.refuse_label)

    def offer_title(self, offer: Offer) -> str:
        """'An offer from the DPRK' for a deal; 'From China and Russia' for an event."""
        return (_("An offer from {by}").format(by=offer.by) if self.is_deal(offer)
                else _("From {by}").format(by=offer.by))

    def offer_html(self, offer: Offer) -> str:
        """The offer, what accepting changes and costs, its source, and each answer's preview."""
        parts = [escape(offer.description)]
        changes = []
        if offer.drop:
            changes.append(_("Accepting drops {paragraphs}").format(
                paragraphs=self.paragraph_names(offer.drop)))
        if offer.add:
            changes.append(_("adds {paragraphs}").format(
                paragraphs=self.paragraph_names(offer.add)))
        if offer.tables:
            tabled = [self.game.motion(m).title for m in offer.tables
                      if m in self.game.session.world.motions]
            if tabled:
                names = escape(tabled[0])
                for more in tabled[1:]:
                    names = _("{first} and {second}").format(first=names, second=escape(more))
                changes.append((_("puts {motions} to the vote") if changes else
                                _("Accepting puts {motions} to the vote")).format(motions=names))
        if offer.cost is not None:
            changes.append(_("costs you {cost}").format(
                cost=cost_words(offer.cost.capital, offer.cost.days)))
        if changes:
            said = "; ".join(changes)
            parts.append(words.c(words.MUTED, said[0].upper() + said[1:] + "."))
        source = next((s for s in self.game.scenario.spec.sources if s.id == offer.source), None)
        if source is not None:
            parts.append(words.c(words.MUTED, _("Source: {title}").format(
                title=escape(source.title) + (f" ({source.date})" if source.date else ""))))
        for accept, label in ((True, offer.accept_label), (False, offer.refuse_label)):
            parts.append(words.c(words.GOLD, _("<b>If you choose “{answer}”:</b>").format(
                answer=escape(label)) + " ")
                         + self.preview_html(RespondToOffer(self.game.side, offer.id,
                                                            accept)))
        return "<br><br>".join(parts)

    def if_accepted(self, offer_id: str) -> str:
        """The forecasts and points if the offer were accepted (one line each)."""
        try:
            return _("If you accept: {preview}").format(preview=self.game.preview(
                RespondToOffer(self.game.side, offer_id, True)).text())
        except DecisionError:
            return ""

    def paragraph_names(self, ids: list[str]) -> str:
        """'OP 8 (Encourages the Council ...)' for paragraph ids of the stage's draft."""
        names = {p.id: f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number} ({p.summary})"
                 for t in self.game.scenario.spec.texts.values() for p in t.paragraphs}
        return escape(", ".join(names.get(i, i) for i in ids)) or _("nothing")

    def answer(self, accept: bool) -> None:
        """Accept or refuse the open offer (the window closes either way)."""
        offer = self.open_offer()
        self.close_windows()
        if offer is not None:
            self.submit(RespondToOffer(self.game.side, offer.id, accept))
