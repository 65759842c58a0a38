"""The vote model: probabilities, forecasts, explanations, and their properties."""
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from game.decisions import Lobby
from game.procedure import NO
from game.rules import Rules, motions
from game.votes.forecast import count, draw_ballots, simulated_forecast
from helpers import dprk, dprk_rules, dprk_world, examples, fresh_state

RULES = dprk_rules()
apply, probabilities = RULES.apply, RULES.probabilities
explain, latent = RULES.explain, RULES.latent


def motion_forecast(state, motion):
    return RULES.forecast(state, motion)


def goodwill(state):
    return motions.goodwill(dprk_world(), state)

MOTIONS = ["c3_amendment", "c3_draft", "plenary_draft", "sc_agenda", "sc_referral"]
REAL = {"c3_amendment": (40, 77, 50), "c3_draft": (111, 19, 55), "plenary_draft": (116, 20, 53)}


@pytest.mark.parametrize("motion", MOTIONS)
def test_probabilities_are_between_zero_and_one_and_sum_to_one(motion):
    p = probabilities(fresh_state(), motion)
    assert p.shape[1] == 4
    assert ((p >= 0) & (p <= 1)).all()
    np.testing.assert_allclose(p.sum(axis=1), 1.0)


@pytest.mark.parametrize("motion", sorted(REAL))
def test_the_baseline_forecast_sits_within_five_of_each_real_tally(motion):
    expected = probabilities(fresh_state(), motion).sum(axis=0)
    for got, real in zip(expected[:3], REAL[motion], strict=True):
        assert abs(got - real) <= 5, (motion, expected, REAL[motion])


def test_the_baseline_forecast_adopts_the_agenda_and_vetoes_the_referral():
    state = fresh_state()
    assert motion_forecast(state, "sc_agenda").p_adopted > 0.9
    assert motion_forecast(state, "sc_referral").p_adopted < 0.05


def test_china_and_russia_are_forecast_to_vote_against_the_referral():
    state = fresh_state()
    world = dprk_world()
    voters = world.voters("security_council").tolist()
    p = probabilities(state, "sc_referral")
    for iso in ("CHN", "RUS"):
        assert p[voters.index(world.index[iso])].argmax() == NO


def test_a_simulation_of_ten_thousand_draws_counts_every_voter_in_every_draw():
    world = dprk_world()
    motion = world.motions["plenary_draft"]
    f = simulated_forecast(probabilities(fresh_state(), "plenary_draft"),
                           world.permanent(motion.body), world.rule(motion),
                           np.random.default_rng(1), 10_000)
    assert f.tallies.shape == (10_000, 4)
    assert (f.tallies.sum(axis=1) == 193).all()
    np.testing.assert_allclose(f.tallies.mean(axis=0), f.expected, atol=0.5)


def test_the_same_seed_draws_the_same_ballots():
    p = probabilities(fresh_state(), "plenary_draft")
    a = draw_ballots(p, np.random.default_rng(42), 3)
    b = draw_ballots(p, np.random.default_rng(42), 3)
    assert (a == b).all()
    assert (count(a) == count(b)).all()


@pytest.mark.parametrize("motion", MOTIONS)
@pytest.mark.parametrize("iso", ["IND", "CHN", "FRA", "NGA"])
def test_an_explanation_adds_up_to_the_latent_support(motion, iso):
    state = fresh_state()
    world = dprk_world()
    if world.index[iso] not in world.voters(world.motions[motion].body).tolist():
        pytest.skip("not a voter in this body")
    state = apply(state, Lobby("sponsors", "IND", "coi_evidence"), np.random.default_rng(0))
    parts = explain(state, motion, iso)
    assert sum(v for _, v in parts) == pytest.approx(latent(state, motion, iso), abs=1e-9)


def test_an_explanation_names_the_lobbying_that_moved_a_delegation():
    state = apply(fresh_state(), Lobby("sponsors", "IND", "coi_evidence"), np.random.default_rng(0))
    labels = [k for k, _ in explain(state, "c3_draft", "IND")]
    assert any("your lobbying" in k and "1x" in k for k in labels)
    assert any("ICC" in k for k in labels)


def test_no_recorded_2014_vote_is_a_model_input():
    # Deleting the history section must not change a single probability.
    from game.scenario import load_text
    from helpers import DPRK

    text = DPRK.read_text(encoding="utf-8")
    stripped = text[:text.index("\nhistory:")] + "\n"
    rules = Rules(load_text(stripped))
    state = rules.new_game()
    for motion in MOTIONS:
        np.testing.assert_array_equal(rules.probabilities(state, motion),
                                      probabilities(fresh_state(), motion))


members = st.sampled_from([m.iso3 for m in dprk().members
                           if m.iso3 not in ("PRK", "CUB", "JPN") and "EU" not in m.blocs])
sponsor_args = st.sampled_from(["coi_evidence", "accountability", "partnership",
                                "regional_solidarity"])


@settings(max_examples=examples(60), deadline=None)
@given(iso=members, argument=sponsor_args, motion=st.sampled_from(["c3_draft", "plenary_draft"]))
def test_lobbying_never_lowers_the_chance_of_voting_as_the_sponsors_want(iso, argument, motion):
    state = fresh_state()
    after = apply(state, Lobby("sponsors", iso, argument), np.random.default_rng(0))
    idx = dprk_world().index[iso]
    assert probabilities(after, motion)[idx, 0] >= probabilities(state, motion)[idx, 0] - 1e-12
    # ...and on Cuba's amendment, which the sponsors want rejected, P(in favour) never rises.
    assert probabilities(after, "c3_amendment")[idx, 0] <= \
        probabilities(state, "c3_amendment")[idx, 0] + 1e-12


@settings(max_examples=examples(40), deadline=None)
@given(iso=members, argument=sponsor_args)
def test_repeating_the_same_lobbying_yields_strictly_smaller_gains(iso, argument):
    world = dprk_world()
    state = fresh_state()
    idx = world.index[iso]
    gains = []
    for _ in range(4):
        before = goodwill(state)[idx]
        state = state.evolve(to_move="sponsors",
                             budgets=(("sponsors", 99, 99), ("opposition", 0, 0)))
        state = apply(state, Lobby("sponsors", iso, argument), np.random.default_rng(0))
        gains.append(goodwill(state)[idx] - before)
    if gains[0] == 0:
        assert all(g == 0 for g in gains)  # an argument with no purchase on this delegation
    else:
        assert all(a > b for a, b in zip(gains, gains[1:], strict=False))


def test_an_explanation_speaks_in_a_students_words_not_in_model_numbers():
    labels = [k for k, _ in explain(fresh_state(), "c3_draft", "IND")]
    assert "abstained on this resolution 2005-2011" in labels
    assert "votes with the United States 1 time in 10 (2014)" in labels
    assert any("the Iran human-rights texts" in k for k in labels)
    assert labels[0].startswith("where the room as a whole stands")
    assert all(len(k) <= 72 for k in labels)          # two lines of the dossier
    assert not any(re.search(r"ideal point|average delegation|[+-]\d\.\d\d", k) for k in labels)
    council = [k for k, _ in explain(fresh_state(), "sc_referral", "NGA")]
    assert "the wording: ICC referral, Chapter VII (as ICC member, AU member)" in council


def test_attendance_drawn_apart_keeps_each_ballots_probabilities_and_the_ballots_of_those_present():
    from game.votes.forecast import ballots_from_uniforms
    rng = np.random.default_rng(7)
    p = np.array([[0.5, 0.2, 0.2, 0.1], [0.05, 0.9, 0.04, 0.01], [0.0, 0.0, 0.0, 1.0]])
    u = rng.random((2000, 3))
    codes = np.array([ballots_from_uniforms(p, row, rng.random(3)) for row in u])
    for i in range(3):                                   # 2,000 draws: within about 3 sigma
        share = np.bincount(codes[:, i], minlength=4) / len(codes)
        assert np.allclose(share, p[i], atol=0.035), (i, share)
    same_u = rng.random(3)
    first = ballots_from_uniforms(p, same_u, np.full(3, 0.999))   # present unless certain
    second = ballots_from_uniforms(p, same_u, np.full(3, 0.5))
    assert (first[:2] == second[:2]).all()                     # same ballots when present
    assert first[2] == second[2] == 3                          # certain absence stays absent


def test_a_record_that_counts_against_a_delegation_does_not_read_as_if_it_counted_for_it():
    from game.votes.explain import against_the_room
    assert against_the_room("voted for this resolution in 2011 (before: abstained)", -0.5) == \
        "voted for this resolution only in 2011 (before: abstained)"
    assert against_the_room("voted for this resolution 2006-2011", -0.1).endswith(
        "less in favour than most")
    assert against_the_room("abstained on this resolution 2006-2011", 0.2).endswith(
        "more in favour than most")
    assert against_the_room("voted for this resolution 2006-2011", 0.4) == \
        "voted for this resolution 2006-2011"


def test_whom_an_argument_persuades_is_read_off_its_affinity_strongest_first():
    from game.votes.wording import audience_words

    assert audience_words({"au": 0.25, "nam": 0.1}) == (
        "Persuades most: African Union members, the Non-Aligned Movement.")
    assert audience_words({"hr_ideal_point": -0.15}) == (
        "Persuades most: delegations that vote against human-rights scrutiny.")
    assert audience_words({"icc_state_party": -0.15, "nam": 0.1}) == (
        "Persuades most: the Non-Aligned Movement; less: parties to the ICC's Rome Statute.")
    assert audience_words({}) == "Works the same on every delegation."
