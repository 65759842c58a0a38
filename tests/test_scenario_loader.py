"""Reading a scenario file: YAML's traps give clear messages, never wrong values or tracebacks.

Each test breaks a small test case (test_scenario_cases.py) in one way (or feeds a small document)
and checks the message a teacher would read, with its line.
"""
from __future__ import annotations

import time

import pytest

from game.scenario import ScenarioError, load, load_text
from game.scenario.yamlsrc import MAX_DEPTH
from helpers import SCENARIOS
from test_scenario_cases import CASE

TEXT = CASE


def issues_of(text: str) -> list:
    """Every issue the loader reports for ``text`` (which must fail to load)."""
    with pytest.raises(ScenarioError) as caught:
        load_text(text, "case.yaml", SCENARIOS)
    return caught.value.issues


def broken(old: str, new: str) -> str:
    """The test case with one piece of text replaced (it must occur)."""
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def only_error(text: str):
    errors = [i for i in issues_of(text) if i.severity == "error"]
    assert len(errors) == 1, [i.format() for i in errors]
    return errors[0]


def test_both_shipped_cases_load_without_errors():
    for name in ("dprk_2014", "syria_2014"):
        scenario = load(SCENARIOS / f"{name}.yaml")
        assert scenario.id == name
        assert not [w for w in scenario.warnings if w.severity == "error"]


def test_a_bare_no_where_a_ballot_is_meant_is_reported_with_its_line():
    text = broken('sponsors_want: "no"', "sponsors_want: no")
    issue = only_error(text)
    assert issue.line == line_of(text, "sponsors_want: no")
    assert issue.where == "motions[0].sponsors_want"
    assert "'no' was read by YAML as false" in issue.message
    assert "quote" in issue.hint


def test_norway_written_bare_as_no_is_not_lost_as_false():
    text = broken("members: [PRK, CUB]", "members: [PRK, CUB, NO]")
    issue = only_error(text)
    assert issue.where == "sides.opposition.members[2]"
    assert "'NO' was read by YAML as false" in issue.message
    assert "NOR" in issue.hint


@pytest.mark.parametrize("word", ["yes", "on", "off", "YES", "Off"])
def test_every_yaml_boolean_word_where_text_is_meant_is_reported(word):
    issue = only_error(broken("proposer: Cuba", f"proposer: {word}"))
    assert f"{word!r} was read by YAML as" in issue.message


def test_yes_where_a_number_is_meant_is_an_error_not_silently_one():
    issue = only_error(broken("capital: 12", "capital: yes"))
    assert issue.where == "stages[0].capital"


def test_a_quoted_no_is_the_word_and_loads():
    assert load_text(TEXT, "case.yaml", SCENARIOS).motion("c3_amendment").sponsors_want == "no"


def test_a_tab_in_the_indentation_is_reported_on_every_line_that_has_one():
    text = broken("    majority: simple\n  - id: plenary\n    name",
                  "\tmajority: simple\n  - id: plenary\n\tname")
    issues = issues_of(text)
    assert {i.line for i in issues} == {line_of(text, "\tmajority"), line_of(text, "\tname")}
    assert all("tab" in i.message and "spaces" in i.message for i in issues)


def test_a_duplicate_key_is_reported_at_the_second_with_the_line_of_the_first():
    text = broken("year: 2014\n", "year: 2014\nyear: 2015\n")
    issue = only_error(text)
    assert issue.line == line_of(text, "year: 2015")
    assert f"first on line {line_of(text, 'year: 2014')}" in issue.message


def test_an_unquoted_colon_in_a_title_gets_a_hint_to_quote_it():
    issue = only_error("id: x\ntitle: Syria: the vote\n")
    assert issue.line == 2 and "quote" in issue.hint


def test_a_number_where_text_is_meant_asks_for_quotes():
    issue = only_error(broken("proposer: Cuba", "proposer: 1234"))
    assert "read as a number" in issue.message and "'1234'" in issue.hint


def test_an_impossible_date_is_reported_not_raised():
    issue = only_error(broken("date: 2014-11-18\n", "date: 2014-13-45\n"))
    assert "'2014-13-45' is not a valid date" in issue.message


def test_python_object_tags_are_refused_without_being_constructed():
    issues = issues_of("id: !!python/object/apply:os.system ['echo unsafe']\n")
    assert any("!!python/object/apply:os.system is not allowed" in i.message for i in issues)


def test_a_billion_laughs_file_is_rejected_fast():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]
    start = time.perf_counter()
    issue = only_error("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert "expands to more than" in issue.message


def test_an_alias_inside_its_own_anchor_is_rejected():
    assert "refers to a value that contains it" in only_error("a: &x [1, *x]\n").message


def test_deep_nesting_is_rejected_before_python_recursion():
    issue = only_error("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert f"more than {MAX_DEPTH} levels" in issue.message


def test_a_merge_key_brings_in_an_anchored_mapping():
    text = broken("  lobby: {capital: 1, days: 1}", "  lobby: &cheap {capital: 1, days: 1}\n"
                  "  seek_cosponsor: {<<: *cheap, days: 3}")
    cost = load_text(text, "case.yaml", SCENARIOS).spec.costs.seek_cosponsor
    assert (cost.capital, cost.days) == (1, 3)


def test_an_empty_file_and_a_list_are_reported_as_such():
    assert "empty" in only_error("# nothing here\n").message
    assert "expected a mapping" in only_error("- a\n- b\n").message


def test_a_file_that_is_not_utf8_is_reported_with_its_byte(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Côte d'Ivoire\n".encode("latin-1"))
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert "not UTF-8" in caught.value.issues[0].message


def test_a_huge_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("# " + "x" * 2_100_000 + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load(path)
    assert "larger than" in caught.value.issues[0].message


def test_a_missing_file_is_a_scenario_error_not_an_oserror(tmp_path):
    with pytest.raises(ScenarioError) as caught:
        load(tmp_path / "nowhere.yaml")
    assert "cannot read" in caught.value.issues[0].message


def test_non_finite_numbers_are_refused():
    issue = only_error(broken("lobby_decay: 0.5", "lobby_decay: .nan"))
    assert issue.where == "model.lobby_decay" and "finite" in issue.message
