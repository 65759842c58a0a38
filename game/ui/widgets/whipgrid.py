"""The whip count: every delegation in a grid of cells, clickable, keyboard-navigable."""
from __future__ import annotations

import math

import pygame

from .. import style
from .cells import Look, cell_at, draw_cell

#: Preferred cell width / height.
ASPECT = 1.45
#: Cells at least this wide (design pixels) show delegations' names, narrower ones their
#: ISO codes (the name is on hover and on the keyboard focus): one or the other for all.
NAME_WIDTH = 150
#: Cell images kept before the cache starts again (a game shows a few hundred looks).
CELL_CACHE = 4000


class WhipGrid:
    """Lays out ISO codes in rows and columns that fill a rectangle; draws and hit-tests."""

    def __init__(self) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.order: list[str] = []
        self.cells: dict[str, pygame.Rect] = {}
        self.cols = 1
        # the layer cache: what it was drawn for, and where it goes
        self._looks: dict[str, Look] | None = None
        self._key: tuple | None = None
        self._names: dict[str, str] = {}
        self._layer: pygame.Surface | None = None
        self._origin = (0, 0)
        #: (size, code, look, name, colours) -> the cell drawn: a cell looks as before
        #: whenever it comes back to the same look.
        self._cell_images: dict[tuple, pygame.Surface] = {}

    def layout(self, rect: pygame.Rect, order: list[str]) -> None:
        """Place ``order`` (ISO codes) into ``rect`` with the largest readable cells."""
        self.rect, self.order = pygame.Rect(rect), list(order)
        n = max(1, len(order))
        best = (0.0, 1)
        for cols in range(1, n + 1):
            rows = math.ceil(n / cols)
            w, h = rect.w / cols, rect.h / rows
            score = min(w / ASPECT, h)
            if score > best[0]:
                best = (score, cols)
        self.cols = best[1]
        rows = math.ceil(n / self.cols)
        cw, ch = rect.w / self.cols, min(rect.h / rows, rect.w / self.cols / 1.1)
        gap = max(2, round(cw / 16))
        self.cells = {}
        for k, iso in enumerate(order):
            r, c = divmod(k, self.cols)
            self.cells[iso] = pygame.Rect(round(rect.x + c * cw), round(rect.y + r * ch),
                                          round(cw) - gap, round(ch) - gap)

    def hit(self, pos: tuple[int, int]) -> str | None:
        """ISO code under a point, or None."""
        return cell_at(self.cells, pos)

    def move(self, iso: str | None, dx: int, dy: int) -> str | None:
        """The neighbour of ``iso`` in a direction (arrow keys); the first cell if none."""
        if not self.order:
            return None
        if iso not in self.order:
            return self.order[0]
        k = self.order.index(iso) + dx + dy * self.cols
        return self.order[max(0, min(len(self.order) - 1, k))]

    def draw(self, surface: pygame.Surface, looks: dict[str, Look], selected: str | None = None,
             names: dict[str, str] | None = None,
             colours: dict[str, pygame.Color] | None = None) -> None:
        """Every cell, named by ``names`` where a name fits (else its ISO code), filled in
        ``colours`` (ballot -> colour, good or bad for the player); the selected one last.

        Looks that stay the same from one frame to the next (the floor between two moves) are
        drawn once onto a layer that later frames only blit (a frame of the floor took 20 ms
        of CPU drawing 193 cells); looks that change every frame (a board filling) are drawn
        directly."""
        first = next(iter(self.cells.values()), None)
        if first is None or first.w < style.px(NAME_WIDTH):
            names = {}
        names = names or {}
        key = (tuple(self.rect), len(self.cells), tuple(first or ()), tuple(
            sorted((k, tuple(c)) for k, c in (colours or {}).items())))
        if looks is self._looks and key == self._key and names == self._names:
            if self._layer is None:
                self._layer = self.render(looks, names, colours)
            surface.blit(self._layer, self._origin)
        else:
            self._looks, self._key, self._names, self._layer = looks, key, dict(names), None
            self.draw_cells(surface, looks, names, colours)
        if selected in self.cells:
            draw_cell(surface, self.cells[selected], selected, looks.get(selected, Look(None)),
                      selected=True, title=names.get(selected), colours=colours)

    def draw_cells(self, surface: pygame.Surface, looks: dict[str, Look],
                   names: dict[str, str], colours: dict[str, pygame.Color] | None,
                   offset: tuple[int, int] = (0, 0)) -> None:
        """Draw every cell onto ``surface``, moved by ``offset``: each from the cell cache
        (a board filling changes a few cells a frame; drawing all 193 took 13 ms of CPU)."""
        shade = tuple(sorted((k, tuple(c)) for k, c in (colours or {}).items()))
        if len(self._cell_images) > CELL_CACHE:
            self._cell_images.clear()
        for iso, r in self.cells.items():
            look = looks.get(iso, Look(None))
            key = (r.size, iso, look, names.get(iso), shade)
            image = self._cell_images.get(key)
            if image is None:
                image = pygame.Surface(r.size, pygame.SRCALPHA)
                draw_cell(image, image.get_rect(), iso, look, title=names.get(iso),
                          colours=colours)
                self._cell_images[key] = image
            surface.blit(image, r.move(offset))

    def render(self, looks: dict[str, Look], names: dict[str, str],
               colours: dict[str, pygame.Color] | None) -> pygame.Surface:
        """The cells on a transparent layer just large enough for them."""
        area = self.rect.unionall(list(self.cells.values())) if self.cells else self.rect
        self._origin = area.topleft
        layer = pygame.Surface(area.size, pygame.SRCALPHA)
        self.draw_cells(layer, looks, names, colours, offset=(-area.x, -area.y))
        return layer
