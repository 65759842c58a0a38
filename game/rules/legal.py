"""Every decision legal now, arguments enumerated: the one list bots, the UI, the audit and the
tests choose from.

Each decision type has an enumerator of its candidates (members, arguments, groups,
paragraphs and variants, offers, motions); only the types the current phase admits are
enumerated, and each candidate is kept only if ``check`` accepts it, so the list and
``apply`` can never disagree.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..decisions import (
    AddressGroup,
    Decision,
    DecisionError,
    Lobby,
    Pass,
    ProceedToVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    TableMotion,
)
from ..state import GameState
from ..votes.lobbying import GROUP_COLUMNS
from .checks import check, current_stage, draft_text
from .phases import PHASES

if TYPE_CHECKING:
    from .world import World

Candidates = Callable[["World", GameState, str], Iterator[Decision]]


def _arguments(world: World, side: str) -> list[str]:
    return [a.id for a in world.scenario.spec.arguments if a.side == side]


def _delegations(world: World, state: GameState) -> list[str]:
    return [world.iso[i] for i in world.voters(current_stage(world, state).body)]


def _lobby(world: World, state: GameState, side: str) -> Iterator[Decision]:
    for iso in _delegations(world, state):
        for arg in _arguments(world, side):
            yield Lobby(side, iso, arg)  # type: ignore[arg-type]


def _address_group(world: World, state: GameState, side: str) -> Iterator[Decision]:
    for group in GROUP_COLUMNS:
        for arg in _arguments(world, side):
            yield AddressGroup(side, group, arg)  # type: ignore[arg-type]


def _revise_text(world: World, state: GameState, side: str) -> Iterator[Decision]:
    try:
        text, _ = draft_text(world, state)
    except DecisionError:
        return
    for para in text.paragraphs:
        if para.editable:
            for variant in [v.id for v in para.variants] + ["absent"]:
                yield ReviseText(side, para.id, variant)  # type: ignore[arg-type]


def _seek_cosponsor(world: World, state: GameState, side: str) -> Iterator[Decision]:
    for iso in _delegations(world, state):
        yield SeekCosponsor(side, iso)  # type: ignore[arg-type]


def _respond_to_offer(world: World, state: GameState, side: str) -> Iterator[Decision]:
    for offer in world.scenario.spec.offers:
        for accept in (True, False):
            yield RespondToOffer(side, offer.id, accept)  # type: ignore[arg-type]


def _table_motion(world: World, state: GameState, side: str) -> Iterator[Decision]:
    for motion in current_stage(world, state).motions:
        for table in (True, False):
            yield TableMotion(side, motion, table)  # type: ignore[arg-type]


def _proceed(world: World, state: GameState, side: str) -> Iterator[Decision]:
    yield ProceedToVote(side)  # type: ignore[arg-type]


def _pass(world: World, state: GameState, side: str) -> Iterator[Decision]:
    yield Pass(side)  # type: ignore[arg-type]


#: Decision type -> the candidates to try for it (in the order they are listed).
CANDIDATES: dict[type, Candidates] = {
    Lobby: _lobby, AddressGroup: _address_group, ReviseText: _revise_text,
    SeekCosponsor: _seek_cosponsor, RespondToOffer: _respond_to_offer,
    TableMotion: _table_motion, ProceedToVote: _proceed, Pass: _pass}


def legal_decisions(world: World, state: GameState) -> list[Decision]:
    """Every decision ``apply`` accepts in ``state``, for the side to move; empty once the game
    is over. Order: by decision type as the phase lists them, then members, arguments and
    variants in scenario order."""
    if state.finished:
        return []
    side = state.to_move
    out: list[Decision] = []
    for kind in PHASES[state.phase].decisions:
        for decision in CANDIDATES[kind](world, state, side):
            try:
                check(world, state, decision)
            except DecisionError:
                continue
            out.append(decision)
    return out
