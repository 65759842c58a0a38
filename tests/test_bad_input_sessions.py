"""Damaged decision and session files: read up to the first damaged line, which is named with
its number and what is wrong; every good line before it kept, exit code 1, never a traceback."""
import codecs
import json
from pathlib import Path

import pytest

from game import replay as replay_module
from game.cli import main
from game.cli.modelcmds import simulate
from game.cli.verify import replay
from game.replay import SessionWriter, load_decisions, read
from game.session import Session
from helpers import dprk

SEED = 3


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """A whole greedy game's session file: (path, its lines, the final digest)."""
    path = tmp_path_factory.mktemp("session") / "game.jsonl"
    session = simulate(dprk(), SEED, "greedy", session_file=path)
    session.close()
    return path, path.read_text(encoding="utf-8").splitlines(), session.state.digest()


def write(tmp_path, lines, name="s.jsonl", newline="\n"):
    path = tmp_path / name
    path.write_text(newline.join(lines) + newline, encoding="utf-8", newline="")
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_a_truncated_session_file_keeps_its_good_lines(tmp_path, capsys, recorded):
    _, lines, _ = recorded
    text = "\n".join(lines[:10])
    path = tmp_path / "cut.jsonl"
    path.write_text(text[:-30], encoding="utf-8")           # cut in the middle of line 10
    code, out, err = run(capsys, "replay", str(path))
    assert code == 1
    assert "line 10: cut off: the file ends in the middle of this line" in err
    assert "the 8 decision(s) before it are kept" in err
    assert "stopped at line 10: 8 of 9 decisions replayed" in out


def test_two_swapped_lines_stop_the_reading_at_the_first_of_them(tmp_path, capsys, recorded):
    _, lines, _ = recorded
    lines = list(lines)
    lines[5], lines[6] = lines[6], lines[5]
    code, out, err = run(capsys, "replay", str(write(tmp_path, lines)))
    assert code == 1 and "line 6: decision number 6 where 5 was due" in err
    assert "stopped at line 6: 4 of" in out


def test_a_duplicated_line_stops_the_reading_there(tmp_path, capsys, recorded):
    _, lines, _ = recorded
    lines = lines[:5] + [lines[4]] + lines[5:]
    code, _, err = run(capsys, "replay", str(write(tmp_path, lines)))
    assert code == 1 and "line 6: decision number 4 where 5 was due" in err


def test_an_edited_digest_stops_the_replay_at_its_line(tmp_path, capsys, recorded):
    _, lines, _ = recorded
    entry = json.loads(lines[4])
    entry["digest"] = "0" * 64
    lines = lines[:4] + [json.dumps(entry)] + lines[5:]
    code, out, err = run(capsys, "replay", str(write(tmp_path, lines)), "--json")
    assert code == 1
    assert "line 5: the game after this decision is not the one recorded" in err
    assert "edited" in err
    got = json.loads(out)
    assert len(got["decisions"]) == 3                       # only the game replayed
    assert got["stopped"]["line"] == 5 and got["stopped"]["kind"] == "digest"
    assert not got["verified"] and got["verdict"].startswith("stopped at line 5: 3 of")


def test_a_damaged_line_in_the_middle_prints_no_votes_of_a_game_never_played(
        tmp_path, capsys, recorded):
    _, lines, _ = recorded
    lines = list(lines)
    lines[12] = lines[12][:20]
    code, out, err = run(capsys, "replay", str(write(tmp_path, lines)))
    assert code == 1 and "line 13: not valid JSON" in err
    assert f"{len(lines) - 13} later line(s) not read" in err
    held = [line for line in out.splitlines() if not line.startswith("stopped")]
    replayed = simulate(dprk(), SEED, None, decisions=read(write(tmp_path, lines)).decisions)
    assert len(held) == len(replayed.state.results)          # the votes of those 11 only
    assert "part-way" in out

@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_session_file_saved_as_utf16_or_with_a_bom_still_verifies(tmp_path, capsys, recorded,
                                                                     encoding):
    _, lines, _ = recorded
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    code, out, _ = run(capsys, "replay", str(path))
    assert code == 0 and f"verified: {len(lines) - 1} decisions" in out


def test_windows_line_endings_still_verify(tmp_path, capsys, recorded):
    _, lines, _ = recorded
    code, out, _ = run(capsys, "replay", str(write(tmp_path, lines, newline="\r\n")))
    assert code == 0 and "verified" in out


def test_a_session_file_with_another_extension_is_still_verified_line_by_line(
        tmp_path, capsys, recorded):
    _, lines, _ = recorded
    code, out, _ = run(capsys, "replay", str(write(tmp_path, lines, name="game.txt")))
    assert code == 0 and f"verified: {len(lines) - 1} decisions" in out


def test_a_header_naming_another_case_points_to_the_case_its_checksum_matches(
        tmp_path, capsys, recorded):
    _, lines, _ = recorded
    header = json.loads(lines[0])
    header["scenario"] = "syria_2014"
    code, _, err = run(capsys, "replay", str(write(tmp_path, [json.dumps(header), *lines[1:]])))
    assert code == 1 and "give the case dprk_2014" in err
    assert err.count("skipped") <= replay_module.MAX_PROBLEMS + 1


@pytest.mark.parametrize("seed, scenario", [(-3, "dprk_2014"), ("3", "dprk_2014"),
                                            (3, ["dprk_2014"]), (3, "../../etc/passwd")])
def test_an_unusable_seed_or_scenario_in_the_header_is_named_and_ignored(tmp_path, recorded,
                                                                         seed, scenario):
    _, lines, _ = recorded
    header = {**json.loads(lines[0]), "seed": seed, "scenario": scenario}
    loaded = load_decisions(write(tmp_path, [json.dumps(header), *lines[1:]]))
    assert len(loaded.decisions) == len(lines) - 1 and loaded.problems[0].startswith("line 1: the ")
    assert loaded.seed in (None, 3) and loaded.scenario in (None, "dprk_2014")


def test_a_session_file_without_a_header_asks_for_the_scenario(tmp_path, capsys, recorded):
    _, lines, _ = recorded
    code, _, err = run(capsys, "replay", str(write(tmp_path, lines[1:])))
    assert code == 1 and "no session header" in err and "--scenario" in err
    code, out, err = run(capsys, "replay", str(write(tmp_path, lines[1:])), "--scenario",
                         "dprk_2014")
    assert code == 1 and "no seed recorded" in err          # seed unknown: replayed with 0
    assert "stopped at line" in out and "digest differs" in err


@pytest.mark.parametrize("decision", [{"type": ["lobby"], "side": "sponsors"},
                                      {"type": {"a": 1}, "side": "sponsors"}, 5, None])
def test_a_malformed_decision_stops_the_reading_at_its_line_number(tmp_path, recorded,
                                                                   decision):
    _, lines, _ = recorded
    lines = lines[:4] + [json.dumps({"n": 4, "decision": decision})] + lines[5:]
    got = read(write(tmp_path, lines))
    assert len(got.decisions) == 3 and got.lost == len(lines) - 4
    assert got.stopped.line == 5 and got.problems[-1].startswith("line 5:")


def test_a_file_far_larger_than_any_game_is_read_up_to_its_limit(tmp_path, capsys, recorded,
                                                                 monkeypatch):
    _, lines, _ = recorded
    monkeypatch.setattr(replay_module, "MAX_BYTES", 20_000)
    path = write(tmp_path, lines + lines[1:] * 200)
    code, out, err = run(capsys, "replay", str(path))
    assert code == 1 and "only its beginning was read" in err
    assert "a line missing, repeated or moved" in err and "to the end" in out


@pytest.mark.parametrize("content, words", [
    (b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"\xff\xfe\xfd", "not UTF-8"),
    (b"hello", "neither a session file nor a JSON list"), (b'{"a": 1}', "expected a list"),
    (b"[1, 2", "neither")])
def test_a_file_that_holds_no_decisions_gets_one_clear_line(tmp_path, capsys, content, words):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    for command in (["replay", str(path)], ["simulate", "--decisions", str(path)]):
        code, _, err = run(capsys, *command)
        assert code == 1 and words in err and len(err.splitlines()) == 1


def test_simulate_stops_at_an_illegal_decision_but_shows_the_votes_already_held(
        tmp_path, capsys, recorded):
    _, lines, _ = recorded
    decisions = [json.loads(line)["decision"] for line in lines[1:]]
    bad = decisions[:12] + [{"type": "lobby", "side": "sponsors", "member": "PRK",
                             "argument": "accountability"}] + decisions[12:]
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"seed": SEED, "decisions": bad}))
    code, out, err = run(capsys, "simulate", "--decisions", str(path))
    assert code == 1 and "decision 12: the decision (lobby) is not legal" in err
    assert "c3_draft" in out                                  # the votes held before it


def test_decisions_after_the_end_of_the_game_are_counted_not_fatal(tmp_path, capsys, recorded):
    _, lines, _ = recorded
    decisions = [json.loads(line)["decision"] for line in lines[1:]]
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"seed": SEED, "decisions": decisions + decisions[-2:]}))
    code, out, err = run(capsys, "simulate", "--decisions", str(path))
    assert code == 1 and "2 decision(s) after the game ended" in err and "score:" in out


def test_the_json_simulate_prints_is_verified_by_its_final_digest(tmp_path, capsys):
    code, out, _ = run(capsys, "simulate", "--seed", "4", "--json")
    path = tmp_path / "game.json"
    path.write_text(out)
    code, out, _ = run(capsys, "replay", str(path))
    assert code == 0 and "verified" in out


def test_a_disk_that_fails_mid_game_stops_the_saving_not_the_game(tmp_path):
    writer = SessionWriter(tmp_path / "s.jsonl", Session(dprk(), 1).header_info())

    class Full:
        def write(self, text):
            raise OSError(28, "No space left on device")

        def close(self):
            pass

    writer.append({"type": "pass", "side": "sponsors"})      # the file is made now
    writer._fh.close()
    writer._fh = Full()
    writer.append({"type": "pass", "side": "sponsors"})
    assert writer.error and "not saved" in writer.error
    writer.append({"type": "pass", "side": "sponsors"})      # no second exception
    writer.close()


def test_the_verifier_replays_a_clean_file_without_any_repair(recorded):
    path, lines, digest = recorded
    result = replay(dprk(), load_decisions(path), SEED)
    assert result.faithful and result.proven == len(lines) - 1
    assert result.session.state.digest() == digest


def test_utf16_detection_needs_the_byte_order_mark(tmp_path):
    path = tmp_path / "x.json"
    path.write_bytes(codecs.BOM_UTF16_LE + "[]".encode("utf-16-le"))
    assert load_decisions(path).decisions == []


def test_a_new_game_never_overwrites_an_earlier_one_at_the_same_path(tmp_path, capsys, recorded):
    path, lines, _ = recorded
    target = write(tmp_path, lines, name="mine.jsonl")
    code, _, err = run(capsys, "simulate", "--decisions", str(target), "--session-file",
                       str(target))
    assert code == 0 and "kept as" in err
    assert (tmp_path / "mine.jsonl.bak").read_text().splitlines() == lines
    assert read(target).decisions == read(path).decisions


def test_a_game_with_no_decision_leaves_no_file(tmp_path):
    path = tmp_path / "s.jsonl"
    SessionWriter(path, Session(dprk(), 1).header_info()).close()
    assert not path.exists()


def test_a_session_of_a_teachers_own_case_finds_the_case_beside_it(tmp_path, capsys):
    case = tmp_path / "my_case.yaml"
    shipped = Path(dprk().path).read_text(encoding="utf-8")
    case.write_text(shipped.replace("id: dprk_2014", "id: my_case", 1), encoding="utf-8")
    code, _, _ = run(capsys, "simulate", str(case), "--seed", "2", "--session-file",
                     str(tmp_path / "game.jsonl"))
    assert code == 0
    for command in (["replay", str(tmp_path / "game.jsonl")],
                    ["simulate", "--decisions", str(tmp_path / "game.jsonl")]):
        code, out, err = run(capsys, *command)
        assert code == 0 and ("score:" in out or "verified" in out), err
    (tmp_path / "elsewhere").mkdir()
    moved = tmp_path / "elsewhere" / "game.jsonl"
    (tmp_path / "game.jsonl").rename(moved)
    code, _, err = run(capsys, "replay", str(moved))
    assert code == 1 and "give it with --scenario" in err
