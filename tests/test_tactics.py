"""The floor's tactics under the GA rules of procedure: no action (rules 116/74), division and
separate votes (rules 129/89), amendments furthest removed in substance first (rules 130/90),
two thirds for amendments to an important question (rule 84), and asking a permanent member
to abstain (Charter Art. 27(3))."""
from __future__ import annotations

import re

import numpy as np
import pytest

from game.decisions import (
    AskAbstention,
    DecisionError,
    Lobby,
    MoveNoAction,
    ObjectToDivision,
    Pass,
    ProceedToVote,
    RequestSeparateVote,
)
from game.rules import Rules
from game.scenario import load_text
from game.session import Session
from helpers import DPRK, dprk

DPRK_TEXT = DPRK.read_text(encoding="utf-8")
#: The fitted intercept, whatever `calibrate` last wrote.
STANCE = re.search(r"stance: \{intercept: -?[0-9.]+,", DPRK_TEXT).group(0)


def case(text: str = DPRK_TEXT):
    return load_text(text, "tactics_case.yaml")


def hostile_room():
    """The DPRK case with a room that dislikes scrutiny: drafts and their paragraphs lose."""
    assert STANCE in DPRK_TEXT
    return case(DPRK_TEXT.replace(STANCE, "stance: {intercept: -3.0,"))


def play(session: Session, *decisions) -> Session:
    for d in decisions:
        session.apply(d)
    return session


def to_committee_vote(session: Session) -> Session:
    """The sponsors ask for the vote; the opposition passes its last word."""
    session.apply(ProceedToVote("sponsors"))
    if not session.state.finished and session.state.phase == "last_word":
        session.apply(Pass("opposition"))
    return session


def results(session: Session) -> dict:
    return {r.motion: r for r in session.state.results}


def test_a_motion_for_no_action_is_voted_before_the_draft_and_its_amendments():
    s = Session(dprk(), 1, opponent=None)
    play(s, Lobby("sponsors", "IND", "coi_evidence"), MoveNoAction("opposition", "c3_draft"))
    assert s.vote_order()[:3] == ["c3_draft:no_action", "c3_amendment", "c3_draft"]
    to_committee_vote(s)
    motions = [r.motion for r in s.state.results]
    assert motions[:3] == ["c3_draft:no_action", "c3_amendment", "c3_draft"]


def test_a_rejected_motion_for_no_action_leaves_the_draft_to_be_voted():
    s = Session(dprk(), 1, opponent=None)
    play(s, Lobby("sponsors", "IND", "coi_evidence"), MoveNoAction("opposition", "c3_draft"))
    got = results(to_committee_vote(s))
    assert got["c3_draft:no_action"].outcome == "rejected"
    assert got["c3_draft"].ballots and got["c3_draft"].outcome == "adopted"


def test_an_adopted_motion_for_no_action_means_the_draft_is_not_put_to_the_vote():
    s = Session(hostile_room(), 1, opponent=None)
    play(s, Lobby("sponsors", "IND", "coi_evidence"), MoveNoAction("opposition", "c3_draft"))
    got = results(to_committee_vote(s))
    assert got["c3_draft:no_action"].adopted
    assert got["c3_draft"].outcome == "no_action" and not got["c3_draft"].ballots
    assert got["c3_amendment"].outcome == "no_action"
    assert "rule 116" in got["c3_draft"].decided_by          # a Main Committee
    assert got["plenary_draft"].outcome == "not_held"        # nothing reached the plenary


def test_no_action_is_moved_only_by_those_against_the_draft_and_only_once():
    s = Session(dprk(), 1, opponent=None)
    with pytest.raises(DecisionError):
        s.apply(MoveNoAction("sponsors", "c3_draft"))
    play(s, Lobby("sponsors", "IND", "coi_evidence"), MoveNoAction("opposition", "c3_draft"))
    s.apply(Lobby("sponsors", "BRA", "coi_evidence"))
    with pytest.raises(DecisionError):
        s.apply(MoveNoAction("opposition", "c3_draft"))


def test_a_separate_vote_not_objected_to_is_held_without_a_motion_for_division():
    s = Session(dprk(), 1, opponent=None)
    play(s, Lobby("sponsors", "IND", "coi_evidence"),
         RequestSeparateVote("opposition", "c3_draft", "op_icc"))
    got = results(to_committee_vote(s))
    assert "c3_draft:division:op_icc" not in got
    assert got["c3_draft:separate_vote:op_icc"].ballots


def test_an_objection_puts_the_motion_for_division_to_the_vote_first():
    s = Session(dprk(), 1, opponent=None)
    play(s, Lobby("sponsors", "IND", "coi_evidence"),
         RequestSeparateVote("opposition", "c3_draft", "op_icc"),
         ObjectToDivision("sponsors", "c3_draft", "op_icc"), Pass("opposition"))
    order = s.vote_order()
    assert order.index("c3_draft:division:op_icc") < order.index(
        "c3_draft:separate_vote:op_icc") < order.index("c3_draft")
    got = results(to_committee_vote(s))
    division = got["c3_draft:division:op_icc"]
    assert division.ballots
    separate = got["c3_draft:separate_vote:op_icc"]
    if division.adopted:
        assert separate.ballots
    else:
        assert separate.outcome == "not_held" and "division was rejected" in separate.decided_by


def test_a_rejected_motion_for_division_keeps_the_paragraph_in_the_text():
    rejected = 0
    for seed in range(1, 9):          # the division is close: look at the games that reject it
        s = Session(dprk(), seed, opponent=None)
        play(s, Lobby("sponsors", "IND", "coi_evidence"),
             RequestSeparateVote("opposition", "c3_draft", "op_icc"),
             ObjectToDivision("sponsors", "c3_draft", "op_icc"), Pass("opposition"))
        got = results(to_committee_vote(s))
        if got["c3_draft:division:op_icc"].outcome == "rejected":   # the room keeps OP 8
            rejected += 1
            assert got["c3_draft:separate_vote:op_icc"].outcome == "not_held"
            assert dict(got["c3_draft"].wording).get("op_icc") == "original"
    assert rejected >= 2


def test_a_paragraph_rejected_in_a_separate_vote_leaves_the_text_before_the_vote_as_a_whole():
    s = Session(hostile_room(), 1, opponent=None)
    play(s, Lobby("sponsors", "IND", "coi_evidence"),
         RequestSeparateVote("opposition", "c3_draft", "op_condemn"))
    got = results(to_committee_vote(s))
    assert got["c3_draft:separate_vote:op_condemn"].outcome == "rejected"
    assert "op_condemn" not in dict(got["c3_draft"].wording)


def test_the_other_side_cannot_object_to_its_own_request():
    s = Session(dprk(), 1, opponent=None)
    play(s, Lobby("sponsors", "IND", "coi_evidence"),
         RequestSeparateVote("opposition", "c3_draft", "op_icc"))
    s.apply(Lobby("sponsors", "BRA", "coi_evidence"))
    with pytest.raises(DecisionError):
        s.apply(ObjectToDivision("opposition", "c3_draft", "op_icc"))


TWO_AMENDMENTS = DPRK_TEXT.replace("    motions: [c3_amendment, c3_draft]", (
    "    motions: [small_amendment, icc_amendment, c3_amendment, c3_draft]")).replace(
    "  - id: c3_draft\n", """  - id: small_amendment
    body: third_committee
    symbol: "Hypothetical amendment (two minor paragraphs)"
    title: "Delete PP 4 and OP 3"
    kind: amendment
    amends: c3_draft
    delete: [pp_coi, op_engagement]
    sponsors_want: "no"
  - id: icc_amendment
    body: third_committee
    symbol: "Hypothetical amendment (OP 8 only)"
    title: "Delete OP 8"
    kind: amendment
    amends: c3_draft
    delete: [op_icc]
    sponsors_want: "no"
  - id: c3_draft
""", 1)


def test_two_amendments_are_voted_furthest_removed_in_substance_first():
    rules = Rules(case(TWO_AMENDMENTS))
    order = rules.vote_order(rules.new_game())
    # The small one touches more paragraphs, but OP 8 weighs far more: it goes first.
    assert order.index("c3_amendment") < order.index("icc_amendment") \
        < order.index("small_amendment") < order.index("c3_draft")


def test_an_amendment_adopted_first_makes_one_it_overtakes_moot():
    rules = Rules(case(TWO_AMENDMENTS.replace(STANCE, "stance: {intercept: -3.0,")))
    state = rules.apply(rules.new_game(), ProceedToVote("sponsors"), np.random.default_rng(0))
    state = rules.apply(state, Pass("opposition"), np.random.default_rng(0))
    got = {r.motion: r for r in state.results}
    assert got["c3_amendment"].adopted                  # deletes OP 7 and OP 8
    assert got["icc_amendment"].outcome == "moot"       # nothing left for it to delete


def test_an_amendment_to_an_important_question_needs_two_thirds():
    draft = '    kind: draft\n    text: l28\n    proposer: "the European Union and Japan"'
    text = DPRK_TEXT.replace(draft, draft + "\n    important: true", 1)
    assert text != DPRK_TEXT
    rules = Rules(case(text))
    world = rules.world
    assert world.rule(world.motions["c3_amendment"]).majority == "two_thirds"
    assert world.rule(world.motions["c3_draft:separate_vote:op_icc"]).majority == "two_thirds"
    assert world.rule(world.motions["c3_draft:no_action"]).majority == "simple"
    state = rules.apply(rules.new_game(), ProceedToVote("sponsors"), np.random.default_rng(0))
    state = rules.apply(state, Pass("opposition"), np.random.default_rng(0))
    assert "two-thirds majority" in state.result("c3_amendment").decided_by


def at_the_council(session: Session) -> Session:
    while session.stage().body != "security_council":
        to_committee_vote(session)
    return session


def test_a_permanent_member_set_on_its_veto_refuses_to_abstain():
    s = at_the_council(Session(dprk(), 1, opponent=None))
    capital = s.state.budget("sponsors")[0]
    s.apply(AskAbstention("sponsors", "CHN", "sc_referral"))
    assert not s.state.pledges and "refuses to abstain" in s.state.events[-1]
    assert s.state.budget("sponsors")[0] == capital - s.scenario.spec.costs.ask_abstention.capital


def test_a_pledged_abstention_removes_the_veto_from_the_forecast():
    s = at_the_council(Session(dprk(), 1, opponent=None))
    state = s.state.evolve(pledges=frozenset({"sc_referral@CHN", "sc_referral@RUS"}))
    p = s.probabilities("sc_referral", state)
    voters = s.voters("sc_referral")
    for iso in ("CHN", "RUS"):
        assert p[voters.index(iso), 1] == 0.0
    # exact: what is left is France, the UK and the US, each a few in ten thousand against
    assert s.forecast("sc_referral", state).p_vetoed < 1e-6
    assert s.forecast("sc_referral").p_vetoed > 0.9


def test_only_a_permanent_member_can_be_asked_to_abstain():
    s = at_the_council(Session(dprk(), 1, opponent=None))
    with pytest.raises(DecisionError):
        s.apply(AskAbstention("sponsors", "NGA", "sc_referral"))
    with pytest.raises(DecisionError):
        s.apply(AskAbstention("sponsors", "CHN", "sc_agenda"))     # procedural: no veto
