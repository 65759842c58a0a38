"""The scenario schema's constrained types (codes, ids, ballots, groups, feature names) and
its base model; ``models`` builds the scenario's parts from them."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
#: A file named by a scenario: relative to the scenario's folder, never leaving it.
RelPath = Annotated[str, StringConstraints(
    pattern=r"^(?![/\\])(?![A-Za-z]:)(?!.*(^|[/\\])\.\.([/\\]|$))[^\x00]+$", max_length=200)]
#: A language code of ``translations`` ('fr'); which ones the game speaks is checked after.
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
#: A text path of ``translations``: dot-separated field names and item keys.
TextPath = Annotated[str, StringConstraints(pattern=r"^[a-z_]+(\.[A-Za-z0-9_]+)*$",
                                            max_length=200)]
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
