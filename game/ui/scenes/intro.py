"""The briefing screen, and the date and key helpers other screens share."""
from __future__ import annotations

import datetime as dt
from functools import partial
from html import escape
from pathlib import Path

import pygame

from ...i18n import N_, _, ngettext, pgettext
from ..levels import level_label
from ..style import px
from ..words import ACCENT, GOLD, MUTED, c, events, h, objectives_html, rule_short
from .base import MARGIN, Scene
from .buttons import cost_words

CONTINUE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
#: Side -> (cost name, what it buys) for the briefing's price list.
COSTS = {
    "sponsors": (("lobby", N_("Lobby a delegation")),
                 ("address_group", N_("Address a group or bloc")),
                 ("seek_cosponsor", N_("Seek a co-sponsor")),
                 ("revise_text", N_("Revise a paragraph")),
                 ("ask_abstention", N_("Ask a permanent member to abstain"))),
    "opposition": (("lobby", N_("Lobby a delegation")),
                   ("address_group", N_("Address a group or bloc")),
                   ("no_action", N_("Move that no action be taken")),
                   ("separate_vote", N_("Request a separate vote on a paragraph"))),
}


def month_name(month: int) -> str:
    """'December' for 12, in the language in use."""
    return (pgettext("month", "January"), pgettext("month", "February"),
            pgettext("month", "March"), pgettext("month", "April"), pgettext("month", "May"),
            pgettext("month", "June"), pgettext("month", "July"), pgettext("month", "August"),
            pgettext("month", "September"), pgettext("month", "October"),
            pgettext("month", "November"), pgettext("month", "December"))[month - 1]


def long_date(d: dt.date) -> str:
    """'17 December 2014' (in French '17 décembre 2014', '1er décembre 2014')."""
    if d.day == 1:
        # TRANSLATORS: a date on the first of a month (French: "{day}er {month} {year}")
        form = pgettext("the first of a month", "{day} {month} {year}")
    else:
        form = pgettext("date", "{day} {month} {year}")
    return form.format(day=d.day, month=month_name(d.month), year=d.year)


class BriefingScene(Scene):
    """The side's briefing, the calendar and how votes are decided."""

    name = "briefing"

    def build(self) -> None:
        """The briefing and events on the left, the calendar on the right; Back and Continue."""
        w, h_ = self.size
        spec = self.game.scenario.spec
        side = spec.sides[self.game.side]
        m, right = px(MARGIN), max(px(430), int(w * 0.34))
        left_w = w - 3 * m - right
        self.label((m, m, left_w, px(40)), _("Briefing"), "@heading")
        score = objectives_html([o for o in spec.objectives
                                 if getattr(o, "side", "sponsors") == self.game.side])
        level = self.game.level
        other = escape(self.game.side_name(self.game.other, inside=True))
        if level:
            played = _("{side} against {other} ({level} bot)").format(
                side=escape(side.name), other=other, level=escape(level_label(level).lower()))
        else:
            played = _("{side} against {other}").format(side=escape(side.name), other=other)
        against = c(ACCENT, "<b>" + _("You play") + "</b>") + " " + played
        brief = (self.what_if() + against + "<br>"
                 + c(ACCENT, "<b>" + _("Your goal") + "</b>") + f" {escape(side.goal)}<br><br>"
                 + (score + "<br><br>" if score else "")
                 + escape(side.briefing or "") + "<br><br>" + h(_("What has happened"), 19)
                 + "<br>"
                 + events(self.game, 40) + "<br><br>" + self.sources())
        top, foot = px(64), px(80)
        self.brief = self.textbox((m, top, left_w, h_ - top - foot), brief, "@reading")
        self.textbox((w - m - right, top, right, h_ - top - foot), self.calendar())
        stage = self.game.stage
        nxt = (_("To the {stage}  (Enter)").format(stage=stage.title.split(",")[0]) if stage
               else _("To the debrief  (Enter)"))
        self.button("continue", (w - m - px(360), h_ - px(64), px(360), px(48)), nxt,
                    self.proceed, cls="@primary")
        self.button("back", (m, h_ - px(64), px(180), px(48)), _("Back  (Esc)"), self.back)
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("continue")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("back")
        self.keys[pygame.K_PAGEDOWN] = partial(self.scroll_key, self.brief, px(200))
        self.keys[pygame.K_PAGEUP] = partial(self.scroll_key, self.brief, -px(200))
        self.keys[pygame.K_DOWN] = partial(self.scroll_key, self.brief, px(60))
        self.keys[pygame.K_UP] = partial(self.scroll_key, self.brief, -px(60))

    def what_if(self) -> str:
        """For a what-if, the game it branched from and where (its file's header), else ''."""
        writer = self.game.session.writer
        head = writer.head if writer is not None else {}
        parent, step = head.get("parent"), head.get("step")
        if not isinstance(parent, str) or not isinstance(step, int):
            return ""
        return (c(GOLD, ngettext(
            "<b>What if</b>: this game made the first decision of {file}, as it was made; "
            "from here the moves are yours.",
            "<b>What if</b>: this game made the first {n} decisions of {file}, as they were "
            "made; from here the moves are yours.", step).format(
                n=step, file=escape(Path(parent).name))) + "<br><br>")

    def calendar(self) -> str:
        """Stages with dates, budgets and motions; the costs of each action; the rules."""
        spec = self.game.scenario.spec
        session = self.game.session
        lines = [h(_("Calendar"), 19)]
        for k, st in enumerate(spec.stages):
            here = self.game.stage is not None and self.game.state.stage == k
            title = f"<b>{escape(st.title)}</b>" + (c(ACCENT, "  " + _("(now)")) if here
                                                     else "")
            budget = ngettext("{capital} capital, {days} days", "{capital} capital, {days} days",
                              st.days).format(capital=self.game.full_capital(st), days=st.days)
            lines.append(f"{title}<br>{c(MUTED, long_date(st.date))} · {budget}")
            for m in session.stage_order(st):
                mo = session.motion(m)
                rule = rule_short(session.rule(m))
                if mo.optional:
                    rule += ("; " + _("voted only if you table it")
                             if mo.tabled_by == self.game.side else
                             "; " + _("voted only if {side} table it").format(
                                 side=self.game.side_name(mo.tabled_by)))
                lines.append(f"&nbsp;&nbsp;{escape(mo.symbol)}: {escape(mo.title)}<br>"
                             f"&nbsp;&nbsp;{c(MUTED, escape(rule))}")
        costs = spec.costs
        lines.append("<br>" + h(_("What actions cost"), 19))
        for key, words in COSTS[self.game.side]:
            cost = getattr(costs, key)
            lines.append(_("{action}: {cost}").format(
                action=_(words), cost=cost_words(cost.capital, cost.days)))
        lines.append("<br>" + h(_("Reading the whip count"), 19))
        lines.append(_("Each square is a delegation: its colour and symbol show the vote the "
                       "model expects (tick in favour, cross against, bar abstention, dot "
                       "absent); paler means less sure. Click one to read its dossier: where it "
                       "stands, why it leans as it does, and who has lobbied it. Press F1 (or ?) "
                       "for the glossary of every word used in the game."))
        return "<br>".join(lines)

    def sources(self) -> str:
        """The case's sources, as the scenario cites them: title, date and address (written
        out, not linked: the game opens nothing on the network)."""
        spec = self.game.scenario.spec
        if not spec.sources:
            return c(MUTED, _("This case cites no sources."))
        lines = [h(_("Sources of this case"), 19)]
        for src in spec.sources:
            when = f" ({long_date(src.date)})" if src.date else ""
            where = f"<br>&nbsp;&nbsp;{c(MUTED, escape(src.url))}" if src.url else ""
            lines.append(f"• {escape(src.title)}{escape(when)}{where}")
        return "<br>".join(lines)

    def proceed(self) -> None:
        """Continue to the screen of the stage being played (or the debrief); the opponent
        first makes any moves due before the player's turn."""
        self.app.begin_play()

    def back(self) -> None:
        """Esc: back to the title screen."""
        self.app.goto("title")
