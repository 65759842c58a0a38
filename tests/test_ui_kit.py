"""Helpers for the window tests (no tests here): an App on a fresh session, and the events a
player makes — key presses, clicks, dropdown and list choices, the mouse wheel."""
from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pygame_gui  # noqa: E402
import pytest  # noqa: E402

from game.cli.launch import GameMaker, write_crash_report  # noqa: E402
from game.scenario import load  # noqa: E402
from game.session import Session  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.catalogue import SCENARIO_DIR  # noqa: E402
from game.ui.controller import Game  # noqa: E402

ARG = "coi_evidence"
DEFAULT_SCENARIO = SCENARIO_DIR / "dprk_2014.yaml"
SYRIA = SCENARIO_DIR / "syria_2014.yaml"


@pytest.fixture(scope="module")
def scenario():
    return load(DEFAULT_SCENARIO)


@pytest.fixture
def make_app(scenario, tmp_path):
    """An App on a fresh session (the player the sponsors against the greedy bot unless told
    otherwise); it can start other games from the title screen and writes crash reports, like
    the one ``play`` opens."""
    apps = []

    def make(opposition: str | None = "greedy", size=(1280, 720), case=None,
             side: str = "sponsors") -> App:
        path = tmp_path / f"s{len(apps)}.jsonl"
        session = Session(case or scenario, 2014, side=side, opponent=opposition,
                          session_file=path)
        app = App(Game(session, level=opposition), size,
                  maker=GameMaker(2014, str(tmp_path / "switched.jsonl"), side=side),
                  write_report=write_crash_report)
        pygame.event.clear()
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.game.session.close()
    pygame.quit()


def frames(app: App, n: int = 1, dt: float = 1 / 30) -> None:
    for _ in range(n):
        app.frame(dt)


def key(app: App, k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, {"key": k, "mod": 0, "unicode": "",
                                                          "scancode": 0}))
    frames(app, 2)


def click_button(app: App, name: str) -> None:
    """What pygame_gui posts when the button is clicked."""
    button = app.scene.buttons[name]
    pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, {"ui_element": button}))
    frames(app)


def click_at(app: App, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, {"pos": pos, "button": 1}))
    frames(app)


def move_mouse(app: App, pos) -> None:
    pygame.mouse.set_pos(pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, {"pos": pos, "rel": (0, 0),
                                                              "buttons": (0, 0, 0)}))
    frames(app)


def wheel(app: App, y: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, {"x": 0, "y": y, "flipped": False,
                                                             "precise_x": 0.0,
                                                             "precise_y": float(y)}))
    frames(app, 3)


def choose(app: App, dropdown: str, option: str) -> None:
    """What pygame_gui posts when an option of a dropdown is picked."""
    d = app.scene.dropdowns[dropdown]
    pygame.event.post(pygame.event.Event(pygame_gui.UI_DROP_DOWN_MENU_CHANGED,
                                         {"ui_element": d, "selected_option_id": option,
                                          "text": option}))
    frames(app)


def proceed(app: App) -> None:
    """Press 7 (ask for the vote, or pass) and confirm if the screen asks first (it does while
    capital is left)."""
    key(app, pygame.K_7)
    if app.scene.confirming:
        key(app, pygame.K_RETURN)


def on_title(app: App) -> App:
    app.goto("title")
    frames(app)
    return app


def on_floor(app: App) -> App:
    on_title(app)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "floor"
    return app


def play_greedy_until(app: App, done) -> None:
    """The greedy bot plays the player's side (against the opponent) until ``done()``."""
    session = app.game.session
    session.run_opponent()
    while not done():
        session.play(session.bot_move("greedy", session.side))


def drawn_words(app: App, monkeypatch) -> list[str]:
    """Every string the current scene draws itself in one frame (style.text calls)."""
    from game.ui import style

    seen: list[str] = []
    real = style.text

    def spy(surface, words, *args, **kwargs):
        seen.append(words)
        return real(surface, words, *args, **kwargs)

    monkeypatch.setattr(style, "text", spy)
    frames(app)
    monkeypatch.setattr(style, "text", real)
    return seen
