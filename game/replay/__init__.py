"""Session files (JSON Lines): written as you play (``writer``), read back here (``reader``).

Format version 2. Line 1 is a header::

    {"format": "plenary-session", "version": 2, "game": "0.1.0", "numpy": "1.26.4",
     "scenario": id, "sha256": <the scenario file's>, "seed": N, "sides": ["sponsors"],
     "opponent": "greedy", "started": "2026-12-02T01:30:00Z"}

(``sides``: the side(s) the players take; ``opponent``: the bot's level, null when a
decision list plays both sides; a what-if game adds ``parent``, the file it branched from,
and ``step``, how many of its decisions it kept). Every further line is one decision, as
it was made::

    {"n": 1, "stage": "c3", "decision": {...}, "digest": <the state's after it>}

numbered from 1, with ``"finished": true`` on the one that ended the game. Version 1 (a
header of format, version, scenario, sha256 and seed; lines of decision and digest) is still
read. A file is read up to its first damaged line (see ``reader``); replaying the decisions
and checking their digests is ``verify``'s job. ``simulate --json`` output and plain JSON
lists of decisions are read too (``from_json``).
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

from ..decisions import Decision, DecisionError
from .reader import (
    MAX_PROBLEMS,
    LoadedDecisions,
    Stop,
    capped,
    decision_of,
    digest_of,
    header_fields,
    parse_bytes,
)
from .writer import FORMAT, READS, VERSION, SessionWriter, default_path, keep_old, sessions_folder

__all__ = ["FORMAT", "VERSION", "READS", "MAX_PROBLEMS", "MAX_BYTES", "SessionWriter",
           "default_path", "keep_old", "sessions_folder", "LoadedDecisions", "Stop", "capped",
           "read_bytes", "parse_bytes", "read", "from_json", "decisions_from_json",
           "load_decisions"]

#: Files are read up to this size; a whole game is a few kilobytes.
MAX_BYTES = 16 * 1024 * 1024
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_bytes(path: str | Path) -> tuple[bytes, list[str]]:
    """The first MAX_BYTES of a file (cut at its last whole line if longer), and notes on
    how it was read. Raises OSError if it cannot be opened, DecisionError if it is a pipe or
    a device."""
    p = Path(path)
    if p.exists() and not p.is_file() and not p.is_dir():
        raise DecisionError("not a regular file (a pipe or a device?)")
    with p.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) <= MAX_BYTES:
        return data, []
    data = data[:data.rfind(b"\n", 0, MAX_BYTES) + 1 or MAX_BYTES]
    return data, [f"the file is larger than {MAX_BYTES // 2**20} MB (a whole game takes a few "
                  "kilobytes); only its beginning was read"]


def read(path: str | Path) -> LoadedDecisions:
    """Read a session file up to its first damaged line. Never raises for bad content (the
    problems are listed); raises OSError only if the file cannot be opened."""
    try:
        data, notes = read_bytes(path)
        loaded = parse_bytes(data, notes)
        loaded.cut = bool(notes)
        return loaded
    except DecisionError as exc:
        return LoadedDecisions([], problems=[f"line 1: {exc}"])


def decisions_from_json(data: object) -> list[Decision]:
    """Decisions from the ``decisions`` list that ``simulate --json`` prints (or the whole
    simulate output). Raises DecisionError naming the first bad entry."""
    loaded = from_json(data)
    if loaded.problems:
        raise DecisionError(loaded.problems[0])
    return loaded.decisions


def from_json(data: object) -> LoadedDecisions:
    """Decisions from ``simulate --json`` output or a JSON list, up to the first bad entry
    (reported as ``decision N``, counted from 0 as in the list).

    Raises DecisionError if the data is not a list of decisions at all.
    """
    listed = data.get("decisions") if isinstance(data, dict) else data
    if not isinstance(listed, list):
        raise DecisionError("expected a list of decisions (or simulate's JSON output), found "
                            + ("an object without a 'decisions' list" if isinstance(data, dict)
                               else type(data).__name__))
    out = LoadedDecisions([])
    problems: list[str] = []
    for i, item in enumerate(listed):
        try:
            out.decisions.append(decision_of(item))
        except DecisionError as exc:
            problems.append(f"decision {i}: {exc}; reading stopped there: the {i} decision(s) "
                            "before it are kept")
            out.stopped = Stop(0, "bad_decision", f"decision {i}: {exc}")
            out.lost = len(listed) - i
            break
        out.digests.append(None)
        out.where.append(f"decision {i}")
        out.line_of.append(0)
    if isinstance(data, dict):
        out.header = header_fields(data, problems, "")
        out.seed, out.scenario = out.header.get("seed"), out.header.get("scenario")
        out.sha256 = out.header.get("sha256")
        out.digest = digest_of(data.get("digest"))
        if out.digest is None and data.get("digest") is not None:
            problems.append("the final digest is damaged; the game cannot be verified")
    out.problems = capped(problems)
    return out


def load_decisions(path: str | Path) -> LoadedDecisions:
    """Decisions from a session file (JSON Lines) or from ``simulate --json`` output / a JSON
    list. The seed, scenario and digests come along when the file has them.

    Raises OSError if unreadable, DecisionError if the file holds no decisions at all (not
    text, not JSON, the wrong shape, a format version this Plenary does not read). A damaged
    line ends the reading there: ``stopped`` and ``problems`` say where and why.
    """
    data, notes = read_bytes(path)
    if not data.strip():
        raise DecisionError("the file is empty")
    try:
        text = data.decode("utf-16" if data[:2] in UTF16_BOMS else "utf-8-sig")
        whole = json.loads(text)
    except (ValueError, RecursionError):       # not one JSON document: JSON Lines, or damage
        whole = None
    if whole is not None and not (isinstance(whole, dict) and whole.get("format") == FORMAT):
        loaded = from_json(whole)
        loaded.problems[:0] = notes
        loaded.cut = bool(notes)
        return loaded
    loaded = parse_bytes(data, notes)
    loaded.cut = bool(notes)
    stop = loaded.stopped
    if stop is None or stop.line != 1 or loaded.header:
        return loaded
    why = stop.message.removeprefix("line 1: ")
    if stop.kind == "not_json" or stop.kind == "no_decision":
        why = f"neither a session file nor a JSON list of decisions ({stop.message})"
    elif stop.kind != "version":
        why += "; is it the right file?"
    raise DecisionError("; ".join([*notes, why]))
