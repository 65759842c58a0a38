"""Palette, fonts and the ballot symbols shared by every screen (UN-blue, calm, high contrast).

Ballot words and colours are ``game.vocabulary``'s; here they only become pygame colours."""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import pygame

from ..vocabulary import BALLOT_STYLES

ASSETS = Path(__file__).resolve().parents[2] / "assets"
#: The smallest window the layouts are made for (smaller requests are raised to it).
MIN_SIZE = (1280, 720)
THEME = ASSETS / "theme.json"

BG = pygame.Color("#0e2236")
BG_DEEP = pygame.Color("#0a1a2a")
PANEL = pygame.Color("#143049")
PANEL_EDGE = pygame.Color("#2b5a82")
UN_BLUE = pygame.Color("#4aa8e0")
TEXT = pygame.Color("#eef4fa")
MUTED = pygame.Color("#9db6cc")
GOLD = pygame.Color("#e8c25a")
ERROR = pygame.Color("#ff8a80")

#: Ballot code (yes, no, abstain, absent) -> the colour its seats and bars are filled with:
#: ``game.vocabulary.BALLOT_STYLES`` (words, titles, letters, shades) made pygame colours.
BALLOT_COLOURS = {code: pygame.Color(b.tile) for code, b in BALLOT_STYLES.items()}


@cache
def _font_path(bold: bool) -> str:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return str(resources.files("pygame_gui") / "data" / name)


@cache
def font(size: int, bold: bool = False) -> pygame.font.Font:
    """The UI's own typeface (Noto Sans, as pygame_gui uses) for custom-drawn surfaces."""
    return pygame.font.Font(_font_path(bold), size)


def reset_fonts() -> None:
    """Forget cached fonts (they die with ``pygame.quit``)."""
    font.cache_clear()
    from .widgets.cells import fit

    fit.cache_clear()


def text(surface: pygame.Surface, words: str, pos: tuple[int, int], size: int = 16, *,
         colour: pygame.Color = TEXT, bold: bool = False, anchor: str = "topleft",
         max_width: int | None = None) -> pygame.Rect:
    """Draw one line of text; trims with an ellipsis to ``max_width``. Returns its rect."""
    f = font(size, bold)
    if max_width is not None:
        words = ellipsize(words, max_width, size, bold)
    img = f.render(words, True, colour)
    rect = img.get_rect(**{anchor: pos})
    surface.blit(img, rect)
    return rect


def ellipsize(words: str, max_width: int, size: int = 16, bold: bool = False) -> str:
    """``words`` cut (with an ellipsis) to fit ``max_width`` pixels in the UI's typeface."""
    f = font(size, bold)
    if f.size(words)[0] <= max_width:
        return words
    words = words[:max(1, max_width // 3)]            # no glyph is narrower than 3 pixels
    while words and f.size(words + "…")[0] > max_width:
        words = words[:-1]
    return words + "…"


def mix(a: pygame.Color, b: pygame.Color, t: float) -> pygame.Color:
    """Linear blend of two colours, t in [0, 1] (0 = a)."""
    t = max(0.0, min(1.0, t))
    return pygame.Color(*(round(x + (y - x) * t) for x, y in zip(a[:3], b[:3], strict=True)))


def draw_symbol(surface: pygame.Surface, ballot: str, center: tuple[int, int], size: int,
                colour: pygame.Color = TEXT) -> None:
    """Draw a ballot's symbol so it reads without colour: tick, cross, dash, dot."""
    x, y = center
    s = size / 2
    w = max(2, round(size / 6))
    if ballot == "yes":
        pygame.draw.lines(surface, colour, False, [(x - s, y), (x - s / 3, y + s * 0.7),
                                                    (x + s, y - s * 0.7)], w)
    elif ballot == "no":
        pygame.draw.line(surface, colour, (x - s * 0.8, y - s * 0.8), (x + s * 0.8, y + s * 0.8), w)
        pygame.draw.line(surface, colour, (x - s * 0.8, y + s * 0.8), (x + s * 0.8, y - s * 0.8), w)
    elif ballot == "abstain":
        pygame.draw.line(surface, colour, (x - s * 0.8, y), (x + s * 0.8, y), w + 1)
    else:
        pygame.draw.circle(surface, colour, (x, y), max(2, round(s / 3)))


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: pygame.Color = PANEL,
          edge: pygame.Color = PANEL_EDGE, radius: int = 8) -> None:
    """A rounded panel background for custom-drawn areas."""
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    pygame.draw.rect(surface, edge, rect, 1, border_radius=radius)


def wrap(words: str, width: int, size: int = 15, bold: bool = False) -> list[str]:
    """Split ``words`` into lines no wider than ``width`` pixels."""
    f = font(size, bold)
    lines: list[str] = []
    line = ""
    for word in words.split():
        trial = f"{line} {word}".strip()
        if f.size(trial)[0] <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def paragraph(surface: pygame.Surface, words: str, rect: pygame.Rect, size: int = 15, *,
              colour: pygame.Color = TEXT, bold: bool = False, max_lines: int = 99) -> int:
    """Draw wrapped text inside ``rect``; returns the y below the last line."""
    y = rect.y
    step = font(size, bold).get_linesize()
    lines = [line for part in words.split("\n") for line in wrap(part, rect.w, size, bold)]
    for k, line in enumerate(lines[:max_lines]):
        if k == max_lines - 1 and len(lines) > max_lines:
            line += " …"
        text(surface, line, (rect.x, y), size, colour=colour, bold=bold, max_width=rect.w)
        y += step
    return y


def tooltip(surface: pygame.Surface, line: str, near: pygame.Rect,
            area: pygame.Rect) -> pygame.Rect:
    """A one-line tip beside the ``near`` rect (a cell), kept inside ``area`` (the grid):
    below and to the right when there is room, else above or to the left."""
    img = font(14).render(line, True, TEXT)
    r = img.get_rect().inflate(14, 10)
    r.topleft = (near.x, near.bottom + 6)
    if r.bottom > area.bottom:
        r.bottom = near.y - 6
    if r.right > area.right:
        r.right = near.right
    r.clamp_ip(area)
    pygame.draw.rect(surface, BG_DEEP, r, border_radius=6)
    pygame.draw.rect(surface, UN_BLUE, r, 1, border_radius=6)
    surface.blit(img, img.get_rect(center=r.center))
    return r
