"""``sessions.csv``: one row per session, the same figures as the page (pure, no drawing).

Columns: the session's name, case, status (complete, unfinished, damaged) and the problem
that stopped its replay, the side played and the opponent's level, decisions replayed, points
won and possible (of the side played; the sponsors' when a file plays both), capital spent;
then for every motion of the cases (in their order) its outcome and tally (in favour,
against, abstaining, absent: empty when the game did not vote on it); then the fate of the
paragraphs in play and the decisions that moved the most votes.
"""
from __future__ import annotations

import csv
import io

from .classview import ClassReport
from .sessions import SessionSummary

FIXED = ("name", "scenario", "status", "problem", "side", "opponent", "decisions", "points",
         "points_possible", "capital_spent")
#: Per motion: the column's suffix and the VoteRow field it shows.
VOTE_FIELDS = (("outcome", "outcome"), ("in favour", "yes"), ("against", "no"),
               ("abstaining", "abstain"), ("absent", "absent"))
TAIL = ("text", "top_decisions")
#: A spreadsheet runs a cell starting with one of these as a formula: such names get a quote.
FORMULA = ("=", "+", "-", "@")


def motions(report: ClassReport) -> list[str]:
    """Every motion any case of the report shows, in the cases' order."""
    out: list[str] = []
    for case in report.cases:
        out += [s.motion for s in case.spreads if s.motion not in out]
    return out


def header(report: ClassReport) -> list[str]:
    """The CSV's column names."""
    return [*FIXED, *(f"{m} {suffix}" for m in motions(report) for suffix, _ in VOTE_FIELDS),
            *TAIL]


def safe(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA) else text


def text_cell(s: SessionSummary) -> str:
    """"OP 7 kept; OP 8 lost" (the paragraphs in play), or "" when no text was voted."""
    return "; ".join(f"{p.name} {p.fate}" for p in s.text)


def moves_cell(s: SessionSummary) -> str:
    """The players' decisions that gained them most: "#5 lobbying ...: +2.1 votes; ..."."""
    return "; ".join(f"#{m.n} {m.words}: {m.gain:+.1f} votes" for m in s.top_moves)


def row(s: SessionSummary, all_motions: list[str]) -> list[str]:
    """One session's row, cells in the order of ``header``."""
    cells = [safe(s.name), s.scenario, s.status, safe(s.damage or ""), s.side,
             s.opponent or "", str(s.decisions), str(s.points), str(s.possible),
             str(s.capital_spent)]
    for motion in all_motions:
        v = s.vote(motion)
        for _, attr in VOTE_FIELDS:
            value = getattr(v, attr) if v else None
            cells.append("" if value is None else str(value))
    return [*cells, safe(text_cell(s)), safe(moves_cell(s))]


def to_csv(report: ClassReport) -> str:
    """The whole CSV (comma-separated, a header line, CRLF line ends as RFC 4180 has it)."""
    out = io.StringIO()
    writer = csv.writer(out)
    names = motions(report)
    writer.writerow(header(report))
    for s in report.sessions:
        writer.writerow(row(s, names))
    return out.getvalue()
