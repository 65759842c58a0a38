"""Session files (JSON Lines): write as you play, read back tolerantly, replay and verify.

Line 1 is a header ``{"format": "plenary-session", "version": 1, "scenario": id,
"sha256": ..., "seed": N}``; every further line is ``{"decision": {...}, "digest": ...}``,
the digest being the state's after that decision. A damaged line is reported with its number
and skipped; everything before it is kept.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from .decisions import Decision, DecisionError, from_dict

FORMAT = "plenary-session"


def default_path(scenario_id: str, seed: int) -> Path:
    """Where a session is saved when no --session-file is given (the user data folder)."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(platformdirs.user_data_dir("plenary", appauthor=False)) / "sessions"
    return folder / f"{scenario_id}-{stamp}-seed{seed}.jsonl"


class SessionWriter:
    """Appends decisions to a session file as they are made (flushed each line)."""

    def __init__(self, path, scenario, seed: int) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("w", encoding="utf-8")
        self._write({"format": FORMAT, "version": 1, "scenario": scenario.id,
                     "sha256": scenario.sha256, "seed": seed})

    def _write(self, obj: dict) -> None:
        self._fh.write(json.dumps(obj, sort_keys=True) + "\n")
        self._fh.flush()

    def append(self, decision: dict, digest: str | None = None) -> None:
        self._write({"decision": decision, **({"digest": digest} if digest else {})})

    def close(self) -> None:
        self._fh.close()


@dataclass
class SessionFile:
    """What could be read from a session file, and what could not."""

    header: dict = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    digests: list[str | None] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read(path: str | Path) -> SessionFile:
    """Read a session file. Never raises for bad content: problems are listed, good lines kept.

    Raises OSError only if the file cannot be opened.
    """
    out = SessionFile()
    with Path(path).open(encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    if not lines:
        out.problems.append("line 1: the file is empty (no header)")
        return out
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            out.problems.append(f"line {n}: not valid JSON ({exc.msg}); skipped")
            continue
        if n == 1:
            if not isinstance(obj, dict) or obj.get("format") != FORMAT:
                out.problems.append("line 1: not a Plenary session header")
            else:
                out.header = obj
            continue
        if not isinstance(obj, dict) or "decision" not in obj:
            out.problems.append(f"line {n}: no decision on this line; skipped")
            continue
        try:
            out.decisions.append(from_dict(obj["decision"]))
            out.digests.append(obj.get("digest"))
        except DecisionError as exc:
            out.problems.append(f"line {n}: {exc}; skipped")
    return out


def decisions_from_json(data: object) -> list[Decision]:
    """Decisions from the ``decisions`` list that ``simulate --json`` prints (or the whole
    simulate output). Raises DecisionError naming the first bad entry."""
    if isinstance(data, dict):
        data = data.get("decisions")
    if not isinstance(data, list):
        raise DecisionError("expected a list of decisions (or simulate's JSON output)")
    out = []
    for i, item in enumerate(data):
        try:
            out.append(from_dict(item))
        except DecisionError as exc:
            raise DecisionError(f"decision {i}: {exc}") from None
    return out


@dataclass
class LoadedDecisions:
    """Decisions read from a file, with the seed and final digest it recorded, if any."""

    decisions: list[Decision]
    seed: int | None = None
    digest: str | None = None
    scenario: str | None = None
    problems: list[str] = field(default_factory=list)


def load_decisions(path: str | Path) -> LoadedDecisions:
    """Decisions from a session file (JSON Lines) or from ``simulate --json`` output / a JSON
    list. The seed and final digest come along when the file has them.

    Raises OSError if unreadable and DecisionError if a JSON file holds a bad decision; a
    session file's damaged lines are skipped and listed in ``problems`` instead.
    """
    p = Path(path)
    text = p.read_text(encoding="utf-8", errors="replace")
    first = text.lstrip()[:200]
    if first.startswith("{") and f'"format": "{FORMAT}"' in first.replace("'", '"'):
        sf = read(p)
        digest = next((d for d in reversed(sf.digests) if d), None)
        return LoadedDecisions(sf.decisions, sf.header.get("seed"), digest,
                               sf.header.get("scenario"), sf.problems)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DecisionError(f"not JSON and not a session file ({exc.msg}, line {exc.lineno})") \
            from None
    decisions = decisions_from_json(data)
    if isinstance(data, dict):
        seed = data.get("seed") if isinstance(data.get("seed"), int) else None
        return LoadedDecisions(decisions, seed, data.get("digest"), data.get("scenario"))
    return LoadedDecisions(decisions)
