"""Numbers YAML 1.1 reads otherwise than a teacher wrote them: a leading zero (octal), colons
(base 60), and a hint that quotes what was typed, never the value YAML made of it."""
from __future__ import annotations

import pytest

from game.scenario import ScenarioError, load_text
from game.scenario.yamlsrc import parse
from helpers import SCENARIOS
from test_scenario_cases import CASE


def broken(old: str, new: str) -> str:
    assert old in CASE, old
    return CASE.replace(old, new, 1)


def errors_of(text: str) -> list:
    with pytest.raises(ScenarioError) as caught:
        load_text(text, "case.yaml", SCENARIOS)
    return [i for i in caught.value.issues if i.severity == "error"]


def only_error(text: str):
    errors = errors_of(text)
    assert len(errors) == 1, [i.format() for i in errors]
    return errors[0]


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_a_leading_zero_is_refused_not_read_as_octal():
    text = broken("    capital: 12\n", "    capital: 010\n")
    issue = only_error(text)
    assert (issue.file, issue.line) == ("case.yaml", line_of(text, "capital: 010"))
    assert issue.where == "stages[0].capital"
    assert "'010' was read by YAML as 8" in issue.message and "octal" in issue.message
    assert issue.hint == "write 10 (no leading zero) or put it in quotes: '010'"


def test_a_paragraph_numbered_with_a_leading_zero_does_not_become_op_8():
    issue = only_error(broken("        number: 2\n", "        number: 010\n"))
    assert issue.where == "texts.draft.paragraphs[1].number"
    assert "read by YAML as 8" in issue.message and "write 10" in issue.hint


def test_a_tally_with_a_leading_zero_that_is_not_octal_is_refused_too():
    issue = only_error(broken("tally: {yes: 116, no: 20,", "tally: {yes: 116, no: 019,"))
    assert issue.where == "history[0].tally.no"
    assert "'019' starts with a zero" in issue.message
    assert issue.hint == "write 19 (no leading zero) or put it in quotes: '019'"


def test_a_quoted_number_with_a_leading_zero_is_what_the_author_asked_for():
    scenario = load_text(broken("    capital: 12\n", "    capital: '010'\n"), "case.yaml",
                         SCENARIOS)
    assert scenario.spec.stages[0].capital == 10


def test_text_with_a_leading_zero_stays_the_text_written():
    scenario = load_text(broken('symbol: "A/00/1"', "symbol: 019"), "case.yaml", SCENARIOS)
    assert scenario.motion("plenary_draft").symbol == "019"


def test_an_octal_looking_number_where_text_is_meant_asks_only_for_quotes():
    issue = only_error(broken('symbol: "A/00/1"', "symbol: 0123"))
    assert "read by YAML as 83" in issue.message and issue.hint == "put it in quotes: '0123'"


def test_a_time_like_value_is_refused_not_read_in_base_60():
    text = broken("    days: 10\n", "    days: 1:30\n")
    issue = only_error(text)
    assert (issue.line, issue.where) == (line_of(text, "days: 1:30"), "stages[0].days")
    assert "'1:30' was read by YAML as 90" in issue.message and "base 60" in issue.message
    assert "without ':'" in issue.hint and "'1:30'" in issue.hint


def test_a_time_like_title_is_kept_as_text_once_quoted_as_the_hint_says():
    issue = only_error(broken('title: "A test case"', "title: 12:30"))
    assert issue.hint == "put it in quotes: '12:30'"
    quoted = broken('title: "A test case"', f"title: {issue.hint.split(': ', 1)[1]}")
    assert load_text(quoted, "case.yaml", SCENARIOS).spec.title == "12:30"


@pytest.mark.parametrize("typed", ["3.10", "1.0e+3", "0x1F", "2014-05-02"])
def test_the_hint_to_quote_a_value_quotes_what_was_typed_not_what_yaml_read(typed):
    issue = only_error(broken('title: "A test case"', f"title: {typed}"))
    assert "read as a number or date" in issue.message
    assert issue.hint == f"put it in quotes: '{typed}'"


def test_the_reader_keeps_the_text_written_for_every_value_not_read_as_text():
    src = parse("a: 3.10\nb: text\nc: 010\nd: ~\n", "x.yaml")
    assert src.written == {("a",): "3.10", ("c",): "010", ("d",): "~"}
    assert src.numbers == {("c",): ("010", 8)}
