"""Scenario schema, part 2: the vote model's coefficients, the historical record and the
objectives (see models.py for the rest)."""
from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field

from .basics import Feature, Ident, Iso3, MotionKind, RelPath, Strict


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
    salience: dict[MotionKind, Annotated[float, Field(gt=0, le=100)]] = Field(
        default_factory=dict,
        description="Per motion kind, a multiplier on how sharply delegations divide over it "
                    "(default 1): an amendment that strikes named paragraphs is a pure vote on "
                    "that language and splits the room more sharply than the same words inside "
                    "a whole draft.", examples=[{"amendment": 4.0}])
    cosponsor_pull: float = Field(
        0.0, ge=0, description="Latent support each co-sponsor won during the game adds to the "
                               "other members of its regional group (neighbours take note).",
        examples=[0.15])
    abstainers_absent: dict[MotionKind, Annotated[float, Field(ge=0, le=1)]] = Field(
        default_factory=dict,
        description="Per motion kind, share of would-be abstainers who do not vote at all "
                    "(more delegations skip votes on amendments than on drafts).",
        examples=[{"amendment": 0.3}])
    attendance_prior: tuple[Annotated[float, Field(gt=0, le=1000)],
                            Annotated[float, Field(gt=0, le=10000)]] = Field(
        (0.5, 20.0), description="Absences and votes of prior weight for P(absent).")


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
    """Something the sponsors try to achieve; the debrief and `audit` score them."""

    id: Ident = Field(description="Short id.", examples=["plenary_with_icc"])
    label: str = Field(description="Shown in the debrief.",
                       examples=["The plenary adopts the draft with its ICC language"])
    motion: Ident = Field(description="Id of the motion it is about.")
    outcome: list[Literal["adopted", "rejected", "vetoed", "not_tabled", "moot", "not_held"]] = \
        Field(min_length=1, description="Met if the motion ends in one of these.",
              examples=[["adopted"]])
    text_keeps: dict[Ident, Ident] = Field(
        default_factory=dict, description="Paragraph: variant the voted text must contain.",
        examples=[{"op_icc": "original"}])
    min_yes: int | None = Field(None, ge=0, description="At least this many votes in favour.")
    points: int = Field(1, ge=0, le=100, description="Weight in the score.")
