"""The recap between two stages: the votes the stage held, each beside the 2014 record and
good or bad for the player; the delegations whose most probable ballot the stage's lobbying
changed, and what moved them (the model's own explanation); then on to the next stage."""
from __future__ import annotations

from functools import partial
from html import escape

import pygame

from ...review.history import ballot_changes
from ...vocabulary import ballot_word
from .. import words
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
    for _, before, after in session.history:
        if before.stage != stage:
            continue
        if start is None:
            start = before
        if len(after.results) > len(before.results):
            vote = before
            break
    first = len(start.results) if start is not None else 0
    end = next((len(b.results) for _, b, _ in session.history if b.stage > stage),
               len(session.state.results))
    return start, vote, session.state.results[first:end]


def recap_html(game, stage: int) -> str:
    """The recap of stage ``stage`` (an index), as pygame_gui HTML."""
    session = game.session
    spec = game.scenario.spec
    history = {hv.motion: hv for hv in spec.history}
    start, vote, results = stage_span(session, stage)
    out = []
    held = [r for r in results if r.ballots or r.outcome == "no_action"]
    lines = [h("The votes", 19)]
    for r in results:
        motion = game.motion(r.motion)
        ours = outcome_words(game, r).lower()
        if r.outcome not in NO_VOTE:
            ours += " " + tally_words(dict(r.tally))
        line = f"<b>{escape(motion.symbol)}</b> {c(MUTED, escape(motion.kind))}: "
        if r in held:
            good, why = verdict(game, r)
            line += c(words.ink("yes" if good else "no"), f"<b>{escape(ours)}</b>")
            line += "<br>&nbsp;&nbsp;" + escape(why)
            if r.decided_by:
                why_so = escape(game.session.decided_by(r))
                line += "<br>&nbsp;&nbsp;" + c(MUTED, "Decided by: " + why_so)
        else:
            line += escape(ours)
        hv = history.get(r.motion)
        if hv is not None:
            real = escape(hv.outcome) + (f", {tally_words(hv.tally.model_dump())}"
                                         if hv.tally else "")
            line += f"<br>&nbsp;&nbsp;{c(MUTED, f'In {spec.year}: {real}')}"
            if hv.roll_call is not None and r.ballots:
                rc = hv.roll_call
                real_ballots = {iso: k for k in ("yes", "no", "abstain", "absent")
                                for iso in getattr(rc, k)}
                other = [iso for iso, b in r.ballots if iso in real_ballots
                         and real_ballots[iso] != b]
                if other:
                    names = ", ".join(escape(game.member(i).name) for i in other[:5])
                    more = f" and {len(other) - 5} more" if len(other) > 5 else ""
                    line += (f"<br>&nbsp;&nbsp;{len(other)} delegations voted otherwise than "
                             f"in {spec.year}: {names}{more}")
        lines.append(line)
    if not results:
        lines.append(c(MUTED, "No vote was held at this stage."))
    out.append("<br>".join(lines))
    if start is not None and vote is not None:
        moved = [h("What moved the delegations", 19)]
        for r in held:
            changes = ballot_changes(session, r.motion, start, vote)
            symbol = escape(game.motion(r.motion).symbol)
            if not changes:
                moved.append(c(MUTED, f"On {symbol}, no delegation's most probable ballot "
                                      "changed during the stage."))
                continue
            moved.append(c(ACCENT, f"<b>On {symbol}</b>") + c(
                MUTED, f" ({len(changes)} delegation{'s' if len(changes) != 1 else ''} "
                       "changed their most probable ballot)"))
            for ch in changes[:NAMED]:
                why = "; ".join(f"{escape(words.mine_first(game, label))} {value:+.2f}"
                                for label, value in ch.reasons[:2])
                moved.append(f"<b>{escape(game.member(ch.member).name)}</b>: "
                             f"{ballot_word(ch.before)} to {ballot_word(ch.after)}"
                             + (f"<br>&nbsp;&nbsp;{c(MUTED, 'moved by: ' + why)}" if why else ""))
            if len(changes) > NAMED:
                moved.append(c(MUTED, f"and {len(changes) - NAMED} more"))
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
        self.label((m, m, w - 2 * m, px(40)), f"{st.title}: what happened", "@heading")
        top, foot = px(64), px(80)
        self.box = self.textbox((m, top, w - 2 * m, h_ - top - foot),
                                recap_html(self.game, self.stage), "@reading")
        nxt = self.game.stage
        label = (f"To the {nxt.title.split(',')[0]}  (Enter)" if nxt else
                 "To the debrief  (Enter)")
        self.button("continue", (w - m - px(360), h_ - px(64), px(360), px(48)), label,
                    self.app.goto_stage, cls="@primary")
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("continue")
        self.keys[pygame.K_PAGEDOWN] = partial(self.scroll_key, self.box, px(200))
        self.keys[pygame.K_PAGEUP] = partial(self.scroll_key, self.box, -px(200))
