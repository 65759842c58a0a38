"""Keyboard throughout (issue 11, item 2): a whole game played with key presses alone, and the
window keys (F11 fullscreen, F10 high contrast) under the dummy video driver."""
from __future__ import annotations

import pygame
import pytest

from game.ui import style
from tests.test_ui_kit import frames, key, make_app, scenario  # noqa: F401  (fixtures)

#: Frames a scene may take before the test gives up on it (the vote board fills in 3 s).
PATIENCE = 4000


def press_keys_until_the_debrief(app) -> list[str]:
    """Play as the sponsors with keys only: lobby the first delegations with 1 (selected by
    the arrow keys), step the group with G and address it with 2, refuse an offer with 5 and
    Enter, then 7 and Enter; skip each vote board with Space and continue with Enter. Returns
    the scenes seen, in order."""
    seen: list[str] = []
    lobbied = 0
    for _ in range(PATIENCE):
        scene = app.scene
        if not seen or seen[-1] != scene.name:
            seen.append(scene.name)
        if scene.name == "debrief":
            return seen
        if scene.name in ("title", "briefing"):
            key(app, pygame.K_RETURN)
        elif scene.name == "vote":
            key(app, pygame.K_SPACE if not scene.done else pygame.K_RETURN)
            frames(app, 3)
        elif scene.name in ("floor", "council"):
            if scene.confirming:
                key(app, pygame.K_RETURN)
            elif scene.offer_window is not None:
                key(app, pygame.K_RETURN)            # Enter takes the default: refuse
            elif scene.open_offer() is not None:
                key(app, pygame.K_5)
            elif lobbied < 2 and app.game.budget()[0] > 2:
                key(app, pygame.K_RIGHT)
                key(app, pygame.K_1 if lobbied == 0 else pygame.K_2)
                key(app, pygame.K_g)
                lobbied += 1
            else:
                key(app, pygame.K_7)
        else:
            key(app, pygame.K_RETURN)
    raise AssertionError(f"no debrief after {PATIENCE} steps; scenes: {seen}")


@pytest.mark.slow      # a whole game through the screens
def test_a_keyboard_only_game_reaches_the_debrief(make_app):
    app = make_app()
    app.goto("title")
    frames(app)
    pygame.event.set_blocked([pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN,
                              pygame.MOUSEBUTTONUP])      # key events only, nothing else
    try:
        seen = press_keys_until_the_debrief(app)
    finally:
        pygame.event.set_allowed(None)
    kinds = {d.type for d in app.game.session.decisions if d.side == "sponsors"}
    assert {"lobby", "address_group", "respond_to_offer", "proceed_to_vote"} <= kinds
    assert app.game.state.finished
    assert seen[:3] == ["title", "briefing", "floor"] and "vote" in seen and "council" in seen


@pytest.mark.slow
def test_the_vote_board_waits_for_its_own_press_after_it_fills(make_app):
    app = make_app(opposition="passive")
    app.goto("title")
    frames(app)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_7)
    key(app, pygame.K_RETURN)                       # capital left: confirm
    board = app.scene
    assert board.name == "vote" and not board.done
    frames(app, 40, dt=0.1)                          # the board fills, and stands
    assert board.done
    key(app, pygame.K_SPACE)                         # a late "skip" is not a "continue"
    assert app.scene is board
    key(app, pygame.K_RETURN)
    assert app.scene is not board


def test_f11_goes_fullscreen_and_back_and_the_layout_follows(make_app):
    app = make_app(size=(1280, 720))
    app.goto("floor")
    frames(app)
    before = app.manager
    key(app, pygame.K_F11)
    assert app.fullscreen and pygame.display.get_surface().get_flags() & pygame.FULLSCREEN
    assert app.size == pygame.display.get_surface().get_size()
    assert app.manager is not before and app.scene.size == app.size
    key(app, pygame.K_F11)
    assert not app.fullscreen and app.size == (1280, 720)
    assert not pygame.display.get_surface().get_flags() & pygame.FULLSCREEN


def test_fullscreen_opens_at_the_desktop_size(scenario, tmp_path):  # noqa: F811
    from game.session import Session
    from game.ui.app import App
    from game.ui.controller import Game

    session = Session(scenario, 2014, side="sponsors", opponent="passive",
                      session_file=tmp_path / "s.jsonl")
    app = App(Game(session, level="passive"), (1280, 720), fullscreen=True)
    try:
        assert app.fullscreen
        assert pygame.display.get_surface().get_flags() & pygame.FULLSCREEN
        # the screen's own mode (the dummy driver's desktop is 1024x768), laid out for it
        assert app.size == pygame.display.get_surface().get_size()
        assert app.manager.window_resolution == app.size
    finally:
        session.close()
        pygame.quit()


def test_f10_switches_to_high_contrast_and_back(make_app):
    app = make_app()
    app.goto("title")
    frames(app)
    assert "contrast" in app.scene.buttons
    key(app, pygame.K_F10)
    assert app.palette == "high_contrast" and style.BG == pygame.Color("#000000")
    assert app.scene.buttons["contrast"].text.startswith("Standard")
    key(app, pygame.K_F10)
    assert app.palette == "default" and style.BG == pygame.Color(style.PALETTES["default"].bg)


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_resized_window_builds_its_theme_for_the_new_size(make_app, size):
    app = make_app()
    app.goto("floor")
    frames(app)
    app.dispatch(pygame.event.Event(pygame.VIDEORESIZE, {"size": size, "w": size[0],
                                                          "h": size[1]}))
    frames(app)
    assert app.size == size
    theme = app.manager.get_theme()
    font = theme.get_font(["button"])
    assert font.get_rect("Ag").height >= 0.022 * size[1]
