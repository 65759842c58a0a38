"""Forecasts of a motion: exact (the distribution of the counts, see tallies.py), and the
Monte Carlo simulation kept as an independent check of it; ballots cast from uniforms."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..procedure import Rule, decide
from .tallies import count_distribution, outcome_by_yes, veto_split, whole_counts


@dataclass(frozen=True)
class Forecast:
    """A motion's forecast.

    probabilities: (n_voters, 4) yes/no/abstain/absent; expected: (4,) expected tally;
    p_adopted: chance it is adopted; p_vetoed: chance that enough votes are cast in favour but
    a permanent member's negative vote blocks it. An exact forecast has ``by_yes``; a
    simulated one has ``tallies`` and ``codes`` instead.
    """

    probabilities: np.ndarray
    expected: np.ndarray
    p_adopted: float
    #: Simulated tallies (n_draws, 4); None in an exact forecast.
    tallies: np.ndarray | None = None
    p_vetoed: float = 0.0
    #: decide()'s code per draw (n_draws,): 0 adopted, 1 too few votes, 2 vetoed, 3 tie.
    codes: np.ndarray | None = None
    #: Exact P(decide's code = c, votes in favour = i), (4, n_voters + 1).
    by_yes: np.ndarray | None = None

    @property
    def counts(self) -> np.ndarray:
        """The expected tally in whole votes (4,) int64, adding up to the voters (largest
        remainder): what a screen shows as "expected if voted now"."""
        return whole_counts(self.expected, self.probabilities.shape[0])

    def code_chances(self, min_yes: int | None = None, max_yes: int | None = None) -> np.ndarray:
        """P(decide's code = c and min_yes <= votes in favour <= max_yes), (4,): exact from
        ``by_yes``, else the share of simulated draws."""
        lo = 0 if min_yes is None else max(0, min_yes)
        if self.by_yes is not None:
            hi = self.by_yes.shape[1] - 1 if max_yes is None else max_yes
            return self.by_yes[:, lo:hi + 1].sum(axis=1) if hi >= lo else np.zeros(4)
        if self.tallies is None or self.codes is None:
            raise ValueError("a forecast needs by_yes, or tallies and codes")
        yes = self.tallies[:, 0]
        ok = yes >= lo
        if max_yes is not None:
            ok &= yes <= max_yes
        return np.bincount(self.codes[ok], minlength=4)[:4] / max(1, len(yes))


def exact_forecast(probabilities: np.ndarray, permanent: np.ndarray, rule: Rule) -> Forecast:
    """The exact forecast of a motion: the distribution of the counts, read through ``rule``.

    probabilities: (n_voters, 4); permanent: bool (n_voters,) true for veto holders (used only
    where ``rule.veto``). About 1-2 ms for 193 voters (``python -m benchmarks.votes``).
    """
    if rule.veto and np.any(permanent):
        tables = veto_split(probabilities, permanent)
    else:
        tables = count_distribution(probabilities)
    by_yes = outcome_by_yes(tables, rule)
    p_codes = np.clip(by_yes.sum(axis=1), 0.0, 1.0)
    return Forecast(probabilities, probabilities.sum(axis=0), float(p_codes[0]),
                    p_vetoed=float(p_codes[2]), by_yes=by_yes)


def draw_ballots(probabilities: np.ndarray, rng: np.random.Generator, n_draws: int) -> np.ndarray:
    """Ballot codes (n_draws, n_voters) int8, drawn from per-voter probabilities (n_voters, 4)."""
    cum = np.cumsum(probabilities[:, :3], axis=1)                  # (n_voters, 3)
    u = rng.random((n_draws, probabilities.shape[0]))              # (n_draws, n_voters)
    return ((u >= cum[:, 0]).astype(np.int8) + (u >= cum[:, 1]) + (u >= cum[:, 2])).astype(np.int8)


def ballots_from_uniforms(probabilities: np.ndarray, u: np.ndarray,
                          attendance: np.ndarray | None = None) -> np.ndarray:
    """Ballot codes (n_voters,) int8 from one uniform per voter, ``u`` (n_voters,).

    With ``attendance`` (n_voters,), a second uniform per voter decides presence on its own
    (absent when below P(absent)), and ``u`` the ballot of those present, read against the
    probabilities given presence: two votes drawn with the same ``u`` (a draft in committee,
    then in plenary) then keep their ballots alike while attendance on each day is drawn anew.
    Each voter's ballot still has the probabilities (n_voters, 4) given.
    """
    if attendance is None:
        cum = np.cumsum(probabilities[:, :3], axis=1)
        return ((u >= cum[:, 0]).astype(np.int8) + (u >= cum[:, 1])
                + (u >= cum[:, 2])).astype(np.int8)
    p_absent = probabilities[:, 3]
    present = 1.0 - p_absent
    given = probabilities[:, :3] / np.where(present > 0, present, 1.0)[:, None]
    cum = np.cumsum(given, axis=1)
    codes = np.minimum((u >= cum[:, 0]).astype(np.int8) + (u >= cum[:, 1]), 2).astype(np.int8)
    codes[(attendance < p_absent) | (present <= 0)] = 3
    return codes


def count(ballots: np.ndarray) -> np.ndarray:
    """Tallies (n_draws, 4) from ballot codes (n_draws, n_voters)."""
    n_draws = ballots.shape[0]
    offsets = (np.arange(n_draws, dtype=np.int64) * 4)[:, None]
    return np.bincount((ballots + offsets).ravel(), minlength=4 * n_draws).reshape(n_draws, 4)


def simulated_forecast(probabilities: np.ndarray, permanent: np.ndarray, rule: Rule,
                       rng: np.random.Generator, n_draws: int = 10_000) -> Forecast:
    """Simulate a recorded vote ``n_draws`` times: the Monte Carlo check of ``exact_forecast``
    (nothing in the game uses it; the benchmark and the tests compare the two).

    probabilities: (n_voters, 4); permanent: bool (n_voters,) true for veto holders.
    Draws are laid out (n_voters, n_draws) in float32 so that each comparison is against one
    threshold per row and the counts are int16 column sums: about 3 ms for 193 x 10,000.
    """
    cum = np.cumsum(probabilities[:, :3], axis=1).astype(np.float32)       # (n_voters, 3)
    u = rng.random((probabilities.shape[0], n_draws), dtype=np.float32)    # (n_voters, n_draws)
    below = np.empty(u.shape, dtype=bool)
    at_most = np.empty((3, n_draws), dtype=np.int16)       # voters with ballot code <= k
    for k in range(3):
        np.less(u, cum[:, k:k + 1], out=below)
        below.sum(axis=0, dtype=np.int16, out=at_most[k])
    n_voters = probabilities.shape[0]
    tallies = np.diff(at_most, axis=0, prepend=0, append=n_voters).T.astype(np.int64)
    if permanent.any():
        up, cp = u[permanent], cum[permanent]
        p5_against = ((up >= cp[:, :1]) & (up < cp[:, 1:2])).any(axis=0)
    else:
        p5_against = np.zeros(n_draws, dtype=bool)
    adopted, code = decide(tallies, p5_against, rule)
    return Forecast(probabilities, probabilities.sum(axis=0), float(adopted.mean()), tallies,
                    float((code == 2).mean()), code.astype(np.int64))
