"""Subcommands around the vote model: forecast, simulate."""
from __future__ import annotations

import argparse
import sys

from ..bots import BOTS
from ..decisions import DecisionError
from ..procedure import BALLOTS
from ..replay import load_decisions
from ..rules.objectives import score
from ..rules.world import World
from ..session import Session
from .common import load_or_report, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("forecast", help="forecast every motion at the initial state")
    p.add_argument("scenario", nargs="?", help="scenario file or id (default: dprk_2014)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--draws", type=int, default=10_000,
                   help="Monte Carlo draws behind P(adopted) (default 10000)")
    p.add_argument("--explain", metavar="ISO3", help="explain one delegation's latent support")
    p.set_defaults(func=cmd_forecast)

    p = sub.add_parser("simulate", help="play a whole game headless")
    p.add_argument("scenario", nargs="?", help="scenario file or id (default: dprk_2014)")
    p.add_argument("--seed", type=int, default=None,
                   help="random seed (default: the one recorded in --decisions FILE, else 0)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--bot", choices=sorted(BOTS), default=None,
                   help="sponsor player (default greedy); the opposition is always the greedy bot")
    g.add_argument("--decisions", metavar="FILE",
                   help="replay decisions: `simulate --json` output, a JSON list, or a session "
                        "file (.jsonl)")
    p.add_argument("--session-file", metavar="PATH", help="also write a session file here")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_simulate)


def forecast_json(session: Session, n_draws: int) -> dict:
    """``{"scenario", "motions": [...]}`` for every motion at the session's state."""
    world = session.world
    motions = []
    for m in session.scenario.spec.motions:
        f = session.forecast(m.id, n_draws)
        voters = world.voters(m.body)
        motions.append({
            "id": m.id, "body": m.body, "symbol": m.symbol, "kind": m.kind,
            "expected": {b: round(float(v), 3) for b, v in zip(BALLOTS, f.expected)},
            "p_adopted": round(f.p_adopted, 4),
            "members": {world.iso[i]: {b: round(float(p), 4) for b, p in zip(BALLOTS, row)}
                        for i, row in zip(voters, f.probabilities)},
        })
    return {"scenario": session.scenario.id, "motions": motions}


def cmd_forecast(args: argparse.Namespace) -> int:
    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 1
    session = Session(scenario, 0, opposition=None)
    if args.explain:
        from .explaincmd import print_explanation
        return print_explanation(session, args.explain.upper(), args.json)
    data = forecast_json(session, args.draws)
    if args.json:
        print_json(data)
        return 0
    for m in data["motions"]:
        e = m["expected"]
        print(f"{m['id']:<16} {m['symbol']:<28} expected {e['yes']:6.1f} yes {e['no']:6.1f} no "
              f"{e['abstain']:6.1f} abstain {e['absent']:5.1f} absent   P(adopted) "
              f"{m['p_adopted']:.2f}")
    return 0


def simulate(scenario, seed: int, bot: str | None, decisions=None, session_file=None) -> Session:
    """Play a whole game headless: a bot (with the opposition bot) or a fixed decision list.

    Raises DecisionError if a listed decision is illegal when its turn comes.
    """
    if decisions is not None:
        session = Session(scenario, seed, opposition=None, session_file=session_file)
        for i, d in enumerate(decisions):
            try:
                session.apply(d)
            except DecisionError as exc:
                raise DecisionError(f"decision {i} ({d.type}): {exc}") from None
        return session
    session = Session(scenario, seed, session_file=session_file)
    player = BOTS[bot or "greedy"]
    guard = 0
    while not session.state.finished and guard < 10_000:
        session.play(player(session.state, "sponsors", session.bot_rng))
        guard += 1
    return session


def simulate_json(session: Session) -> dict:
    from ..decisions import to_dict

    world = session.world
    votes = []
    for r in session.state.results:
        m = world.motions[r.motion]
        votes.append({"motion": r.motion, "body": m.body, "symbol": m.symbol, "kind": m.kind,
                      "outcome": r.outcome, "ballots": dict(r.ballots), "tally": dict(r.tally),
                      "adopted": r.adopted, "decided_by": r.decided_by})
    results, won, possible = score(session.state)
    objectives = [{"id": r.objective.id, "met": r.met, "detail": r.detail,
                   "points": r.objective.points} for r in results]
    return {"scenario": session.scenario.id, "seed": session.seed,
            "decisions": [to_dict(d) for d in session.decisions], "votes": votes,
            "objectives": objectives, "score": {"won": won, "possible": possible},
            "digest": session.state.digest()}


def _report_replay(session: Session, loaded, name: str) -> None:
    """Tell the user when a replay stops early or ends somewhere else than recorded."""
    state = session.state
    if not state.finished:
        stage = session.world.stages[state.stage].title
        print(f"{name}: the decisions end before the game does (at the {stage}); "
              "later votes were not held", file=sys.stderr)
    if loaded.digest and loaded.digest != state.digest():
        print(f"{name}: the replay does not reach the recorded final state (different seed, "
              "scenario version or rules)", file=sys.stderr)


def cmd_simulate(args: argparse.Namespace) -> int:
    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 1
    decisions, seed, loaded = None, args.seed, None
    if args.decisions:
        try:
            loaded = load_decisions(args.decisions)
        except (OSError, ValueError) as exc:
            print(f"{args.decisions}: {exc}", file=sys.stderr)
            return 1
        for problem in loaded.problems:
            print(f"{args.decisions}: {problem}", file=sys.stderr)
        decisions = loaded.decisions
        if seed is None:
            seed = loaded.seed if loaded.seed is not None else 0
        elif loaded.seed is not None and loaded.seed != seed:
            print(f"{args.decisions}: recorded with seed {loaded.seed}, replaying with "
                  f"--seed {seed}: the ballots will differ", file=sys.stderr)
    try:
        session = simulate(scenario, 0 if seed is None else seed, args.bot, decisions,
                           args.session_file)
    except DecisionError as exc:
        print(f"{args.decisions}: {exc}", file=sys.stderr)
        return 1
    session.close()
    if loaded is not None:
        _report_replay(session, loaded, args.decisions)
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
    return 0
