"""The Security Council: 15 seats, permanent members marked, the veto threat in numbers."""
from __future__ import annotations

import pygame

from ...i18n import _
from .. import style
from ..style import px
from ..widgets.chamber import Chamber
from .floor import FloorScene


class CouncilScene(FloorScene):
    """The floor, laid out as the Council's horseshoe table, with the veto threat."""

    name = "council"
    view: Chamber
    has_map = False

    def make_view(self) -> Chamber:  # type: ignore[override]
        """The horseshoe table, the permanent members' seats marked."""
        members = self.game.scenario.members
        return Chamber({m.iso3 for m in members if m.sc_seat == "P5"})

    def names(self) -> dict[str, str]:
        """Seats show the delegations' names (there is room for them)."""
        return {iso: self.game.member(iso).name for iso in self.view.order}

    def veto_motion(self) -> str | None:
        """The stage's motion a permanent member can veto (the referral), if any."""
        return next((m for m in self.game.stage_motions() if self.game.session.rule(m).veto),
                    None)

    def veto_lines(self) -> list[tuple[str, float]]:
        """(permanent member's name, P(votes against)) on the vetoable motion."""
        motion = self.veto_motion()
        if motion is None:
            return []
        probs = self.game.probabilities(motion)
        return [(self.game.member(iso).name, p[1]) for iso, p in probs.items()
                if iso in self.view.permanent]

    def draw(self, surface: pygame.Surface) -> None:
        """The floor's drawing, then the veto threat inside the table."""
        super().draw(surface)
        box = self.view.centre.inflate(-px(28), -px(20))
        motion = self.veto_motion()
        y = box.y + px(4)
        style.text(surface, _("Veto threat"), (box.centerx, y), 20, bold=True, colour=style.GOLD,
                   anchor="midtop", max_width=box.w)
        y += style.font(20, True).get_linesize()
        if motion is None:
            style.paragraph(surface, _("No vote at this meeting can be vetoed."),
                            pygame.Rect(box.x, y, box.w, box.bottom - y), 15, colour=style.MUTED)
            return
        small = style.font(14).get_linesize()
        y = style.paragraph(surface, self.motion_line(motion),
                            pygame.Rect(box.x, y, box.w, 3 * small), 14, colour=style.MUTED,
                            max_lines=3) + px(4)
        p_none = 1.0
        step = style.font(15).get_linesize()
        # a likely veto is bad for a side that wants the motion, good for one that does not
        # (neither with two teams at the screen: then it is only likely)
        view = self.game.colour_view(motion)
        likely = style.GOLD if view is None else style.good_bad(not view, text=True)
        for name, p in sorted(self.veto_lines(), key=lambda t: -t[1]):
            p_none *= 1.0 - p
            col = likely if p >= 0.5 else (style.GOLD if p >= 0.1 else style.MUTED)
            tag = style.text(surface, _("against {p:.0%}").format(p=p), (box.right - px(10), y), 15,
                             bold=True, colour=col, anchor="topright")
            style.text(surface, name, (box.x + px(10), y), 15,
                       max_width=tag.x - box.x - px(20))
            y += step
        style.text(surface, _("P(at least one veto) {p:.0%}").format(p=1 - p_none),
                   (box.centerx, y + px(4)),
                   18, bold=True, colour=style.GOLD, anchor="midtop", max_width=box.w)
        y += px(4) + style.font(18, True).get_linesize()
        rest = (box.bottom - y) // style.font(13).get_linesize()
        if rest > 0:
            style.paragraph(surface, self.veto_note(), pygame.Rect(box.x, y, box.w,
                            box.bottom - y), 13, colour=style.MUTED, max_lines=rest)

    def motion_line(self, motion: str) -> str:
        """What the vetoable draft is; whether it is tabled only if tabling is optional."""
        mo = self.game.motion(motion)
        title = mo.title[0].lower() + mo.title[1:]
        if not mo.optional:
            # TRANSLATORS: {title} is the draft's title, its first letter in lower case
            return _("{symbol}: the {title}.").format(symbol=mo.symbol, title=title)
        ours = mo.tabled_by == self.game.side
        who = self.game.side_name(mo.tabled_by)
        event = self.game.session.tabling_event(motion)
        if motion in self.game.state.tabled:
            status = _("tabled: it will be put to the vote")
        elif event is not None and event.id in dict(self.game.state.offers):
            status = (_("held back: you chose not to put it to the vote") if ours else
                      _("held back: {who} chose not to put it to the vote").format(who=who))
        elif event is not None:       # answering the event is what tables it (rules.checks)
            status = (_("your answer to {by} (5) decides") if ours
                      else _("the answer of {who} to {by} decides")).format(who=who,
                                                                             by=event.by)
        else:
            status = (_("held back: no vote unless you table it (6)") if ours else
                      _("held back: no vote unless {who} table it").format(who=who))
        # TRANSLATORS: {title} is the draft's title, its first letter in lower case
        return _("On the {title} — {status}.").format(title=title, status=status)

    def veto_note(self) -> str:
        """How the veto works, naming this meeting's procedural vote only if there is one."""
        note = (_("A permanent member's vote against blocks a substantive draft; an abstention "
                  "does not (8: ask one to abstain).") if self.game.side == "sponsors" else
                _("A permanent member's vote against blocks a substantive draft; an abstention "
                  "does not."))
        procedural = [self.game.motion(m) for m in self.game.stage_motions()
                      if self.game.motion(m).kind == "procedural"]
        if procedural:
            note += " " + _("{symbol} is a procedural vote: no veto.").format(
                symbol=procedural[0].symbol)
        return note
