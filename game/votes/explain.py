"""Why a delegation leans the way it does: its latent support split into named parts.

For a motion replacing status quo S by proposal P (see model.py),

    latent = sum_f 2 dq theta_f x_if                 (one term per fact: "ICC state party")
           - sum_c d_ic (p_c - s_c) (q_P + q_S)       (one term per wording changed by the motion)
           [+ q0 (q_P + q0)  when S is "no resolution"]
           + orient * sum_k goodwill_ik              (one term per lobbying move, offer, sponsorship)

and the parts add up to the latent exactly (checked in the tests).
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from . import features as ft
from .lobbying import Contribution
from .model import Clause, MotionInput, VoteModel


def parts(model: VoteModel, motion: MotionInput, member: int,
          goodwill_parts: Sequence[Contribution],
          clause_label: Callable[[Clause], str]) -> list[tuple[str, float]]:
    """Named contributions to member ``member``'s latent support for "yes" on a motion.

    Returns [(label, value), ...] largest magnitude first, in latent units; they sum to
    ``model.latent`` for that member. ``member`` is a row index (must be among the voters).
    """
    single = MotionInput(motion.proposal, motion.status_quo, np.array([member]), motion.orient,
                         motion.attendance, motion.abstainers_absent)
    q_p, q_s = (float(v[0]) for v in model.positions(single))
    dq = q_p - q_s
    out: list[tuple[str, float]] = []
    for f, name in enumerate(ft.FEATURES):
        value = 2.0 * dq * model.theta[f] * model.features[member, f]
        if value:
            out.append((_fact_label(name, model.features[member, f]), float(value)))
    changed = motion.proposal - (motion.status_quo if motion.status_quo is not None else 0.0)
    for c in np.flatnonzero(changed):
        out.append((clause_label(model.clauses[c]),
                    float(-model.demand[member, c] * changed[c] * (q_p + q_s))))
    if motion.status_quo is None:
        out.append(("alternative: no resolution at all", float(q_s * (q_p + q_s))))
    for contrib in goodwill_parts:
        value = motion.orient * contrib.values[member]
        if value:
            out.append((contrib.label, float(value)))
    return sorted(out, key=lambda p: -abs(p[1]))


def _fact_label(name: str, value: float) -> str:
    label = ft.FEATURE_LABELS[name]
    if name in ("ideal_point", "hr_ideal_point", "past_support"):
        return f"{label} ({value:+.2f})"
    return label
