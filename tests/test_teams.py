"""Teams at one screen, in the rules and the session file: lobbying rounds counted per side and
stage, the chair's time_up when a turn's clock runs out (a decision like any other), and a
header that records who played so that resume and replay are exact."""
from __future__ import annotations

import pytest

from game.bots import BOTS
from game.decisions import DecisionError, Lobby, Pass, TimeUp
from game.replay import load_decisions
from game.rules.pace import turns_taken
from game.session import Session
from helpers import dprk

BOTH = ("sponsors", "opposition")


def two_teams(tmp_path=None, rounds: int = 4, timer: int = 60, seed: int = 2014) -> Session:
    path = tmp_path / "teams.jsonl" if tmp_path is not None else None
    return Session(dprk(), seed, opponent=None, teams=BOTH, rounds=rounds, timer=timer,
                   session_file=path)


def play_greedy(session: Session, limit: int = 500) -> None:
    for _ in range(limit):
        if session.state.finished:
            return
        session.play(session.bot_move("greedy"))
    raise AssertionError("the game did not end")


def test_with_two_teams_the_side_at_the_keyboard_is_the_side_to_move():
    session = two_teams()
    assert session.side == "sponsors"
    session.play(Lobby("sponsors", "IND", "coi_evidence"))
    assert session.side == "opposition" and session.other == "sponsors"


def test_no_side_takes_more_lobbying_turns_in_a_stage_than_the_rounds_allow():
    session = two_teams(rounds=3)
    most: dict[tuple[int, str], int] = {}
    while not session.state.finished:
        stage = session.state.stage
        session.play(session.bot_move("greedy"))
        if session.state.stage == stage and not session.state.finished:
            for side in BOTH:
                key = (stage, side)
                most[key] = max(most.get(key, 0), turns_taken(session.state, side))
    assert most and max(most.values()) <= 3
    # the sponsors' last turn called the vote in each stage the bots played out
    assert any(n == 3 for (_, side), n in most.items() if side == "sponsors")


def test_time_up_is_out_of_order_without_a_timer():
    session = Session(dprk(), 2014, opponent=None)
    with pytest.raises(DecisionError, match="no turn timer"):
        session.apply(TimeUp("sponsors"))


def test_the_sponsors_time_running_out_costs_a_day_and_hands_the_floor_over():
    session = two_teams()
    days = session.state.budget("sponsors")[1]
    session.time_up()
    assert session.state.budget("sponsors")[1] == days - 1
    assert session.state.to_move == "opposition"
    assert turns_taken(session.state, "sponsors") == 1
    assert "time is up" in session.state.events[-1]


def test_the_oppositions_time_running_out_is_a_pass():
    timed, passed = two_teams(), two_teams()
    for s in (timed, passed):
        s.play(Lobby("sponsors", "IND", "coi_evidence"))
    timed.time_up()
    passed.play(Pass("opposition"))
    assert timed.state.to_move == passed.state.to_move == "sponsors"
    assert timed.state.budgets == passed.state.budgets
    assert turns_taken(timed.state, "opposition") == turns_taken(passed.state, "opposition") == 1


def test_no_bot_ever_chooses_time_up_though_it_is_legal_with_a_timer():
    session = two_teams()
    assert TimeUp("sponsors") in session.legal_decisions()
    for name in BOTS:
        assert not isinstance(session.bot_move(name), TimeUp), name


def test_a_two_team_game_with_timed_out_turns_replays_decision_by_decision(tmp_path):
    session = two_teams(tmp_path, rounds=4, timer=45)
    session.time_up()
    session.time_up()
    play_greedy(session)
    session.close()
    loaded = load_decisions(tmp_path / "teams.jsonl")
    assert loaded.header["teams"] == list(BOTH) and loaded.header["opponent"] is None
    assert loaded.header["rounds"] == 4 and loaded.header["timer"] == 45
    from game.cli.verify import replay

    result = replay(dprk(), loaded, loaded.seed)
    assert result.stopped is None and result.proven == len(loaded.decisions)
    assert result.session.state.digest() == session.state.digest()


def test_a_two_team_game_resumes_as_two_teams_with_its_rounds_and_timer(tmp_path):
    from game.cli.resume import resume_game

    session = two_teams(tmp_path, rounds=3, timer=30)
    for _ in range(5):
        session.play(session.bot_move("greedy"))
    session.close()
    game, _ = resume_game(tmp_path / "teams.jsonl")
    again = game.session
    assert again.teams == BOTH and again.opponent is None
    assert (again.rounds, again.timer) == (3, 30)
    assert again.state.digest() == session.state.digest()
    again.close()


def test_a_game_without_teams_keeps_the_header_and_digests_it_had():
    plain = Session(dprk(), 2014)
    assert not {"teams", "rounds", "timer"} & set(plain.header_info())
    assert "rounds" not in plain.state.to_dict() and "timed" not in plain.state.to_dict()


def test_a_team_against_the_bot_records_its_side_and_the_bot(tmp_path):
    session = Session(dprk(), 2014, side="opposition", opponent="greedy", teams=("opposition",),
                      rounds=4, timer=60, session_file=tmp_path / "t.jsonl")
    session.run_opponent()
    session.time_up()
    play_greedy(session)
    session.close()
    header = load_decisions(tmp_path / "t.jsonl").header
    assert header["sides"] == ["opposition"] and header["opponent"] == "greedy"
    assert header["teams"] == ["opposition"]


def test_bad_team_setups_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="no bot is left"):
        Session(dprk(), 0, opponent="greedy", teams=BOTH)
    with pytest.raises(ValueError, match="rounds must be"):
        Session(dprk(), 0, rounds=99)
    with pytest.raises(ValueError, match="timer"):
        Session(dprk(), 0, timer=-1)


def test_the_replay_viewer_and_the_class_report_read_a_timed_team_game_to_its_end(tmp_path):
    from game.cli.reviewing import open_review
    from game.report.sessions import SessionSummary, summarise

    session = two_teams(tmp_path, rounds=3, timer=40)
    session.time_up()
    play_greedy(session)
    session.close()
    review = open_review(tmp_path / "teams.jsonl")
    assert review.stopped is None
    summary = summarise("teams", dprk(), load_decisions(tmp_path / "teams.jsonl"))
    assert isinstance(summary, SessionSummary)
    assert summary.finished and summary.damage is None
    assert summary.decisions == len(session.decisions)
