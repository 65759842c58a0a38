"""``replay FILE``: re-play a saved session decision by decision and check it is the same game.

For a teacher's debrief: which votes the class got, and proof that nothing was altered (each
line of a session file carries the digest of the state after it).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..decisions import DecisionError
from ..replay import load_decisions, read
from ..session import Session
from .common import load_or_report, print_json
from .modelcmds import simulate_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("replay", help="re-play a session file and verify it, decision by decision")
    p.add_argument("file", help="a session file (.jsonl) or `simulate --json` output")
    p.add_argument("--scenario", help="scenario file or id (default: the one the file names)")
    p.add_argument("--json", action="store_true", help="print the replayed game as simulate does")
    p.set_defaults(func=cmd_replay)


def cmd_replay(args: argparse.Namespace) -> int:
    try:
        loaded = load_decisions(args.file)
    except (OSError, ValueError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    for problem in loaded.problems:
        print(f"{args.file}: {problem}", file=sys.stderr)
    scenario = load_or_report(args.scenario or loaded.scenario)
    if scenario is None:
        return 1
    digests = read(args.file).digests if Path(args.file).suffix == ".jsonl" else []
    session = Session(scenario, loaded.seed or 0, opposition=None)
    status = 0
    for n, decision in enumerate(loaded.decisions):
        try:
            session.apply(decision)
        except DecisionError as exc:
            print(f"{args.file}: decision {n + 1} ({decision.type}) is not legal here: {exc}",
                  file=sys.stderr)
            status = 1
            break
        if n < len(digests) and digests[n] and digests[n] != session.state.digest():
            print(f"{args.file}: after decision {n + 1} the game differs from the recording "
                  "(another scenario version, seed or rules)", file=sys.stderr)
            status = 1
            break
    if args.json:
        print_json(simulate_json(session))
        return status
    for r in session.state.results:
        t = dict(r.tally)
        tally = f"{t['yes']}-{t['no']}-{t['abstain']}" if t else "no vote"
        print(f"{r.motion:<16} {r.outcome:<11} {tally}")
    done = "to the end" if session.state.finished else "part-way (the file ends early)"
    verdict = "verified" if status == 0 and digests else "replayed"
    print(f"{verdict}: {len(session.decisions)} decisions, seed {session.seed}, {done}")
    return status
