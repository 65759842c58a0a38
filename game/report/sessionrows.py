"""The page's tables of sessions: one row per game with its votes in columns (one per motion
of the case), then the decisions that moved the most votes in each."""
from __future__ import annotations

from html import escape

from .classview import CaseView
from .sessions import SessionSummary, VoteRow


def outcome_badge(outcome: str) -> str:
    """An outcome as a coloured word (adopted green, rejected or vetoed red, else grey)."""
    cls = outcome if outcome in ("adopted", "rejected", "vetoed") else "other"
    return f'<span class="badge {cls}">{escape(outcome.replace("_", " "))}</span>'


def tally_words(v: VoteRow) -> str:
    """"116-20-53" (in favour, against, abstaining), or "" when no vote was held."""
    return f"{v.yes}-{v.no}-{v.abstain}" if v.held else ""


def vote_cell(v: VoteRow | None) -> str:
    """A vote's outcome and tally in one cell; a dash where the game did not reach it."""
    if v is None:
        return '<td class="small">—</td>'
    return f"<td class=nw>{outcome_badge(v.outcome)}<br>{tally_words(v)}</td>"


def status_words(s: SessionSummary) -> str:
    """Nothing for a complete game; else the mark and why (where the replay stopped)."""
    if s.status == "complete":
        return ""
    why = s.damage or "the file ends before the game did"
    return (f'<br><span class="badge other">{s.status}</span><br>'
            f'<span class="small">{escape(why)}</span>')


def played_words(s: SessionSummary) -> str:
    """"sponsors, against the greedy bot" and the number of decisions."""
    side = "both sides" if s.side == "both" else s.side
    against = f", against the {s.opponent} bot" if s.opponent else ""
    whatif = (f'<br><span class="small">what if: the first {s.branched[1]} decisions of '
              f'{escape(s.branched[0])}</span>' if s.branched else "")
    return (f'{escape(side + against)}<br><span class="small">{s.decisions} decisions</span>'
            + whatif)


def session_row(s: SessionSummary, motions: list[str]) -> str:
    """One session: its name and status, side, each vote, points, capital, the text."""
    text = "<br>".join(f"{escape(p.name)} {escape(p.fate)}" for p in s.text) or "—"
    scored = " (sponsors)" if s.side == "both" else ""
    return (f'<tr class="session"><td><b>{escape(s.name)}</b>{status_words(s)}</td>'
            f"<td>{played_words(s)}</td>" + "".join(vote_cell(s.vote(m)) for m in motions)
            + f'<td class="n">{s.points} of {s.possible}{scored}</td>'
            f'<td class="n">{s.capital_spent}</td><td class=nw>{text}</td></tr>')


def moves_row(s: SessionSummary) -> str:
    """One session's decisions that gained its side the most votes on their own."""
    moves = "<br>".join(f"#{m.n} {escape(m.words)}: <b>{m.gain:+.1f}</b> votes"
                        for m in s.top_moves) or "none gained a vote"
    return f"<tr><td><b>{escape(s.name)}</b></td><td>{moves}</td></tr>"


def sessions_section(case: CaseView) -> str:
    """Every session of the case: the votes table, then the moves table."""
    sides = "; ".join(f"{escape(side)}: {escape(name)}" for side, name in case.sides)
    motions = [sp.motion for sp in case.spreads]
    heads = "".join(f"<th>{escape(sp.symbol)}</th>" for sp in case.spreads)
    rows = "".join(session_row(s, motions) for s in case.sessions)
    moves = "".join(moves_row(s) for s in case.sessions)
    return ("<h3>Session by session</h3><p class=how>Each game as replayed from its file "
            "(every decision checked against its recorded digest; a damaged or unfinished "
            "file as far as it replays): the side played (" + sides + "), each recorded "
            "vote (in favour-against-abstaining), the points of the side played, the "
            "diplomatic capital it spent and what became of the paragraphs in play.</p>"
            f"<table><tr><th>Session</th><th>Played</th>{heads}<th>Points</th>"
            f"<th>Capital spent</th><th>Text</th></tr>{rows}</table>"
            "<p class=how>The three decisions of each session's players that gained their "
            "side the most votes on their own (decision numbers as in the file):</p>"
            f"<table><tr><th>Session</th><th>Moves that moved the most votes</th></tr>{moves}"
            "</table>")
