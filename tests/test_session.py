"""Sessions: determinism, the golden replay, and session files that survive damage."""
import json

import pytest

from game.cli.modelcmds import simulate, simulate_json
from game.decisions import DECISION_TYPES, Lobby, from_dict, to_dict
from game.replay import decisions_from_json, read
from game.session import Session
from helpers import ROOT, dprk, main_py

GOLDEN = ROOT / "tests" / "golden" / "dprk_2014_seed2014_greedy.json"


def test_the_same_scenario_seed_and_bot_give_the_same_game():
    a = simulate_json(simulate(dprk(), 5, "greedy"))
    b = simulate_json(simulate(dprk(), 5, "greedy"))
    assert a == b


def test_a_different_seed_draws_different_ballots():
    a = simulate_json(simulate(dprk(), 5, "passive"))
    b = simulate_json(simulate(dprk(), 6, "passive"))
    assert a["votes"][0]["ballots"] != b["votes"][0]["ballots"]


def test_the_golden_game_replays_to_the_same_votes_and_digest():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    replayed = simulate_json(simulate(dprk(), golden["seed"], None,
                                      decisions_from_json(golden)))
    assert replayed["votes"] == golden["votes"]
    assert replayed["digest"] == golden["digest"]


def test_the_greedy_bot_still_plays_the_golden_game():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert simulate_json(simulate(dprk(), golden["seed"], "greedy")) == golden


def test_simulate_prints_byte_identical_json_twice(cli):
    args = ("simulate", "--seed", "9", "--bot", "random", "--json")
    first = cli(*args, check=True).stdout
    second = cli(*args, check=True).stdout
    assert first == second and '"votes"' in first


@pytest.mark.slow
def test_simulate_prints_byte_identical_json_in_two_processes():
    """Two interpreters, with different string-hash seeds: nothing may depend on either."""
    args = ("simulate", "--seed", "9", "--bot", "random", "--json")
    first = main_py(*args, env={"PYTHONHASHSEED": "1"})
    second = main_py(*args, env={"PYTHONHASHSEED": "2"})
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout == second.stdout and '"votes"' in first.stdout


def test_looking_at_a_forecast_does_not_change_the_ballots():
    quiet = Session(dprk(), 3)
    curious = Session(dprk(), 3)
    curious.forecast("c3_draft")
    curious.forecast("plenary_draft")
    for s in (quiet, curious):
        s.play(Lobby("sponsors", "IND", "coi_evidence"))
        from game.decisions import ProceedToVote
        s.play(ProceedToVote("sponsors"))
    assert quiet.state.digest() == curious.state.digest()


def test_every_decision_type_round_trips_through_json():
    samples = simulate(dprk(), 11, "random").decisions
    for d in samples:
        assert from_dict(json.loads(json.dumps(to_dict(d)))) == d
    assert {d.type for d in samples} <= set(DECISION_TYPES)


def test_a_session_file_has_a_header_and_one_line_per_decision(tmp_path):
    path = tmp_path / "s.jsonl"
    session = simulate(dprk(), 4, "greedy", session_file=path)
    session.close()
    lines = path.read_text().splitlines()
    header = json.loads(lines[0])
    assert header["scenario"] == "dprk_2014" and header["seed"] == 4
    assert header["sha256"] == dprk().sha256
    assert len(lines) == 1 + len(session.decisions)
    got = read(path)
    assert got.problems == [] and got.decisions == session.decisions
    assert got.digests[-1] == session.state.digest()


def test_a_damaged_session_file_keeps_every_good_line_before_the_first_bad_one(tmp_path):
    path = tmp_path / "s.jsonl"
    session = simulate(dprk(), 4, "greedy", session_file=path)
    session.close()
    lines = path.read_text().splitlines()
    lines[2] = lines[2][:15]                                   # truncated JSON
    lines[4] = json.dumps({"decision": {"type": "bribe", "side": "sponsors"}})
    path.write_text("\n".join(lines) + "\n")
    got = read(path)
    assert got.decisions == session.decisions[:1]              # the good line before it
    assert got.stopped.line == 3 and "JSON" in got.stopped.message
    assert got.problems[-1].startswith("line 3:") and "reading stopped there" in got.problems[-1]
