"""Autoplay drives the real screens headless through a whole game and saves screenshots."""
from __future__ import annotations

import json
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.cli import main  # noqa: E402
from game.cli.common import DEFAULT_SCENARIO  # noqa: E402
from game.decisions import (AddressGroup, Lobby, ProceedToVote, ReviseText,  # noqa: E402
                            RespondToOffer, SeekCosponsor, TableMotion, to_dict)
from game.replay import read  # noqa: E402
from game.scenario import load  # noqa: E402
from game.session import Session  # noqa: E402


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
    assert names[-1].endswith("_debrief.png")
    assert [int(n[:2]) for n in names] == list(range(1, len(names) + 1))


def scripted_game(tmp_path) -> tuple[list[dict], str]:
    """A game that uses every kind of decision; returns (decisions, final digest)."""
    session = Session(load(DEFAULT_SCENARIO), 11, opposition="greedy")
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
            session.play(TableMotion("sponsors", "sc_referral", True))
            session.play(Lobby("sponsors", "CHN", "accountability"))
        session.play(ProceedToVote("sponsors"))
    return [to_dict(d) for d in session.decisions], session.state.digest()


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


def test_a_decision_list_that_does_not_fit_the_game_ends_with_an_error_panel(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"type": "lobby", "side": "sponsors", "member": "FRA",
                                 "argument": "coi_evidence"}]))
    shots = tmp_path / "shots"
    code = main(["play", "--decisions", str(path), "--autoplay", "--screenshots", str(shots),
                 "--session-file", str(tmp_path / "s.jsonl")])
    assert code == 1
    assert any(p.name.endswith("_error.png") for p in shots.glob("*.png"))
