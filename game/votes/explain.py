"""Why a delegation leans the way it does: its latent support split into named parts.

For a motion replacing status quo S by proposal P (see model.py), member i's latent is
``a_i x_i - t_i + orient * goodwill_i`` with slope ``a`` (model.slope) and wording term
``t = (q_P - q_S)(q_P + q_S)``. Told against the average delegation among the voters (bars:
means over voters):

    latent_i = ā x̄ - t̄                                    "an average delegation here"
             + sum_f a_i theta_f (x_if - x̄_f)             one term per fact ("ICC state party")
             + (a_i - ā) x̄ - (t_i - t̄)                    how the wording weighs on this member
             + orient * sum_k goodwill_ik                 one term per move, offer, sponsorship

The parts add up to the latent exactly (checked in the tests), and facts the delegation shares
with the average one contribute little, so the list reads as "what sets it apart".
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import features as ft
from .lobbying import Contribution
from .model import MotionInput, VoteModel

AVERAGE = "an average delegation in this room"
WORDING = "how this wording weighs on it (tags such as the ICC referral)"


def parts(model: VoteModel, motion: MotionInput, member: int,
          goodwill_parts: Sequence[Contribution]) -> list[tuple[str, float]]:
    """Named contributions to member ``member``'s latent support for "yes" on a motion.

    Returns [(label, value), ...]: the average-delegation term first, then the rest largest
    magnitude first, in latent units; they sum to ``model.latent`` for that member (a row
    index among ``motion.voters``). Raises ValueError if ``member`` is not a voter.
    """
    voters = motion.voters
    row = int(np.flatnonzero(voters == member)[0]) if (voters == member).any() else None
    if row is None:
        raise ValueError(f"member {member} does not vote on this motion")
    q_p, q_s = model.positions(motion)                        # (n_voters,) each
    a = model.slope(motion, q_p, q_s)                          # d latent / d stance
    t = model.wording_term(motion, q_p, q_s)                   # the wording's own term
    x = model.stance[voters]
    a_bar, t_bar, x_bar = a.mean(), t.mean(), x.mean()
    f_bar = model.features[voters].mean(axis=0)                # (n_features,)
    out: list[tuple[str, float]] = []
    for f, name in enumerate(ft.FEATURES):
        value = a[row] * model.theta[f] * (model.features[member, f] - f_bar[f])
        if abs(value) > 1e-12:
            out.append((_fact_label(name, model.features[member, f]), float(value)))
    wording = (a[row] - a_bar) * x_bar - (t[row] - t_bar)
    if abs(wording) > 1e-12:
        out.append((WORDING, float(wording)))
    for contrib in goodwill_parts:
        value = motion.orient * contrib.values[member]
        if value:
            out.append((contrib.label, float(value)))
    out.sort(key=lambda p: -abs(p[1]))
    return [(AVERAGE, float(a_bar * x_bar - t_bar))] + out


def _fact_label(name: str, value: float) -> str:
    label = ft.FEATURE_LABELS[name]
    if name == "past_support":
        word = ("mostly in favour" if value > 0.5 else "mostly against" if value < -0.5
                else "mostly abstained")
        return f"{label} ({word})"
    if name in ("ideal_point", "hr_ideal_point"):
        return f"{label} ({value:+.2f})"
    if name == "intercept":
        return label
    return label if value > 0.5 else f"not: {label}"
