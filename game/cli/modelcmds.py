"""Subcommands around the vote model: forecast, simulate."""
from __future__ import annotations

import argparse
import sys

from ..bots import BOTS, LEVELS
from ..decisions import Decision, DecisionError
from ..procedure import BALLOTS
from ..replay import verify
from ..scenario import Scenario
from ..session import SIDES, Session
from .common import (
    FILE_NAME,
    SCENARIO_NAME,
    SEED,
    Subparsers,
    describe,
    load_or_report,
    print_json,
)
from .verify import add_allow_changed, pace, read_or_report, recorded_case, scenario_allowed


def register(sub: Subparsers) -> None:
    """Add the ``forecast`` and ``simulate`` subcommands to ``sub``."""
    p = sub.add_parser("forecast", help="forecast every motion at the initial state")
    p.add_argument("scenario", nargs="?", type=SCENARIO_NAME,
                   help="scenario file or id (default: dprk_2014)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--explain", metavar="ISO3", help="explain one delegation's latent support")
    p.set_defaults(func=cmd_forecast)

    p = sub.add_parser("simulate", help="play a whole game headless")
    p.add_argument("scenario", nargs="?", type=SCENARIO_NAME,
                   help="scenario file or id (default: dprk_2014)")
    p.add_argument("--seed", type=SEED, default=None,
                   help="random seed, 0 or more (default: the one recorded in --decisions FILE, "
                        "else 0)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--bot", choices=sorted(BOTS), default=None,
                   help="the bot that plays your side (default greedy)")
    p.add_argument("--side", choices=SIDES, default="sponsors",
                   help="the side the --bot plays (default sponsors)")
    p.add_argument("--opponent", choices=LEVELS, default=None,
                   help="the bot that plays the other side (default greedy; not with "
                        "--decisions, which holds both sides' moves)")
    g.add_argument("--decisions", metavar="FILE", type=FILE_NAME,
                   help="replay decisions: `simulate --json` output, a JSON list, or a session "
                        "file (.jsonl)")
    p.add_argument("--session-file", metavar="PATH", help="also write a session file here")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_allow_changed(p)
    p.set_defaults(func=cmd_simulate)


def forecast_json(session: Session) -> dict:
    """``{"scenario", "motions": [...]}`` for every motion at the session's state: the exact
    expected tally, the same in whole votes adding up to the body ("counts"), P(adopted) and
    P(vetoed), and each member's probabilities."""
    world = session.world
    motions = []
    for m in session.scenario.spec.motions:
        f = session.forecast(m.id)
        voters = world.voters(m.body)
        motions.append({
            "id": m.id, "body": m.body, "symbol": m.symbol, "kind": m.kind,
            # the forecast has one column per ballot code and one row per voter, in order
            "expected": {b: round(float(v), 3) for b, v in zip(BALLOTS, f.expected, strict=True)},
            "counts": {b: int(v) for b, v in zip(BALLOTS, f.counts, strict=True)},
            "p_adopted": round(f.p_adopted, 4),
            "p_vetoed": round(f.p_vetoed, 4),
            "members": {world.iso[i]: {b: round(float(p), 4)
                                       for b, p in zip(BALLOTS, row, strict=True)}
                        for i, row in zip(voters, f.probabilities, strict=True)},
        })
    return {"scenario": session.scenario.id, "motions": motions}


def cmd_forecast(args: argparse.Namespace) -> int:
    """Print the forecast of every motion (or explain one delegation's support)."""
    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 1
    session = Session(scenario, 0, opponent=None)
    if args.explain is not None:
        from .explaincmd import print_explanation
        return print_explanation(session, args.explain.upper(), args.json)
    data = forecast_json(session)
    if args.json:
        print_json(data)
        return 0
    for m in data["motions"]:
        c = m["counts"]          # whole votes adding up to the body (largest remainder)
        print(f"{m['id']:<16} {m['symbol']:<28} expected {c['yes']:3d} yes {c['no']:3d} no "
              f"{c['abstain']:3d} abstain {c['absent']:3d} absent   P(adopted) "
              f"{m['p_adopted']:.2f}")
    return 0


def play_list(session: Session, decisions: list, where: list[str] | None = None) -> str | None:
    """Apply ``decisions`` in order; at the first illegal one stop and say which and why
    (``where[i]`` names decision i, by default "decision i"). None when all applied."""
    for i, d in enumerate(decisions):
        if session.state.finished:
            return f"{len(decisions) - i} decision(s) after the game ended; not used"
        try:
            session.apply(d)
        except DecisionError as exc:
            name = where[i] if where and i < len(where) else f"decision {i}"
            return f"{name} ({d.type}): {exc}; the game stops there"
    return None


def play_bot(session: Session, bot: str | None) -> None:
    """Let a bot play the session's side (and its opponent reply) to the end."""
    session.run_opponent()          # the sponsors move first: an opposition player waits
    guard = 0
    while not session.state.finished and guard < 10_000:
        session.play(session.bot_move(bot or "greedy", session.side))
        guard += 1


def simulate(scenario: Scenario, seed: int, bot: str | None,
             decisions: list[Decision] | None = None, session_file: str | None = None, *,
             side: str = "sponsors", opponent: str = "greedy") -> Session:
    """Play a whole game headless: a bot on ``side`` against the ``opponent`` bot, or a fixed
    decision list (both sides' moves).

    Raises DecisionError if a listed decision is illegal when its turn comes.
    """
    session = Session(scenario, seed, side=side,
                      opponent=None if decisions is not None else opponent,
                      session_file=session_file)
    if decisions is None:
        play_bot(session, bot)
        return session
    error = play_list(session, decisions)
    if error:
        session.close()
        raise DecisionError(error)
    return session


def simulate_json(session: Session) -> dict:
    """A played game as ``simulate --json`` prints it: decisions, votes, objectives, score."""
    from ..decisions import to_dict

    world = session.world
    votes = []
    for r in session.state.results:
        m = world.motions[r.motion]
        votes.append({"motion": r.motion, "body": m.body, "symbol": m.symbol, "kind": m.kind,
                      "outcome": r.outcome, "ballots": dict(r.ballots), "tally": dict(r.tally),
                      "adopted": r.adopted, "decided_by": r.decided_by})
    results, won, possible = session.score()
    objectives = [{"id": r.objective.id, "met": r.met, "detail": r.detail,
                   "points": r.objective.points} for r in results]
    return {"scenario": session.scenario.id, "seed": session.seed,
            "decisions": [to_dict(d) for d in session.decisions], "votes": votes,
            "objectives": objectives, "score": {"won": won, "possible": possible},
            "digest": session.state.digest()}


def _seed(args: argparse.Namespace, loaded) -> int:
    """--seed, else the decision file's, else 0; a note when they disagree."""
    if loaded is None or loaded.seed is None:
        return 0 if args.seed is None else args.seed
    if args.seed is not None and args.seed != loaded.seed:
        print(f"{args.decisions}: recorded with seed {loaded.seed}, replaying with --seed "
              f"{args.seed}: the ballots will differ", file=sys.stderr)
        return args.seed
    return loaded.seed


def _play(args: argparse.Namespace, scenario, loaded) -> tuple[Session | None, int]:
    """The simulated game and the exit status so far (None after a message if none)."""
    if args.session_file == "":
        print("--session-file needs a path", file=sys.stderr)
        return None, 1
    try:
        session = Session(scenario, _seed(args, loaded), session_file=args.session_file,
                          side=args.side, opponent=None if loaded else args.opponent or "greedy",
                          **(pace(loaded) if loaded else {}))
    except OSError as exc:
        print(f"{args.session_file}: cannot write the session file: {describe(exc)}",
              file=sys.stderr)
        return None, 1
    status = 1 if loaded and loaded.problems else 0
    if loaded is None:
        play_bot(session, args.bot)
    else:
        # Strict with the recorded seed: the first decision that does not prove its digest
        # ends the replay (the game after it is not the recorded one); with another --seed
        # every digest may differ, so they are only noted.
        seed_given = args.seed is not None and args.seed != loaded.seed
        result = verify.replay(session, loaded, strict=not seed_given)
        for note in result.notes():
            print(f"{args.decisions}: {note}", file=sys.stderr)
        status = status or int(not result.faithful)
        _report_replay(session, args.decisions)
    session.close()
    if session.writer and session.writer.backup:
        print(f"{args.session_file}: the game already there was kept as "
              f"{session.writer.backup}", file=sys.stderr)
    if session.writer and session.writer.error:
        print(f"{args.session_file}: {session.writer.error}", file=sys.stderr)
        status = 1
    return session, status


def _report_replay(session: Session, name: str) -> None:
    """Tell the user when a replay ends before the game does (the later votes not held)."""
    state = session.state
    if not state.finished:
        stage = session.world.stages[state.stage].title
        print(f"{name}: the decisions end before the game does (at the {stage}); "
              "later votes were not held", file=sys.stderr)


def cmd_simulate(args: argparse.Namespace) -> int:
    """Play a whole game headless (a bot, or --decisions replayed); print the votes."""
    if args.decisions and args.opponent:
        print("simulate: --opponent cannot be used with --decisions: the file holds both "
              "sides' moves", file=sys.stderr)
        return 2
    loaded = read_or_report(args.decisions) if args.decisions else None
    if args.decisions and loaded is None:
        return 1
    name = args.scenario
    if name is None and loaded is not None and loaded.scenario:   # the case it was played on
        name = recorded_case(args.decisions, loaded.scenario)
        if name is None:
            print(f"{args.decisions}: recorded on scenario {loaded.scenario!r}, which is "
                  "neither a shipped case nor beside the file; give it as SCENARIO",
                  file=sys.stderr)
            return 1
    scenario = load_or_report(name)
    if scenario is None or loaded is not None and not scenario_allowed(
            args.decisions, loaded, scenario, args.allow_changed_scenario):
        return 1
    session, status = _play(args, scenario, loaded)
    if session is None:
        return status
    data = simulate_json(session)
    if args.json:
        print_json(data)
    else:
        for v in data["votes"]:
            t = v["tally"]
            tally = f"{t['yes']}-{t['no']}-{t['abstain']}" if t else "no vote"
            print(f"{v['motion']:<16} {v['outcome']:<11} {tally:<10} {v['decided_by']}")
        for o in data["objectives"]:
            print(f"[{'x' if o['met'] else ' '}] {o['id']:<22} {o['detail']}")
        print(f"score: {data['score']['won']} of {data['score']['possible']} points")
    return status
