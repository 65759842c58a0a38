"""Shared test helpers: the shipped scenarios (loaded once per test session), property-test
budgets, and ``python main.py`` in a real process."""
from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

from hypothesis import settings

from game.rules import Rules, World
from game.scenario import Scenario, load

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
DPRK = SCENARIOS / "dprk_2014.yaml"


@cache
def dprk() -> Scenario:
    return load(DPRK)


@cache
def dprk_world() -> World:
    return World(dprk())


@cache
def dprk_rules() -> Rules:
    return Rules(dprk_world())


def fresh_state():
    return dprk_rules().new_game()


def shipped_scenarios() -> list[Path]:
    return sorted(SCENARIOS.glob("*.yaml"))


def examples(full: int) -> int:
    """``max_examples`` for a property test whose full budget is ``full``: all of it under the
    ``full`` hypothesis profile (the slow tier), a tenth and at least 10 under ``fast``."""
    if settings.get_current_profile_name() == "fast":
        return min(full, max(10, full // 10))
    return full


def main_py(*args: str, timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` in a new process from the project folder, headless; for the
    few slow tests that are about the process itself (start-up, determinism, not hanging)."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", **(env or {})}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def hold_figures(evaluated: dict, fit: tuple[float, float], without: tuple[float, float],
                 cross_validated: tuple[float, float]) -> None:
    """Assert ``evaluate --json`` output reaches the (accuracy, balanced accuracy) held for
    (a) all present and voting, (b) without the sponsors, (c) cross-validated, and that (b)
    beats both baselines' balanced accuracy by 0.3."""
    for got, (accuracy, balanced) in (
            (evaluated["present_and_voting"]["model"], fit),
            (evaluated["without_sponsors"]["model"], without),
            (evaluated["cross_validated"]["present_and_voting"], cross_validated)):
        assert got["accuracy"] >= accuracy and got["balanced_accuracy"] >= balanced, got
    others = evaluated["without_sponsors"]
    for baseline in ("always_yes", "regional_majority"):
        assert others["model"]["balanced_accuracy"] >= \
            others[baseline]["balanced_accuracy"] + 0.3


def evaluate_json(scenario: str, roll_call, motion: str) -> dict:
    """``python main.py evaluate SCENARIO --roll-call CSV --motion ID --json``, run in this
    process from the project folder (as the README runs it), as parsed JSON."""
    import contextlib
    import io
    import json

    from game.cli import main

    out, cwd = io.StringIO(), os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            assert main(["evaluate", scenario, "--roll-call", str(roll_call), "--motion", motion,
                         "--json"]) == 0
    finally:
        os.chdir(cwd)
    return json.loads(out.getvalue())
