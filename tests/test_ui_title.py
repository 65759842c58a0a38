"""The title screen: every case listed (broken ones greyed), scored objectives, Begin starts
the chosen case; a Council-only case goes straight to the Council."""
from __future__ import annotations

import pygame
import pygame_gui
import pytest

from game.scenario import load
from game.ui import catalogue as catalogue_mod
from game.ui.scenes import title as title_mod
from game.ui.words import objectives_html
from test_ui_kit import SYRIA, click_button, frames, key, make_app, on_title, scenario  # noqa: F401


def pick_case(app, title: str) -> None:
    """What pygame_gui posts when an item of the case list is clicked."""
    scene = app.scene
    text = next(scene.item_text(c) for c in scene.cases if c.title == title)
    pygame.event.post(pygame.event.Event(pygame_gui.UI_SELECTION_LIST_NEW_SELECTION,
                                         {"ui_element": scene.cases_list, "text": text}))
    frames(app, 2)


def test_the_title_lists_every_shipped_case_with_the_current_one_selected(make_app):
    app = on_title(make_app())
    ids = [c.scenario.id for c in app.scene.cases if c.scenario]
    assert {"dprk_2014", "syria_2014"} <= set(ids)
    assert app.scene.cases[app.scene.chosen].scenario is app.game.scenario
    assert "What you are scored on" in app.scene.box.html_text


def test_choosing_the_syria_case_shows_it_and_begin_plays_it_at_the_council(make_app):
    app = on_title(make_app())
    syria = load(SYRIA)
    pick_case(app, syria.spec.title)
    assert syria.spec.title in app.scene.box.html_text
    click_button(app, "begin")
    assert app.scene.name == "briefing" and app.game.scenario.id == "syria_2014"
    assert "What you are scored on" in "".join(e.html_text for e in app.scene.elements
                                               if hasattr(e, "html_text"))
    key(app, pygame.K_RETURN)
    assert app.scene.name == "council"          # no General Assembly floor in this case
    assert len(app.scene.view.cells) == 15


def test_up_and_down_keys_move_through_the_list(make_app):
    app = on_title(make_app())
    start = app.scene.chosen
    key(app, pygame.K_DOWN)
    assert app.scene.chosen == min(start + 1, len(app.scene.cases) - 1)
    key(app, pygame.K_UP)
    assert app.scene.chosen == start


def test_a_case_that_does_not_load_is_greyed_with_its_first_error(make_app, tmp_path,
                                                                  monkeypatch):
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(title_mod, "catalogue",
                        lambda current: catalogue_mod.catalogue(current, folder))
    app = on_title(make_app())
    broken = [c for c in app.scene.cases if c.scenario is None]
    assert len(broken) == 1 and "broken.yaml:" in broken[0].error
    app.scene.pick(app.scene.cases.index(broken[0]))
    frames(app)
    assert not app.scene.buttons["begin"].is_enabled
    assert "cannot be played" in app.scene.box.html_text
    items = {i["text"]: i["object_id"] for i in app.scene.cases_list.item_list}
    assert items[app.scene.item_text(broken[0])] == "#broken"


@pytest.mark.slow
def test_starting_another_case_in_the_middle_of_a_game_asks_first(make_app):
    app = on_title(make_app())
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_2)                        # address a group: the game has begun
    assert app.in_progress
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "title" and app.scene.buttons["begin"].text.startswith("Continue")
    pick_case(app, load(SYRIA).spec.title)
    click_button(app, "begin")
    assert app.scene.confirming and app.game.scenario.id == "dprk_2014"
    key(app, pygame.K_RETURN)                   # confirm
    assert app.scene.name == "briefing" and app.game.scenario.id == "syria_2014"


def test_no_objectives_no_score_text():
    assert objectives_html([]) == ""
