"""The scenario schema's model section: the member facts a case declares (``members.facts``),
and the ``model`` block of coefficients, each fitted or declared. Part of the schema that
``models.ScenarioSpec`` assembles (and the reference is generated from)."""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .fields import Feature, FloorKind, Ident, Iso3, MotionKind, ResolutionSymbol, Strict


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


class AttendanceRecord(Strict):
    """Where P(absent) comes from: each delegation's own absences on the recorded plenary
    votes of some sessions (game/data/unvotes), so one that nearly always votes is nearly
    always there."""

    sessions: list[Annotated[int, Field(ge=59, le=69)]] = Field(
        min_length=1, description="General Assembly sessions whose roll calls are counted.",
        examples=[[59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69]])
    before: datetime.date | None = Field(
        None, description="Count only roll calls dated before this day (the case's first "
                          "vote).", examples=["2014-11-18"])


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
    attendance_record: AttendanceRecord | None = Field(
        None, description="Count each delegation's absences on these recorded plenary votes "
                          "(shrunk by `attendance_prior`) instead of its record on the "
                          "resolution's earlier votes.")
    cosponsor_absence: float = Field(
        1.0, ge=0, le=1, description="A sponsor's or co-sponsor's P(absent) on the votes of "
                                     "the General Assembly, as a share of its usual one: a "
                                     "state that puts its name to a text turns up for it.")
    attendance_scale: float = Field(
        1.0, gt=0, le=10, description="P(absent) = this x the delegation's (shrunk) absence "
                                      "rate: a vote watched as closely as this one sees fewer "
                                      "absences than the average roll call; `calibrate` fits "
                                      "it to a recorded tally's absences.")
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
