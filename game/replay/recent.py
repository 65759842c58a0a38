"""The recent sessions in a folder: the unfinished ones the title screen's Continue lists,
and every one (finished too) that "Review a saved game" lists.

Only reading, no replay: a file is listed when its header reads, it holds at least one
decision and none of its lines says the game ended. A file whose last line was cut off (a
game killed while saving) is listed too: resuming drops that line. One damaged in the middle
is listed with the reason it cannot be continued, so that a game does not vanish unexplained.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from . import read

#: How many of the most recently changed files are looked at, and how many listed.
LOOK_AT = 40
LIST = 8


@dataclass(frozen=True)
class Saved:
    """One session file: where, which case and seed, the side(s) and opponent,
    how many decisions, the stage of the last one, when it started and when it last changed
    (local time, for the screen), and why it cannot be continued (``problem``: the line
    where reading stopped) when it is damaged before its end."""

    path: Path
    scenario: str
    seed: int
    sides: tuple[str, ...]
    opponent: str | None
    decisions: int
    stage: str | None
    started: str | None
    changed: _dt.datetime
    problem: str | None = None
    #: The game was played to its end (a line says so).
    finished: bool = False


#: The older name: Continue lists only the unfinished ones.
Unfinished = Saved


def unfinished(folder: Path, look_at: int = LOOK_AT, limit: int = LIST) -> list[Saved]:
    """The unfinished sessions among the ``look_at`` files changed last in ``folder``
    (``*.jsonl``), newest first, at most ``limit``. A folder that is not there lists none."""
    return recent(folder, look_at, limit, finished=False)


def recent(folder: Path, look_at: int = LOOK_AT, limit: int = LIST, *,
           finished: bool = True) -> list[Saved]:
    """The sessions among the ``look_at`` files changed last in ``folder`` (``*.jsonl``) that
    hold a decision, newest first, at most ``limit``; the finished ones too unless
    ``finished`` is False. A folder that is not there lists none."""
    try:
        files = sorted((p for p in folder.glob("*.jsonl") if p.is_file()),
                       key=lambda p: p.stat().st_mtime, reverse=True)[:look_at]
    except OSError:
        return []
    out = []
    for path in files:
        found = entry(path)
        if found is None or found.finished and not finished:
            continue
        out.append(found)
        if len(out) >= limit:
            break
    return out


def entry(path: Path) -> Saved | None:
    """How the session file at ``path`` is listed, or None when it holds no game to list
    (unreadable, no header with a seed and a case, or no decision)."""
    try:
        loaded = read(path)
        changed = _dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None
    stop = loaded.stopped
    if not loaded.decisions or loaded.seed is None or not loaded.scenario:
        return None
    sides = loaded.header.get("sides")
    opponent = loaded.header.get("opponent")
    started = loaded.header.get("started")
    return Saved(
        path, loaded.scenario, loaded.seed,
        tuple(s for s in sides if isinstance(s, str)) if isinstance(sides, list) else (),
        opponent if isinstance(opponent, str) else None, len(loaded.decisions),
        loaded.stages[-1] if loaded.stages else None,
        started if isinstance(started, str) else None, changed,
        stop.message if stop is not None and stop.kind != "truncated" else None,
        bool(loaded.finished))
