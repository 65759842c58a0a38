"""Fit the model's global coefficients to a real roll call by maximum likelihood.

Fitted (step 1, to a roll call): the stance coefficients the scenario names (a handful, shared
by all members), the half-width of the abstention band (cutpoints are symmetric, -c and +c, so
that a latent of 0, indifference, is the centre of abstention; an asymmetric pair would be
confounded with the stance intercept), and the tag effects the model block lists as fitted to
the same vote (``tag_effects.<tag>``: every feature of that entry). Text weights and attendance
stay as authored. The latent is

    latent_i = slope_i * (features_i @ theta) - wording_i + orient * goodwill_i

(``VoteModel.slope`` and ``VoteModel.wording_term``), linear in theta; the tag effects move
the perceived positions of the texts, so slope and wording are recomputed with them.
Members absent from the roll call are left out of the likelihood (attendance is modelled
separately from past roll calls). Step 2 (``fit_tally``) fits per-kind salience and the
share of absent abstainers to a motion's recorded tally.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from ..procedure import BALLOTS
from .model import MotionInput, VoteModel, ordered_logit

#: Weak ridge penalty (per coefficient, in nats) that keeps separable fits finite.
RIDGE = 0.01


@dataclass(frozen=True)
class Fit:
    """Result: coefficients by name, cutpoints, tag effects fitted (tag -> {feature: value}),
    negative log-likelihood, voters used."""

    stance: dict[str, float]
    cutpoints: tuple[float, float]
    neg_log_likelihood: float
    n_used: int
    converged: bool
    tag_effects: dict[str, dict[str, float]] = field(default_factory=dict)


def fit(model: VoteModel, motion: MotionInput, goodwill: np.ndarray, observed: np.ndarray,
        names: list[str], tags: list[str] | None = None) -> Fit:
    """Fit ``names`` stance coefficients, the cutpoints, and the effects of ``tags`` (each
    entry of ``model.coefficients.tag_effects`` named, every feature in it).

    observed: (n_voters,) ballot codes (0 yes, 1 no, 2 abstain, 3 absent) aligned with
    ``motion.voters``. Raises ValueError if no voter cast yes/no/abstain, or if a tag is on
    no wording of the motion's texts.
    """
    voters = motion.voters
    effects = {t: dict(e) for t, e in model.coefficients.tag_effects.items()}
    pairs = [(t, f) for t in tags or [] for f in effects.get(t, {})]
    in_texts = {t for c, tags_c in enumerate(model.clause_tags) for t in tags_c
                if motion.proposal[c] or (motion.status_quo is not None and motion.status_quo[c])}
    missing = [t for t in tags or [] if t not in in_texts]
    if missing:
        raise ValueError(f"no wording of this motion has the tag {missing[0]!r}, so its "
                         "effect cannot be fitted to this vote")
    cols = [model.feature_index[n] for n in names]
    used = observed < 3
    if not used.any():
        raise ValueError("the roll call has no yes, no or abstain for this motion's voters")
    x = model.features[voters][:, cols][used]                        # (n, k)
    good = motion.orient * goodwill[voters][used]

    def terms(tag_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(slope, wording) per used voter with these tag effects."""
        if pairs:
            for (t, f), v in zip(pairs, tag_values, strict=True):
                effects[t][f] = float(v)
            demand = model.demand_with(effects)[voters][used]
        else:
            demand = model.demand[voters][used]
        q_p = demand @ motion.proposal
        q_s = (demand @ motion.status_quo if motion.status_quo is not None
               else np.full(len(q_p), model.no_resolution))
        return model.slope(motion, q_p, q_s), model.wording_term(motion, q_p, q_s)

    y = observed[used]
    k = len(cols)

    def nll(params: np.ndarray) -> float:
        theta, tag_values, half = params[:k], params[k:-1], np.exp(params[-1])
        slope, wording = terms(tag_values)
        probs = ordered_logit(slope * (x @ theta) - wording + good, np.array([-half, half]),
                              None)
        return float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-12, 1.0)).sum()
                     + RIDGE * (params[:-1] ** 2).sum())

    start = np.concatenate([[model.theta[c] for c in cols],
                            [model.coefficients.tag_effects[t][f] for t, f in pairs],
                            [np.log(max(1e-3, float(np.diff(model.cutpoints)[0]) / 2))]])
    from scipy.optimize import minimize  # here: scipy.optimize takes a second to load

    res = minimize(nll, start, method="BFGS")
    half = round(float(np.exp(res.x[-1])), 4)
    stance = {n: round(float(v), 4) for n, v in zip(names, res.x[:k], strict=True)}
    fitted_tags: dict[str, dict[str, float]] = {}
    for (t, f), v in zip(pairs, res.x[k:-1], strict=True):
        fitted_tags.setdefault(t, {})[f] = round(float(v), 4)
    return Fit(stance, (-half, half), float(res.fun), int(used.sum()), bool(res.success),
               fitted_tags)


def ballot_codes(ballots: Mapping[str, str], iso: list[str]) -> np.ndarray:
    """Ballot codes (n,) for ISO codes ``iso`` from a roll call's ballots by ISO code (as
    ``game.scenario.history.read_roll_call`` reads them). Members not listed count as absent.
    """
    codes = {b: i for i, b in enumerate(BALLOTS)}
    return np.array([codes[ballots.get(c, "absent")] for c in iso], dtype=np.int64)


def cross_validate(model: VoteModel, motion: MotionInput, goodwill: np.ndarray,
                   observed: np.ndarray, names: list[str], folds: int = 10,
                   seed: int = 0, tags: list[str] | None = None) -> np.ndarray:
    """Out-of-fold probabilities (n_voters, 4): each member predicted by a fit (of the stance,
    the cutpoints and the effects of ``tags``) that never saw its vote. Folds are a fixed
    shuffle of the voters (``seed``), so the result is repeatable.
    """
    order = np.random.default_rng(seed).permutation(len(observed))
    out = np.zeros((len(observed), 4))
    for k in range(folds):
        held = order[k::folds]
        train = observed.copy()
        train[held] = 3                                  # absent: left out of the likelihood
        result = fit(model, motion, goodwill, train, names, tags)
        probs = probabilities_with(model, motion, goodwill, result)
        out[held] = probs[held]
    return out


def probabilities_with(model: VoteModel, motion: MotionInput, goodwill: np.ndarray,
                       result: Fit) -> np.ndarray:
    """The model's (n_voters, 4) probabilities with fitted coefficients in place of its own."""
    effects = {t: {**e, **result.tag_effects.get(t, {})}
               for t, e in model.coefficients.tag_effects.items()}
    other = model.with_coefficients(result.stance, result.cutpoints, effects)
    return other.probabilities(motion, goodwill)


#: Parameters a tally can fit (second step), with their transforms to an unbounded scale.
TALLY_PARAMETERS = ("salience", "abstainers_absent", "attendance_scale")


@dataclass(frozen=True)
class TallyFit:
    """Second-step result: the fitted per-kind values, the expected tally they give (yes, no,
    abstain, absent), and the multinomial deviance against the recorded tally."""

    values: dict[str, float]
    expected: tuple[float, float, float, float]
    deviance: float


def fit_tally(model: VoteModel, motion: MotionInput, goodwill: np.ndarray,
              tally: np.ndarray, names: list[str]) -> TallyFit:
    """Fit ``names`` (a subset of TALLY_PARAMETERS) of one motion to its recorded tally.

    tally: (4,) counts of yes, no, abstain, absent. The expected tally (sums of the model's
    probabilities over the voters) is matched by minimum multinomial deviance,
    ``2 * sum n_k log(n_k / E_k)``; salience is searched on a log scale, the share of absent
    abstainers on a logit scale. Raises ValueError for another name or an empty tally.
    """
    unknown = [n for n in names if n not in TALLY_PARAMETERS]
    if unknown or tally.sum() <= 0:
        raise ValueError(f"cannot fit {unknown} to a tally" if unknown else "empty tally")
    n = np.asarray(tally, dtype=float)
    scale0 = float(model.coefficients.attendance_scale)

    def build(params: np.ndarray) -> MotionInput:
        values = dict(zip(names, params, strict=True))
        sal = float(np.exp(values["salience"])) if "salience" in values else motion.salience
        absent = (float(1 / (1 + np.exp(-values["abstainers_absent"])))
                  if "abstainers_absent" in values else motion.abstainers_absent)
        out = replace(motion, salience=sal, abstainers_absent=absent)
        if "attendance_scale" in values and motion.absence is not None:
            # the motion's own P(absent) (sponsors turn up) scales with the model's
            ratio = float(np.exp(values["attendance_scale"])) / scale0
            out = replace(out, absence=np.minimum(motion.absence * ratio, 0.95))
        return out

    def scaled(params: np.ndarray) -> VoteModel:
        if "attendance_scale" not in names:
            return model
        return model.with_attendance_scale(float(np.exp(params[names.index("attendance_scale")])))

    def expected(params: np.ndarray) -> np.ndarray:
        return scaled(params).probabilities(build(params), goodwill).sum(axis=0)

    def deviance(params: np.ndarray) -> float:
        e = np.clip(expected(params), 1e-9, None)
        e = e * n.sum() / e.sum()
        return float(2 * np.sum(np.where(n > 0, n * np.log(np.where(n > 0, n, 1) / e), 0)))

    start = np.array([np.log(motion.salience) if k == "salience"
                      else np.log(scale0) if k == "attendance_scale"
                      else np.log((motion.abstainers_absent + 0.01) /
                                  (1.01 - motion.abstainers_absent)) for k in names])
    from scipy.optimize import minimize  # here: scipy.optimize takes a second to load

    res = minimize(deviance, start, method="Nelder-Mead",
                   options={"xatol": 1e-4, "fatol": 1e-6, "maxiter": 2000})
    best = build(res.x)
    picked = {"salience": best.salience, "abstainers_absent": best.abstainers_absent,
              "attendance_scale": float(np.exp(res.x[names.index("attendance_scale")]))
              if "attendance_scale" in names else scale0}
    values = {k: round(float(picked[k]), 4) for k in names}
    exp = expected(res.x)
    return TallyFit(values, (float(exp[0]), float(exp[1]), float(exp[2]), float(exp[3])),
                    float(res.fun))
