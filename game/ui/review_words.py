"""What the replay viewer says about one step (HTML for its text box, no pygame): the decision
and what it did on its own, the votes it brought on and their results, and the delegations
whose most probable ballot it changed, with the model's reasons (``Review.changes``)."""
from __future__ import annotations

from html import escape

from ..i18n import N_, _, ngettext, pgettext
from ..review import Review
from ..vocabulary import ballot_word
from .controller import Game
from .words import ACCENT, ERROR_HEX, GOLD, MUTED, adopted_word, c, h, ink, mine_first

#: Delegations listed by name per step (the rest are counted).
SHOWN = 12
OUTCOMES = {"adopted": N_("adopted"), "rejected": N_("rejected"), "vetoed": N_("vetoed"),
            "not_tabled": N_("not tabled"), "not_held": N_("not put to the vote"),
            "moot": N_("not put to the vote"), "no_action": N_("no action taken")}


def colon(label: str, text: str = "") -> str:
    """``label``, the colon that follows a label in the language in use, then ``text``
    ("Kenya: against"; in French a no-break space comes before the colon)."""
    # TRANSLATORS: what separates a label from its text ("Kenya: against"); French: " : "
    return label + pgettext("after a label", ": ") + text


def ballot(code: str) -> str:
    """A ballot's word in its colour ("in favour" in green)."""
    return c(ink(code), ballot_word(code))


def outcome_word(code: str) -> str:
    """An outcome code in words ("not_tabled" -> "not tabled"), whatever the body."""
    return _(OUTCOMES[code]) if code in OUTCOMES else code.replace("_", " ")


def outcome(game: Game, result) -> str:
    """'adopted 116-20-53 (4 absent)', the body's own verb ('approved' in a committee)."""
    word = (adopted_word(game, game.motion(result.motion)) if result.outcome == "adopted"
            else outcome_word(result.outcome))
    t = dict(result.tally)
    if not t:
        return word
    said = f"{word} {t['yes']}-{t['no']}-{t['abstain']}"
    if not t.get("absent"):
        return said
    return ngettext("{tally} ({n} absent)", "{tally} ({n} absent)",
                    t["absent"]).format(tally=said, n=t["absent"])


def step_list_item(review: Review, game: Game, step: int) -> str:
    """A step's line in the list of decisions ("12. You lobbied Kenya (…)"), numbered as
    the file numbers its decisions; step 0 is the start."""
    if step == 0:
        return "   0.  " + _("Before any decision")
    d = review.decision(step)
    what = game.describe(d, review.state(step - 1), detail=False)
    said = (_("You {what}").format(what=what) if d.side == game.side else
            _("{side} {what}").format(side=game.side_name(d.side), what=what))
    votes = " · " + _("vote") if any(r.ballots for r in review.held(step)) else ""
    return f"   {step}.  {said}{votes}"


def step_html(review: Review, game: Game, step: int, heading: int = 18) -> str:
    """The step's panel: the decision and its effect, the votes held, the ballots changed
    (``heading``: the pixel size of its heading)."""
    if step == 0:
        out = [h(_("Before any decision"), heading),
               c(MUTED, _("The forecast as the game began. Right (or Next) steps to the first "
                          "decision; the list above jumps to any."))]
        return "<br>".join(out)
    d = review.decision(step)
    entry = game.move_log(1)[-1]
    colour = ACCENT if entry.mine else GOLD
    stage = game.session.stage(review.state(step - 1))
    head = h(_("Decision {step} of {steps}").format(step=step, steps=review.steps), heading) + (
        "  " + c(MUTED, escape(stage.title)) if stage else "")
    said = _("{who} {what}").format(who=entry.who, what=entry.what)
    lines = [head, c(colour, f"<b>{escape(said)}</b>")
             + (colon("", escape(entry.effect)) if entry.effect else "")]
    lines += [c(MUTED, escape(more)) for more in entry.more[:4]]
    out = ["<br>".join(lines)]
    held = review.held(step)
    if held:
        out.append("<br>".join([c(ACCENT, "<b>" + _("Recorded votes") + "</b>")] + [
            colon(escape(game.motion(r.motion).symbol), f"<b>{escape(outcome(game, r))}</b>")
            for r in held]))
    motion = review.aimed_at(step)
    if motion is not None and not held:
        out.append(changes_html(review, game, step, motion))
    if d.side != game.side:
        out.append(c(MUTED, _("A decision of the other side: its reasons are told as the "
                              "model tells them, from your side's chair.")))
    return "<br><br>".join(out)


def changes_html(review: Review, game: Game, step: int, motion: str) -> str:
    """Which delegations' most probable ballot the decision changed on ``motion``, and why."""
    symbol = escape(game.motion(motion).symbol)
    changes = review.changes(step, motion)
    if not changes:
        return c(MUTED, _("No delegation's most probable ballot on {symbol} changed.").format(
            symbol=symbol))
    out = [c(ACCENT, "<b>" + _("Most probable ballot changed on {symbol}").format(
        symbol=symbol) + "</b>") + " " + c(MUTED, ngettext(
            "({n} delegation)", "({n} delegations)", len(changes)).format(n=len(changes)))]
    for ch in changes[:SHOWN]:
        why = "; ".join(f"{escape(mine_first(game, label))} {value:+.2f}"
                        for label, value in ch.reasons)
        out.append(colon(f"<b>{escape(game.member(ch.member).name)}</b>") + _(
            "{before} to {after} ({p_before:.0%} to {p_after:.0%})").format(
                before=ballot(ch.before), after=ballot(ch.after), p_before=ch.p_before,
                p_after=ch.p_after)
                   + ("<br>&nbsp;&nbsp;&nbsp;" + c(MUTED, _("why: {why}").format(why=why))
                      if why else ""))
    if len(changes) > SHOWN:
        out.append(c(MUTED, _("and {n} more").format(n=len(changes) - SHOWN)))
    return "<br>".join(out)


def stop_html(review: Review) -> str:
    """Where a damaged or edited file stopped being read, and any other note (empty if none)."""
    parts = []
    if review.stopped:
        parts.append(c(ERROR_HEX, escape(review.stopped)))
    parts += [c(GOLD, escape(n[0].upper() + n[1:])) for n in review.notes[:2]]
    return "<br>".join(parts)
