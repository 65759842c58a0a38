"""Does a two-team game fit a lesson? ``python -m benchmarks.lesson [--games N] [--rounds R]
[--timer S] [--json]``.

Plays N two-team games of each shipped case (seeds 0..N-1) with bots in the teams' seats
(greedy against greedy, and random against random: a class that wanders), at the given
rounds and timer, and counts what a class sits through: the turns (each one announced and
handed over), the other decisions (answers to offers), the recorded votes and the stages.
Then it prices them, in minutes, with the per-item times below (why each is what it is is
said beside it) and prints the longest game of each case against the 35 minutes a 45-minute
lesson leaves after a 10-minute debrief. Nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.scenario import load
from game.session import Session
from game.ui.teams import DEFAULT_ROUNDS, DEFAULT_TIMER

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
#: Minutes of a lesson the game may take: 45, less 10 for the debrief.
BUDGET_MIN = 35.0
#: Seconds, each an estimate stated as such:
#: - a turn takes at most the timer: the clock ends it (the worst case is priced);
#: - handing over: the announcement screen, the other team stands up and sits down (10 s);
#: - an answer to an offer: reading the offer window and choosing (20 s);
#: - a recorded vote: the board fills in 3 s, then the class reads the result (20 s);
#: - a stage: its recap and the first look at a new floor (30 s);
#: - before the first turn: the title, the setup and the briefing read aloud (4 min).
HANDOVER_S, ANSWER_S, VOTE_S, STAGE_S, START_S = 10.0, 20.0, 20.0, 30.0, 240.0
NOT_A_TURN = ("respond_to_offer", "table_motion")


def count_game(path: Path, seed: int, bot: str, rounds: int, timer: int) -> dict:
    """What one two-team game of ``bot`` against ``bot`` puts before the class."""
    session = Session(load(path), seed, opponent=None, teams=("sponsors", "opposition"),
                      rounds=rounds, timer=timer)
    while not session.state.finished:
        session.play(session.bot_move(bot))
    types = [d.type for d in session.decisions]
    turns = sum(1 for t in types if t not in NOT_A_TURN)
    votes = sum(1 for r in session.state.results if r.ballots)
    stages = len(session.world.stages)
    return {"turns": turns, "answers": len(types) - turns, "votes": votes, "stages": stages}


def minutes(c: dict, timer: int) -> float:
    """The worst-case minutes of a game with the counts ``c`` (every turn runs its clock)."""
    turn_s = (timer or 90) + HANDOVER_S        # no timer: a turn priced at 90 s
    return (START_S + c["turns"] * turn_s + c["answers"] * ANSWER_S + c["votes"] * VOTE_S
            + c["stages"] * STAGE_S) / 60


def main() -> None:
    """Print the counts and the minutes per case (``--json``: as a JSON object)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--games", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    parser.add_argument("--timer", type=int, default=DEFAULT_TIMER)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    out = {}
    for path in sorted(SCENARIOS.glob("*.yaml")):
        games = [count_game(path, seed, bot, args.rounds, args.timer)
                 for bot in ("greedy", "random") for seed in range(args.games)]
        longest = max(games, key=lambda c: minutes(c, args.timer))
        out[path.stem] = {"max_turns": max(g["turns"] for g in games),
                          "mean_turns": round(sum(g["turns"] for g in games) / len(games), 1),
                          "max_votes": max(g["votes"] for g in games),
                          "longest": longest,
                          "worst_case_minutes": round(minutes(longest, args.timer), 1)}
    if args.json:
        print(json.dumps(out, indent=1))
        return
    for case, r in out.items():
        print(f"{case}: turns max {r['max_turns']} (mean {r['mean_turns']}), votes max "
              f"{r['max_votes']}; the longest game, every turn to its {args.timer} s: "
              f"{r['worst_case_minutes']} min of {BUDGET_MIN:.0f}")


if __name__ == "__main__":
    main()
