"""``index.html``: the class report as one page that opens offline in any browser.

Everything is inside the page: the style sheet, the charts (inline SVG from ``charts``), the
tables. It names no URL, loads no script or font, and names sessions only by the names the
report was given (never a path, an account or a host). Every text from a file or a case is
escaped. The same report gives the same bytes (no clock is read).
"""
from __future__ import annotations

import statistics
from collections import Counter
from html import escape

from ..vocabulary import BALLOT_STYLES
from . import charts
from .classview import CaseView, ClassReport, Flip, Spread, Worked
from .sessionrows import sessions_section

#: Rows of the ranked tables and charts.
SHOWN = 15
#: Rows per side in the tables of moves and of targets.
PER_SIDE = 8

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 margin:0;color:#1d232b;background:#f6f7f9;line-height:1.45}
main{max-width:1220px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:30px;margin:0 0 4px}h2{font-size:24px;margin:36px 0 6px;padding-top:14px;
 border-top:3px solid #2f6db5}h3{font-size:19px;margin:26px 0 4px}
p.lead{font-size:16px;color:#3b4654;max-width:980px}p.how{color:#4a5563;max-width:980px;
 margin:2px 0 10px}.grid{display:grid;grid-template-columns:1fr 1fr;gap:14px}
figure{margin:0;background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:8px}
figcaption{font-size:13px;color:#3b4654;padding:4px 6px}svg.chart{width:100%;height:auto}
table{border-collapse:collapse;background:#fff;font-size:13px;width:100%;margin:6px 0}
th,td{border:1px solid #dde1e6;padding:4px 7px;text-align:left;vertical-align:top}
th{background:#eef1f5}td.n{text-align:right;white-space:nowrap}
.badge{display:inline-block;border-radius:3px;padding:0 5px;margin:1px 0;color:#fff;
 font-size:12px}.adopted{background:#3daa6b}.rejected,.vetoed{background:#d65050}
.other{background:#6c7d8e}.warn{background:#fff4d6;border:1px solid #e0a630;
 border-radius:4px;padding:6px 10px}.sw{display:inline-block;width:10px;height:10px;
 border-radius:2px;margin-right:4px}.small{font-size:12px;color:#56606c}
.nw{white-space:nowrap}
"""


def spread_caption(s: Spread, year: int) -> str:
    """What a tally chart shows, in words: the motion, the record, the class."""
    real = (f"{escape(s.record_outcome or '')} {s.record.yes}-{s.record.no}-{s.record.abstain}"
            if s.record else escape(s.record_outcome or "no recorded vote"))
    held = [t for _, t in s.tallies]
    median = (f"; median tally {statistics.median(t.yes for t in held):g}-"
              f"{statistics.median(t.no for t in held):g}-"
              f"{statistics.median(t.abstain for t in held):g}") if held else ""
    return (f"<b>{escape(s.title)}</b><br>In {year}: {real}.<br>The class: adopted in "
            f"<b>{s.adopted} of {s.reached}</b> games that reached it, voted in "
            f"{len(held)}{median}.")


def votes_section(case: CaseView) -> str:
    """Each motion's tally over the class beside the record, chart by chart."""
    figures = [f'<figure>{charts.tally_chart(s, f"{case.scenario}-v{i}")}'
               f"<figcaption>{spread_caption(s, case.year)}</figcaption></figure>"
               for i, s in enumerate(case.spreads) if s.tallies or s.record]
    return ("<h3>The votes: the class beside the record</h3><p class=how>Each dot is one "
            "game's tally (dots stack where games agree): votes in favour, against and "
            f"abstentions. The black diamond is the real vote of {case.year}. Dots to the "
            "right of the diamond on the first row mean more votes in favour than the real "
            "delegations cast.</p>" + f'<div class="grid">{"".join(figures)}</div>')


def flips_section(case: CaseView) -> str:
    """The delegations the class most often flipped: a chart and a table."""
    how = ("<h3>The delegations the class flipped</h3><p class=how>A delegation is "
           "<b>flipped</b> in a game when its ballot there differs from its ballot in the "
           "real roll call of the same vote (in favour, against, abstaining or absent). Only "
           "votes whose roll call the case records count. Some flips come from the model's "
           "uncertainty, not from lobbying: a delegation close to the line can land either "
           "way.</p>")
    if not case.flips:
        return how + "<p>No delegation voted otherwise than in the record.</p>"
    top = list(case.flips[:SHOWN])
    per_vote = Counter(f.symbol for f in case.flips)
    count = (f"<p>{len(case.flips)} ballots of delegations were flipped in at least one game ("
             + ", ".join(f"{escape(sym)}: {n}" for sym, n in per_vote.most_common()) + "). "
             + (f"The chart shows the {SHOWN} flipped in the largest share of games (ties in "
                "alphabetical order); the table below it lists them all."
                if len(case.flips) > SHOWN else "") + "</p>")

    def row(f: Flip) -> str:
        return (f"<tr><td>{escape(f.name)}</td><td>{escape(f.symbol)}</td>"
                f"<td>{escape(BALLOT_STYLES[f.recorded].word)}</td>"
                f'<td class="n">{f.flipped} of {f.held}</td><td>'
                + ", ".join(f"{escape(BALLOT_STYLES[b].word)} ({n})" for b, n in f.instead)
                + "</td></tr>")
    table = ("<table><tr><th>Delegation</th><th>Vote</th><th>In the record</th>"
             "<th>Flipped in</th><th>Voted instead (games)</th></tr>"
             + "".join(row(f) for f in case.flips) + "</table>")
    if len(case.flips) > SHOWN:
        table = (f"<details><summary>All {len(case.flips)} flipped ballots</summary>{table}"
                 "</details>")
    chart = charts.flips_chart(top, f"{case.scenario}-flips")
    return how + count + f"<figure>{chart}</figure>{table}"


def worked_table(rows: list[Worked], what: str, side_name: str) -> str:
    """One side's moves or targets: label, uses, mean and total gain."""
    body = "".join(f"<tr><td>{escape(w.label)}</td><td class=n>{w.n}</td>"
                   f"<td class=n>{w.mean_gain:+.2f}</td><td class=n>{w.total_gain:+.1f}</td>"
                   "</tr>" for w in rows) or "<tr><td colspan=4>no move</td></tr>"
    return (f"<table><tr><th>{escape(side_name)}: {what}</th><th>Uses</th><th>Mean votes"
            f"</th><th>Total</th></tr>{body}</table>")


def worked_section(case: CaseView) -> str:
    """The kinds of move and the targets that gained their side the most votes."""
    names = dict(case.sides)
    how = ("<h3>The moves that worked best</h3><p class=how>For every move of either side "
           "(lobbying, addressing a group, revising the text, the floor's tactics...), the "
           "change it made on its own, before any reply, in the expected votes in favour of "
           "the motion being lobbied on, counted for the side that made it: +2 means two "
           "votes more for what that side wants. A move repeated on the same delegation "
           "yields less each time, so a high mean over few uses is less sure than over many."
           " Moves of the bots count too.</p>")
    kinds = list(case.kinds[:SHOWN])
    if not kinds:
        return how + "<p>No move was made.</p>"
    chart = charts.worked_chart(kinds, names, case.scenario + "-moves")

    def per_side(rows: tuple[Worked, ...], what: str) -> str:
        return "".join("<div>" + worked_table([w for w in rows if w.side == side][:PER_SIDE],
                                              what, name) + "</div>"
                       for side, name in case.sides)

    return (how + f"<figure>{chart}</figure><div class=grid>"
            f"{per_side(case.kinds, 'kind of move')}</div><p class=how>Whom the moves aimed "
            f"at, best first:</p><div class=grid>{per_side(case.targets, 'target')}</div>")


def case_section(case: CaseView) -> str:
    """Everything the page shows of one case."""
    n = len(case.sessions)
    marked = sum(1 for s in case.sessions if s.status != "complete")
    note = f" ({marked} damaged or unfinished, marked below)" if marked else ""
    return (f'<section id="{escape(case.scenario)}"><h2>{escape(case.title)}</h2>'
            f"<p class=lead>{n} session"
            f"{'s' if n != 1 else ''} of this case{note}.</p>" + votes_section(case)
            + flips_section(case) + worked_section(case) + sessions_section(case)
            + "</section>")


def contents(report: ClassReport) -> str:
    """The cases, each a link to its part of the page, and what each part shows."""
    cases = "".join(f'<li><a href="#{escape(c.scenario)}">{escape(c.title)}</a> '
                    f"({len(c.sessions)} session{'s' if len(c.sessions) != 1 else ''})</li>"
                    for c in report.cases)
    return (f"<ul>{cases}</ul><p class=how>For each case: the votes of the class beside the "
            "real ones; the delegations the class flipped; the moves that worked best; then "
            "every session, its votes, points and best moves.</p>")


def render(report: ClassReport) -> str:
    """The whole page."""
    n, k = len(report.sessions), len(report.skipped)
    cases = len(report.cases)
    left = ""
    if report.skipped:
        items = "".join(f"<li><b>{escape(s.name)}</b>: {escape(s.reason)}</li>"
                        for s in report.skipped)
        left = (f'<h2>Files left out</h2><div class="warn"><p>{k} file(s) could not be '
                f"replayed at all:</p><ul>{items}</ul></div>")
    summary = (f"{n} session{'s' if n != 1 else ''} of {cases} case{'s' if cases != 1 else ''}"
               + (f"; {k} file(s) left out (listed at the end)" if k else "") + ".")
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content=\"width=device-width,initial-scale=1\">"
            f"<title>Plenary: class report</title><style>{CSS}</style></head><body><main>"
            f"<h1>Class report</h1><p class=lead>{summary} Every game was replayed from its "
            "session file on this computer and set beside the real record of the case. "
            "Sessions are named as the teacher named them (by default, the file's name); "
            "nothing here was sent anywhere.</p>" + contents(report)
            + "".join(case_section(c) for c in report.cases) + left
            + "</main></body></html>\n")
