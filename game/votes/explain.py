"""Why a delegation leans the way it does: its latent support split into named parts.

For a motion replacing status quo S by proposal P (see model.py),

    latent = sum_f 2 dq theta_f x_if                 (one term per fact: "ICC state party")
           - sum_c d_ic (p_c - s_c) (q_P + q_S)       (one term per wording changed by the motion)
           [+ q0 (q_P + q0)  when S is "no resolution"]
           + orient * sum_k goodwill_ik              (one term per lobbying move, offer, sponsorship)

and the parts add up to the latent exactly (checked in the tests).
"""
from __future__ import annotations

import numpy as np

from ..rules.motions import motion_input
from ..state import GameState
from . import features as ft
from . import lobbying


def _clause_label(state: GameState, clause) -> str:
    text = state.world.scenario.spec.texts[clause.text]
    para = next(p for p in text.paragraphs if p.id == clause.paragraph)
    kind = "PP" if para.kind == "preambular" else "OP"
    wording = "" if clause.variant == para.variants[0].id else f" ({clause.variant})"
    return f"text, {kind} {para.number}{wording}: {para.summary}"


def explain(state: GameState, motion_id: str, iso3: str) -> list[tuple[str, float]]:
    """Named contributions to ``iso3``'s latent support for "yes" on a motion now.

    Returns [(label, value), ...] largest magnitude first; values are in latent units
    (the ordered logit's scale) and sum to the latent. Raises KeyError for a code that does
    not vote on the motion.
    """
    world = state.world
    model = world.model
    motion = motion_input(state, motion_id)
    i = world.index[iso3]
    voters = motion.voters.tolist()
    if i not in voters:
        raise KeyError(f"{iso3} does not vote on {motion_id}")
    single = motion.__class__(motion.proposal, motion.status_quo, np.array([i]), motion.orient,
                              motion.attendance, motion.abstainers_absent)
    q_p, q_s = (float(v[0]) for v in model.positions(single))
    dq = q_p - q_s
    parts: list[tuple[str, float]] = []
    member = world.scenario.members[i]
    for f, name in enumerate(ft.FEATURES):
        value = 2.0 * dq * model.theta[f] * model.features[i, f]
        if value:
            parts.append((_fact_label(name, model.features[i, f], member), float(value)))
    d = model.demand[i]
    changed = motion.proposal - (motion.status_quo if motion.status_quo is not None else 0.0)
    for c in np.flatnonzero(changed):
        parts.append((_clause_label(state, model.clauses[c]),
                      float(-d[c] * changed[c] * (q_p + q_s))))
    if motion.status_quo is None:
        parts.append(("alternative: no resolution at all", float(q_s * (q_p + q_s))))
    for contrib in lobbying.contributions(model, world.scenario, state.moves, state.cosponsors,
                                          state.offers):
        value = motion.orient * contrib.values[i]
        if value:
            parts.append((contrib.label, float(value)))
    return sorted(parts, key=lambda p: -abs(p[1]))


def _fact_label(name: str, value: float, member) -> str:
    label = ft.FEATURE_LABELS[name]
    if name in ("ideal_point", "hr_ideal_point", "past_support"):
        return f"{label} ({value:+.2f})"
    return label


def latent(state: GameState, motion_id: str, iso3: str) -> float:
    """The model's latent support of one delegation (for checks and displays)."""
    world = state.world
    motion = motion_input(state, motion_id)
    from ..rules.motions import goodwill

    values = world.model.latent(motion, goodwill(state))
    return float(values[motion.voters.tolist().index(world.index[iso3])])
