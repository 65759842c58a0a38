"""Shared test helpers: the shipped scenarios, loaded once per test session."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from game.rules import World, new_game
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


def fresh_state():
    return new_game(dprk_world())


def shipped_scenarios() -> list[Path]:
    return sorted(SCENARIOS.glob("*.yaml"))
