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


class WhipGrid:
    """Lays out ISO codes in rows and columns that fill a rectangle; draws and hit-tests."""

    def __init__(self) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.order: list[str] = []
        self.cells: dict[str, pygame.Rect] = {}
        self.cols = 1

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
        ``colours`` (ballot -> colour, good or bad for the player); the selected one last."""
        first = next(iter(self.cells.values()), None)
        if first is None or first.w < style.px(NAME_WIDTH):
            names = {}
        names = names or {}
        for iso, r in self.cells.items():
            if iso != selected:
                draw_cell(surface, r, iso, looks.get(iso, Look(None)), title=names.get(iso),
                          colours=colours)
        if selected in self.cells:
            draw_cell(surface, self.cells[selected], selected, looks.get(selected, Look(None)),
                      selected=True, title=names.get(selected), colours=colours)
