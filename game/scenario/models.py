"""The schema of a scenario file (pydantic models), from its constrained types up.

Every model forbids unknown keys so that a typo in a teacher's file is reported, not ignored.
Field descriptions and examples double as the authoring reference: the reference section of
``scenarios/README.md`` and ``scenarios/scenario.schema.json`` are generated from them
(``python main.py schema --write``), and a test fails when they drift apart.
"""
from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field

# The constrained types (fields) and the model section (model_block) are modules of their own.
from .fields import (
    Bloc,
    Ident,
    Iso3,
    LanguageCode,
    MotionKind,
    PastBallot,
    RegionalGroup,
    RelPath,
    SideName,
    Strict,
    TextPath,
)
from .model_block import Backtest, Fact, ModelCoefficients
from .play_block import Argument, Costs, Offer, Side


class Source(Strict):
    """A document the scenario's facts come from; cite it by `id` in `history`."""

    id: Ident = Field(description="Short id used to cite this source elsewhere in the file.",
                      examples=["sc_11407"])
    title: str = Field(description="Title of the document, article or dataset.",
                       examples=["Press release SC/11407"])
    url: str | None = Field(None, description="Where a reader can find it.",
                            examples=["https://press.un.org/en/2014/sc11407.doc.htm"])
    date: datetime.date | None = Field(None, description="Publication date.",
                                       examples=["2014-05-22"])


class Member(Strict):
    """One Member State and the public facts the vote model reads."""

    iso3: Iso3 = Field(description="ISO 3166-1 alpha-3 code, three capitals.", examples=["NOR"])
    name: str = Field(description="Short UN name.", examples=["Norway"])
    regional_group: RegionalGroup | None = Field(
        None, description="UN regional group; null where the state sat in none (Kiribati in 2014).",
        examples=["Western European and Others"])
    blocs: list[Bloc] = Field(default_factory=list, description="Bloc memberships.",
                              examples=[["EU"]])
    icc_state_party: bool = Field(False, description="Party to the Rome Statute at the time.")
    hrc_member: bool = Field(False, description="Seat on the Human Rights Council that year.")
    sc_seat: Literal["P5", "E10"] | None = Field(
        None, description="Security Council seat that year: P5 (permanent), E10 (elected) or null.")
    ideal_point: float = Field(description="UN-voting ideal point (higher = closer to the US).",
                               examples=[1.2])
    hr_ideal_point: float | None = Field(
        None, description="Human-rights-specific ideal point; null if unknown (imputed from "
                          "ideal_point by the model).")
    past_votes: dict[str, PastBallot] = Field(
        default_factory=dict,
        description="Votes on earlier versions of the same resolution, keyed by year. Quote "
                    "the ballots: a bare `yes` or `no` is read by YAML as true/false.",
        examples=[{"2010": "yes", "2011": "abstain"}])


class MemberOverride(Strict):
    """Fields to change on one shipped member; anything left out keeps the shipped value."""

    name: str | None = Field(None, description="Short UN name.")
    regional_group: RegionalGroup | None = Field(None, description="UN regional group.")
    blocs: list[Bloc] | None = Field(None, description="Bloc memberships (replaces the list).")
    icc_state_party: bool | None = Field(None, description="Party to the Rome Statute.")
    hrc_member: bool | None = Field(None, description="Seat on the Human Rights Council.")
    sc_seat: Literal["P5", "E10", "none"] | None = Field(
        None, description="Security Council seat; 'none' removes a shipped seat.",
        examples=["E10"])
    ideal_point: float | None = Field(None, description="UN-voting ideal point.")
    hr_ideal_point: float | None = Field(None, description="Human-rights ideal point.")
    past_votes: dict[str, PastBallot] | None = Field(
        None, description="Votes on earlier versions of the resolution (replaces the map).")


class Members(Strict):
    """Where the Member States come from: shipped data, then your changes."""

    from_: Literal["un_2014"] | None = Field(
        None, alias="from",
        description="Start from data shipped with the game: 'un_2014' is all 193 Member States "
                    "in 2014, with that year's Security Council (sources in "
                    "game/data/un_2014/SOURCES.md).",
        examples=["un_2014"])
    past_votes: Literal["dprk_hr"] | None = Field(
        None, description="Earlier votes on the same resolution, from the shipped data: "
                          "'dprk_hr' = each member's votes on the General Assembly resolutions "
                          "on human rights in the DPRK, 2005-2011. Leave it out for any other "
                          "case (the model then has no past-votes input).",
        examples=["dprk_hr"])
    overrides: dict[Iso3, MemberOverride] = Field(
        default_factory=dict, description="Per-member changes to the shipped facts, by ISO code.",
        examples=[{"NGA": {"sc_seat": "none"}}])
    facts: dict[Ident, Fact] = Field(
        default_factory=dict,
        description="Member facts computed from the shipped record of General Assembly votes "
                    "(game/data/unvotes): each id becomes a feature the model can read in "
                    "`model.stance`, like the built-in ones. A fact may not come from the vote "
                    "it helps predict: validation checks that every roll call it uses is dated "
                    "before each vote in `history` that has a roll call.",
        examples=[{"iran": {"kind": "record", "resolutions": ["A/RES/68/184"],
                            "label": "the resolution on human rights in Iran"}}])
    add: list[Member] = Field(default_factory=list, description="Members written out in full.")
    remove: list[Iso3] = Field(default_factory=list, description="Shipped members to leave out.",
                               examples=[["SSD"]])


class Variant(Strict):
    """One wording a paragraph can take."""

    id: Ident = Field(description="Id of this wording within its paragraph.",
                      examples=["original"])
    label: str = Field(description="Short button label.",
                       examples=["Soften: no mention of the ICC"])
    text: str = Field(description="The wording (summarise; do not paste long UN text).")
    weight: float = Field(ge=-20, le=20,
                          description="How far this wording pushes the text towards scrutiny "
                                      "(0 = neutral, negative = conciliatory).", examples=[0.6])
    tags: list[Ident] = Field(default_factory=list, description="What the wording does; tag "
                              "effects in `model.tag_effects`.",
                              examples=[["icc_referral", "chapter_vii"]])


class Paragraph(Strict):
    """A preambular or operative paragraph of a draft."""

    id: Ident = Field(description="Id, unique within the text.", examples=["op_refer"])
    kind: Literal["preambular", "operative"] = Field(description="PP or OP.")
    number: int = Field(ge=1, le=1000, description="Number as printed in the draft.",
                        examples=[2])
    summary: str = Field(description="One line, shown in lists.",
                         examples=["Refers the situation to the ICC Prosecutor"])
    variants: list[Variant] = Field(min_length=1, description="Possible wordings; the first is "
                                    "the one tabled unless `initially` says otherwise.")
    initially: Ident | Literal["absent"] | None = Field(
        None, description="Variant in the tabled draft, or 'absent' for language the sponsors "
                          "may add later. Default: the first variant.", examples=["absent"])
    editable: bool = Field(False, description="Whether the sponsors may revise this paragraph.")


class Text(Strict):
    """A draft resolution's text."""

    symbol: str = Field(description="UN document symbol.", examples=["S/2014/348"])
    title: str = Field(description="Title of the draft.")
    paragraphs: list[Paragraph] = Field(min_length=1, description="Its paragraphs.")


class Body(Strict):
    """An organ that votes: a Main Committee, the plenary, the Security Council."""

    id: Literal["third_committee", "plenary", "security_council"] | Ident = Field(
        description="Id used by motions and stages.", examples=["security_council"])
    name: str = Field(description="Shown on screen.", examples=["Security Council"])
    members: Literal["all", "security_council"] = Field(
        "all", description="Who votes: every Member State, or the 15 Council members "
                           "(members with an `sc_seat`).")
    majority: Literal["simple", "two_thirds"] = Field(
        "simple", description="General Assembly: majority of members present and voting.")
    affirmative_votes: int | None = Field(
        None, ge=1, le=200,
        description="Security Council: affirmative votes needed (9 under Art. 27).", examples=[9])
    veto: bool = Field(False, description="A negative vote of a permanent member blocks a "
                                          "substantive question (never a procedural one).")
    adopted_word: str = Field(
        "adopted", description="The body's own verb for a successful vote: a Main Committee "
                               "'approves' a draft, the plenary and the Council 'adopt'.",
        examples=["approved"])


class Motion(Strict):
    """Something put to a recorded vote."""

    id: Ident = Field(description="Id used by stages, `requires` and `history`.",
                      examples=["sc_referral"])
    body: Ident = Field(description="Id of a body in `bodies`.", examples=["security_council"])
    symbol: str = Field(description="Document symbol or a short name.", examples=["S/2014/348"])
    title: str = Field(description="Shown on screen.")
    kind: MotionKind = Field(description="amendment, draft (GA), procedural or substantive "
                                         "(Council; only substantive questions can be vetoed).")
    text: Ident | None = Field(None, description="Text voted: id of an entry in `texts`. Drafts "
                               "of the same text share the sponsors' revisions.",
                               examples=["referral"])
    amends: Ident | None = Field(None, description="Amendment: id of the draft motion amended.")
    delete: list[Ident] = Field(default_factory=list, description="Amendment: paragraphs deleted.")
    insert: list[Ident] = Field(default_factory=list, description="Amendment: paragraphs "
                                "(ids in the amended text) inserted.")
    proposer: str | None = Field(None, description="Who moves it.", examples=["France"])
    sponsors_want: Literal["yes", "no"] = Field(
        "yes", description="The outcome the sponsors work for. Quote it: 'no'.")
    important: bool = Field(False, description="GA: needs two thirds of present and voting.")
    optional: bool = Field(False, description="Put to the vote only if the side in "
                           "`tabled_by` tables it.")
    tabled_by: SideName = Field("sponsors", description="Optional motion: the side that "
                                "decides whether to table it (e.g. an amendment from the floor).")
    requires: list[Ident] = Field(default_factory=list,
                                  description="Motions that must be adopted before this one.")


class Stage(Strict):
    """A meeting: the lobbying before it, then its votes."""

    id: Ident = Field(description="Id of the stage.", examples=["security_council"])
    body: Ident = Field(description="Id of the body that meets.")
    title: str = Field(description="Shown on screen.",
                       examples=["Security Council, 7180th meeting"])
    date: datetime.date = Field(description="Date of the meeting.", examples=["2014-05-22"])
    motions: list[Ident] = Field(min_length=1, description="Voted in this order "
                                 "(the engine still puts amendments before their draft).")
    capital: int = Field(10, ge=0, le=1000,
                         description="Diplomatic capital the sponsors may spend here.")
    opposition_capital: int | None = Field(
        None, ge=0, le=1000, description="The opposition's capital here; default: same as "
                                          "`capital`.", examples=[6])
    days: int = Field(10, ge=1, le=365, description="Working days before the vote.")
    requires: list[Ident] = Field(default_factory=list,
                                  description="Motions that must be adopted for the stage to meet.")


class Tally(Strict):
    """A recorded vote's numbers."""

    yes: int = Field(ge=0, le=1000, description="In favour.")
    no: int = Field(ge=0, le=1000, description="Against.")
    abstain: int = Field(ge=0, le=1000, description="Abstentions.")
    absent: int | None = Field(None, ge=0, le=1000, description="Absent (null if unknown).")


class RollCall(Strict):
    """Who voted how: ISO codes per ballot."""

    yes: list[Iso3] = Field(default_factory=list, description="In favour.")
    no: list[Iso3] = Field(default_factory=list, description="Against.")
    abstain: list[Iso3] = Field(default_factory=list, description="Abstained.")
    absent: list[Iso3] = Field(default_factory=list, description="Did not vote.")


class HistoricalVote(Strict):
    """What really happened: used for calibration and the debrief, never as a model input."""

    motion: Ident = Field(description="Id of the motion.")
    date: datetime.date = Field(description="Date of the vote.", examples=["2014-05-22"])
    outcome: str = Field(description="What happened, in a phrase.",
                         examples=["Not adopted: vetoed by China and Russia"])
    tally: Tally | None = Field(None, description="Null for a vote never held.",
                                examples=[{"yes": 13, "no": 2, "abstain": 0, "absent": 0}])
    roll_call: RollCall | None = Field(None, description="Per-member record written out.")
    roll_call_file: RelPath | None = Field(
        None, description="Or: a CSV file with columns `iso3` and `vote` (yes, no, abstain, "
                          "absent), relative to the scenario's folder; the loader reads it into "
                          "`roll_call`.", examples=["roll_calls/vote.csv"])
    sources: list[Ident] = Field(default_factory=list, description="Ids in `sources`.")
    note: str | None = Field(None, description="Shown in the debrief.")


class Objective(Strict):
    """Something one side tries to achieve; the debrief and `audit` score them."""

    id: Ident = Field(description="Short id.", examples=["plenary_with_icc"])
    label: str = Field(description="Shown in the debrief.",
                       examples=["The plenary adopts the draft with its ICC language"])
    motion: Ident = Field(description="Id of the motion it is about.")
    side: SideName = Field("sponsors", description="The side scored on it.")
    outcome: list[Literal["adopted", "rejected", "vetoed", "not_tabled", "moot", "not_held",
                          "no_action"]] = \
        Field(min_length=1, description="Met if the motion ends in one of these.",
              examples=[["adopted"]])
    text_keeps: dict[Ident, Ident] = Field(
        default_factory=dict, description="Paragraph: variant the voted text must contain.",
        examples=[{"op_icc": "original"}])
    min_yes: int | None = Field(None, ge=0, description="At least this many votes in favour.")
    max_yes: int | None = Field(None, ge=0, description="At most this many votes in favour "
                                "(an opposition's goal: hold the yes below the record).")
    points: int = Field(1, ge=0, le=100, description="Weight in the score.")


class ScenarioSpec(Strict):
    """A whole case."""

    id: Ident = Field(description="Id of the case; the file is usually `<id>.yaml`.",
                      examples=["my_case"])
    title: str = Field(description="Shown on the title screen.")
    year: int = Field(ge=1945, le=2100, description="Year of the events.", examples=[2014])
    summary: str = Field(description="A paragraph shown on the title screen.")
    sources: list[Source] = Field(default_factory=list, description="Where the facts come from.")
    members: Members = Field(description="The Member States.",
                             examples=[{"from": "un_2014"}])
    bodies: list[Body] = Field(min_length=1, description="Organs that vote.")
    texts: dict[Ident, Text] = Field(description="Draft texts by id.")
    motions: list[Motion] = Field(min_length=1, description="Everything put to a vote.")
    stages: list[Stage] = Field(min_length=1, description="Meetings, in the order they happen.")
    sides: dict[SideName, Side] = Field(description="`sponsors` and `opposition`.")
    arguments: list[Argument] = Field(default_factory=list, description="Lobbying arguments.")
    offers: list[Offer] = Field(default_factory=list, description="Deals offered to the sponsors.")
    costs: Costs = Field(Costs(), description="Price of each move.")
    model: ModelCoefficients = Field(description="Vote-model coefficients.")
    backtest: Backtest | None = Field(None, description="Earlier votes on the same "
                                      "resolution for `evaluate`'s backtest.")
    history: list[HistoricalVote] = Field(default_factory=list,
                                          description="The real record, for the debrief.")
    objectives: list[Objective] = Field(default_factory=list,
                                        description="What each side is scored on.")
    translations: dict[LanguageCode, dict[TextPath, str]] = Field(
        default_factory=dict,
        description="The case's texts in other languages: language code -> text path -> the "
                    "text. A path names a field (`title`), or an item by its id and then a "
                    "field (`sides.sponsors.briefing`, `motions.l63.title`, "
                    "`members.PRK.name`). Texts only: nothing here can change a vote.",
        examples=[{"fr": {"title": "Les droits de l'homme en RPDC, 2014",
                          "sides.sponsors.goal": "Faire adopter le projet."}}])
