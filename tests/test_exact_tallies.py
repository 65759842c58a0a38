"""Exact tallies: the distribution of the counts against brute force and Monte Carlo, the
rules read off it (ties, two thirds, nine votes, the veto), and whole-vote rounding."""
import itertools

import numpy as np
import pytest
from hypothesis import given, strategies as st

from game.procedure import Rule, decide
from game.votes.forecast import exact_forecast, simulated_forecast
from game.votes.tallies import _grouped_dp, count_distribution, veto_split, whole_counts
from helpers import dprk_rules, fresh_state

SIMPLE, TWO_THIRDS = Rule(), Rule(majority="two_thirds")
NINE_AND_VETO, NINE_PROCEDURAL = Rule(affirmative_votes=9, veto=True), Rule(affirmative_votes=9)
SMALL_COUNCIL = Rule(affirmative_votes=4, veto=True)     # nine of fifteen, scaled to six


def random_rows(seed: int, n: int, sure: int = 0) -> np.ndarray:
    """Rows (n) of yes/no/abstain/absent probabilities; the first ``sure`` are certain of one
    ballot (as the sides' leaders are), which the distribution handles as a plain shift."""
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.full(4, 0.7), n)
    for i in range(sure):
        p[i] = np.eye(4)[i % 4]
    return p


def brute_force(p: np.ndarray, permanent: np.ndarray, rule: Rule):
    """Every one of the 4^n ballots, weighted: (table P(yes, no), P(code) (4,), by_yes)."""
    n = len(p)
    table, codes, by_yes = np.zeros((n + 1, n + 1)), np.zeros(4), np.zeros((4, n + 1))
    for ballots in itertools.product(range(4), repeat=n):
        b = np.array(ballots)
        weight = float(np.prod(p[np.arange(n), b]))
        counts = np.bincount(b, minlength=4)
        _, code = decide(counts, np.array(bool((permanent & (b == 1)).any())), rule)
        table[counts[0], counts[1]] += weight
        codes[int(code)] += weight
        by_yes[int(code), counts[0]] += weight
    return table, codes, by_yes


@pytest.mark.slow
@pytest.mark.parametrize("rule", [SIMPLE, TWO_THIRDS, SMALL_COUNCIL, Rule(affirmative_votes=4)])
@pytest.mark.parametrize("seed, sure", [(1, 0), (2, 2), (3, 5)])
def test_the_exact_forecast_of_six_members_matches_all_4096_ballots(rule, seed, sure):
    p = random_rows(seed, 6, sure)
    permanent = np.array([True, False, False, True, False, False])
    table, codes, by_yes = brute_force(p, permanent, rule)
    f = exact_forecast(p, permanent, rule)
    np.testing.assert_allclose(count_distribution(p), table, atol=1e-15)
    np.testing.assert_allclose(f.by_yes, by_yes, atol=1e-15)
    assert f.p_adopted == pytest.approx(codes[0], abs=1e-15)
    assert f.p_vetoed == pytest.approx(codes[2], abs=1e-15)
    np.testing.assert_allclose(f.expected, p.sum(axis=0))
    # the chance of an outcome with a number of votes in favour, as objectives ask for it
    np.testing.assert_allclose(f.code_chances(min_yes=3), by_yes[:, 3:].sum(axis=1), atol=1e-15)
    np.testing.assert_allclose(f.code_chances(max_yes=2), by_yes[:, :3].sum(axis=1), atol=1e-15)


def test_the_permanent_members_split_the_table_into_no_veto_and_a_veto():
    p = random_rows(4, 6)
    permanent = np.array([True, True, False, False, False, False])
    safe, vetoed = veto_split(p, permanent)
    np.testing.assert_allclose(safe + vetoed, count_distribution(p), atol=1e-15)
    # no permanent member against: each of the two does anything but vote no
    assert safe.sum() == pytest.approx((1 - p[0, 1]) * (1 - p[1, 1]))


def test_the_grouped_fft_product_of_193_members_matches_one_dynamic_programme():
    p = random_rows(5, 193, sure=31)
    fast = count_distribution(p)
    np.testing.assert_allclose(fast, direct(p), atol=1e-15)
    assert fast.sum() == pytest.approx(1.0, abs=1e-12) and (fast >= 0).all()
    yes, no = np.indices(fast.shape)
    assert (fast[yes + no > 193] == 0).all()        # tallies of more than 193 votes: none


def direct(p: np.ndarray) -> np.ndarray:
    """The count table by one dynamic programme over every voter (no FFT, no window)."""
    return _grouped_dp(*(v[None] for v in (p[:, 2] + p[:, 3], p[:, 0], p[:, 1])))[0]


@pytest.mark.parametrize("motion", ["c3_amendment", "c3_draft", "plenary_draft"])
def test_the_windowed_fft_product_matches_one_dynamic_programme_on_the_real_motions(motion):
    p = dprk_rules().probabilities(fresh_state(), motion)
    np.testing.assert_allclose(count_distribution(p), direct(p), atol=1e-15)


def test_a_lopsided_body_and_zeroed_no_votes_still_match_one_dynamic_programme():
    # 193 voters who nearly all vote yes: a narrow window far from the table's corner; then
    # the first 60 may not vote against (rows that no longer sum to one, as in veto_split)
    rng = np.random.default_rng(8)
    p = np.column_stack([rng.uniform(0.9, 1.0, 193), np.zeros((193, 3))])
    p[:, 1:] = (1 - p[:, :1]) * rng.dirichlet(np.ones(3), 193)
    np.testing.assert_allclose(count_distribution(p), direct(p), atol=1e-15)
    p[:60, 1] = 0.0
    table = count_distribution(p)
    np.testing.assert_allclose(table, direct(p), atol=1e-15)
    assert table.sum() == pytest.approx(np.prod(p[:60].sum(axis=1)))     # each 1 - P(no)


@pytest.mark.parametrize("rule", [SIMPLE, TWO_THIRDS])
def test_the_exact_forecast_of_193_members_agrees_with_monte_carlo(rule):
    p = random_rows(6, 193)
    if rule is TWO_THIRDS:                  # a close two-thirds vote: yes twice as likely
        p[:, 0], p[:, 1] = 2 * (p[:, 0] + p[:, 1]) / 3, (p[:, 0] + p[:, 1]) / 3
    permanent = np.zeros(193, dtype=bool)
    f = exact_forecast(p, permanent, rule)
    n = 40_000
    mc = simulated_forecast(p, permanent, rule, np.random.default_rng(7), n)
    assert 0.05 < f.p_adopted < 0.95, "a close vote, so the comparison means something"
    for code in range(4):
        q = f.by_yes[code].sum()
        assert abs(np.mean(mc.codes == code) - q) < 5 * np.sqrt(q * (1 - q) / n) + 1e-9
    yes = np.arange(194)
    mean = (f.by_yes.sum(axis=0) * yes).sum()
    assert mean == pytest.approx(f.expected[0], abs=1e-9)
    assert abs(mc.tallies[:, 0].mean() - mean) < 5 * mc.tallies[:, 0].std() / np.sqrt(n)


def test_an_equally_divided_vote_is_a_tie_and_not_adopted():
    p = np.array([np.eye(4)[0], np.eye(4)[1], np.eye(4)[2]])      # one yes, one no, one abstains
    f = exact_forecast(p, np.zeros(3, dtype=bool), SIMPLE)
    assert f.p_adopted == 0.0 and f.by_yes[3].sum() == 1.0
    half = np.array([[0.5, 0.5, 0, 0], [0.5, 0.5, 0, 0]])      # 2-0, 1-1 (twice) or 0-2
    f = exact_forecast(half, np.zeros(2, dtype=bool), SIMPLE)
    assert f.p_adopted == pytest.approx(0.25) and f.by_yes[3].sum() == pytest.approx(0.5)


def test_two_thirds_counts_only_those_present_and_voting():
    # 10 in favour, 5 against, 40 abstaining: 10 of 15 present and voting is two thirds
    p = np.repeat(np.eye(4)[[0, 1, 2]], [10, 5, 40], axis=0)
    assert exact_forecast(p, np.zeros(55, dtype=bool), TWO_THIRDS).p_adopted == 1.0
    p = np.repeat(np.eye(4)[[0, 1, 2]], [9, 5, 40], axis=0)
    assert exact_forecast(p, np.zeros(54, dtype=bool), TWO_THIRDS).p_adopted == 0.0


def test_one_permanent_member_against_vetoes_a_substantive_draft_but_not_a_procedural_vote():
    p = np.repeat(np.eye(4)[[1, 0]], [1, 14], axis=0)          # a P5 member against, 14 for
    permanent = np.arange(15) == 0
    vetoed = exact_forecast(p, permanent, NINE_AND_VETO)
    assert vetoed.p_adopted == 0.0 and vetoed.p_vetoed == 1.0
    assert exact_forecast(p, permanent, NINE_PROCEDURAL).p_adopted == 1.0
    # an abstention does not block
    p[0] = np.eye(4)[2]
    assert exact_forecast(p, permanent, NINE_AND_VETO).p_adopted == 1.0


def test_the_councils_expected_counts_add_up_to_15_where_rounding_each_gives_16():
    expected = np.array([10.6, 2.6, 1.8, 0.0])
    assert sum(round(x) for x in expected) == 16
    assert whole_counts(expected).tolist() == [11, 2, 2, 0]


@pytest.mark.parametrize("motion, size", [("sc_referral", 15), ("sc_agenda", 15),
                                          ("c3_draft", 193), ("plenary_draft", 193)])
def test_a_forecast_in_whole_votes_adds_up_to_the_body(motion, size):
    f = dprk_rules().forecast(fresh_state(), motion)
    assert f.counts.sum() == size and (np.abs(f.counts - f.expected) < 1).all()


@given(st.lists(st.floats(0, 1), min_size=4, max_size=4).filter(lambda w: sum(w) > 0),
       st.integers(1, 400))
def test_largest_remainder_counts_add_up_and_stay_within_one_of_each_share(weights, total):
    expected = np.array(weights) / sum(weights) * total
    counts = whole_counts(expected, total)
    assert counts.sum() == total
    assert (np.abs(counts - expected) < 1 + 1e-9).all()


def test_counts_that_cannot_add_up_are_refused():
    with pytest.raises(ValueError, match="cannot add up"):
        whole_counts(np.array([5.0, 5.0, 0.0, 0.0]), 15)
