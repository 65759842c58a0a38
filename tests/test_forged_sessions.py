"""Session files damaged or forged on purpose, each made from a real file the game wrote: a
header naming an opponent or sides that do not exist, a format version that is not a whole
number, digests removed, a damaged seed or checksum, a mark of the game's end or a stage that
was edited, a file too large to read whole, a named pipe. Each is refused or reported with
its reason and line, never with a traceback, and nothing in the file is changed."""
from __future__ import annotations

import json
import os

import pytest

from game import replay as replay_module
from game.cli import main
from game.cli.modelcmds import simulate
from game.cli.resume import CannotResume, branch_game, resume_game
from game.replay import SessionWriter, read
from game.session import Session
from helpers import dprk

SEED = 5


@pytest.fixture(scope="module")
def lines(tmp_path_factory) -> list[bytes]:
    """The lines (bytes, without their ends) of a whole greedy game's session file."""
    path = tmp_path_factory.mktemp("forged") / "game.jsonl"
    simulate(dprk(), SEED, "greedy", session_file=path).close()
    return [x for x in path.read_bytes().split(b"\n") if x.strip()]


def write(tmp_path, lines, name="forged.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def header(lines, **fields):
    """The file with header fields changed (None: the field removed)."""
    head = json.loads(lines[0]) | fields
    head = {k: v for k, v in head.items() if v is not None or k == "opponent"}
    return [json.dumps(head).encode(), *lines[1:]]


def entry(lines, k, **fields):
    """The file with line k (from 0, the header) changed (None: the field removed)."""
    out = list(lines)
    obj = json.loads(out[k]) | fields
    out[k] = json.dumps({f: v for f, v in obj.items() if v is not None or f == "stage"}).encode()
    return out


def edit_a_decision(lines):
    obj = json.loads(lines[7])
    assert obj["decision"]["type"] == "address_group"
    obj["decision"]["group"] = "OIC" if obj["decision"]["group"] != "OIC" else "African"
    return [*lines[:7], json.dumps(obj).encode(), *lines[8:]]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# --- 1. the players in the header ----------------------------------------------------------

@pytest.mark.parametrize("fields, words", [
    ({"opponent": "wizard"}, "line 1: the opponent 'wizard' is not an opponent level: "
                             "expected one of passive"),
    ({"opponent": "Greedy"}, "the opponent 'Greedy' is not an opponent level"),
    ({"opponent": 5}, "the opponent '5' is not an opponent level"),
    ({"sides": ["nobody"]}, "line 1: the sides \"['nobody']\" is not a list of the sides played "
                            "(one or both of sponsors, opposition)"),
    ({"sides": "sponsors"}, "the sides 'sponsors' is not a list of the sides played"),
])
def test_an_unknown_opponent_or_side_in_the_header_is_named_and_the_game_not_continued(
        tmp_path, lines, fields, words):
    path = write(tmp_path, header(lines[:9], **fields))
    before = path.read_bytes()
    assert any(words in p for p in read(path).problems)
    with pytest.raises(CannotResume, match="header is damaged is not continued"):
        resume_game(path)
    with pytest.raises(CannotResume):
        branch_game(path, 3, tmp_path / "what_if.jsonl")
    assert path.read_bytes() == before and not (tmp_path / "what_if.jsonl").exists()


@pytest.mark.parametrize("command", [["--resume"], ["--branch", "--at", "3"]])
def test_play_resume_and_branch_refuse_an_unknown_opponent_with_the_reason(
        tmp_path, lines, capsys, command):
    path = write(tmp_path, header(lines[:9], opponent="wizard"))
    args = [command[0], str(path), *command[1:], "--autoplay"]
    if command[0] == "--branch":
        args += ["--session-file", str(tmp_path / "what_if.jsonl")]
    code, _, err = run(capsys, "play", *args)
    assert code == 1 and "the opponent 'wizard' is not an opponent level" in err


def test_a_header_with_a_usable_opponent_still_continues(tmp_path, lines):
    game, _ = resume_game(write(tmp_path, header(lines[:9], opponent="planner")))
    assert game.session.level == "planner" and len(game.session.decisions) == 8
    game.session.close()


def test_a_session_refuses_an_opponent_that_is_no_bot():
    with pytest.raises(ValueError, match="the opponent must be one of .*not 'wizard'"):
        Session(dprk(), 1, opponent="wizard")


# --- 2. forged files: versions and digests -------------------------------------------------

def forged_version_1(lines):
    """A version-1 file: every digest removed, and one decision edited."""
    head = {k: json.loads(lines[0])[k] for k in ("format", "scenario", "sha256", "seed")}
    out = [json.dumps(head | {"version": 1}).encode()]
    for raw in edit_a_decision(lines)[1:]:
        out.append(json.dumps({"decision": json.loads(raw)["decision"]}).encode())
    return out


def test_a_version_1_file_without_digests_is_not_called_ok(tmp_path, lines, capsys):
    code, out, err = run(capsys, "replay", str(write(tmp_path, forged_version_1(lines))),
                         "--check")
    assert code == 1 and out.startswith("FAILED: ") and "no digests to verify" in err


def test_a_version_1_file_without_digests_is_replayed_but_said_to_be_unverified(
        tmp_path, lines, capsys):
    code, out, _ = run(capsys, "replay", str(write(tmp_path, forged_version_1(lines))))
    assert "replayed, unverified (no digests to verify)" in out and "verified:" not in out


@pytest.mark.parametrize("version, shown", [(2.0, "'2.0'"), ("2", "'2'"), (True, "'True'")])
def test_a_format_version_that_is_not_a_whole_number_is_refused_at_line_1(
        tmp_path, lines, capsys, version, shown):
    forged = [json.loads(x) for x in edit_a_decision(lines)]
    for obj in forged[1:]:
        obj.pop("digest")
    forged[0]["version"] = version
    path = write(tmp_path, [json.dumps(obj).encode() for obj in forged])
    code, out, err = run(capsys, "replay", str(path), "--check")
    assert code == 1 and out.startswith("FAILED: ")
    assert f"the format version must be a whole number, not {shown}" in err


def test_a_version_2_line_without_its_digest_is_damage_at_that_line(tmp_path, lines, capsys):
    path = write(tmp_path, entry(edit_a_decision(lines), 7, digest=None))
    code, out, err = run(capsys, "replay", str(path), "--check")
    assert code == 1 and "line 8: the digest is missing or damaged" in err
    assert "stopped at line 8: 6 of" in out


def test_the_count_of_decisions_leaves_out_a_second_header(tmp_path, lines, capsys):
    code, out, _ = run(capsys, "replay", str(write(tmp_path, [lines[0], *lines])), "--check")
    assert code == 1 and f"stopped at line 2: 0 of {len(lines) - 1} decisions" in out


# --- 5. a damaged seed or scenario checksum ------------------------------------------------

@pytest.mark.parametrize("seed, words", [
    (None, "line 1: no seed in the header: the seed is unknown"),
    ("5", "line 1: the seed '5' is not a whole number of 0 or more"),
    (-5, "line 1: the seed '-5' is not a whole number of 0 or more"),
])
def test_a_damaged_seed_is_blamed_on_the_header_not_on_a_decision(tmp_path, lines, capsys,
                                                                   seed, words):
    forged = header(lines, seed=seed)
    if seed is None:
        forged = [json.dumps({k: v for k, v in json.loads(forged[0]).items()
                              if k != "seed"}).encode(), *forged[1:]]
    code, out, err = run(capsys, "replay", str(write(tmp_path, forged)), "--check")
    assert code == 1 and words in err and "the header, line 1, was damaged or edited" in err
    assert "the decision or its digest was edited" not in err


def test_a_missing_scenario_checksum_is_named_and_not_skipped_silently(tmp_path, lines,
                                                                      capsys):
    path = write(tmp_path, header(lines[:9], sha256=None))
    code, _, err = run(capsys, "replay", str(path), "--check")
    assert code == 1 and "line 1: no scenario checksum (sha256) in the header" in err
    assert "refused (add --allow-changed-scenario" in err
    with pytest.raises(CannotResume, match="no scenario checksum"):
        resume_game(path)


def test_another_whole_number_as_seed_is_named_among_the_likely_edits(tmp_path, lines, capsys):
    code, _, err = run(capsys, "replay", str(write(tmp_path, header(lines, seed=SEED + 1))),
                       "--check")
    assert code == 1 and "or the seed in the header, line 1" in err


def test_a_first_decision_whose_digest_differs_may_mean_an_edited_header(tmp_path, lines,
                                                                         capsys):
    path = write(tmp_path, entry(lines, 1, digest="0" * 64))
    code, _, err = run(capsys, "replay", str(path), "--check")
    assert code == 1 and "line 2: " in err and "the header (line 1) may have been edited" in err


# --- 6. the end of the game and the stages -------------------------------------------------

def test_a_mark_of_the_end_on_a_middle_line_is_damage_at_that_line(tmp_path, lines, capsys):
    code, out, err = run(capsys, "replay", str(write(tmp_path, entry(lines, 6, finished=True))),
                         "--check")
    assert code == 1 and "line 7: the line says the game ended there" in err


def test_a_last_line_without_its_mark_of_the_end_is_damage_at_that_line(tmp_path, lines,
                                                                         capsys):
    last = len(lines) - 1
    path = write(tmp_path, entry(lines, last, finished=None))
    code, _, err = run(capsys, "replay", str(path), "--check")
    assert code == 1 and f"line {last + 1}: the game ends with this decision, but" in err


@pytest.mark.parametrize("stage, words", [
    ("security_council", "line 4: the line says the decision was made in the stage "
                         "'security_council', but the game was in the"),
    (None, "line 4: the stage 'None' is not a stage id"),
    ("x" * 5000, "line 4: the stage 'xxxxxxxx"),
    (10 ** 40, "line 4: the stage '1000000"),
])
def test_a_bogus_stage_is_damage_at_its_line(tmp_path, lines, capsys, stage, words):
    code, _, err = run(capsys, "replay", str(write(tmp_path, entry(lines, 3, stage=stage))),
                       "--check")
    assert code == 1 and words in err and len(err) < 3000


@pytest.mark.slow                                   # three games played through the screens
@pytest.mark.parametrize("damage", [
    lambda lines: entry(lines, 12, digest="0" * 64),
    lambda lines: [*lines[:12], lines[12][:30]],
    lambda lines: header(lines, seed=SEED + 1),
])
def test_playing_a_damaged_decision_file_plays_what_was_kept_and_exits_1(tmp_path, lines,
                                                                         capsys, damage):
    path = write(tmp_path, damage(lines))
    code, _, err = run(capsys, "play", "--decisions", str(path), "--autoplay",
                       "--session-file", str(tmp_path / "played.jsonl"))
    assert code == 1 and f"{path} could not be played to its end (it stops at line " in err
    assert "decision(s) before that were played from it; exit code 1" in err


def test_an_oversized_field_name_is_clipped_in_the_message(tmp_path, lines, capsys):
    obj = json.loads(lines[5])
    obj["decision"]["K" * 100_000] = 1
    path = write(tmp_path, [*lines[:5], json.dumps(obj).encode(), *lines[6:]])
    code, _, err = run(capsys, "replay", str(path), "--check")
    assert code == 1 and "line 6: " in err and "expected fields" in err and len(err) < 3000


# --- 3. a file larger than the reader reads ------------------------------------------------

def test_a_file_larger_than_the_reader_reads_is_not_continued_nor_cut(tmp_path, lines,
                                                                      monkeypatch, capsys):
    path = write(tmp_path, lines[:15])
    monkeypatch.setattr(replay_module, "MAX_BYTES", len(b"\n".join(lines[:8])) + 1)
    before = path.read_bytes()
    with pytest.raises(CannotResume, match="larger than the game reads"):
        resume_game(path)
    code, _, err = run(capsys, "play", "--resume", str(path), "--autoplay")
    assert code == 1 and "larger than the game reads" in err and path.read_bytes() == before


def test_a_file_that_grows_after_it_was_read_for_resuming_is_not_cut(tmp_path, lines):
    path = write(tmp_path, lines[:9])
    game, _ = resume_game(path)
    with path.open("ab") as fh:                         # another window saves into it
        fh.write(lines[9] + b"\n")
    before = path.read_bytes()
    game.session.play(game.session.bot_move("greedy", game.session.state.to_move))
    assert path.read_bytes() == before and "changed since" in game.session.writer.error
    game.session.close()


# --- 4. a named pipe -----------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_as_session_file_is_refused_before_it_is_opened(tmp_path, capsys):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):   # before anything can block
        SessionWriter(fifo, Session(dprk(), 1).header_info())
    code, _, err = run(capsys, "simulate", "--session-file", str(fifo))
    assert code == 1 and "not a regular file (a named pipe or a device)" in err
