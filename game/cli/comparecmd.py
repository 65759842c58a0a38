"""``compare A B [--json]``: two session files of one case side by side.

For a teacher's debrief of two students (or a game and its what-if): every recorded vote of
either game with both outcomes and tallies, the delegations whose ballots differ on it, and
the decisions where the two games part ways. Each file is replayed and verified first (as
``replay`` does); only what was replayed is compared, and any problem makes the exit code 1.
"""
from __future__ import annotations

import argparse
from typing import Any

from ..replay import LoadedDecisions
from ..review.compare import parting, said, votes
from ..session import Session
from .common import FILE_NAME, Subparsers, print_json
from .replaycmd import scenario_for, where_it_ends
from .verify import Replayed, add_allow_changed, read_or_report, replay, to_stderr

#: Delegations listed by name per vote in the text output before the rest are counted.
SHOWN = 12


def register(sub: Subparsers) -> None:
    """Add the ``compare`` subcommand to ``sub``."""
    p = sub.add_parser("compare", help="set two session files of one case side by side")
    p.add_argument("a", type=FILE_NAME, metavar="A", help="a session file (.jsonl)")
    p.add_argument("b", type=FILE_NAME, metavar="B", help="another session file of the case")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_allow_changed(p)
    p.set_defaults(func=cmd_compare)


def _replayed(file: str, allow: bool, say) -> tuple[LoadedDecisions, Replayed[Session]] | None:
    """A session file read, checked against its scenario and replayed (None after a message)."""
    loaded = read_or_report(file, say)
    if loaded is None:
        return None
    scenario = scenario_for(argparse.Namespace(file=file, scenario=None,
                                            allow_changed_scenario=allow), loaded, say,
                            "put its scenario file beside the session file (named after the "
                            "scenario's id: ID.yaml)")
    if scenario is None:
        return None
    result = replay(scenario, loaded, loaded.seed or 0)
    for note in result.notes():
        say(f"{file}: {note}")
    return loaded, result


def game_json(file: str, loaded: LoadedDecisions, result: Replayed[Session]) -> dict:
    """One side of the comparison: the file, its seed and players, how far it was replayed."""
    s = result.session
    _, won, possible = s.score()
    return {"file": file, "seed": s.seed, "sides": loaded.header.get("sides"),
            "scored_side": s.side,
            "opponent": loaded.header.get("opponent"), "decisions": len(s.decisions),
            "verified": result.faithful and not loaded.problems, "finished": s.state.finished,
            "score": {"won": won, "possible": possible}}


def _tally(v: dict | None) -> str:
    if v is None:
        return "not held"
    t = v["tally"]
    return f"{v['outcome']} {t['yes']}-{t['no']}-{t['abstain']}" if t else v["outcome"]


def print_text(data: dict, a: Session) -> None:
    """The comparison for a person: both games, the votes, the delegations, the decisions."""
    for side in ("a", "b"):
        g = data[side]
        print(f"{side.upper()}: {g['file']}: seed {g['seed']}, {g['decisions']} decisions, "
              f"{g['where']}, {a.world.side_name(g['scored_side'])} scored "
              f"{g['score']['won']} of {g['score']['possible']}")
    print()
    for v in data["votes"]:
        print(f"{v['motion']:<16} A {_tally(v['a']):<22} B {_tally(v['b'])}")
        differ = v["ballots_differ"]
        if differ:
            names = [f"{a.member(iso).name} ({d['a']} -> {d['b']})"
                     for iso, d in list(differ.items())[:SHOWN]]
            more = f" and {len(differ) - SHOWN} more" if len(differ) > SHOWN else ""
            print(f"  {len(differ)} ballot(s) differ: {', '.join(names)}{more}")
    print()
    parts = data["parted"]
    if not parts:
        print("the two games made the same decisions")
    for p in parts[:SHOWN]:
        print(f"part ways at decision {p['a_from']} of A / {p['b_from']} of B: "
              f"A {_decisions(p['a'])}; B {_decisions(p['b'])}")
    if len(parts) > SHOWN:
        print(f"... and {len(parts) - SHOWN} more stretches where they differ")


def _decisions(listed: list[dict]) -> str:
    if not listed:
        return "made no decision in this stretch (the other game made more)"
    return "; ".join(said(d) for d in listed[:3]) + (
        f" and {len(listed) - 3} more" if len(listed) > 3 else "")


def cmd_compare(args: argparse.Namespace) -> int:
    """Replay both files and set them side by side; exit 1 after any problem."""
    problems: list[str] = []

    def say(line: str) -> None:
        problems.append(line)
        to_stderr(line)

    def failed() -> int:
        """Exit 1; with --json, the reason as a JSON object too (a script reads stdout)."""
        if args.json:
            print_json({"a": args.a, "b": args.b, "compared": False,
                        "error": problems[-1] if problems else "not compared",
                        "problems": problems})
        return 1

    first = _replayed(args.a, args.allow_changed_scenario, say)
    second = _replayed(args.b, args.allow_changed_scenario, say)
    if first is None or second is None:
        return failed()
    (la, ra), (lb, rb) = first, second
    sa, sb = ra.session, rb.session
    if sa.scenario.id != sb.scenario.id:
        say(f"{args.a} is a game of {sa.scenario.id} and {args.b} of {sb.scenario.id}: "
            "only two games of one case can be compared")
        return failed()
    data: dict[str, Any] = {
        "scenario": sa.scenario.id, "a": game_json(args.a, la, ra),
        "b": game_json(args.b, lb, rb), "votes": votes(sa, sb),
        "parted": parting(sa.decisions, sb.decisions), "problems": problems}
    if args.json:
        print_json(data)
    else:
        data["a"]["where"], data["b"]["where"] = where_it_ends(sa), where_it_ends(sb)
        print_text(data, sa)
    return 1 if problems else 0
