"""Time session files: ``python -m benchmarks.sessions [--games N] [--json]``.

Plays N greedy games of the DPRK case, each saved to a session file in a temporary folder,
and times writing one line (flushed and fsynced: the cost of surviving a crash, set by the
disk), reading a whole file, verifying it (replaying every decision against its digest) and
resuming it from its middle. Prints medians and maxima in milliseconds; nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from game.cli.resume import resume_game
from game.cli.verify import replay
from game.replay import SessionWriter, read
from game.scenario import load
from game.session import Session

CASE = Path(__file__).resolve().parents[1] / "scenarios" / "dprk_2014.yaml"


def ms(t0: float) -> float:
    """Milliseconds since ``t0`` (a perf_counter reading)."""
    return (time.perf_counter() - t0) * 1000


def one_game(folder: Path, seed: int) -> dict[str, list[float]]:
    """The timings of one game's file: each line written, reading, verifying, resuming."""
    scenario = load(CASE)
    path = folder / f"game{seed}.jsonl"
    session = Session(scenario, seed, opponent="greedy", session_file=path)
    writer = session.writer
    assert writer is not None
    lines: list[float] = []
    append = writer.append

    def timed(*args, **kwargs) -> None:
        t0 = time.perf_counter()
        append(*args, **kwargs)
        lines.append(ms(t0))

    writer.append = timed                       # type: ignore[method-assign]
    session.run_opponent()
    while not session.state.finished:
        session.play(session.bot_move("greedy"))
    session.close()
    t0 = time.perf_counter()
    loaded = read(path)
    reading = ms(t0)
    t0 = time.perf_counter()
    result = replay(scenario, loaded, seed)
    verifying = ms(t0)
    assert result.faithful
    half = folder / f"half{seed}.jsonl"
    raw = path.read_bytes().split(b"\n")
    half.write_bytes(b"\n".join(raw[:len(raw) // 2]) + b"\n")
    t0 = time.perf_counter()
    game, _ = resume_game(half)
    resuming = ms(t0)
    game.session.close()
    assert isinstance(game.session.writer, SessionWriter)
    return {"line": lines, "read": [reading], "verify": [verifying], "resume": [resuming]}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--games", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(args.games):
            for k, v in one_game(Path(folder), seed).items():
                times.setdefault(k, []).extend(v)
    result = {k: {"n": len(v), "median_ms": round(statistics.median(v), 2),
                  "max_ms": round(max(v), 2)} for k, v in times.items()}
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        for k, v in result.items():
            print(f"{k:>8}: {v['n']:>4} times, median {v['median_ms']:8.2f} ms, "
                  f"max {v['max_ms']:8.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
