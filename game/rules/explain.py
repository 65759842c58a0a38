"""Explanations in game terms: ``explain(state, motion_id, iso3)`` for the dossier and CLI."""
from __future__ import annotations

from ..state import GameState
from ..votes import lobbying
from ..votes.explain import parts
from ..votes.model import Clause
from .motions import goodwill, motion_input


def explain(state: GameState, motion_id: str, iso3: str) -> list[tuple[str, float]]:
    """Named contributions to a delegation's latent support for "yes" on a motion now.

    An average delegation in the room first, then what sets this one apart: its facts, how the
    wording weighs on it, and every lobbying move, offer and sponsorship. The values sum to the
    latent (ordered-logit units). Raises KeyError if ``iso3`` does not vote on it.
    """
    world = state.world
    motion = motion_input(state, motion_id)
    i = world.index[iso3]
    if i not in motion.voters.tolist():
        raise KeyError(f"{iso3} does not vote on {motion_id}")
    contribs = lobbying.contributions(world.model, world.scenario, state.moves,
                                      state.cosponsors, state.offers)
    return parts(world.model, motion, i, contribs)


def clause_label(state: GameState, clause: Clause) -> str:
    """'text, OP 8: <summary>' (with the variant when it is not the tabled wording)."""
    text = state.world.scenario.spec.texts[clause.text]
    para = next(p for p in text.paragraphs if p.id == clause.paragraph)
    kind = "PP" if para.kind == "preambular" else "OP"
    wording = "" if clause.variant == para.variants[0].id else f" ({clause.variant})"
    return f"text, {kind} {para.number}{wording}: {para.summary}"


def latent(state: GameState, motion_id: str, iso3: str) -> float:
    """The model's latent support of one delegation on a motion now."""
    motion = motion_input(state, motion_id)
    values = state.world.model.latent(motion, goodwill(state))
    return float(values[motion.voters.tolist().index(state.world.index[iso3])])
