"""The procedure engine: order of votes, legality, and how decisions move the forecast."""
import numpy as np
import pytest

from game.decisions import (
    AddressGroup,
    DecisionError,
    Lobby,
    Pass,
    ProceedToVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
)
from helpers import dprk_rules, dprk_world, fresh_state

apply = dprk_rules().apply
probabilities = dprk_rules().probabilities


def rng():
    return np.random.default_rng(0)


def to_vote(state):
    """The sponsors ask for the vote; the opposition, if it may still act, passes."""
    state = apply(state, ProceedToVote("sponsors"), rng())
    return apply(state, Pass("opposition"), rng()) if state.closing else state


def p_yes(state, motion, iso):
    world = dprk_world()
    voters = world.voters(world.motions[motion].body).tolist()
    return probabilities(state, motion)[voters.index(world.index[iso]), 0]


def test_the_amendment_is_voted_before_the_draft_it_amends():
    world = dprk_world()
    assert world.stage_order(world.stages[0]) == ["c3_amendment", "c3_draft"]


def test_asking_for_the_vote_gives_the_opposition_the_floor_until_the_vote():
    state = apply(fresh_state(), ProceedToVote("sponsors"), rng())
    assert state.closing and state.to_move == "opposition" and state.results == ()
    state = apply(state, Lobby("opposition", "IND", "non_selectivity"), rng())
    assert state.closing and state.to_move == "opposition"
    with pytest.raises(DecisionError):
        apply(state, Lobby("sponsors", "BRA", "coi_evidence"), rng())
    state = apply(state, Pass("opposition"), rng())
    assert not state.closing and [r.motion for r in state.results] == ["c3_amendment", "c3_draft"]


def test_proceeding_to_the_vote_records_every_motion_of_the_stage_in_order():
    state = to_vote(fresh_state())
    assert [r.motion for r in state.results] == ["c3_amendment", "c3_draft"]
    assert state.stage == 1
    first = state.results[0]
    assert sum(n for _, n in first.tally) == 193
    assert len(first.ballots) == 193


def test_an_illegal_decision_raises_and_changes_nothing():
    state = fresh_state()
    before = state.digest()
    with pytest.raises(DecisionError):
        apply(state, Lobby("sponsors", "XXX", "coi_evidence"), rng())
    with pytest.raises(DecisionError):
        apply(state, Lobby("sponsors", "IND", "non_selectivity"), rng())  # opposition's argument
    with pytest.raises(DecisionError):
        apply(state, Pass("opposition"), rng())  # not their turn
    assert state.digest() == before


def test_lobbying_spends_capital_and_a_day_and_hands_the_turn_to_the_opposition():
    state = apply(fresh_state(), Lobby("sponsors", "IND", "coi_evidence"), rng())
    assert state.budget("sponsors") == (11, 9)
    assert state.to_move == "opposition"


def test_lobbying_a_delegation_raises_its_chance_of_voting_in_favour():
    state = fresh_state()
    after = apply(state, Lobby("sponsors", "IND", "coi_evidence"), rng())
    assert p_yes(after, "c3_draft", "IND") > p_yes(state, "c3_draft", "IND")


def test_the_oppositions_lobbying_lowers_that_chance():
    state = apply(fresh_state(), Lobby("sponsors", "BRA", "coi_evidence"), rng())
    after = apply(state, Lobby("opposition", "IND", "non_selectivity"), rng())
    assert p_yes(after, "c3_draft", "IND") < p_yes(state, "c3_draft", "IND")


def test_lobbying_against_cubas_amendment_lowers_support_for_the_amendment():
    state = fresh_state()
    after = apply(state, Lobby("sponsors", "IND", "coi_evidence"), rng())
    assert p_yes(after, "c3_amendment", "IND") < p_yes(state, "c3_amendment", "IND")


def test_dropping_the_icc_paragraph_wins_votes_for_the_draft():
    state = fresh_state()
    after = apply(state, ReviseText("sponsors", "op_icc", "absent"), rng())
    assert (probabilities(after, "c3_draft")[:, 0].sum()
            > probabilities(state, "c3_draft")[:, 0].sum() + 5)


def test_an_amendment_whose_changes_the_text_already_makes_is_not_put_to_the_vote():
    from game.rules.voting import set_wording

    state = fresh_state()
    wording = {p: v for p, v in state.text("l28").items() if p not in ("op_crimes", "op_icc")}
    wording["op_cooperative"] = "original"
    state = set_wording(state, "l28", wording)
    state = to_vote(state)
    assert state.result("c3_amendment").outcome == "moot"
    assert state.result("c3_draft").outcome in ("adopted", "rejected")


def test_addressing_a_bloc_moves_all_its_members_a_little():
    state = fresh_state()
    after = apply(state, AddressGroup("sponsors", "AU", "partnership"), rng())
    assert p_yes(after, "c3_draft", "NGA") > p_yes(state, "c3_draft", "NGA")
    assert p_yes(after, "c3_draft", "BRA") == pytest.approx(p_yes(state, "c3_draft", "BRA"))


def test_a_likely_supporter_agrees_to_co_sponsor_and_an_opponent_declines():
    state = apply(fresh_state(), SeekCosponsor("sponsors", "NZL"), rng())
    assert "NZL" in state.cosponsors
    state = apply(state, Pass("opposition"), rng())
    state = apply(state, SeekCosponsor("sponsors", "CHN"), rng())
    assert "CHN" in state.declined


def test_a_delegation_already_on_the_co_sponsor_list_cannot_be_asked_again():
    with pytest.raises(DecisionError, match="already a co-sponsor"):
        apply(fresh_state(), SeekCosponsor("sponsors", "USA"), rng())


def test_accepting_the_dprk_offer_drops_the_icc_language_and_adds_engagement():
    state = apply(fresh_state(), RespondToOffer("sponsors", "dprk_visit", True), rng())
    text = state.text("l28")
    assert "op_icc" not in text and "op_engagement" in text


def test_the_referral_is_only_voted_when_the_sponsors_table_it():
    state = fresh_state()
    for _ in range(3):
        state = to_vote(state)
    assert state.result("sc_referral").outcome == "not_tabled"
    assert state.finished


def test_a_tabled_referral_is_vetoed_by_a_permanent_members_no():
    state = fresh_state()
    state = to_vote(state)
    state = to_vote(state)
    state = apply(state, RespondToOffer("sponsors", "veto_announced", True), rng())
    state = to_vote(state)
    result = state.result("sc_referral")
    ballots = dict(result.ballots)
    assert ballots["CHN"] == "no" or ballots["RUS"] == "no"
    assert result.outcome == "vetoed"
    assert result.adopted is False


def test_a_rejected_draft_means_the_later_stages_do_not_meet():
    state = fresh_state()
    state = state.evolve(results=(), stage=0)
    from game.rules.phases import open_stage
    from game.state import VoteResult
    failed = state.evolve(results=(VoteResult("c3_draft", "rejected", False, "test"),))
    after = open_stage(dprk_world(), failed, 1)
    assert after.finished
    assert after.result("plenary_draft").outcome == "not_held"


def test_the_game_state_digest_changes_with_every_decision():
    state = fresh_state()
    after = apply(state, Lobby("sponsors", "IND", "coi_evidence"), rng())
    assert after.digest() != state.digest()
