"""Write ``votes.csv`` (one row per member, one column per roll call) from the long file
``votes_s59_69.csv`` of the shared package (see SOURCES.md), run from this folder.

    python widen.py PATH/TO/votes_s59_69.csv

Cells: ``y`` yes, ``n`` no, ``a`` abstain, ``x`` absent (a member that cast no vote),
``-`` nonmember. Columns are Voeten's rcids in ascending order; rows are ISO alpha-3 codes in
alphabetical order. Nothing is dropped or changed: the file holds the same 153,821 cells.
"""
import csv
import sys

CODE = {"yes": "y", "no": "n", "abstain": "a", "absent": "x", "nonmember": "-"}


def main(path: str) -> None:
    """Read the long file at ``path``; write votes.csv in the working folder."""
    cells: dict[str, dict[int, str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cells.setdefault(row["iso3"], {})[int(row["rcid"])] = CODE[row["vote"]]
    rcids = sorted({r for votes in cells.values() for r in votes})
    with open("votes.csv", "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["iso3", *rcids])
        for iso in sorted(cells):
            w.writerow([iso, *(cells[iso][r] for r in rcids)])


if __name__ == "__main__":
    main(sys.argv[1])
