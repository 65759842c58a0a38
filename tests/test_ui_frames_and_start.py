"""What keeps frames and the start fast does not change what is drawn or computed: the
grid's cached layer and cell images draw the same pixels, the FFT length is scipy's, and the
splash opens the window before the game loads."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest
import scipy.fft

import main as entry
from game.ui import style
from game.ui.widgets.cells import Look, draw_cell
from game.ui.widgets.whipgrid import WhipGrid
from game.votes.tallies import fast_len
from test_ui_kit import frames, make_app, on_floor, scenario  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]


def test_the_fast_fft_length_is_the_one_scipy_gives_for_every_size_a_vote_needs():
    assert [fast_len(n) for n in range(1, 3001)] == [
        scipy.fft.next_fast_len(n, True) for n in range(1, 3001)]


def test_the_grid_drawn_from_its_cache_has_the_same_pixels_as_drawn_afresh():
    pygame.display.init()
    pygame.font.init()
    style.reset_fonts()
    codes = [f"C{k:02d}" for k in range(60)]
    looks = {c: Look(("yes", "no", "abstain", "absent")[k % 4], (k % 7) / 7,
                     dim=k % 5 == 0, mark="sponsor" if k == 3 else None)
             for k, c in enumerate(codes)}
    grid = WhipGrid()
    grid.layout(pygame.Rect(10, 10, 700, 400), codes)
    shots = []
    for _ in range(3):                  # drawn, then the layer built, then only blitted
        surface = pygame.Surface((720, 420))
        surface.fill((14, 34, 54))
        grid.draw(surface, looks, "C07")
        shots.append(pygame.image.tobytes(surface, "RGB"))
    fresh = WhipGrid()
    fresh.layout(pygame.Rect(10, 10, 700, 400), codes)
    surface = pygame.Surface((720, 420))
    surface.fill((14, 34, 54))
    fresh.draw(surface, dict(looks), "C07")     # another dict: no cache to use
    assert shots[0] == shots[1] == shots[2] == pygame.image.tobytes(surface, "RGB")


@pytest.mark.slow
def test_the_floor_shows_a_move_at_once_although_it_draws_from_its_cache(make_app):
    app = on_floor(make_app())
    scene = app.scene
    frames(app, 3)
    before = dict(scene.looks)
    decision = next(d for d in app.game.session.legal_decisions()
                    if d.type == "address_group")
    assert scene.submit(decision)
    frames(app, 2)
    assert scene.looks != before
    moved = next(iso for iso in scene.looks if scene.looks[iso] != before[iso])
    cell = scene.view.cells[moved]
    probe = pygame.Surface(cell.size)
    colours = style.ballot_colours(app.game.wants_adopted(scene.motion_id))
    draw_cell(probe, probe.get_rect(), moved, scene.looks[moved], colours=colours,
              title=scene.names().get(moved) if cell.w >= style.px(150) else None)
    at = (cell.w // 2, cell.h - 3)
    assert app.screen.get_at((cell.x + at[0], cell.y + at[1])) == probe.get_at(at)


def test_only_a_command_that_opens_the_window_draws_the_splash():
    assert entry.opens_window([]) and entry.opens_window(["play", "--seed", "3"])
    assert not entry.opens_window(["play", "--autoplay"])
    assert not entry.opens_window(["play", "--help"])
    assert not entry.opens_window(["forecast", "dprk_2014"])


def test_the_splash_opens_the_window_at_the_size_asked_and_draws_the_name():
    from game.ui import splash

    assert splash.window_size(["play", "--window", "1920x1080"]) == (1920, 1080)
    assert splash.window_size(["play", "--window=800x600"]) == (1280, 720)
    assert splash.window_size(["play", "--window", "big"]) == (1280, 720)
    splash.show(["play", "--window", "1600x900"])
    screen = pygame.display.get_surface()
    assert screen.get_size() == (1600, 900)
    assert pygame.display.get_caption()[0] == "Plenary"
    colours = {tuple(screen.get_at((x, 900 // 2 - 20)))[:3] for x in range(0, 1600, 4)}
    assert splash.BG in colours and len(colours) > 1          # the name is drawn
    pygame.display.quit()


@pytest.mark.slow      # a subprocess
def test_the_splash_is_drawn_before_the_game_modules_load():
    code = ("import sys; from game.ui.splash import show; show([]); "
            "print(sorted(m for m in sys.modules if m.startswith('game')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                                         "PATH": "/usr/bin:/bin"}, check=True).stdout
    assert "game.scenario" not in out and "game.session" not in out and "game.ui" in out
