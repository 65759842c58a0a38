"""Speed of the vote model: ``python -m benchmarks.votes [--json]``.

Prints the median time of the exact forecast of one motion by all 193 members (the members'
probabilities, then the distribution of the counts: P(adopted) and the expected tally without
sampling noise; what the game uses) and of its second half alone, the same computation in the
pure-Python reference in benchmarks/reference.py (after checking that both give the same
probabilities and the same distribution), and their ratio; the same three figures for a
10,000-draw Monte Carlo forecast (kept as a check); and complete headless games per second with
the greedy bots. Medians over repeated runs; nothing here is a pass/fail test.
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
from game.votes.forecast import exact_forecast, simulated_forecast
from game.votes.tallies import count_distribution

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


def reference_probabilities(world: World, state, motion_id: str):
    """The pure-Python reference's probabilities of a motion's voters, (n_voters, 4) lists."""
    model = world.model
    mi = motion_input(world, state, motion_id)
    probs = reference.probabilities(
        model.features.tolist(), model.theta.tolist(), model.demand.tolist(),
        mi.proposal.tolist(), None if mi.status_quo is None else mi.status_quo.tolist(),
        model.no_resolution, goodwill(world, state).tolist(), mi.orient, model.cutpoints.tolist(),
        model.p_absent.tolist() if mi.attendance else None, mi.voters.tolist(),
        mi.abstainers_absent, model.principle, mi.salience)
    _leaders_vote_their_way(world, motion_id, probs)
    return probs


def _leaders_vote_their_way(world: World, motion_id: str, probs: list) -> None:
    """As rules.motions does: the sides' leaders vote their side's way (in place)."""
    m = world.motions[motion_id]
    rows = {world.iso[i]: r for r, i in enumerate(world.voters(m.body))}
    for name, side in world.scenario.spec.sides.items():
        ballot = 0 if (name == "sponsors") == (m.sponsors_want == "yes") else 1
        for iso in side.members:
            if iso in rows:
                probs[rows[iso]] = [1.0 if b == ballot else 0.0 for b in range(4)]


def reference_forecast(world: World, state, motion_id: str, n_draws: int):
    """The pure-Python reference's probabilities, expected tally and P(adopted) of a motion
    (Monte Carlo)."""
    m = world.motions[motion_id]
    rule = world.rule(m)
    probs = reference_probabilities(world, state, motion_id)
    expected, p_adopted = reference.forecast(probs, world.permanent(m.body).tolist(),
                                             rule.affirmative_votes, rule.veto, n_draws, 0)
    return probs, expected, p_adopted


def reference_exact(world: World, state, motion_id: str):
    """The pure-Python reference's exact forecast: (expected, P(adopted), P(vetoed), table)."""
    m = world.motions[motion_id]
    rule = world.rule(m)
    probs = reference_probabilities(world, state, motion_id)
    return reference.exact_forecast(probs, world.permanent(m.body).tolist(), rule.majority,
                                    rule.affirmative_votes, rule.veto)


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
    m = world.motions[MOTION]
    permanent, rule = world.permanent(m.body), world.rule(m)
    probs = probabilities(world, state, MOTION)
    np.testing.assert_allclose(np.array(reference_probabilities(world, state, MOTION)), probs,
                               rtol=1e-9, atol=1e-12)
    # the same exact computation both ways: the whole table and P(adopted) agree
    slow_exact = timed(lambda: reference_exact(world, state, MOTION), max(3, args.repeat // 10))
    expected, p_adopted, p_vetoed, table = reference_exact(world, state, MOTION)
    np.testing.assert_allclose(np.array(table), count_distribution(probs), atol=1e-12)
    f = motion_forecast(world, state, MOTION)                                    # warm-up
    assert abs(f.p_adopted - p_adopted) < 1e-9 and abs(f.p_vetoed - p_vetoed) < 1e-9
    np.testing.assert_allclose(f.expected, expected, rtol=1e-12)
    exact = timed(lambda: motion_forecast(world, state, MOTION), args.repeat)
    tally_only = timed(lambda: exact_forecast(probs, permanent, rule), args.repeat)
    simulated_forecast(probs, permanent, rule, rng, 10_000)                      # warm-up
    fast = timed(lambda: simulated_forecast(probabilities(world, state, MOTION), permanent,
                                            rule, rng, 10_000), args.repeat)
    slow = timed(lambda: reference_forecast(world, state, MOTION, 10_000),
                 max(3, args.repeat // 10))
    t0 = time.perf_counter()
    for seed in range(args.games):
        simulate(scenario, seed, "greedy")
    games_per_s = args.games / (time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in
           (("exact", exact), ("tally", tally_only), ("exact_ref", slow_exact), ("mc", fast),
            ("mc_ref", slow))}
    result = {"exact_ms_median": round(med["exact"], 3),
              "exact_reference_ms_median": round(med["exact_ref"], 1),
              "exact_ratio": round(med["exact_ref"] / med["exact"], 1),
              "exact_p_adopted": f.p_adopted,
              # the same without the model's probabilities: the counts' distribution and rule
              "exact_tally_ms_median": round(med["tally"], 3),
              "forecast_ms_median": round(med["mc"], 3),
              "python_reference_ms_median": round(med["mc_ref"], 1),
              "ratio": round(med["mc_ref"] / med["mc"], 1),
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
