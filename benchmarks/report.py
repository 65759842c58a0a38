"""Time the class report: ``python -m benchmarks.report [--sessions N] [--json]``.

Plays N games beforehand (not timed) into session files in a temporary folder, as a class
would: bots on both sides, both sides of the DPRK case played, every opponent level, a few
games of the Syria case. Then times ``report FILES… --out DIR`` in this process, reading and
replaying every file, summing it up and writing the page and the CSV: the first run (it loads
matplotlib) and a second, by the clock and in CPU time, with the load average beside them
(other work on the machine slows the clock, not the CPU time). Prints seconds; nothing is
asserted (the target is under 10 s for
30 sessions on 2 cores).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import tempfile
import time
from pathlib import Path

from game.cli import main as cli
from game.cli.modelcmds import simulate
from game.scenario import load

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
#: (case, side, the players' bot, the opponent's level), taken in turn.
CLASS = (("dprk_2014", "sponsors", "greedy", "greedy"),
         ("dprk_2014", "opposition", "greedy", "greedy"),
         ("dprk_2014", "sponsors", "random", "planner"),
         ("dprk_2014", "opposition", "random", "passive"),
         ("dprk_2014", "sponsors", "passive", "greedy"),
         ("syria_2014", "sponsors", "greedy", "greedy"))


def make_class(folder: Path, n: int) -> list[Path]:
    """N finished session files in ``folder`` (seeds 1..N), named student01.jsonl..."""
    cases = {case: load(SCENARIOS / f"{case}.yaml") for case, *_ in CLASS}
    files = []
    for i in range(n):
        case, side, bot, opponent = CLASS[i % len(CLASS)]
        path = folder / f"student{i + 1:02d}.jsonl"
        simulate(cases[case], i + 1, bot, session_file=str(path), side=side,
                 opponent=opponent).close()
        files.append(path)
    return files


def timed_report(files: list[Path], out: Path) -> tuple[float, float]:
    """Seconds one ``report`` command takes, by the clock and in this process's CPU time
    (the fairer figure on a machine shared with other work), its output swallowed."""
    t0, c0 = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = cli(["report", *map(str, files), "--out", str(out)])
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    if code != 0:
        raise SystemExit(f"report failed with exit code {code}")
    return elapsed, cpu


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        files = make_class(folder, args.sessions)
        made = time.perf_counter() - t0
        first = timed_report(files, folder / "report")
        second = timed_report(files, folder / "report")
        size = (folder / "report" / "index.html").stat().st_size
    result = {"sessions": args.sessions, "cores": os.cpu_count(),
              "load_average": round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None,
              "generate_s": round(made, 2), "report_first_s": round(first[0], 2),
              "report_first_cpu_s": round(first[1], 2), "report_second_s": round(second[0], 2),
              "report_second_cpu_s": round(second[1], 2), "page_kb": round(size / 1024, 1)}
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        print(f"{args.sessions} sessions (made in {made:.1f} s, not timed): report "
              f"{first[0]:.2f} s (CPU {first[1]:.2f} s; the first run loads matplotlib), "
              f"{second[0]:.2f} s (CPU {second[1]:.2f} s) the second; page {size / 1024:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
