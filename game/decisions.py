"""Decisions: the small, frozen, JSON-serialisable moves that change a game.

Each type has a ``type`` tag used in session files; ``to_dict``/``from_dict`` round-trip.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import ClassVar, Literal

Side = Literal["sponsors", "opposition"]


class DecisionError(ValueError):
    """A decision that is malformed or not legal now; the state is unchanged."""


@dataclass(frozen=True)
class Lobby:
    """Lobby one delegation with one argument."""

    side: Side
    member: str
    argument: str
    type: ClassVar[str] = "lobby"


@dataclass(frozen=True)
class AddressGroup:
    """Address a regional group (e.g. "African") or bloc (e.g. "AU") with one argument."""

    side: Side
    group: str
    argument: str
    type: ClassVar[str] = "address_group"


@dataclass(frozen=True)
class ReviseText:
    """Set a paragraph of the draft to one of its wordings, or "absent" to drop it."""

    side: Side
    paragraph: str
    variant: str
    type: ClassVar[str] = "revise_text"


@dataclass(frozen=True)
class SeekCosponsor:
    """Ask a delegation to co-sponsor the draft."""

    side: Side
    member: str
    type: ClassVar[str] = "seek_cosponsor"


@dataclass(frozen=True)
class RespondToOffer:
    """Accept or refuse an offer (e.g. the DPRK's Special Rapporteur visit)."""

    side: Side
    offer: str
    accept: bool
    type: ClassVar[str] = "respond_to_offer"


@dataclass(frozen=True)
class TableMotion:
    """Table an optional motion (e.g. the ICC referral) or hold it back."""

    side: Side
    motion: str
    table: bool
    type: ClassVar[str] = "table_motion"


@dataclass(frozen=True)
class ProceedToVote:
    """End lobbying in this stage and put its motions to the vote."""

    side: Side
    type: ClassVar[str] = "proceed_to_vote"


@dataclass(frozen=True)
class Pass:
    """Do nothing this turn."""

    side: Side
    type: ClassVar[str] = "pass"


@dataclass(frozen=True)
class MoveNoAction:
    """Move that no action be taken on a draft (GA rules 116 and 74): voted before it."""

    side: Side
    motion: str
    type: ClassVar[str] = "move_no_action"


@dataclass(frozen=True)
class RequestSeparateVote:
    """Request a separate vote on an operative paragraph of a draft (rules 129 and 89)."""

    side: Side
    motion: str
    paragraph: str
    type: ClassVar[str] = "request_separate_vote"


@dataclass(frozen=True)
class ObjectToDivision:
    """Object to a requested separate vote: the motion for division is then voted first."""

    side: Side
    motion: str
    paragraph: str
    type: ClassVar[str] = "object_to_division"


@dataclass(frozen=True)
class AskAbstention:
    """Ask a permanent member of the Security Council to abstain rather than veto a motion."""

    side: Side
    member: str
    motion: str
    type: ClassVar[str] = "ask_abstention"


@dataclass(frozen=True)
class TimeUp:
    """The side's time for its turn ran out (a game with a turn timer): the chair moves on."""

    side: Side
    type: ClassVar[str] = "time_up"


Decision = (Lobby | AddressGroup | ReviseText | SeekCosponsor | RespondToOffer | TableMotion
            | ProceedToVote | Pass | MoveNoAction | RequestSeparateVote | ObjectToDivision
            | AskAbstention | TimeUp)
#: type tag -> class; the table every dispatch on decisions goes through.
DECISION_TYPES: dict[str, type] = {c.type: c for c in (
    Lobby, AddressGroup, ReviseText, SeekCosponsor, RespondToOffer, TableMotion,
    ProceedToVote, Pass, MoveNoAction, RequestSeparateVote, ObjectToDivision, AskAbstention,
    TimeUp)}


def _short(value: object, limit: int = 40) -> str:
    """repr() of untrusted input, cut to ``limit`` characters for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def to_dict(decision: Decision) -> dict:
    """``{"type": ..., field: value, ...}``, JSON-ready."""
    return {"type": decision.type, **dataclasses.asdict(decision)}


def from_dict(data: object) -> Decision:
    """Inverse of to_dict. Raises DecisionError naming what is wrong."""
    if not isinstance(data, dict):
        raise DecisionError(f"a decision must be an object, got {type(data).__name__}")
    kind = data.get("type")
    cls = DECISION_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise DecisionError(f"unknown decision type {_short(kind)}; expected one of "
                            + ", ".join(sorted(DECISION_TYPES)))
    fields = {f.name: f.type for f in dataclasses.fields(cls)}
    given = {k: v for k, v in data.items() if k != "type"}
    if set(given) != set(fields):
        names = sorted(given)             # untrusted: each name clipped, as values are
        shown = ", ".join(_short(k) for k in names[:8]) + (
            f", and {len(names) - 8} more" if len(names) > 8 else "")
        raise DecisionError(f"{kind}: expected fields {sorted(fields)}, got [{shown}]")
    for name, value in given.items():
        want = bool if fields[name] in ("bool", bool) else str
        if not isinstance(value, want):
            raise DecisionError(f"{kind}.{name}: expected {want.__name__}, got {_short(value)}")
    if given["side"] not in ("sponsors", "opposition"):
        raise DecisionError(f"{kind}.side: expected 'sponsors' or 'opposition', got "
                            f"{_short(given['side'])}")
    return cls(**given)
