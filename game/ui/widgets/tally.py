"""The tally strip: expected (or counted) votes as a stacked bar, with P(adopted)."""
from __future__ import annotations

import pygame

from ...vocabulary import ballot_word
from .. import style
from .cells import PROB_KEYS


def draw_tally(surface: pygame.Surface, rect: pygame.Rect, counts, *, title: str,
               p_adopted: float | None = None, note: str | None = None,
               decimals: int = 0) -> None:
    """``counts``: four numbers (yes, no, abstain, absent). Bar on the left, P(adopted) right."""
    style.panel(surface, rect)
    right_w = 170 if p_adopted is not None else 0
    width = rect.w - 24 - right_w
    lines = style.wrap(title, width, 14)[:2]
    step = style.font(14).get_linesize()
    top = rect.y + 6 + len(lines) * step + 4
    bar = pygame.Rect(rect.x + 12, top, width, max(20, rect.bottom - 10 - top))
    for k, line in enumerate(lines):
        style.text(surface, line, (rect.x + 12, rect.y + 6 + k * step), 14, colour=style.MUTED,
                   max_width=width)
    total = sum(counts) or 1
    x = bar.x
    for k, key in enumerate(PROB_KEYS):
        w = round(bar.w * counts[k] / total) if k < 3 else bar.right - x
        seg = pygame.Rect(x, bar.y, max(0, w), bar.h)
        if seg.w > 0:
            pygame.draw.rect(surface, style.BALLOT_COLOURS[key], seg)
            words = f"{counts[k]:.{decimals}f}"
            long = f"{words} {ballot_word(key)}"
            if style.font(15, True).size(long)[0] < seg.w - 8:
                words = long
            ink = pygame.Color("#101820") if key == "abstain" else style.TEXT
            if seg.w > 28:
                style.text(surface, words, seg.center, 15, colour=ink, bold=True,
                           anchor="center", max_width=seg.w - 6)
        x += max(0, w)
    pygame.draw.rect(surface, style.PANEL_EDGE, bar, 1)
    if note:
        style.text(surface, note, (bar.right, rect.y + 6), 14, colour=style.MUTED,
                   anchor="topright", max_width=bar.w // 2)
    if p_adopted is not None:
        col = style.BALLOT_COLOURS["yes"] if p_adopted >= 0.5 else style.BALLOT_COLOURS["no"]
        cx = rect.right - right_w // 2 - 6
        style.text(surface, "P(adopted)", (cx, rect.y + 6), 14, colour=style.MUTED,
                   anchor="midtop")
        style.text(surface, f"{p_adopted:.0%}", (cx, rect.bottom - 6), 30, colour=col,
                   bold=True, anchor="midbottom")
