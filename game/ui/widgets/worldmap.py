"""The whip count as a world map: every Member State filled and symbol-marked by its most
likely ballot, small states as markers; clickable like the grid.

The outlines are ``assets/world_map.json`` (Natural Earth 1:50m, Robinson projection; made
by ``tools/make_map.py``, which says how). Projected to the screen once per map rectangle,
and drawn onto a cached layer that is redrawn only when the looks or the size change: a
frame only blits it and draws the selection."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pygame

from .. import style
from .cells import Look, cell_fill, draw_mark

MAP_FILE = style.ASSETS / "world_map.json"
#: A state whose outline covers fewer screen pixels than this is drawn as a marker instead.
MARKER_AREA = 60.0
LAND = pygame.Color("#3a4f63")
COAST = pygame.Color("#0a1a2a")


@dataclass(frozen=True)
class Outlines:
    """The map asset: per member (ISO3) its rings, (n, 2) int arrays in map units, largest
    first, and its marker point; non-members' land; the map's size in map units."""

    width: int
    height: int
    rings: dict[str, tuple[np.ndarray, ...]]
    markers: dict[str, tuple[int, int]]
    land: tuple[np.ndarray, ...]
    source: str


@cache
def load_outlines(path: Path = MAP_FILE) -> Outlines:
    """Read the map asset (once per file: it never changes while the game runs).
    Raises OSError or ValueError if it is missing or damaged."""
    raw = json.loads(path.read_text(encoding="utf-8"))

    def arr(flat: list[int]) -> np.ndarray:
        return np.asarray(flat, dtype=float).reshape(-1, 2)

    members = raw["members"]
    return Outlines(int(raw["width"]), int(raw["height"]),
                    {iso: tuple(arr(r) for r in m["polygons"]) for iso, m in members.items()},
                    {iso: (int(m["marker"][0]), int(m["marker"][1]))
                     for iso, m in members.items()},
                    tuple(arr(r) for r in raw["land"]), str(raw["source"]))


@dataclass
class Placed:
    """One member on screen: its polygons (point lists), bounding box, area in pixels and
    marker; ``dot`` when it is drawn as a marker (too small to see)."""

    polygons: list[list[tuple[int, int]]]
    box: pygame.Rect
    area: float
    marker: tuple[int, int]
    dot: bool


def ring_area(pts: np.ndarray) -> float:
    """Absolute area of a closed ring (n, 2), in its units squared (shoelace formula)."""
    x, y = pts[:, 0], pts[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def inside(pt: tuple[int, int], poly: list[tuple[int, int]]) -> bool:
    """Whether a pixel is inside a polygon (even-odd ray casting through the pixel's centre:
    a ray at a vertex's exact height would count that vertex twice or not at all)."""
    x, y = pt[0] + 0.5, pt[1] + 0.5
    hit = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


class WorldMap:
    """Lays the members of ``order`` on the world map in a rectangle; draws and hit-tests.

    It answers as the grid does (``layout``, ``hit``, ``move``, ``draw``, ``cells``), so the
    floor can show either with the same selection."""

    def __init__(self, outlines: Outlines | None = None) -> None:
        self.outlines = outlines or load_outlines()
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.order: list[str] = []
        self.placed: dict[str, Placed] = {}
        self.smallest_first: list[tuple[str, Placed]] = []
        self.land: list[list[tuple[int, int]]] = []
        #: A small rectangle per member (its marker), where tips and flashes point.
        self.cells: dict[str, pygame.Rect] = {}
        self.radius = 5
        self._projected_for: tuple | None = None
        self._layer: pygame.Surface | None = None
        self._layer_key: tuple | None = None
        self._layer_looks: dict[str, Look] | None = None
        self.map_rect = pygame.Rect(0, 0, 0, 0)

    # -- layout -----------------------------------------------------------------------------
    def layout(self, rect: pygame.Rect, order: list[str]) -> None:
        """Fit the map into ``rect`` (aspect kept, centred); only ``order``'s members are on
        it. Projection is cached per rectangle size and position."""
        self.rect, self.order = pygame.Rect(rect), list(order)
        key = (tuple(self.rect), tuple(sorted(order)))
        if key == self._projected_for:
            return
        o = self.outlines
        scale = min(rect.w / o.width, rect.h / o.height)
        ox = rect.x + (rect.w - o.width * scale) / 2
        oy = rect.y + (rect.h - o.height * scale) / 2
        self.map_rect = pygame.Rect(round(ox), round(oy), round(o.width * scale),
                                    round(o.height * scale))

        def screen(pts: np.ndarray) -> list[tuple[int, int]]:
            s = np.rint(pts * scale + (ox, oy)).astype(int)
            return [(int(a), int(b)) for a, b in s]

        self.radius = max(4, round(rect.h / 80))
        self.placed = {}
        for iso in order:
            polys = [screen(r) for r in o.rings.get(iso, ())]
            polys = [p for p in polys if len(p) >= 3]
            area = sum(ring_area(r) for r in o.rings.get(iso, ())) * scale * scale
            if iso not in o.markers:
                continue                      # not on the map (the test says which)
            mx, my = o.markers[iso]
            marker = (round(ox + mx * scale), round(oy + my * scale))
            dot = area < MARKER_AREA
            box = (pygame.Rect(marker[0] - self.radius, marker[1] - self.radius,
                               2 * self.radius, 2 * self.radius) if dot or not polys else
                   pygame.Rect(polys[0][0], (0, 0)).unionall(
                       [pygame.Rect(p, (1, 1)) for poly in polys for p in poly]))
            self.placed[iso] = Placed(polys, box, area, marker, dot)
        self.land = [screen(r) for r in o.land]
        #: The outlined states, smallest first: an enclave is hit before its surroundings.
        self.smallest_first = sorted(((iso, p) for iso, p in self.placed.items() if not p.dot),
                                     key=lambda kv: kv[1].area)
        r = self.radius
        self.cells = {iso: pygame.Rect(p.marker[0] - r, p.marker[1] - r, 2 * r, 2 * r)
                      for iso, p in self.placed.items()}
        self._projected_for = key
        self._layer_key = None

    # -- questions --------------------------------------------------------------------------
    def hit(self, pos: tuple[int, int]) -> str | None:
        """The member under a point: a marker first, then the smallest outline holding it."""
        x, y = pos
        near = [(iso, (p.marker[0] - x) ** 2 + (p.marker[1] - y) ** 2)
                for iso, p in self.placed.items() if p.dot]
        r2 = (self.radius + 3) ** 2
        close = [(d, iso) for iso, d in near if d <= r2]
        if close:
            return min(close)[1]
        for iso, p in self.smallest_first:
            if p.box.collidepoint(pos) and any(inside(pos, poly) for poly in p.polygons):
                return iso
        return None

    def move(self, iso: str | None, dx: int, dy: int) -> str | None:
        """The nearest member in a direction from ``iso`` (arrow keys); the first if none."""
        if not self.placed:
            return None
        if iso not in self.placed:
            return self.order[0] if self.order[0] in self.placed else next(iter(self.placed))
        x0, y0 = self.placed[iso].marker
        best: tuple[float, str] | None = None
        for other, p in self.placed.items():
            ddx, ddy = p.marker[0] - x0, p.marker[1] - y0
            along = ddx * dx + ddy * dy
            if other == iso or along <= 0:
                continue
            across = abs(ddx * dy) + abs(ddy * dx)
            score = along + 2 * across                 # straight ahead before sideways
            if best is None or score < best[0]:
                best = (score, other)
        return best[1] if best else iso

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, looks: dict[str, Look], selected: str | None = None,
             names: dict[str, str] | None = None,
             colours: dict[str, pygame.Color] | None = None) -> None:
        """The cached layer (land, states, markers; ``colours``: ballot -> fill, good or bad
        for the player), then the selected member ringed on top (``names`` unused: the map
        shows no labels, the tip and the dossier name the state)."""
        key = (tuple(self.rect), surface.get_size(),
               tuple(sorted((k, tuple(c)) for k, c in (colours or {}).items())))
        if self._layer is None or self._layer_key != key or self._layer_looks is not looks:
            self._layer = self.render(looks, surface.get_size(), colours)
            self._layer_key, self._layer_looks = key, looks
        surface.blit(self._layer, self.rect.topleft, self.rect)
        if selected in self.placed:
            self.outline(surface, selected, style.FOCUS, 3)

    def render(self, looks: dict[str, Look], size: tuple[int, int],
               colours: dict[str, pygame.Color] | None = None) -> pygame.Surface:
        """The map layer: land in grey, each state in its ballot's colour, symbols, markers."""
        layer = pygame.Surface(size).convert() if pygame.display.get_surface() else \
            pygame.Surface(size)
        layer.fill(style.BG, self.rect)
        for poly in self.land:
            pygame.draw.polygon(layer, LAND, poly)
        sym = max(7, round(self.rect.h / 45))
        by_size = sorted(self.placed.items(), key=lambda kv: -kv[1].area)
        coast = max(1, round(self.rect.h / 700))          # borders as thick at 4K as at 720p
        for iso, p in by_size:                    # large first: an enclave is drawn over
            if p.dot:
                continue
            fill = cell_fill(looks.get(iso, Look(None)), colours)
            for poly in p.polygons:
                pygame.draw.polygon(layer, fill, poly)
                pygame.draw.polygon(layer, COAST, poly, coast)
        for iso, p in by_size:
            look = looks.get(iso, Look(None))
            if p.dot:
                self.dot(layer, p.marker, look, colours)
            elif look.ballot is not None and p.area >= 4 * sym * sym:
                ink = style.mix(cell_fill(look, colours), style.BG_DEEP, 0.75)
                style.draw_symbol(layer, look.ballot, p.marker, sym, ink)
            if look.mark is not None:             # main sponsor, co-sponsor, opposition
                r = pygame.Rect(0, 0, 2 * self.radius, 2 * self.radius)
                r.center = (p.marker[0] + self.radius, p.marker[1] - self.radius)
                draw_mark(layer, look.mark, r, cell_fill(look, colours))
        return layer

    def dot(self, surface: pygame.Surface, at: tuple[int, int], look: Look,
            colours: dict[str, pygame.Color] | None = None) -> None:
        """A small state's marker: a disc of its ballot's colour, ringed, its symbol inside."""
        r = self.radius
        fill = cell_fill(look, colours)
        pygame.draw.circle(surface, COAST, at, r + 1)
        pygame.draw.circle(surface, fill, at, r)
        pygame.draw.circle(surface, style.MUTED, at, r + 1, 1)
        if look.ballot is not None and r >= 6:
            style.draw_symbol(surface, look.ballot, at, round(r * 1.2),
                              style.mix(fill, style.BG_DEEP, 0.75))

    def outline(self, surface: pygame.Surface, iso: str, colour: pygame.Color,
                width: int) -> None:
        """Ring a member on the map (selection, flash): its outlines, or its marker."""
        p = self.placed.get(iso)
        if p is None:
            return
        if p.dot or not p.polygons:
            pygame.draw.circle(surface, colour, p.marker, self.radius + 3, width)
            return
        for poly in p.polygons:
            pygame.draw.polygon(surface, colour, poly, width)
