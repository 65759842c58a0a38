"""The one text-file reader (game.textfiles) and the one roll-call reader (game.scenario.history):
what they accept, what they refuse, and that each is the only one of its kind."""
from __future__ import annotations

import ast
import codecs
import os
import shutil
from pathlib import Path

import pytest

from game.scenario import ScenarioError, load
from game.scenario.history import parse_roll_call, read_roll_call
from game.textfiles import NotText, read_text
from helpers import ROOT, SCENARIOS

SYRIA = SCENARIOS / "syria_2014.yaml"
SYRIA_CSV = SCENARIOS / "roll_calls" / "sc_syria_icc_2014.csv"


def test_a_file_saved_as_utf16_with_its_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("iso3,vote\nFRA,yes\n", encoding="utf-16")
    got = read_text(path, 1000)
    assert got.text == "iso3,vote\nFRA,yes\n" and got.encoding == "utf-16"


def test_a_utf8_byte_order_mark_is_dropped_and_windows_line_ends_are_kept(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"a\r\nb\r\n")
    assert read_text(path, 1000).text == "a\r\nb\r\n"


def test_a_file_over_the_cap_is_refused_or_cut_at_its_last_full_line(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("line one\nline two\n", encoding="utf-8")
    with pytest.raises(NotText) as caught:
        read_text(path, 12)
    assert caught.value.kind == "too_large"
    got = read_text(path, 12, truncate=True)
    assert got.text == "line one\n" and got.truncated


def test_a_file_that_is_not_text_is_refused_with_its_line(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"ok\nstill ok\n\xff\xfe\xfd")
    with pytest.raises(NotText) as caught:
        read_text(path, 1000)
    assert (caught.value.kind, caught.value.line, caught.value.byte) == ("not_utf8", 3, 12)
    path.write_bytes(b"one\n\x00\x01")
    with pytest.raises(NotText, match="a binary file") as caught:
        read_text(path, 1000)
    assert caught.value.line == 2


def test_a_folder_is_named_as_one(tmp_path):
    with pytest.raises(IsADirectoryError, match="is a folder"):
        read_text(tmp_path, 1000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_instead_of_waited_on(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(NotText, match="not a regular file"):
        read_text(pipe, 1000)


def test_a_scenario_saved_as_utf16_by_a_windows_editor_loads(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text(SYRIA.read_text(encoding="utf-8"), encoding="utf-16")
    (tmp_path / "roll_calls").mkdir()
    shutil.copy(SYRIA_CSV, tmp_path / "roll_calls")
    assert load(case).id == "syria_2014"


def test_a_roll_call_a_scenario_names_may_carry_a_byte_order_mark(tmp_path):
    shutil.copy(SYRIA, tmp_path / "case.yaml")
    (tmp_path / "roll_calls").mkdir()
    (tmp_path / "roll_calls" / SYRIA_CSV.name).write_text(
        SYRIA_CSV.read_text(encoding="utf-8"), encoding="utf-8-sig")
    assert sorted(load(tmp_path / "case.yaml").spec.history[0].roll_call.no) == ["CHN", "RUS"]


def test_an_empty_roll_call_named_by_a_scenario_is_an_error_not_a_silent_nothing(tmp_path):
    shutil.copy(SYRIA, tmp_path / "case.yaml")
    (tmp_path / "roll_calls").mkdir()
    (tmp_path / "roll_calls" / SYRIA_CSV.name).write_text("iso3,country,vote\n")
    with pytest.raises(ScenarioError) as caught:
        load(tmp_path / "case.yaml")
    error = next(i for i in caught.value.issues if i.severity == "error")
    assert error.where == "history[0].roll_call_file" and "no votes in the file" in error.message


MEMBERS = {"FRA", "DEU", "CHN"}


def test_a_scenarios_own_roll_call_takes_only_the_four_ballot_words():
    strict = parse_roll_call("iso3,vote\nFRA,Y\nDEU,yes\n", MEMBERS, strict=True)
    assert strict.ballots == {"DEU": "yes"}
    assert [(p.line, p.severity) for p in strict.problems] == [(2, "error")]
    export = parse_roll_call("iso3,vote\nFRA,Y\nDEU,yes\n", MEMBERS)
    assert export.ballots == {"FRA": "yes", "DEU": "yes"} and export.problems == []


def test_a_code_outside_the_case_is_an_error_in_its_record_and_ignored_in_an_export():
    text = "iso3,vote\nFRA,yes\nUSA,no\n"
    strict = parse_roll_call(text, MEMBERS, strict=True)
    assert strict.problems[0].message == "unknown country code 'USA'"
    export = parse_roll_call(text, MEMBERS)
    assert export.problems[0].text() == "line 3: USA is not a member in this scenario; ignored"
    assert export.ballots == {"FRA": "yes"}


def test_a_lower_case_code_in_a_scenarios_roll_call_gets_the_code_meant():
    problem = parse_roll_call("iso3,vote\nchn,no\n", MEMBERS, strict=True).problems[0]
    assert problem.line == 2 and problem.hint == "did you mean 'CHN'?"


def test_the_roll_call_reader_gives_the_scenarios_roll_call_in_its_own_form(tmp_path):
    roll = read_roll_call(SYRIA_CSV, None, strict=True).roll_call()
    assert roll == load(SYRIA).spec.history[0].roll_call


def classes_named(name: str) -> list[str]:
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree)
                  if isinstance(node, ast.ClassDef) and node.name == name]
    return found


@pytest.mark.parametrize("name, home", [("RollCall", "game/scenario/models.py"),
                                        ("Source", "game/scenario/models.py")])
@pytest.mark.slow
def test_one_class_is_called_roll_call_and_one_source(name, home):
    found = classes_named(name)
    assert len(found) == 1 and Path(found[0].split(":")[0]).as_posix() == home, found
