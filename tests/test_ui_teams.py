"""Teams at one screen through the real screens: each turn announced full screen, the turn
clock that ends a turn when it runs out (the chair's time_up, saved like any decision), P that
pauses it, the title's team setup, and sound (M, --no-sound; silently off with no device)."""
from __future__ import annotations

import os

import numpy as np
import pygame
import pytest

from game.cli import main
from game.cli.launch import GameMaker
from game.decisions import Lobby, TimeUp
from game.replay import load_decisions
from game.session import Session
from game.ui.app import App
from game.ui.autoplay import Driver
from game.ui.controller import Game
from game.ui.sound import SYNTHS, Sounds
from test_ui_kit import click_button, frames, key, on_title, scenario  # noqa: F401

BOTH = ("sponsors", "opposition")
#: Seconds per frame while the tests run the window (a turn of 3 s runs out in 12 frames).
DT = 0.25


class TeamDriver(Driver):
    """The greedy bot plays every team's turns through the screens, as a player would, except
    while ``hold`` is set: then the team at the keyboard does nothing (its clock runs)."""

    hold = False

    def act_floor(self, scene) -> None:
        if not self.hold:
            super().act_floor(scene)


def team_app(tmp_path, teams=BOTH, opponent=None, side="sponsors", timer=3,
             rounds=4) -> App:
    session = Session(scenario_dprk(), 2014, side=side, opponent=opponent, teams=teams,
                      rounds=rounds, timer=timer, session_file=tmp_path / "teams.jsonl")
    app = App(Game(session, level=opponent), (1280, 720),
              maker=GameMaker(2014, str(tmp_path / "other.jsonl")))
    pygame.event.clear()
    return app


def scenario_dprk():
    from helpers import dprk

    return dprk()


def run_until(app: App, done, limit: int = 4000) -> list[str]:
    """Frames until ``done()``; the scenes shown on the way, in order."""
    seen: list[str] = []
    for _ in range(limit):
        if done():
            return seen
        app.frame(DT)
        if not seen or seen[-1] != app.scene.name:
            seen.append(app.scene.name)
    raise AssertionError(f"not done after {limit} frames; on {app.scene.name}")


@pytest.mark.slow      # whole games through the screens
@pytest.mark.parametrize("teams, opponent, side", [(BOTH, None, "sponsors"),
                                                   (("opposition",), "greedy", "opposition")])
def test_a_team_game_plays_through_the_screens_with_a_turn_running_out_and_a_pause(
        tmp_path, teams, opponent, side):
    app = team_app(tmp_path, teams, opponent, side)
    app.driver = driver = TeamDriver(app, bot="greedy", autoplay=True)
    app.goto("title")
    # the first team turn: its clock runs out while the team holds back
    driver.hold = True
    seen = run_until(app, lambda: app.scene.name == "floor" and app.clock_turn.running)
    if len(teams) == 2:
        assert "turn" in seen                       # announced before the floor
    first = app.game.session.turn()
    # P pauses: the clock stops, the screen says so, nothing is played
    key(app, pygame.K_p)
    assert app.paused and app.clock_turn.paused
    left, decisions = app.clock_turn.left, len(app.game.session.decisions)
    frames(app, 40, DT)
    assert app.clock_turn.left == left and len(app.game.session.decisions) == decisions
    key(app, pygame.K_p)
    assert not app.paused
    run_until(app, lambda: app.game.session.turn() != first, limit=200)
    timed_out = app.game.session.decisions[decisions]
    assert timed_out == TimeUp(side if len(teams) == 1 else "sponsors")
    # then the teams play on to the debrief
    driver.hold = False
    seen = run_until(app, lambda: app.scene.name == "debrief")
    if len(teams) == 2:
        assert seen.count("turn") >= 4 and "vote" in seen
        assert "Opposition team" in app.scene.html() and "Sponsors team" in app.scene.html()
    app.game.session.close()
    loaded = load_decisions(tmp_path / "teams.jsonl")
    assert loaded.header["teams"] == list(teams) and loaded.ends is not None
    assert loaded.decisions[decisions] == timed_out
    assert main(["replay", str(tmp_path / "teams.jsonl"), "--check"]) == 0


@pytest.mark.slow
def test_each_turn_of_two_teams_is_announced_with_the_side_that_takes_the_keyboard(tmp_path):
    app = team_app(tmp_path, timer=0)
    app.goto("briefing")
    frames(app)
    app.begin_play()
    frames(app)
    assert app.scene.name == "turn" and app.scene.side == "sponsors"
    key(app, pygame.K_SPACE)
    assert app.scene.name == "floor" and not app.clock_turn.running    # no timer set
    app.game.play(Lobby("sponsors", "IND", "coi_evidence"))
    app.after_play()
    frames(app)
    assert app.scene.name == "turn" and app.scene.side == "opposition"
    app.game.session.close()


@pytest.mark.slow
def test_the_title_sets_two_teams_the_rounds_and_the_timer_for_the_next_game(tmp_path):
    session = Session(scenario_dprk(), 2014, session_file=tmp_path / "solo.jsonl")
    app = App(Game(session, level="greedy"), (1280, 720),
              maker=GameMaker(2014, str(tmp_path / "next.jsonl")))
    on_title(app)
    key(app, pygame.K_t)
    key(app, pygame.K_t)                           # one player -> a team -> two teams
    assert app.scene.mode == "teams" and (app.scene.rounds, app.scene.timer) == (4, 50)
    key(app, pygame.K_o)
    key(app, pygame.K_i)
    assert (app.scene.rounds, app.scene.timer) == (5, 60)
    assert not app.scene.buttons["level_greedy"].is_enabled
    key(app, pygame.K_RETURN)
    new = app.game.session
    assert new.teams == BOTH and (new.rounds, new.timer) == (5, 60) and new.opponent is None
    new.close()


def test_m_turns_sound_off_and_on_and_no_sound_starts_it_off(tmp_path):
    session = Session(scenario_dprk(), 2014)
    app = App(Game(session, level="greedy"), (1280, 720), sound=False)
    assert not app.sound.on
    app.goto("briefing")
    frames(app)
    key(app, pygame.K_m)
    assert app.sound.on
    key(app, pygame.K_m)
    assert not app.sound.on


def test_without_an_audio_device_sound_is_silently_off_with_one_line(monkeypatch):
    pygame.mixer.quit()
    monkeypatch.setenv("SDL_AUDIODRIVER", "no_such_device")
    lines: list[str] = []
    sounds = Sounds(True, lines.append)
    sounds.play("gavel")                           # nothing happens, nothing fails
    sounds.toggle()
    sounds.toggle()
    assert not sounds.working and len(lines) == 1 and "sound is off" in lines[0]
    assert sounds.label() == "Sound: no audio device"
    pygame.mixer.quit()
    os.environ["SDL_AUDIODRIVER"] = "dummy"


def test_every_sound_is_made_from_numpy_within_full_scale():
    for name, make in SYNTHS.items():
        wave = make()
        assert wave.ndim == 1 and 0.02 * 22050 < len(wave) < 2 * 22050, name
        assert np.abs(wave).max() <= 1.0 and np.abs(wave).max() > 0.1, name


def test_play_refuses_a_game_with_nobody_playing(capsys):
    assert main(["play", "--sponsors", "bot", "--opposition", "bot", "--autoplay"]) == 1
    assert "nobody to play" in capsys.readouterr().err


@pytest.mark.slow
def test_on_the_floor_m_keeps_choosing_the_motion_and_shift_m_switches_the_sound(tmp_path):
    from test_ui_kit import on_floor

    session = Session(scenario_dprk(), 2014, session_file=tmp_path / "f.jsonl")
    app = on_floor(App(Game(session, level="greedy"), (1280, 720),
                       maker=GameMaker(2014, str(tmp_path / "n.jsonl"))))
    on = app.sound.on
    key(app, pygame.K_m)
    assert app.sound.on == on
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, {"key": pygame.K_m,
                                                          "mod": pygame.KMOD_LSHIFT,
                                                          "unicode": "M", "scancode": 0}))
    frames(app, 2)
    assert app.sound.on != on
    session.close()


def test_with_two_teams_a_delegation_keeps_its_colour_when_the_keyboard_changes_hands(
        tmp_path):
    from game.ui import style

    app = team_app(tmp_path, timer=0)
    motions = [m.id for m in app.game.scenario.spec.motions]
    assert app.game.side == "sponsors"
    views = {m: app.game.colour_view(m) for m in motions}
    app.game.play(Lobby("sponsors", "IND", "coi_evidence"))
    assert app.game.side == "opposition"          # the other team has the keyboard now
    assert all(v is None for v in views.values())
    assert {m: app.game.colour_view(m) for m in motions} == views
    assert style.ballot_colours(None)["yes"] == style.BALLOT_COLOURS["yes"]
    app.game.session.close()


def test_one_team_against_the_bot_still_sees_good_and_bad_for_itself(tmp_path):
    app = team_app(tmp_path, teams=("opposition",), opponent="greedy", side="opposition",
                   timer=0)
    draft = next(m for m in app.game.scenario.spec.motions if m.kind == "draft")
    assert app.game.colour_view(draft.id) is False              # the opposition's view
    app.game.session.close()
