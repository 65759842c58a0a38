"""One delegation's cell on a whip count or vote board: colour AND symbol per ballot."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import pygame

from ...i18n import N_, _
from ...vocabulary import BALLOT_CODES, ballot_word
from .. import style

#: Corner marks: who leads or joins a side (each a different shape, not only a colour).
MARK_COLOURS = {"sponsor": style.GOLD, "cosponsor": style.GOLD,
                "opposition": style.ERROR}
MARK_WORDS = {"sponsor": N_("main sponsor (star)"), "cosponsor": N_("co-sponsor (dot)"),
              "opposition": N_("opposition (corner)")}
#: The legend's words that go first when it runs out of room.
PALER, BLUE_ORANGE = N_("paler = less sure"), N_("blue helps you, orange hurts")
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


def cell_fill(look: Look, colours: dict[str, pygame.Color] | None = None) -> pygame.Color:
    """A cell's colour: its ballot's (``colours``: ballot -> fill, good or bad for the player;
    default ``style.BALLOT_COLOURS``), as strong as the lean; grey if none; faded if dimmed."""
    colours = colours or style.BALLOT_COLOURS
    if look.ballot is None:
        fill = style.mix(style.PANEL, style.BG, 0.3)
    else:
        fill = style.mix(style.PANEL, colours[look.ballot], 0.35 + 0.65 * look.strength)
    return style.mix(fill, style.BG, 0.72) if look.dim else fill


@cache
def fit(words: str, width: int, size: int, bold: bool = True, least: int = 10) -> int:
    """The largest font size in window pixels (down to ``least``) at which ``words`` fits in
    ``width`` pixels."""
    while size > least and style.font_at(size, bold).size(words)[0] > width:
        size -= 1
    return size


def _label(surface: pygame.Surface, words: str, pos: tuple[int, int], pixels: int,
           colour: pygame.Color, bold: bool = True, anchor: str = "topleft") -> pygame.Rect:
    """A cell's label at ``pixels`` window pixels (cells size their labels to the cell: the
    whole name is on hover, in the dossier, and on the tip the keyboard focus shows)."""
    img = style.font_at(pixels, bold).render(words, True, colour)
    rect = img.get_rect(**{anchor: pos})
    surface.blit(img, rect)
    return rect


@cache
def _name_lines(title: str, avail: int, height: int, top: int) -> tuple[list[str], int] | None:
    """(lines, font pixels) that set ``title`` in one or two lines within ``avail`` x
    ``height`` pixels at ``top`` pixels or smaller, down to three quarters of body text; None
    if the name does not fit (the cell shows its code instead)."""
    least = style.font_px(style.BODY) * 3 // 4
    for size in range(top, least - 1, -1):
        f = style.font_at(size, True)
        step = f.get_linesize()
        lines = style.wrap_at(title, avail, f)
        if len(lines) <= 2 and len(lines) * step <= height and all(
                f.size(line)[0] <= avail for line in lines):
            return lines, size
    return None


def draw_cell(surface: pygame.Surface, rect: pygame.Rect, code: str, look: Look, *,
              selected: bool = False, title: str | None = None, badge: str | None = None,
              title_size: int | None = None,
              colours: dict[str, pygame.Color] | None = None) -> None:
    """Draw a cell: fill by ballot (good or bad for the player: ``colours``) and certainty,
    the ballot's pattern and symbol at left, then the delegation's name (``title``) where it
    fits in two lines, else its ISO code. ``title_size``: the name's largest size (design)."""
    fill = cell_fill(look, colours)
    radius = max(3, rect.h // 8)
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    ink = _ink(fill)
    if look.dim:
        ink = style.mix(ink, style.BG, 0.55)
    if look.ballot is not None:
        style.draw_pattern(surface, look.ballot, rect, style.mix(fill, ink, 0.28))
    sym = max(7, min(style.px(20), round(rect.h * 0.42), rect.w // 5))
    pad = max(4, rect.h // 9)
    if look.ballot is not None:
        style.draw_symbol(surface, look.ballot, (rect.x + pad + sym // 2, rect.centery), sym,
                          ink)
    text_left = rect.x + sym + 2 * pad
    avail = rect.right - text_left - pad
    mark_w = max(7, rect.h // 4) + pad if look.mark else 0      # the corner mark's room
    code_px = fit("MMW", avail, max(11, min(style.font_px(16), rect.h // 2)),
                  least=max(9, style.px(9)))
    named = None
    if title and title != code:
        top = style.font_px(title_size or 16)
        named = _name_lines(title, avail - mark_w, rect.h - code_px - pad, top)
    if named is not None:
        lines, size = named
        step = style.font_at(size, True).get_linesize()
        for k, line in enumerate(lines):
            _label(surface, line, (text_left, rect.y + pad // 2 + k * step), size, ink)
        _label(surface, code, (text_left, rect.bottom - pad // 2), code_px * 4 // 5, ink,
               bold=False, anchor="bottomleft")
    elif code:
        _label(surface, code, (text_left + avail // 2, rect.centery), code_px, ink,
               anchor="center")
    if badge:
        gold_on_gold = look.ballot == "abstain" and not look.dim
        _label(surface, badge, (rect.right - pad, rect.bottom - pad // 2), code_px * 4 // 5,
               ink if gold_on_gold else style.GOLD, anchor="bottomright")
    if look.mark:
        draw_mark(surface, look.mark, rect, fill)
    if look.flag:
        pygame.draw.rect(surface, style.TEXT, rect, 2, border_radius=radius)
    if selected:
        style.focus_ring(surface, rect, radius)


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
        r = max(5.5, min(rect.h * 0.2, style.px(9)))
        pts = star((rect.right - r + 1, rect.y + r - 1), r)
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, style.BG_DEEP, pts, 1)
    elif mark == "cosponsor":
        r = max(3, min(k // 3, style.px(5)))
        centre = (rect.right - r - 3, rect.y + r + 3)
        pygame.draw.circle(surface, style.BG_DEEP, centre, r + 1)
        pygame.draw.circle(surface, colour, centre, r)
    else:                                       # outlined, so it shows on a red cell too
        pts = [(rect.right - k - 1, rect.y + 1), (rect.right - 1, rect.y + 1),
               (rect.right - 1, rect.y + k + 1)]
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.line(surface, style.TEXT, pts[0], pts[2], 2)


def legend(surface: pygame.Surface, pos: tuple[int, int], *, forecast: bool = True,
           marks: bool = True, extra: str | None = None, max_width: int | None = None,
           want_adopted: bool | None = None, lines: int = 1) -> int:
    """A legend in up to ``lines`` lines: the four ballots in their colours (good or bad for
    a player who wants the motion adopted, ``want_adopted``) and symbols, and the corner marks
    (within ``max_width``: the gaps shrink first, then a second line is used if allowed, then
    'paler = less sure' and the marks' words go). Returns the right x of its last line."""
    colours = style.ballot_colours(want_adopted)
    items: list[tuple[Look | None, str]] = [(Look(k), ballot_word(k)) for k in PROB_KEYS]
    if want_adopted is not None:
        items.append((None, _(BLUE_ORANGE)))
    if forecast:
        items.append((None, _(PALER)))
    if marks:
        items += [(Look(None, mark=m), _(MARK_WORDS[m]).split(" (")[0]) for m in MARK_COLOURS]
    f = style.font(13)
    h = f.get_linesize()

    def sample(look: Look | None) -> int:
        return 0 if look is None else round(h * (1.3 if look.ballot else 1.0))

    def width(its, gap):
        return sum(sample(lk) + style.px(5) * (lk is not None) + f.size(words)[0] + gap
                   for lk, words in its)

    gap = style.px(12)
    rows = [items]
    if max_width is not None:
        while gap > style.px(6) and width(items, gap) > max_width:
            gap -= 1
        if lines > 1 and width(items, gap) > max_width:       # ballots, then the rest
            first = [it for it in items if it[0] is not None and it[0].ballot is not None]
            rows = [first, [it for it in items if it not in first]]
        for drop in (_(PALER), _(BLUE_ORANGE)):
            rows = [[it for it in row if it[1] != drop] if width(row, gap) > max_width
                    else row for row in rows]
        rows = [[it for it in row if it[0] is None or it[0].ballot is not None]
                if width(row, gap) > max_width else row for row in rows]
    x, y = pos
    for k, row in enumerate(rows):
        if k:
            x, y = pos[0], y + h + style.px(4)
        x = _legend_row(surface, row, x, y, h, gap, sample, colours)
    if extra:
        x = style.text(surface, extra, (x, y + h // 2), 14, colour=style.MUTED,
                       anchor="midleft").right
    return x


def _legend_row(surface: pygame.Surface, items: list, x: int, y: int, h: int, gap: int,
                sample, colours: dict[str, pygame.Color]) -> int:
    """One line of the legend from ``x``; returns the x after it."""
    for look, words in items:
        if look is not None:
            r = pygame.Rect(x, y, sample(look), h)
            draw_cell(surface, r, "", look, colours=colours)
            x = r.right + style.px(5)
        x = style.text(surface, words, (x, y + h // 2), 13, colour=style.MUTED,
                       anchor="midleft").right + gap
    return x


def cell_at(cells: dict[str, pygame.Rect], pos: tuple[int, int]) -> str | None:
    """The key of the cell rectangle under a point, or None."""
    return next((iso for iso, r in cells.items() if r.collidepoint(pos)), None)
