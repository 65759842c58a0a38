"""The author's commands: validate, schema, new, audit; and the generated documentation."""
from __future__ import annotations

import json
import re

import pytest

from game.cli import build_parser, main
from game.scenario import docs, load
from helpers import ROOT, SCENARIOS, shipped_scenarios
from test_scenario_cases import CASE

README = SCENARIOS / "README.md"
LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): "
                  r"(?P<where>[^:]+): (?P<msg>.+)$")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_says_valid_and_exits_0_for_both_shipped_cases(capsys):
    code, out, _ = run(capsys, "validate", "dprk_2014", "syria_2014")
    assert code == 0
    assert out.count(": valid") == 2


def test_validate_lists_every_problem_as_file_line_col_and_exits_1(capsys, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(CASE.replace('sponsors_want: "no"', "sponsors_want: no")
                    .replace("members: [PRK, CUB]", "members: [PRK, CUB, FRN]")
                    .replace("    NOR: {sc_seat: E10}\n", ""), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    lines = out.strip().splitlines()
    parsed = [LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert {m["sev"] for m in parsed} == {"error"}
    assert lines[-1].endswith("2 error(s), 0 warning(s)")


def test_warnings_alone_do_not_make_validate_fail(capsys, tmp_path):
    path = tmp_path / "warned.yaml"
    path.write_text(CASE.replace("absent: 4}", "absent: 5}"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and "valid, with 1 warning(s)" in out


def test_validate_json_gives_the_same_issues_as_data(capsys, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(CASE.replace("year: 2014", "year: 2014\nyear: 2015"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--json", str(path))
    data = json.loads(out)
    assert code == 1 and data[0]["valid"] is False
    assert data[0]["issues"][0]["message"].startswith("duplicate key 'year'")


def test_validate_never_prints_a_traceback_for_a_missing_file_or_a_folder(capsys, tmp_path):
    for target in (str(tmp_path / "nowhere.yaml"), str(tmp_path)):
        code, out, err = run(capsys, "validate", target)
        assert code == 1 and "Traceback" not in out + err and "cannot read" in out


def test_schema_prints_a_json_schema_of_the_scenario_format(capsys):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["additionalProperties"] is False
    assert {"id", "members", "texts", "motions", "history"} <= set(schema["properties"])


def test_the_shipped_json_schema_file_is_the_generated_one():
    assert (SCENARIOS / docs.SCHEMA_FILE).read_text(encoding="utf-8") == \
        docs.json_schema_text(), "run: python main.py schema --write"


def test_the_readme_reference_is_exactly_the_generated_reference():
    text = README.read_text(encoding="utf-8")
    between = text.split(docs.BEGIN, 1)[1].split(docs.END, 1)[0]
    assert between == "\n" + docs.reference_markdown() + "\n", \
        "the reference in scenarios/README.md is stale: run python main.py schema --write"


def test_the_reference_documents_every_key_of_every_model():
    reference = docs.reference_markdown()
    for _, model in docs.models_in_order():
        for name, info in model.model_fields.items():
            assert f"| `{info.alias or name}` |" in reference, (model.__name__, name)
            assert info.description, f"{model.__name__}.{name} has no description"


def test_shipped_scenarios_point_editors_at_the_schema():
    for path in shipped_scenarios():
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={docs.SCHEMA_FILE}", path


def test_new_writes_a_file_that_validates_and_points_at_the_schema(capsys, tmp_path):
    target = tmp_path / "my_case.yaml"
    code, out, _ = run(capsys, "new", str(target))
    assert code == 0 and "valid" in out
    text = target.read_text(encoding="utf-8")
    schema = text.splitlines()[0].split("$schema=", 1)[1]
    assert schema.endswith(docs.SCHEMA_FILE)
    assert load(target).id == "my_case"


def test_new_from_a_scenario_copies_it_with_a_new_id_and_its_files(capsys, tmp_path):
    target = tmp_path / "elsewhere" / "my_syria.yaml"
    code, out, _ = run(capsys, "new", str(target), "--from", "syria_2014")
    assert code == 0 and "copied roll_calls/sc_syria_icc_2014.csv" in out
    scenario = load(target)
    assert scenario.id == "my_syria" and scenario.spec.history[0].roll_call is not None


def test_new_refuses_to_overwrite_and_refuses_a_bad_name(capsys, tmp_path):
    target = tmp_path / "case.yaml"
    target.write_text("x", encoding="utf-8")
    assert run(capsys, "new", str(target))[0] == 1
    code, _, err = run(capsys, "new", str(tmp_path / "My Case.yaml"))
    assert code == 1 and "my_case" in err


@pytest.mark.slow
def test_audit_reports_outcomes_dead_choices_and_speed_for_each_bot(capsys):
    code, out, _ = run(capsys, "audit", "syria_2014", "--runs", "3", "--json")
    data = json.loads(out)
    assert code == 0 and set(data["bots"]) == {"passive", "random", "greedy", "planner"}
    for bot in data["bots"].values():
        assert bot["games"] == 3 and sum(bot["outcomes"]["sc_referral"].values()) == 3
        assert bot["games_per_second"] > 0
    assert "sponsors: argument 'council_credibility'" in data["choices"]
    assert data["games_per_second"] > 0


@pytest.mark.slow
def test_audit_json_gives_each_sides_players_mean_points_and_win_rate(capsys):
    code, out, _ = run(capsys, "audit", "dprk_2014", "--runs", "1", "--side", "opposition",
                       "--opponent", "passive", "--json")
    data = json.loads(out)
    assert code == 0 and data["opponent"] == "passive" and set(data["sides"]) == {"opposition"}
    side = data["sides"]["opposition"]
    assert set(side["players"]) == {"passive", "random", "greedy", "planner"}
    for player in side["players"].values():
        assert {"mean_points", "win_rate"} <= set(player)
        assert 0 <= player["win_rate"] <= 1
    assert isinstance(side["traps"], dict) and isinstance(side["planner_choices"], dict)


@pytest.mark.slow
def test_audit_in_words_names_the_verdicts(capsys):
    code, out, _ = run(capsys, "audit", "syria_2014", "--runs", "2")
    assert code == 0
    assert "Verdicts:" in out and "games/s" in out and "sc_referral" in out


def test_audit_of_a_broken_file_lists_its_problems_and_exits_1(capsys, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: Bad Id\n", encoding="utf-8")
    code, _, err = run(capsys, "audit", str(path), "--runs", "1")
    assert code == 1 and "broken.yaml:1:5: error: id" in err


@pytest.mark.parametrize("command", ["forecast", "simulate"])
def test_both_shipped_cases_forecast_and_simulate(capsys, command):
    for name in ("dprk_2014", "syria_2014"):
        assert run(capsys, command, name)[0] == 0


def test_the_readme_walk_through_names_only_commands_that_exist(capsys):
    text = README.read_text(encoding="utf-8")
    commands = set(re.findall(r"python main\.py ([a-z]+)", text))
    known = build_parser()._subparsers._group_actions[0].choices
    assert commands and commands <= set(known)


def test_the_docs_and_examples_of_the_readme_match_real_messages(capsys, tmp_path):
    path = tmp_path / "traps.yaml"
    path.write_text(CASE.replace('sponsors_want: "no"', "sponsors_want: no"), encoding="utf-8")
    _, out, _ = run(capsys, "validate", str(path))
    message = LINE.match(out.splitlines()[0])["msg"]
    assert message in README.read_text(encoding="utf-8")


def test_the_syria_case_needs_no_code_in_game_that_names_syria():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "game").rglob("*.py")
                 if re.search(r"syria", p.read_text(encoding="utf-8"), re.I)]
    assert offenders == []
