"""The starting file ``python main.py new NAME`` writes: a small, valid case to fill in.

Every value a teacher must replace says TODO; the placeholders are not claims about any
country. ``{schema}`` and ``{id}`` are filled in by the command.
"""

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A new Plenary case. Fill in every TODO, then run: python main.py validate {path}
# The guide is scenarios/README.md; every key is listed in its reference section.
id: {id}
title: "TODO: the title shown on the title screen"
year: 2014
summary: >-
  TODO: a paragraph on what happened and what is at stake. Say where the facts come from
  in `sources` below.

sources:
  - id: todo_source
    title: "TODO: the document, article or dataset your facts come from"

members:
  from: un_2014            # the 193 Member States of 2014, with that year's Council

bodies:
  - id: plenary
    name: "General Assembly plenary"
    members: all
    majority: simple

texts:
  draft:
    symbol: "TODO: A/.../L.x"
    title: "TODO: the draft's title"
    paragraphs:
      - id: op_main
        kind: operative
        number: 1
        summary: "TODO: what the main operative paragraph does"
        editable: true
        variants:
          - id: original
            label: "As tabled"
            text: "TODO: summarise the paragraph as tabled"
            weight: 0.5
          - id: softened
            label: "Soften"
            text: "TODO: a milder wording the sponsors could accept"
            weight: 0.2

motions:
  - id: plenary_draft
    body: plenary
    symbol: "TODO: A/.../L.x"
    title: "TODO: the draft resolution"
    kind: draft
    text: draft

stages:
  - id: plenary
    body: plenary
    title: "TODO: the meeting"
    date: 2014-12-18
    motions: [plenary_draft]
    capital: 10
    days: 8

sides:
  sponsors:
    name: "TODO: the main sponsors"
    members: [CAN]         # TODO: placeholder; the ISO codes of the real main sponsors
    goal: "TODO: one sentence, e.g. adopt the draft with its main paragraph intact."
    briefing: >-
      TODO: what a player on the sponsors' side reads first (sourced, summarised).
  opposition:
    name: "TODO: the opposition"
    members: [BRA]         # TODO: placeholder; the ISO codes of those who lead the opposition
    goal: "TODO: one sentence."
    briefing: >-
      TODO: what a player on the opposition's side reads first.

arguments:
  - id: todo_sponsor_argument
    label: "TODO: a sponsors' argument"
    side: sponsors
    description: "TODO: what the sponsors say"
    base: 0.3
  - id: todo_opposition_argument
    label: "TODO: an opposition argument"
    side: opposition
    description: "TODO: what the opposition says"
    base: 0.3

model:                     # copy a calibrated block from a shipped case, or calibrate
  stance: {{intercept: 1.0, hr_ideal_point: 0.5}}
  cutpoints: [-2.4, 2.4]
  no_resolution: -0.4

history: []                # the real record: tallies and roll calls, for the debrief
"""
