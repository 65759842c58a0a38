"""The command line as a user meets it: exit codes, JSON shapes, clear messages.

The commands run in this process through the ``cli`` fixture (see conftest); the two tests at
the end start ``python main.py`` for real and are ``slow``.
"""
import json

import pytest

from helpers import main_py

MOTION_IDS = ["c3_amendment", "c3_draft", "plenary_draft", "sc_agenda", "sc_referral"]


def test_forecast_json_lists_every_motion_with_members_and_p_adopted(cli):
    data = json.loads(cli("forecast", "scenarios/dprk_2014.yaml", "--json", check=True).stdout)
    assert data["scenario"] == "dprk_2014"
    assert [m["id"] for m in data["motions"]] == MOTION_IDS
    plenary = data["motions"][2]
    assert plenary["body"] == "plenary" and plenary["kind"] == "draft"
    assert set(plenary["expected"]) == {"yes", "no", "abstain", "absent"}
    assert len(plenary["members"]) == 193 and 0 <= plenary["p_adopted"] <= 1
    assert len(data["motions"][3]["members"]) == 15


def test_forecast_shows_whole_votes_that_add_up_to_each_body(cli):
    data = json.loads(cli("forecast", "dprk_2014", "--json", check=True).stdout)
    for m in data["motions"]:
        assert sum(m["counts"].values()) == len(m["members"]), m["id"]
        assert all(abs(m["counts"][b] - m["expected"][b]) < 1 for b in m["counts"])
    referral = data["motions"][4]
    assert referral["p_vetoed"] > 0.9 and referral["p_adopted"] < 0.05
    text = cli("forecast", "dprk_2014", check=True).stdout
    c = data["motions"][4]["counts"]
    assert f"expected {c['yes']:3d} yes {c['no']:3d} no {c['abstain']:3d} abstain" in text


def test_forecast_explain_prints_the_parts_of_a_delegations_support(cli):
    out = cli("forecast", "dprk_2014", "--explain", "ind", check=True).stdout
    assert out.startswith("India (IND)") and "ICC" in out


def test_an_unknown_delegation_gets_a_message_not_a_traceback(cli):
    res = cli("forecast", "dprk_2014", "--explain", "XYZ")
    assert res.returncode == 1 and "unknown delegation" in res.stderr
    assert "Traceback" not in res.stderr


def test_simulate_json_has_decisions_and_a_recorded_vote_per_motion(cli):
    data = json.loads(cli("simulate", "dprk_2014", "--seed", "1", "--bot", "greedy", "--json",
                          check=True).stdout)
    assert [v["motion"] for v in data["votes"]] == MOTION_IDS
    first = data["votes"][0]
    assert first["kind"] == "amendment" and len(first["ballots"]) == 193
    assert set(first["tally"]) == {"yes", "no", "abstain", "absent"}
    assert isinstance(first["adopted"], bool) and first["decided_by"]


@pytest.mark.slow
@pytest.mark.parametrize("bot", ["passive", "greedy", "planner"])
def test_simulate_plays_the_opposition_side_with_any_bot_to_the_end(cli, bot):
    data = json.loads(cli("simulate", "dprk_2014", "--seed", "2", "--side", "opposition",
                          "--bot", bot, "--opponent", "greedy", "--json", check=True).stdout)
    assert data["decisions"][0]["side"] == "sponsors"          # the sponsors move first
    assert any(d["side"] == "opposition" for d in data["decisions"]) or bot == "passive"
    assert {v["motion"] for v in data["votes"]} >= set(MOTION_IDS)


def test_a_motion_for_no_action_is_a_recorded_vote_of_its_own_kind(cli, tmp_path):
    decisions = [{"type": "lobby", "side": "sponsors", "member": "IND",
                  "argument": "coi_evidence"},
                 {"type": "move_no_action", "side": "opposition", "motion": "c3_draft"},
                 {"type": "proceed_to_vote", "side": "sponsors"},
                 {"type": "pass", "side": "opposition"}]
    path = tmp_path / "d.json"
    path.write_text(json.dumps(decisions), encoding="utf-8")
    data = json.loads(cli("simulate", "dprk_2014", "--decisions", str(path), "--json").stdout)
    kinds = {v["motion"]: v["kind"] for v in data["votes"]}
    assert kinds["c3_draft:no_action"] == "no_action"
    assert [v["motion"] for v in data["votes"]][0] == "c3_draft:no_action"


def test_simulate_replays_a_decisions_file(cli, tmp_path):
    first = cli("simulate", "dprk_2014", "--seed", "3", "--bot", "random", "--json", check=True)
    path = tmp_path / "game.json"
    path.write_text(first.stdout)
    again = cli("simulate", "dprk_2014", "--seed", "3", "--decisions", str(path), "--json",
                check=True)
    assert json.loads(again.stdout)["votes"] == json.loads(first.stdout)["votes"]


def test_simulate_refuses_an_opponent_with_a_decisions_file_that_holds_both_sides(cli,
                                                                                    tmp_path):
    path = tmp_path / "game.json"
    path.write_text(cli("simulate", "dprk_2014", "--json", check=True).stdout)
    run = cli("simulate", "dprk_2014", "--decisions", str(path), "--opponent", "planner")
    assert run.returncode == 2
    assert "--opponent cannot be used with --decisions" in run.stderr


def test_a_bad_decisions_file_is_reported_with_exit_code_one(cli, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[{"type": "lobby", "side": "sponsors", "member": "ZZZ", "argument": "x"}]')
    res = cli("simulate", "dprk_2014", "--decisions", str(path))
    assert res.returncode == 1 and "decision 0" in res.stderr and "Traceback" not in res.stderr
    path.write_text("not json")
    res = cli("simulate", "dprk_2014", "--decisions", str(path))
    assert res.returncode == 1 and "Traceback" not in res.stderr


def test_simulate_writes_the_session_file_it_is_given(cli, tmp_path):
    path = tmp_path / "s.jsonl"
    cli("simulate", "dprk_2014", "--seed", "2", "--session-file", str(path), check=True)
    header = json.loads(path.read_text().splitlines()[0])
    assert header["scenario"] == "dprk_2014" and header["seed"] == 2


@pytest.mark.slow
def test_main_py_help_works_in_a_fresh_process():
    res = main_py("--help", timeout=60)
    assert res.returncode == 0, res.stderr
    assert "usage: python main.py" in res.stdout and "simulate" in res.stdout
    assert res.stderr == ""
