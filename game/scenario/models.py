"""Pydantic schema of a scenario file.

Every model forbids unknown keys so that a typo in a teacher's file is reported, not ignored.
Field descriptions double as the authoring reference (``scenarios/README.md`` is generated
from them).
"""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Ballot = Literal["yes", "no", "abstain", "absent"]
PastBallot = Literal["yes", "no", "abstain", "absent", "nonmember"]
RegionalGroup = Literal[
    "African", "Asia-Pacific", "Eastern European",
    "Latin American and Caribbean", "Western European and Others",
]
Bloc = Literal["EU", "OIC", "NAM", "AU", "ASEAN"]
SideName = Literal["sponsors", "opposition"]


class Strict(BaseModel):
    """Base: unknown keys are errors; instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    id: Ident = Field(description="Short id used to cite this source elsewhere in the file.")
    title: str = Field(description="Title of the document, article or dataset.")
    url: str | None = Field(None, description="Where a reader can find it.")
    date: datetime.date | None = Field(None, description="Publication date, e.g. 2014-11-18.")


class Member(Strict):
    """One Member State and the public facts the vote model reads."""

    iso3: Iso3 = Field(description="ISO 3166-1 alpha-3 code.")
    name: str = Field(description="Short UN name.")
    regional_group: RegionalGroup | None = Field(
        None, description="UN regional group; null where the state sat in none (Kiribati in 2014).")
    blocs: list[Bloc] = Field(default_factory=list, description="Bloc memberships.")
    icc_state_party: bool = Field(False, description="Party to the Rome Statute at the time.")
    hrc_member: bool = Field(False, description="Seat on the Human Rights Council that year.")
    sc_seat: Literal["P5", "E10"] | None = Field(
        None, description="Security Council seat that year: P5 (permanent), E10 (elected) or null.")
    ideal_point: float = Field(description="UN-voting ideal point (higher = closer to the US).")
    hr_ideal_point: float | None = Field(
        None, description="Human-rights-specific ideal point; null if unknown (imputed from "
                          "ideal_point by the model).")
    past_votes: dict[str, PastBallot] = Field(
        default_factory=dict,
        description="Votes on earlier versions of the same resolution, keyed by year.")


class MemberOverride(Strict):
    """Fields to change on one shipped member; anything left out keeps the shipped value."""

    name: str | None = None
    regional_group: RegionalGroup | None = None
    blocs: list[Bloc] | None = None
    icc_state_party: bool | None = None
    hrc_member: bool | None = None
    sc_seat: Literal["P5", "E10", "none"] | None = Field(
        None, description="'none' removes a shipped Council seat.")
    ideal_point: float | None = None
    hr_ideal_point: float | None = None
    past_votes: dict[str, PastBallot] | None = None


class Members(Strict):
    """Where the Member States come from."""

    from_: Literal["un_2014"] | None = Field(
        None, alias="from",
        description="Start from data shipped with the game: 'un_2014' is all 193 Member States "
                    "in late 2014 (sources in game/data/un_2014/SOURCES.md).")
    overrides: dict[Iso3, MemberOverride] = Field(
        default_factory=dict, description="Per-member changes to the shipped facts.")
    add: list[Member] = Field(default_factory=list, description="Members written out in full.")
    remove: list[Iso3] = Field(default_factory=list, description="Shipped members to leave out.")


class Variant(Strict):
    """One wording a paragraph can take."""

    id: Ident = Field(description="e.g. 'original', 'softened'.")
    label: str = Field(description="Short button label, e.g. 'Soften: no mention of the ICC'.")
    text: str = Field(description="The wording.")
    weight: float = Field(description="How far this wording pushes the text towards scrutiny "
                                      "(0 = neutral, negative = conciliatory).")
    tags: list[Ident] = Field(default_factory=list, description="What the wording does "
                              "(e.g. icc_referral); tag effects in `model.tag_effects`.")


class Paragraph(Strict):
    id: Ident = Field(description="e.g. 'op8'.")
    kind: Literal["preambular", "operative"] = Field(description="PP or OP.")
    number: int = Field(ge=1, description="Number as printed in the draft.")
    summary: str = Field(description="One line, shown in lists.")
    variants: list[Variant] = Field(min_length=1, description="Possible wordings; the first is "
                                    "the one tabled unless `initially` says otherwise.")
    initially: Ident | Literal["absent"] | None = Field(
        None, description="Variant in the tabled draft, or 'absent' for language the sponsors "
                          "may add later. Default: the first variant.")
    editable: bool = Field(False, description="Whether the sponsors may revise this paragraph.")


class Text(Strict):
    """A draft resolution's text."""

    symbol: str = Field(description="UN document symbol, e.g. A/C.3/69/L.28/Rev.1.")
    title: str
    paragraphs: list[Paragraph] = Field(min_length=1)


class Body(Strict):
    id: Literal["third_committee", "plenary", "security_council"] | Ident
    name: str
    members: Literal["all", "security_council"] = Field(
        "all", description="Who votes: every Member State, or the 15 Council members.")
    majority: Literal["simple", "two_thirds"] = Field(
        "simple", description="General Assembly: majority of members present and voting.")
    affirmative_votes: int | None = Field(
        None, ge=1, description="Security Council: affirmative votes needed (9 under Art. 27).")
    veto: bool = Field(False, description="A negative vote of a permanent member blocks a "
                                          "substantive question (never a procedural one).")


class Motion(Strict):
    id: Ident
    body: Ident = Field(description="Id of a body in `bodies`.")
    symbol: str = Field(description="Document symbol or a short name.")
    title: str
    kind: Literal["amendment", "draft", "procedural", "substantive"]
    text: Ident | None = Field(None, description="Draft voted: id of an entry in `texts`. Drafts "
                               "of the same text share the sponsors' revisions.")
    amends: Ident | None = Field(None, description="Amendment: id of the draft motion amended.")
    delete: list[Ident] = Field(default_factory=list, description="Amendment: paragraphs deleted.")
    insert: list[Ident] = Field(default_factory=list, description="Amendment: paragraphs "
                                "(ids in the amended text) inserted.")
    proposer: str | None = Field(None, description="Who moves it, e.g. 'Cuba'.")
    sponsors_want: Literal["yes", "no"] = Field(
        "yes", description="The outcome the sponsors work for.")
    important: bool = Field(False, description="GA: needs two thirds of present and voting.")
    optional: bool = Field(False, description="Put to the vote only if the sponsors table it.")
    requires: list[Ident] = Field(default_factory=list,
                                  description="Motions that must be adopted before this one.")


class Stage(Strict):
    id: Ident
    body: Ident
    title: str
    date: datetime.date = Field(description="Date of the meeting, e.g. 2014-11-18.")
    motions: list[Ident] = Field(min_length=1, description="Voted in this order "
                                 "(the engine still puts amendments before their draft).")
    capital: int = Field(10, ge=0, description="Diplomatic capital each side may spend here.")
    days: int = Field(10, ge=1, description="Working days before the vote.")
    requires: list[Ident] = Field(default_factory=list,
                                  description="Motions that must be adopted for the stage to meet.")


class Side(Strict):
    name: str
    members: list[Iso3] = Field(description="Main sponsors (or opposition leaders).")
    cosponsors: list[Iso3] = Field(default_factory=list, description="Initial co-sponsors.")
    briefing: str = Field(description="What a player on this side reads first.")
    goal: str = Field(description="One sentence shown on the title screen.")


class Argument(Strict):
    id: Ident
    label: str
    side: SideName
    description: str
    base: float = Field(ge=0, description="Latent support moved per first use, before affinity.")
    affinity: dict[str, float] = Field(
        default_factory=dict, description="Extra effect per member feature (feature: coefficient).")


class Offer(Strict):
    id: Ident
    by: str = Field(description="Who makes it, e.g. the DPRK.")
    stage: Ident = Field(description="Stage in which it must be answered.")
    description: str
    drop: list[Ident] = Field(default_factory=list, description="Paragraphs removed if accepted.")
    add: list[Ident] = Field(default_factory=list, description="Paragraphs added if accepted.")
    goodwill: dict[str, float] = Field(
        default_factory=dict, description="Latent support change, per feature, if accepted.")


class Cost(Strict):
    capital: int = Field(ge=0)
    days: int = Field(ge=0)


class Costs(Strict):
    lobby: Cost = Cost(capital=1, days=1)
    address_group: Cost = Cost(capital=3, days=2)
    revise_text: Cost = Cost(capital=2, days=1)
    seek_cosponsor: Cost = Cost(capital=1, days=1)


class ModelCoefficients(Strict):
    """Global coefficients of the vote model (see docs in game/votes/model.py)."""

    stance: dict[str, float] = Field(description="Member stance = sum of coefficient x feature.")
    cutpoints: tuple[float, float] = Field(description="Ordered-logit cutpoints (no|abstain, "
                                                       "abstain|yes).")
    no_resolution: float = Field(-1.0, description="Position of 'no resolution' on the "
                                 "scrutiny axis.")
    tag_effects: dict[str, dict[str, float]] = Field(
        default_factory=dict, description="Per tag, how member features shift how demanding "
                                          "that wording feels (feature: coefficient).")
    lobby_decay: float = Field(0.5, gt=0, lt=1, description="Each repeat of the same move "
                               "yields this share of the previous gain.")
    group_share: float = Field(0.35, gt=0, le=1, description="Effect of addressing a group, "
                               "per member, relative to lobbying it alone.")
    cosponsor_bonus: float = Field(2.0, ge=0)
    abstainers_absent: dict[Literal["amendment", "draft", "procedural", "substantive"], float] = Field(
        default_factory=dict,
        description="Per motion kind, share of would-be abstainers who do not vote at all "
                    "(more delegations skip votes on amendments than on drafts).")
    attendance_prior: tuple[float, float] = Field(
        (0.5, 20.0), description="Absences and votes of prior weight for P(absent).")


class Tally(Strict):
    yes: int = Field(ge=0)
    no: int = Field(ge=0)
    abstain: int = Field(ge=0)
    absent: int | None = Field(None, ge=0)


class RollCall(Strict):
    yes: list[Iso3] = Field(default_factory=list)
    no: list[Iso3] = Field(default_factory=list)
    abstain: list[Iso3] = Field(default_factory=list)
    absent: list[Iso3] = Field(default_factory=list)


class HistoricalVote(Strict):
    motion: Ident
    date: datetime.date
    outcome: str = Field(description="What happened, in a phrase.")
    tally: Tally | None = Field(None, description="Null for a vote never held.")
    roll_call: RollCall | None = None
    sources: list[Ident] = Field(default_factory=list)
    note: str | None = None


class ScenarioSpec(Strict):
    """A whole case."""

    id: Ident
    title: str
    year: int
    summary: str
    sources: list[Source] = Field(default_factory=list)
    members: Members
    bodies: list[Body] = Field(min_length=1)
    texts: dict[Ident, Text] = Field(description="Draft texts by id.")
    motions: list[Motion] = Field(min_length=1)
    stages: list[Stage] = Field(min_length=1)
    sides: dict[SideName, Side]
    arguments: list[Argument] = Field(default_factory=list)
    offers: list[Offer] = Field(default_factory=list)
    costs: Costs = Costs()
    model: ModelCoefficients
    history: list[HistoricalVote] = Field(default_factory=list)
