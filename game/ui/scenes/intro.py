"""Title and briefing screens."""
from __future__ import annotations

import datetime as dt
import math
from html import escape

import pygame

from .. import style
from ..words import ACCENT, MUTED, c, events, h, rule_short
from .base import MARGIN, Scene

CONTINUE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


def long_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def draw_emblem(surface: pygame.Surface, centre: tuple[int, int], r: int) -> None:
    """A calm globe of meridians and parallels, in UN blue (not the UN emblem itself)."""
    cx, cy = centre
    col = style.mix(style.BG, style.UN_BLUE, 0.55)
    pygame.draw.circle(surface, col, centre, r, 2)
    for k in (1, 2, 3):
        pygame.draw.circle(surface, col, centre, r * k // 4, 1)
    for k in range(12):
        a = math.pi * k / 6
        pygame.draw.line(surface, col, centre, (cx + r * math.cos(a), cy + r * math.sin(a)), 1)


class TitleScene(Scene):
    """Scenario, side and goal; Enter to begin, Esc to quit."""

    name = "title"

    def build(self) -> None:
        w, h_ = self.size
        spec = self.game.scenario.spec
        side = spec.sides["sponsors"]
        other = spec.sides.get("opposition")
        col = min(760, w - 2 * MARGIN - 420)
        x = w // 2 - col // 2 + 180
        html = (h(escape(spec.title), 24) + "<br>"
                + c(MUTED, escape(spec.summary)) + "<br><br>"
                + f"{c(ACCENT, '<b>You play</b>')} {escape(side.name)}: {escape(side.goal)}<br><br>"
                + (f"{c(ACCENT, '<b>Against you</b>')} {escape(other.name)}: {escape(other.goal)}"
                   if other else ""))
        box_h = min(h_ - 200, 520)
        top = (h_ - box_h - 70) // 2
        self.textbox((x, top, col, box_h), html, "@reading")
        self.button("begin", (x, top + box_h + 18, 240, 48), "Begin  (Enter)", self.begin,
                    cls="@primary")
        self.button("quit", (x + 256, top + box_h + 18, 160, 48), "Quit  (Esc)", self.quit)
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("begin")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("quit")
        self._text_x = x

    def begin(self) -> None:
        self.app.goto("briefing")

    def quit(self) -> None:
        self.app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(style.BG)
        w, h_ = self.size
        cx = self._text_x - 230
        draw_emblem(surface, (cx, h_ // 2 - 40), 150)
        style.text(surface, "PLENARY", (cx, h_ // 2 + 150), 54, bold=True, anchor="midtop")
        style.text(surface, "Lobby the United Nations", (cx, h_ // 2 + 216), 18,
                   colour=style.MUTED, anchor="midtop")
        style.text(surface, f"Scenario {self.game.scenario.id} · seed {self.game.session.seed}",
                   (MARGIN, h_ - MARGIN), 13, colour=style.MUTED, anchor="bottomleft")


class BriefingScene(Scene):
    """The side's briefing, the calendar and how votes are decided."""

    name = "briefing"

    def build(self) -> None:
        w, h_ = self.size
        spec = self.game.scenario.spec
        side = spec.sides["sponsors"]
        right = 430
        left_w = w - 3 * MARGIN - right
        self.label((MARGIN, MARGIN, left_w, 40), "Briefing", "@heading")
        brief = (f"{c(ACCENT, '<b>Your goal</b>')} {escape(side.goal)}<br><br>"
                 + escape(side.briefing) + "<br><br>" + h("What has happened", 19) + "<br>"
                 + events(self.game, 40))
        self.textbox((MARGIN, 64, left_w, h_ - 64 - 80), brief, "@reading")
        self.textbox((w - MARGIN - right, 64, right, h_ - 64 - 80), self.calendar())
        stage = self.game.stage
        nxt = f"To the {stage.title.split(',')[0]}  (Enter)" if stage else "To the debrief  (Enter)"
        self.button("continue", (w - MARGIN - 340, h_ - 64, 340, 48), nxt, self.proceed,
                    cls="@primary")
        self.button("back", (MARGIN, h_ - 64, 160, 48), "Back  (Esc)", self.back)
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("continue")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("back")

    def calendar(self) -> str:
        """Stages with dates, budgets and motions; the costs of each action; the rules."""
        spec = self.game.scenario.spec
        world = self.game.world
        lines = [h("Calendar", 19)]
        for k, st in enumerate(spec.stages):
            here = self.game.stage is not None and self.game.state.stage == k
            title = f"<b>{escape(st.title)}</b>" + (c(ACCENT, "  (now)") if here else "")
            lines.append(f"{title}<br>{c(MUTED, long_date(st.date))} · {st.capital} capital, "
                         f"{st.days} days")
            for m in world.stage_order(st):
                mo = world.motions[m]
                rule = rule_short(world.rule(mo))
                lines.append(f"&nbsp;&nbsp;{escape(mo.symbol)}: {escape(mo.title)}<br>"
                             f"&nbsp;&nbsp;{c(MUTED, escape(rule))}")
        costs = spec.costs
        lines.append("<br>" + h("What actions cost", 19))
        for key, words in (("lobby", "Lobby a delegation"), ("address_group", "Address a group or bloc"),
                           ("seek_cosponsor", "Seek a co-sponsor"), ("revise_text", "Revise a paragraph")):
            cost = getattr(costs, key)
            lines.append(f"{words}: {cost.capital} capital, {cost.days} day(s)")
        lines.append("<br>" + h("Reading the whip count", 19))
        lines.append("Each cell is a delegation: its colour and symbol show the vote the model "
                     "expects (tick in favour, cross against, bar abstention, dot absent); paler "
                     "means less sure. A dossier's ideal point places the state on UN votes "
                     "(higher = closer to the United States); past votes are its votes on the "
                     "DPRK resolution 2005–11 (Y, N, A, – absent). 'Why' splits its support "
                     "into facts, the text and lobbying.")
        return "<br>".join(lines)

    def proceed(self) -> None:
        self.app.goto_stage()

    def back(self) -> None:
        self.app.goto("title")
