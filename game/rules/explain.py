"""Explanations in game terms: ``explain(state, motion_id, iso3)`` for the dossier and CLI."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..state import GameState
from ..votes import lobbying
from ..votes.explain import parts
from .motions import goodwill, motion_input

if TYPE_CHECKING:
    from .world import World


def explain(world: World, state: GameState, motion_id: str, iso3: str) -> list[tuple[str, float]]:
    """Named contributions to a delegation's latent support for "yes" on a motion now.

    An average delegation in the room first, then what sets this one apart: its facts, how the
    wording weighs on it, and every lobbying move, offer and sponsorship. The values sum to the
    latent (ordered-logit units). Raises KeyError if ``iso3`` does not vote on it.
    """
    motion = motion_input(world, state, motion_id)
    i = world.index[iso3]
    if i not in motion.voters.tolist():
        raise KeyError(f"{iso3} does not vote on {motion_id}")
    contribs = lobbying.contributions(world.model, world.scenario, state.moves,
                                      state.cosponsors, state.offers)
    return parts(world.model, motion, i, contribs)


def latent(world: World, state: GameState, motion_id: str, iso3: str) -> float:
    """The model's latent support of one delegation on a motion now."""
    motion = motion_input(world, state, motion_id)
    values = world.model.latent(motion, goodwill(world, state))
    return float(values[motion.voters.tolist().index(world.index[iso3])])
