"""``calibrate`` and ``evaluate``: fit the model's global coefficients to a real roll call,
and measure a forecast against it beside two baselines."""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

import numpy as np

from ..procedure import BALLOTS
from ..replay import capped
from ..rules import Rules
from ..rules.motions import goodwill, motion_input, probabilities
from ..rules.world import World
from ..scenario import read_source
from ..scenario.history import read_roll_call
from ..textfiles import NotText
from ..votes.calibrate import ballot_codes, cross_validate, fit
from ..votes.evaluate import evaluate
from .common import (
    FILE_NAME,
    SCENARIO_NAME,
    Subparsers,
    describe,
    load_or_report,
    print_json,
    resolve_scenario_path,
    whole_number,
)


def register(sub: Subparsers) -> None:
    """Add the ``calibrate`` and ``evaluate`` subcommands to ``sub``."""
    for name, func, text in (
            ("calibrate", cmd_calibrate, "fit global coefficients to a roll call"),
            ("evaluate", cmd_evaluate, "score the forecast against a roll call")):
        p = sub.add_parser(name, help=text)
        p.add_argument("scenario", type=SCENARIO_NAME)
        p.add_argument("--roll-call", required=True, metavar="CSV", type=FILE_NAME,
                       help="CSV with columns iso3,vote (yes/no/abstain/absent)")
        p.add_argument("--motion", required=True, metavar="ID")
        p.add_argument("--json", action="store_true")
        if name == "evaluate":
            p.add_argument("--cv", type=whole_number(0, 10_000, "--cv takes"), default=10,
                           metavar="K", help="also report K-fold cross-validated scores (0 to "
                                             "skip; at most one fold per voting member)")
        if name == "calibrate":
            p.add_argument("--write", action="store_true",
                           help="write the fitted stance and cutpoints into the scenario file")
        p.set_defaults(func=func)


def _inputs(args):
    """(scenario, world, state, observed ballots), or None after printing every problem."""
    scenario = load_or_report(args.scenario)
    if scenario is None:
        return None
    ids = [m.id for m in scenario.spec.motions]
    if args.motion not in ids:
        close = difflib.get_close_matches(args.motion.lower(), ids, 1)
        hint = f"did you mean {close[0]}? " if close else ""
        print(f"{args.scenario}: no motion {args.motion!r}; {hint}motions: " + ", ".join(ids),
              file=sys.stderr)
        return None
    world = World(scenario)
    state = Rules(world).new_game()
    iso = [world.iso[i] for i in world.voters(scenario.motion(args.motion).body)]
    try:
        roll = read_roll_call(args.roll_call, world.iso, voters=iso)
    except OSError as exc:
        print(f"{args.roll_call}: cannot read the file: {describe(exc)}", file=sys.stderr)
        return None
    except NotText as exc:
        print(f"{args.roll_call}: error: {exc}", file=sys.stderr)
        return None
    for kind in ("error", "warning"):
        for line in capped([p.text() for p in roll.problems if p.severity == kind]):
            print(f"{args.roll_call}: {kind}: {line}", file=sys.stderr)
    if roll.errors():
        return None
    missing = [c for c in iso if c not in roll.ballots]
    if len(missing) > len(iso) // 2:
        print(f"{args.roll_call}: warning: {len(missing)} of the {len(iso)} members who vote on "
              f"{args.motion} are not in this roll call (counted as absent); is it the right "
              "file for this motion?", file=sys.stderr)
    return scenario, world, state, ballot_codes(roll.ballots, iso)


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Fit the stance coefficients and cutpoints to a roll call; print (or --write) them."""
    got = _inputs(args)
    if got is None:
        return 1
    scenario, world, state, observed = got
    names = list(scenario.spec.model.stance)
    cast = int((observed < 3).sum())
    if cast < 10 * (len(names) + 1):
        print(f"warning: fitting {len(names) + 1} coefficients to {cast} recorded ballots; the "
              "fit will follow this roll call's quirks (aim for at least ten ballots per "
              "coefficient, e.g. a General Assembly roll call)", file=sys.stderr)
    try:
        result = fit(world.model, motion_input(world, state, args.motion), goodwill(world, state),
                     observed, names)
    except ValueError as exc:
        print(f"{args.roll_call}: cannot fit: {exc}", file=sys.stderr)
        return 1
    block = (f"  stance: {{{', '.join(f'{k}: {v}' for k, v in result.stance.items())}}}\n"
             f"  cutpoints: [{result.cutpoints[0]}, {result.cutpoints[1]}]\n")
    if args.json:
        print_json({"stance": result.stance, "cutpoints": list(result.cutpoints),
                    "neg_log_likelihood": round(result.neg_log_likelihood, 4),
                    "n_used": result.n_used, "converged": result.converged})
    else:
        print(f"fitted {len(names)} stance coefficients + abstention band on {result.n_used} "
              f"recorded ballots; -log L = {result.neg_log_likelihood:.2f}"
              f"{'' if result.converged else ' (optimizer did not report convergence)'}")
        print("model:\n" + block, end="")
    if args.write:
        return _write_block(resolve_scenario_path(args.scenario), block)
    return 0


def _write_block(path: Path, block: str) -> int:
    """Replace the one-line ``stance:`` and ``cutpoints:`` entries under ``model:``."""
    try:        # as the loader read it (UTF-8 or UTF-16); written back in the same encoding
        got = read_source(path)
    except (OSError, NotText) as exc:
        print(f"{path}: cannot read: {describe(exc) if isinstance(exc, OSError) else exc}; "
              "paste the block above by hand", file=sys.stderr)
        return 1
    crlf, text = "\r\n" in got.text, got.text.replace("\r\n", "\n")   # keep its line ends
    pattern = re.compile(r"^  stance: \{[^\n]*\}\n  cutpoints: \[[^\n]*\]\n", re.M)
    if len(pattern.findall(text)) != 1:
        print(f"{path}: could not find one-line `stance:` and `cutpoints:` entries under "
              "`model:`; paste the block above by hand", file=sys.stderr)
        return 1
    try:
        text = pattern.sub(block, text)
        path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode(got.encoding))
    except OSError as exc:
        print(f"{path}: cannot write: {describe(exc)}; paste the block above by hand",
              file=sys.stderr)
        return 1
    print(f"wrote the fitted coefficients into {path}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score the forecast of a motion against a roll call, beside two baselines."""
    got = _inputs(args)
    if got is None:
        return 1
    scenario, world, state, observed = got
    voters = world.voters(scenario.motion(args.motion).body)
    probs = probabilities(world, state, args.motion)
    report = evaluate(probs, observed, [scenario.members[i].regional_group for i in voters])
    report["motion"] = args.motion
    if args.cv == 1 or args.cv > len(voters):
        print(f"--cv {args.cv}: give 0 (no cross-validation) or from 2 to {len(voters)} folds "
              f"(one per member who votes on {args.motion} at most)", file=sys.stderr)
        return 1
    if args.cv:
        names = list(scenario.spec.model.stance)
        try:
            oof = cross_validate(world.model, motion_input(world, state, args.motion),
                                 goodwill(world, state), observed, names, args.cv)
        except ValueError as exc:
            print(f"{args.roll_call}: cannot cross-validate with {args.cv} folds: {exc} "
                  "(try fewer folds, or --cv 0)", file=sys.stderr)
            return 1
        cv = evaluate(oof, observed, [scenario.members[i].regional_group for i in voters])
        report["cross_validated"] = {"folds": args.cv,
                                     "all_members": cv["all_members"]["model"],
                                     "present_and_voting": cv["present_and_voting"]["model"]}
    if args.json:
        print_json(report)
        return 0
    print_report(report)
    return 0


def print_report(report: dict) -> None:
    """The evaluation as a plain-text table."""
    for scope, title in (("all_members", "all members (4 classes incl. absent)"),
                         ("present_and_voting", "members present and voting (yes/no/abstain)")):
        print(f"\n{report['motion']}: {title}")
        print(f"  {'predictor':<20}{'accuracy':>10}{'balanced':>10}   F1 per class")
        for name, s in report[scope].items():
            f1 = "  ".join(f"{k} {v:.2f}" for k, v in s["f1"].items())
            print(f"  {name:<20}{s['accuracy']:>10.3f}{s['balanced_accuracy']:>10.3f}   {f1}")
        conf = np.array(report[scope]["model"]["confusion"])
        print("  confusion (rows real, columns predicted: " + "/".join(BALLOTS) + ")")
        for b, row in zip(BALLOTS, conf, strict=True):      # 4x4: a row per ballot code
            if row.sum() or scope == "all_members":
                print(f"    {b:<8}" + "".join(f"{v:>6}" for v in row))
    if "cross_validated" in report:
        cv = report["cross_validated"]
        print(f"\n  {cv['folds']}-fold cross-validated model (each member predicted by a fit "
              "that never saw its vote):")
        for scope in ("all_members", "present_and_voting"):
            s = cv[scope]
            print(f"    {scope:<20} accuracy {s['accuracy']:.3f}  "
                  f"balanced {s['balanced_accuracy']:.3f}")
    e, r = report["tally"]["expected"], report["tally"]["real"]
    print("\n  tally      " + "".join(f"{b:>10}" for b in BALLOTS))
    print("  expected   " + "".join(f"{e[b]:>10.1f}" for b in BALLOTS))
    print("  real       " + "".join(f"{r[b]:>10d}" for b in BALLOTS))
