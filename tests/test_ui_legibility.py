"""Projector mode (issue 11, item 1): at 1280x720, 1920x1080 and 3840x2160 every font the
screens draw text in is at least 2.2% of the window's height (body text: 16 px at 720p, 24 px
at 1080p), pygame_gui's theme too, and no line of text drawn leaves the window or the width it
was given.

The fonts and text rects are read off the drawing functions themselves (``style.font`` and
``style.text``, wrapped to note each call and then do what they always do)."""
from __future__ import annotations

import pygame
import pytest

from game.cli import main
from game.ui import style
from game.ui.theme import font_sizes, theme_for
from tests.test_ui_kit import frames, key, make_app, scenario  # noqa: F401  (fixtures)

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]


class Drawn:
    """What the screens drew: (scene, font pixels) and (scene, text, rect, allowed width)."""

    def __init__(self, monkeypatch) -> None:
        self.fonts: list[tuple[str, int]] = []
        self.texts: list[tuple[str, str, pygame.Rect, int | None, pygame.Rect]] = []
        self.scene = "?"
        real_font, real_text = style.font, style.text

        def font(size, bold=False):
            f = real_font(size, bold)
            self.fonts.append((self.scene, f.point_size))
            return f

        def text(surface, words, pos, size=16, **kw):
            rect = real_text(surface, words, pos, size, **kw)
            if surface is pygame.display.get_surface():
                self.texts.append((self.scene, words, rect, kw.get("max_width"),
                                   surface.get_rect()))
            return rect

        monkeypatch.setattr(style, "font", font)
        monkeypatch.setattr(style, "text", text)

    def too_small(self, height: int) -> list[tuple[str, int]]:
        """Fonts below 2.2% of ``height``, with the scene that drew them."""
        return sorted({(s, p) for s, p in self.fonts if p < 0.022 * height})

    def outside(self) -> list[tuple[str, str]]:
        """Texts that leave the window or run past the width they were given."""
        bad = []
        for scene, words, rect, width, window in self.texts:
            if not words.strip():
                continue
            if not window.contains(rect) or (width is not None and rect.w > width + 1):
                bad.append((scene, words))
        return bad


@pytest.mark.parametrize("size", SIZES)
def test_the_theme_sets_every_widget_font_at_body_size_or_more(size):
    sizes = font_sizes(theme_for(size))
    assert sizes and min(sizes) >= 0.022 * size[1]


@pytest.mark.parametrize("size", [SIZES[0]] + [pytest.param(s, marks=pytest.mark.slow)
                                              for s in SIZES[1:]],
                         ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.slow
def test_the_first_screens_draw_body_text_and_keep_it_inside(make_app, monkeypatch, size):
    drawn = Drawn(monkeypatch)
    app = make_app(size=size)
    for name in ("title", "briefing", "floor", "text"):
        app.goto(name)
        drawn.scene = name
        frames(app, 2)
    app.goto("floor")
    key(app, pygame.K_7)
    key(app, pygame.K_RETURN)                    # the vote is called: the first board
    drawn.scene = "vote"
    frames(app, 120)
    assert app.scene.name == "vote" and app.scene.done
    assert {s for s, _ in drawn.fonts} >= {"title", "floor", "text", "vote"}
    assert drawn.too_small(size[1]) == []
    assert drawn.outside() == []


@pytest.mark.slow      # three whole games through every screen, the tour of the viewer too
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_of_a_whole_game_draws_legible_text_inside_the_window(
        tmp_path, monkeypatch, size):
    drawn = Drawn(monkeypatch)
    from game.ui import app as app_module

    real_goto = app_module.App.goto

    def goto(self, name, **kwargs):
        drawn.scene = name
        real_goto(self, name, **kwargs)

    monkeypatch.setattr(app_module.App, "goto", goto)
    code = main(["play", "--bot", "greedy", "--autoplay", "--window", f"{size[0]}x{size[1]}",
                 "--screenshots", str(tmp_path / "shots"),
                 "--session-file", str(tmp_path / "s.jsonl")])
    assert code == 0
    scenes = {s for s, _ in drawn.fonts}
    assert {"title", "floor", "text", "vote", "council", "debrief", "review"} <= scenes
    assert drawn.too_small(size[1]) == []
    assert drawn.outside() == []
