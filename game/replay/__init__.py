"""Session files (JSON Lines): written as you play (``writer``), read back tolerantly here.

Line 1 is a header ``{"format": "plenary-session", "version": 1, "scenario": id,
"sha256": ..., "seed": N}``; every further line is ``{"decision": {...}, "digest": ...}``,
the digest being the state's after that decision. Reading never raises for bad content: a
damaged line is reported with its number and skipped, everything else is kept. Replaying the
kept lines against a scenario (and re-ordering swapped ones) is ``game.cli.verify``'s job.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import textfiles
from ..decisions import Decision, DecisionError, from_dict
from .writer import FORMAT, VERSION, SessionWriter, default_path, keep_old

__all__ = ["FORMAT", "VERSION", "SessionWriter", "default_path", "keep_old", "LoadedDecisions",
           "capped", "read_text", "parse_lines", "read", "from_json", "decisions_from_json",
           "load_decisions"]

#: Files are read up to this size; a whole game is a few kilobytes.
MAX_BYTES = 16 * 1024 * 1024
#: Problems listed one by one before the rest are summed up in one line.
MAX_PROBLEMS = 20
_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_DIGEST = re.compile(r"[0-9a-f]{64}")
_NOT_JSON = object()


@dataclass
class LoadedDecisions:
    """Decisions read from a file, with what it recorded and what could not be read.

    ``where[i]`` names decision i for messages ("line 6" or "decision 5"); ``digests[i]`` is
    the state digest recorded after it, if any; ``digest`` the final one.
    """

    decisions: list[Decision]
    seed: int | None = None
    digest: str | None = None
    scenario: str | None = None
    problems: list[str] = field(default_factory=list)
    digests: list[str | None] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    sha256: str | None = None
    header: dict = field(default_factory=dict)
    lost: int = 0                        # lines or entries that held no usable decision


def capped(problems: list[str]) -> list[str]:
    """The first MAX_PROBLEMS problems, and a line counting the rest."""
    more = len(problems) - MAX_PROBLEMS
    return problems[:MAX_PROBLEMS] + ([f"... and {more} more problem(s) like these"]
                                      if more > 0 else [])


def read_text(path: str | Path) -> tuple[str, list[str]]:
    """The text of a decision or session file, and notes on how it was read.

    UTF-8 with or without a byte-order mark, and UTF-16 with one, are read; only the first
    MAX_BYTES are. Raises OSError if the file cannot be opened and DecisionError if it is not
    text.
    """
    try:
        got = textfiles.read_text(path, MAX_BYTES, truncate=True)
    except textfiles.NotText as exc:
        raise DecisionError(str(exc)) from None
    notes = [f"the file is larger than {MAX_BYTES // 2**20} MB (a whole game takes a few "
             "kilobytes); only its beginning was read"] if got.truncated else []
    return got.text, notes


def _header(obj: dict, problems: list[str], at: str = "line 1: ") -> dict:
    """The usable fields of a session header (or, with ``at`` empty, of simulate's JSON
    output, where a missing field is no problem); each unusable one is reported and dropped."""
    out = dict(obj)
    version = obj.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(f"{at}the version {str(version)[:40]!r} is not a format version; read "
                        f"as version {VERSION}")
    elif version > VERSION:
        problems.append(f"{at}written by a newer Plenary (format version {version}); read as "
                        f"version {VERSION}, which may miss something")
    for name, (usable, why) in HEADER_FIELDS.items():
        value = obj.get(name)
        if (value is not None or at and name != "sha256") and not usable(value):
            problems.append(f"{at}the {name} {str(value)[:60]!r} {why}")
            out[name] = None
    return out


#: Header field -> (is a value usable?, what follows when it is not).
HEADER_FIELDS = {
    "seed": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
             "is not a whole number of 0 or more: the seed is unknown"),
    "scenario": (lambda v: isinstance(v, str) and _ID.fullmatch(v),
                 "is not a scenario id: the scenario is unknown (give it with --scenario)"),
    "sha256": (lambda v: _digest(v) is not None, "is not a checksum; ignored"),
}


def _decision(data: object) -> Decision:
    """``from_dict``, with a ``type`` that is not a string (a list, an object) refused too."""
    if isinstance(data, dict) and "type" in data and not isinstance(data["type"], str):
        raise DecisionError(f"the decision type {str(data['type'])[:80]} is not a word; "
                            "expected one of the decision types")
    return from_dict(data)


def _digest(value: object) -> str | None:
    return value if isinstance(value, str) and _DIGEST.fullmatch(value) else None


def parse_lines(text: str, notes: list[str] | None = None) -> LoadedDecisions:
    """A session file's text: header, decisions and digests, each damaged line reported
    (``notes`` from read_text: a note means only the file's beginning was read)."""
    out = LoadedDecisions([], lost=int(bool(notes)))
    problems = list(notes or [])

    def skip(problem: str, lines_lost: int = 1) -> None:
        problems.append(problem)
        out.lost += lines_lost

    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        problems.append("line 1: the file is empty (no header)")
    first = True
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        is_first, first = first, False
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = getattr(exc, "msg", "nested too deeply")
            header = "; the header is lost: scenario and seed unknown" if is_first else ""
            skip(f"line {n}: not valid JSON ({msg}); skipped{header}", int(not is_first))
            continue
        if isinstance(obj, dict) and obj.get("format") == FORMAT:
            if is_first:
                out.header = _header(obj, problems, f"line {n}: ")
                continue
            skip(f"line {n}: a second session header: another game starts here; its lines "
                 "were not read", sum(1 for rest in lines[n:] if rest.strip()))
            break
        if is_first:
            kind = f"a header of another format ({str(obj.get('format'))[:40]!r})" \
                if isinstance(obj, dict) and "format" in obj else "no session header"
            problems.append(f"line {n}: {kind}: the scenario and the seed are unknown")
        if not isinstance(obj, dict) or "decision" not in obj:
            skip(f"line {n}: no decision on this line; skipped")
            continue
        try:
            decision = _decision(obj["decision"])
        except DecisionError as exc:
            skip(f"line {n}: {exc}; skipped")
            continue
        digest = _digest(obj.get("digest"))
        if digest is None and obj.get("digest") is not None:
            problems.append(f"line {n}: the digest is damaged; this line cannot be verified")
        out.decisions.append(decision)
        out.digests.append(digest)
        out.where.append(f"line {n}")
    out.problems = capped(problems)
    out.seed, out.scenario = out.header.get("seed"), out.header.get("scenario")
    out.sha256 = out.header.get("sha256")
    out.digest = next((d for d in reversed(out.digests) if d), None)
    return out


def read(path: str | Path) -> LoadedDecisions:
    """Read a session file. Never raises for bad content: problems are listed, good lines
    kept. Raises OSError only if the file cannot be opened."""
    try:
        text, notes = read_text(path)
    except DecisionError as exc:
        return LoadedDecisions([], problems=[f"line 1: {exc}"])
    return parse_lines(text, notes)


def decisions_from_json(data: object) -> list[Decision]:
    """Decisions from the ``decisions`` list that ``simulate --json`` prints (or the whole
    simulate output). Raises DecisionError naming the first bad entry."""
    loaded = from_json(data)
    if loaded.problems:
        raise DecisionError(loaded.problems[0])
    return loaded.decisions


def from_json(data: object) -> LoadedDecisions:
    """Decisions from ``simulate --json`` output or a JSON list; each bad entry is reported
    (as ``decision N``, counted from 0 as in the list) and skipped.

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
            out.decisions.append(_decision(item))
        except DecisionError as exc:
            problems.append(f"decision {i}: {exc}; skipped")
            out.lost += 1
            continue
        out.digests.append(None)
        out.where.append(f"decision {i}")
    if isinstance(data, dict):
        out.header = _header(data, problems, "")
        out.seed, out.scenario = out.header.get("seed"), out.header.get("scenario")
        out.digest = _digest(data.get("digest"))
        if out.digest is None and data.get("digest") is not None:
            problems.append("the final digest is damaged; the game cannot be verified")
    out.problems = capped(problems)
    return out


def load_decisions(path: str | Path) -> LoadedDecisions:
    """Decisions from a session file (JSON Lines) or from ``simulate --json`` output / a JSON
    list. The seed, scenario and digests come along when the file has them.

    Raises OSError if unreadable, DecisionError if the file holds no decisions at all (not
    JSON, the wrong shape). Damaged entries are skipped and listed in ``problems`` instead.
    """
    text, notes = read_text(path)
    if not text.strip():
        raise DecisionError("the file is empty")
    try:
        data, error = json.loads(text), None
    except (json.JSONDecodeError, RecursionError) as exc:
        data, error = _NOT_JSON, exc
    if not (data is _NOT_JSON or isinstance(data, dict) and data.get("format") == FORMAT):
        loaded = from_json(data)
        loaded.problems[:0] = notes
        return loaded
    loaded = parse_lines(text, notes)
    if not loaded.decisions and not loaded.header:
        where = f"line {error.lineno}: {error.msg}" if isinstance(error, json.JSONDecodeError) \
            else "no decision on any line"
        raise DecisionError("; ".join([*notes, "neither a session file nor a JSON list of "
                                       f"decisions ({where})"]))
    return loaded
