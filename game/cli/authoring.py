"""Subcommands for scenario authors: validate, schema, new, audit."""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

from ..bots import LEVELS
from ..scenario import check_file, docs, read_source
from ..scenario.messages import Issue
from .audit import Audit, run_audit, to_json
from .common import (
    SCENARIO_DIR,
    SCENARIO_NAME,
    Subparsers,
    describe,
    load_or_report,
    not_a_file,
    print_json,
    resolve_scenario_path,
    whole_number,
)
from .template import TEMPLATE

_IDENT = re.compile(r"[a-z][a-z0-9_]{0,63}")


def register(sub: Subparsers) -> None:
    """Add the authoring subcommands (validate, schema, new, audit) to ``sub``."""
    p = sub.add_parser("validate", help="check scenario files; every problem with file:line")
    p.add_argument("paths", nargs="+", metavar="SCENARIO", type=SCENARIO_NAME)
    p.add_argument("--json", action="store_true", help="issues as JSON")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of scenario files")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--markdown", action="store_true", help="print the reference instead")
    g.add_argument("--write", action="store_true", help="rewrite scenarios/"
                   f"{docs.SCHEMA_FILE} and the reference in scenarios/README.md")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("new", help="write a starting scenario file that validates")
    p.add_argument("name", help="id of the new case (e.g. my_case), or a path ending .yaml")
    p.add_argument("--from", dest="source", metavar="SCENARIO", type=SCENARIO_NAME,
                   help="copy this scenario")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("audit", help="play many headless games: outcomes, dead choices, speed")
    p.add_argument("scenario", type=SCENARIO_NAME)
    p.add_argument("--runs", type=whole_number(1, 10_000, "--runs takes"), default=20,
                   metavar="N", help="games per bot (1 to 10,000; default 20)")
    p.add_argument("--side", choices=("sponsors", "opposition", "both"), default="both",
                   help="the side the audited players take (default both)")
    p.add_argument("--opponent", choices=LEVELS, default="greedy",
                   help="the bot playing the other side (default greedy)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit)


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every issue; exit 1 if any file has an error (warnings do not block play)."""
    status, found = 0, []
    for name in args.paths:
        path = resolve_scenario_path(name)
        special = not_a_file(path)
        issues = [Issue(str(path), 1, 1, "error", "(file)", special.split(": ", 1)[1],
                        "give a .yaml file")] if special else check_file(path)
        errors = sum(i.severity == "error" for i in issues)
        status = 1 if errors else status
        found.append({"file": str(path), "valid": not errors,
                      "issues": [i.to_dict() for i in issues]})
        if args.json:
            continue
        for issue in issues:
            print(issue.format())
        warnings = len(issues) - errors
        if errors:
            print(f"{path}: {errors} error(s), {warnings} warning(s)")
        else:
            print(f"{path}: valid" + (f", with {warnings} warning(s)" if warnings else ""))
    if args.json:
        print_json(found)
    return status


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema (or, with --markdown, the reference), or --write both files."""
    if args.write:
        for path in docs.write(SCENARIO_DIR):
            print(f"wrote {path}")
        return 0
    sys.stdout.write(docs.reference_markdown() + "\n" if args.markdown
                     else docs.json_schema_text())
    return 0


def new_path(name: str) -> Path:
    """Where ``new NAME`` writes: a path as given, or scenarios/NAME.yaml."""
    if "/" in name or os.sep in name or name.endswith((".yaml", ".yml")):
        return Path(name)
    return SCENARIO_DIR / f"{name}.yaml"


def _suggest(name: str) -> str:
    """An id close to ``name``: lower-case, other characters as _, starting with a letter."""
    text = re.sub("[^a-z0-9_]+", "_", name.lower()).strip("_")
    return (text if text[:1].isalpha() else f"case_{text}".rstrip("_"))[:64]


def _refuse_new(name: str, target: Path, force: bool) -> str | None:
    """Why ``new`` will not write ``target``, or None."""
    if not name.strip():
        return "give the new case a name, e.g. `python main.py new my_case`"
    if target.suffix not in (".yaml", ".yml"):
        return (f"{name}: give an id (e.g. {_suggest(target.stem)}) or a path ending .yaml "
                f"(e.g. {target.with_suffix('.yaml')})")
    if not _IDENT.fullmatch(target.stem):
        return (f"{target}: the name must be lower-case letters, digits and _, starting with a "
                f"letter, at most 64 characters (e.g. {_suggest(target.stem) or 'my_case'})")
    if target.is_dir():
        return f"{target}: is a folder; give a file name ending .yaml"
    if target.exists() and not force:
        return f"{target}: already exists (use --force to overwrite; the old file is kept as "\
               f"{target.name}.bak)"
    return None


def schema_comment(target: Path) -> str:
    """The editor comment's schema path: relative for a file inside the project, else the
    schema's file URI (a relative path climbing out of a folder breaks when it moves)."""
    schema = (SCENARIO_DIR / docs.SCHEMA_FILE).resolve()
    folder = target.resolve().parent
    if folder.is_relative_to(SCENARIO_DIR.resolve().parent):
        return Path(os.path.relpath(schema, folder)).as_posix()
    return schema.as_uri()


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new scenario file (the template, or a copy --from another), then validate it."""
    target = new_path(args.name)
    case_id = target.stem
    refusal = _refuse_new(args.name, target, args.force)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    if args.source:
        text = _copy_of(args.source, target, case_id)
        if text is None:
            return 1
    else:
        text = TEMPLATE.format(schema=schema_comment(target), id=case_id, path=target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            backup = target.with_name(target.name + ".bak")
            shutil.copyfile(target, backup)
            print(f"kept the old file as {backup}")
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"{target}: cannot write: {describe(exc)}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return cmd_validate(argparse.Namespace(paths=[str(target)], json=False))


def _copy_of(name: str, target: Path, case_id: str) -> str | None:
    """The text of scenario ``name`` with a new id and schema comment; files it names are
    copied next to ``target`` when it lives in another folder (never over a different file).
    None (after reporting) on failure."""
    scenario = load_or_report(name)
    if scenario is None:
        return None
    source = resolve_scenario_path(name)
    text = read_source(source).text              # as the loader read it (UTF-8 or UTF-16)
    text = re.sub(r"(?m)^id:.*$", f"id: {case_id}", text, count=1)
    comment = f"# yaml-language-server: $schema={schema_comment(target)}"
    if text.startswith("# yaml-language-server:"):
        text = comment + text[text.index("\n"):]
    else:
        text = comment + "\n" + text
    spec = scenario.spec
    names = [s.briefing_file for s in spec.sides.values() if s.briefing_file] + \
        [h.roll_call_file for h in spec.history if h.roll_call_file]
    src_dir, dst_dir = Path(source).resolve().parent, target.resolve().parent
    for name in names if src_dir != dst_dir else []:
        src, dst = src_dir / name, dst_dir / name
        try:
            if dst.exists() and dst.read_bytes() != src.read_bytes():
                print(f"{dst}: already exists and differs from {src}; kept as it is",
                      file=sys.stderr)
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
        except OSError as exc:
            print(f"{dst}: cannot copy {name} there: {describe(exc)}", file=sys.stderr)
            return None
        print(f"copied {name}")
    return text


def cmd_audit(args: argparse.Namespace) -> int:
    """Audit a scenario with headless bot games; print the report (or its JSON)."""
    scenario = load_or_report(args.scenario)
    if scenario is None:
        return 1
    sides = ("sponsors", "opposition") if args.side == "both" else (args.side,)
    audit = run_audit(scenario, args.runs, sides=sides, opponent=args.opponent)
    if args.json:
        print_json(to_json(audit))
    else:
        print(report(audit))
    return 0


def report(audit: Audit) -> str:
    """The audit in words: outcomes per bot, verdicts, dead choices, speed."""
    data = to_json(audit)
    bots = list(data["bots"])
    first = data["side"]
    whose = {"sponsors": "sponsors'", "opposition": "opposition's"}.get(first, first)
    lines = [f"Audit of {data['scenario']}: {data['runs']} games per bot and side (seeds 0-"
             f"{data['runs'] - 1}), the other side played by the {data['opponent']} bot.", "",
             f"Outcomes (games, the {whose} players):"]
    for motion in data["motions"]:
        lines.append(f"  {motion}")
        for bot in bots:
            counts = data["bots"][bot]["outcomes"][motion]
            way = data["bots"][bot]["sponsors_way"][motion]
            text = ", ".join(f"{o} {n}" for o, n in sorted(counts.items(), key=lambda t: -t[1]))
            lines.append(f"    {bot:<8} {text:<44} sponsors' way {way:.0%}")
    if data["objectives"]:
        lines += ["", f"Objectives (share of games met; score out of {data['points_possible']}):"]
        for obj, points in data["objectives"].items():
            shares = "  ".join(f"{b} {data['bots'][b]['objectives_met'][obj]:>4.0%}" for b in bots)
            lines.append(f"  {obj:<28} {points} pt   {shares}")
        lines.append("  mean score" + " " * 24 + "  ".join(
            f"{b} {data['bots'][b]['mean_points']:>4}" for b in bots))
    lines += ["", "Balance (mean points; win: at least half the side's points):"]
    for side, info in data["sides"].items():
        cells = "  ".join(f"{b} {v['mean_points']:>5} ({v['win_rate']:.0%})"
                          for b, v in info["players"].items())
        lines.append(f"  {side:<11} of {info['points_possible']:>2}: {cells}")
        for label, why in info["traps"].items():
            lines.append(f"    planner never chose {label!r}: {why}")
    lines += ["", "Verdicts:"] + [f"  - {v}" for v in verdicts(data)] + ["", "Choices:"]
    for label, rec in data["choices"].items():
        if not rec["taken"]:
            state = "never chosen by any bot"
        elif rec["changed"]:
            state = f"changed ballots (taken {rec['taken']}x)"
        elif rec["tested"]:
            state = f"NEVER CHANGED A BALLOT (taken {rec['taken']}x, {rec['tested']} tested)"
        else:
            state = f"taken {rec['taken']}x, not tested"
        lines.append(f"  {label:<48} {state}")
    speeds = ", ".join(f"{b} {data['bots'][b]['games_per_second']}" for b in bots)
    lines += ["", f"Speed: {data['games_per_second']} games/s overall ({speeds}); "
              f"choice analysis {data['analysis_seconds']} s."]
    return "\n".join(lines)


def verdicts(data: dict) -> list[str]:
    """One line per motion where the bots' results say something about the design (the
    sponsors' bots: "doing nothing" is theirs; with the opposition audited, whoever plays)."""
    out = []
    idle = ("even when they do nothing" if data.get("side", "sponsors") == "sponsors"
            else "even when the opposition does nothing")
    for motion in data["motions"]:
        ways = {bot: b["sponsors_way"][motion] for bot, b in data["bots"].items()}
        if max(ways.values()) == 0:
            out.append(f"{motion}: never went the sponsors' way: not winnable by these bots "
                       "(fine if history says so; else weaken the opposition or the text)")
        elif ways.get("passive", 0) == 1:
            out.append(f"{motion}: goes the sponsors' way {idle} (too easy?)")
        elif min(ways.values()) < 1:
            out.append(f"{motion}: decided by play: sponsors' way from {min(ways.values()):.0%}"
                       f" to {max(ways.values()):.0%} of games depending on the strategy")
    for obj in data["objectives"]:
        met = {bot: b["objectives_met"][obj] for bot, b in data["bots"].items()}
        if max(met.values()) == 0:
            out.append(f"objective {obj}: never met by any bot")
        elif met.get("passive", 0) == 1:
            out.append(f"objective {obj}: met {idle.replace('they do', 'the sponsors do')}")
    if data["dead_choices"]:
        out.append("dead choices (never changed a ballot): " + "; ".join(data["dead_choices"]))
    return out or ["nothing stands out"]
