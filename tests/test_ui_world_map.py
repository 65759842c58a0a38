"""The world map of the whip count: every member placed, clicks land on the right state, and
the map and the grid share one selection."""
from __future__ import annotations

import json

import numpy as np
import pygame
import pytest

from game.scenario import load
from game.ui import style
from game.ui.catalogue import SCENARIO_DIR
from game.ui.widgets.cells import Look, cell_fill
from game.ui.widgets.worldmap import MAP_FILE, WorldMap, load_outlines
from test_ui_kit import click_at, frames, key, make_app, scenario  # noqa: F401

CASES = sorted(SCENARIO_DIR.glob("*.yaml"))


def to_floor(app):
    app.goto("briefing")
    app.begin_play()
    frames(app, 2)
    return app.scene


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_every_member_of_each_case_has_an_outline_or_a_marker_on_the_map(path):
    members = [m.iso3 for m in load(path).members]
    assert len(members) == 193
    world = WorldMap()
    world.layout(pygame.Rect(0, 0, 1280, 540), members)
    assert sorted(world.placed) == sorted(members)
    for iso, placed in world.placed.items():
        assert world.map_rect.inflate(2, 2).collidepoint(placed.marker), iso
        assert placed.polygons or placed.dot, iso


def test_the_states_with_no_outline_in_the_data_are_markers_and_the_asset_says_why():
    raw = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    assert "public domain" in raw["source"] and "ISC" in raw["source"]
    assert "Robinson" in raw["projection"]
    no_outline = sorted(iso for iso, m in raw["members"].items() if not m["polygons"])
    assert "TUV" in no_outline and "MLT" in no_outline
    assert "TUV" in raw["notes"]                      # only in the 1:10m data
    world = WorldMap()
    world.layout(pygame.Rect(0, 0, 1000, 420), list(raw["members"]))
    assert all(world.placed[iso].dot for iso in no_outline)


def test_a_point_inside_a_states_painted_outline_hits_that_state():
    """Each state painted in its own colour, in the map's drawing order; a pixel well inside
    its colour must hit-test to it (pygame's filling against the map's ray casting)."""
    outlines = load_outlines()
    members = sorted(outlines.markers)
    world = WorldMap(outlines)
    world.layout(pygame.Rect(0, 0, 1600, 700), members)
    canvas = pygame.Surface((1600, 700))
    canvas.fill((0, 0, 0))
    colour = {iso: pygame.Color(k // 65536, (k // 256) % 256, k % 256)
              for k, iso in enumerate(members, start=1)}
    shapes = sorted(((iso, p) for iso, p in world.placed.items() if not p.dot),
                    key=lambda kv: -kv[1].area)
    for iso, p in shapes:
        for poly in p.polygons:
            pygame.draw.polygon(canvas, colour[iso], poly)
    painted = pygame.surfarray.pixels2d(canvas).T.copy()          # (h, w) mapped colours
    checked = 0
    for iso, p in shapes:
        box = p.box.clip(canvas.get_rect())
        own = painted[box.top:box.bottom, box.left:box.right] == canvas.map_rgb(colour[iso])
        core = own.copy()                 # pixels 3 px deep inside the paint: off the edges
        for dy in range(-3, 4):
            for dx in range(-3, 4):
                core &= np.roll(np.roll(own, dy, axis=0), dx, axis=1)
        ys, xs = np.nonzero(core[3:-3, 3:-3])
        if not len(ys):
            continue
        for k in np.linspace(0, len(ys) - 1, 5).astype(int):
            at = (int(xs[k]) + 3 + box.left, int(ys[k]) + 3 + box.top)
            if any(o.dot and (o.marker[0] - at[0]) ** 2 + (o.marker[1] - at[1]) ** 2
                   <= (world.radius + 3) ** 2 for o in world.placed.values()):
                continue                               # a small state's marker sits on top
            assert world.hit(at) == iso, (iso, at)
        checked += 1
    assert checked >= 120            # the rest are too small for a 7x7 pixel core at this size


def test_a_small_states_marker_hits_that_state():
    world = WorldMap()
    world.layout(pygame.Rect(0, 0, 1280, 540), sorted(load_outlines().markers))
    for iso in ("MLT", "TUV", "KNA", "SMR", "MDV"):
        assert world.hit(world.placed[iso].marker) == iso


@pytest.mark.slow
def test_clicking_brazil_on_the_map_selects_it_and_the_grid_keeps_the_selection(make_app):
    scene = to_floor(make_app())
    key(scene.app, pygame.K_w)
    assert isinstance(scene.view, WorldMap) and scene.prefs.map
    click_at(scene.app, scene.view.placed["BRA"].marker)
    assert scene.prefs.selected == "BRA"
    assert "Brazil" in scene.dossier.html_text
    key(scene.app, pygame.K_w)
    assert not isinstance(scene.view, WorldMap)
    assert scene.prefs.selected == "BRA"
    assert "BRA" in scene.view.cells


@pytest.mark.slow
def test_the_map_colours_each_state_by_its_forecast_ballot(make_app):
    scene = to_floor(make_app())
    key(scene.app, pygame.K_w)
    frames(scene.app, 2)
    looks = scene.looks
    assert looks["PRK"].ballot == "no" and looks["JPN"].ballot == "yes"
    usa = scene.view.placed["USA"]
    beside_symbol = (usa.marker[0] + 20, usa.marker[1])
    assert scene.view.hit(beside_symbol) == "USA"
    sponsors = style.ballot_colours(True)            # the player wants the draft adopted
    assert tuple(scene.app.screen.get_at(beside_symbol))[:3] == tuple(
        cell_fill(looks["USA"], sponsors))[:3]
    assert cell_fill(Look("yes", 1.0)) != cell_fill(Look("no", 1.0))


def test_the_council_has_no_map_toggle(make_app):
    app = make_app()
    scene = to_floor(app)
    scene.app.goto("council")
    frames(app, 2)
    assert "map" not in app.scene.buttons


def test_the_main_sponsors_and_co_sponsors_carry_their_mark_on_the_map_too():
    world = WorldMap()
    world.layout(pygame.Rect(0, 0, 1280, 540), sorted(load_outlines().markers))
    plain = {iso: Look("yes", 1.0) for iso in world.placed}
    marked = dict(plain, JPN=Look("yes", 1.0, mark="sponsor"),
                  MLT=Look("yes", 1.0, mark="cosponsor"))
    a, b = world.render(plain, (1280, 540)), world.render(marked, (1280, 540))
    for iso in ("JPN", "MLT"):
        x, y = world.placed[iso].marker
        r = world.radius
        near = [(x + dx, y + dy) for dx in range(0, 2 * r + 1) for dy in range(-2 * r, 1)]
        assert any(a.get_at(p) != b.get_at(p) for p in near), iso
