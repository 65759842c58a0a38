"""legal_decisions(state) is the one list of what may be done: everything on it applies,
everything off it is refused without changing anything."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.decisions import (
    AddressGroup,
    DecisionError,
    Lobby,
    Pass,
    ProceedToVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    TableMotion,
)
from game.rules import PHASES, Rules
from game.rules.legal import CANDIDATES
from game.session import Session
from helpers import dprk, dprk_rules

SIDES = ("sponsors", "opposition")


def every_candidate(rules: Rules, state) -> list:
    """Decisions of every type for both sides, whatever the phase (most of them illegal),
    plus a few that name nothing in the scenario."""
    world = rules.world
    out = []
    for side in SIDES:
        shown = state.evolve(to_move=side, finished=False) if not state.finished else state
        for kind in CANDIDATES:
            if kind in (ReviseText, TableMotion, SeekCosponsor, Lobby) and state.finished:
                continue
            out += list(CANDIDATES[kind](world, shown, side))
    out += [Lobby("sponsors", "XXX", "coi_evidence"), AddressGroup("sponsors", "Martians", "x"),
            ReviseText("sponsors", "op_nothing", "absent"), RespondToOffer("sponsors", "no", True),
            TableMotion("sponsors", "nothing", True)]
    return out


def walk(rules: Rules, picks: list[int], seed: int):
    """States met along a game whose decisions are picked from the legal list by index."""
    rng = np.random.default_rng(seed)
    state = rules.new_game()
    states = [state]
    for k in picks:
        legal = rules.legal_decisions(state)
        if not legal:
            break
        state = rules.apply(state, legal[k % len(legal)], rng)
        states.append(state)
    return states


def test_the_first_state_offers_lobbying_revisions_the_offer_and_the_vote():
    legal = dprk_rules().legal_decisions(dprk_rules().new_game())
    kinds = {type(d) for d in legal}
    assert {Lobby, AddressGroup, ReviseText, SeekCosponsor, RespondToOffer, ProceedToVote} <= kinds
    assert all(d.side == "sponsors" for d in legal)


def test_a_finished_game_has_no_legal_decision():
    session = Session(dprk(), 0)
    while not session.state.finished:
        session.play(ProceedToVote("sponsors"))
    assert session.legal_decisions() == []


def test_in_the_last_word_only_the_opposition_lobbies_or_passes():
    rules = dprk_rules()
    state = rules.apply(rules.new_game(), ProceedToVote("sponsors"), np.random.default_rng(0))
    assert state.phase == "last_word"
    kinds = {type(d) for d in rules.legal_decisions(state)}
    assert kinds <= set(PHASES["last_word"].decisions) and Pass in kinds


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(picks=st.lists(st.integers(0, 10_000), max_size=25), seed=st.integers(0, 2**16))
def test_every_listed_decision_applies(picks, seed):
    rules = dprk_rules()
    for state in walk(rules, picks, seed)[::4]:
        legal = rules.legal_decisions(state)
        for d in legal[:: max(1, len(legal) // 25)]:
            rules.apply(state, d, np.random.default_rng(seed))     # raises if it were illegal


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(picks=st.lists(st.integers(0, 10_000), max_size=25), seed=st.integers(0, 2**16))
def test_a_decision_not_listed_raises_and_changes_nothing(picks, seed):
    rules = dprk_rules()
    for state in walk(rules, picks, seed)[::5]:
        legal = set(rules.legal_decisions(state))
        before = state.digest()
        for d in every_candidate(rules, state):
            if d in legal:
                continue
            rng = np.random.default_rng(seed)
            stream = rng.bit_generator.state
            try:
                rules.apply(state, d, rng)
            except DecisionError:
                pass
            else:
                raise AssertionError(f"{d} applied but is not in legal_decisions")
            assert rng.bit_generator.state == stream and state.digest() == before


def test_at_the_council_the_referral_is_tabled_or_held_back_by_answering_the_veto_event():
    session = Session(dprk(), 0)
    while session.stage().body != "security_council":
        session.play(ProceedToVote("sponsors"))
    legal = session.legal_decisions()
    assert not [d for d in legal if isinstance(d, TableMotion)]
    with pytest.raises(DecisionError, match="veto_announced"):
        session.apply(TableMotion("sponsors", "sc_referral", True))
    assert RespondToOffer("sponsors", "veto_announced", True) in legal
    session.play(RespondToOffer("sponsors", "veto_announced", True))
    assert "sc_referral" in session.state.tabled


def test_holding_the_referral_back_cannot_be_undone_by_tabling_it_by_hand():
    session = Session(dprk(), 0)
    while session.stage().body != "security_council":
        session.play(ProceedToVote("sponsors"))
    session.play(RespondToOffer("sponsors", "veto_announced", False))
    assert "sc_referral" not in session.state.tabled
    assert TableMotion("sponsors", "sc_referral", True) not in session.legal_decisions()


def test_a_preview_changes_nothing_and_leaves_the_vote_stream_alone():
    session = Session(dprk(), 2014)
    before, stream = session.state.digest(), session.rng.bit_generator.state
    after = session.preview(ProceedToVote("sponsors"))
    assert after.phase == "last_word"
    assert session.state.digest() == before and session.rng.bit_generator.state == stream
    assert session.decisions == []
