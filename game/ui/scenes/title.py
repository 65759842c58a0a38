"""The title screen: pick a case, read what it is about and what you are scored on, begin."""
from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UISelectionList

from .. import style
from ..catalogue import Case, catalogue
from ..words import ACCENT, ERROR_HEX, MUTED, TEXT_LIMIT, c, clip, h, objectives_html
from .base import MARGIN, Scene

if TYPE_CHECKING:
    from ..app import App

CONTINUE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
ROW = 34


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


def case_html(case: Case) -> str:
    """Title, summary, the two sides and the objectives of a case (or why it cannot load)."""
    if case.scenario is None:
        return (h(escape(case.path.name), 22) + "<br><br>"
                + c(ERROR_HEX, "This case cannot be played: its file has an error.") + "<br>"
                + escape(case.error or "") + "<br><br>"
                + c(MUTED, f"Check it with: python main.py validate {escape(str(case.path))}"))
    spec = case.scenario.spec
    side, other = spec.sides["sponsors"], spec.sides.get("opposition")
    sides = (f"{c(ACCENT, '<b>You play</b>')} {escape(clip(side.name))}: "
             f"{escape(clip(side.goal, TEXT_LIMIT))}")
    if other:
        sides += (f"<br>{c(ACCENT, '<b>Against you</b>')} {escape(clip(other.name))}: "
                  f"{escape(clip(other.goal, TEXT_LIMIT))}")
    parts = [h(escape(clip(spec.title)), 22) + "<br>"
             + c(MUTED, escape(clip(spec.summary, TEXT_LIMIT))), sides]
    score = objectives_html(spec.objectives)
    if score:
        parts.append(score)
    return "<br><br>".join(parts)


class TitleScene(Scene):
    """Cases to choose from; Enter begins the selected one, Esc quits."""

    name = "title"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.cases = catalogue(self.game.scenario)
        self.chosen = next(k for k, case in enumerate(self.cases)
                           if case.scenario is self.game.scenario)

    @property
    def can_switch(self) -> bool:
        """A decision list belongs to one case; otherwise the player may pick any."""
        return self.app.maker is not None and self.game.script is None

    def build(self) -> None:
        """The list of cases, the selected case's text, the emblem's Begin and Quit buttons."""
        w, h_ = self.size
        col = min(820, w - 2 * MARGIN - 440)
        x = w - MARGIN - col - max(0, (w - 1280) // 4)
        top = 60
        self._text_x = x
        list_h = 0
        if len(self.cases) > 1:
            self.label((x, top - 34, col - 60, 30), "Choose a case  (Up/Down keys)", "@subheading")
            list_h = min(len(self.cases), 4) * ROW + 6
            items: list[str | tuple[str, str]] = [
                (self.item_text(case), "#broken" if case.scenario is None else "#case")
                for case in self.cases]
            self.cases_list = self.add(UISelectionList(
                pygame.Rect(x, top, col, list_h), items, self.manager,
                default_selection=items[self.chosen], object_id=ObjectID("#cases", None)))
            if not self.can_switch:
                self.cases_list.disable()
            list_h += 12
        box_top = top + list_h
        self.box = self.textbox((x, box_top, col, h_ - box_top - MARGIN),
                                case_html(self.cases[self.chosen]), "@case")
        cx = self.brand_x()
        y = 200 + 2 * self.emblem_radius()
        self.button("begin", (cx - 130, y, 260, 48), self.begin_label(), self.begin,
                    cls="@primary")
        self.button("quit", (cx - 130, y + 58, 260, 40), "Quit  (Esc)", self.app.request_quit)
        if self.cases[self.chosen].scenario is None:
            self.buttons["begin"].disable()
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("begin")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("quit")
        self.keys[pygame.K_UP] = lambda: self.pick(self.chosen - 1)
        self.keys[pygame.K_DOWN] = lambda: self.pick(self.chosen + 1)

    @staticmethod
    def item_text(case: Case) -> str:
        """A case's line in the list (indented: list items have no padding of their own)."""
        return "   " + clip(case.title, 70)

    def brand_x(self) -> int:
        """Centre of the column left of the case: emblem, name, Begin and Quit."""
        return min(230, self._text_x // 2)

    def emblem_radius(self) -> int:
        """The emblem's radius: as large as the column and the window's height allow."""
        return min(130, self.brand_x() - 50, (self.size[1] - 380) // 2)

    def begin_label(self) -> str:
        """Continue for the game in progress, else Begin."""
        same = self.cases[self.chosen].scenario is self.game.scenario
        return "Continue  (Enter)" if same and self.app.in_progress else "Begin  (Enter)"

    # -- choosing ---------------------------------------------------------------------------
    def pick(self, index: int) -> None:
        """Select the case at ``index`` (keyboard, or the list)."""
        if not self.can_switch or not 0 <= index < len(self.cases):
            return
        self.chosen = index
        self.rebuild()

    def on_event(self, event: pygame.event.Event) -> bool:
        """A click in the list of cases selects that case."""
        if (event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION
                and event.ui_element is getattr(self, "cases_list", None)):
            titles = [self.item_text(case) for case in self.cases]
            if event.text in titles:
                self.pick(titles.index(event.text))
            return True
        return False

    def begin(self) -> None:
        """Begin (or continue) the selected case; abandoning a game in progress asks first."""
        case = self.cases[self.chosen]
        if case.scenario is None:
            return
        if case.scenario is self.game.scenario:
            self.app.goto("briefing")
        elif self.app.in_progress:
            self.confirm("Start another case?",
                         f"The game of <b>{escape(clip(self.game.scenario.spec.title))}</b> is not "
                         "over. Leave it and start <b>" + escape(clip(case.scenario.spec.title))
                         + "</b>? (Its decisions so far stay saved.)", "Start", self.start)
        else:
            self.start()

    def start(self) -> None:
        """Switch to the selected case and open its briefing."""
        scenario = self.cases[self.chosen].scenario
        assert scenario is not None, "begin() starts only a case that loads"
        self.app.switch(scenario)
        self.app.goto("briefing")

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Emblem, name and tagline; the footer line and the notes above it."""
        surface.fill(style.BG)
        _, h_ = self.size
        cx = self.brand_x()
        r = self.emblem_radius()
        draw_emblem(surface, (cx, 40 + r), r)
        style.text(surface, "PLENARY", (cx, 60 + 2 * r), 54, bold=True, anchor="midtop")
        style.text(surface, "Lobby the United Nations", (cx, 126 + 2 * r), 18,
                   colour=style.MUTED, anchor="midtop")
        style.text(surface, f"{self.cases[self.chosen].path.name} · seed "
                   f"{self.game.session.seed} · F1 glossary", (MARGIN, h_ - MARGIN), 13,
                   colour=style.MUTED, anchor="bottomleft", max_width=self._text_x - 2 * MARGIN)
        self.draw_notes(surface, pygame.Rect(MARGIN, 0, self._text_x - 2 * MARGIN, 0))

    def draw_notes(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """What the player should know before beginning (not saved, an older game kept,
        a repaired decision file), small, above the footer line."""
        notes = self.game.notices(start=True)
        _, h_ = self.size
        y = h_ - MARGIN - 22
        for note in reversed(notes[-4:]):
            lines = style.wrap(note, area.w, 13)[:2]
            y -= 17 * len(lines)
            style.paragraph(surface, note, pygame.Rect(area.x, y, area.w, 17 * len(lines) + 2),
                            13, colour=style.GOLD, max_lines=2)
            y -= 4
