"""The recap between two stages: the votes the stage held, each beside the 2014 record and
good or bad for the player; the delegations whose most probable ballot the stage's lobbying
changed, and what moved them (the model's own explanation); then on to the next stage."""
from __future__ import annotations

from functools import partial
from html import escape

import pygame

from ...i18n import _, ngettext, pgettext
from ...review.history import ballot_changes
from ...vocabulary import ballot_word
from .. import style, words
from ..review_words import colon
from ..style import px
from ..words import ACCENT, MUTED, c, h
from .base import MARGIN, Scene
from .debrief import tally_words
from .vote import NO_VOTE, outcome_words, verdict

#: Keys that go on to the next stage.
CONTINUE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
#: Delegations named per motion (the ones whose chance moved most).
NAMED = 6


def stage_span(session, stage: int):
    """(state when the stage's lobbying began, state just before its votes, its results):
    the states are None if the stage held no decision (a game continued past it)."""
    start = vote = None
    for _unused, before, after in session.history:
        if before.stage != stage:
            continue
        if start is None:
            start = before
        if len(after.results) > len(before.results):
            vote = before
            break
    first = len(start.results) if start is not None else 0
    end = next((len(b.results) for _k, b, _a in session.history if b.stage > stage),
               len(session.state.results))
    return start, vote, session.state.results[first:end]


def kind_code(kind: str) -> str:
    """A motion's kind as its short code reads ("draft", "amendment"), in the language."""
    return {"draft": pgettext("motion kind", "draft"),
            "amendment": pgettext("motion kind", "amendment"),
            "procedural": pgettext("motion kind", "procedural"),
            "substantive": pgettext("motion kind", "substantive"),
            "no_action": pgettext("motion kind", "no_action"),
            "division": pgettext("motion kind", "division"),
            "separate_vote": pgettext("motion kind", "separate_vote")}.get(kind, kind)


def recap_html(game, stage: int) -> str:
    """The recap of stage ``stage`` (an index), as pygame_gui HTML."""
    session = game.session
    spec = game.scenario.spec
    history = {hv.motion: hv for hv in spec.history}
    start, vote, results = stage_span(session, stage)
    out = []
    held = [r for r in results if r.ballots or r.outcome == "no_action"]
    lines = [h(_("The votes"), 19)]
    for r in results:
        motion = game.motion(r.motion)
        ours = outcome_words(game, r).lower()
        if r.outcome not in NO_VOTE:
            ours += " " + tally_words(dict(r.tally))
        line = colon(f"<b>{escape(motion.symbol)}</b> {c(MUTED, escape(kind_code(motion.kind)))}")
        if r in held:
            good, why = verdict(game, r)
            line += c(words.ink("yes" if good else "no"), f"<b>{escape(ours)}</b>")
            line += "<br>&nbsp;&nbsp;" + escape(why)
            if r.decided_by:
                line += "<br>&nbsp;&nbsp;" + c(MUTED, escape(
                    _("Decided by: {rule}").format(rule=game.session.decided_by(r))))
        else:
            line += escape(ours)
        hv = history.get(r.motion)
        if hv is not None:
            real = escape(hv.outcome) + (f", {tally_words(hv.tally.model_dump())}"
                                         if hv.tally else "")
            line += "<br>&nbsp;&nbsp;" + c(MUTED, _("In {year}: {outcome}").format(
                year=spec.year, outcome=real))
            if hv.roll_call is not None and r.ballots:
                rc = hv.roll_call
                real_ballots = {iso: k for k in ("yes", "no", "abstain", "absent")
                                for iso in getattr(rc, k)}
                other = [iso for iso, b in r.ballots if iso in real_ballots
                         and real_ballots[iso] != b]
                if other:
                    names = ", ".join(escape(game.member(i).name) for i in other[:5])
                    if len(other) > 5:
                        names = _("{names} and {n} more").format(names=names, n=len(other) - 5)
                    line += "<br>&nbsp;&nbsp;" + ngettext(
                        "{n} delegation voted otherwise than in {year}: {names}",
                        "{n} delegations voted otherwise than in {year}: {names}",
                        len(other)).format(n=len(other), year=spec.year, names=names)
        lines.append(line)
    if not results:
        lines.append(c(MUTED, _("No vote was held at this stage.")))
    out.append("<br>".join(lines))
    if start is not None and vote is not None:
        moved = [h(_("What moved the delegations"), 19)]
        for r in held:
            changes = ballot_changes(session, r.motion, start, vote)
            symbol = escape(game.motion(r.motion).symbol)
            if not changes:
                moved.append(c(MUTED, _("On {symbol}, no delegation's most probable ballot "
                                        "changed during the stage.").format(symbol=symbol)))
                continue
            moved.append(c(ACCENT, "<b>" + _("On {symbol}").format(symbol=symbol) + "</b>")
                         + " " + c(MUTED, ngettext(
                             "({n} delegation changed their most probable ballot)",
                             "({n} delegations changed their most probable ballot)",
                             len(changes)).format(n=len(changes))))
            for ch in changes[:NAMED]:
                why = "; ".join(f"{escape(words.mine_first(game, label))} {value:+.2f}"
                                for label, value in ch.reasons[:2])
                moved.append(colon(f"<b>{escape(game.member(ch.member).name)}</b>")
                             + _("{before} to {after}").format(before=ballot_word(ch.before),
                                                               after=ballot_word(ch.after))
                             + ("<br>&nbsp;&nbsp;" + c(MUTED, _("moved by: {why}").format(
                                 why=why)) if why else ""))
            if len(changes) > NAMED:
                moved.append(c(MUTED, _("and {n} more").format(n=len(changes) - NAMED)))
        out.append("<br>".join(moved))
    return "<br><br>".join(out)


class RecapScene(Scene):
    """Between stages: what the stage that ended did and why, then the next stage."""

    name = "recap"

    def __init__(self, app, stage: int) -> None:
        super().__init__(app)
        #: The index of the stage that ended.
        self.stage = stage

    @property
    def shot_name(self) -> str:
        """One screenshot per recap: recap_0 after the first stage."""
        return f"{self.name}_{self.stage}"

    def build(self) -> None:
        """Title, the recap text, and Continue."""
        w, h_ = self.size
        m = px(MARGIN)
        st = self.game.scenario.spec.stages[self.stage]
        self.label((m, m, w - 2 * m, px(40)),
                   _("{stage}: what happened").format(stage=st.title), "@heading")
        top, foot = px(64), px(80)
        self.box = self.textbox((m, top, w - 2 * m, h_ - top - foot),
                                recap_html(self.game, self.stage), "@reading")
        nxt = self.game.stage
        label = (_("To the {stage}  (Enter)").format(stage=nxt.title.split(",")[0]) if nxt
                 else _("To the debrief  (Enter)"))
        # as wide as its words (a French stage's name is long), within the window; cut with
        # an ellipsis only if even that is too narrow, the whole label on hover
        bw = min(max(px(360), style.font(16, True).size(label)[0] + px(40)), w - 2 * m)
        shown = style.ellipsize(label, bw - px(24), 16, bold=True)
        self.button("continue", (w - m - bw, h_ - px(64), bw, px(48)), shown,
                    self.app.goto_stage, cls="@primary", tip=label if shown != label else None)
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("continue")
        self.keys[pygame.K_PAGEDOWN] = partial(self.scroll_key, self.box, px(200))
        self.keys[pygame.K_PAGEUP] = partial(self.scroll_key, self.box, -px(200))
