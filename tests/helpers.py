"""Shared test helpers: the shipped scenarios, loaded once per test session."""
from __future__ import annotations

from functools import cache
from pathlib import Path

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
