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

from ..i18n import _
from . import wording
from .lobbying import Contribution
from .model import MotionInput, VoteModel


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
    for f, name in enumerate(model.feature_names):
        value = a[row] * model.theta[f] * (model.features[member, f] - f_bar[f])
        if abs(value) > 1e-12:
            label = _fact_label(model, name, member)
            if name == "past_support":
                label = against_the_room(label, value)
            out.append((label, float(value)))
    text_term = (a[row] - a_bar) * x_bar - (t[row] - t_bar)
    if abs(text_term) > 1e-12:
        out.append((_tags_on(model, motion, member), float(text_term)))
    for contrib in goodwill_parts:
        value = motion.orient * contrib.values[member]
        if value:
            out.append((contrib.label, float(value)))
    out.sort(key=lambda p: -abs(p[1]))
    room = float(a_bar * x_bar - t_bar)
    return [(wording.room_words(room), room)] + out


def against_the_room(label: str, value: float) -> str:
    """A record read against the room's: each term counts from the average delegation's
    record, so "voted for … in 2011 (before: abstained)" can count against a delegation whose
    record is less in favour than most. Say so where the words alone would read backwards."""
    if value < 0 and label.startswith(_(wording.VERB["yes"])):
        if _(" (before: {ballot})").split("{")[0] in label:   # short enough for two lines
            # TRANSLATORS: inserted in "voted for this resolution only in 2011 (before: ...)"
            return label.replace(_(" this resolution "), _(" this resolution only "), 1)
        return label + _(", less in favour than most")
    if value > 0 and label.startswith((_(wording.VERB["no"]), _(wording.VERB["abstain"]))):
        return label + _(", more in favour than most")
    return label


def _fact_label(model: VoteModel, name: str, member: int) -> str:
    """A fact of one member in a student's words (see wording.py)."""
    if name in model.fact_words:
        return model.fact_words[name][member] or name
    value = model.features[member, model.feature_index[name]]
    if name == "past_support":
        return model.past_words[member]
    if name in ("ideal_point", "hr_ideal_point"):
        return wording.scale_words(name, value)
    if name in wording.MEMBERSHIP:
        return _(wording.MEMBERSHIP[name][0 if value > 0.5 else 1])
    return name


def _tags_on(model: VoteModel, motion: MotionInput, member: int) -> str:
    """The wording's label: the tags in the texts voted and this member's facts they read."""
    used = motion.proposal + (motion.status_quo if motion.status_quo is not None else 0)
    tags = [t for c in np.flatnonzero(used) for t in model.clause_tags[c]
            if t in model.coefficients.tag_effects]
    facts = [f for t in tags for f in model.coefficients.tag_effects[t]
             if model.features[member, model.feature_index[f]] > 0.5]
    return wording.tag_words(tags, list(dict.fromkeys(facts)))
