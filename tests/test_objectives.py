"""Scoring a game against the scenario's objectives."""
import numpy as np

from game.decisions import Pass, ProceedToVote, RespondToOffer
from helpers import dprk_rules, dprk_world, fresh_state

apply, score = dprk_rules().apply, dprk_rules().score


def play_out(state):
    rng = np.random.default_rng(0)
    while not state.finished:
        if state.to_move == "opposition":
            state = apply(state, Pass("opposition"), rng)
        else:
            state = apply(state, ProceedToVote("sponsors"), rng)
    return state


def met(state):
    results, _, _ = score(state)
    return {r.objective.id: r.met for r in results}


def test_keeping_the_icc_language_meets_the_text_objectives():
    got = met(play_out(fresh_state()))
    assert got["committee_with_icc"] and got["plenary_with_icc"]
    assert got["referral_on_record"] is False          # held back: nobody went on record


def test_accepting_the_dprk_offer_wins_votes_but_loses_the_icc_objectives():
    kept = play_out(fresh_state())
    state = apply(fresh_state(), RespondToOffer("sponsors", "dprk_visit", True),
                  np.random.default_rng(0))
    state = play_out(state)
    got = met(state)
    assert got["committee_with_icc"] is False and got["plenary_with_icc"] is False
    with_offer, without = (dict(s.result("plenary_draft").tally) for s in (state, kept))
    assert with_offer["yes"] > without["yes"] and with_offer["no"] < without["no"]


def test_principled_opponents_still_vote_against_a_draft_without_the_icc_language():
    probabilities = dprk_rules().probabilities

    state = apply(fresh_state(), RespondToOffer("sponsors", "dprk_visit", True),
                  np.random.default_rng(0))
    p = probabilities(state, "c3_draft")
    index = dprk_world().index
    for iso in ("CUB", "PRK", "CHN", "VEN", "SYR"):
        assert p[index[iso]].argmax() == 1, iso      # 1 = against
    assert p[:, 1].sum() > 8


def test_the_score_adds_the_points_of_the_objectives_met():
    results, won, possible = score(play_out(fresh_state()))
    assert won == sum(r.objective.points for r in results if r.met)
    assert possible == sum(r.objective.points for r in results)
