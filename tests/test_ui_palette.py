"""The palette reads for colour-blind players (issue 11): the ballots that help and hurt the
player stay apart under a deuteranopia simulation and in grey, and the colours follow the
player's side, not the outcome."""
from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.ui import colourblind, style
from game.ui.widgets.cells import Look, draw_cell


def rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[k:k + 2], 16) for k in (1, 3, 5)])


@pytest.mark.parametrize("name", list(style.PALETTES))
def test_good_and_bad_stay_apart_for_a_deuteranope_and_in_grey(name):
    p = style.PALETTES[name]
    good, bad = rgb(p.good), rgb(p.bad)
    seen_good, seen_bad = colourblind.deuteranopia(good), colourblind.deuteranopia(bad)
    assert colourblind.delta_e(seen_good, seen_bad) > 100       # red/green was 14
    assert colourblind.contrast(seen_good, seen_bad) > 1.9      # lighter and darker, too
    assert colourblind.contrast(good, bad) > 1.8                # in greyscale


def test_a_rendered_in_favour_and_against_cell_differ_in_a_simulated_screenshot():
    pygame.init()
    style.reset_fonts()                     # fonts made before an earlier pygame.quit are dead
    surface = pygame.Surface((200, 60))
    surface.fill(style.BG)
    yes, no = pygame.Rect(10, 10, 80, 40), pygame.Rect(110, 10, 80, 40)
    draw_cell(surface, yes, "GBR", Look("yes"))
    draw_cell(surface, no, "CHN", Look("no"))
    shot = pygame.surfarray.array3d(surface).astype(float)        # (w, h, 3)
    seen = colourblind.deuteranopia(shot)

    def mean(r: pygame.Rect) -> np.ndarray:
        return seen[r.x:r.right, r.y:r.bottom].reshape(-1, 3).mean(axis=0)

    assert colourblind.delta_e(mean(yes), mean(no)) > 60


def test_the_old_red_and_green_would_have_merged():
    red, green = colourblind.deuteranopia(rgb("#d65050")), colourblind.deuteranopia(
        rgb("#3daa6b"))
    assert colourblind.delta_e(red, green) < 20                 # why the palette changed


def test_a_ballot_that_hurts_the_player_is_orange_whichever_way_it_was_cast():
    for_draft, against_draft = style.ballot_colours(True), style.ballot_colours(False)
    assert for_draft["yes"] == style.GOOD and for_draft["no"] == style.BAD
    assert against_draft["yes"] == style.BAD and against_draft["no"] == style.GOOD
    assert style.good_bad(True) == style.GOOD and style.good_bad(False) == style.BAD


def test_the_scale_keeps_body_text_at_two_point_two_percent_of_the_height():
    for (w, h), body in (((1280, 720), 16), ((1920, 1080), 24), ((3840, 2160), 48)):
        assert style.font_px(13, (w, h)) >= 0.022 * h
        assert style.font_px(16, (w, h)) == body
        assert style.scale_for((w, h)) == w / 1280
