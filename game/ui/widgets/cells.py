"""One delegation's cell on a whip count or vote board: colour AND symbol per ballot."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import pygame

from ...vocabulary import BALLOT_CODES, ballot_word
from .. import style

#: Corner marks: who leads or joins a side (each a different shape, not only a colour).
MARK_COLOURS = {"sponsor": style.GOLD, "cosponsor": style.GOLD,
                "opposition": pygame.Color("#ff6b6b")}
MARK_WORDS = {"sponsor": "main sponsor (star)", "cosponsor": "co-sponsor (dot)",
              "opposition": "opposition (corner)"}
#: Ballot codes in the column order of a probability row.
PROB_KEYS = BALLOT_CODES


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
    """A cell's colour: its ballot's, as strong as the lean; grey if none; faded if dimmed."""
    if look.ballot is None:
        fill = style.mix(style.PANEL, style.BG, 0.3)
    else:
        fill = style.mix(style.PANEL, style.BALLOT_COLOURS[look.ballot],
                         0.35 + 0.65 * look.strength)
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
        lines = [title]
        if style.font(size, True).size(title)[0] > avail:          # long names: two lines,
            two = size                                               # smaller if need be
            while two > 12 and 2 * style.font(two, True).get_linesize() + 20 > rect.h:
                two -= 1
            if 2 * style.font(two, True).get_linesize() + 20 <= rect.h:
                lines, size = style.wrap(title, avail, two, bold=True)[:2], two
        size = min(fit(line, avail, size) for line in lines)        # one long word: smaller
        step = style.font(size, True).get_linesize()
        for k, line in enumerate(lines):
            style.text(surface, line, (text_left, rect.y + 4 + k * (step - 2)), size,
                       colour=ink, bold=True, max_width=avail)
        style.text(surface, code, (text_left, rect.bottom - 4), 13, colour=ink,
                   anchor="bottomleft")
    elif code:
        size = fit("MMW", avail, max(11, min(16, rect.h // 2)))
        style.text(surface, code, (text_left + avail // 2, rect.centery), size, colour=ink,
                   bold=True, anchor="center")
    if badge:
        gold_on_gold = look.ballot == "abstain" and not look.dim
        style.text(surface, badge, (rect.right - 6, rect.bottom - 5), 13,
                   colour=ink if gold_on_gold else style.GOLD, bold=True, anchor="bottomright")
    if look.mark:
        draw_mark(surface, look.mark, rect, fill)
    if look.flag:
        pygame.draw.rect(surface, style.TEXT, rect, 2, border_radius=radius)
    if selected:
        pygame.draw.rect(surface, style.TEXT, rect.inflate(4, 4), 3, border_radius=radius + 2)
        pygame.draw.rect(surface, style.UN_BLUE, rect.inflate(8, 8), 2, border_radius=radius + 4)


def star(centre: tuple[float, float], r: float) -> list[tuple[float, float]]:
    """The points of a five-pointed star."""
    cx, cy = centre
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.45
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def draw_mark(surface: pygame.Surface, mark: str, rect: pygame.Rect, fill: pygame.Color) -> None:
    """Top-right corner: star = main sponsor, dot = co-sponsor, red corner = opposition."""
    colour = MARK_COLOURS[mark]
    k = max(7, rect.h // 4)
    if mark == "sponsor":
        r = max(5.5, min(rect.h * 0.2, 9))
        pts = star((rect.right - r + 1, rect.y + r - 1), r)
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, style.BG_DEEP, pts, 1)
    elif mark == "cosponsor":
        r = max(3, min(k // 3, 5))
        centre = (rect.right - r - 3, rect.y + r + 3)
        pygame.draw.circle(surface, style.BG_DEEP, centre, r + 1)
        pygame.draw.circle(surface, colour, centre, r)
    else:                                       # outlined, so it shows on a red cell too
        pts = [(rect.right - k - 1, rect.y + 1), (rect.right - 1, rect.y + 1),
               (rect.right - 1, rect.y + k + 1)]
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.line(surface, style.TEXT, pts[0], pts[2], 2)


def legend(surface: pygame.Surface, pos: tuple[int, int], *, forecast: bool = True,
           marks: bool = True, extra: str | None = None, max_width: int | None = None) -> int:
    """A one-line legend: the four symbols in colour, and the corner marks (within
    ``max_width``: the gaps shrink first, then 'paler = less sure' goes). Returns its right x."""
    items: list[tuple[Look | None, str]] = [(Look(k), ballot_word(k)) for k in PROB_KEYS]
    if forecast:
        items.append((None, "paler = less sure"))
    if marks:
        items += [(Look(None, mark=m), MARK_WORDS[m].split(" (")[0]) for m in MARK_COLOURS]
    f = style.font(13)

    def sample(look: Look | None) -> int:
        return 0 if look is None else (24 if look.ballot else 20)

    def width(its, gap):
        return sum(sample(lk) + 5 * (lk is not None) + f.size(words)[0] + gap
                   for lk, words in its)

    gap = 12
    if max_width is not None:
        while gap > 6 and width(items, gap) > max_width:
            gap -= 1
        if width(items, gap) > max_width:
            items = [it for it in items if it[0] is not None]
    x, y = pos
    for look, words in items:
        if look is not None:
            r = pygame.Rect(x, y, sample(look), 20)
            draw_cell(surface, r, "", look)
            x = r.right + 5
        x = style.text(surface, words, (x, y + 10), 13, colour=style.MUTED,
                       anchor="midleft").right + gap
    if extra:
        x = style.text(surface, extra, (x, y + 10), 14, colour=style.MUTED,
                       anchor="midleft").right
    return x


def cell_at(cells: dict[str, pygame.Rect], pos: tuple[int, int]) -> str | None:
    """The key of the cell rectangle under a point, or None."""
    return next((iso for iso, r in cells.items() if r.collidepoint(pos)), None)
