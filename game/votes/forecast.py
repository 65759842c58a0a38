"""Monte Carlo forecasts and cast ballots, vectorised over members and draws."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..procedure import NO, Rule, decide


@dataclass(frozen=True)
class Forecast:
    """A motion's forecast.

    probabilities: (n_voters, 4) yes/no/abstain/absent; expected: (4,) expected tally;
    p_adopted: share of draws adopted; tallies: (n_draws, 4) simulated tallies.
    """

    probabilities: np.ndarray
    expected: np.ndarray
    p_adopted: float
    tallies: np.ndarray


def draw_ballots(probabilities: np.ndarray, rng: np.random.Generator, n_draws: int) -> np.ndarray:
    """Ballot codes (n_draws, n_voters) int8, drawn from per-voter probabilities (n_voters, 4)."""
    cum = np.cumsum(probabilities[:, :3], axis=1)                  # (n_voters, 3)
    u = rng.random((n_draws, probabilities.shape[0]))              # (n_draws, n_voters)
    return ((u >= cum[:, 0]).astype(np.int8) + (u >= cum[:, 1]) + (u >= cum[:, 2])).astype(np.int8)


def count(ballots: np.ndarray) -> np.ndarray:
    """Tallies (n_draws, 4) from ballot codes (n_draws, n_voters)."""
    n_draws = ballots.shape[0]
    offsets = (np.arange(n_draws, dtype=np.int64) * 4)[:, None]
    return np.bincount((ballots + offsets).ravel(), minlength=4 * n_draws).reshape(n_draws, 4)


def forecast(probabilities: np.ndarray, permanent: np.ndarray, rule: Rule,
             rng: np.random.Generator, n_draws: int = 10_000) -> Forecast:
    """Simulate a recorded vote ``n_draws`` times.

    permanent: bool (n_voters,) true for permanent members (veto holders).
    """
    ballots = draw_ballots(probabilities, rng, n_draws)
    tallies = count(ballots)
    p5_against = (ballots[:, permanent] == NO).any(axis=1) if permanent.any() else \
        np.zeros(n_draws, dtype=bool)
    adopted, _ = decide(tallies, p5_against, rule)
    return Forecast(probabilities, probabilities.sum(axis=0), float(adopted.mean()), tallies)
