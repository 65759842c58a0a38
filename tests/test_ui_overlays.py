"""What opens over every screen (the glossary, confirmations), Esc, quitting, window size."""
from __future__ import annotations

import pygame
import pygame_gui
import pytest

from game.cli.launch import parse_window
from game.ui import glossary
from test_ui_kit import (  # noqa: F401
    click_button,
    frames,
    key,
    make_app,
    on_floor,
    on_title,
    play_greedy_until,
    scenario,
)

SCREENS = ("title", "briefing", "floor", "text")


@pytest.mark.slow
@pytest.mark.parametrize("screen", SCREENS)
def test_f1_and_the_question_mark_open_the_glossary_on_every_screen(make_app, screen):
    app = make_app()
    app.goto(screen)
    frames(app)
    key(app, pygame.K_F1)
    assert "glossary" in app.scene.overlays
    key(app, pygame.K_ESCAPE)                   # Esc closes the glossary, not the screen
    assert app.scene.name == screen and not app.scene.overlays
    click_button(app, "help")
    assert "glossary" in app.scene.overlays
    key(app, pygame.K_F1)
    assert not app.scene.overlays


def test_the_vote_board_and_debrief_have_the_glossary_too(make_app):
    app = make_app()
    play_greedy_until(app, lambda: app.game.state.finished)
    app.goto("vote", results=[app.game.state.results[0]])
    frames(app)
    assert "help" in app.scene.buttons
    app.goto_stage()
    frames(app)
    assert app.scene.name == "debrief" and "help" in app.scene.buttons


@pytest.mark.slow
def test_f1_first_says_what_the_screen_in_view_is_for_and_every_screen_has_a_word(make_app):
    from game.ui.scenes import SCENES

    assert set(SCENES) <= set(glossary.SCREEN_HELP)
    app = on_floor(make_app())
    key(app, pygame.K_F1)
    window = app.scene.overlays["glossary"]
    text = next(e for e in window.get_container().elements if hasattr(e, "html_text")).html_text
    assert text.startswith("<font pixel_size=19><b>On this screen</b></font><br>The whip count")


@pytest.mark.slow
def test_the_open_glossary_scrolls_with_the_keys_and_nothing_behind_it_moves(make_app):
    app = on_floor(make_app())
    key(app, pygame.K_F1)
    bar = app.scene.glossary_text.scroll_bar
    assert bar is not None and bar.start_percentage == 0
    key(app, pygame.K_PAGEDOWN)
    frames(app, 2)
    down = bar.start_percentage
    assert down > 0
    key(app, pygame.K_END)
    frames(app, 2)
    assert down < bar.start_percentage and bar.start_percentage + bar.visible_percentage > 0.99
    key(app, pygame.K_HOME)
    frames(app, 2)
    assert bar.start_percentage == 0
    assert app.scene.name == "floor" and "glossary" in app.scene.overlays


def test_the_glossary_explains_the_words_the_game_uses():
    text = glossary.html()
    for term in ("PP / OP", "Draft resolution", "Amendment", "co-sponsor", "Diplomatic capital",
                 "Days", "Recorded vote", "Present and voting", "Simple majority",
                 "Two-thirds majority", "P5 / E10", "Veto", "Procedural vs substantive",
                 "Whip count", "P(adopted)", "Ideal point", "Abstention vs absent",
                 "Third Committee", "Plenary", "ICC (International Criminal Court)",
                 "Commission of Inquiry", "Human Rights Council", "Argument"):
        assert term in text, term


@pytest.mark.slow
def test_keys_behind_an_open_glossary_do_nothing(make_app):
    app = on_floor(make_app())
    key(app, pygame.K_F1)
    capital = app.game.state.budget("sponsors")
    key(app, pygame.K_2)
    assert app.game.state.budget("sponsors") == capital


def test_esc_with_a_dropdown_open_only_closes_the_list(make_app):
    app = on_floor(make_app())
    d = app.scene.dropdowns["group"]
    d.current_state.should_transition = True    # as a click on the list does
    frames(app)
    assert d.current_state is d.menu_states["expanded"]
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "floor"
    assert d.current_state is d.menu_states["closed"]


@pytest.mark.slow
def test_quitting_in_the_middle_of_a_game_asks_for_confirmation(make_app):
    app = on_floor(make_app())
    key(app, pygame.K_2)                        # a decision: the game is under way
    for _ in range(3):                          # floor -> briefing -> title -> quit?
        key(app, pygame.K_ESCAPE)
    assert app.scene.name == "title" and app.scene.confirming and app.running
    key(app, pygame.K_ESCAPE)                   # Esc: cancel
    assert not app.scene.confirming and app.running
    key(app, pygame.K_ESCAPE)
    dialog = app.scene.overlays["confirm"]
    pygame.event.post(pygame.event.Event(pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED,
                                         {"ui_element": dialog}))
    frames(app)
    assert not app.running


@pytest.mark.slow
def test_closing_the_window_mid_game_asks_and_before_any_decision_does_not(make_app):
    app = on_floor(make_app())
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    frames(app)
    assert not app.running                      # nothing played yet: no question
    app = on_floor(make_app())
    key(app, pygame.K_2)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    frames(app)
    assert app.running and app.scene.confirming
    pygame.event.post(pygame.event.Event(pygame.QUIT))     # closing again: quit
    frames(app)
    assert not app.running


def test_quitting_before_the_game_begins_needs_no_confirmation(make_app):
    app = on_title(make_app())
    key(app, pygame.K_ESCAPE)
    assert not app.running


@pytest.mark.slow
def test_a_small_window_is_raised_to_the_minimum_with_a_note(make_app):
    assert parse_window("800x600") == ((1280, 720), parse_window("800x600")[1])
    assert "1280x720" in parse_window("800x600")[1]
    assert parse_window("1600x900") == ((1600, 900), None)
    assert parse_window("3840x2160") == ((3840, 2160), None)
    size, note = parse_window("99999x99999")        # a typo must not take all the memory
    assert size == (3840, 2160) and "larger than the game's largest (3840x2160)" in note
    assert parse_window("800x99999")[0] == (1280, 2160)
    with pytest.raises(ValueError):
        parse_window("big")
    app = on_floor(make_app(size=(800, 600)))
    assert app.size == (1280, 720)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, {"size": (900, 500), "w": 900,
                                                              "h": 500}))
    frames(app)
    assert app.size == (1280, 720)
