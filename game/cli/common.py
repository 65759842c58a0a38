"""Helpers shared by subcommands: loading a scenario with a clear message, JSON output."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..scenario import Scenario, ScenarioError, load

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_DIR = ROOT / "scenarios"
DEFAULT_SCENARIO = SCENARIO_DIR / "dprk_2014.yaml"


def resolve_scenario_path(name: str | None) -> Path:
    """A path, or the id of a shipped scenario (``dprk_2014``), or the default."""
    if not name:
        return DEFAULT_SCENARIO
    p = Path(name)
    if p.exists() or p.suffix in (".yaml", ".yml"):
        return p
    return SCENARIO_DIR / f"{name}.yaml"


def load_or_report(name: str | None) -> Scenario | None:
    """Load a scenario; on failure print every problem to stderr and return None."""
    try:
        return load(resolve_scenario_path(name))
    except ScenarioError as exc:
        for issue in exc.issues:
            print(issue.format(), file=sys.stderr)
        return None


def print_json(obj: object) -> None:
    """Deterministic JSON on stdout (sorted keys, fixed separators)."""
    sys.stdout.write(json.dumps(obj, sort_keys=True, indent=1) + "\n")
