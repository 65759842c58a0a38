"""pygame_gui's theme for one window size and palette: ``assets/theme.json`` with its fonts,
paddings, corners and list rows scaled like the rest of the layout (``style.px``), and its
colours swapped for the high-contrast palette's when that is in use.

pygame_gui reads font sizes once per element from its theme, so the App builds a new manager
with ``theme_for(size, palette)`` whenever the window's size or the palette changes."""
from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from . import style

#: Misc entries that are lengths (scaled with the layout); "padding" is "x,y".
LENGTHS = ("shape_corner_radius", "border_width", "shadow_width", "list_item_height",
           "text_horiz_alignment_padding", "padding", "title_bar_height", "rect_width")
#: The default theme's colours -> the high-contrast palette's (backgrounds black, text and
#: borders white, accents bright); colours not listed stay.
HIGH_CONTRAST = {
    "#1d4668": "#002a55", "#2a6394": "#0050a0", "#16293b": "#1a1a1a", "#2f7bbf": "#0060c0",
    "#3a8fd8": "#0070e0", "#143049": "#000000", "#10263c": "#000000", "#0a1a2a": "#000000",
    "#eef4fa": "#ffffff", "#9db6cc": "#e0e0e0", "#6f8598": "#b0b0b0", "#2b5a82": "#ffffff",
    "#4aa8e0": "#00c8ff", "#203a52": "#808080", "#7cc4f0": "#ffff00", "#b5e0fa": "#ffffff",
    "#ffd27a": "#ffd400", "#c9d6e2": "#ffffff",
}


@cache
def _base() -> str:
    return style.THEME.read_text(encoding="utf-8")


def _scale_length(value: str, k: float) -> str:
    parts = [p.strip() for p in value.split(",")]
    return ",".join(str(max(1 if float(p) else 0, round(float(p) * k))) for p in parts)


def theme_for(size: tuple[int, int], palette: str = "default") -> dict[str, Any]:
    """The pygame_gui theme (a dict, as ``UIManager`` takes it) for a window of ``size``
    (w, h) in ``palette`` (a key of ``style.PALETTES``): font sizes as ``style.font_px``
    gives them, lengths scaled by ``style.scale_for(size)``."""
    theme = copy.deepcopy(json.loads(_base()))
    k = style.scale_for(size)
    for block in theme.values():
        f = block.get("font")
        if f and "size" in f:
            f["size"] = str(style.font_px(int(f["size"]), size))
        misc = block.get("misc", {})
        for key in LENGTHS:
            if key in misc:
                misc[key] = _scale_length(misc[key], k)
        if palette == "high_contrast":
            colours = block.get("colours", {})
            for key, value in colours.items():
                colours[key] = HIGH_CONTRAST.get(value.lower(), value)
    return theme


def font_sizes(theme: dict[str, Any]) -> list[int]:
    """Every font size a theme names (pixels): what the tests hold to the body-text floor."""
    return [int(b["font"]["size"]) for b in theme.values()
            if isinstance(b, dict) and "size" in b.get("font", {})
            and b["font"].get("name") == "noto_sans"]
