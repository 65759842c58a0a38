"""The pace of a game, set by the play options (a classroom's lesson): how many lobbying turns
each side may take in a stage, and whether a turn timer runs. Plain functions of the state;
the stage flow (``phases``) and the effects read them.

A turn is one move that hands the floor on (a demarche, a group addressed, a revision, a
co-sponsor sought, a floor tactic), a pass, or a turn whose time ran out (``time_up``).
Answering an offer or tabling a motion does not end a turn. Without rounds (0) the budgets of
capital and days alone limit the lobbying, as before.
"""
from __future__ import annotations

from ..state import GameState

#: Decision types that do not end a turn (the side keeps the floor after them).
NOT_A_TURN = frozenset({"respond_to_offer", "table_motion"})
#: Most lobbying turns per side and stage a game can be set to (above it, rounds mean little:
#: the budgets run out first), and the longest turn timer in seconds (a lesson's hour).
MAX_ROUNDS, MAX_TIMER = 50, 3600


def turns_taken(state: GameState, side: str) -> int:
    """Lobbying turns ``side`` has taken in the stage being played."""
    return dict(state.turns).get(side, 0)


def rounds_left(state: GameState, side: str) -> int | None:
    """Turns ``side`` may still take in this stage; None when rounds do not count."""
    if not state.rounds:
        return None
    return max(0, state.rounds - turns_taken(state, side))


def has_turns(state: GameState, side: str) -> bool:
    """Whether ``side`` may take another lobbying turn in this stage (always, without rounds)."""
    left = rounds_left(state, side)
    return left is None or left > 0


def count_turn(state: GameState, side: str) -> GameState:
    """The state with one more turn taken by ``side`` (unchanged when rounds do not count)."""
    if not state.rounds:
        return state
    turns = dict(state.turns)
    turns[side] = turns.get(side, 0) + 1
    return state.evolve(turns=tuple(sorted(turns.items())))


def check_pace(rounds: int, timer: int) -> None:
    """Raise ValueError naming what is wrong with a pace the play options ask for."""
    if not 0 <= rounds <= MAX_ROUNDS:
        raise ValueError(f"rounds must be 0 (no limit) to {MAX_ROUNDS}, not {rounds}")
    if not 0 <= timer <= MAX_TIMER:
        raise ValueError(f"the turn timer must be 0 (none) to {MAX_TIMER} seconds, not {timer}")
