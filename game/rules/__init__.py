"""Procedure engine: legal decisions and ``apply(state, decision, rng) -> new state``."""
from __future__ import annotations

import numpy as np

from ..decisions import Decision
from ..scenario import Scenario
from ..state import GameState
from .checks import check
from .effects import EFFECTS
from .voting import open_stage
from .world import World

__all__ = ["World", "new_game", "apply", "check", "is_legal"]


def new_game(world: World | Scenario) -> GameState:
    """The state before the first decision: first stage open, the draft as tabled."""
    if isinstance(world, Scenario):
        world = World(world)
    wording = tuple(sorted((t, tuple(sorted(w.items())))
                           for t, w in world.initial_wording().items()))
    return open_stage(GameState(wording=wording, world=world), 0)


def apply(state: GameState, decision: Decision, rng: np.random.Generator) -> GameState:
    """The one way a game changes. Raises DecisionError (state untouched) if illegal.

    ``rng`` is the session's Generator; only recorded votes draw from it.
    """
    check(state, decision)
    return EFFECTS[type(decision)](state, decision, rng)


def is_legal(state: GameState, decision: Decision) -> bool:
    """True if ``apply`` would accept the decision."""
    from ..decisions import DecisionError

    try:
        check(state, decision)
    except DecisionError:
        return False
    return True
