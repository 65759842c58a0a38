"""``report FILES… --out DIR``: the class report, ``DIR/index.html`` and ``DIR/sessions.csv``.

For a teacher's debrief of a whole class: every session file is read and replayed as
``replay`` does (each decision proven by its digest), summed up, and the class set beside the
real record, case by case (``game.report``). A damaged or unfinished file is included as far as
it replays and marked; a file that replays not at all is listed with the reason. Sessions are
named by ``--name FILE=NAME``, else by the file's name without its extension: the page never
shows a path, an account or a host, and nothing leaves the machine.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..decisions import DecisionError
from ..replay import LoadedDecisions, load_decisions
from ..report.classview import ClassReport, build
from ..report.sessions import SessionSummary, Skipped, summarise
from ..report.table import to_csv
from ..scenario import Scenario
from .common import FILE_NAME, Subparsers, describe, load_or_report, nonempty
from .verify import add_allow_changed, recorded_case, scenario_allowed

#: Longest session name kept (a name is a label in a table, not a paragraph).
MAX_NAME = 60


def register(sub: Subparsers) -> None:
    """Add the ``report`` subcommand to ``sub``."""
    p = sub.add_parser("report", help="the class report: many session files replayed and set "
                                      "beside the real record, as a web page and a CSV")
    p.add_argument("files", nargs="+", type=FILE_NAME, metavar="FILE",
                   help="session files (.jsonl) of the class, of one case or several")
    p.add_argument("--out", required=True, metavar="DIR",
                   type=nonempty("the folder name is empty; give the folder to write the "
                                 "report into"),
                   help="the folder to write index.html and sessions.csv into (made if needed)")
    p.add_argument("--name", action="append", default=[], metavar="FILE=NAME",
                   help="what the report calls a session (default: the file's name without "
                        "its extension); repeat for each file to rename")
    add_allow_changed(p)
    p.set_defaults(func=cmd_report)


def clean(name: str) -> str:
    """A session's name fit for a table: no control characters, at most MAX_NAME long."""
    name = " ".join("".join(c if c.isprintable() else " " for c in name).split())
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1] + "…"


def session_names(files: list[str], given: list[str]) -> dict[str, str] | str:
    """FILE -> the name the report calls it, or the message for a --name that names no FILE.

    A name given as ``FILE=NAME`` wins; otherwise the file's name without its extension.
    Names that clash are told apart by a number: "ana", "ana (2)".
    """
    chosen: dict[str, str] = {}
    wanted = {Path(f).resolve(): f for f in files}
    for item in given:
        # FILE may hold "=" itself: the first split whose left part is a given file counts
        split = next(((wanted[Path(item[:i]).resolve()], clean(item[i + 1:]))
                      for i, c in enumerate(item) if c == "=" and i
                      and Path(item[:i]).resolve() in wanted), None)
        if split is None or not split[1]:
            return (f"--name {item}: give FILE=NAME, with FILE one of the session files given "
                    "and a name that is not empty")
        chosen[split[0]] = split[1]
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for f in files:
        base = chosen.get(f) or clean(Path(f).stem or Path(f).name) or "session"
        seen[base] = seen.get(base, 0) + 1
        out[f] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return out


class Cases:
    """The scenarios the files were recorded on, each loaded once."""

    def __init__(self) -> None:
        self.loaded: dict[str, Scenario | None] = {}

    def get(self, path: str) -> Scenario | None:
        """The scenario at ``path`` (None after its problems were printed)."""
        if path not in self.loaded:
            self.loaded[path] = load_or_report(path)
        return self.loaded[path]


def one_file(file: str, name: str, cases: Cases, allow: bool
             ) -> tuple[SessionSummary | Skipped, Scenario | None]:
    """A file summed up, or Skipped with the reason (in words naming no path)."""
    try:
        loaded: LoadedDecisions = load_decisions(file)
    except OSError as exc:
        return Skipped(name, f"cannot read the file: {describe(exc)}"), None
    except DecisionError as exc:
        return Skipped(name, str(exc)), None
    if not loaded.scenario:
        return Skipped(name, "the file names no scenario (simulate's output or a list of "
                             "decisions: replay it into a session file first)"), None
    where = recorded_case(file, loaded.scenario)
    if where is None:
        return Skipped(name, f"recorded on the case {loaded.scenario!r}, which is neither a "
                             "shipped case nor beside the file (as ID.yaml)"), None
    scenario = cases.get(where)
    if scenario is None:
        return Skipped(name, f"the case {loaded.scenario!r} has errors (see `validate`)"), None
    said: list[str] = []
    if not scenario_allowed(name, loaded, scenario, allow, said.append):
        return Skipped(name, said[-1].removeprefix(f"{name}: ")), None
    return summarise(name, scenario, loaded), scenario


def gather(files: list[str], names: dict[str, str], allow: bool) -> ClassReport:
    """Every file summed up (or skipped) and gathered case by case; problems on stderr."""
    cases = Cases()
    items: list[SessionSummary | Skipped] = []
    scenarios: dict[str, Scenario] = {}
    for f in files:
        item, scenario = one_file(f, names[f], cases, allow)
        items.append(item)
        if scenario is not None:
            scenarios[scenario.id] = scenario
        if isinstance(item, Skipped):
            print(f"{f}: left out of the report: {item.reason}", file=sys.stderr)
        elif item.damage:
            print(f"{f}: included as far as it replays: {item.damage}", file=sys.stderr)
    return build(items, scenarios)


def write(out: Path, report: ClassReport) -> str | None:
    """Write index.html and sessions.csv into ``out``; the problem in words, or None."""
    from ..report.page import render  # matplotlib takes a while to load: only here

    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / "index.html").write_text(render(report), encoding="utf-8")
        # utf-8-sig: a spreadsheet then reads Côte d'Ivoire as written
        (out / "sessions.csv").write_text(to_csv(report), encoding="utf-8-sig", newline="")
    except OSError as exc:
        return f"{out}: cannot write the report: {describe(exc)}"
    return None


def cmd_report(args: argparse.Namespace) -> int:
    """Build the report; exit 0 when it holds at least one session, else 1."""
    names = session_names(args.files, args.name)
    if isinstance(names, str):
        print(f"report: {names}", file=sys.stderr)
        return 1
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"{out}: a file stands where the report's folder is to go; give a folder",
              file=sys.stderr)
        return 1
    report = gather(args.files, names, args.allow_changed_scenario)
    problem = write(out, report)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    n = len(report.sessions)
    print(f"wrote {out / 'index.html'} and {out / 'sessions.csv'}: {n} session(s)"
          + (f", {len(report.skipped)} file(s) left out" if report.skipped else ""))
    return 0 if n else 1
