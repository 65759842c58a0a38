"""The floor's two views of the whip count: the grid of cells and the world map (M toggles),
sharing one selection."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from ...i18n import _
from ..widgets.chamber import Chamber
from ..widgets.whipgrid import WhipGrid
from ..widgets.worldmap import WorldMap

if TYPE_CHECKING:
    from .base import Scene
    from .floor import FloorPrefs

    # For the type checker the mixin is a Scene: it uses the Scene's helpers and state.
    _SceneBase = Scene
else:
    _SceneBase = object

#: Width of the toggle button at the right of the legend line (design pixels).
TOGGLE_W = 96


class MapViewMixin(_SceneBase):
    """Adds the world map to the floor: ``prefs.map`` says which view is shown."""

    #: What the scene using the mixin provides (FloorScene).
    prefs: FloorPrefs
    view_rect: pygame.Rect
    hover: str | None
    view: WhipGrid | WorldMap | Chamber

    if TYPE_CHECKING:
        def refresh(self) -> None:
            """Recompute what is shown (FloorScene's)."""

    #: The Council (15 seats at its table) has no map.
    has_map = True

    def make_view(self) -> WhipGrid | WorldMap:
        """The grid, or the world map when the player chose it (W)."""
        return WorldMap() if self.prefs.map and self.has_map else WhipGrid()

    def map_label(self) -> str:
        """The toggle names the view it would show."""
        return _("Grid  (W)") if self.prefs.map else _("Map  (W)")

    def build_map_toggle(self, rect: pygame.Rect) -> None:
        """The toggle in ``rect`` (at the right of the legend), and its key; none where there
        is no map."""
        if not self.has_map:
            return
        self.button("map", rect, self.map_label(),
                    self.toggle_map, tip=_("The whip count on a world map, or as a grid (W)"))
        self.keys[pygame.K_w] = partial(self.press, "map")

    def toggle_map(self) -> None:
        """Show the world map instead of the grid, or the grid again; the selection stays."""
        self.prefs.map = not self.prefs.map
        self.view = self.make_view()
        self.buttons["map"].set_text(self.map_label())
        self.hover = None
        self.refresh()
