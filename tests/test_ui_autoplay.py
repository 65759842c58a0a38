"""Autoplay drives the real screens headless through a whole game and saves screenshots.

A whole game through the screens takes seconds, so those tests are ``slow``; the ones that stop
early stay in the fast tier.
"""
from __future__ import annotations

import json
import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.cli import main  # noqa: E402
from game.cli.common import DEFAULT_SCENARIO  # noqa: E402
from game.decisions import (  # noqa: E402
    AddressGroup,
    Lobby,
    ProceedToVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    from_dict,
    to_dict,
)
from game.replay import read  # noqa: E402
from game.scenario import load  # noqa: E402
from game.session import Session  # noqa: E402


@pytest.mark.slow      # a whole game through the screens
def test_autoplay_with_the_greedy_bot_saves_one_screenshot_per_scene_in_order(tmp_path):
    shots = tmp_path / "shots"
    code = main(["play", "--bot", "greedy", "--autoplay", "--screenshots", str(shots),
                 "--session-file", str(tmp_path / "s.jsonl")])
    assert code == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[0] == "01_title.png" and names[1] == "02_briefing.png"
    assert names[2] == "03_floor_third_committee.png"
    assert any("_vote_c3_draft" in n for n in names)
    assert any("_council_security_council" in n for n in names)
    assert [int(n[:2]) for n in names] == list(range(1, len(names) + 1))
    # then the tour of the saved game: the viewer, a what-if from it, the compare screen
    tour = [n[3:-4] for n in names[next(k for k, n in enumerate(names)
                                         if n.endswith("_debrief.png")):]]
    assert tour[:5] == ["debrief", "review", "review_lobbying", "review_vote",
                        "whatif_briefing"]
    assert tour[-1] == "compare"


def scripted_game(tmp_path) -> tuple[list[dict], str]:
    """A game that uses every kind of decision; returns (decisions, final digest)."""
    session = Session(load(DEFAULT_SCENARIO), 11, opponent="greedy")
    plan = [RespondToOffer("sponsors", "dprk_visit", True),
            ReviseText("sponsors", "op_crimes", "softened"),
            SeekCosponsor("sponsors", "KEN"),
            Lobby("sponsors", "ZAF", "partnership"),
            AddressGroup("sponsors", "ASEAN", "coi_evidence"),
            ProceedToVote("sponsors")]
    for d in plan:
        session.play(d)
    while not session.state.finished:
        stage = session.world.stages[session.state.stage]
        if stage.body == "security_council" and "sc_referral" not in session.state.tabled:
            session.play(RespondToOffer("sponsors", "veto_announced", True))
            session.play(Lobby("sponsors", "CHN", "accountability"))
        session.play(ProceedToVote("sponsors"))
    return [to_dict(d) for d in session.decisions], session.state.digest()


@pytest.mark.slow      # a whole game through the screens
def test_autoplay_of_a_decision_list_goes_through_the_screens_to_the_same_game(tmp_path):
    decisions, digest = scripted_game(tmp_path)
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({"decisions": decisions}))
    shots = tmp_path / "shots"
    code = main(["play", "--seed", "11", "--decisions", str(path), "--autoplay",
                 "--screenshots", str(shots), "--session-file", str(tmp_path / "s.jsonl")])
    assert code == 0
    saved = read(tmp_path / "s.jsonl")
    assert saved.problems == [] and saved.digests[-1] == digest
    names = [p.name for p in sorted(shots.glob("*.png"))]
    assert any("offer_dprk_visit" in n for n in names)
    assert names[-1].endswith("_debrief.png")


@pytest.mark.slow
def test_a_decision_list_that_does_not_fit_the_game_stops_with_a_message_not_the_panel(
        tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"type": "lobby", "side": "sponsors", "member": "FRA",
                                 "argument": "coi_evidence"}]))
    shots = tmp_path / "shots"
    code = main(["play", "--decisions", str(path), "--autoplay", "--screenshots", str(shots),
                 "--session-file", str(tmp_path / "s.jsonl")])
    err = capsys.readouterr().err
    assert code == 1 and "only the 0 decision(s) before that were played from it" in err
    assert "stop fitting the game at decision 0: the decision (lobby) is not legal" in err
    assert "FRA leads" in err
    assert "Traceback" not in err
    names = [p.name for p in shots.glob("*.png")]
    assert not any(n.endswith("_error.png") for n in names)
    assert any(n.endswith("_decisions_end.png") for n in names)


@pytest.mark.slow      # a game through the screens
def test_swapped_lines_end_the_decision_list_at_the_first_of_them(tmp_path, capsys):
    """A script of the sponsors' and the opposition's moves with two lines swapped is played
    up to the first of them, and no further: the game after it would not be the recorded one."""
    decisions, _ = scripted_game(tmp_path)
    session = Session(load(DEFAULT_SCENARIO), 11, opponent=None)
    lines = [{"format": "plenary-session", "scenario": "dprk_2014", "seed": 11}]
    for d in decisions:
        session.apply(from_dict(d))
        lines.append({"decision": d, "digest": session.state.digest()})
    lines[3], lines[4] = lines[4], lines[3]
    path = tmp_path / "swapped.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    code = main(["play", "--decisions", str(path), "--autoplay",
                 "--session-file", str(tmp_path / "s.jsonl")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err      # the file is damaged: said, and exit 1
    assert "swapped.jsonl: line 4: " in err
    assert [to_dict(d) for d in read(tmp_path / "s.jsonl").decisions[:2]] == decisions[:2]


def test_the_driver_plays_a_pass_itself_and_stops_on_one_the_rules_refuse():
    from game.ui.autoplay import PERFORM, Driver

    assert PERFORM["pass"] is Driver.pass_turn     # the opposition's 7; else played directly


@pytest.mark.slow   # a decision list played through every screen
def test_the_opposition_passing_after_the_sponsors_ask_for_the_vote_is_played(tmp_path, capsys):
    path = tmp_path / "closing.json"
    path.write_text(json.dumps({"seed": 5, "decisions": [
        {"type": "proceed_to_vote", "side": "sponsors"}, {"type": "pass", "side": "opposition"}]}))
    shots = tmp_path / "shots"
    code = main(["play", "--decisions", str(path), "--autoplay", "--screenshots", str(shots),
                 "--session-file", str(tmp_path / "s.jsonl")])
    err = capsys.readouterr().err
    assert code == 0 and "Traceback" not in err and "skipped" not in err
    assert any("_vote_c3_draft" in p.name for p in shots.glob("*.png"))
