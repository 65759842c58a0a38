"""What the model is asked about a motion, given the state of the game."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..state import GameState
from ..votes import lobbying
from ..votes.forecast import Forecast, forecast
from ..votes.model import MotionInput

if TYPE_CHECKING:
    from .world import World


def amended_wording(world: World, state: GameState,
                    motion_id: str) -> tuple[dict[str, str], dict[str, str]]:
    """(wording if adopted, wording now) of the text a motion concerns."""
    motion = world.motions[motion_id]
    now = state.text(world.text_id(motion))
    if motion.kind != "amendment":
        return now, now
    text = world.scenario.spec.texts[world.text_id(motion)]
    first = {p.id: p.variants[0].id for p in text.paragraphs}
    after = {p: v for p, v in now.items() if p not in motion.delete}
    after.update({p: first[p] for p in motion.insert})
    return after, now


def is_moot(world: World, state: GameState, motion_id: str) -> bool:
    """An amendment with nothing left to do: the text already makes its changes, or every
    paragraph it would delete is already gone (its mover then withdraws it)."""
    motion = world.motions[motion_id]
    if motion.kind != "amendment":
        return False
    after, now = amended_wording(world, state, motion_id)
    if motion.delete:
        return not any(p in now for p in motion.delete)
    return after == now


def motion_input(world: World, state: GameState, motion_id: str) -> MotionInput:
    """The model's view of a motion now: proposal, status quo, voters, orientation."""
    motion = world.motions[motion_id]
    text_id = world.text_id(motion)
    after, now = amended_wording(world, state, motion_id)
    body = world.bodies[motion.body]
    return MotionInput(
        proposal=world.model.clause_vector(text_id, after),
        status_quo=world.model.clause_vector(text_id, now) if motion.kind == "amendment" else None,
        voters=world.voters(motion.body),
        orient=1.0 if motion.sponsors_want == "yes" else -1.0,
        attendance=body.members != "security_council",
        abstainers_absent=world.model.coefficients.abstainers_absent.get(motion.kind, 0.0),
        salience=world.model.coefficients.salience.get(motion.kind, 1.0),
    )


def goodwill(world: World, state: GameState) -> np.ndarray:
    """Goodwill towards the sponsors in this state, (n_members,)."""
    return lobbying.goodwill(world.model, world.scenario, state.moves, state.cosponsors,
                             state.offers)


def probabilities(world: World, state: GameState, motion_id: str) -> np.ndarray:
    """P(yes, no, abstain, absent) of each voter on a motion now, (n_voters, 4)."""
    return world.model.probabilities(motion_input(world, state, motion_id),
                                     goodwill(world, state))


def motion_forecast(world: World, state: GameState, motion_id: str, rng: np.random.Generator,
                    n_draws: int = 10_000) -> Forecast:
    """Monte Carlo forecast of a motion if it were voted now (``n_draws`` draws from ``rng``)."""
    motion = world.motions[motion_id]
    return forecast(probabilities(world, state, motion_id), world.permanent(motion.body),
                    world.rule(motion), rng, n_draws)
