"""The real record: the one reader of roll-call CSV files, and the checks of ``history``.

``read_roll_call`` serves the loader (``strict``: a case's own record, the four ballot words
only) and ``calibrate``/``evaluate`` (a roll call as a teacher exports it: a byte-order mark,
semicolons or tabs, ``Y``/``N``/``A``, ``Yes``, a blank for a member that did not vote, and a
warning when the file looks meant for another vote). Every bad line is named with its number.

In ``history``, a tally that does not add up, or a roll call that disagrees with its tally, is
a warning: the game can still be played, but the debrief and calibration would compare
against wrong numbers.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..textfiles import read_text
from ..vocabulary import BALLOT_CODES
from .messages import Context, suggest
from .models import RollCall

#: Largest roll-call file read (a General Assembly roll call is about 4 kB).
MAX_ROLL_CALL_BYTES = 1_000_000
#: What a vote cell may say in an exported roll call -> the ballot it means (compared
#: lower-case, spaces collapsed). A scenario's own roll call uses the four ballot words only.
VOTE_WORDS = {
    **dict.fromkeys(("yes", "y", "yea", "aye", "in favour", "in favor", "for", "favour"), "yes"),
    **dict.fromkeys(("no", "n", "nay", "against"), "no"),
    **dict.fromkeys(("abstain", "a", "abs", "abstention", "abstained", "abstaining"),
                    "abstain"),
    **dict.fromkeys(("absent", "", "-", "x", "nv", "non-voting", "not voting", "did not vote"),
                    "absent"),
}
_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class RollCallProblem:
    """One problem in a roll-call file: its line (None: the whole file), what, and a hint."""

    line: int | None
    severity: Literal["error", "warning"]
    message: str
    hint: str = ""

    def text(self) -> str:
        """``line 3: message; hint``, as the command line prints it."""
        where = f"line {self.line}: " if self.line is not None else ""
        return where + self.message + (f"; {self.hint}" if self.hint else "")


@dataclass
class RollCallFile:
    """A roll call read from a CSV file: each listed member's ballot (in file order), the
    line it is on, and every problem found. ``usable`` is False when the file has no header
    with the columns iso3 and vote (or is no CSV at all)."""

    ballots: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[RollCallProblem] = field(default_factory=list)
    usable: bool = True

    def errors(self) -> list[RollCallProblem]:
        """The problems that are errors."""
        return [p for p in self.problems if p.severity == "error"]

    def roll_call(self) -> RollCall:
        """The ballots as the scenario records them: ISO codes per ballot."""
        return RollCall(**{b: [c for c, v in self.ballots.items() if v == b]
                           for b in BALLOT_CODES})


def read_roll_call(path: str | Path, members: Collection[str] | None,
                   voters: Collection[str] | None = None, strict: bool = False) -> RollCallFile:
    """Read and check a roll-call CSV (see ``parse_roll_call``).

    Raises OSError if the file cannot be opened (IsADirectoryError for a folder) and NotText
    if it is not a text file of at most MAX_ROLL_CALL_BYTES.
    """
    return parse_roll_call(read_text(path, MAX_ROLL_CALL_BYTES).text, members, voters, strict)


def parse_roll_call(text: str, members: Collection[str] | None,
                    voters: Collection[str] | None = None,
                    strict: bool = False) -> RollCallFile:
    """A roll call from CSV text with columns iso3 and vote; every bad line is reported with
    its number and left out, every other line kept.

    ``members``: the scenario's ISO codes (None: not checked); a code outside them is an error
    when ``strict``, else a warning and ignored. ``voters``: those who vote on the motion, for
    a warning when the file looks meant for another vote. ``strict``: the scenario's own
    record: the four ballot words only, codes as written, every line listed once.
    """
    out = RollCallFile()

    def problem(line: int | None, message: str, hint: str = "",
                severity: Literal["error", "warning"] = "error") -> None:
        out.problems.append(RollCallProblem(line, severity, message, hint))

    rows = _rows(text, problem)
    if rows is None:
        out.usable = False
        return out
    words = {b: b for b in BALLOT_CODES} if strict else VOTE_WORDS
    known = set(members) if members is not None else None
    voting = set(voters) if voters is not None else None
    blanks = 0
    for n, row in rows:
        iso = (row.get("iso3") or "").strip()
        iso = iso if strict else iso.upper()
        word = " ".join((row.get("vote") or "").lower().split())
        vote = words.get(word)
        blanks += not word and not strict
        if not _ISO3.fullmatch(iso):
            close = suggest(iso, known or ()) if strict else ""
            problem(n, f"{iso[:40]!r} is not an ISO 3166 alpha-3 code (three letters, e.g. FRA)",
                    close if close.startswith("did you mean") else "")
        elif vote is None:
            problem(n, f"vote {word[:40]!r} is not one of yes, no, abstain, absent"
                    + ("" if strict else " (Y, N, A and a blank are understood too)"),
                    suggest(word, BALLOT_CODES) if strict else "")
        elif known is not None and iso not in known:
            if strict:
                problem(n, f"unknown country code {iso!r}", suggest(iso, known))
            else:
                problem(n, f"{iso} is not a member in this scenario; ignored", "", "warning")
        elif iso in out.ballots:
            first, before = out.lines[iso], out.ballots[iso]
            keep = "keep one row per member" if strict else ""
            if before != vote:
                problem(n, f"{iso} is listed twice with different votes (line {first}: "
                        f"{before}, line {n}: {vote})", keep)
            else:
                problem(n, f"{iso} is listed twice (also line {first})", keep,
                        "error" if strict else "warning")
        else:
            out.ballots[iso], out.lines[iso] = vote, n
    if not out.ballots and not out.errors():
        problem(None, "no votes in the file (a header line, then one line per delegation)")
    if blanks:
        problem(None, f"{blanks} line(s) with no vote were counted as absent", "", "warning")
    outside = [c for c in out.ballots if voting is not None and c not in voting]
    if len(outside) > len(out.ballots) // 2:
        problem(None, f"{len(outside)} of the {len(out.ballots)} delegations listed do not vote "
                f"on this motion (its body has {len(voting or ())} members); is it the roll "
                "call of another vote?", "", "warning")
    return out


def _rows(text: str, problem: Callable[[int, str, str], None]
          ) -> list[tuple[int, dict[str, str]]] | None:
    """(line, row by lower-case column name) for every data row; None, after reporting, when
    the text has no usable header or is no CSV."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text.splitlines(), dialect)
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            rows.append((reader.line_num, cells))
    except csv.Error as exc:                  # a field over csv's limit: not a roll call
        problem(reader.line_num, str(exc), "is it the right file?")
        return None
    header = [h.strip().lower()[:40] for h in (rows[0][1] if rows else [])]
    missing = [c for c in ("iso3", "vote") if c not in header]
    if missing:
        problem(1, f"no column {' or '.join(repr(c) for c in missing)} (columns found: "
                f"{', '.join(repr(h) for h in header[:10]) or 'none'})", "the file needs a "
                "header line with columns iso3 and vote, e.g. 'iso3,vote'")
        return None
    return [(n, dict(zip(header, cells, strict=False))) for n, cells in rows[1:]
            if any(c.strip() for c in cells)]


# --- checks of the `history` section ------------------------------------------------------

def body_size(ctx: Context, motion_id: str) -> tuple[int, set[str]] | None:
    """(number of voters, their ISO codes) of the body that votes a motion, if known."""
    motion = next((m for m in ctx.spec.motions or [] if m.id == motion_id), None)
    body = next((b for b in ctx.spec.bodies or [] if motion and b.id == motion.body), None)
    if body is None or "members" in ctx.broken:
        return None
    voters = {m.iso3 for m in ctx.members
              if body.members != "security_council" or m.sc_seat}
    return len(voters), voters


def check_history(ctx: Context) -> None:
    """References, tallies against the body's size, roll calls against tallies."""
    seen_motions: dict[str, int] = {}
    for i, h in enumerate(ctx.spec.history or []):
        p = ("history", i)
        ctx.ref(p + ("motion",), h.motion, ctx.ids("motions"), "motion")
        if h.motion in seen_motions:
            ctx.add(p + ("motion",), f"motion {h.motion!r} already has a record "
                    f"(history[{seen_motions[h.motion]}])", "keep one record per motion",
                    "warning")
        seen_motions.setdefault(h.motion, i)
        for j, s in enumerate(h.sources):
            ctx.ref(p + ("sources", j), s, ctx.ids("sources"), "source")
        written = ctx.raw("history", i)
        if isinstance(written, dict) and {"roll_call", "roll_call_file"} <= set(written):
            ctx.add(p + ("roll_call_file",), "give either `roll_call` or `roll_call_file`, "
                    "not both", "delete one")
        body = body_size(ctx, h.motion)
        if h.tally and body:
            _check_tally(ctx, p, h.tally, body[0])
        if h.roll_call:
            _check_roll_call(ctx, p, h, body[1] if body else None)


def _check_tally(ctx: Context, p: tuple, tally, size: int) -> None:
    voted = tally.yes + tally.no + tally.abstain
    if tally.absent is not None and voted + tally.absent != size:
        ctx.add(p + ("tally",), f"tally adds up to {voted + tally.absent}, but the body has "
                f"{size} members", "check the numbers against the record", "warning")
    elif voted > size:
        ctx.add(p + ("tally",), f"{voted} votes cast, but the body has {size} members",
                "check the numbers against the record", "warning")


def _check_roll_call(ctx: Context, p: tuple, h, voters: set[str] | None) -> None:
    seen: dict[str, str] = {}
    countries = ctx.countries() or set()
    for ballot in BALLOT_CODES:
        for j, code in enumerate(getattr(h.roll_call, ballot)):
            path = p + ("roll_call", ballot, j)
            ctx.ref(path, code, ctx.countries(), "country code")
            if code in seen:
                ctx.add(path, f"{code} is listed under both {seen[code]} and {ballot}",
                        "a member casts one ballot")
            elif voters is not None and code in countries and code not in voters:
                ctx.add(path, f"{code} does not vote in this body", "check the record",
                        "warning")
            seen.setdefault(code, ballot)
    if h.tally:
        for ballot in BALLOT_CODES:
            n = len(getattr(h.roll_call, ballot))
            want = getattr(h.tally, ballot)
            if want is not None and n != want:
                ctx.add(p + ("roll_call", ballot), f"roll call lists {n} {ballot} but the "
                        f"tally says {want}", "check both against the record", "warning")
