"""Member facts a scenario declares (``members.facts``), computed from the shipped record of
General Assembly votes (game/scenario/unvotes.py; sources in game/data/unvotes/SOURCES.md).

- ``record``: a member's (recency-weighted) mean ballot, yes 1 / abstain 0 / no -1, over the
  listed roll calls it voted on; NaN if it cast none.
- ``ideal_point``: the first principal component of the members x roll calls matrix of the
  given sessions (roll calls dated before ``before``, the ``exclude`` list left out). A missing
  ballot (absent, nonmember) takes the roll call's mean, so it pulls towards the centre; the
  scores are scaled to mean 0, standard deviation 1 over the members, and the sign is fixed so
  that ``anchor`` (the United States by default) scores positive. This is the classical
  "first dimension" of UN voting (cf. Voeten 2000); it is estimated here, never read from the
  vote being predicted.
- ``bloc``: 1 for the members of ALBA or the Like-Minded Group in the shipped lists, else 0.

Missing values (a member not in the shipped data, or a record with no ballot cast) are filled
by a least-squares line on the built-in ``ideal_point`` (documented, never a silent zero).
"""
from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from pydantic import TypeAdapter

from ..i18n import N_, _, language
from ..scenario.model_block import AttendanceRecord, BlocFact, Fact, IdealPointFact, RecordFact
from ..scenario.unvotes import CELL_BALLOT, Record, record
from .wording import agreement_words, record_words


@dataclass(frozen=True)
class Column:
    """One computed fact: values (n_members,) (NaN where unknown) and what each member did,
    in words, for the explanations (``words[i]`` or ``""``)."""

    values: np.ndarray
    words: tuple[str, ...]


def record_columns(rec: Record, fact: RecordFact, before: datetime.date | None = None) -> list[int]:
    """Columns of ``fact.resolutions`` in the shipped data, oldest first, dated before
    ``before`` if given. Raises KeyError naming a symbol that is not a recorded vote."""
    cols = sorted((rec.column(s) for s in fact.resolutions), key=lambda j: rec.roll_calls[j].date)
    return [j for j in cols if before is None or rec.roll_calls[j].date < before]


def record_values(rec: Record, cols: list[int], decay: float) -> np.ndarray:
    """Recency-weighted mean ballot per member, (n_rows,); NaN where no ballot was cast."""
    if not cols:
        return np.full(len(rec.iso), np.nan)
    years = np.array([rec.roll_calls[j].date.year for j in cols])
    w = decay ** (years.max() - years)                        # (n_cols,)
    v = rec.values(cols)                                      # (n_rows, n_cols)
    cast = ~np.isnan(v)
    total = (cast * w).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (np.nan_to_num(v) * w).sum(axis=1) / total, np.nan)


def ideal_columns(rec: Record, fact: IdealPointFact) -> list[int]:
    """Columns the ideal point is estimated from (sessions, dated before, not excluded)."""
    out = {rec.column(s) for s in fact.exclude}
    return [j for j, rc in enumerate(rec.roll_calls)
            if rc.session in fact.sessions and j not in out
            and (fact.before is None or rc.date < fact.before)]


def ideal_values(rec: Record, cols: list[int], anchor: str) -> np.ndarray:
    """First principal component of the roll calls ``cols``, (n_rows,), mean 0, sd 1, anchor > 0.

    Raises ValueError with fewer than two roll calls.
    """
    if len(cols) < 2:
        raise ValueError("an ideal point needs at least two roll calls")
    v = rec.values(cols)                                      # (n_rows, n_cols)
    mean = np.nanmean(np.where(np.isnan(v).all(axis=0), 0.0, v), axis=0)
    centred = np.where(np.isnan(v), mean, v) - mean
    # the leading eigenvector of the (n_cols, n_cols) cross-product is the first principal
    # axis; projecting on it gives the scores (cheaper than an SVD of the whole matrix)
    _values, vectors = np.linalg.eigh(centred.T @ centred)
    score = centred @ vectors[:, -1]
    score = (score - score.mean()) / (score.std() or 1.0)
    if anchor in rec.iso and score[rec.iso.index(anchor)] < 0:
        score = -score
    return score


def _agreement_words(rec: Record, cols: list[int], anchor: str, span: str) -> tuple[str, ...]:
    """'votes as {anchor} does 8 times in 10 (...)' per member, from the same roll calls
    (``{anchor}`` is left for the caller to fill with the anchor's name)."""
    if anchor not in rec.iso:
        return ("",) * len(rec.iso)
    cells = rec.cells[:, cols]
    ref = cells[rec.iso.index(anchor)]
    cast = np.isin(cells, ("y", "n", "a")) & np.isin(ref, ("y", "n", "a"))[None, :]
    same = ((cells == ref[None, :]) & cast).sum(axis=1)
    n = cast.sum(axis=1)
    return tuple("" if code == anchor or n[i] == 0 else
                 agreement_words(int(same[i]), int(n[i]), "{anchor}", span)
                 for i, code in enumerate(rec.iso))


def _record_words(rec: Record, cols: list[int], label: str) -> tuple[str, ...]:
    """'voted against the resolutions on X 2008-2011' per member: its ballots in runs."""
    years = [rec.roll_calls[j].date.year for j in cols]
    return tuple(record_words([(y, CELL_BALLOT[str(c)]) for y, c in zip(years, row, strict=True)],
                              label)
                 for row in rec.cells[:, cols])


def column(fact: Fact, rec: Record) -> Column:
    """One fact over the shipped data's rows (``rec.iso``). Raises KeyError for a symbol that
    is not a recorded vote, ValueError for an ideal point with too few roll calls.

    Computed once per distinct fact and language (the shipped data never change while the
    game runs; the words are in the language in use)."""
    return _column(fact.model_dump_json(), rec, language())


@cache
def _column(key: str, rec: Record, lang: str) -> Column:
    fact: Fact = TypeAdapter(Fact).validate_json(key)
    if isinstance(fact, RecordFact):
        cols = record_columns(rec, fact)
        return Column(record_values(rec, cols, fact.decay), _record_words(rec, cols, fact.label))
    if isinstance(fact, IdealPointFact):
        cols = ideal_columns(rec, fact)
        years = sorted({rec.roll_calls[j].date.year for j in cols})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
        return Column(ideal_values(rec, cols, fact.anchor),
                      _agreement_words(rec, cols, fact.anchor, span))
    assert isinstance(fact, BlocFact)
    members = rec.blocs[fact.bloc]
    inside, outside = BLOC_WORDS[fact.bloc]
    return Column(np.array([float(c in members) for c in rec.iso]),
                  tuple(_(inside) if c in members else _(outside) for c in rec.iso))


#: A bloc of the shipped data -> (words for a member, for a state outside it).
BLOC_WORDS = {"ALBA": (N_("member of ALBA"), N_("not in ALBA")),
              "LMG": (N_("member of the Like-Minded Group"), N_("not in the Like-Minded Group"))}


def fact_matrix(iso: Sequence[str], facts: Mapping[str, Fact],
                fallback: np.ndarray) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """The declared facts for members ``iso``: values (n_members, n_facts) and words per fact.

    ``fallback`` (n_members,) is the regressor that fills missing values (a least-squares line).
    Raises KeyError or ValueError as :func:`column` does (validation reports them first).
    """
    rec = record()
    rows = {c: i for i, c in enumerate(rec.iso)}
    values = np.full((len(iso), len(facts)), np.nan)
    words: list[tuple[str, ...]] = []
    for k, fact in enumerate(facts.values()):
        col = column(fact, rec)
        values[:, k] = [col.values[rows[c]] if c in rows else np.nan for c in iso]
        values[:, k] = fill_linear(values[:, k], fallback)
        words.append(tuple(col.words[rows[c]] if c in rows else "" for c in iso))
    return values, words


def fact_words(iso: Sequence[str], facts: Mapping[str, Fact]) -> list[tuple[str, ...]]:
    """The words of ``fact_matrix`` alone, in the language in use."""
    rec = record()
    rows = {c: i for i, c in enumerate(rec.iso)}
    return [tuple(column(fact, rec).words[rows[c]] if c in rows else "" for c in iso)
            for fact in facts.values()]


def absence_counts(iso: Sequence[str], att: AttendanceRecord) -> np.ndarray:
    """Each member's absences and roll calls while a member, (n_members, 2), over the shipped
    plenary votes of ``att.sessions`` dated before ``att.before``; (0, 0) for a state the data
    do not list (the prior alone then decides)."""
    rec = record()
    rows = {c: i for i, c in enumerate(rec.iso)}
    cols = [j for j, rc in enumerate(rec.roll_calls)
            if rc.session in att.sessions and (att.before is None or rc.date < att.before)]
    cells = rec.cells[:, cols]                                       # (n_rows, n_cols)
    per_row = np.stack([(cells == "x").sum(axis=1), (cells != "-").sum(axis=1)], axis=1)
    out = np.zeros((len(iso), 2))
    for i, c in enumerate(iso):
        if c in rows:
            out[i] = per_row[rows[c]]
    return out


def fill_linear(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Replace NaNs in ``y`` by a least-squares line on ``x`` (0 if fewer than two are known);
    shapes (n,)."""
    known = ~np.isnan(y)
    if known.all():
        return y
    if known.sum() < 2:
        return np.where(known, y, 0.0)
    slope, icpt = np.polyfit(x[known], y[known], 1)
    return np.where(known, y, slope * x + icpt)
