"""``calibrate`` and ``evaluate``: fit the model's global coefficients to a real roll call,
and measure a forecast against it beside two baselines."""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..rules import Rules
from ..rules.motions import goodwill, motion_input
from ..rules.world import World
from ..scenario import Scenario, read_source
from ..textfiles import NotText
from ..votes.calibrate import TALLY_PARAMETERS, fit, fit_tally
from .common import (
    FILE_NAME,
    SCENARIO_NAME,
    Subparsers,
    describe,
    print_json,
    resolve_scenario_path,
    whole_number,
)
from .evaluation import cmd_evaluate, fitted_tags, read_inputs


def register(sub: Subparsers) -> None:
    """Add the ``calibrate`` and ``evaluate`` subcommands to ``sub``."""
    for name, func, text in (
            ("calibrate", cmd_calibrate, "fit global coefficients to a roll call"),
            ("evaluate", cmd_evaluate, "score the forecast against a roll call, in and out "
                                       "of sample")):
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


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Fit the stance coefficients and cutpoints to a roll call, then (second step) the numbers
    the model block lists as fitted to a tally; print (or --write) them."""
    got = read_inputs(args)
    if got is None:
        return 1
    scenario, world, state, observed = got
    names = list(scenario.spec.model.stance)
    cast = int((observed < 3).sum())
    if cast < 10 * (len(names) + 1):
        print(f"warning: fitting {len(names) + 1} coefficients to {cast} recorded ballots; the "
              "fit will follow this roll call's quirks (aim for at least ten ballots per "
              "coefficient, e.g. a General Assembly roll call)", file=sys.stderr)
    tags = fitted_tags(scenario, args.motion)
    try:
        result = fit(world.model, motion_input(world, state, args.motion), goodwill(world, state),
                     observed, names, tags)
    except ValueError as exc:
        print(f"{args.roll_call}: cannot fit: {exc}", file=sys.stderr)
        return 1
    effects = {t: {**e, **result.tag_effects.get(t, {})}
               for t, e in scenario.spec.model.tag_effects.items()}
    model = scenario.spec.model.model_copy(update={"stance": result.stance,
                                                   "cutpoints": result.cutpoints,
                                                   "tag_effects": effects})
    tallies = fit_tallies(scenario.with_model(model))
    if isinstance(tallies, str):
        print(f"{args.scenario}: {tallies}", file=sys.stderr)
        return 1
    lines = {"stance": "{" + ", ".join(f"{k}: {v}" for k, v in result.stance.items()) + "}",
             "cutpoints": f"[{result.cutpoints[0]}, {result.cutpoints[1]}]"}
    for tag in tags:
        lines[f"tag_effects.{tag}"] = ("{" + ", ".join(f"{k}: {v}" for k, v in
                                                       effects[tag].items()) + "}")
    scale = next((f.values["attendance_scale"] for f in tallies.values()
                  if "attendance_scale" in f.values), None)
    if scale is not None:
        lines["attendance_scale"] = str(scale)
    for field_name in TALLY_PARAMETERS[:2]:
        table = dict(getattr(model, field_name))
        table.update({kind: v for fit_ in tallies.values() for key, v in fit_.values.items()
                      for kind in [fit_.kinds[key]] if key == field_name})
        if table != dict(getattr(model, field_name)):
            lines[field_name] = "{" + ", ".join(f"{k}: {v}" for k, v in table.items()) + "}"
    block = "".join(f"  {k}: {v}\n" for k, v in lines.items())
    if args.json:
        print_json({"stance": result.stance, "cutpoints": list(result.cutpoints),
                    "tag_effects": result.tag_effects,
                    "neg_log_likelihood": round(result.neg_log_likelihood, 4),
                    "n_used": result.n_used, "converged": result.converged,
                    "tallies": {m: {"fitted": f.values, "deviance": round(f.deviance, 4),
                                    "expected": [round(x, 2) for x in f.expected],
                                    "recorded": f.recorded}
                                for m, f in tallies.items()}})
    else:
        extra = sum(len(v) for v in result.tag_effects.values())
        print(f"step 1: fitted {len(names)} stance coefficients + abstention band"
              f"{f' + {extra} tag effects' if extra else ''} on "
              f"{result.n_used} recorded ballots of {args.motion}; -log L = "
              f"{result.neg_log_likelihood:.2f}"
              f"{'' if result.converged else ' (optimizer did not report convergence)'}")
        for m, f in tallies.items():
            print(f"step 2: fitted {', '.join(f.values)} of {m} to its recorded tally "
                  f"{'-'.join(str(x) for x in f.recorded)}: expected "
                  f"{'-'.join(f'{x:.1f}' for x in f.expected)} (deviance {f.deviance:.2f})")
        print("model:\n" + block, end="")
    if args.write:
        return _write_block(resolve_scenario_path(args.scenario), lines)
    return 0


@dataclass(frozen=True)
class _TallyResult:
    """A second-step fit for one motion, with the recorded tally and the kind per value."""

    values: dict[str, float]
    expected: tuple[float, float, float, float]
    deviance: float
    recorded: list[int]
    kinds: dict[str, str]


def fit_tallies(scenario: Scenario) -> dict[str, _TallyResult] | str:
    """Second step: each `model.fitted` entry ``salience.<kind>`` or ``abstainers_absent.<kind>``
    fitted to the recorded tally of the motion it names, at the initial state, with the rest
    of the model as given. ``attendance_scale`` (one number for every motion) is fitted first,
    alone, to its motion's tally, and the other fits use it. Returns {motion id: result}, or a
    message saying what is wrong."""
    history = {h.motion: h for h in scenario.spec.history}
    wanted: dict[str, dict[str, str]] = {}
    fitted = scenario.spec.model.fitted
    out: dict[str, _TallyResult] = {}
    if "attendance_scale" in fitted:
        first = _fit_one(scenario, history, fitted["attendance_scale"].to,
                         {"attendance_scale": ""})
        if isinstance(first, str):
            return first
        out[fitted["attendance_scale"].to] = first
        model = scenario.spec.model.model_copy(
            update={"attendance_scale": first.values["attendance_scale"]})
        scenario = scenario.with_model(model)
    for key, target in fitted.items():
        head, _, kind = key.partition(".")
        if head in TALLY_PARAMETERS[:2]:
            wanted.setdefault(target.to, {})[head] = kind
    for motion_id, kinds in wanted.items():
        got = _fit_one(scenario, history, motion_id, kinds)
        if isinstance(got, str):
            return got
        if motion_id in out:        # the scale was fitted to this tally too: report both
            got = replace(got, values={**out[motion_id].values, **got.values},
                          kinds={**out[motion_id].kinds, **got.kinds})
        out[motion_id] = got
    return out


def _fit_one(scenario: Scenario, history: dict, motion_id: str,
             kinds: dict[str, str]) -> _TallyResult | str:
    """Fit ``kinds`` (parameter -> motion kind, "" for the attendance scale) to the recorded
    tally of ``motion_id``; the result, or a message saying what is wrong."""
    world = World(scenario)
    state = Rules(world).new_game()
    tally = history[motion_id].tally if motion_id in history else None
    if tally is None or tally.absent is None:
        return f"model.fitted: {motion_id} has no recorded tally with its absences"
    motion = scenario.motion(motion_id)
    if any(kind not in ("", motion.kind) for kind in kinds.values()):
        return (f"model.fitted: {motion_id} is a motion of kind {motion.kind}; fit "
                f"{motion.kind} entries to it")
    recorded = [tally.yes, tally.no, tally.abstain, tally.absent]
    try:
        f = fit_tally(world.model, motion_input(world, state, motion_id),
                      goodwill(world, state), np.array(recorded), list(kinds))
    except ValueError as exc:
        return f"cannot fit to the tally of {motion_id}: {exc}"
    return _TallyResult(f.values, f.expected, f.deviance, recorded, kinds)


def _write_block(path: Path, lines: dict[str, str]) -> int:
    """Replace the one-line ``key: value`` entries under ``model:`` named in ``lines``."""
    try:        # as the loader read it (UTF-8 or UTF-16); written back in the same encoding
        got = read_source(path)
    except (OSError, NotText) as exc:
        print(f"{path}: cannot read: {describe(exc) if isinstance(exc, OSError) else exc}; "
              "paste the block above by hand", file=sys.stderr)
        return 1
    crlf, text = "\r\n" in got.text, got.text.replace("\r\n", "\n")   # keep its line ends
    for key, value in lines.items():
        # `tag_effects.x` is the entry `x:` one level further in, under `tag_effects:`
        indent, name = ("    ", key.split(".")[1]) if "." in key else ("  ", key)
        if value[0] in "{[":
            opener = "{" if value.startswith("{") else "["
            closer = "}" if opener == "{" else "]"
            pattern = re.compile(rf"^{indent}{name}: \{opener}[^\n]*\{closer}[^\n]*\n", re.M)
        else:                       # a single number
            pattern = re.compile(rf"^{indent}{name}: [0-9.eE+-]+[^\n]*\n", re.M)
        if len(pattern.findall(text)) != 1:
            print(f"{path}: could not find a one-line `{key}:` entry under `model:`; paste "
                  "the block above by hand", file=sys.stderr)
            return 1
        line = f"{indent}{name}: {value}\n"
        text = pattern.sub(lambda _m: line, text)   # noqa: B023 -- used at once, in this pass
    try:
        path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode(got.encoding))
    except OSError as exc:
        print(f"{path}: cannot write: {describe(exc)}; paste the block above by hand",
              file=sys.stderr)
        return 1
    print(f"wrote the fitted coefficients into {path}")
    return 0
