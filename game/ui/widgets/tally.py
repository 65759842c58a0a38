"""The tally strip: expected (or counted) votes as a stacked bar, with P(adopted)."""
from __future__ import annotations

import pygame

from ...i18n import _, ngettext
from ...vocabulary import ballot_word
from .. import style
from .cells import PROB_KEYS


def draw_tally(surface: pygame.Surface, rect: pygame.Rect, counts, *, title: str,
               p_adopted: float | None = None, note: str | None = None,
               decimals: int = 0, want_adopted: bool | None = None) -> None:
    """``counts``: four numbers (yes, no, abstain, absent). Bar on the left, P(adopted) right;
    the ballots and P(adopted) coloured good or bad for a player who wants the motion adopted
    (``want_adopted``; None: no side's view)."""
    px = style.px
    colours = style.ballot_colours(want_adopted)
    style.panel(surface, rect)
    right_w = px(150) if p_adopted is not None else 0
    width = rect.w - px(24) - right_w
    step = style.font(14).get_linesize()
    room = max(1, (rect.h - px(12) - px(22)) // step)        # the bar keeps 22 design px
    lines = style.wrap(title, width, 14)
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = style.ellipsize(lines[-1] + " …", width, 14)
    top = rect.y + px(6) + len(lines) * step + px(2)
    bar = pygame.Rect(rect.x + px(12), top, width, max(px(16), rect.bottom - px(8) - top))
    for k, line in enumerate(lines):
        style.text(surface, line, (rect.x + px(12), rect.y + px(6) + k * step), 14,
                   colour=style.MUTED, max_width=width)
    total = sum(counts) or 1
    x = bar.x
    for k, key in enumerate(PROB_KEYS):
        w = round(bar.w * counts[k] / total) if k < 3 else bar.right - x
        seg = pygame.Rect(x, bar.y, max(0, w), bar.h)
        if seg.w > 0:
            fill = colours[key]
            pygame.draw.rect(surface, fill, seg)
            ink = _ink(fill)
            style.draw_pattern(surface, key, seg, style.mix(fill, ink, 0.25))
            words = f"{counts[k]:.{decimals}f}"
            long = (ngettext("{n} abstention", "{n} abstentions", round(counts[k])).format(
                n=words) if key == "abstain" else f"{words} {ballot_word(key)}")
            f = style.font(15, True)
            if f.size(long)[0] < seg.w - px(8):
                words = long
            if f.size(words)[0] <= seg.w - px(4) and f.get_height() <= seg.h + px(6):
                style.text(surface, words, seg.center, 15, colour=ink, bold=True,
                           anchor="center", max_width=seg.w - px(4))
        x += max(0, w)
    pygame.draw.rect(surface, style.PANEL_EDGE, bar, 1)
    if note:
        style.text(surface, note, (bar.right, rect.y + px(6)), 14, colour=style.MUTED,
                   anchor="topright", max_width=bar.w // 2)
    if p_adopted is not None:
        good = (p_adopted >= 0.5) == (want_adopted is not False)
        col = style.good_bad(good, text=True)
        cx = rect.right - right_w // 2 - px(6)
        style.text(surface, _("P(adopted)"), (cx, rect.y + px(6)), 14, colour=style.MUTED,
                   anchor="midtop", max_width=right_w)
        style.text(surface, f"{p_adopted:.0%}", (cx, rect.bottom - px(4)), 28, colour=col,
                   bold=True, anchor="midbottom", max_width=right_w)


def _ink(fill: pygame.Color) -> pygame.Color:
    """Black or white text, whichever reads better on ``fill``."""
    lum = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b
    return pygame.Color("#101820") if lum > 140 else pygame.Color("#ffffff")
