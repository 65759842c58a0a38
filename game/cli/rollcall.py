"""Reading a roll-call CSV as a teacher exports it: every problem with its line, the common
variants accepted (a byte-order mark, semicolons or tabs, ``Y``/``N``/``A``, ``Yes``, a blank
for a member that did not vote), and a warning when the file looks meant for another vote.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

from ..replay import capped, read_text

#: What a vote cell may say -> the ballot it means (compared lower-case, spaces collapsed).
VOTE_WORDS = {
    **dict.fromkeys(("yes", "y", "yea", "aye", "in favour", "in favor", "for", "favour"), "yes"),
    **dict.fromkeys(("no", "n", "nay", "against"), "no"),
    **dict.fromkeys(("abstain", "a", "abs", "abstention", "abstained", "abstaining"),
                    "abstain"),
    **dict.fromkeys(("absent", "", "-", "x", "nv", "non-voting", "not voting", "did not vote"),
                    "absent"),
}
_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass
class RollCall:
    """The usable rows (``{"iso3", "vote"}``, normalised), errors and warnings."""

    rows: list[dict[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _rows(text: str, out: RollCall) -> list[tuple[int, dict]]:
    """(line, row with lower-case column names) for every data row; column errors noted."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text.splitlines(), dialect)
    try:
        rows = list(reader)
    except csv.Error as exc:                  # a field over csv's limit: not a roll call
        out.errors.append(f"line {reader.line_num}: {exc}; is it the right file?")
        return []
    header = [h.strip().lower()[:40] for h in (rows[0] if rows else [])]
    missing = [c for c in ("iso3", "vote") if c not in header]
    if missing:
        out.errors.append(f"line 1: no column {' or '.join(repr(c) for c in missing)} (columns "
                          f"found: {', '.join(repr(h) for h in header[:10]) or 'none'}); the "
                          "file needs a header line with columns iso3 and vote, e.g. 'iso3,vote'")
        return []
    return [(n, dict(zip(header, cells))) for n, cells in enumerate(rows[1:], start=2)
            if any(c.strip() for c in cells)]


def read_roll_call_csv(path: str, members: set[str], voters: set[str]) -> RollCall:
    """Read and check a roll call. ``members``: ISO codes of the scenario; ``voters``: those
    who vote on the motion. Raises OSError if the file cannot be read."""
    out = RollCall()
    try:
        text, notes = read_text(path)
    except ValueError as exc:
        out.errors.append(str(exc))
        return out
    out.warnings += notes
    seen: dict[str, tuple[int, str]] = {}
    blanks = 0
    for n, row in _rows(text, out):
        iso = (row.get("iso3") or "").strip().upper()
        word = " ".join((row.get("vote") or "").lower().split())
        vote = VOTE_WORDS.get(word)
        blanks += not word
        if not _ISO3.fullmatch(iso):
            out.errors.append(f"line {n}: {iso[:40]!r} is not an ISO 3166 alpha-3 code (three "
                              "letters, e.g. FRA)")
            continue
        if vote is None:
            out.errors.append(f"line {n}: vote {word[:40]!r} is not one of yes, no, abstain, "
                              "absent (Y, N, A and a blank are understood too)")
            continue
        if iso not in members:
            out.warnings.append(f"line {n}: {iso} is not a member in this scenario; ignored")
            continue
        if iso in seen:
            first, before = seen[iso]
            if before != vote:
                out.errors.append(f"line {n}: {iso} is listed twice with different votes "
                                  f"(line {first}: {before}, line {n}: {vote})")
            else:
                out.warnings.append(f"line {n}: {iso} is listed twice (also line {first})")
            continue
        seen[iso] = (n, vote)
        out.rows.append({"iso3": iso, "vote": vote})
    if not out.rows and not out.errors:
        out.errors.append("no votes in the file (a header line, then one line per delegation)")
    if blanks:
        out.warnings.append(f"{blanks} line(s) with no vote were counted as absent")
    outside = [r["iso3"] for r in out.rows if r["iso3"] not in voters]
    if len(outside) > len(out.rows) // 2:
        out.warnings.append(f"{len(outside)} of the {len(out.rows)} delegations listed do not "
                            f"vote on this motion (its body has {len(voters)} members); is it "
                            "the roll call of another vote?")
    out.errors, out.warnings = capped(out.errors), capped(out.warnings)
    return out
