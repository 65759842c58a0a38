"""A small General Assembly case the scenario tests break in many ways.

The tests do not lean on the shipped DPRK file, which others tune; this case has one of each
thing the checks look at (an amendment, an offer, two stages, a history entry). It is a test
fixture, not a real case: its motions and texts are placeholders.
"""
from __future__ import annotations

from game.scenario import load_text
from helpers import SCENARIOS

CASE = """\
id: test_case
title: "A test case"
year: 2014
summary: "A fixture for the scenario tests."
sources:
  - id: src
    title: "A source"
members:
  from: un_2014
  overrides:
    NGA: {sc_seat: none}
    NOR: {sc_seat: E10}
bodies:
  - id: third_committee
    name: "Third Committee"
    members: all
    majority: simple
  - id: plenary
    name: "Plenary"
texts:
  draft:
    symbol: "A/C.3/00/L.1"
    title: "A draft"
    paragraphs:
      - id: op_main
        kind: operative
        number: 1
        summary: "The main paragraph"
        editable: true
        variants:
          - {id: original, label: "As tabled", text: "Main.", weight: 0.5, tags: [icc_referral]}
          - {id: softened, label: "Soften", text: "Milder.", weight: 0.2}
      - id: op_other
        kind: operative
        number: 2
        summary: "Another paragraph"
        variants:
          - {id: original, label: "As tabled", text: "Other.", weight: 0.2}
      - id: op_dialogue
        kind: operative
        number: 3
        summary: "Dialogue"
        initially: absent
        variants:
          - {id: original, label: "Add", text: "Dialogue.", weight: -0.2}
motions:
  - id: c3_amendment
    body: third_committee
    symbol: "A/C.3/00/L.2"
    title: "An amendment"
    kind: amendment
    amends: c3_draft
    delete: [op_main]
    insert: [op_dialogue]
    proposer: Cuba
    sponsors_want: "no"
  - id: c3_draft
    body: third_committee
    symbol: "A/C.3/00/L.1"
    title: "The draft"
    kind: draft
    text: draft
  - id: plenary_draft
    body: plenary
    symbol: "A/00/1"
    title: "The draft in plenary"
    kind: draft
    text: draft
stages:
  - id: committee
    body: third_committee
    title: "Committee"
    date: 2014-11-18
    motions: [c3_amendment, c3_draft]
    capital: 12
    days: 10
  - id: plenary
    body: plenary
    title: "Plenary"
    date: 2014-12-18
    motions: [plenary_draft]
    capital: 8
    days: 8
    requires: [c3_draft]
sides:
  sponsors:
    name: "Sponsors"
    members: [AUT, JPN]
    goal: "Adopt the draft."
    briefing: "A briefing."
  opposition:
    name: "Opposition"
    members: [PRK, CUB]
    goal: "Defeat it."
    briefing: "A briefing."
arguments:
  - {id: evidence, label: "Evidence", side: sponsors, description: "d", base: 0.8}
  - {id: accountability, label: "Accountability", side: sponsors, description: "d", base: 0.6,
     affinity: {icc_state_party: 0.3}}
  - {id: non_selectivity, label: "Non-selectivity", side: opposition, description: "d", base: 0.8}
offers:
  - id: visit
    by: "someone"
    stage: committee
    description: "An offer."
    drop: [op_main]
    goodwill: {nam: 0.2}
costs:
  lobby: {capital: 1, days: 1}
model:
  stance: {intercept: 1.5, hr_ideal_point: 0.5}
  cutpoints: [-2.4, 2.4]
  lobby_decay: 0.5
history:
  - motion: plenary_draft
    date: 2014-12-18
    outcome: "Adopted"
    tally: {yes: 116, no: 20, abstain: 53, absent: 4}
    sources: [src]
objectives:
  - id: adopted
    label: "The plenary adopts the draft"
    motion: plenary_draft
    outcome: [adopted]
    text_keeps: {op_main: original}
"""


def test_the_fixture_case_loads_without_a_problem():
    scenario = load_text(CASE, "case.yaml", SCENARIOS)
    assert scenario.warnings == ()
    assert len(scenario.members) == 193
