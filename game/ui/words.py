"""What screens say: HTML for pygame_gui text boxes, built from the session (no pygame).

Ballot words and colours, group and bloc names and the sides' words come from
``game.vocabulary`` (the one vocabulary the CLI and the rules use too).
"""
from __future__ import annotations

import os
from html import escape

from ..i18n import N_, _, ngettext
from ..vocabulary import BALLOT_CODES, BALLOT_STYLES, ballot_word, group_name, side_word
from . import style
from .controller import Game
from .movelog import with_effect
from .preview import one_line

MUTED, ACCENT, GOLD, ERROR_HEX = "#9db6cc", "#7cc4f0", "#e8c25a", "#ff8a80"


def ink(ballot: str) -> str:
    """The hex colour a ballot's words are written in (the lighter shade of its tile)."""
    return BALLOT_STYLES[ballot].text


#: Past votes: ballot -> (symbol, colour); an en dash for absent (the vocabulary's ASCII '-'
#: is for terminals), a blank for a year before the delegation was a member.
PAST = {**{k: ("–" if k == "absent" else b.letter, b.text) for k, b in BALLOT_STYLES.items()},
        "nonmember": ("·", MUTED)}
def past_legend() -> str:
    """'Y in favour · N against · A abstention · – absent · blank: not yet a member'."""
    return " · ".join(f"{PAST[k][0]} {ballot_word(k)}" for k in BALLOT_CODES) \
        + " · " + _("blank: not yet a member")


#: Longest title, name or label shown in a list, a heading or a window caption.
TITLE_LIMIT = 90
#: Longest summary or description shown in full in a text box.
TEXT_LIMIT = 1200


def clip(text: str, limit: int = TITLE_LIMIT) -> str:
    """``text`` on one line and at most ``limit`` characters, ending in an ellipsis if cut."""
    one = one_line(text)
    return one if len(one) <= limit else one[:limit - 1].rstrip() + "…"


def adopted_word(game: Game, motion) -> str:
    """The body's own verb for success: 'approved' in the Third Committee, else 'adopted'."""
    return game.session.body(motion.body).adopted_word


def rule_short(rule) -> str:
    """A Rule's description without the parenthesis about abstentions (for tight spaces)."""
    return rule.describe(abstentions=False)


def path_html(path) -> str:
    """A file's path for a text box: the folder, then the file name on its own line, so that a
    long path wraps between the two and never with a hyphen inside a name (a path copied
    from the screen must be the real one)."""
    from pathlib import Path
    path = Path(path)
    return f"{escape(str(path.parent))}{escape(os.sep)}<br>{escape(path.name)}"


def c(colour: str, words: str) -> str:
    """HTML ``words`` in a colour (pygame_gui's font tag)."""
    return f"<font color='{colour}'>{words}</font>"


def h(words: str, size: int = 20) -> str:
    """HTML ``words`` as a bold heading of ``size`` pixels."""
    return f"<font pixel_size={style.font_px(size)}><b>{words}</b></font>"


def pct(p: float) -> str:
    """A probability as a whole percentage: '45%'."""
    return f"{100 * p:.0f}%"


def probs_line(p: tuple[float, ...]) -> str:
    """'in favour 45% · against 20% · abstention 30% · absent 5%' in the ballot colours."""
    return " · ".join(c(ink(k), f"{ballot_word(k)} {pct(x)}")
                      for k, x in zip(BALLOT_CODES, p, strict=True))


def member_facts(game: Game, iso: str) -> list[str]:
    """Regional group, blocs (full names), ICC, Council and HRC seats, ideal points, past votes."""
    m = game.member(iso)
    facts = [group_name(m.regional_group)]
    facts.append(", ".join(group_name(b) for b in m.blocs) if m.blocs else _("no bloc"))
    facts.append(_("ICC state party") if m.icc_state_party else _("not an ICC state party"))
    if m.hrc_member:
        facts.append(_("Human Rights Council member"))
    if m.sc_seat:
        facts.append(_(SEATS[m.sc_seat]))
    hr = "" if m.hr_ideal_point is None else (
        " · " + c(MUTED, _("on human rights")) + f" {m.hr_ideal_point:+.2f}")
    lines = [" · ".join(escape(f) for f in facts),
             c(MUTED, _("Ideal point")) + f" {m.ideal_point:+.2f}{hr} "
             + c(MUTED, _("(higher = votes more like the US; F1)"))]
    if m.past_votes:
        past = " ".join(f"{y[2:]}&nbsp;" + (c(PAST[v][1], PAST[v][0]) if v != "nonmember"
                                            else "&nbsp;&nbsp;")
                        for y, v in sorted(m.past_votes.items()))
        lines.append(c(MUTED, _("Past votes on this resolution")) + f" {past}")
        lines.append(c(MUTED, past_legend()))
    return lines


#: A Council seat -> its words in a dossier.
SEATS = {"P5": N_("permanent member of the Security Council (P5)"),
         "E10": N_("elected Security Council member (E10)")}
#: The leaning of a delegation by its most likely ballot (as its tile on the whip count).
LEANINGS = (N_("leans in favour"), N_("leans against"), N_("leans to abstain"),
            N_("is likely absent"))


def leaning(game: Game, support: float,
            probs: tuple[float, ...] | None = None) -> tuple[str, str]:
    """('leans in favour' | 'leans against' | 'leans to abstain' | 'is likely absent',
    colour): by the most likely of the four ballots when ``probs`` (yes, no, abstain, absent)
    are given, as the whip count's tile shows it; else read from the latent support against
    the model's cut-offs (the ordered logit's cutpoints)."""
    if probs is not None:
        k = max(range(4), key=lambda j: probs[j])
        return _(LEANINGS[k]), ink(BALLOT_CODES[k])
    low, high = game.session.cutpoints
    if support >= high:
        return _(LEANINGS[0]), ink("yes")
    if support <= low:
        return _(LEANINGS[1]), ink("no")
    return _(LEANINGS[2]), ink("abstain")


def moves_line(game: Game, iso: str) -> str:
    """Who lobbied this delegation, with which argument, how often."""
    labels = {a.id: a.label for a in game.scenario.spec.arguments}
    parts = []
    for (side, scope, target, arg), times in game.state.moves:
        if scope == "member" and target == iso:
            who = _("You") if side == game.side else game.side_name(side)
            parts.append(_("{who}: {argument} ×{times}").format(
                who=who, argument=escape(labels.get(arg, arg)), times=times))
    return " · ".join(parts) or _("not lobbied yet")


def dossier(game: Game, iso: str | None, motion_id: str) -> str:
    """The dossier of one delegation: facts, forecast on a motion, and why."""
    if iso is None:
        return (h(_("Dossier"), 18) + "<br>" + c(MUTED, _(
            "Click a delegation on the whip count (or use the arrow keys) to read its dossier "
            "and lobby it.")))
    m = game.member(iso)
    side = game.side_of(iso)
    status = side_word(side) if side else ""
    if game.is_cosponsor(iso):
        status = _("co-sponsor")
    elif iso in game.state.declined:
        status = _("declined to co-sponsor")
    head = h(escape(m.name), 20) + "  " + c(MUTED, iso) + (f"  {c(GOLD, status)}" if status else "")
    lines = [head]
    probs = game.probabilities(motion_id).get(iso)
    motion = game.motion(motion_id)
    if probs:
        lines.append(probs_line(probs))
    else:
        lines.append(c(MUTED, _("Does not vote on {symbol}.").format(
            symbol=escape(motion.symbol))))
    lines += why_lines(game, motion_id, iso)
    # TRANSLATORS: before the list of who lobbied a delegation ("You: Evidence ×2")
    lines.append(c(MUTED, _("Lobbied:")) + f" {moves_line(game, iso)}")
    lines += member_facts(game, iso)
    return "<br>".join(lines)


def mine_first(game: Game, label: str) -> str:
    """A reason as the player reads it: the model names lobbying from the sponsors' chair
    ("your lobbying", "the opposition's lobbying"); an opposition player sees it turned round."""
    if game.side != "opposition":
        return label
    yours, theirs = _("your lobbying"), _("the opposition's lobbying")
    if label.startswith(yours):
        return _("the sponsors' lobbying") + label.removeprefix(yours)
    if label.startswith(theirs):
        return yours + label.removeprefix(theirs)
    return label


def why_lines(game: Game, motion_id: str, iso: str, n: int = 4) -> list[str]:
    """How the delegation leans, in words, and the ``n`` biggest reasons for and against."""
    why = game.explanation(motion_id, iso)
    if not why:
        return []
    total = sum(v for __, v in why)
    lean, col = leaning(game, total, game.probabilities(motion_id).get(iso))
    high = game.session.cutpoints[1]
    lines = ["<b>" + _("Why it {leans}").format(leans=c(col, lean)) + "</b> "
             + c(MUTED, _("(support {total}; in favour above {high})").format(
                 total=f"{total:+.2f}", high=f"{high:+.1f}"))]
    for label, value in sorted(why, key=lambda t: -abs(t[1]))[:n]:
        label = mine_first(game, label.removeprefix("text, "))
        # two lines of the panel at most (the facts' words are written to fit in 72)
        label = label if len(label) <= 72 else label[:70].rstrip() + "…"
        way = (c(ink("yes"), _("for {value}").format(value=f"{value:+.2f}")) if value >= 0
               else c(ink("no"), _("against {value}").format(value=f"{value:+.2f}")))
        lines.append(f"&nbsp;&nbsp;{way}&nbsp; {escape(label)}")
    return lines


def events(game: Game, n: int = 12) -> str:
    """The latest events, newest first (the player's side called "You")."""
    items = [game.you(e) for e in list(game.state.events)[-n:][::-1]]
    return "<br>".join(("• " if k else "<b>• ") + escape(e) + ("" if k else "</b>")
                       for k, e in enumerate(items)) or c(MUTED, _("Nothing has happened yet."))


def points(n: int) -> str:
    """'1 point', 'n points'."""
    return ngettext("{n} point", "{n} points", n).format(n=n)


def objectives_html(objectives) -> str:
    """'What you are scored on': each objective and its points (empty if there are none)."""
    if not objectives:
        return ""
    total = sum(o.points for o in objectives)
    lines = [c(ACCENT, "<b>" + _("What you are scored on") + "</b>") + " "
             + _("({points} in all)").format(points=points(total))]
    lines += [f"• {escape(o.label)} {c(MUTED, '(' + points(o.points) + ')')}" for o in objectives]
    return "<br>".join(lines)


def score_html(game: Game) -> str:
    """The debrief's score: each objective met or not, why, and the points (empty if none)."""
    results, won, possible = game.session.score()
    if not results:
        return ""
    motions = {m.id for m in game.scenario.spec.motions}
    lines = [h(_("Your score: {won} of {possible} points").format(won=won, possible=possible),
               20)]
    for r in results:
        mark = (c(ink("yes"), "<b>" + _("met") + "</b>") if r.met
                else c(ink("no"), "<b>" + _("not met") + "</b>"))
        detail = r.detail
        if detail.startswith("adopted") and r.objective.motion in motions:
            word = adopted_word(game, game.motion(r.objective.motion))
            detail = word + detail.removeprefix("adopted")     # "approved" in a committee
        lines.append(f"{mark} {escape(r.objective.label)} "
                     f"{c(MUTED, '(' + points(r.objective.points) + '): ' + escape(detail))}")
    return "<br>".join(lines)


def move_log(game: Game, last: int = 60) -> str:
    """The move log, newest turn first: the player's move and what it did on its own, then
    each reply of the opponent and what it did (``Game.turns``)."""
    turns = game.turns(last)
    out = [h(_("Move log"), 18) + "  " + c(MUTED, _(
        "newest first · L: the dossier · PageUp/PageDown or the wheel scroll"))]
    if not turns:
        out.append(c(MUTED, _("No move yet. Each move you make is listed here with what it did "
                              "on its own, then what the other side's reply did.")))
    for turn in turns:
        lines = []
        for k, (entry, (head, rest)) in enumerate(zip(turn, game.turn_parts(turn),
                                                      strict=True)):
            colour = ACCENT if entry.mine else GOLD
            text = with_effect(c(colour, f"<b>{escape(head)}</b>"), escape(rest))
            lines.append(("" if k == 0 else "&nbsp;&nbsp;&nbsp;") + text)
            for more in entry.more[:4]:
                lines.append("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;" + c(MUTED, escape(more)))
        out.append("<br>".join(lines))
    return "<br><br>".join(out)
