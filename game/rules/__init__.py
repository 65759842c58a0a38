"""Procedure engine: the rules of one case, bound to its scenario and vote model.

``Rules(world)`` answers for one scenario: ``new_game()``, ``legal_decisions(state)``,
``check(state, decision)`` and ``apply(state, decision, rng)`` (the one way a game changes).
The state is plain data (``game.state``); the scenario and the compiled model stay in the
``World`` the rules are built on. The stage flow is declared in ``phases``.
"""
from __future__ import annotations

import numpy as np

from ..decisions import Decision, DecisionError
from ..scenario import Scenario
from ..scenario.models import Stage
from ..state import GameState
from ..votes.forecast import Forecast
from . import explain as _explain, motions, objectives
from .checks import current_stage
from .legal import apply, check, legal_decisions
from .objectives import ObjectiveResult
from .pace import check_pace
from .phases import PHASES, open_stage, vote_order
from .stakes import Stake, stakes
from .world import World

__all__ = ["Rules", "World", "ObjectiveResult", "PHASES", "Stake"]


class Rules:
    """The rules of one scenario. Immutable; every method is a pure function of its arguments
    (``apply`` draws recorded votes from the Generator it is handed, nothing else)."""

    def __init__(self, world: World | Scenario) -> None:
        self.world = world if isinstance(world, World) else World(world)

    def new_game(self, rounds: int = 0, timed: bool = False) -> GameState:
        """The state before the first decision: first stage open, the draft as tabled.

        ``rounds``: lobbying turns per side and stage (0: the budgets alone limit them);
        ``timed``: a turn timer runs, so a turn may end with ``time_up`` (``pace``). Raises
        ValueError for rounds out of range."""
        check_pace(rounds, 0)
        wording = tuple(sorted((t, tuple(sorted(w.items())))
                               for t, w in self.world.initial_wording().items()))
        return open_stage(self.world, GameState(wording=wording, rounds=int(rounds),
                                                timed=bool(timed)), 0)

    def check(self, state: GameState, decision: Decision) -> None:
        """Raise DecisionError if ``decision`` is not legal in ``state``."""
        check(self.world, state, decision)

    def is_legal(self, state: GameState, decision: Decision) -> bool:
        """True if ``apply`` would accept the decision."""
        try:
            check(self.world, state, decision)
        except DecisionError:
            return False
        return True

    def legal_decisions(self, state: GameState) -> list[Decision]:
        """Every decision legal now, for the side to move (see ``legal``)."""
        return legal_decisions(self.world, state)

    def apply(self, state: GameState, decision: Decision, rng: np.random.Generator) -> GameState:
        """The one way a game changes. Raises DecisionError (state untouched) if illegal.

        ``rng`` is the session's Generator; only recorded votes draw from it.
        """
        return apply(self.world, state, decision, rng)

    # -- questions about a state (no change, no draw from the session's streams) -------------
    def stage(self, state: GameState) -> Stage | None:
        """The stage being played, None once the game is over."""
        return None if state.finished else current_stage(self.world, state)

    def vote_order(self, state: GameState) -> list[str]:
        """This stage's motions in voting order (empty once the game is over)."""
        stage = self.stage(state)
        return vote_order(self.world, stage, state) if stage else []

    def target_motion(self, state: GameState) -> str:
        """The motion lobbying aims at: the stage's last non-amendment motion put to the vote
        for sure (the draft, or the agenda at the Council)."""
        stage = current_stage(self.world, state)
        ids = [m for m in self.world.stage_order(stage)
               if self.world.motions[m].kind != "amendment" and not self.world.motions[m].optional]
        return ids[-1] if ids else stage.motions[-1]

    def probabilities(self, state: GameState, motion_id: str) -> np.ndarray:
        """P(yes, no, abstain, absent) of each voter on a motion now, (n_voters, 4)."""
        return motions.probabilities(self.world, state, motion_id)

    def forecast(self, state: GameState, motion_id: str) -> Forecast:
        """Exact forecast of a motion if it were voted now (the distribution of the counts)."""
        return motions.motion_forecast(self.world, state, motion_id)

    def is_moot(self, state: GameState, motion_id: str) -> bool:
        """An amendment with nothing left to do (its mover would withdraw it)."""
        return motions.is_moot(self.world, state, motion_id)

    def explain(self, state: GameState, motion_id: str, iso3: str) -> list[tuple[str, float]]:
        """Named parts of a delegation's latent support (sum = latent). KeyError if it does
        not vote on the motion."""
        return _explain.explain(self.world, state, motion_id, iso3)

    def latent(self, state: GameState, motion_id: str, iso3: str) -> float:
        """The model's latent support of one delegation on a motion now."""
        return _explain.latent(self.world, state, motion_id, iso3)

    def stakes(self, state: GameState, side: str = "sponsors") -> list[Stake]:
        """Each of ``side``'s objectives with its chance of being met from ``state``."""
        return stakes(self.world, state, side)

    def score(self, state: GameState,
              side: str = "sponsors") -> tuple[list[ObjectiveResult], int, int]:
        """(results, points won, points possible) against ``side``'s objectives."""
        return objectives.score(self.world, state, side)

