"""Member States shipped with the game, and a scenario's overrides of them."""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from .models import Member, Members

#: Columns of game/data/un_2014/members.csv that hold blocs (sources: SOURCES.md beside it).
_BLOC_COLUMNS = {"EU": "eu_member", "OIC": "oic_member", "NAM": "nam_member",
                 "AU": "au_member", "ASEAN": "asean"}
_PAST_YEARS = range(2005, 2012)


def _member_from_row(row: dict[str, str]) -> Member:
    """One CSV row of the shipped data -> Member.

    ``ideal_point`` is session 68 (2013) and ``hr_ideal_point`` likewise: the 2014 human-rights
    estimate partly encodes the vote being predicted (SOURCES.md, "Circularity").
    """
    hr = row["hr_ideal_point_2013"]
    return Member(
        iso3=row["iso3"], name=row["name"],
        regional_group=row["un_regional_group"] or None,
        blocs=[b for b, col in _BLOC_COLUMNS.items() if row[col] == "1"],
        icc_state_party=row["icc_state_party_2014"] == "1",
        hrc_member=row["hrc_member_2014"] == "1",
        sc_seat=row["sc_member_2014"] or None,
        ideal_point=float(row["ideal_point_2013"]),
        hr_ideal_point=float(hr) if hr else None,
        past_votes={str(y): row[f"dprk_hr_{y}"] for y in _PAST_YEARS},
    )


@cache
def shipped(dataset: str) -> tuple[Member, ...]:
    """The Member States of a shipped data set, in file order.

    Raises KeyError for an unknown data set name.
    """
    if dataset != "un_2014":
        raise KeyError(dataset)
    path = Path(__file__).resolve().parents[1] / "data" / "un_2014" / "members.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(_member_from_row(r) for r in csv.DictReader(fh))


def resolve(spec: Members) -> tuple[Member, ...]:
    """Apply a scenario's ``members`` section: shipped data, then overrides, removals, additions.

    Unknown ISO codes are caught earlier by validation; here they are simply skipped.
    """
    base = {m.iso3: m for m in shipped(spec.from_)} if spec.from_ else {}
    if spec.past_votes is None:
        # The shipped past votes belong to one resolution; a case must ask for them by name.
        base = {iso: m.model_copy(update={"past_votes": {}}) for iso, m in base.items()}
    for iso in spec.remove:
        base.pop(iso, None)
    for iso, ov in spec.overrides.items():
        if iso not in base:
            continue
        changes = ov.model_dump(exclude_none=True)
        if changes.get("sc_seat") == "none":
            changes["sc_seat"] = None
        base[iso] = base[iso].model_copy(update=changes)
    for m in spec.add:
        base[m.iso3] = m
    return tuple(sorted(base.values(), key=lambda m: m.iso3))
