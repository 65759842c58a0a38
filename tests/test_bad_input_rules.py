"""Bad input about the rules of the game that used to get through: an empty scenario argument,
a vote with nobody voting, a Council threshold other than the Charter's."""
from __future__ import annotations

import numpy as np
import pytest

from game.procedure import Rule, decide, explain
from game.scenario import load_text
from helpers import SCENARIOS
from test_scenario_cases import CASE


@pytest.mark.parametrize("args, named", [
    (["validate", ""], "argument SCENARIO"),
    (["simulate", ""], "argument scenario"),
    (["forecast", ""], "argument scenario"),
    (["simulate", "--decisions", ""], "argument --decisions"),
    (["play", "--decisions", ""], "argument --decisions"),
    (["replay", "--scenario", "", "game.jsonl"], "argument --scenario"),
    (["audit", " "], "argument scenario"),
])
def test_an_empty_scenario_or_file_argument_is_a_usage_error_not_the_default_case(
        cli, args, named):
    run = cli(*args)
    assert run.returncode == 1 and run.stdout == ""
    assert named in run.stderr and "is empty; give" in run.stderr
    assert "Traceback" not in run.stderr and "--help" in run.stderr


def test_a_scenario_left_out_still_means_the_default_case(cli):
    assert "score:" in cli("simulate", "--seed", "1", check=True).stdout


def outcome_line(rule: Rule, counts: list[int]) -> str:
    tally = np.array([counts])
    _, code = decide(tally, np.array([False]), rule)
    return explain(int(code[0]), tally[0], rule)


@pytest.mark.parametrize("rule", [Rule(majority="two_thirds"), Rule()])
def test_a_vote_where_nobody_votes_yes_or_no_says_so_instead_of_needs_0(rule):
    line = outcome_line(rule, [0, 0, 12, 181])
    assert "no delegation voted in favour or against" in line and "not adopted" in line
    assert "needs 0" not in line and "equally divided" not in line


def test_a_committee_vote_where_nobody_votes_uses_the_committees_own_verb():
    assert outcome_line(Rule(word="approved"), [0, 0, 5, 0]).endswith("is not approved")


def test_an_ordinary_two_thirds_vote_still_names_the_votes_it_needs():
    assert "two-thirds majority needs 100, got 99" in outcome_line(
        Rule(majority="two_thirds"), [99, 50, 40, 4])


COUNCIL = """\
  - id: security_council
    name: "Security Council"
    members: security_council
    affirmative_votes: {votes}
    veto: true
"""


def council_case(votes: int) -> str:
    """The test case with a Security Council (its 15 seats of 2014) among its bodies."""
    plenary = '  - id: plenary\n    name: "Plenary"\n'
    assert plenary in CASE
    return CASE.replace(plenary, plenary + COUNCIL.format(votes=votes), 1)


def test_a_council_that_needs_eight_votes_is_warned_about_article_27():
    text = council_case(8)
    warnings = [w for w in load_text(text, "case.yaml", SCENARIOS).warnings
                if "Article 27" in w.message]
    assert len(warnings) == 1
    warning = warnings[0]
    assert warning.severity == "warning" and warning.where == "bodies[2].affirmative_votes"
    assert warning.line == text[:text.index("affirmative_votes: 8")].count("\n") + 1
    assert "8 affirmative votes" in warning.message and "requires 9" in warning.message
    assert "affirmative_votes: 9" in warning.hint


def test_a_council_that_needs_nine_votes_gets_no_warning():
    assert load_text(council_case(9), "case.yaml", SCENARIOS).warnings == ()
