"""The report's charts, drawn with matplotlib as SVG to embed inline in the page.

No pyplot: each chart is its own ``Figure`` (no global figure state), drawn under an
``rc_context`` that writes text as text (the browser's fonts, smaller files) and a fixed hash
salt (the same data give the same bytes). The SVG is made fit to sit inside HTML: no XML
prolog or DOCTYPE (they name a URL), no namespace URLs (the HTML parser knows SVG), ids
prefixed per chart so that two charts never share one.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..vocabulary import BALLOT_STYLES
from .classview import Flip, Spread, Worked

#: rcParams for every chart: text as SVG text, a stable hash salt, a plain style.
STYLE: dict[Any, Any] = {"svg.fonttype": "none", "svg.hashsalt": "plenary-report", "font.size": 9,
         "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False,
         "axes.edgecolor": "#555555", "axes.titlesize": 10, "axes.titleweight": "bold"}
#: Matplotlib writes these metadata unless told not to (a date would change every run).
NO_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
#: The tally rows of a vote chart: (ballot code, label).
ROWS = (("yes", "In favour"), ("no", "Against"), ("abstain", "Abstaining"))
#: Colours of the two sides in the charts of moves (Okabe-Ito, as the ballots; not the
#: ballots' own blue and orange, so that a side is never read as a vote).
SIDE_COLOURS = {"sponsors": "#009e73", "opposition": "#cc79a7"}
RECORD_COLOUR = "#111111"
#: Dots stacked on one value of a tally before they overlap their row's neighbours.
STACK, STEP = 5, 0.11
WIDTH = 6.0                         # inches; the page shows two tally charts a row
WIDE = 11.0                         # the ranked charts take the page's width


def to_svg(fig: Figure, key: str) -> str:
    """``fig`` as an SVG element to put inside HTML, its ids prefixed with ``key``."""
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata=NO_METADATA, bbox_inches="tight")
    svg = out.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", svg, count=2)
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"',
                 r'<svg\1 role="img" class="chart"', svg, count=1)
    svg = re.sub(r'id="([^"]+)"', rf'id="{key}-\1"', svg)
    return re.sub(r'(xlink:href="#|url\(#)([^")]+)', rf"\1{key}-\2", svg)


def tally_chart(spread: Spread, key: str) -> str:
    """Every game's tally on one motion as dots (one per game, stacked where equal), row by
    row (in favour, against, abstaining), with the real tally as a black diamond."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(WIDTH, 2.1))
        ax = fig.subplots()
        top = 0
        for row, (code, _) in enumerate(ROWS):
            values = [getattr(t, code) for _, t in spread.tallies]
            seen: Counter[int] = Counter()
            xs, ys = [], []
            for v in sorted(values):
                xs.append(v)
                ys.append(row - (seen[v] % STACK) * STEP)
                seen[v] += 1
            ax.scatter(xs, ys, s=22, color=BALLOT_STYLES[code].tile, alpha=0.85,
                       edgecolors="white", linewidths=0.5, zorder=2)
            top = max([top, *values])
            if spread.record is not None:
                real = getattr(spread.record, code)
                top = max(top, real)
                ax.scatter([real], [row + 0.22], marker="D", s=36, color=RECORD_COLOUR,
                           zorder=3, label="the record" if row == 0 else None)
        size = max((t.yes + t.no + t.abstain + (t.absent or 0) for _, t in spread.tallies),
                   default=top)
        # a Council of 15 is shown whole; an Assembly of 193 from 0 to just past the largest
        # count, so that the dots of a close class do not sit in one pixel
        ax.set_xlim(-0.5, size + 0.5 if size <= 20 else top * 1.08 + 2)
        ax.set_ylim(len(ROWS) - 0.5, -0.75)
        ax.set_yticks(range(len(ROWS)), [label for _, label in ROWS])
        ax.set_xlabel("votes")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
        ax.set_title(f"{spread.symbol}", loc="left")
        if spread.record is not None:
            ax.legend(loc="lower right", frameon=False, fontsize=8, handletextpad=0.2)
        return to_svg(fig, key)


def flips_chart(flips: list[Flip], key: str) -> str:
    """The share of games in which each delegation voted otherwise than in the record, most
    often flipped at the top, bars coloured by what it voted instead most often."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(WIDE, 0.9 + 0.25 * len(flips)))
        ax = fig.subplots()
        labels = [f"{f.name}: {BALLOT_STYLES[f.recorded].word} in the record" for f in flips]
        shares = [100 * f.flipped / f.held for f in flips]
        colours = [BALLOT_STYLES[f.instead[0][0]].tile for f in flips]
        ax.barh(range(len(flips)), shares, color=colours, zorder=2)
        ax.set_yticks(range(len(flips)), labels)
        used = {f.instead[0][0] for f in flips}
        ax.legend(handles=[Patch(color=b.tile, label=f"mostly {b.word} instead")
                           for code, b in BALLOT_STYLES.items() if code in used],
                  loc="lower left", bbox_to_anchor=(0, 1), ncol=4, frameon=False, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("% of the games that held the vote")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
        return to_svg(fig, key)


def worked_chart(rows: list[Worked], side_names: dict[str, str], key: str) -> str:
    """The mean votes each kind of move gained its side on its own, best at the top,
    coloured by side."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(WIDE, 0.9 + 0.25 * len(rows)))
        ax = fig.subplots()
        ax.barh(range(len(rows)), [w.mean_gain for w in rows],
                color=[SIDE_COLOURS.get(w.side, "#777777") for w in rows], zorder=2)
        ax.set_yticks(range(len(rows)), [f"{w.label} (×{w.n})" for w in rows])
        ax.invert_yaxis()
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.set_xlabel("mean votes gained for the side, per use")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
        ax.legend(handles=[Patch(color=c, label=side_names.get(side, side))
                           for side, c in SIDE_COLOURS.items() if any(w.side == side
                                                                     for w in rows)],
                  loc="lower left", bbox_to_anchor=(0, 1), ncol=2, frameon=False, fontsize=8)
        return to_svg(fig, key)
