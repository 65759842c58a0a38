"""``replay FILE [--check] [--json]``: re-play a saved session decision by decision and check
it is the same game.

For a teacher's debrief: which votes the class got, and proof that nothing was altered (each
line of a session file carries the digest of the state after it). The replay stops at the
first line it cannot trust (see ``game.replay``) and says where and why; it prints only the
votes of the game it did replay, and the exit code is then 1. ``--check`` prints the verdict
alone (``--json``: as one JSON object), for scripts and for checking a class's files.
"""
from __future__ import annotations

import argparse

from ..replay import LoadedDecisions
from ..scenario import Scenario
from ..session import Session
from .common import (
    FILE_NAME,
    SCENARIO_DIR,
    SCENARIO_NAME,
    Subparsers,
    load_or_report,
    print_json,
)
from .modelcmds import simulate_json
from .verify import (
    Replayed,
    add_allow_changed,
    read_or_report,
    recorded_case,
    replay,
    scenario_allowed,
    to_stderr,
)


def register(sub: Subparsers) -> None:
    """Add the ``replay`` subcommand to ``sub``."""
    p = sub.add_parser("replay",
                       help="re-play a session file and verify it, decision by decision")
    p.add_argument("file", type=FILE_NAME,
                   help="a session file (.jsonl) or `simulate --json` output")
    p.add_argument("--scenario", type=SCENARIO_NAME,
                   help="scenario file or id (default: the one the file names)")
    p.add_argument("--check", action="store_true",
                   help="only verify: one verdict line (exit 0 when every decision proves "
                        "its recorded digest, 1 with the first line that does not)")
    p.add_argument("--json", action="store_true",
                   help="print the replayed game as simulate does (with --check: the verdict "
                        "as JSON)")
    add_allow_changed(p)
    p.set_defaults(func=cmd_replay)


def scenario_for(args: argparse.Namespace, loaded: LoadedDecisions, say,
                 how: str = "give it with --scenario FILE") -> Scenario | None:
    """The scenario to replay on; None (after a message ending with ``how`` the user can
    name one) when there is none, or when it is not the one recorded and
    --allow-changed-scenario was not given."""
    if args.scenario:
        name = args.scenario
    elif loaded.scenario:
        name = recorded_case(args.file, loaded.scenario)
    else:
        say(f"{args.file}: the file names no scenario; {how}")
        return None
    if name is None:
        say(f"{args.file}: recorded on scenario {loaded.scenario!r}, which is neither in "
            f"{SCENARIO_DIR} nor beside the file; {how}")
        return None
    scenario = load_or_report(name)
    if scenario is None or not scenario_allowed(args.file, loaded, scenario,
                                                args.allow_changed_scenario, say):
        return None
    return scenario


def where_it_ends(session: Session) -> str:
    """'to the end', or the stage the replayed game stopped in."""
    if session.state.finished:
        return "to the end"
    stage = session.world.stages[session.state.stage].title
    return f"part-way (the game stops in the {stage})"


#: The kinds of stop (``game.replay.Stop``) at a line that is a header, not a decision.
HEADERS = ("second_header", "version", "not_session")


def verdict(result: Replayed[Session], loaded: LoadedDecisions) -> str:
    """One line: verified or stopped, how many decisions, how far."""
    session = result.session
    stop = result.stopped or loaded.stopped
    # the lines not read are counted from the one reading stopped at: a header is no decision
    header_line = loaded.stopped is not None and loaded.stopped.kind in HEADERS
    kept, total = len(session.decisions), len(loaded.decisions) + loaded.lost - header_line
    done = where_it_ends(session)
    if stop is not None:
        return (f"stopped at {stop.message.split(':')[0]}: {kept} of {total} decisions "
                f"replayed, seed {session.seed}, {done}")
    if loaded.lost or not result.faithful:
        return f"replayed with problems: {kept} of {total} decisions, seed {session.seed}, {done}"
    word = "verified" if proven(result) else "replayed, unverified (no digests to verify)"
    return f"{word}: {kept} decisions, seed {session.seed}, {done}"


def proven(result: Replayed[Session]) -> bool:
    """Every decision replayed proved the digest recorded beside it, or the file's final
    digest (``simulate --json`` output) is the replayed game's."""
    replayed = len(result.session.decisions)
    return bool(result.final_matches) or result.proven == replayed > 0


def unverified(result: Replayed[Session]) -> str | None:
    """Why a replay that went well is still no proof: decisions without a digest."""
    if proven(result) or result.stopped:
        return None
    missing = len(result.session.decisions) - result.proven
    if not result.proven:
        return ("no digests to verify: the file records none (a format version 1 file or a "
                "list of decisions), so nothing shows it is the game that was played")
    return (f"{missing} decision(s) have no digest to verify, so nothing shows they are the "
            "ones that were played")


def check_json(file: str, loaded: LoadedDecisions | None, result: Replayed[Session] | None,
               problems: list[str], ok: bool) -> dict:
    """The verdict of ``replay --check --json``."""
    stop = (result.stopped if result else None) or (loaded.stopped if loaded else None)
    session = result.session if result else None
    return {
        "file": file, "ok": ok,
        "format_version": loaded.version if loaded else None,
        "scenario": loaded.scenario if loaded else None,
        "seed": loaded.seed if loaded else None,
        "decisions_read": len(loaded.decisions) if loaded else 0,
        "decisions_verified": result.proven if result else 0,
        "decisions_replayed": len(session.decisions) if session else 0,
        "finished": bool(session and session.state.finished),
        "stopped": ({"line": stop.line, "kind": stop.kind, "message": stop.message}
                    if stop else None),
        "problems": problems,
        "verdict": verdict(result, loaded) if result and loaded else None,
    }


def cmd_replay(args: argparse.Namespace) -> int:
    """Re-play a session file; print the votes and the verdict (exit 1 after any problem)."""
    problems: list[str] = []
    quiet = args.check and args.json          # everything goes into the one JSON object

    def say(line: str) -> None:
        problems.append(line)
        if not quiet:
            to_stderr(line)

    loaded = read_or_report(args.file, say)
    scenario = scenario_for(args, loaded, say) if loaded is not None else None
    if loaded is None or scenario is None:
        if quiet:
            print_json(check_json(args.file, loaded, None, problems, False))
        elif args.check:
            print(f"FAILED: {problems[-1] if problems else args.file}")
        return 1
    if loaded.seed is None:
        say(f"{args.file}: no seed recorded; replaying with seed 0, as simulate does")
    result = replay(scenario, loaded, loaded.seed or 0)
    for note in result.notes():
        say(f"{args.file}: {note}")
    ok = not (loaded.problems or not result.faithful or loaded.seed is None)
    if args.check and ok and unverified(result):
        say(f"{args.file}: {unverified(result)}")
        ok = False
    if args.check:
        if quiet:
            print_json(check_json(args.file, loaded, result, problems, ok))
        else:
            print(f"{'ok' if ok else 'FAILED'}: {args.file}: {verdict(result, loaded)}")
        return 0 if ok else 1
    if args.json:
        stop = result.stopped or loaded.stopped
        print_json(simulate_json(result.session) | {
            "verified": ok and proven(result), "verdict": verdict(result, loaded),
            "stopped": ({"line": stop.line, "kind": stop.kind, "message": stop.message}
                        if stop else None)})
        return 0 if ok else 1
    for r in result.session.state.results:
        t = dict(r.tally)
        tally = f"{t['yes']}-{t['no']}-{t['abstain']}" if t else "no vote"
        print(f"{r.motion:<16} {r.outcome:<11} {tally}")
    print(verdict(result, loaded))
    return 0 if ok else 1
