"""Exact tallies: the distribution of (in favour, against) counts under independent members.

Each voter's ballot is an independent draw from its row of probabilities (yes, no, abstain,
absent), so the joint distribution of the counts is the coefficient table of the product of
one polynomial ``c + y x + n z`` per voter (x counts votes in favour, z votes against, c the
rest). It is built by dynamic programming within small groups of voters, vectorised over the
groups, and the groups' tables are multiplied pairwise by 2-D FFT convolution. The products
are cyclic on the window of tallies that holds all but ``TAIL`` of the chance (found from the
exact distributions of the yes and of the no count alone), so a table's cells are within
``TAIL`` of their true value plus the FFT's own rounding (about 1e-17). What decides a
vote (yes against no, two thirds of those present and voting, nine votes and no permanent
member against) is then read off the table cell by cell with ``procedure.decide`` itself, so
that ties and every other rule behave exactly as in a recorded vote.
"""
from __future__ import annotations

import functools

import numpy as np

from ..procedure import ABSENT, ABSTAIN, NO, YES, Rule, decide

#: Voters up to which one dynamic programme over the whole body beats grouping + FFT (the
#: Security Council's 15 always go this way).
DIRECT_UP_TO = 40
#: Groups the General Assembly's voters are split into before the FFT products (a power of
#: two; 16 was about the fastest for 193 voters on the 2-core reference machine).
GROUPS = 16
#: Share of the total chance the window may leave out, and so the most any cell is off by.
TAIL = 1e-18


def _polynomials(probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rest, yes, no) coefficients per voter, each (n_voters,)."""
    p = np.asarray(probabilities, dtype=np.float64)
    return p[:, ABSTAIN] + p[:, ABSENT], p[:, YES], p[:, NO]


def _grouped_dp(rest: np.ndarray, yes: np.ndarray, no: np.ndarray) -> np.ndarray:
    """Count tables of equal groups of voters, (n_groups, size + 1, size + 1), by dynamic
    programming vectorised over the groups; inputs (n_groups, size). Only the corner that can
    be reached after k voters ((k + 1) x (k + 1)) is updated at step k."""
    n_groups, size = rest.shape
    table = np.zeros((n_groups, size + 1, size + 1))
    table[:, 0, 0] = 1.0
    spare = np.zeros_like(table)            # zeros outside the corner: read before written
    r, y, n = (v.T[:, :, None, None] for v in (rest, yes, no))     # (size, n_groups, 1, 1)
    for k in range(size):
        m = k + 2
        old, new = table[:, :m, :m], spare[:, :m, :m]
        np.multiply(old, r[k], out=new)
        new[:, 1:, :] += y[k] * old[:, :-1, :]
        new[:, :, 1:] += n[k] * old[:, :, :-1]
        table, spare = spare, table
    return table


def _marginals(rest: np.ndarray, yes: np.ndarray, no: np.ndarray) -> np.ndarray:
    """The yes count's and the no count's own distributions, (2, n_groups * size + 1), exact
    (sums of products of non-negative numbers, so small tails keep their digits); group
    inputs (n_groups, size) as for ``_grouped_dp``."""
    n_groups, size = rest.shape
    hit = np.concatenate([yes, no])                     # (2 n_groups, size)
    miss = np.concatenate([rest + no, rest + yes])
    table = np.zeros((2 * n_groups, size + 1))
    table[:, 0] = 1.0
    for k in range(size):
        grown = table[:, :k + 1] * hit[:, k:k + 1]
        table[:, 1:k + 2] = table[:, 1:k + 2] * miss[:, k:k + 1] + grown
        table[:, 0] *= miss[:, k]
    out = []
    for part in (table[:n_groups], table[n_groups:]):
        acc = part[0]
        for row in part[1:]:
            acc = np.convolve(acc, row)
        out.append(acc)
    return np.stack(out)


def _window(marginal: np.ndarray, tail: float) -> tuple[int, int]:
    """(first, last): the counts outside first..last hold at most ``tail`` below and at most
    ``tail`` above. marginal: (n,) non-negative."""
    below, above = np.cumsum(marginal), np.cumsum(marginal[::-1])[::-1]    # both accurate
    first = int(np.searchsorted(below, tail, side="right"))       # mass before first <= tail
    inside = np.nonzero(above > tail)[0]
    last = int(inside[-1]) if len(inside) else len(marginal) - 1   # mass after last <= tail
    return min(first, last), last


def fast_len(n: int) -> int:
    """The smallest length >= ``n`` with no prime factor above 5 (a fast real FFT length:
    what ``scipy.fft.next_fast_len(n, real=True)`` answers, without importing scipy.fft,
    which took a second of the game's start)."""
    m = max(1, n)
    while True:
        k = m
        for p in (2, 3, 5):
            while k % p == 0:
                k //= p
        if k == 1:
            return m
        m += 1


def _fft_products(tables: np.ndarray, degree: int, modulus: int) -> np.ndarray:
    """Multiply a power-of-two stack of count tables (n, d + 1, d + 1) pairwise until one is
    left; ``degree``: voters in all of them, which bounds the result's size. Once a product
    would outgrow ``modulus`` (a fast FFT length) it is taken cyclically, modulo ``modulus``
    in both counts."""
    while tables.shape[0] > 1:
        side = min(2 * tables.shape[1] - 1, degree + 1, modulus)  # degree + 1: no wrap-around
        shape = (min(fast_len(side), modulus),) * 2   # 2, 3, 5 only
        spectra = np.fft.rfft2(tables, shape)       # numpy's pocketfft: faster here than scipy's
        tables = np.fft.irfft2(spectra[0::2] * spectra[1::2], shape)[:, :side, :side]
    return tables[0]


def count_distribution(probabilities: np.ndarray) -> np.ndarray:
    """P(yes = i, no = j) for independent voters, (n_voters + 1, n_voters + 1) float64.

    probabilities: (n_voters, 4) yes/no/abstain/absent. Rows need not sum to one: a row whose
    "no" is zeroed gives the joint chance of the counts *and* that voter not voting against
    (``veto_split`` uses this). Cells no tally can reach (i + j > n_voters) are exactly 0;
    others are within ``TAIL`` times the total of their true value, plus float64 rounding of
    order 1e-17 from the FFT, clipped at 0.
    """
    rest, yes, no = _polynomials(probabilities)
    n_voters = rest.shape[0]
    out = np.zeros((n_voters + 1, n_voters + 1))
    # a voter certain of one ballot only shifts the table (the sides' leaders, a pledge)
    sure_yes = (rest == 0) & (no == 0)
    sure_no = (rest == 0) & (yes == 0) & ~sure_yes
    sure_rest = (yes == 0) & (no == 0) & ~sure_yes & ~sure_no
    free = ~(sure_yes | sure_no | sure_rest)
    scale = float(np.prod(yes[sure_yes]) * np.prod(no[sure_no]) * np.prod(rest[sure_rest]))
    at_y, at_n, k = int(sure_yes.sum()), int(sure_no.sum()), int(free.sum())
    rest, yes, no = rest[free], yes[free], no[free]
    if k <= DIRECT_UP_TO:
        table = _grouped_dp(rest[None], yes[None], no[None])[0]
    else:
        size = -(-k // GROUPS)
        pad = GROUPS * size - k                 # voters who never vote: a factor of 1
        stack = [np.concatenate([v, np.full(pad, fill)]).reshape(GROUPS, size)
                 for v, fill in ((rest, 1.0), (yes, 0.0), (no, 0.0))]
        marginals = _marginals(*stack)[:, :k + 1]
        tail = TAIL / 4 * float(marginals[0].sum())    # rows need not sum to one (veto_split)
        (y0, y1), (n0, n1) = (_window(m, tail) for m in marginals)
        modulus = fast_len(max(y1 - y0, n1 - n0) + 1)
        table = _fft_products(_grouped_dp(*stack), k, modulus)
        if table.shape[0] < k + 1:          # cyclic: put the window's cells where they belong
            rows = np.arange(y0, min(y0 + modulus, k + 1))
            cols = np.arange(n0, min(n0 + modulus, k + 1))
            full = np.zeros((k + 1, k + 1))
            full[np.ix_(rows, cols)] = table[np.ix_(rows % modulus, cols % modulus)]
            table = full
    table = np.maximum(table[:k + 1, :k + 1], 0.0)
    # only i + j <= k is reachable: keep the upper-left triangle, exactly zero elsewhere
    table = np.triu(table[:, ::-1])[:, ::-1]
    out[at_y:at_y + k + 1, at_n:at_n + k + 1] = scale * table
    return out


def veto_split(probabilities: np.ndarray, permanent: np.ndarray) -> np.ndarray:
    """P(no permanent member against, yes = i, no = j) and P(some permanent member against,
    yes = i, no = j), stacked: (2, n_voters + 1, n_voters + 1).

    probabilities: (n_voters, 4); permanent: bool (n_voters,). The first table zeroes the
    permanent members' "no"; the second is the whole distribution less the first.
    """
    total = count_distribution(probabilities)
    if not np.any(permanent):
        return np.stack([total, np.zeros_like(total)])
    none_against = np.array(probabilities, dtype=np.float64)
    none_against[np.asarray(permanent, dtype=bool), NO] = 0.0
    safe = count_distribution(none_against)
    return np.stack([safe, np.maximum(total - safe, 0.0)])


@functools.lru_cache(maxsize=16)
def _codes(n1: int, rule: Rule, vetoable: bool) -> np.ndarray:
    """decide()'s code for every tally of n1 - 1 voters, read-only int64: (n1, n1) indexed
    [yes, no] without a permanent member against, or (2, n1, n1) with the case of one against
    first-indexed 1 when ``vetoable``. A pure function of its arguments, memoised because each
    forecast of the same body asks for the same table."""
    yes, no = np.indices((n1, n1))
    counts = np.zeros((n1, n1, 4), dtype=np.int64)
    counts[..., YES], counts[..., NO] = yes, no
    flags = (False, True) if vetoable else (False,)
    code = np.stack([decide(counts, np.full((n1, n1), f), rule)[1] for f in flags])
    code = code * n1 + yes                   # the bincount index of (code, yes)
    out = code if vetoable else code[0]
    out.setflags(write=False)
    return out


def outcome_by_yes(tables: np.ndarray, rule: Rule) -> np.ndarray:
    """P(decide's code = c, yes = i), (4, n_voters + 1), from ``tables`` (2, n + 1, n + 1) as
    ``veto_split`` returns them, or one (n + 1, n + 1) table where no permanent member can
    block. Codes: 0 adopted, 1 too few votes, 2 vetoed, 3 tie."""
    n1 = tables.shape[-1]
    index = _codes(n1, rule, tables.ndim == 3)
    return np.bincount(index.ravel(), weights=tables.ravel(), minlength=4 * n1).reshape(4, n1)


def whole_counts(expected: np.ndarray, total: int | None = None) -> np.ndarray:
    """Expected counts (4,) as whole numbers (4,) int64 that add up to ``total`` (default: the
    rounded sum) by the largest-remainder method: each gets its floor, and the seats left go
    to the largest fractions (equal fractions in ballot order: yes, no, abstain, absent).

    Raises ValueError if the counts cannot add up to ``total`` (it is below the sum of the
    floors or more than one seat per count above it).
    """
    quotas = np.maximum(np.asarray(expected, dtype=np.float64), 0.0)
    total = int(round(float(quotas.sum()))) if total is None else int(total)
    floors = np.floor(quotas).astype(np.int64)
    left = total - int(floors.sum())
    if not 0 <= left <= len(quotas):
        raise ValueError(f"expected counts {quotas.round(3).tolist()} cannot add up to {total}")
    # fractions equal to 1e-9 are equal (10.6 - 10 and 2.6 - 2 differ in the 16th digit)
    fractions = np.round(quotas - floors, 9)
    floors[np.argsort(-fractions, kind="stable")[:left]] += 1
    return floors
