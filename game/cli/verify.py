"""Reading a decision or session file for a command, checking it was recorded on this very
scenario, and replaying it (the algorithm is in ``game.replay.verify``)."""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

from ..decisions import DecisionError
from ..replay import LoadedDecisions, load_decisions, verify
from ..replay.reader import replay_pace
from ..replay.verify import Replayed
from ..scenario import Scenario, read_source
from ..session import SIDES, Session
from ..textfiles import NotText
from .common import SCENARIO_DIR, describe

ALLOW_CHANGED = "--allow-changed-scenario"


def to_stderr(line: str) -> None:
    """A message line on stderr."""
    print(line, file=sys.stderr)


def add_allow_changed(p: argparse.ArgumentParser) -> None:
    """The option every command that reads a session file takes."""
    p.add_argument(ALLOW_CHANGED, action="store_true",
                   help="read a session file even if its scenario file has changed since it "
                        "was recorded (its sha256 differs from the header's; the votes may "
                        "differ)")


def replay(scenario: Scenario, loaded: LoadedDecisions, seed: int, *,
           strict: bool = True) -> Replayed[Session]:
    """Replay ``loaded`` on a fresh game of ``scenario`` with ``seed`` (``game.replay.verify``),
    the player on the side its header names (so that its score is the player's)."""
    return verify.replay(Session(scenario, seed, side=player_side(loaded), opponent=None,
                                 **pace(loaded)), loaded, strict=strict)


def player_side(loaded: LoadedDecisions) -> str:
    """The side a session file's player took: the header's one side, else the sponsors (a
    game of two teams, or a bare list of decisions)."""
    sides = loaded.header.get("sides")
    return sides[0] if isinstance(sides, list) and len(sides) == 1 and sides[0] in SIDES \
        else "sponsors"


def pace(loaded: LoadedDecisions) -> dict:
    """The rounds and timer a session file's game was played with (``Session`` keywords):
    its states, and so its digests, depend on them."""
    return replay_pace(loaded.header or {})


def read_or_report(path: str, say: Callable[[str], None] = to_stderr) -> LoadedDecisions | None:
    """A decision or session file, its problems said; None (after a message) if it holds no
    decisions at all."""
    try:
        loaded = load_decisions(path)
    except OSError as exc:
        say(f"{path}: cannot read the file: {describe(exc)}")
        return None
    except DecisionError as exc:
        say(f"{path}: {exc}")
        return None
    for problem in loaded.problems:
        say(f"{path}: {problem}")
    return loaded


def recorded_case(file: str, case_id: str) -> str | None:
    """The scenario a session file names: a shipped case, or ``<id>.yaml`` beside the file."""
    for path in (SCENARIO_DIR / f"{case_id}.yaml", Path(file).parent / f"{case_id}.yaml"):
        if path.is_file():
            return str(path)
    return None


def case_with_checksum(sha256: str) -> str | None:
    """The shipped-folder scenario whose text has this checksum (as the loader computes it)."""
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        try:
            text = read_source(path).text
        except (OSError, NotText):
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == sha256:
            return path.stem
    return None


def changed_scenario(file: str, loaded: LoadedDecisions, scenario: Scenario) -> str | None:
    """Why ``scenario`` is not the one the file was recorded on (another id, or a checksum
    that differs from the header's or is damaged), or None when it is (or the file records
    neither, as a file of format version 1 or simulate's output may not)."""
    if loaded.sha256 and loaded.sha256 == scenario.sha256:
        return None                    # the very text it was recorded on, whatever its id
    if "sha256" in loaded.unusable:    # a version-2 header always has one: it was damaged
        return f"{file}: {loaded.unusable['sha256']}"
    if loaded.scenario and scenario.id != loaded.scenario:
        return f"{file}: recorded on scenario {loaded.scenario!r}, not {scenario.id!r}"
    if not loaded.sha256:
        return None
    other = case_with_checksum(loaded.sha256)
    if other and other != scenario.id:
        return (f"{file}: the file names {scenario.id}, but its checksum is that of {other} "
                f"(a game of {other} whose header was edited? give the case {other} to read "
                "it on that one)")
    return (f"{file}: recorded on another version of {scenario.id}: the scenario file has "
            f"changed since (its sha256 is {scenario.sha256[:12]}..., the file records "
            f"{loaded.sha256[:12]}...), so the votes may differ")


def scenario_allowed(file: str, loaded: LoadedDecisions, scenario: Scenario, allow: bool,
                     say: Callable[[str], None] = to_stderr) -> bool:
    """False (after saying why) when the file was recorded on another scenario or another
    version of it, unless ``allow`` (--allow-changed-scenario): then a warning, and True."""
    why = changed_scenario(file, loaded, scenario)
    if why is None:
        return True
    if allow:
        say(f"{why}; read anyway ({ALLOW_CHANGED})")
        return True
    say(f"{why}; refused (add {ALLOW_CHANGED} to read it anyway)")
    return False
