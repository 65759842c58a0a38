"""``replay FILE``: re-play a saved session decision by decision and check it is the same game.

For a teacher's debrief: which votes the class got, and proof that nothing was altered (each
line of a session file carries the digest of the state after it). A damaged file is replayed
as far as it can be (see ``verify``); every repair is reported and the exit code is then 1.
"""
from __future__ import annotations

import argparse
import hashlib
import sys

from ..replay import LoadedDecisions
from ..scenario import Scenario, read_source
from ..session import Session
from ..textfiles import NotText
from .common import (
    FILE_NAME,
    SCENARIO_DIR,
    SCENARIO_NAME,
    Subparsers,
    load_or_report,
    print_json,
)
from .modelcmds import simulate_json
from .verify import Replayed, read_or_report, recorded_case, replay


def register(sub: Subparsers) -> None:
    """Add the ``replay`` subcommand to ``sub``."""
    p = sub.add_parser("replay",
                       help="re-play a session file and verify it, decision by decision")
    p.add_argument("file", type=FILE_NAME,
                   help="a session file (.jsonl) or `simulate --json` output")
    p.add_argument("--scenario", type=SCENARIO_NAME,
                   help="scenario file or id (default: the one the file names)")
    p.add_argument("--json", action="store_true", help="print the replayed game as simulate does")
    p.set_defaults(func=cmd_replay)


def _scenario(args: argparse.Namespace, loaded: LoadedDecisions) -> Scenario | None:
    """The scenario to replay on, with a note when it is not the one recorded."""
    if args.scenario:
        name = args.scenario
    elif loaded.scenario:
        name = recorded_case(args.file, loaded.scenario)
    else:
        print(f"{args.file}: the file names no scenario; give it with --scenario FILE",
              file=sys.stderr)
        return None
    if name is None:
        print(f"{args.file}: recorded on scenario {loaded.scenario!r}, which is neither in "
              f"{SCENARIO_DIR} nor beside the file; give it with --scenario FILE",
              file=sys.stderr)
        return None
    scenario = load_or_report(name)
    if scenario is None:
        return None
    if loaded.scenario and scenario.id != loaded.scenario:
        print(f"{args.file}: recorded on scenario {loaded.scenario!r}, replayed on "
              f"{scenario.id!r}", file=sys.stderr)
    elif loaded.sha256 and loaded.sha256 != scenario.sha256:
        other = case_with_checksum(loaded.sha256)
        print(f"{args.file}: " + (
            f"the file names {scenario.id}, but its checksum is that of {other} (try "
            f"--scenario {other})" if other else f"recorded on another version of "
            f"{scenario.id}: the scenario file has changed since, so the votes may differ"),
            file=sys.stderr)
    return scenario


def case_with_checksum(sha256: str) -> str | None:
    """The shipped-folder scenario whose text has this checksum (as the loader computes it)."""
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        try:
            text = read_source(path).text
        except (OSError, NotText):
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == sha256:
            return path.stem
    return None


def verdict(result: Replayed[Session], loaded: LoadedDecisions) -> str:
    """One line: verified, replayed or recovered, how many decisions, how far."""
    session = result.session
    kept, total = len(session.decisions), len(loaded.decisions) + loaded.lost
    if session.state.finished:
        done = "to the end"
    else:
        stage = session.world.stages[session.state.stage].title
        done = f"part-way (the decisions end before the game does, in the {stage})"
    if loaded.lost or not result.faithful:
        return f"recovered: {kept} of {total} decisions kept, seed {session.seed}, {done}"
    proven = result.proven == total and total or result.final_matches
    word = "verified" if proven else "replayed"
    return f"{word}: {kept} decisions, seed {session.seed}, {done}"


def cmd_replay(args: argparse.Namespace) -> int:
    """Re-play a session file; print the votes and the verdict (exit 1 after any repair)."""
    loaded = read_or_report(args.file)
    if loaded is None:
        return 1
    scenario = _scenario(args, loaded)
    if scenario is None:
        return 1
    if loaded.seed is None:
        print(f"{args.file}: no seed recorded; replaying with seed 0, as simulate does",
              file=sys.stderr)
    result = replay(scenario, loaded, loaded.seed or 0)
    for note in result.notes():
        print(f"{args.file}: {note}", file=sys.stderr)
    status = 1 if loaded.lost or not result.faithful or loaded.seed is None else 0
    if args.json:
        print_json(simulate_json(result.session))
        return status
    for r in result.session.state.results:
        t = dict(r.tally)
        tally = f"{t['yes']}-{t['no']}-{t['abstain']}" if t else "no vote"
        print(f"{r.motion:<16} {r.outcome:<11} {tally}")
    print(verdict(result, loaded))
    return status
