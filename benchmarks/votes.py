"""Speed of the vote model: ``python -m benchmarks.votes [--json]``.

Prints the median time of a 10,000-draw forecast of all 193 members for one motion (numpy),
the same with the pure-Python reference in benchmarks/reference.py (after checking that both
give the same probabilities), their ratio, and complete headless games per second with the
greedy bots. Medians over repeated runs; nothing here is a pass/fail test.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from benchmarks import reference
from game.cli.modelcmds import simulate
from game.rules import Rules, World
from game.rules.motions import goodwill, motion_forecast, motion_input, probabilities
from game.scenario import load

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "dprk_2014.yaml"
MOTION = "plenary_draft"


def timed(fn, repeat: int) -> list[float]:
    """Milliseconds each of ``repeat`` calls of ``fn`` took."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def reference_forecast(world: World, state, motion_id: str, n_draws: int):
    """The pure-Python reference's probabilities, expected tally and P(adopted) of a motion."""
    model = world.model
    mi = motion_input(world, state, motion_id)
    m = world.motions[motion_id]
    rule = world.rule(m)
    probs = reference.probabilities(
        model.features.tolist(), model.theta.tolist(), model.demand.tolist(),
        mi.proposal.tolist(), None if mi.status_quo is None else mi.status_quo.tolist(),
        model.no_resolution, goodwill(world, state).tolist(), mi.orient, model.cutpoints.tolist(),
        model.p_absent.tolist() if mi.attendance else None, mi.voters.tolist(),
        mi.abstainers_absent, model.principle, mi.salience)
    expected, p_adopted = reference.forecast(probs, world.permanent(m.body).tolist(),
                                             rule.affirmative_votes, rule.veto, n_draws, 0)
    return probs, expected, p_adopted


def main(argv=None) -> int:
    """Check the reference against the model, then time both and whole games; print them."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--games", type=int, default=40)
    args = ap.parse_args(argv)
    scenario = load(SCENARIO)
    world = World(scenario)
    state = Rules(world).new_game()
    rng = np.random.default_rng(0)
    probs, _, _ = reference_forecast(world, state, MOTION, 10)
    np.testing.assert_allclose(np.array(probs), probabilities(world, state, MOTION),
                               rtol=1e-9, atol=1e-12)
    motion_forecast(world, state, MOTION, rng, 10_000)                       # warm-up
    fast = timed(lambda: motion_forecast(world, state, MOTION, rng, 10_000), args.repeat)
    slow = timed(lambda: reference_forecast(world, state, MOTION, 10_000),
                 max(3, args.repeat // 10))
    t0 = time.perf_counter()
    for seed in range(args.games):
        simulate(scenario, seed, "greedy")
    games_per_s = args.games / (time.perf_counter() - t0)
    result = {"forecast_ms_median": round(statistics.median(fast), 3),
              "python_reference_ms_median": round(statistics.median(slow), 1),
              "ratio": round(statistics.median(slow) / statistics.median(fast), 1),
              "games_per_s": round(games_per_s, 1),
              "n_members": len(scenario.members), "n_draws": 10_000, "motion": MOTION}
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        for k, v in result.items():
            print(f"{k:>28}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
