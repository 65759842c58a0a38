"""Backtest over the recorded votes on one resolution: predict each year from the earlier ones.

For each vote ``t`` from the third on (``Backtest.votes`` in the scenario, oldest first) the
model is an ordered logit (free cutpoints) fitted on the members present and voting at the
earlier votes only, each row with the facts as they stood before *its* vote; it then predicts
vote ``t`` from facts dated before ``t``. The first vote is never a training year: it has no
earlier record, so its record columns would all be imputed and teach the fit that a record
counts for nothing (an earlier version trained on it too, and lost to the baseline every
year); so the second vote, with one year to learn from, is the first predicted. Facts:

- intercept;
- the member's record on this resolution's earlier votes (recency weight ``decay`` per year),
  and its last ballot cast on it (two indicators: yes, no), so the model can learn how far to
  trust the baseline's rule;
- each fact the backtest names, recomputed before the vote: a ``record`` keeps its roll calls
  dated before it; an ``ideal_point`` is the first principal component of that vote's session,
  roll calls dated before it (the ``exclude`` list still left out).

Missing values (no earlier ballot cast) are filled by a least-squares line on the first
ideal point named, else 0. The baseline repeats each member's previous cast ballot on the
resolution (members with none are predicted "yes", the most common ballot). Both are scored on
the members present and voting at ``t``. Sessions and dates come from the shipped data.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..scenario.model_block import Fact, IdealPointFact, RecordFact
from ..scenario.unvotes import Record, record
from .evaluate import scores
from .facts import fill_linear, ideal_columns, ideal_values, record_columns, record_values
from .model import ordered_logit

#: Ballot letters of the shipped data -> ballot codes (0 yes, 1 no, 2 abstain, 3 not cast).
_CODE = {"y": 0, "n": 1, "a": 2, "x": 3, "-": 3}
#: Ridge penalty per coefficient (nats), as in calibrate.py: keeps separable fits finite.
RIDGE = 0.01


def _design(rec: Record, votes: list[int], k: int, facts: Mapping[str, Fact],
            decay: float) -> np.ndarray:
    """Facts before vote ``votes[k]``, (n_rows, 4 + n_facts): intercept, record, last ballot
    yes, last ballot no (0/0 = abstained, or none cast), facts."""
    date = rec.roll_calls[votes[k]].date
    session = rec.roll_calls[votes[k]].session
    codes = np.vectorize(_CODE.__getitem__, otypes=[np.int64])(rec.cells[:, votes[:k]])
    last = _previous(codes, default=-1)
    cols = [np.ones(len(rec.iso)), record_values(rec, votes[:k], decay),
            (last == 0).astype(float), (last == 1).astype(float)]
    ideal: np.ndarray | None = None
    for fact in facts.values():
        if isinstance(fact, IdealPointFact):
            moved = fact.model_copy(update={"sessions": [session], "before": date})
            value = ideal_values(rec, ideal_columns(rec, moved), fact.anchor)
            ideal = value if ideal is None else ideal
        elif isinstance(fact, RecordFact):
            value = record_values(rec, record_columns(rec, fact, before=date), fact.decay)
        else:
            raise ValueError("a bloc list has one date and cannot be recomputed before a vote")
        cols.append(value)
    x = np.column_stack(cols)
    for j in (1, *range(4, x.shape[1])):
        x[:, j] = (fill_linear(x[:, j], ideal) if ideal is not None
                   else np.nan_to_num(x[:, j]))
    return x


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ordered logit of codes ``y`` (n,) in 0..2 on ``x`` (n, k) whose first column is the
    intercept: (theta (k,), cutpoints (2,)). The cutpoints are free (no|abstain below
    abstain|yes), so the intercept is dropped from the fit (it would be confounded) and
    returned as 0."""
    z = x[:, 1:]

    def cuts(params: np.ndarray) -> np.ndarray:
        return np.array([params[-2], params[-2] + np.exp(params[-1])])

    def nll(params: np.ndarray) -> float:
        probs = ordered_logit(z @ params[:-2], cuts(params), None)
        return float(-np.log(np.clip(probs[np.arange(len(y)), y], 1e-12, 1.0)).sum()
                     + RIDGE * (params[:-2] ** 2).sum())
    from scipy.optimize import minimize  # here: scipy.optimize takes a second to load

    res = minimize(nll, np.r_[np.zeros(z.shape[1]), -1.0, np.log(2.0)], method="BFGS")
    return np.r_[0.0, res.x[:-2]], cuts(res.x)


def _previous(codes: np.ndarray, default: int = 0) -> np.ndarray:
    """Each row's last cast ballot among columns of ``codes`` (n, k); ``default`` if none."""
    out = np.full(codes.shape[0], default, dtype=np.int64)
    for j in range(codes.shape[1]):
        cast = codes[:, j] < 3
        out[cast] = codes[cast, j]
    return out


def backtest(symbols: Sequence[str], facts: Mapping[str, Fact], decay: float) -> dict:
    """Year-by-year backtest (see the module docstring) of the recorded votes ``symbols``.

    Returns {"years": [{"vote", "date", "trained_on", "n", "model": {accuracy,
    balanced_accuracy}, "repeat_previous": {...}}, ...], "model_beats_repeat_previous":
    "k of n years" on balanced accuracy}. Raises KeyError for a symbol not in the shipped data.
    """
    rec = record()
    votes = sorted((rec.column(s) for s in symbols), key=lambda j: rec.roll_calls[j].date)
    codes = np.vectorize(_CODE.__getitem__, otypes=[np.int64])(rec.cells[:, votes])
    designs = [_design(rec, votes, k, facts, decay) for k in range(len(votes))]
    years: list[dict] = []
    # the first vote has no earlier record: as a training year its record columns would all be
    # imputed, teaching the fit that a record counts for nothing; so it is only ever an input
    for t in range(2, len(votes)):
        train = [(designs[k][codes[:, k] < 3], codes[codes[:, k] < 3, k])
                 for k in range(1, t)]
        theta, cutpoints = _fit(np.vstack([a for a, _ in train]),
                                np.concatenate([b for _, b in train]))
        voting = codes[:, t] < 3
        probs = ordered_logit(designs[t][voting] @ theta, cutpoints, None)
        observed = codes[voting, t]
        model = scores(probs[:, :3].argmax(axis=1), observed)
        repeat = scores(_previous(codes[:, :t])[voting], observed)
        rc = rec.roll_calls[votes[t]]
        years.append({"vote": rc.symbol, "date": rc.date.isoformat(),
                      "trained_on": [rec.roll_calls[votes[k]].symbol for k in range(1, t)],
                      "n": int(voting.sum()),
                      "model": {k: model[k] for k in ("accuracy", "balanced_accuracy")},
                      "repeat_previous": {k: repeat[k] for k in ("accuracy",
                                                                  "balanced_accuracy")}})
    wins = sum(y["model"]["balanced_accuracy"] > y["repeat_previous"]["balanced_accuracy"]
               for y in years)
    return {"years": years, "model_beats_repeat_previous": f"{wins} of {len(years)} years",
            "wins": wins}
