"""Reading a session file (JSON Lines) line by line, stopping at the first damaged line.

Every line is decoded on its own, so one byte that is not UTF-8 costs that line and those
after it, never the good lines before it. Reading stops at the first line that cannot be
trusted (not UTF-8, not JSON, cut off, no decision, out of sequence, a damaged digest) and
says which and why (``Stop``): every decision after a damaged one would be played on a game
that may not be the recorded one. In a version-2 file every decision line must carry its
digest and a stage id. A damaged header *field* (the seed, the scenario id, the checksum,
the sides, the opponent) is named and that field dropped (``unusable`` keeps the message); a
format version that is not a whole number, or one this Plenary does not read, stops at line 1.
"""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import get_args

from ..bots import BOTS
from ..decisions import Decision, DecisionError, Side, from_dict
from ..i18n import N_, _, ngettext
from ..rules.pace import MAX_ROUNDS, MAX_TIMER
from .writer import FORMAT, READS, VERSION

_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_DIGEST = re.compile(r"[0-9a-f]{64}")
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: Problems listed one by one before the rest are summed up in one line.
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Stop:
    """Where reading (or a replay) stopped short of the file's end, and why.

    ``line`` is the line number from 1; ``kind`` one of: not_utf8, binary, not_json,
    truncated, version, not_session, no_decision, second_header, sequence, bad_decision,
    bad_digest, bad_stage (reading), illegal, digest, stage, finished (replaying);
    ``message`` the precise words."""

    line: int
    kind: str
    message: str


@dataclass
class LoadedDecisions:
    """Decisions read from a file, with what it recorded and what could not be read.

    ``where[i]`` names decision i for messages ("line 6" or "decision 5"); ``digests[i]`` is
    the state digest recorded after it, if any; ``digest`` the last one; ``line_of[i]`` its
    line number (0 for a JSON list). ``stopped`` says where reading stopped early, ``lost``
    how many lines (or entries) from there on were not read. ``good_bytes`` is the length of
    the file up to the end of the last good line (None when the file is not UTF-8 JSON Lines);
    ``stages[i]`` the stage id decision i was made in (version 2); ``finished`` that the
    file records the end of the game, ``ends`` the index of the decision it marks as the
    last. ``unusable`` names each header field that was damaged (and dropped) with the
    problem said; ``cut`` that only the beginning of a file too large to read was read.
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
    lost: int = 0
    stopped: Stop | None = None
    line_of: list[int] = field(default_factory=list)
    stages: list[str | None] = field(default_factory=list)
    good_bytes: int | None = None
    finished: bool = False
    unusable: dict[str, str] = field(default_factory=dict)
    cut: bool = False
    ends: int | None = None

    @property
    def version(self) -> int:
        """The format version the header names (1 for a file without one)."""
        v = self.header.get("version", 1)
        return v if isinstance(v, int) and not isinstance(v, bool) else 1

    def stop(self, line: int, kind: str, message: str, lost: int) -> None:
        """Stop reading at ``line``: the message names the line and what is kept."""
        n = len(self.decisions)
        kept = (ngettext("the {n} decision(s) before it are kept",
                         "the {n} decision(s) before it are kept", n).format(n=n) if n
                else _("no decision was read"))
        more = (ngettext(", {n} later line(s) not read", ", {n} later line(s) not read",
                         lost - 1).format(n=lost - 1) if lost > 1 else "")
        self.stopped = Stop(line, kind, _("line {line}: {message}").format(line=line,
                                                                           message=message))
        self.problems.append(_("line {line}: {message}; reading stopped there: {kept}{more}")
                             .format(line=line, message=message, kept=kept, more=more))
        self.lost += lost


def capped(problems: list[str]) -> list[str]:
    """The first MAX_PROBLEMS problems, and a line counting the rest."""
    more = len(problems) - MAX_PROBLEMS
    return problems[:MAX_PROBLEMS] + ([ngettext("... and {n} more problem(s) like these",
                                                "... and {n} more problem(s) like these",
                                                more).format(n=more)] if more > 0 else [])


def digest_of(value: object) -> str | None:
    """``value`` if it is a sha256 in hex, else None."""
    return value if isinstance(value, str) and _DIGEST.fullmatch(value) else None


def decision_of(data: object) -> Decision:
    """``from_dict``, with a ``type`` that is not a string (a list, an object) refused too."""
    if isinstance(data, dict) and "type" in data and not isinstance(data["type"], str):
        raise DecisionError(_("the decision type {type} is not a word; expected one of the "
                              "decision types").format(type=str(data["type"])[:80]))
    return from_dict(data)


#: The sides a header may name, and the opponent levels (the bots) it may name.
SIDE_NAMES: tuple[str, ...] = get_args(Side)
OPPONENTS: tuple[str, ...] = tuple(BOTS)


def _sides_ok(value: object) -> bool:
    return value is None or (isinstance(value, list) and 1 <= len(value) <= 2
                             and len(set(map(str, value))) == len(value)
                             and all(isinstance(s, str) and s in SIDE_NAMES for s in value))


def _opponent_ok(value: object) -> bool:
    return value is None or isinstance(value, str) and value in OPPONENTS


def _teams_ok(value: object) -> bool:
    return value is None or _sides_ok(value)


def _count_ok(most: int) -> Callable[[object], bool]:
    return lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)
                                   and 0 <= v <= most)


#: Header field -> (is a value usable?, what follows when it is not).
HEADER_FIELDS = {
    "seed": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
             N_("is not a whole number of 0 or more: the seed is unknown")),
    "scenario": (lambda v: isinstance(v, str) and _ID.fullmatch(v),
                 N_("is not a scenario id: the scenario is unknown (name the scenario file "
                    "as well)")),
    "sha256": (lambda v: digest_of(v) is not None,
               N_("is not a checksum: whether the scenario file has changed since the game "
                  "was recorded cannot be checked")),
    "sides": (_sides_ok, N_("is not a list of the sides played (one or both of {sides})")),
    "opponent": (_opponent_ok, N_("is not an opponent level: expected one of {levels}, or "
                                  "null when a decision list plays both sides")),
    # a team game's setup (written only for one): who plays at the screen, and its pace
    "teams": (_teams_ok, N_("is not a list of the sides teams play (one or both of {sides})")),
    "rounds": (_count_ok(MAX_ROUNDS), N_("is not a number of turns from 0 to {rounds}")),
    "timer": (_count_ok(MAX_TIMER), N_("is not a turn timer from 0 to {timer} seconds")),
}


def _why(template: str) -> str:
    """A line of HEADER_FIELDS in the language in use, its limits filled in."""
    return _(template).format(sides=", ".join(SIDE_NAMES), levels=", ".join(OPPONENTS),
                              rounds=MAX_ROUNDS, timer=MAX_TIMER)


def replay_pace(header: dict) -> dict:
    """The rounds and timer a recorded game was played with, as ``Session`` keywords: its
    states, and so its digests, depend on them (a replay needs them; the teams it does not)."""
    got = pace_of(header)
    return {"rounds": got["rounds"], "timer": got["timer"]}


def pace_of(header: dict) -> dict:
    """The team setup a header records, as ``Session`` takes it: ``teams``, ``rounds`` and
    ``timer`` (none, 0 and 0 when it records none, or a value is unusable)."""
    teams, rounds, timer = (header.get(k) for k in ("teams", "rounds", "timer"))
    return {"teams": tuple(teams) if _sides_ok(teams) and teams else (),
            "rounds": rounds if _count_ok(MAX_ROUNDS)(rounds) and rounds else 0,
            "timer": timer if _count_ok(MAX_TIMER)(timer) and timer else 0}


def header_fields(obj: dict, problems: list[str], at: str = "line 1: ",
                  unusable: dict[str, str] | None = None) -> dict:
    """The usable fields of a session header (or, with ``at`` empty, of simulate's JSON
    output, where a missing field is no problem); each unusable one is reported (in
    ``problems``, and by name in ``unusable``) and dropped."""
    out = dict(obj)
    for name, (usable, template) in HEADER_FIELDS.items():
        value = obj.get(name)
        if (value is not None or at and name in ("seed", "scenario")) and not usable(value):
            why = _why(template)
            if value is None and name not in obj:
                problems.append(at + _("no {name} in the header: {why}").format(
                    name=name, why=why.split(": ", 1)[-1]))
            else:
                problems.append(at + _("the {name} {value} {why}").format(
                    name=name, value=repr(str(value)[:60]), why=why))
            if unusable is not None:
                unusable[name] = problems[-1]
            out[name] = None
    return out


def _lines(data: bytes) -> tuple[list[tuple[int, bytes | str, int]], bool]:
    """(line number, raw line, byte offset of its end) of every line, and whether offsets
    are those of the file (not for UTF-16, which is decoded whole first)."""
    if data.startswith(_UTF16):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecisionError(_("not UTF-8 text (byte {byte}); is it the right file?")
                                .format(byte=exc.start + 1)) from None
        return [(n, line, 0) for n, line in enumerate(text.split("\n"), start=1)], False
    out: list[tuple[int, bytes | str, int]] = []
    start = 3 if data.startswith(codecs.BOM_UTF8) else 0
    for n, raw in enumerate(data[start:].split(b"\n"), start=1):
        start += len(raw) + 1
        out.append((n, raw, min(start, len(data))))
    return out, True


def _text(raw: bytes | str) -> tuple[str | None, str | None]:
    """A raw line as text, or why it is not text."""
    if isinstance(raw, str):
        text = raw
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, _("not UTF-8 text (byte {byte} at column {column})").format(
                byte=f"0x{raw[exc.start]:02x}", column=exc.start + 1)
    if "\x00" in text:
        return None, _("a binary file, not text (a NUL byte)")
    return text.rstrip("\r"), None


def _count(lines: list, k: int) -> int:
    """How many of ``lines`` from index ``k`` on are not blank."""
    return sum(1 for _n, raw, _end in lines[k:] if raw.strip())


def parse_bytes(data: bytes, notes: list[str] | None = None) -> LoadedDecisions:
    """A session file's bytes: header, decisions and digests up to the first damaged line
    (``notes``: what the caller had to do to read it, e.g. only its beginning was read)."""
    out = LoadedDecisions([], problems=list(notes or []))
    lines, exact = _lines(data)
    ends_cut = not data.endswith(b"\n")
    if not any(raw.strip() for _n, raw, _end in lines):
        out.stop(1, "not_session", _("the file is empty (no header)"), 0)
    first, good = True, 0
    for k, (n, raw, end) in enumerate(lines):
        if not raw.strip():
            continue
        rest = partial(_count, lines, k)
        is_first, first = first, False
        text, why = _text(raw)
        utf8 = text is None and why != _("a binary file, not text (a NUL byte)")
        if text is None and why and utf8 and k == len(lines) - 1 and ends_cut \
                and not is_first:
            out.stop(n, "truncated", _("cut off in the middle of a character: the file ends "
                                       "in the middle of this line (the game was stopped "
                                       "while saving it)"), 1)
            break
        if text is None:
            out.stop(n, "not_utf8" if utf8 else "binary", str(why), rest())
            break
        try:
            obj = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            if k == len(lines) - 1 and ends_cut and not is_first:
                out.stop(n, "truncated", _("cut off: the file ends in the middle of this line "
                                           "(the game was stopped while saving it)"), rest())
            else:
                what = (_("{error}, column {column}").format(error=exc.msg, column=exc.colno)
                        if isinstance(exc, json.JSONDecodeError) else _("nested too deeply"))
                out.stop(n, "not_json", _("not valid JSON ({what})").format(what=what), rest())
            break
        if is_first and isinstance(obj, dict) and obj.get("format") == FORMAT:
            version = obj.get("version", 1)
            if not isinstance(version, int) or isinstance(version, bool):
                out.stop(n, "version", _("the format version must be a whole number, not "
                                         "{version}").format(version=repr(str(version)[:20])),
                         rest())
                break
            if version not in READS:
                out.stop(n, "version", _("format version {version} is not one this Plenary "
                                         "reads ({reads}): a newer Plenary wrote it? Open it "
                                         "with that version").format(
                    version=str(version)[:20], reads=", ".join(map(str, READS))), rest())
                break
            out.header = header_fields(obj, out.problems, _("line {line}: ").format(line=n),
                                       out.unusable)
            if version >= 2 and obj.get("sha256") is None:
                out.problems.append(_("line {line}: no scenario checksum (sha256) in the "
                                      "header: whether the scenario file has changed since "
                                      "the game was recorded cannot be checked").format(line=n))
                out.unusable["sha256"] = out.problems[-1]
            good = end if exact else 0
            continue
        if is_first:
            if isinstance(obj, dict) and "format" in obj:
                out.stop(n, "not_session", _("a header of another format ({format}): not a "
                                             "session file").format(
                    format=repr(str(obj.get("format"))[:40])), rest())
                break
            out.problems.append(_("line {line}: no session header: the scenario and the seed "
                                  "are unknown").format(line=n))
        if not _decision_line(out, n, obj, rest):
            break
        good = end if exact else 0
        if obj.get("finished") is True and out.ends is None:
            out.finished, out.ends = True, len(out.decisions) - 1
    out.problems = capped(out.problems)
    out.seed, out.scenario = out.header.get("seed"), out.header.get("scenario")
    out.sha256 = out.header.get("sha256")
    out.digest = next((d for d in reversed(out.digests) if d), None)
    out.good_bytes = good if exact else None
    return out


def _decision_line(out: LoadedDecisions, n: int, obj: object,
                   rest: Callable[[], int]) -> bool:
    """Add line ``n``'s decision to ``out``; False after stopping there."""
    if isinstance(obj, dict) and obj.get("format") == FORMAT:
        out.stop(n, "second_header", _("a second session header: another game starts here"),
                 rest())
        return False
    if not isinstance(obj, dict) or "decision" not in obj:
        out.stop(n, "no_decision", _("no decision on this line"), rest())
        return False
    want = len(out.decisions) + 1
    if out.version >= 2 and obj.get("n") != want:
        out.stop(n, "sequence", _("decision number {got} where {want} was due (a line "
                                  "missing, repeated or moved)").format(
            got=str(obj.get("n"))[:20], want=want), rest())
        return False
    try:
        decision = decision_of(obj["decision"])
    except DecisionError as exc:
        out.stop(n, "bad_decision", str(exc), rest())
        return False
    digest = digest_of(obj.get("digest"))
    if digest is None and (obj.get("digest") is not None or out.version >= 2):
        out.stop(n, "bad_digest", _("the digest is missing or damaged: this line cannot be "
                                    "verified"), rest())
        return False
    stage = obj.get("stage")
    if out.version >= 2 and not (isinstance(stage, str) and _ID.fullmatch(stage)):
        out.stop(n, "bad_stage", _("the stage {stage} is not a stage id: this line was "
                                   "damaged or edited").format(stage=repr(str(stage)[:40])),
                 rest())
        return False
    out.decisions.append(decision)
    out.digests.append(digest)
    out.where.append(_("line {line}").format(line=n))
    out.line_of.append(n)
    out.stages.append(stage if isinstance(stage, str) else None)
    return True


__all__ = ["FORMAT", "VERSION", "Stop", "LoadedDecisions", "capped", "parse_bytes",
           "header_fields", "decision_of", "digest_of"]
