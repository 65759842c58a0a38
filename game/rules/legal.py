"""Every decision legal now, arguments enumerated: the one list bots, the UI, the audit and the
tests choose from.

Each decision type has an enumerator of its candidates (members, arguments, groups,
paragraphs and variants, offers, motions); only the types the current phase admits are
enumerated, and each candidate is kept only if ``check`` accepts it, so the list and
``apply`` can never disagree.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..decisions import (
    AddressGroup,
    AskAbstention,
    Decision,
    DecisionError,
    Lobby,
    MoveNoAction,
    ObjectToDivision,
    Pass,
    ProceedToVote,
    RequestSeparateVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    TableMotion,
    TimeUp,
)
from ..i18n import _
from ..state import GameState
from ..votes.lobbying import GROUP_COLUMNS
from . import checks, effects, tactics
from .checks import current_stage, draft_text
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
        text, _text_id = draft_text(world, state)
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


def _time_up(world: World, state: GameState, side: str) -> Iterator[Decision]:
    yield TimeUp(side)  # type: ignore[arg-type]


@dataclass(frozen=True)
class DecisionRule:
    """Everything the engine knows about one decision type: when it is legal (``check``,
    raising DecisionError), what it does (``effect``) and what to try when listing the legal
    decisions (``candidates``). Adding a decision type is adding one row to DECISION_RULES."""

    check: Callable[[World, GameState, Any], None]
    effect: Callable[[World, GameState, Any, np.random.Generator], GameState]
    candidates: Candidates


#: Decision type -> its rule; ``check``, ``apply`` and ``legal_decisions`` dispatch through it.
DECISION_RULES: dict[type, DecisionRule] = {
    Lobby: DecisionRule(checks.check_lobby, effects.effect_lobby, _lobby),
    AddressGroup: DecisionRule(checks.check_address_group, effects.effect_address_group,
                               _address_group),
    ReviseText: DecisionRule(checks.check_revise_text, effects.effect_revise_text,
                             _revise_text),
    SeekCosponsor: DecisionRule(checks.check_seek_cosponsor, effects.effect_seek_cosponsor,
                                _seek_cosponsor),
    RespondToOffer: DecisionRule(checks.check_respond_to_offer,
                                 effects.effect_respond_to_offer, _respond_to_offer),
    TableMotion: DecisionRule(checks.check_table_motion, effects.effect_table_motion,
                              _table_motion),
    ProceedToVote: DecisionRule(checks.check_proceed, effects.effect_proceed, _proceed),
    Pass: DecisionRule(checks.check_pass, effects.effect_pass, _pass),
    TimeUp: DecisionRule(checks.check_time_up, effects.effect_time_up, _time_up),
    MoveNoAction: DecisionRule(tactics.check_move_no_action, tactics.effect_move_no_action,
                               tactics.candidates_no_action),
    RequestSeparateVote: DecisionRule(tactics.check_request_separate_vote,
                                      tactics.effect_request_separate_vote,
                                      tactics.candidates_separate_vote),
    ObjectToDivision: DecisionRule(tactics.check_object_to_division,
                                   tactics.effect_object_to_division,
                                   tactics.candidates_objection),
    AskAbstention: DecisionRule(tactics.check_ask_abstention, tactics.effect_ask_abstention,
                                tactics.candidates_abstention),
}
#: Decision type -> the candidates to try for it (in the order they are listed).
CANDIDATES: dict[type, Candidates] = {k: r.candidates for k, r in DECISION_RULES.items()}


def check(world: World, state: GameState, decision: Decision) -> None:
    """Raise DecisionError if ``decision`` is not legal in ``state``; never changes anything."""
    rule = DECISION_RULES.get(type(decision))
    if rule is None:
        raise DecisionError(_("not a decision: {decision}").format(decision=repr(decision)))
    checks.common(world, state, decision)
    rule.check(world, state, decision)
    phase = PHASES[state.phase]
    if type(decision) not in phase.decisions:     # the stage flow has the last word
        raise DecisionError(_("{decision} is not in order now ({phase})").format(
            decision=decision.type, phase=_(phase.summary)))


def apply(world: World, state: GameState, decision: Decision,
          rng: np.random.Generator) -> GameState:
    """The state after ``decision``; DecisionError (nothing changed) if it is not legal."""
    check(world, state, decision)
    return DECISION_RULES[type(decision)].effect(world, state, decision, rng)


def legal_decisions(world: World, state: GameState) -> list[Decision]:
    """Every decision ``apply`` accepts in ``state``, for the side to move; empty once the game
    is over. Order: by decision type as the phase lists them, then members, arguments and
    variants in scenario order."""
    if state.finished:
        return []
    side = state.to_move
    out: list[Decision] = []
    for kind in PHASES[state.phase].decisions:
        for decision in DECISION_RULES[kind].candidates(world, state, side):
            try:
                check(world, state, decision)
            except DecisionError:
                continue
            out.append(decision)
    return out
