"""Continuing an unfinished game from its session file: it ends exactly as the game played
without a break, in the same file; a file that cannot be continued is refused with the
reason and left as it was."""
from __future__ import annotations

import json

import pytest

from game.cli import main
from game.cli.modelcmds import simulate
from game.cli.resume import CannotResume, branch_game, resume_game
from game.replay import read
from game.replay.recent import unfinished
from helpers import dprk

SEED = 7


def without_start(path) -> list[str]:
    """The file's lines, the start time left out of the header (the one field two games
    played at different times cannot share)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = json.loads(lines[0])
    head.pop("started")
    return [json.dumps(head), *lines[1:]]


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """A whole greedy game played without a break: its session file."""
    path = tmp_path_factory.mktemp("whole") / "game.jsonl"
    simulate(dprk(), SEED, "greedy", session_file=path).close()
    return path


def finish(game) -> None:
    """Play on as simulate does: the opponent's due moves, then the greedy bot to the end."""
    session = game.session
    session.run_opponent()
    while not session.state.finished:
        session.play(session.bot_move("greedy", session.side))
    session.close()


@pytest.mark.slow
@pytest.mark.parametrize("keep, cut", [(1, 0), (14, 30), (20, 1)])
def test_a_game_cut_short_and_resumed_ends_as_the_whole_game_in_the_same_file(
        tmp_path, whole, keep, cut):
    raw = whole.read_bytes().split(b"\n")
    partial = b"\n".join(raw[:keep + 1]) + b"\n" + (raw[keep + 1][:cut] if cut else b"")
    path = tmp_path / "cut.jsonl"
    path.write_bytes(partial)
    game, notes = resume_game(path)
    assert len(game.session.decisions) == keep
    assert bool(notes) == bool(cut)                    # a cut-off line is dropped, and said
    finish(game)
    assert without_start(path) == without_start(whole)
    assert read(path).decisions == read(whole).decisions


def test_a_finished_game_is_not_continued(whole):
    with pytest.raises(CannotResume, match="this game is over"):
        resume_game(whole)


def test_a_file_damaged_in_the_middle_is_refused_and_left_untouched(tmp_path, whole):
    lines = whole.read_bytes().split(b"\n")
    lines[5] = lines[5][:30]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines[:12]) + b"\n")
    before = path.read_bytes()
    with pytest.raises(CannotResume, match="line 6: not valid JSON.*not continued"):
        resume_game(path)
    assert path.read_bytes() == before


def test_play_resume_takes_the_case_seed_and_side_from_the_file(tmp_path, whole, capsys):
    path = tmp_path / "cut.jsonl"
    path.write_bytes(b"\n".join(whole.read_bytes().split(b"\n")[:6]) + b"\n")
    assert main(["play", "--resume", str(path), "--seed", "3", "--autoplay"]) == 1
    assert "leave out --seed" in capsys.readouterr().err


def test_play_resume_with_a_case_given_names_the_case_not_an_option_that_does_not_exist(
        tmp_path, whole, capsys):
    path = tmp_path / "cut.jsonl"
    path.write_bytes(b"\n".join(whole.read_bytes().split(b"\n")[:6]) + b"\n")
    assert main(["play", "dprk_2014", "--resume", str(path), "--autoplay"]) == 1
    err = capsys.readouterr().err
    assert "leave out the scenario dprk_2014" in err and "--scenario" not in err


def test_the_unfinished_games_of_a_folder_are_listed_newest_first(tmp_path, whole):
    lines = whole.read_bytes().split(b"\n")
    (tmp_path / "done.jsonl").write_bytes(whole.read_bytes())
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(lines[:4]) + b"\n")
    (tmp_path / "b.jsonl").write_bytes(b"\n".join(lines[:9]) + b"\n" + lines[9][:10])
    (tmp_path / "broken.jsonl").write_bytes(b"\n".join(lines[:3]) + b"\nnot json\n" + lines[3])
    got = unfinished(tmp_path)
    assert {u.path.name for u in got} == {"a.jsonl", "b.jsonl", "broken.jsonl"}
    broken = next(u for u in got if u.path.name == "broken.jsonl")
    assert broken.problem.startswith("line 4: not valid JSON") and broken.decisions == 2
    assert all(u.problem is None for u in got if u is not broken)
    b = next(u for u in got if u.path.name == "b.jsonl")
    assert b.decisions == 8 and b.seed == SEED and b.sides == ("sponsors",)
    assert b.opponent == "greedy" and b.stage == "third_committee"


def test_a_what_if_branch_keeps_the_first_decisions_names_its_parent_and_plays_on(
        tmp_path, whole, capsys):
    before = whole.read_bytes()
    new = tmp_path / "what_if.jsonl"
    game, _ = branch_game(whole, 10, new)
    session = game.session
    assert session.decisions == read(whole).decisions[:10]
    while not session.state.finished:                  # another player: passive from here
        if session.state.to_move == session.side:
            session.play(session.bot_move("passive", session.side))
        else:
            session.run_opponent()
    session.close()
    head = json.loads(new.read_text().splitlines()[0])
    assert head["parent"] == str(whole.resolve()) and head["step"] == 10
    assert read(new).decisions[:10] == read(whole).decisions[:10]
    assert read(new).decisions != read(whole).decisions and whole.read_bytes() == before
    assert main(["replay", str(new), "--check"]) == 0
    capsys.readouterr()


def test_a_branch_beyond_the_recorded_decisions_is_refused(tmp_path, whole):
    with pytest.raises(CannotResume, match="branch at one of 0 to"):
        branch_game(whole, 10_000, tmp_path / "x.jsonl")
    assert not (tmp_path / "x.jsonl").exists()


def test_a_branch_at_the_last_decision_of_a_finished_game_offers_the_steps_it_can(
        tmp_path, whole):
    n = len(read(whole).decisions)
    with pytest.raises(CannotResume, match=f"the game was over after {n} decisions; branch at "
                                           f"one of 0 to {n - 1}"):
        branch_game(whole, n, tmp_path / "x.jsonl")


def test_a_branch_is_never_saved_over_the_game_it_branches_from(tmp_path, whole):
    before = whole.read_bytes()
    with pytest.raises(CannotResume, match="that is the game this what-if branches from"):
        branch_game(whole, 3, whole)
    assert whole.read_bytes() == before


def test_at_without_branch_and_a_negative_at_are_refused_in_words(whole, capsys):
    assert main(["play", "--at", "3", "--autoplay"]) == 1
    assert "--at N goes with --branch FILE" in capsys.readouterr().err
    assert main(["play", "--branch", str(whole), "--at", "-1", "--autoplay"]) == 1
    assert "--at N, the decisions to keep, is a whole number 0 or more" in (
        capsys.readouterr().err)


def test_play_branch_needs_at(whole, capsys):
    assert main(["play", "--branch", str(whole), "--autoplay"]) == 1
    assert "give --at N with --branch FILE" in capsys.readouterr().err
