"""Reading a decision or session file for a command, and replaying it (the algorithm is in
``game.replay.verify``)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..decisions import DecisionError
from ..replay import LoadedDecisions, load_decisions, verify
from ..replay.verify import Replayed
from ..scenario import Scenario
from ..session import Session
from .common import SCENARIO_DIR, describe


def replay(scenario: Scenario, loaded: LoadedDecisions, seed: int) -> Replayed[Session]:
    """Replay ``loaded`` on a fresh game of ``scenario`` with ``seed`` (``game.replay.verify``)."""
    return verify.replay(Session(scenario, seed, opponent=None), loaded)


def read_or_report(path: str) -> LoadedDecisions | None:
    """A decision or session file, its problems printed; None (after a message) if it holds
    no decisions at all."""
    try:
        loaded = load_decisions(path)
    except OSError as exc:
        print(f"{path}: cannot read the file: {describe(exc)}", file=sys.stderr)
        return None
    except DecisionError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return None
    for problem in loaded.problems:
        print(f"{path}: {problem}", file=sys.stderr)
    return loaded


def recorded_case(file: str, case_id: str) -> str | None:
    """The scenario a session file names: a shipped case, or ``<id>.yaml`` beside the file."""
    for path in (SCENARIO_DIR / f"{case_id}.yaml", Path(file).parent / f"{case_id}.yaml"):
        if path.is_file():
            return str(path)
    return None
