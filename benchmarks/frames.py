"""Frame budget: ``python -m benchmarks.frames [--json] [--window WxH] [--frames N]``.

Plays the floor's whip count as a grid, the same floor on the world map (the pointer moving
over it, a turn's flash in progress) and a vote board filling, headless (SDL's dummy video
driver), for N frames in all (a third each, 600 by default), and times each frame of the
real loop (``App.frame``: events, animation, drawing, flip), in wall and CPU time. Then the
start, in fresh subprocesses (after one untimed start that leaves the compiled modules behind): from
starting ``main.py play`` to its title screen drawn (its
first screenshot written), and to the splash ``main.py`` draws before it loads the game.
Prints medians and 95th percentiles in milliseconds, starts in seconds, and the machine's
load average; nothing is asserted (the targets, p95 <= 16 ms and a start <= 2 s on 2
cores, are the issue's).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "scenarios" / "dprk_2014.yaml"
#: How long the start may take before the benchmark gives up on it (seconds).
START_LIMIT = 60.0


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``, by linear interpolation."""
    xs = sorted(values)
    k = (len(xs) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def timed_frames(app, n: int, each=None) -> list[tuple[float, float]]:
    """(wall, CPU) milliseconds of ``n`` frames of the app's loop (``each(k)`` first, if
    given). The CPU time is this process's: on a machine busy with other work the wall
    time grows, the CPU time much less."""
    out = []
    for k in range(n):
        if each is not None:
            each(k)
        t0, c0 = time.perf_counter(), time.process_time()
        app.frame(1 / 60)
        out.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
    return out


def play_frames(size: tuple[int, int], total: int) -> dict[str, list[tuple[float, float]]]:
    """Frame times on the floor (grid), the floor (map) and a vote board: a third each."""
    import pygame

    from game.scenario import load
    from game.session import Session
    from game.ui.app import App
    from game.ui.controller import Game

    session = Session(load(CASE), 2014, side="sponsors", opponent="greedy")
    app = App(Game(session, level="greedy"), size)
    n = max(1, total // 3)
    app.goto("briefing")
    app.begin_play()
    timed_frames(app, 5)                              # first draws build caches: not timed
    grid = timed_frames(app, n)
    scene = app.scene
    scene.toggle_map()
    cells = list(scene.view.cells.values())
    moves = [d for d in session.legal_decisions() if d.type == "address_group"]

    def on_map(k: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, {
            "pos": cells[k % len(cells)].center, "rel": (0, 0), "buttons": (0, 0, 0)}))
        if k == n // 3 and moves:                     # a turn: flash and eased tally
            scene.submit(moves[0])

    timed_frames(app, 5)
    world = timed_frames(app, n, on_map)
    while not session.state.results:
        session.play(session.bot_move("greedy"))
    app.goto("vote", results=[session.state.results[0]])
    board = timed_frames(app, n)
    app.game.session.close()
    pygame.quit()
    return {"floor_grid": grid, "floor_map": world, "vote_board": board}


def start_env() -> dict[str, str]:
    """The environment of a timed start: headless, and Python allowed to keep the compiled
    modules it writes (as on a student's machine after the first start; a shell that sets
    PYTHONDONTWRITEBYTECODE would otherwise compile the game anew at every start)."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def startup(size: tuple[int, int]) -> float:
    """Seconds from starting ``main.py play`` to its title screen drawn (the screenshot of
    the title written), in a fresh subprocess; the subprocess is then ended."""
    with tempfile.TemporaryDirectory() as tmp:
        shots = Path(tmp) / "shots"
        cmd = [sys.executable, str(ROOT / "main.py"), "play", "--screenshots", str(shots),
               "--window", f"{size[0]}x{size[1]}", "--session-file", str(Path(tmp) / "s.jsonl")]
        env = start_env()
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        try:
            while time.perf_counter() - t0 < START_LIMIT:
                if any(shots.glob("*title*.png")):
                    return time.perf_counter() - t0
                if child.poll() is not None:
                    raise RuntimeError(f"main.py play exited ({child.returncode}) before "
                                       "its title was drawn")
                time.sleep(0.005)
            raise RuntimeError(f"no title drawn within {START_LIMIT:.0f} s")
        finally:
            child.kill()
            child.wait()


def first_pixels() -> float:
    """Seconds from starting a process to the splash drawn (what ``main.py`` does first,
    before it loads the game), in a fresh subprocess."""
    code = ("from game.ui.splash import show; show([]); print('drawn', flush=True)")
    env = start_env()
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - t0
    child.wait()
    if line.strip() != "drawn":
        raise RuntimeError("the splash was not drawn")
    return elapsed


def main(argv: list[str] | None = None) -> None:
    """Command line: play the frames, time the start, print the figures."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--window", default="1280x720", help="window size (default 1280x720)")
    p.add_argument("--frames", type=int, default=600, help="frames in all (default 600)")
    p.add_argument("--starts", type=int, default=3,
                   help="starts to time; the median is printed (default 3)")
    args = p.parse_args(argv)
    w, h = (int(v) for v in args.window.lower().split("x"))
    parts = play_frames((w, h), args.frames)
    frames = [t for ts in parts.values() for t, _ in ts]
    cpu = [c for ts in parts.values() for _, c in ts]
    startup((w, h))                                   # the first start compiles: not timed
    starts = [startup((w, h)) for _ in range(max(1, args.starts))]
    splash = [first_pixels() for _ in range(max(1, args.starts))]
    out = {"frame_ms_median": round(statistics.median(frames), 2),
           "frame_ms_p95": round(percentile(frames, 95), 2),
           "startup_s": round(statistics.median(starts), 3),
           "splash_s": round(statistics.median(splash), 3),
           "frame_cpu_ms_median": round(statistics.median(cpu), 2),
           "frame_cpu_ms_p95": round(percentile(cpu, 95), 2),
           "frames": len(frames), "window": f"{w}x{h}",
           "scenes": {k: {"median": round(statistics.median([t for t, _ in v]), 2),
                          "p95": round(percentile([t for t, _ in v], 95), 2)}
                      for k, v in parts.items()},
           "startups_s": [round(s, 3) for s in starts],
           "load_average": [round(x, 2) for x in os.getloadavg()]}
    if args.json:
        print(json.dumps(out))
        return
    for k, v in out.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
