"""The recorded General Assembly plenary votes shipped with the game (sessions 59-69, 2004-2015),
read once: every member's ballot on every roll call, the roll calls' dates and symbols, and two
bloc lists (ALBA, the Like-Minded Group). Sources and coding: game/data/unvotes/SOURCES.md
(Erik Voeten's data, Harvard Dataverse hdl:1902.1/12379, with cross-checks against the UN record).

A scenario's ``members.facts`` names roll calls by their resolution symbol (``A/RES/68/184``);
the vote model turns them into member facts (game/votes/facts.py). Nothing here is a forecast.
"""
from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

FOLDER = Path(__file__).resolve().parents[1] / "data" / "unvotes"
#: One-letter cells of votes.csv -> ballot value on the yes (+1) / abstain (0) / no (-1) scale;
#: absent (``x``) and nonmember (``-``) have no value.
CELL_VALUE = {"y": 1.0, "a": 0.0, "n": -1.0, "x": np.nan, "-": np.nan}
CELL_BALLOT = {"y": "yes", "a": "abstain", "n": "no", "x": "absent", "-": "nonmember"}
BLOCS_SHIPPED = ("ALBA", "LMG")
#: Voeten's issue flags (SOURCES.md, "Coding").
ISSUES = ("me", "nu", "di", "hr", "co", "ec")


@dataclass(frozen=True)
class RecordedVote:
    """One recorded plenary vote: Voeten's id, session, date, symbol, title and issue flags."""

    rcid: int
    session: int
    date: datetime.date
    symbol: str          # "A/RES/69/188" (Voeten writes "R/69/188")
    title: str
    issues: frozenset[str]


@dataclass(frozen=True, eq=False)
class Record:
    """The shipped votes: ``cells`` (n_members, n_roll_calls) one-letter codes, rows ``iso``
    (alphabetical), columns ``roll_calls`` (ascending rcid); ``blocs`` maps a bloc to members."""

    iso: tuple[str, ...]
    roll_calls: tuple[RecordedVote, ...]
    cells: np.ndarray
    blocs: dict[str, frozenset[str]]
    symbols: dict[str, int]          # resolution symbol -> column

    def column(self, symbol: str) -> int:
        """Column index of a resolution symbol. Raises KeyError if it was not a recorded vote."""
        return self.symbols[normal_symbol(symbol)]

    def values(self, columns: list[int]) -> np.ndarray:
        """Ballots as numbers (n_members, len(columns)): yes 1, abstain 0, no -1, else NaN."""
        lookup = np.vectorize(CELL_VALUE.__getitem__, otypes=[float])
        return lookup(self.cells[:, columns]) if columns else np.zeros((len(self.iso), 0))


def normal_symbol(symbol: str) -> str:
    """``R/69/188``, ``a/res/69/188`` or ``A/RES/69/188`` -> ``A/RES/69/188``."""
    s = symbol.strip().upper()
    s = re.sub(r"^(A/RES/|R/)", "", s)
    return f"A/RES/{s}"


@cache
def record() -> Record:
    """The shipped votes, read once per process. Raises OSError if the data files are missing."""
    with (FOLDER / "roll_calls.csv").open(encoding="utf-8", newline="") as fh:
        meta = {int(r["rcid"]): r for r in csv.DictReader(fh)}
    with (FOLDER / "votes.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rcids = [int(c) for c in rows[0][1:]]
    roll_calls = tuple(
        RecordedVote(rcid, int(meta[rcid]["session"]),
                     datetime.date.fromisoformat(meta[rcid]["date"]),
                     normal_symbol(meta[rcid]["unres"]), meta[rcid]["descr"],
                     frozenset(k for k in ISSUES if meta[rcid][k] == "1"))
        for rcid in rcids)
    blocs: dict[str, set[str]] = {b: set() for b in BLOCS_SHIPPED}
    with (FOLDER / "blocs_2014.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            blocs[r["bloc"]].add(r["iso3"])
    return Record(tuple(r[0] for r in rows[1:]), roll_calls,
                  np.array([r[1:] for r in rows[1:]], dtype="<U1"),
                  {b: frozenset(m) for b, m in blocs.items()},
                  {rc.symbol: j for j, rc in enumerate(roll_calls)})
