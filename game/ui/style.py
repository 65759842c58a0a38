"""Palette, fonts, the scale of the layout and the ballot symbols shared by every screen.

Scale: every length and font size in the layouts is written for a 1280x720 window ("design
pixels"); ``px`` and ``font`` turn them into window pixels for the window on screen, so the
layout and the type grow with it up to 3840x2160 (a projector). Body text never falls below
``BODY_SHARE`` of the window height (issue 11: 24 px at 1080p, 16 px at 720p).

Palette: the colours say *good for you / bad for you* (``good_bad``), in a colour-blind-safe
pair (Okabe-Ito blue and orange, apart under deuteranopia and in grey), and every ballot keeps
its own symbol and pattern; ``use_palette`` switches to the high-contrast theme. Ballot words
are ``game.vocabulary``'s; here they only become pygame colours."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from math import ceil
from pathlib import Path

import pygame

ASSETS = Path(__file__).resolve().parents[2] / "assets"
#: The smallest window the layouts are made for (smaller requests are raised to it); also the
#: size of a "design pixel" grid: at 1280x720 one design pixel is one window pixel.
MIN_SIZE = (1280, 720)
#: The largest window asked for on the command line (a 4K projector): beyond it pygame_gui's
#: theme and text surfaces grow until memory runs out (16384x16384 took 10 GB and crashed).
MAX_SIZE = (3840, 2160)
DESIGN = MIN_SIZE
THEME = ASSETS / "theme.json"
#: The spaces a line may break at: not the no-break space French puts before ':' and '»'.
BREAKING_SPACE = re.compile(r"[ \t\n\r\f\v]+")
#: Body text is at least this share of the window height (issue 11: 2.2%, 24 px at 1080p).
BODY_SHARE = 0.022
#: The smallest font size (design pixels) any text is drawn in: 16 px at 720p >= 15.84.
BODY = 16


@dataclass(frozen=True)
class Palette:
    """One colour theme: backgrounds, text, and the good / bad / neutral ballot fills.

    ``good`` and ``bad`` fill the ballots that help or hurt the player's side on a motion;
    ``abstain`` and ``absent`` are neutral. ``good_text``/``bad_text`` are lighter shades that
    read as text on ``bg``."""

    name: str
    bg: str
    bg_deep: str
    panel: str
    panel_edge: str
    accent: str
    text: str
    muted: str
    gold: str
    error: str
    good: str
    bad: str
    abstain: str
    absent: str
    good_text: str
    bad_text: str
    focus: str


#: The themes a player can choose (title screen, or H anywhere). Okabe & Ito (2008), "Color
#: Universal Design": blue #0072B2 / sky blue #56B4E9 against orange #E69F00 stay apart for
#: protan, deutan and tritan viewers and differ in lightness (so in grey too).
PALETTES: dict[str, Palette] = {p.name: p for p in (
    Palette("default", bg="#0e2236", bg_deep="#0a1a2a", panel="#143049", panel_edge="#2b5a82",
            accent="#56b4e9", text="#eef4fa", muted="#a9c0d4", gold="#e8c25a",
            error="#ffa07a", good="#1f7fc4", bad="#e69f00", abstain="#8c96a3",
            absent="#4d5966", good_text="#7cc7f2", bad_text="#f5b942", focus="#ffffff"),
    Palette("high_contrast", bg="#000000", bg_deep="#000000", panel="#0b0b0b",
            panel_edge="#ffffff", accent="#00c8ff", text="#ffffff", muted="#e0e0e0",
            gold="#ffd400", error="#ffb080", good="#2f7fff", bad="#ffb000",
            abstain="#b8b8b8", absent="#5a5a5a", good_text="#8ccfff", bad_text="#ffc040",
            focus="#ffff00"),
)}

# The colours in use. They are pygame.Color objects changed in place by ``use_palette`` (the
# App's choice), so every module reading ``style.X`` at drawing time follows the theme.
BG = pygame.Color("#0e2236")
BG_DEEP = pygame.Color("#0a1a2a")
PANEL = pygame.Color("#143049")
PANEL_EDGE = pygame.Color("#2b5a82")
UN_BLUE = pygame.Color("#56b4e9")
TEXT = pygame.Color("#eef4fa")
MUTED = pygame.Color("#a9c0d4")
GOLD = pygame.Color("#e8c25a")
ERROR = pygame.Color("#ffa07a")
GOOD = pygame.Color("#1f7fc4")
BAD = pygame.Color("#e69f00")
GOOD_TEXT = pygame.Color("#7cc7f2")
BAD_TEXT = pygame.Color("#f5b942")
FOCUS = pygame.Color("#ffffff")
ABSTAIN = pygame.Color("#8c96a3")
ABSENT = pygame.Color("#4d5966")

#: Ballot code -> its fill when no side is concerned (a past vote, a legend): in favour in
#: the "good" blue, against in the "bad" orange. On a motion, use ``ballot_colours``.
BALLOT_COLOURS = {"yes": GOOD, "no": BAD, "abstain": ABSTAIN, "absent": ABSENT}

_SLOTS = {"bg": BG, "bg_deep": BG_DEEP, "panel": PANEL, "panel_edge": PANEL_EDGE,
          "accent": UN_BLUE, "text": TEXT, "muted": MUTED, "gold": GOLD, "error": ERROR,
          "good": GOOD, "bad": BAD, "good_text": GOOD_TEXT, "bad_text": BAD_TEXT,
          "focus": FOCUS, "abstain": ABSTAIN, "absent": ABSENT}


def use_palette(name: str) -> Palette:
    """Make ``name`` (a key of PALETTES) the colours in use; returns it. KeyError if unknown."""
    palette = PALETTES[name]
    for slot, colour in _SLOTS.items():
        colour.update(pygame.Color(getattr(palette, slot)))
    return palette


def current_palette() -> str:
    """The name of the palette in use."""
    return next((p.name for p in PALETTES.values() if pygame.Color(p.bg) == BG
                 and pygame.Color(p.good) == GOOD), "default")


def ballot_colours(want_adopted: bool | None) -> dict[str, pygame.Color]:
    """Ballot code -> fill on a motion the player wants adopted (True) or defeated (False):
    the ballots that help the player are blue, those that hurt orange; None: no side's view."""
    if want_adopted is False:
        return {"yes": BAD, "no": GOOD, "abstain": ABSTAIN, "absent": ABSENT}
    return dict(BALLOT_COLOURS)


def good_bad(good: bool, text: bool = False) -> pygame.Color:
    """The colour of something good (True) or bad for the player; ``text``: the shade for
    words on the dark background."""
    if text:
        return GOOD_TEXT if good else BAD_TEXT
    return GOOD if good else BAD


# -- scale --------------------------------------------------------------------------------------
def scale_for(size: tuple[int, int]) -> float:
    """Window pixels per design pixel for a window of ``size`` (w, h): 1.0 at 1280x720, 1.5
    at 1920x1080, 3.0 at 3840x2160; the narrower of the two ratios, never below 1 nor above
    3 (the type of a 4K projector)."""
    return min(max(1.0, min(size[0] / DESIGN[0], size[1] / DESIGN[1])),
               MAX_SIZE[1] / DESIGN[1])                 # a larger screen keeps 4K's type


def window_size() -> tuple[int, int]:
    """The size of the window on screen (the design size if none is open)."""
    surface = pygame.display.get_surface() if pygame.display.get_init() else None
    return surface.get_size() if surface is not None else DESIGN


def scale() -> float:
    """Window pixels per design pixel for the window on screen (1.0 without one)."""
    return scale_for(window_size())


def px(n: float) -> int:
    """``n`` design pixels in window pixels (rounded; a nonzero length stays at least 1)."""
    out = round(n * scale())
    return out if out or not n else (1 if n > 0 else -1)


def font_px(size: float, window: tuple[int, int] | None = None) -> int:
    """The pixel size a font of design ``size`` is drawn at in a ``window`` (w, h; default:
    the one on screen): scaled, and never below ``BODY_SHARE`` of the window height."""
    w = window or window_size()
    return max(ceil(BODY_SHARE * w[1]), round(max(size, BODY) * scale_for(w)))


@cache
def _font_path(bold: bool) -> str:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return str(resources.files("pygame_gui") / "data" / name)


@cache
def font_at(pixels: int, bold: bool = False) -> pygame.font.Font:
    """The UI's typeface (Noto Sans, as pygame_gui uses) at ``pixels`` window pixels."""
    return pygame.font.Font(_font_path(bold), pixels)


def font(size: float, bold: bool = False) -> pygame.font.Font:
    """The UI's own typeface for custom-drawn surfaces, ``size`` in design pixels (scaled to
    the window, and at least body size: see ``font_px``)."""
    return font_at(font_px(size), bold)


def reset_fonts() -> None:
    """Forget cached fonts (they die with ``pygame.quit``)."""
    font_at.cache_clear()
    from .widgets.cells import _name_lines, fit

    fit.cache_clear()
    _name_lines.cache_clear()


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
    w = max(2, round(size / 6))                 # strokes thicken with the symbol
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


def draw_pattern(surface: pygame.Surface, ballot: str, rect: pygame.Rect,
                 colour: pygame.Color) -> None:
    """The ballot's pattern over its fill, so that ballots differ in grey and for colour-blind
    viewers even without the symbol: against = diagonal hatching, abstention = a horizontal
    rule, in favour and absent plain."""
    step = max(5, rect.h // 3)
    width = max(1, rect.h // 16)
    if ballot == "no":
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip) if clip else rect)
        for x in range(rect.x - rect.h, rect.right, step):
            pygame.draw.line(surface, colour, (x, rect.bottom), (x + rect.h, rect.y), width)
        surface.set_clip(clip)
    elif ballot == "abstain":
        pygame.draw.line(surface, colour, (rect.x + 2, rect.bottom - 3 - width),
                         (rect.right - 3, rect.bottom - 3 - width), width)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, radius: int = 6) -> None:
    """The keyboard focus: a bright double outline round ``rect`` (seen on any fill)."""
    w = max(2, px(3))
    pygame.draw.rect(surface, FOCUS, rect.inflate(2 * w, 2 * w), w, border_radius=radius + w)
    pygame.draw.rect(surface, BG_DEEP, rect.inflate(4 * w, 4 * w), max(1, w // 2),
                     border_radius=radius + 2 * w)


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: pygame.Color = PANEL,
          edge: pygame.Color = PANEL_EDGE, radius: int = 8) -> None:
    """A rounded panel background for custom-drawn areas (``radius`` in design pixels)."""
    pygame.draw.rect(surface, fill, rect, border_radius=px(radius))
    pygame.draw.rect(surface, edge, rect, max(1, px(1)), border_radius=px(radius))


def wrap(words: str, width: int, size: int = 15, bold: bool = False) -> list[str]:
    """Split ``words`` into lines no wider than ``width`` pixels (``size``: design pixels)."""
    return wrap_at(words, width, font(size, bold))


def wrap_at(words: str, width: int, f: pygame.font.Font) -> list[str]:
    """Split ``words`` into lines no wider than ``width`` pixels in the font ``f``."""
    lines: list[str] = []
    line = ""
    for word in BREAKING_SPACE.split(words.strip(" \t\n\r\f\v")):     # not at a no-break space
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
    lines = wrap(line, area.w - px(20), 14)             # a long tip wraps, never runs off
    f = font(14)
    step = f.get_linesize()
    r = pygame.Rect(0, 0, max(f.size(t)[0] for t in lines) + px(14),
                    step * len(lines) + px(10))
    r.topleft = (near.x, near.bottom + px(6))
    if r.bottom > area.bottom:
        r.bottom = near.y - px(6)
    if r.right > area.right:
        r.right = near.right
    r.clamp_ip(area)
    pygame.draw.rect(surface, BG_DEEP, r, border_radius=px(6))
    pygame.draw.rect(surface, UN_BLUE, r, max(1, px(1)), border_radius=px(6))
    for k, t in enumerate(lines):
        text(surface, t, (r.x + px(7), r.y + px(5) + k * step), 14, max_width=r.w - px(14))
    return r
