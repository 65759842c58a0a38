"""``play`` on the command line: help texts, decision files (seed, digest, where they end),
watching a bot without a screen, and a Council-only case from end to end."""
from __future__ import annotations

import json

import pygame
import pytest

from game.cli import build_parser, main
from game.cli.common import DEFAULT_SCENARIO
from game.decisions import to_dict
from game.replay import read
from game.scenario import load
from game.session import Session
from game.ui.autoplay import Driver
from helpers import main_py
from test_ui_kit import SYRIA, frames, make_app, on_floor, scenario  # noqa: F401

#: A whole game through the screens takes seconds: such tests are in the slow tier.
WHOLE_GAME = pytest.mark.slow


def simulated(seed: int, n: int | None = None) -> tuple[dict, str]:
    """`simulate --json`-like output of a greedy game (its first ``n`` decisions)."""
    session = Session(load(DEFAULT_SCENARIO), seed)
    while not session.state.finished:
        session.play(session.bot_move("greedy", "sponsors"))
    decisions = [to_dict(d) for d in session.decisions]
    return {"scenario": "dprk_2014", "seed": seed, "digest": session.state.digest(),
            "decisions": decisions[:n]}, session.state.digest()


def test_every_play_option_has_a_help_text():
    parser = build_parser()
    play = next(a for a in parser._actions if hasattr(a, "choices") and a.choices
                and "play" in a.choices).choices["play"]
    options = {o for a in play._actions for o in a.option_strings}
    assert {"--seed", "--window", "--autoplay", "--screenshots", "--decisions", "--bot",
            "--session-file"} <= options
    for action in play._actions:
        assert action.help, action.option_strings or action.dest


@WHOLE_GAME
def test_a_decision_file_is_played_with_the_seed_it_records(tmp_path, capsys):
    data, digest = simulated(7)
    path = tmp_path / "game.json"
    path.write_text(json.dumps(data))
    code = main(["play", "--decisions", str(path), "--autoplay",
                 "--session-file", str(tmp_path / "s.jsonl")])
    assert code == 0
    saved = read(tmp_path / "s.jsonl")
    assert saved.header["seed"] == 7 and saved.digests[-1] == digest
    assert "WARNING" not in capsys.readouterr().err


@WHOLE_GAME
def test_a_session_file_can_be_played_again_and_a_different_seed_is_flagged(tmp_path, capsys):
    data, _ = simulated(7)
    first = tmp_path / "first.json"
    first.write_text(json.dumps(data))
    assert main(["play", "--decisions", str(first), "--autoplay",
                 "--session-file", str(tmp_path / "a.jsonl")]) == 0
    capsys.readouterr()
    code = main(["play", "--decisions", str(tmp_path / "a.jsonl"), "--seed", "8",
                 "--autoplay", "--session-file", str(tmp_path / "b.jsonl")])
    err = capsys.readouterr().err
    assert "recorded with seed 7" in err
    assert code != 0 or "WARNING" in err        # other ballots: illegal later, or elsewhere


@pytest.mark.slow   # a decision list played through every screen
def test_decisions_that_end_early_stop_there_with_a_message_and_exit_0(tmp_path, capsys):
    data, _ = simulated(7, n=4)
    path = tmp_path / "short.json"
    path.write_text(json.dumps(data))
    shots = tmp_path / "shots"
    code = main(["play", "--decisions", str(path), "--autoplay", "--screenshots", str(shots),
                 "--session-file", str(tmp_path / "s.jsonl")])
    assert code == 0
    err = capsys.readouterr().err
    assert f"the decisions in {path} end here (stage: Third Committee" in err
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[-1].endswith("_decisions_end.png")


@pytest.mark.slow
def test_when_watched_the_player_takes_over_where_the_decisions_end(make_app):
    data, _ = simulated(7, n=4)
    app = make_app(opposition=None)
    from game.decisions import from_dict
    from game.ui.controller import Game

    app.game = Game(app.game.session, [from_dict(d) for d in data["decisions"]],
                    script_name="short.json")
    on_floor(app)
    app.driver = Driver(app, autoplay=False)
    app.driver.interval = 0.0
    for _ in range(400):
        if app.driver is None:
            break
        frames(app)
    assert app.driver is None
    assert "short.json end here" in app.scene.status_text
    assert app.game.script is None and app.game.session.opposition is not None
    before = len(app.game.session.decisions)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, {"key": pygame.K_2, "mod": 0,
                                                          "unicode": "", "scancode": 0}))
    frames(app, 3)
    assert len(app.game.session.decisions) > before     # the player (and the opposition)


@pytest.mark.slow          # a real process, so that a hang is a timeout, not a stuck suite
def test_watching_a_bot_without_a_screen_does_not_hang(tmp_path):
    shots = tmp_path / "shots"
    done = main_py("play", "--bot", "greedy", "--screenshots", str(shots), "--session-file",
                   str(tmp_path / "s.jsonl"), timeout=90)
    assert done.returncode == 0, done.stderr
    assert "no screen to watch" in done.stderr
    assert any(p.name.endswith("_debrief.png") for p in shots.glob("*.png"))


@WHOLE_GAME
def test_a_council_only_case_plays_through_every_screen(tmp_path):
    shots = tmp_path / "shots"
    code = main(["play", str(SYRIA), "--autoplay", "--screenshots", str(shots),
                 "--session-file", str(tmp_path / "s.jsonl")])
    assert code == 0
    names = [p.name[3:-4] for p in sorted(shots.glob("*.png"))]
    assert names[:3] == ["title", "briefing", "council_security_council"]
    assert not any(n.startswith("floor") for n in names)
    assert "debrief" in names and names[-1] == "compare"      # then the tour of the file
