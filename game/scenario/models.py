"""The schema of a scenario file (pydantic models), from its constrained types up.

Every model forbids unknown keys so that a typo in a teacher's file is reported, not ignored.
Field descriptions and examples double as the authoring reference: the reference section of
``scenarios/README.md`` and ``scenarios/scenario.schema.json`` are generated from them
(``python main.py schema --write``), and a test fails when they drift apart.
"""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
#: A file named by a scenario: relative to the scenario's folder, never leaving it.
RelPath = Annotated[str, StringConstraints(
    pattern=r"^(?![/\\])(?![A-Za-z]:)(?!.*(^|[/\\])\.\.([/\\]|$))[^\x00]+$", max_length=200)]
Ballot = Literal["yes", "no", "abstain", "absent"]
PastBallot = Literal["yes", "no", "abstain", "absent", "nonmember"]
RegionalGroup = Literal[
    "African", "Asia-Pacific", "Eastern European",
    "Latin American and Caribbean", "Western European and Others",
]
Bloc = Literal["EU", "OIC", "NAM", "AU", "ASEAN"]
SideName = Literal["sponsors", "opposition"]
MotionKind = Literal["amendment", "draft", "procedural", "substantive"]
#: Motions the floor raises during play (never written in a scenario), with their own
#: salience and absence shares in the model block.
FloorKind = Literal["no_action", "division", "separate_vote"]
#: Member features built into the vote model (the columns of game.votes.features.FEATURES; a
#: test checks the two lists agree). A scenario adds its own under ``members.facts``.
BuiltinFeature = Literal[
    "intercept", "ideal_point", "hr_ideal_point", "past_support",
    "eu", "oic", "nam", "au", "asean", "icc_state_party", "hrc_member", "p5", "e10",
    "african", "asia_pacific", "eastern_european", "latin_american_and_caribbean",
    "western_european_and_others",
]
#: A feature name: a built-in one or the id of one of the scenario's ``members.facts``
#: (checked against both by validation).
Feature = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
#: A General Assembly resolution symbol of a recorded plenary vote, e.g. ``A/RES/68/184``.
ResolutionSymbol = Annotated[str, StringConstraints(
    pattern=r"^(A/RES/|R/)?\d{2}/\d{1,3}[A-Z]?$", max_length=20)]


class Strict(BaseModel):
    """Base: unknown keys are errors; instances are immutable; no NaN or infinity."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False,
                              regex_engine="python-re")


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


class RecordFact(Strict):
    """How a member voted on a list of recorded plenary votes, as one number in [-1, 1]."""

    kind: Literal["record"] = Field(description="`record`: the member's mean ballot (yes 1, "
                                                "abstain 0, no -1) on `resolutions`.")
    resolutions: list[ResolutionSymbol] = Field(
        min_length=1, description="Symbols of recorded plenary votes in the shipped data "
                                  "(sessions 59-69, game/data/unvotes).",
        examples=[["A/RES/67/182", "A/RES/68/184"]])
    decay: float = Field(1.0, gt=0, le=1, description="Weight of a vote per year before the "
                         "latest one listed (1: all count alike; 0.7: last year's counts 0.7).")
    label: str = Field(description="What the votes were on, as a student reads it after "
                                   "'voted for ...' (keep it short: the dossier shows about 70 "
                                   "characters of a reason).",
                       examples=["the Iran human-rights texts"])


class IdealPointFact(Strict):
    """A one-dimensional ideal point estimated from every recorded vote of some sessions."""

    kind: Literal["ideal_point"] = Field(
        description="`ideal_point`: the first principal component of the sessions' roll-call "
                    "matrix (yes 1, abstain 0, no -1; a missing ballot counts as the roll "
                    "call's mean), scaled to mean 0 and standard deviation 1.")
    sessions: list[Annotated[int, Field(ge=59, le=69)]] = Field(
        min_length=1, description="General Assembly sessions whose roll calls are used.",
        examples=[[69]])
    before: datetime.date | None = Field(
        None, description="Use only roll calls dated before this day (the vote predicted and "
                          "anything after it are left out).", examples=["2014-12-18"])
    exclude: list[ResolutionSymbol] = Field(default_factory=list,
                                            description="Roll calls to leave out besides.")
    anchor: Iso3 = Field("USA", description="The sign is fixed so that this state has a "
                                            "positive score.")


class BlocFact(Strict):
    """Membership of a group the shipped data lists with sources: 1 for members, else 0."""

    kind: Literal["bloc"] = Field(description="`bloc`: membership, 1 or 0.")
    bloc: Literal["ALBA", "LMG"] = Field(
        description="ALBA (11, as of 14 Dec 2014) or the Like-Minded Group (22 signatories of "
                    "its statement of 25 Sep 2014); sources in game/data/unvotes/SOURCES.md.")


Fact = Annotated[RecordFact | IdealPointFact | BlocFact, Field(discriminator="kind")]


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


class Side(Strict):
    """One of the two sides a player (or the bot) plays."""

    name: str = Field(description="Shown on the title screen.",
                      examples=["France and the co-sponsors"])
    members: list[Iso3] = Field(description="Main sponsors (or opposition leaders); they "
                                "cannot be lobbied.", examples=[["FRA"]])
    cosponsors: list[Iso3] = Field(default_factory=list, description="Initial co-sponsors.")
    briefing: str | None = Field(None, description="What a player on this side reads first. "
                                 "Give this or `briefing_file`.")
    briefing_file: RelPath | None = Field(
        None, description="A UTF-8 text file holding the briefing, relative to the scenario's "
                          "folder (it may not leave that folder).",
        examples=["briefings/sponsors.md"])
    goal: str = Field(description="One sentence shown on the title screen.")


class Argument(Strict):
    """A lobbying argument one side can use on a delegation or a group."""

    id: Ident = Field(description="Id of the argument.", examples=["accountability"])
    label: str = Field(description="Button label.")
    side: SideName = Field(description="Who may use it.")
    description: str = Field(description="What the player says.")
    source: Ident | None = Field(None, description="Id of the entry in `sources` the argument "
                                 "comes from (a real statement, report or campaign).")
    base: float = Field(ge=0, description="Latent support moved per first use, before affinity.",
                        examples=[0.3])
    affinity: dict[Feature, float] = Field(
        default_factory=dict, description="Extra effect per member feature (feature: coefficient).",
        examples=[{"icc_state_party": 0.35, "au": -0.15}])


class Cost(Strict):
    """What one move costs."""

    capital: int = Field(ge=0, le=100, description="Diplomatic capital spent.")
    days: int = Field(ge=0, le=100, description="Working days spent.")

    @model_validator(mode="after")
    def _costs_something(self) -> Cost:
        # A free move could be repeated for ever: every move must use up capital or time.
        if self.capital + self.days < 1:
            raise ValueError("a move must cost at least 1 capital or 1 day")
        return self



class Offer(Strict):
    """A deal or an event put to one side during a stage: it accepts or refuses."""

    id: Ident = Field(description="Id of the offer.")
    by: str = Field(description="Who makes it.", examples=["the DPRK"])
    to: SideName = Field("sponsors", description="The side that answers it.")
    source: Ident | None = Field(None, description="Id of the entry in `sources` it is based on.")
    accept_label: str = Field("Accept", min_length=1, max_length=80,
                              description="The button that accepts.")
    refuse_label: str = Field("Refuse", min_length=1, max_length=80,
                              description="The button that refuses.")
    cost: Cost | None = Field(None, description="What accepting costs the side that answers.")
    refuse_goodwill: dict[Feature, float] = Field(
        default_factory=dict, description="Latent support change towards the sponsors, per "
        "feature, if refused.", examples=[{"nam": -0.1}])
    stage: Ident = Field(description="Stage in which it must be answered; the stage must vote "
                                     "a draft.")
    description: str = Field(description="What is offered.")
    drop: list[Ident] = Field(default_factory=list, description="Paragraphs removed if accepted.")
    add: list[Ident] = Field(default_factory=list, description="Paragraphs added if accepted.")
    tables: list[Ident] = Field(default_factory=list, description="Optional motions of the "
                                "stage put to the vote if accepted (an answer to an event).")
    goodwill: dict[Feature, float] = Field(
        default_factory=dict, description="Latent support change, per feature, if accepted.",
        examples=[{"nam": 0.2}])


class Costs(Strict):
    """The price of each kind of move."""

    # ``default=`` by name: mypy reads a field's default from that keyword only
    lobby: Cost = Field(default=Cost(capital=1, days=1), description="Lobby one delegation.")
    address_group: Cost = Field(default=Cost(capital=3, days=2),
                                description="Address a group or bloc.")
    revise_text: Cost = Field(default=Cost(capital=2, days=1), description="Revise a paragraph.")
    seek_cosponsor: Cost = Field(default=Cost(capital=1, days=1),
                                 description="Ask for a co-sponsor.")
    no_action: Cost = Field(default=Cost(capital=3, days=1),
                            description="Move that no action be taken on a draft (default: an "
                            "author's choice, dearer than lobbying one delegation).")
    separate_vote: Cost = Field(default=Cost(capital=2, days=1),
                                description="Request a separate vote on a paragraph.")
    ask_abstention: Cost = Field(default=Cost(capital=3, days=1),
                                 description="Ask a permanent member to abstain, not veto.")


# --- the vote model, the real record and the objectives --------------------

#: A parameter of the model block by name: ``principle``, ``salience.amendment``, ...
PARAMETER = r"^[a-z_]+(\.[a-z0-9_]+)?$"


class Fitted(Strict):
    """Where a fitted number comes from."""

    to: Ident = Field(description="Id of the motion whose recorded vote (in `history`) it is "
                                  "fitted to: its roll call, or its tally.",
                      examples=["plenary_draft"])
    note: str | None = Field(None, description="Anything a reader should know about the fit.")


class Backtest(Strict):
    """Earlier recorded votes on the same resolution, for `evaluate`'s backtest: each vote is
    predicted by a model fitted on the earlier ones only, from facts dated before it."""

    votes: list[ResolutionSymbol] = Field(
        min_length=2, description="Symbols of the recorded plenary votes on this resolution, "
                                  "oldest first (in the shipped data, game/data/unvotes).",
        examples=[["A/RES/60/173", "A/RES/61/174"]])
    facts: list[Ident] = Field(
        default_factory=list,
        description="Ids of `members.facts` recomputed before each vote: a `record` keeps the "
                    "roll calls dated before it, an `ideal_point` uses that vote's session up "
                    "to the day before it. (Bloc lists are of one date and cannot be used.) "
                    "Each member's record on the earlier `votes` is always a fact.",
        examples=[["ideal_point", "iran"]])
    decay: float = Field(0.7, gt=0, le=1, description="Recency weight per year of the "
                                                      "earlier `votes` record.")


class ModelCoefficients(Strict):
    """Global coefficients of the vote model (see docs in game/votes/model.py)."""

    stance: dict[Feature, float] = Field(
        description="Member stance = sum of coefficient x feature.",
        examples=[{"intercept": 0.5, "hr_ideal_point": 1.0}])
    cutpoints: tuple[float, float] = Field(description="Ordered-logit cutpoints (no|abstain, "
                                                       "abstain|yes).", examples=[[-2.4, 2.4]])
    no_resolution: float = Field(-1.0, description="Position of 'no resolution' on the "
                                 "scrutiny axis.")
    principle: float = Field(
        0.0, ge=0, description="Weight of a delegation's stance on the principle of the "
                               "resolution itself (e.g. country-specific resolutions), whatever "
                               "its wording; applies to every motion voted against 'no "
                               "resolution', not to amendments. 0: wording alone decides.")
    tag_effects: dict[str, dict[Feature, float]] = Field(
        default_factory=dict, description="Per tag, how member features shift how demanding "
                                          "that wording feels (feature: coefficient).",
        examples=[{"chapter_vii": {"p5": 1.0}}])
    lobby_decay: float = Field(0.5, gt=0, lt=1, description="Each repeat of the same move "
                               "yields this share of the previous gain.")
    group_share: float = Field(0.35, gt=0, le=1, description="Effect of addressing a group, "
                               "per member, relative to lobbying it alone.")
    cosponsor_bonus: float = Field(2.0, ge=0, description="Latent support added for main "
                                   "sponsors and co-sponsors.")
    salience: dict[MotionKind | FloorKind, Annotated[float, Field(gt=0, le=100)]] = Field(
        default_factory=dict,
        description="Per motion kind, a multiplier on how sharply delegations divide over it "
                    "(default 1): an amendment that strikes named paragraphs is a pure vote on "
                    "that language and splits the room more sharply than the same words inside "
                    "a whole draft.", examples=[{"amendment": 4.0}])
    cosponsor_pull: float = Field(
        0.0, ge=0, description="Latent support each co-sponsor won during the game adds to the "
                               "other members of its regional group (neighbours take note).",
        examples=[0.15])
    abstainers_absent: dict[MotionKind | FloorKind, Annotated[float, Field(ge=0, le=1)]] = Field(
        default_factory=dict,
        description="Per motion kind, share of would-be abstainers who do not vote at all "
                    "(more delegations skip votes on amendments than on drafts).",
        examples=[{"amendment": 0.3}])
    attendance_prior: tuple[Annotated[float, Field(gt=0, le=1000)],
                            Annotated[float, Field(gt=0, le=10000)]] = Field(
        (0.5, 20.0), description="Absences and votes of prior weight for P(absent).")
    fitted: dict[Annotated[str, StringConstraints(pattern=PARAMETER)], Fitted] = Field(
        default_factory=dict,
        description="Numbers above that `calibrate` fits, by name (`stance`, `cutpoints`, or "
                    "an entry such as `salience.amendment`), each with the recorded vote it is "
                    "fitted to. `stance`, `cutpoints` and `tag_effects.<tag>` (every feature of "
                    "that entry) are fitted to a roll call; `salience.<kind>` and "
                    "`abstainers_absent.<kind>` to a motion's recorded tally, as a second step. "
                    "Once this or `declared` is given, every number written in this block must "
                    "be listed in one of them (validation warns).",
        examples=[{"stance": {"to": "plenary_draft"}, "salience.amendment":
                   {"to": "c3_amendment"}}])
    declared: dict[Annotated[str, StringConstraints(pattern=PARAMETER)], str] = Field(
        default_factory=dict,
        description="Numbers above set by the author, by name (`principle`, or `tag_effects` "
                    "for the whole map, or `tag_effects.icc_referral` for one entry; "
                    "`wording_weights` for the weights of the texts' wordings), each with a "
                    "one-line reason.",
        examples=[{"cosponsor_bonus": "a co-sponsor votes for its own text (all 58 did)"}])


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
