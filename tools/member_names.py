"""Write ``game/data/un_2014/names_<lang>.csv``: the Member States' names in another language.

Source: the Unicode Common Locale Data Repository (CLDR), through Babel (its territory names
and its alpha-3 -> alpha-2 aliases); nothing is typed in by hand. CLDR gives today's common
short names (``Corée du Nord``, ``Royaume-Uni``), not the UN's formal short forms of 2014 that
the English table uses (``Democratic People's Republic of Korea``); SOURCES.md says which
ones name a state differently from 2014.

    python -m tools.member_names fr       # from the repository's folder (Babel installed)
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_global

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "game" / "data" / "un_2014" / "members.csv"


def names(lang: str) -> list[tuple[str, str]]:
    """(ISO3, name in ``lang``) for every Member State of the table, in its order.

    Raises KeyError naming a state CLDR has no name for (the table is then not written).
    """
    aliases = get_global("territory_aliases")
    territories = Locale(lang).territories
    with TABLE.open(encoding="utf-8", newline="") as f:
        codes = [row["iso3"] for row in csv.DictReader(f)]
    return [(iso3, territories[aliases[iso3][0]]) for iso3 in codes]


def main() -> None:
    """Write the table of the language given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lang")
    lang = parser.parse_args().lang
    out = TABLE.with_name(f"names_{lang}.csv")
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3", "name"])
        w.writerows(names(lang))
    print(f"wrote {out.relative_to(ROOT)} (CLDR via Babel {babel.__version__})")


if __name__ == "__main__":
    main()
