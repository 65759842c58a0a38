"""Cross-reference checks: every problem at once, at its line, with 'did you mean'."""
from __future__ import annotations

import pytest

from game.scenario import ScenarioError, load_text
from helpers import SCENARIOS
from test_scenario_cases import CASE

TEXT = CASE
SYRIA = (SCENARIOS / "syria_2014.yaml").read_text(encoding="utf-8")


def issues_of(text: str) -> list:
    with pytest.raises(ScenarioError) as caught:
        load_text(text, "case.yaml", SCENARIOS)
    return caught.value.issues


def warnings_of(text: str) -> list:
    return list(load_text(text, "case.yaml", SCENARIOS).warnings)


def replace(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_an_unknown_key_suggests_the_key_meant():
    text = replace(TEXT, ('    title: "Committee"', '    tittle: "Committee"'))
    issue = next(i for i in issues_of(text) if "unknown key" in i.message)
    assert issue.where == "stages[0].tittle"
    assert issue.hint == "did you mean 'title'?"
    assert issue.line == line_of(text, "tittle")


def test_an_unknown_country_code_suggests_close_codes_with_names():
    text = replace(TEXT, ("members: [PRK, CUB]", "members: [PRK, CUB, FRN]"))
    issue = next(i for i in issues_of(text) if i.where == "sides.opposition.members[2]")
    assert issue.message == "unknown country code 'FRN'"
    assert "'FRA' (France)" in issue.hint


def test_a_country_name_where_a_code_is_meant_suggests_the_code():
    text = replace(TEXT, ("members: [PRK, CUB]", "members: [PRK, Cuba]"))
    issue = next(i for i in issues_of(text) if i.where == "sides.opposition.members[1]")
    assert "did you mean 'CUB' (Cuba)?" == issue.hint


def test_an_unknown_paragraph_in_an_amendment_suggests_the_paragraph_meant():
    text = replace(TEXT, ("delete: [op_main]", "delete: [op_mian]"))
    issue = next(i for i in issues_of(text) if i.where == "motions[0].delete[0]")
    assert issue.message == "unknown paragraph 'op_mian'" and "'op_main'" in issue.hint


def test_an_unknown_motion_in_a_stage_suggests_the_motion_meant():
    text = replace(TEXT, ("motions: [plenary_draft]", "motions: [plenary_drafts]"))
    issue = next(i for i in issues_of(text) if i.where == "stages[1].motions[0]")
    assert issue.hint == "did you mean 'plenary_draft'?"


def test_every_problem_in_a_file_is_reported_in_one_run():
    text = replace(TEXT, ('sponsors_want: "no"', "sponsors_want: no"),
                   ("members: [PRK, CUB]", "members: [PRK, CUB, FRN]"),
                   ("motions: [plenary_draft]", "motions: [plenary_drafts]"),
                   ("  lobby_decay: 0.5", "  lobby_decay: 1.5"),
                   ('title: "A test case"', 'titel: "A test case"'))
    wheres = {i.where for i in issues_of(text) if i.severity == "error"}
    assert {"motions[0].sponsors_want", "sides.opposition.members[2]", "stages[1].motions[0]",
            "model.lobby_decay", "titel", "title"} <= wheres


def test_a_problem_after_a_dropped_list_item_keeps_its_own_line():
    text = replace(TEXT, ("members: [PRK, CUB]", "members: [PRK, cuba, FRN]"))
    issues = {i.where: i for i in issues_of(text)}
    assert issues["sides.opposition.members[2]"].col > issues["sides.opposition.members[1]"].col


def test_a_tally_that_does_not_add_up_is_a_warning_and_the_case_still_loads():
    text = replace(TEXT, ("tally: {yes: 116, no: 20, abstain: 53, absent: 4}",
                          "tally: {yes: 116, no: 20, abstain: 53, absent: 5}"))
    messages = [w.message for w in warnings_of(text)]
    assert "tally adds up to 194, but the body has 193 members" in messages


def test_a_council_roll_call_is_checked_against_its_tally():
    text = replace(SYRIA, ("tally: {yes: 13, no: 2, abstain: 0, absent: 0}",
                           "tally: {yes: 12, no: 2, abstain: 1, absent: 0}"))
    messages = [w.message for w in warnings_of(text)]
    assert "roll call lists 13 yes but the tally says 12" in messages


def test_an_amendment_without_its_draft_in_the_stage_is_an_error():
    text = replace(TEXT, ("motions: [c3_amendment, c3_draft]", "motions: [c3_amendment]"))
    assert any("voted without its draft" in i.message for i in issues_of(text))


def test_a_motion_voted_in_two_stages_is_an_error():
    text = replace(TEXT, ("motions: [plenary_draft]", "motions: [plenary_draft, c3_draft]"))
    messages = [i.message for i in issues_of(text)]
    assert any("already voted in stage 1" in m for m in messages)


def test_an_offer_in_a_stage_without_a_draft_is_an_error():
    offer = ("offers:\n  - {id: deal, by: someone, stage: security_council, "
             "description: d, drop: [op_exemption]}\n\nmodel:")
    text = replace(SYRIA, ("\nmodel:", "\n" + offer))
    issue = next(i for i in issues_of(text) if "votes no draft" in i.message)
    assert issue.where == "offers[0].stage"


def test_duplicate_ids_are_reported_at_the_second():
    text = replace(TEXT, ("{id: accountability,", "{id: evidence,"))
    issue = next(i for i in issues_of(text) if "have the id 'evidence'" in i.message)
    assert issue.where == "arguments[1].id"


def test_cutpoints_that_do_not_rise_are_an_error():
    text = replace(SYRIA, ("cutpoints: [-1.6237, 1.6237]", "cutpoints: [1.6237, -1.6237]"))
    assert any(i.where == "model.cutpoints" for i in issues_of(text))


def test_an_unknown_feature_name_in_the_model_suggests_the_feature():
    text = replace(SYRIA, ("affinity: {e10: 0.2}", "affinity: {e11: 0.2}"))
    issue = next(i for i in issues_of(text) if "e11" in i.where)
    assert "'e10'" in issue.hint


def test_an_objective_naming_a_missing_motion_is_an_error():
    text = replace(SYRIA, ("    motion: sc_referral\n    outcome: [adopted]\n",
                           "    motion: sc_refferal\n    outcome: [adopted]\n"))
    issue = next(i for i in issues_of(text) if i.where == "objectives[0].motion")
    assert "'sc_referral'" in issue.hint


def test_a_missing_side_and_a_missing_briefing_are_errors():
    text = replace(SYRIA, ("    briefing: >-\n      Russia's", "    goal2: >-\n      Russia's"))
    messages = [i.message for i in issues_of(text)]
    assert "missing required key 'briefing'" in messages
