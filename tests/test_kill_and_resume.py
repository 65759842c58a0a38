"""A real headless game (``play --autoplay``, SDL dummy drivers) killed with SIGKILL at random
points and resumed with ``play --resume`` each time ends with the same votes and the same
session file as the game played without a break (the header's start time aside: the one field
two games started at different times cannot share)."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = 9
#: How many times the game is killed, and the seed of the random points it is killed at.
KILLS = 3
POINTS_SEED = 20141218


def play(*args: str) -> subprocess.Popen:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.Popen([sys.executable, "main.py", "play", "--autoplay", *args], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def lines_in(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_after(proc: subprocess.Popen, path: Path, lines: int, delay: float) -> None:
    """SIGKILL ``proc`` ``delay`` seconds after ``path`` holds ``lines`` lines (or when it
    ends by itself first)."""
    while proc.poll() is None and lines_in(path) < lines:
        time.sleep(0.002)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(60)


def without_start(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = json.loads(lines[0])
    head.pop("started")
    return [json.dumps(head), *lines[1:]]


def votes(path: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "main.py", "replay", str(path), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["votes"]


@pytest.mark.slow      # four game processes and more
def test_a_game_killed_at_random_points_and_resumed_ends_as_the_unbroken_game(tmp_path):
    whole = tmp_path / "whole.jsonl"
    done = play("--seed", str(SEED), "--session-file", str(whole))
    assert done.wait(300) == 0, done.stderr.read().decode() if done.stderr else ""
    n = lines_in(whole)
    assert n > 10
    rng = random.Random(POINTS_SEED)
    # one random point in each part of the game (early, middle, late), a random delay after
    edges = [2 + (n - 3) * k // KILLS for k in range(KILLS + 1)]
    points = [rng.randrange(lo, max(lo + 1, hi)) for lo, hi in pairwise(edges)]
    broken = tmp_path / "broken.jsonl"
    killed_at = []
    proc = play("--seed", str(SEED), "--session-file", str(broken))
    for point in points:
        kill_after(proc, broken, point, rng.uniform(0.0, 0.05))
        killed_at.append(lines_in(broken))
        proc = play("--resume", str(broken))
    assert proc.wait(300) == 0, proc.stderr.read().decode() if proc.stderr else ""
    assert len(set(killed_at)) > 1 and max(killed_at) < n      # killed mid-game, not at the end
    assert without_start(broken) == without_start(whole)
    assert votes(broken) == votes(whole)
    check = subprocess.run([sys.executable, "main.py", "replay", str(broken), "--check"],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and check.stdout.startswith("ok: ")
