"""``compare A B [--json]``: two session files of one case side by side: every recorded vote,
the delegations whose ballots differ, the decisions where the two games part ways."""
from __future__ import annotations

import json

import pytest

from game.cli import main
from game.replay import read


@pytest.fixture(scope="module")
def games(tmp_path_factory):
    """Three session files: DPRK seed 5 against the greedy and the passive bot, Syria."""
    folder = tmp_path_factory.mktemp("compare")
    out = {}
    for name, args in (("greedy", ["--seed", "5"]),
                       ("passive", ["--seed", "5", "--opponent", "passive"]),
                       ("syria", ["syria_2014", "--seed", "5"]),
                       ("opposition", ["--seed", "5", "--side", "opposition"])):
        out[name] = folder / f"{name}.jsonl"
        assert main(["simulate", *args, "--session-file", str(out[name])]) == 0
    return out


def compare(capsys, *args):
    code = main(["compare", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.slow
def test_a_game_compared_with_itself_differs_nowhere(games, capsys):
    code, out, _ = compare(capsys, games["greedy"], games["greedy"])
    assert code == 0 and "the two games made the same decisions" in out
    assert "differ:" not in out
    code, out, _ = compare(capsys, games["greedy"], games["greedy"], "--json")
    data = json.loads(out)
    assert data["parted"] == [] and all(not v["ballots_differ"] for v in data["votes"])
    assert all(v["a"] == v["b"] for v in data["votes"])


def test_each_game_is_scored_for_the_side_its_player_took_and_says_which(games, capsys):
    from game.cli.common import resolve_scenario_path
    from game.scenario import load
    from game.session import Session

    code, out, _ = compare(capsys, games["opposition"], games["greedy"], "--json")
    data = json.loads(out)
    assert data["a"]["scored_side"] == "opposition" and data["b"]["scored_side"] == "sponsors"
    loaded = read(games["opposition"])
    session = Session(load(resolve_scenario_path("dprk_2014")), 5, side="opposition", opponent=None)
    for d in loaded.decisions:
        session.apply(d)
    _, won, possible = session.score()
    assert data["a"]["score"] == {"won": won, "possible": possible}
    code, out, _ = compare(capsys, games["opposition"], games["greedy"])
    assert f"The DPRK and Cuba scored {won} of {possible}" in out


def test_two_games_show_every_vote_the_ballots_that_differ_and_where_they_part(games, capsys):
    code, out, _ = compare(capsys, games["greedy"], games["passive"], "--json")
    data = json.loads(out)
    assert code == 0 and data["a"]["opponent"] == "greedy" and data["b"]["opponent"] == "passive"
    a, b = read(games["greedy"]).decisions, read(games["passive"]).decisions
    first = next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    assert data["parted"][0]["a_from"] == first + 1          # decision numbers as in the files
    recorded = {}
    for name in ("greedy", "passive"):
        code, js, _ = compare(capsys, games[name], games[name], "--json")
        recorded[name] = {v["motion"]: v["a"] for v in json.loads(js)["votes"]}
    assert {v["motion"] for v in data["votes"]} == set(recorded["greedy"]) | set(
        recorded["passive"])
    for v in data["votes"]:
        assert v["a"] == recorded["greedy"].get(v["motion"])
        assert v["b"] == recorded["passive"].get(v["motion"])
        if v["a"] and v["b"] and v["a"]["tally"] != v["b"]["tally"]:
            assert v["ballots_differ"]                       # another tally: some ballot moved


def test_games_of_two_cases_are_not_compared(games, capsys):
    code, _, err = compare(capsys, games["greedy"], games["syria"])
    assert code == 1 and "only two games of one case can be compared" in err


def test_games_that_cannot_be_compared_say_why_in_json_too(games, tmp_path, capsys):
    missing = tmp_path / "nowhere.jsonl"
    code, out, err = compare(capsys, games["greedy"], games["syria"], "--json")
    got = json.loads(out)
    assert code == 1 and got["compared"] is False and "only two games of one case" in got["error"]
    code, out, _ = compare(capsys, games["greedy"], missing, "--json")
    assert code == 1 and "no such file" in json.loads(out)["error"]


def test_a_session_of_a_case_it_cannot_find_names_what_compare_can_do(games, tmp_path,
                                                                      capsys):
    lines = games["greedy"].read_text().splitlines()
    head = json.loads(lines[0]) | {"scenario": "my_own_case"}
    path = tmp_path / "own.jsonl"
    path.write_text("\n".join([json.dumps(head), *lines[1:]]) + "\n")
    code, _, err = compare(capsys, games["greedy"], path)
    assert code == 1 and "put its scenario file beside the session file" in err
    assert "--scenario" not in err


def test_a_damaged_file_is_compared_only_as_far_as_it_was_replayed(games, tmp_path, capsys):
    lines = games["passive"].read_bytes().split(b"\n")
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"\n".join(lines[:9]) + b"\n" + lines[9][:20])
    code, out, err = compare(capsys, games["greedy"], cut, "--json")
    data = json.loads(out)
    assert code == 1 and "line 10: cut off" in err
    assert data["b"]["decisions"] == 8 and not data["b"]["finished"]
    assert all(v["b"] is None or v["motion"].startswith("c3") for v in data["votes"])


def test_the_text_says_where_the_games_part_in_words(games, capsys):
    code, out, _ = compare(capsys, games["greedy"], games["passive"])
    assert code == 0 and "part ways at decision" in out
    assert "opposition: " in out and "ballot(s) differ" in out
