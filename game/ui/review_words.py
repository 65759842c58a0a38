"""What the replay viewer says about one step (HTML for its text box, no pygame): the decision
and what it did on its own, the votes it brought on and their results, and the delegations
whose most probable ballot it changed, with the model's reasons (``Review.changes``)."""
from __future__ import annotations

from html import escape

from ..review import Review
from ..vocabulary import BALLOT_STYLES
from .controller import Game
from .words import ACCENT, ERROR_HEX, GOLD, MUTED, adopted_word, c, h, ink, mine_first

#: Delegations listed by name per step (the rest are counted).
SHOWN = 12
OUTCOMES = {"rejected": "rejected", "vetoed": "vetoed", "not_tabled": "not tabled",
            "not_held": "not put to the vote", "moot": "not put to the vote",
            "no_action": "no action taken"}


def ballot(code: str) -> str:
    """A ballot's word in its colour ("in favour" in green)."""
    return c(ink(code), BALLOT_STYLES[code].word)


def outcome(game: Game, result) -> str:
    """'adopted 116-20-53 (4 absent)', the body's own verb ('approved' in a committee)."""
    word = (adopted_word(game, game.motion(result.motion)) if result.outcome == "adopted"
            else OUTCOMES.get(result.outcome, result.outcome.replace("_", " ")))
    t = dict(result.tally)
    if not t:
        return word
    absent = f" ({t['absent']} absent)" if t.get("absent") else ""
    return f"{word} {t['yes']}-{t['no']}-{t['abstain']}{absent}"


def step_list_item(review: Review, game: Game, step: int) -> str:
    """A step's line in the list of decisions ("12. You lobbied Kenya (…)"), numbered as
    the file numbers its decisions; step 0 is the start."""
    if step == 0:
        return "   0.  Before any decision"
    d = review.decision(step)
    who = "You" if d.side == game.side else game.side_name(d.side)
    what = game.describe(d, review.state(step - 1), detail=False)
    votes = " · vote" if any(r.ballots for r in review.held(step)) else ""
    return f"   {step}.  {who} {what}{votes}"


def step_html(review: Review, game: Game, step: int, heading: int = 18) -> str:
    """The step's panel: the decision and its effect, the votes held, the ballots changed
    (``heading``: the pixel size of its heading)."""
    if step == 0:
        out = [h("Before any decision", heading),
               c(MUTED, "The forecast as the game began. Right (or Next) steps to the first "
                        "decision; the list above jumps to any.")]
        return "<br>".join(out)
    d = review.decision(step)
    entry = game.move_log(1)[-1]
    colour = ACCENT if entry.mine else GOLD
    stage = game.session.stage(review.state(step - 1))
    head = h(f"Decision {step} of {review.steps}", heading) + (
        "  " + c(MUTED, escape(stage.title)) if stage else "")
    lines = [head, c(colour, f"<b>{escape(entry.who)} {escape(entry.what)}</b>")
             + (f": {escape(entry.effect)}" if entry.effect else "")]
    lines += [c(MUTED, escape(more)) for more in entry.more[:4]]
    out = ["<br>".join(lines)]
    held = review.held(step)
    if held:
        out.append("<br>".join([c(ACCENT, "<b>Recorded votes</b>")] + [
            f"{escape(game.motion(r.motion).symbol)}: <b>{escape(outcome(game, r))}</b>"
            for r in held]))
    motion = review.aimed_at(step)
    if motion is not None and not held:
        out.append(changes_html(review, game, step, motion))
    if d.side != game.side:
        out.append(c(MUTED, "A decision of the other side: its reasons are told as the model "
                            "tells them, from your side's chair."))
    return "<br><br>".join(out)


def changes_html(review: Review, game: Game, step: int, motion: str) -> str:
    """Which delegations' most probable ballot the decision changed on ``motion``, and why."""
    symbol = escape(game.motion(motion).symbol)
    changes = review.changes(step, motion)
    if not changes:
        return c(MUTED, f"No delegation's most probable ballot on {symbol} changed.")
    out = [c(ACCENT, f"<b>Most probable ballot changed on {symbol}</b>")
           + c(MUTED, f" ({len(changes)} delegation{'s' if len(changes) != 1 else ''})")]
    for ch in changes[:SHOWN]:
        why = "; ".join(f"{escape(mine_first(game, label))} {value:+.2f}"
                        for label, value in ch.reasons)
        out.append(f"<b>{escape(game.member(ch.member).name)}</b>: {ballot(ch.before)} to "
                   f"{ballot(ch.after)} ({ch.p_before:.0%} to {ch.p_after:.0%})"
                   + (f"<br>&nbsp;&nbsp;&nbsp;{c(MUTED, 'why: ' + why)}" if why else ""))
    if len(changes) > SHOWN:
        out.append(c(MUTED, f"and {len(changes) - SHOWN} more"))
    return "<br>".join(out)


def stop_html(review: Review) -> str:
    """Where a damaged or edited file stopped being read, and any other note (empty if none)."""
    parts = []
    if review.stopped:
        parts.append(c(ERROR_HEX, escape(review.stopped)))
    parts += [c(GOLD, escape(n[0].upper() + n[1:])) for n in review.notes[:2]]
    return "<br>".join(parts)
