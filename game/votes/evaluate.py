"""How well a forecast matches a real roll call: accuracy, balanced accuracy, F1, confusion.

Baselines: always "yes"; and the majority ballot of the member's regional group in the same
roll call, leaving the member itself out (a member with no group gets the overall majority).
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from ..procedure import BALLOTS


def scores(predicted: np.ndarray, observed: np.ndarray) -> dict:
    """Metrics for ballot codes, both (n,) ints in 0..3.

    Balanced accuracy is the mean recall over the classes that occur in ``observed``.
    Returns {"accuracy", "balanced_accuracy", "f1": {ballot: f1}, "confusion": 4x4 list
    (rows observed, columns predicted), "n"}.
    """
    confusion = np.zeros((4, 4), dtype=int)
    np.add.at(confusion, (observed, predicted), 1)
    present = confusion.sum(axis=1) > 0
    recall = np.divide(np.diag(confusion), confusion.sum(axis=1),
                       out=np.zeros(4), where=present)
    col = confusion.sum(axis=0)
    precision = np.divide(np.diag(confusion), col, out=np.zeros(4), where=col > 0)
    f1 = np.divide(2 * precision * recall, precision + recall,
                   out=np.zeros(4), where=(precision + recall) > 0)
    return {"n": int(len(observed)),
            "accuracy": round(float((predicted == observed).mean()), 4),
            "balanced_accuracy": round(float(recall[present].mean()), 4),
            "f1": {b: round(float(f), 4)
                   for b, f, p in zip(BALLOTS, f1, present, strict=True) if p},
            "confusion": confusion.tolist()}


def group_majority(observed: np.ndarray, groups: list[str | None]) -> np.ndarray:
    """Leave-one-out majority ballot of each member's regional group, (n,) codes."""
    overall = Counter(observed.tolist()).most_common(1)[0][0]
    out = np.empty_like(observed)
    for i, g in enumerate(groups):
        peers = [int(observed[j]) for j, h in enumerate(groups) if h == g and j != i and g]
        out[i] = Counter(peers).most_common(1)[0][0] if peers else overall
    return out


def evaluate(probabilities: np.ndarray, observed: np.ndarray, groups: list[str | None]) -> dict:
    """Model vs baselines on one roll call.

    probabilities: (n_voters, 4); observed: (n_voters,) codes; groups: regional group per
    voter. Reports on all voters and on those present and voting (yes/no/abstain), plus
    expected vs real tally.
    """
    predicted = probabilities.argmax(axis=1)
    voting = observed < 3
    predicted_voting = probabilities[:, :3].argmax(axis=1)
    real = np.bincount(observed, minlength=4)
    return {
        "all_members": {"model": scores(predicted, observed),
                        "always_yes": scores(np.zeros_like(observed), observed),
                        "regional_majority": scores(group_majority(observed, groups), observed)},
        "present_and_voting": {
            "model": scores(predicted_voting[voting], observed[voting]),
            "always_yes": scores(np.zeros(voting.sum(), dtype=int), observed[voting]),
            "regional_majority": scores(group_majority(observed, groups)[voting],
                                        observed[voting])},
        "tally": {"expected": {b: round(float(v), 2)
                               for b, v in zip(BALLOTS, probabilities.sum(0), strict=True)},
                  "real": {b: int(v) for b, v in zip(BALLOTS, real, strict=True)}},
    }
