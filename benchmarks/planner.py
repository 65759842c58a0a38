"""Time the planner bot's moves: ``python -m benchmarks.planner [--games N] [--json]``.

Plays N games of each shipped case on each side with the planner against the greedy bot and
times every planner decision. Prints the median, 90th percentile and maximum per move in
milliseconds (the target is at most 250 ms a move on a 2-core machine); nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from game.bots import planner
from game.scenario import load
from game.session import Session

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def timed_game(scenario_path: Path, side: str, seed: int) -> list[float]:
    """Milliseconds of each planner move in one game."""
    session = Session(load(scenario_path), seed, side=side, opponent="greedy")
    session.run_opponent()
    out = []
    while not session.state.finished:
        t0 = time.perf_counter()
        decision = planner(session.rules, session.state, side, session.bot_rng)
        out.append((time.perf_counter() - t0) * 1000)
        session.play(decision)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--games", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = {}
    for path in sorted(SCENARIOS.glob("*.yaml")):
        for side in ("sponsors", "opposition"):
            ms = [t for seed in range(args.games) for t in timed_game(path, side, seed)]
            result[f"{path.stem}/{side}"] = {
                "moves": len(ms), "median_ms": round(statistics.median(ms), 1),
                "p90_ms": round(float(np.percentile(ms, 90)), 1), "max_ms": round(max(ms), 1)}
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        for k, v in result.items():
            print(f"{k:>24}: {v['moves']:>4} moves, median {v['median_ms']:6.1f} ms, "
                  f"p90 {v['p90_ms']:6.1f} ms, max {v['max_ms']:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
