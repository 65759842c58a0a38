"""Member States from the shipped 2014 data, changed only where a case differs."""
from __future__ import annotations

import pytest

from game.scenario import ScenarioError, load_text
from game.scenario.files import resolve, shipped
from game.scenario.models import Members
from helpers import SCENARIOS
from test_scenario_cases import CASE


def test_the_shipped_2014_data_has_193_members_and_the_2014_council():
    members = shipped("un_2014")
    assert len(members) == len({m.iso3 for m in members}) == 193
    council = {m.iso3: m.sc_seat for m in members if m.sc_seat}
    assert {k for k, v in council.items() if v == "P5"} == {"CHN", "FRA", "GBR", "RUS", "USA"}
    assert {k for k, v in council.items() if v == "E10"} == {
        "ARG", "AUS", "CHL", "JOR", "KOR", "LTU", "LUX", "NGA", "RWA", "TCD"}


def test_an_unknown_data_set_name_is_a_key_error():
    with pytest.raises(KeyError):
        shipped("un_1999")


def test_overrides_change_only_the_fields_given():
    base = {m.iso3: m for m in shipped("un_2014")}
    members = {m.iso3: m for m in resolve(Members.model_validate(
        {"from": "un_2014", "overrides": {"NOR": {"sc_seat": "E10", "hrc_member": True}}}))}
    assert members["NOR"].sc_seat == "E10" and members["NOR"].hrc_member
    assert members["NOR"].ideal_point == base["NOR"].ideal_point
    assert members["NOR"].blocs == base["NOR"].blocs


def test_none_removes_a_shipped_council_seat():
    members = {m.iso3: m for m in resolve(Members.model_validate(
        {"from": "un_2014", "overrides": {"NGA": {"sc_seat": "none"}}}))}
    assert members["NGA"].sc_seat is None


def test_remove_and_add_change_the_membership_and_keep_it_sorted():
    members = resolve(Members.model_validate({
        "from": "un_2014", "remove": ["SSD"],
        "add": [{"iso3": "XKX", "name": "A new member", "ideal_point": 0.1}]}))
    codes = [m.iso3 for m in members]
    assert "SSD" not in codes and "XKX" in codes and codes == sorted(codes)


def test_the_test_case_takes_its_council_from_the_shipped_data_with_two_changes():
    scenario = load_text(CASE, "case.yaml", SCENARIOS)
    seats = {m.iso3 for m in scenario.members if m.sc_seat}
    assert "NOR" in seats and "NGA" not in seats and len(seats) == 15


def test_an_override_of_an_unknown_code_suggests_the_code_meant():
    text = CASE.replace("    NOR: {sc_seat: E10}", "    NRW: {sc_seat: E10}")
    with pytest.raises(ScenarioError) as caught:
        load_text(text, "case.yaml", SCENARIOS)
    issue = next(i for i in caught.value.issues if i.where == "members.overrides.NRW")
    assert "unknown country code 'NRW'" in issue.message and "'NOR'" in issue.hint


def test_a_council_without_fifteen_seats_is_a_warning():
    text = CASE.replace("    NOR: {sc_seat: E10}\n", "") + (
        "\n".join(["", "bodies_extra: null"]) * 0)
    text = text.replace("  - id: plenary\n    name: \"Plenary\"\n",
                        "  - id: plenary\n    name: \"Plenary\"\n  - id: council\n"
                        "    name: \"Council\"\n    members: security_council\n"
                        "    affirmative_votes: 9\n    veto: true\n")
    warnings = load_text(text, "case.yaml", SCENARIOS).warnings
    assert any("14 members have a Council seat" in w.message for w in warnings)
