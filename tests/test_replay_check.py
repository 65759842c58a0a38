"""``replay FILE --check [--json]``: a fresh session file passes; each kind of damage, made by
damaging a real file the game wrote, gets its precise message and exit code 1, never a
traceback."""
from __future__ import annotations

import json

import numpy as np
import pytest

from game.cli import main
from game.replay import read

SEED = 5


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A session file written by ``simulate --session-file`` (a whole greedy game): its
    path and its lines as bytes."""
    path = tmp_path_factory.mktemp("check") / "game.jsonl"
    assert main(["simulate", "--seed", str(SEED), "--session-file", str(path)]) == 0
    return path, path.read_bytes().split(b"\n")


def check(capsys, path, *more):
    code = main(["replay", str(path), "--check", *more])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def damaged(tmp_path, lines, name="damaged.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"\n".join(lines))
    return path


def test_a_fresh_session_file_passes_the_check(fresh, capsys):
    path, lines = fresh
    code, out, err = check(capsys, path)
    n = len([x for x in lines if x.strip()]) - 1
    assert code == 0 and err == ""
    assert out.strip() == f"ok: {path}: verified: {n} decisions, seed {SEED}, to the end"


def test_a_fresh_session_file_passes_the_check_as_json(fresh, capsys):
    path, _ = fresh
    code, out, _ = check(capsys, path, "--json")
    got = json.loads(out)
    assert code == 0 and got["ok"] and got["stopped"] is None and got["finished"]
    assert got["decisions_verified"] == got["decisions_read"] > 20
    assert got["format_version"] == 2


def test_the_header_records_the_software_the_sides_and_the_start(fresh):
    path, lines = fresh
    head = json.loads(lines[0])
    assert head["version"] == 2 and head["numpy"] == np.__version__
    assert head["game"] and head["sides"] == ["sponsors"] and head["opponent"] == "greedy"
    assert head["started"].endswith("Z") and head["seed"] == SEED
    first = json.loads(lines[1])
    assert list(first) == ["n", "stage", "decision", "digest"] and first["n"] == 1
    assert first["stage"] == "third_committee"
    assert json.loads([x for x in lines if x.strip()][-1])["finished"] is True


def cut_last_line(lines):
    keep = lines[:12]
    return keep[:-1] + [keep[-1][:-25]]


def edit_a_decision(lines):
    out = list(lines)
    entry = json.loads(out[7])
    assert entry["decision"]["type"] == "address_group"
    entry["decision"]["group"] = "OIC" if entry["decision"]["group"] != "OIC" else "AU"
    out[7] = json.dumps(entry).encode()
    return out


def header(lines, **fields):
    head = json.loads(lines[0])
    head.update(fields)
    return [json.dumps(head).encode(), *lines[1:]]


def other_numpy_and_digest(lines):
    out = header(lines, numpy="1.0.0")
    entry = json.loads(out[9])
    entry["digest"] = "0" * 64
    out[9] = json.dumps(entry).encode()
    return out


def not_json(lines):
    return lines[:7] + [lines[7][:40]] + lines[8:]


def bad_utf8(lines):
    return lines[:7] + [lines[7][:30] + b"\xff\xfe" + lines[7][32:]] + lines[8:]


@pytest.mark.parametrize("damage, words, line", [
    (cut_last_line, "line 12: cut off: the file ends in the middle of this line", 12),
    (edit_a_decision, "line 8: the game after this decision is not the one recorded "
                      "(its digest differs): the decision or its digest was edited", 8),
    (lambda lines: header(lines, version=7), "format version 7 is not one this Plenary "
                                             "reads (1, 2)", None),
    (other_numpy_and_digest, "line 10: the game after this decision is not the one recorded "
                             "(its digest differs): the file was recorded with numpy 1.0.0 "
                             f"and this is numpy {np.__version__}", 10),
    (not_json, "line 8: not valid JSON (Unterminated string", 8),
    (bad_utf8, "line 8: not UTF-8 text (byte 0xff at column 31)", 8),
    (lambda lines: header(lines, sha256="0" * 64), "recorded on another version of dprk_2014: "
                                                   "the scenario file has changed since", None),
])
@pytest.mark.slow
def test_each_damage_gets_its_precise_message_and_exit_1(fresh, tmp_path, capsys, damage,
                                                         words, line):
    _, lines = fresh
    path = damaged(tmp_path, damage(lines))
    code, out, err = check(capsys, path)
    assert code == 1 and words in err and out.startswith("FAILED: ")
    code, out, _ = check(capsys, path, "--json")
    got = json.loads(out)
    assert code == 1 and not got["ok"] and any(words in p for p in got["problems"])
    if line is not None:
        assert got["stopped"]["line"] == line


def test_a_cut_off_last_line_reports_the_prefix_kept(fresh, tmp_path, capsys):
    _, lines = fresh
    code, out, err = check(capsys, damaged(tmp_path, cut_last_line(lines)))
    assert code == 1 and "the 10 decision(s) before it are kept" in err
    assert "stopped at line 12: 10 of 11 decisions replayed" in out


def test_a_bad_byte_costs_only_its_line_and_those_after(fresh, tmp_path):
    _, lines = fresh
    got = read(damaged(tmp_path, bad_utf8(lines)))
    assert len(got.decisions) == 6 and got.stopped.kind == "not_utf8"


def test_another_numpy_with_the_same_digests_still_passes(fresh, tmp_path, capsys):
    _, lines = fresh
    code, out, _ = check(capsys, damaged(tmp_path, header(lines, numpy="1.0.0")))
    assert code == 0 and out.startswith("ok: ")


def test_a_changed_scenario_is_read_with_allow_changed_scenario(fresh, tmp_path, capsys):
    _, lines = fresh
    path = damaged(tmp_path, header(lines, sha256="0" * 64))
    code, out, err = check(capsys, path, "--allow-changed-scenario")
    assert code == 0 and "read anyway" in err and out.startswith("ok: ")


@pytest.mark.parametrize("command", [["simulate", "--decisions"], ["play", "--autoplay",
                                                                   "--decisions"],
                                     ["play", "--autoplay", "--resume"]])
def test_every_reader_of_a_session_file_refuses_a_changed_scenario(fresh, tmp_path, capsys,
                                                                   command):
    _, lines = fresh
    path = damaged(tmp_path, header(lines[:12], sha256="0" * 64) + [b""])
    code = main([*command, str(path)])
    err = capsys.readouterr().err
    assert code == 1 and "recorded on another version of dprk_2014" in err
    assert "--allow-changed-scenario" in err


def test_a_version_1_file_is_still_read_and_verified(fresh, tmp_path, capsys):
    _, lines = fresh
    head = json.loads(lines[0])
    old = [json.dumps({k: head[k] for k in ("format", "scenario", "sha256", "seed")}
                      | {"version": 1}).encode()]
    for raw in lines[1:]:
        if raw.strip():
            entry = json.loads(raw)
            old.append(json.dumps({"decision": entry["decision"],
                                   "digest": entry["digest"]}).encode())
    code, out, _ = check(capsys, damaged(tmp_path, old + [b""], "old.jsonl"))
    assert code == 0 and "verified" in out
