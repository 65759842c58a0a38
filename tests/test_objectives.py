"""Scoring a game against the scenario's objectives."""
import numpy as np

from game.decisions import Pass, ProceedToVote, RespondToOffer
from game.rules import apply
from game.rules.objectives import score
from tests.helpers import fresh_state


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


def test_accepting_the_dprk_offer_disarms_the_opposition_but_loses_the_icc_objectives():
    state = apply(fresh_state(), RespondToOffer("sponsors", "dprk_visit", True),
                  np.random.default_rng(0))
    state = play_out(state)
    got = met(state)
    assert got["committee_with_icc"] is False and got["plenary_with_icc"] is False
    assert dict(state.result("plenary_draft").tally)["no"] < 5


def test_the_score_adds_the_points_of_the_objectives_met():
    results, won, possible = score(play_out(fresh_state()))
    assert won == sum(r.objective.points for r in results if r.met)
    assert possible == sum(r.objective.points for r in results)
