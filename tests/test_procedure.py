"""Every vote rule the engine enforces, on hand-made tallies."""
import numpy as np

from game.procedure import Rule, decide

GA = Rule()
GA_IMPORTANT = Rule(majority="two_thirds")
COUNCIL_SUBSTANTIVE = Rule(affirmative_votes=9, veto=True)
COUNCIL_PROCEDURAL = Rule(affirmative_votes=9, veto=False)


def outcome(rule, yes, no, abstain, absent=0, p5_against=False):
    adopted, code = decide(np.array([[yes, no, abstain, absent]]), np.array([p5_against]), rule)
    return bool(adopted[0]), int(code[0])


def test_a_ga_draft_passes_with_more_yes_than_no_however_many_abstain():
    assert outcome(GA, 40, 39, 110) == (True, 0)


def test_abstentions_do_not_count_as_present_and_voting():
    assert outcome(GA, 2, 1, 190) == (True, 0)


def test_an_equally_divided_ga_vote_rejects_the_proposal():
    assert outcome(GA, 50, 50, 0) == (False, 3)


def test_an_important_question_needs_two_thirds_of_present_and_voting():
    assert outcome(GA_IMPORTANT, 100, 50, 40) == (True, 0)
    assert outcome(GA_IMPORTANT, 99, 50, 40) == (False, 1)


def test_the_council_needs_nine_affirmative_votes():
    assert outcome(COUNCIL_PROCEDURAL, 9, 6, 0) == (True, 0)
    assert outcome(COUNCIL_PROCEDURAL, 8, 0, 7) == (False, 1)


def test_a_permanent_members_no_blocks_a_substantive_question():
    assert outcome(COUNCIL_SUBSTANTIVE, 13, 2, 0, p5_against=True) == (False, 2)


def test_a_permanent_members_no_does_not_block_a_procedural_question():
    assert outcome(COUNCIL_PROCEDURAL, 11, 2, 2, p5_against=True) == (True, 0)


def test_an_abstaining_permanent_member_does_not_block():
    assert outcome(COUNCIL_SUBSTANTIVE, 9, 4, 2, p5_against=False) == (True, 0)


def test_rules_work_on_a_whole_batch_of_draws_at_once():
    counts = np.array([[9, 0, 6, 0], [9, 1, 5, 0], [8, 0, 7, 0]])
    adopted, code = decide(counts, np.array([False, True, False]), COUNCIL_SUBSTANTIVE)
    assert adopted.tolist() == [True, False, False]
    assert code.tolist() == [0, 2, 1]


from hypothesis import given, strategies as st  # noqa: E402

council_tallies = st.tuples(st.integers(0, 15), st.integers(0, 15)).filter(lambda t: sum(t) <= 15)


@given(council_tallies, st.booleans())
def test_a_permanent_members_no_blocks_only_substantive_council_votes(tally, p5_against):
    yes, no = tally
    counts = (yes, no, 15 - yes - no, 0)
    substantive, _ = outcome(COUNCIL_SUBSTANTIVE, *counts, p5_against=p5_against)
    procedural, _ = outcome(COUNCIL_PROCEDURAL, *counts, p5_against=p5_against)
    assert procedural == (yes >= 9)
    assert substantive == (yes >= 9 and not p5_against)


@given(st.integers(0, 193), st.integers(0, 193))
def test_a_ga_majority_counts_only_yes_and_no(yes, no):
    adopted, _ = outcome(GA, yes, no, 193 - yes - no if yes + no <= 193 else 0)
    assert adopted == (yes > no)
