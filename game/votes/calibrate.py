"""Fit the model's global coefficients to a real roll call by maximum likelihood.

Only the stance coefficients the scenario names (a handful, shared by all members) and the
half-width of the abstention band are fitted (cutpoints are symmetric, -c and +c, so that a
latent of 0, indifference, is the centre of abstention; an asymmetric pair would be confounded
with the stance intercept); text weights, tag effects and attendance stay as authored. For a fixed
motion the latent is linear in the stance coefficients:

    latent_i = slope_i * (features_i @ theta) - wording_i + orient * goodwill_i

(``VoteModel.slope`` and ``VoteModel.wording_term``), so the fit is an ordered logit with
design ``slope[:, None] * features`` and a fixed offset.
Members absent from the roll call are left out of the likelihood (attendance is modelled
separately from past roll calls).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize

from ..procedure import BALLOTS
from . import features as ft
from .model import MotionInput, VoteModel, ordered_logit

#: Weak ridge penalty (per coefficient, in nats) that keeps separable fits finite.
RIDGE = 0.01


@dataclass(frozen=True)
class Fit:
    """Result: coefficients by name, cutpoints, negative log-likelihood, voters used."""

    stance: dict[str, float]
    cutpoints: tuple[float, float]
    neg_log_likelihood: float
    n_used: int
    converged: bool


def fit(model: VoteModel, motion: MotionInput, goodwill: np.ndarray, observed: np.ndarray,
        names: list[str]) -> Fit:
    """Fit ``names`` stance coefficients and the cutpoints.

    observed: (n_voters,) ballot codes (0 yes, 1 no, 2 abstain, 3 absent) aligned with
    ``motion.voters``. Raises ValueError if no voter cast yes/no/abstain.
    """
    voters = motion.voters
    q_p, q_s = model.positions(motion)
    cols = [ft.FEATURE_INDEX[n] for n in names]
    design = model.slope(motion, q_p, q_s)[:, None] * model.features[voters][:, cols]  # (n, k)
    offset = -model.wording_term(motion, q_p, q_s) + motion.orient * goodwill[voters]
    used = observed < 3
    if not used.any():
        raise ValueError("the roll call has no yes, no or abstain for this motion's voters")
    X, off, y = design[used], offset[used], observed[used]

    def nll(params: np.ndarray) -> float:
        theta, half = params[:-1], np.exp(params[-1])
        probs = ordered_logit(X @ theta + off, np.array([-half, half]), None)
        return float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-12, 1.0)).sum()
                     + RIDGE * (theta ** 2).sum())

    start = np.concatenate([[model.theta[c] for c in cols],
                            [np.log(max(1e-3, float(np.diff(model.cutpoints)[0]) / 2))]])
    res = minimize(nll, start, method="BFGS")
    half = round(float(np.exp(res.x[-1])), 4)
    stance = {n: round(float(v), 4) for n, v in zip(names, res.x[:-1], strict=True)}
    return Fit(stance, (-half, half), float(res.fun), int(used.sum()), bool(res.success))


def ballot_codes(ballots: Mapping[str, str], iso: list[str]) -> np.ndarray:
    """Ballot codes (n,) for ISO codes ``iso`` from a roll call's ballots by ISO code (as
    ``game.scenario.history.read_roll_call`` reads them). Members not listed count as absent.
    """
    codes = {b: i for i, b in enumerate(BALLOTS)}
    return np.array([codes[ballots.get(c, "absent")] for c in iso], dtype=np.int64)


def cross_validate(model: VoteModel, motion: MotionInput, goodwill: np.ndarray,
                   observed: np.ndarray, names: list[str], folds: int = 10,
                   seed: int = 0) -> np.ndarray:
    """Out-of-fold probabilities (n_voters, 4): each member predicted by a fit that never saw
    its vote. Folds are a fixed shuffle of the voters (``seed``), so the result is repeatable.
    """
    order = np.random.default_rng(seed).permutation(len(observed))
    out = np.zeros((len(observed), 4))
    for k in range(folds):
        held = order[k::folds]
        train = observed.copy()
        train[held] = 3                                  # absent: left out of the likelihood
        result = fit(model, motion, goodwill, train, names)
        probs = probabilities_with(model, motion, goodwill, result)
        out[held] = probs[held]
    return out


def probabilities_with(model: VoteModel, motion: MotionInput, goodwill: np.ndarray,
                       result: Fit) -> np.ndarray:
    """The model's (n_voters, 4) probabilities with fitted coefficients in place of its own."""
    stance = model.features @ ft.coefficient_vector(result.stance)
    return model.probabilities(motion, goodwill, stance, np.asarray(result.cutpoints))
