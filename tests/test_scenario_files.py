"""Files a scenario names are read in, and can never lead out of the scenario's folder."""
from __future__ import annotations

import shutil

import pytest

from game.scenario import ScenarioError, load, load_text
from helpers import SCENARIOS

SYRIA = SCENARIOS / "syria_2014.yaml"


@pytest.fixture
def case_dir(tmp_path):
    """A copy of the Syria case and its roll call in a fresh folder."""
    shutil.copy(SYRIA, tmp_path / "case.yaml")
    (tmp_path / "roll_calls").mkdir()
    shutil.copy(SCENARIOS / "roll_calls" / "sc_syria_icc_2014.csv", tmp_path / "roll_calls")
    return tmp_path


def edited(case_dir, old: str, new: str):
    path = case_dir / "case.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def errors_of(path) -> list:
    with pytest.raises(ScenarioError) as caught:
        load(path)
    return [i for i in caught.value.issues if i.severity == "error"]


def test_the_syria_roll_call_is_read_from_its_csv():
    record = load(SYRIA).spec.history[0]
    assert sorted(record.roll_call.no) == ["CHN", "RUS"]
    assert len(record.roll_call.yes) == 13 and record.roll_call.abstain == []


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "roll_calls/../../x.csv",
                                  "C:\\\\Windows\\\\win.ini"])
def test_a_path_leading_out_of_the_scenario_folder_is_refused(case_dir, name):
    path = edited(case_dir, "roll_call_file: roll_calls/sc_syria_icc_2014.csv",
                  f"roll_call_file: '{name}'")
    issue = errors_of(path)[0]
    assert issue.where == "history[0].roll_call_file"


def test_a_link_leading_out_of_the_scenario_folder_is_refused(case_dir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.csv"
    outside.write_text("iso3,vote\nFRA,yes\n", encoding="utf-8")
    (case_dir / "roll_calls" / "link.csv").symlink_to(outside)
    path = edited(case_dir, "roll_calls/sc_syria_icc_2014.csv", "roll_calls/link.csv")
    assert "leads out of the scenario's folder" in errors_of(path)[0].message


def test_a_missing_file_suggests_the_file_meant(case_dir):
    path = edited(case_dir, "sc_syria_icc_2014.csv", "sc_syria_icc_2104.csv")
    issue = errors_of(path)[0]
    assert "no file 'roll_calls/sc_syria_icc_2104.csv'" in issue.message
    assert "sc_syria_icc_2014.csv" in issue.hint


def test_a_bad_row_in_a_roll_call_is_reported_at_the_csv_line(case_dir):
    csv = case_dir / "roll_calls" / "sc_syria_icc_2014.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("CHN,China,no", "CHN,China,nay"),
                   encoding="utf-8")
    issue = next(i for i in errors_of(case_dir / "case.yaml") if i.file == str(csv))
    assert issue.line == 5 and "'nay'" in issue.message and "no" in issue.hint


def test_a_briefing_can_come_from_a_file_beside_the_scenario(case_dir):
    (case_dir / "briefings").mkdir()
    (case_dir / "briefings" / "sponsors.md").write_text("Read this first.\n", encoding="utf-8")
    path = edited(case_dir, "    briefing: >-\n      More than three years",
                  "    briefing_file: briefings/sponsors.md\n    notes: >-\n"
                  "      More than three years")
    text = path.read_text(encoding="utf-8").replace("    notes: >-\n", "    # notes\n", 1)
    text = text.replace("\n      More than three years", "\n      # More than three years", 1)
    path.write_text(_drop_comment_block(text), encoding="utf-8")
    assert load(path).spec.sides["sponsors"].briefing == "Read this first."


def _drop_comment_block(text: str) -> str:
    """Remove the sponsors' inline briefing lines left after the key was renamed."""
    lines, out, skipping = text.splitlines(), [], False
    for line in lines:
        if line.startswith("    # notes"):
            skipping = True
            continue
        if skipping and line.startswith("      "):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out) + "\n"


def test_a_scenario_read_from_text_cannot_name_files_without_a_folder():
    with pytest.raises(ScenarioError) as caught:
        load_text(SYRIA.read_text(encoding="utf-8"), "pasted.yaml")
    assert "was not read from a folder" in caught.value.issues[0].message
