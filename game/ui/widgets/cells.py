"""One delegation's cell on a whip count or vote board: colour AND symbol per ballot."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pygame

from .. import style

#: Corner marks: who leads or joins a side.
MARK_COLOURS = {"sponsor": style.GOLD, "cosponsor": style.GOLD,
                "opposition": pygame.Color("#ff6b6b")}
PROB_KEYS = ("yes", "no", "abstain", "absent")


@dataclass(frozen=True)
class Look:
    """How a cell looks: ``ballot`` None means not known yet (an unfilled vote board)."""

    ballot: str | None
    strength: float = 1.0
    dim: bool = False
    mark: str | None = None
    flag: bool = False


def look_from_probs(probs, *, dim: bool = False, mark: str | None = None) -> Look:
    """The most likely ballot and how sure the forecast is (0 = coin toss, 1 = certain)."""
    k = max(range(4), key=lambda j: probs[j])
    strength = (probs[k] - 0.25) / 0.75
    return Look(PROB_KEYS[k], strength, dim, mark)


def _ink(fill: pygame.Color) -> pygame.Color:
    """Black or white text, whichever reads better on ``fill``."""
    lum = 0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b
    return pygame.Color("#101820") if lum > 150 else style.TEXT


def cell_fill(look: Look) -> pygame.Color:
    if look.ballot is None:
        fill = style.mix(style.PANEL, style.BG, 0.3)
    else:
        fill = style.mix(style.PANEL, style.BALLOT_COLOURS[look.ballot], 0.35 + 0.65 * look.strength)
    return style.mix(fill, style.BG, 0.72) if look.dim else fill


@cache
def fit(words: str, width: int, size: int, bold: bool = True) -> int:
    """The largest font size (down to 10) at which ``words`` fits in ``width`` pixels."""
    while size > 10 and style.font(size, bold).size(words)[0] > width:
        size -= 1
    return size


def draw_cell(surface: pygame.Surface, rect: pygame.Rect, code: str, look: Look, *,
              selected: bool = False, title: str | None = None, badge: str | None = None,
              title_size: int | None = None) -> None:
    """Draw a cell: fill by ballot and certainty, symbol at left, ISO code (and a title)."""
    fill = cell_fill(look)
    radius = max(3, rect.h // 8)
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    ink = _ink(fill)
    if look.dim:
        ink = style.mix(ink, style.BG, 0.55)
    sym = max(7, min(20, round(rect.h * 0.42), rect.w // 5))
    if look.ballot is not None:
        style.draw_symbol(surface, look.ballot, (rect.x + 5 + sym // 2, rect.centery), sym, ink)
    text_left = rect.x + sym + 9
    avail = rect.right - text_left - 4
    if title:
        size = title_size or fit(title, avail, max(12, min(17, rect.h // 3)))
        style.text(surface, title, (text_left, rect.y + 5), size, colour=ink, bold=True,
                   max_width=avail)
        style.text(surface, code, (text_left, rect.bottom - 5), 13, colour=ink,
                   anchor="bottomleft")
    elif code:
        size = fit("MMW", avail, max(11, min(16, rect.h // 2)))
        style.text(surface, code, (text_left + avail // 2, rect.centery), size, colour=ink,
                   bold=True, anchor="center")
    if badge:
        style.text(surface, badge, (rect.right - 6, rect.bottom - 5), 13, colour=style.GOLD,
                   bold=True, anchor="bottomright")
    if look.mark:
        c = MARK_COLOURS[look.mark]
        k = max(7, rect.h // 4)
        pts = [(rect.right - k - 1, rect.y + 1), (rect.right - 1, rect.y + 1),
               (rect.right - 1, rect.y + k + 1)]
        pygame.draw.polygon(surface, c, pts)
        if look.mark == "cosponsor":
            pygame.draw.polygon(surface, fill, [(rect.right - k // 2 - 1, rect.y + 1),
                                                (rect.right - 1, rect.y + 1),
                                                (rect.right - 1, rect.y + k // 2 + 1)])
    if look.flag:
        pygame.draw.rect(surface, style.TEXT, rect, 2, border_radius=radius)
    if selected:
        pygame.draw.rect(surface, style.TEXT, rect.inflate(4, 4), 3, border_radius=radius + 2)
        pygame.draw.rect(surface, style.UN_BLUE, rect.inflate(8, 8), 2, border_radius=radius + 4)


def legend(surface: pygame.Surface, pos: tuple[int, int], *, forecast: bool = True,
           marks: bool = True, extra: str | None = None) -> None:
    """A one-line legend: the four symbols in colour, and the corner marks."""
    x, y = pos
    for key in PROB_KEYS:
        r = pygame.Rect(x, y, 26, 20)
        draw_cell(surface, r, "", Look(key))
        label = style.BALLOT_LABELS[key] + ("" if not forecast else "")
        x = style.text(surface, label, (r.right + 5, r.centery), 13, colour=style.MUTED,
                       anchor="midleft").right + 12
    if forecast:
        x = style.text(surface, "paler = less sure", (x, y + 10), 13, colour=style.MUTED,
                       anchor="midleft").right + 14
    if marks:
        for mark, words in (("sponsor", "main sponsor"), ("cosponsor", "co-sponsor"),
                            ("opposition", "opposition")):
            r = pygame.Rect(x, y, 20, 20)
            draw_cell(surface, r, "", Look(None, mark=mark))
            x = style.text(surface, words, (r.right + 5, r.centery), 13, colour=style.MUTED,
                           anchor="midleft").right + 12
    if extra:
        style.text(surface, extra, (x, y + 10), 14, colour=style.MUTED, anchor="midleft")
