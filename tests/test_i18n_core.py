"""The game's own words in French: illegal moves, the log, the reasons a vote went as it did,
the dossier's explanations and a damaged file's messages, while the game itself (votes,
digests, session files) stays the same in every language."""
from __future__ import annotations

import json

import numpy as np
import pytest

from game import i18n
from game.decisions import DecisionError, Lobby, Pass, ProceedToVote
from game.procedure import (
    DECIDED_BY,
    MAJORITY_WORDS,
    OUTCOME_WORDS,
    Rule,
    decided_by_words,
    explain,
)
from game.replay.reader import parse_bytes
from game.session import Session
from helpers import dprk

NBSP = "\u00a0"


def whole_game(tmp_path, lang: str, seed: int = 7) -> tuple[Session, list[dict]]:
    """A game of the greedy bot against the greedy bot, played through a Session in ``lang``,
    and its session file's lines without the start time."""
    path = tmp_path / f"{lang}.jsonl"
    with i18n.using(lang):
        session = Session(dprk(), seed, opponent="greedy", session_file=path)
        while not session.state.finished:
            session.play(session.bot_move("greedy"))
        session.close()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    lines[0].pop("started")
    return session, lines


@pytest.mark.slow
def test_a_whole_game_in_french_gives_the_same_votes_and_session_file_as_in_english(tmp_path):
    english, english_file = whole_game(tmp_path, "en")
    french, french_file = whole_game(tmp_path, "fr")
    assert [r.to_dict() for r in french.state.results] == \
        [r.to_dict() for r in english.state.results]
    assert french.state.digest() == english.state.digest()
    assert french_file == english_file
    assert french.state.events != english.state.events      # the log itself is in French
    assert any("ont démarché" in e for e in french.state.events)
    with i18n.using("fr"):
        reasons = [french.decided_by(r) for r in french.state.results]
    assert all(f != r.decided_by for f, r in zip(reasons, french.state.results, strict=True))


def test_an_illegal_decision_says_why_in_french():
    session = Session(dprk(), 1, opponent=None)
    with i18n.using("fr"), pytest.raises(DecisionError) as caught:
        session.check(Pass("sponsors"))
    assert str(caught.value) == ("les auteurs mettent fin à leurs démarches en passant au "
                                 "vote")
    with i18n.using("fr"), pytest.raises(DecisionError) as caught:
        session.check(ProceedToVote("opposition"))        # not the opposition's turn
    assert str(caught.value) == "c'est au tour des auteurs, pas de l'opposition"
    with pytest.raises(DecisionError) as caught:           # and in English as it always was
        session.check(ProceedToVote("opposition"))
    assert str(caught.value) == "it is the sponsors' turn, not the opposition's"


def test_a_move_is_logged_in_the_language_in_use():
    session = Session(dprk(), 1, opponent=None)
    argument = next(a.id for a in dprk().spec.arguments if a.side == "sponsors")
    with i18n.using("fr"):
        session.apply(Lobby("sponsors", "KEN", argument))
        sponsors = session.world.side_name("sponsors")
    said = session.state.events[-1]
    assert said.startswith(sponsors + " ont démarché ")
    assert f"{NBSP}:" in said
    assert said.by == "sponsors" and said.to_you.startswith("Vous avez démarché Kenya")


@pytest.mark.slow
def test_in_english_a_move_told_to_its_side_is_its_sentence_with_you_for_the_name(tmp_path):
    session, _lines = whole_game(tmp_path, "en", seed=3)
    told = [e for e in session.state.events if getattr(e, "by", None)]
    assert {e.by for e in told} == {"sponsors", "opposition"}
    for e in told:
        name = session.world.side_name(e.by)
        assert e.to_you == "You" + e[len(name):]


def test_every_reason_a_vote_records_stays_english_and_reads_in_french():
    counts = {0: np.array([100, 50, 20, 3]), 1: np.array([50, 100, 20, 3]),
              3: np.array([60, 60, 20, 3])}
    said = [explain(code, c, Rule(majority=m, word=w)) for code, c in counts.items()
            for m in MAJORITY_WORDS for w in OUTCOME_WORDS]
    said += [explain(code, np.array([v, 2, 1, 0]), Rule(affirmative_votes=9, veto=veto))
             for code, v in ((0, 11), (1, 7), (2, 10)) for veto in (True, False)
             if veto or code != 2]
    said.append(explain(1, np.array([0, 0, 180, 3]), Rule()))
    assert all(s.isascii() for s in said)                 # the record is the same in English
    assert [decided_by_words(s) for s in said] == said
    with i18n.using("fr"):
        french = [decided_by_words(s) for s in said]
    assert all(f != s for f, s in zip(french, said, strict=True))
    assert french[0].startswith(f"Adopté{NBSP}: 150 présents et votants")
    assert "majorité simple requise" in french[0]
    with i18n.using("fr"):
        vetoed = decided_by_words(explain(2, np.array([10, 2, 3, 0]), Rule(
            affirmative_votes=9, veto=True)) + ": China")
    assert vetoed.endswith(f"(veto){NBSP}: China")
    with i18n.using("fr"):
        vetoed = decided_by_words(explain(2, np.array([10, 2, 3, 0]), Rule(
            affirmative_votes=9, veto=True)) + ": China and Russian Federation",
            {"China": "Chine", "Russian Federation": "Fédération de Russie", "Chad": "Tchad"})
    assert vetoed.endswith(f"(veto){NBSP}: Chine et Fédération de Russie")
    assert len(DECIDED_BY) == len(set(DECIDED_BY))


def test_a_reason_that_is_no_sentence_of_the_record_is_shown_as_it_is():
    with i18n.using("fr"):
        assert decided_by_words("something an older game said") == \
            "something an older game said"


def test_the_dossier_explains_a_delegation_in_french():
    session = Session(dprk(), 1, opponent=None)
    english = [label for label, _value in session.explain("IND", "c3_draft")]
    with i18n.using("fr"):
        french = [label for label, _value in session.explain("IND", "c3_draft")]
    assert len(french) == len(english) and french != english
    assert french[0].startswith("la position de la salle dans son ensemble")
    assert [label for label, _value in session.explain("IND", "c3_draft")] == english


def test_a_damaged_session_file_is_described_in_french():
    with i18n.using("fr"):
        loaded = parse_bytes(b"")
    assert loaded.stopped is not None and loaded.stopped.kind == "not_session"
    assert loaded.stopped.message == f"ligne 1{NBSP}: le fichier est vide (pas d'en-tête)"
    assert parse_bytes(b"").stopped.message == "line 1: the file is empty (no header)"


def test_the_rules_of_a_vote_are_described_in_french():
    with i18n.using("fr"):
        assert Rule(affirmative_votes=9, veto=True).describe() == \
            "9 voix pour, et aucune voix contre d'un membre permanent"
        assert Rule(majority="two_thirds").describe(abstentions=False) == \
            "majorité des deux tiers des membres présents et votants"
    assert Rule().describe() == \
        "simple majority of members present and voting (abstentions not counted)"


def test_a_rejection_by_the_majority_reads_rejected_in_french_not_as_an_outcome_word():
    from game.procedure import decided_by_words

    said = ("Rejected: 129 present and voting (34 abstentions not counted); simple majority "
            "needs 65, got 57")
    with i18n.using("fr"):
        assert decided_by_words(said).startswith("Rejeté\u00a0: 129 présents et votants")
    assert decided_by_words(said) == said
