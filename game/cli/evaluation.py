"""``evaluate``: how well the model predicts a recorded roll call, in and out of sample.

Beside the two baselines (always "yes"; the member's regional majority) it reports, on the
members present and voting: (a) the fit itself (in sample); (b) the same without the sponsors
and co-sponsors (who vote for their own text) and the opposition's leaders (whose ballots the
rules set), the swing states a student lobbies; (c) cross-validation that refits every number
fitted to this roll call (the stance and the cutpoints) with each member's vote held out; and
(d) the scenario's ``backtest``: each recorded vote on the resolution predicted by a model
fitted on the earlier ones only (game/votes/backtest.py). The tally shown is a fit where the
motion is the one calibrated, a forecast for every other motion (``fits_and_forecasts``).
"""
from __future__ import annotations

import argparse
import difflib
import sys

import numpy as np

from ..procedure import BALLOTS
from ..replay import capped
from ..rules import Rules
from ..rules.motions import goodwill, motion_input, probabilities
from ..rules.world import World
from ..scenario import Scenario
from ..scenario.history import read_roll_call
from ..textfiles import NotText
from ..votes.backtest import backtest
from ..votes.calibrate import ballot_codes, cross_validate
from ..votes.evaluate import evaluate, group_majority, scores
from .common import describe, load_or_report, print_json

#: Scores kept per predictor in the compact sections (b)-(d).
_KEEP = ("n", "accuracy", "balanced_accuracy")


def read_inputs(args: argparse.Namespace):
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


def _compact(s: dict) -> dict:
    return {k: s[k] for k in _KEEP}


def _subset(probs: np.ndarray, observed: np.ndarray, keep: np.ndarray,
            groups: list[str | None]) -> dict:
    """Model and baselines on the members present and voting among ``keep`` (n_voters,) bool;
    the regional majority is still taken over the whole room."""
    voting = (observed < 3) & keep
    majority = group_majority(observed, groups)
    out = {"model": scores(probs[:, :3].argmax(axis=1)[voting], observed[voting]),
           "always_yes": scores(np.zeros(int(voting.sum()), dtype=int), observed[voting]),
           "regional_majority": scores(majority[voting], observed[voting])}
    return {k: _compact(v) for k, v in out.items()}


def fitted_tags(scenario: Scenario, motion: str) -> list[str]:
    """Tags whose effects the model block lists as fitted to ``motion``'s roll call."""
    return [key.split(".", 1)[1] for key, target in scenario.spec.model.fitted.items()
            if key.startswith("tag_effects.") and target.to == motion]


def fits_and_forecasts(scenario: Scenario, motion: str) -> dict:
    """Which numbers are fitted (to what), which declared, and which motions' figures are
    forecasts (no number was fitted to their record)."""
    model = scenario.spec.model
    targets = {v.to for v in model.fitted.values()}
    return {"fitted": {k: {"to": v.to, **({"note": v.note} if v.note else {})}
                       for k, v in model.fitted.items()},
            "declared": dict(model.declared),
            "this_motion": ("fitted: calibrate fits numbers to this record, so these are "
                            "in-sample figures" if motion in targets else
                            "forecast: no number was fitted to this record"),
            "forecasts": [m.id for m in scenario.spec.motions if m.id not in targets]}


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score the forecast of a motion against a roll call, beside two baselines."""
    got = read_inputs(args)
    if got is None:
        return 1
    scenario, world, state, observed = got
    voters = world.voters(scenario.motion(args.motion).body)
    groups = [scenario.members[i].regional_group for i in voters]
    probs = probabilities(world, state, args.motion)
    report = evaluate(probs, observed, groups)
    report["motion"] = args.motion
    report["fits_and_forecasts"] = fits_and_forecasts(scenario, args.motion)
    report["scope"] = ("in sample" if report["fits_and_forecasts"]["this_motion"]
                       .startswith("fitted") else "forecast")
    # the sponsors and co-sponsors, and the leaders of both sides (whose ballots the rules set)
    sides = scenario.spec.sides
    named = [*sides["sponsors"].members, *sides["sponsors"].cosponsors]
    named += sides["opposition"].members if "opposition" in sides else []
    sponsors = {world.index[c] for c in named if c in world.index}
    others = np.array([i not in sponsors for i in voters])
    report["without_sponsors"] = _subset(probs, observed, others, groups)
    if args.cv == 1 or args.cv > len(voters):
        print(f"--cv {args.cv}: give 0 (no cross-validation) or from 2 to {len(voters)} folds "
              f"(one per member who votes on {args.motion} at most)", file=sys.stderr)
        return 1
    if args.cv:
        names = list(scenario.spec.model.stance)
        try:
            oof = cross_validate(world.model, motion_input(world, state, args.motion),
                                 goodwill(world, state), observed, names, args.cv,
                                 tags=fitted_tags(scenario, args.motion))
        except ValueError as exc:
            print(f"{args.roll_call}: cannot cross-validate with {args.cv} folds: {exc} "
                  "(try fewer folds, or --cv 0)", file=sys.stderr)
            return 1
        cv = evaluate(oof, observed, groups)
        report["cross_validated"] = {
            "folds": args.cv,
            # what cross_validate refits: the roll-call step (for a motion the shipped model
            # was not fitted to, a model fitted to this roll call instead of the shipped one)
            "refitted_per_fold": ["stance", "cutpoints", *(
                f"tag_effects.{t}" for t in fitted_tags(scenario, args.motion))],
            "not_refitted": {k: f"fitted to {v.to}, not to this motion's roll call"
                             for k, v in scenario.spec.model.fitted.items()
                             if v.to != args.motion},
            "all_members": cv["all_members"]["model"],
            "present_and_voting": cv["present_and_voting"]["model"],
            "without_sponsors": _subset(oof, observed, others, groups)["model"]}
    bt = scenario.spec.backtest
    if bt is not None:
        facts = {k: scenario.spec.members.facts[k] for k in bt.facts}
        report["backtest"] = backtest(bt.votes, facts, bt.decay)
    if args.json:
        print_json(report)
        return 0
    print_report(report)
    return 0


def print_report(report: dict) -> None:
    """The evaluation as a plain-text table."""
    print(f"\n{report['motion']}: {report['fits_and_forecasts']['this_motion']}")
    where = report["scope"]
    for scope, title in (("all_members", f"(a) all members, {where} (4 classes incl. absent)"),
                         ("present_and_voting", f"(a) members present and voting, {where}")):
        print(f"\n{title}")
        print(f"  {'predictor':<20}{'accuracy':>10}{'balanced':>10}   F1 per class")
        for name, s in report[scope].items():
            f1 = "  ".join(f"{k} {v:.2f}" for k, v in s["f1"].items())
            print(f"  {name:<20}{s['accuracy']:>10.3f}{s['balanced_accuracy']:>10.3f}   {f1}")
        conf = np.array(report[scope]["model"]["confusion"])
        print("  confusion (rows real, columns predicted: " + "/".join(BALLOTS) + ")")
        for b, row in zip(BALLOTS, conf, strict=True):      # 4x4: a row per ballot code
            if row.sum() or scope == "all_members":
                print(f"    {b:<8}" + "".join(f"{v:>6}" for v in row))
    print("\n(b) without the sponsors, co-sponsors and opposition leaders, present and "
          f"voting, {where}")
    for name, s in report["without_sponsors"].items():
        print(f"  {name:<20}{s['accuracy']:>10.3f}{s['balanced_accuracy']:>10.3f}   n={s['n']}")
    if "cross_validated" in report:
        cv = report["cross_validated"]
        print(f"\n(c) {cv['folds']}-fold cross-validated (each member predicted by a fit that "
              "never saw its vote; refits " + ", ".join(cv["refitted_per_fold"]) + "):")
        for scope in ("all_members", "present_and_voting", "without_sponsors"):
            s = cv[scope]
            print(f"    {scope:<20} accuracy {s['accuracy']:.3f}  "
                  f"balanced {s['balanced_accuracy']:.3f}")
    if "backtest" in report:
        bt = report["backtest"]
        print("\n(d) backtest: each vote predicted by a fit on the earlier ones only")
        print(f"  {'vote':<14}{'n':>5}{'model':>16}{'repeat previous':>22}   (accuracy/balanced)")
        for y in bt["years"]:
            m, r = y["model"], y["repeat_previous"]
            print(f"  {y['vote']:<14}{y['n']:>5}   {m['accuracy']:.3f}/{m['balanced_accuracy']:.3f}"
                  f"        {r['accuracy']:.3f}/{r['balanced_accuracy']:.3f}")
        print(f"  the model beats repeating the previous vote (balanced accuracy) in "
              f"{bt['model_beats_repeat_previous']}")
    e, r = report["tally"]["expected"], report["tally"]["real"]
    print("\n  tally      " + "".join(f"{b:>10}" for b in BALLOTS))
    print("  expected   " + "".join(f"{e[b]:>10.1f}" for b in BALLOTS))
    print("  real       " + "".join(f"{r[b]:>10d}" for b in BALLOTS))
