"""The Security Council chamber: 15 seats round the horseshoe table, permanent members marked."""
from __future__ import annotations

import pygame

from .. import style
from .cells import Look, cell_at, draw_cell


class Chamber:
    """Same interface as WhipGrid (layout, hit, move, draw), for a handful of seats."""

    def __init__(self, permanent: set[str] | None = None) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.order: list[str] = []
        self.cells: dict[str, pygame.Rect] = {}
        self.permanent = permanent or set()
        self.centre = pygame.Rect(0, 0, 0, 0)

    def layout(self, rect: pygame.Rect, order: list[str]) -> None:
        """Seats round a U-shaped table: up the left side, across the top, down the right."""
        self.rect, self.order = pygame.Rect(rect), list(order)
        n = len(order)
        side = n // 3 + (1 if n % 3 == 2 else 0)       # seats on each side column
        top = n - 2 * side
        gap = style.px(10)
        sw = min(style.px(230), (rect.w - (max(top, 3) - 1) * gap) // max(top, 3))
        sh = min(style.px(84), (rect.h - side * gap) // (side + 1))
        left_x, right_x = rect.x, rect.right - sw
        self.cells = {}
        x: float                                            # the top row spreads evenly
        for k, iso in enumerate(order):
            if k < side:                                    # left column, bottom to top
                x, y = left_x, rect.y + (side - k) * (sh + gap)
            elif k < side + top:                            # top row, left to right
                j = k - side
                x = left_x + (right_x - left_x) * j / max(top - 1, 1) if top > 1 \
                    else left_x + (rect.w - sw) // 2
                y = rect.y
            else:                                           # right column, top to bottom
                x, y = right_x, rect.y + (k - side - top + 1) * (sh + gap)
            self.cells[iso] = pygame.Rect(round(x), round(y), sw, sh)
        self.centre = pygame.Rect(left_x + sw + 2 * gap, rect.y + sh + 2 * gap,
                                  rect.w - 2 * sw - 4 * gap, rect.h - sh - 2 * gap)

    def hit(self, pos: tuple[int, int]) -> str | None:
        """ISO code under a point, or None."""
        return cell_at(self.cells, pos)

    def move(self, iso: str | None, dx: int, dy: int) -> str | None:
        """Arrow keys walk round the table."""
        if not self.order:
            return None
        if iso not in self.order:
            return self.order[0]
        k = (self.order.index(iso) + (dx or dy)) % len(self.order)
        return self.order[k]

    def draw(self, surface: pygame.Surface, looks: dict[str, Look], selected: str | None = None,
             names: dict[str, str] | None = None,
             colours: dict[str, pygame.Color] | None = None) -> None:
        """The table, then the seats (permanent members outlined), named by ``names``."""
        table = self.centre.inflate(-8, -8)
        pygame.draw.rect(surface, style.mix(style.BG, style.UN_BLUE, 0.08), table,
                         border_radius=style.px(18))
        pygame.draw.rect(surface, style.mix(style.BG, style.UN_BLUE, 0.30), table,
                         style.px(2), border_radius=style.px(18))
        names = names or {}
        ring = style.px(3)
        for iso, r in self.cells.items():
            badge = "P5" if iso in self.permanent else None
            if iso in self.permanent:
                pygame.draw.rect(surface, style.GOLD, r.inflate(2 * ring, 2 * ring),
                                 style.px(2), border_radius=style.px(10))
            draw_cell(surface, r, iso, looks.get(iso, Look(None)), selected=iso == selected,
                      title=names.get(iso, iso), badge=badge, title_size=16,
                      colours=colours)
