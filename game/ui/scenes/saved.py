"""Continue a saved game: the recent unfinished sessions (from the user's sessions folder,
newest first) to pick from; Enter continues the chosen one where it stopped, Esc goes back to
the title screen. The factory reads and replays the file (``GameFactory.resume``)."""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UISelectionList

from ...i18n import N_, _, ngettext, pgettext
from .. import style
from ..catalogue import catalogue
from ..levels import level_label
from ..style import px
from ..words import ACCENT, ERROR_HEX, MUTED, c, clip, h
from .base import MARGIN, Scene
from .intro import month_name
from .title import CONTINUE_KEYS, ROW, draw_emblem, side_spec

if TYPE_CHECKING:
    from ...replay.recent import Unfinished
    from ..app import App


def side_word(side: str) -> str:
    """'Sponsors' or 'Opposition' (a line of the list)."""
    return {"sponsors": pgettext("side", "Sponsors"),
            "opposition": pgettext("side", "Opposition")}.get(side, side.capitalize())


def short_month(number: int) -> str:
    """'Dec' for 12, in the language in use."""
    return (pgettext("month, short", "Jan"), pgettext("month, short", "Feb"),
            pgettext("month, short", "Mar"), pgettext("month, short", "Apr"),
            pgettext("month, short", "May"), pgettext("month, short", "Jun"),
            pgettext("month, short", "Jul"), pgettext("month, short", "Aug"),
            pgettext("month, short", "Sep"), pgettext("month, short", "Oct"),
            pgettext("month, short", "Nov"), pgettext("month, short", "Dec"))[number - 1]


def stamp(when: dt.datetime) -> str:
    """'07 December 2026 14:05'."""
    return pgettext("date and time", "{day} {month} {year} {time}").format(
        day=f"{when:%d}", month=month_name(when.month), year=when.year, time=f"{when:%H:%M}")


def short_stamp(when: dt.datetime) -> str:
    """'07 Dec 14:05' (a line of the list)."""
    return pgettext("short date and time", "{day} {month} {time}").format(
        day=f"{when:%d}", month=short_month(when.month), time=f"{when:%H:%M}")


def started(stamp_: str | None) -> str:
    """The header's start time (ISO 8601, UTC) in local time for the screen."""
    try:
        when = dt.datetime.fromisoformat(str(stamp_).replace("Z", "+00:00"))
    except ValueError:
        return _("at an unknown time")
    return stamp(when.astimezone())


class SavedScene(Scene):
    """The list of unfinished games; Up/Down choose, Enter continues, Esc goes back."""

    name = "saved"
    #: The words of this list (the review list says its own).
    HEADING = N_("Continue a saved game  (Up/Down, Enter)")
    ACTION = N_("Continue  (Enter)")
    TAGLINE = N_("Continue where you stopped")
    EMPTY = N_("No unfinished game is saved on this computer. Every game is saved as it is "
               "played; one you leave before the end shows up here.")
    DAMAGED = N_("This file is damaged and cannot be continued: {problem}")

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.saved: list[Unfinished] = self.listing()
        self.chosen = 0
        self.error: str | None = None
        self.titles = {case.scenario.id: case.scenario.spec.title
                       for case in catalogue(self.game.scenario) if case.scenario}

    def listing(self) -> list[Unfinished]:
        """The saved games to list: the unfinished ones (Continue)."""
        return self.app.unfinished()

    def item_text(self, k: int) -> str:
        """A saved game's line in the list: number, case, side, decisions, when."""
        u = self.saved[k]
        case = clip(self.titles.get(u.scenario, u.scenario), 44)
        side = side_word(u.sides[0]) if len(u.sides) == 1 else _("both sides")
        text = "   " + ngettext("{k}.  {case} · {side} · {n} decision · {when}",
                                "{k}.  {case} · {side} · {n} decisions · {when}",
                                u.decisions).format(k=k + 1, case=case, side=side,
                                                    n=u.decisions, when=short_stamp(u.changed))
        return text + (" · " + _("damaged") if u.problem else "")

    def build(self) -> None:
        """Heading, the list (or why it is empty), the chosen game's details, the buttons."""
        w, h_ = self.size
        m = px(MARGIN)
        col = min(px(820), w - 2 * m - px(440))
        x = w - m - col - max(0, (w - px(1280)) // 4)
        self._text_x = x
        self.label((x, px(20), col, px(36)), _(self.HEADING), "@subheading")
        top = px(60)
        list_h = 0
        if self.saved:
            list_h = min(len(self.saved), 8) * px(ROW) + px(6)
            # a line too long for the list ends in an ellipsis (the details say it in full)
            items: list[str | tuple[str, str]] = [
                (style.ellipsize(self.item_text(k), col - px(40), 16), "#case")
                for k in range(len(self.saved))]
            self.items = [str(i[0]) for i in items]
            self.saved_list = self.add(UISelectionList(
                pygame.Rect(x, top, col, list_h), items, self.manager,
                default_selection=items[self.chosen], object_id=ObjectID("#saved", None)))
            list_h += px(12)
        self.box = self.textbox((x, top + list_h, col, h_ - top - list_h - m),
                                self.details_html(), "@case")
        cx = min(px(230), x // 2)
        y = px(200) + 2 * self.emblem_radius()
        bx, bw = cx - px(130), px(260)
        self.button("resume", (bx, y, bw, px(48)), _(self.ACTION), self.resume,
                    cls="@primary")
        more = self.more_buttons(bx, y + px(58))
        self.button("back", (bx, y + px(58) + px(50) * more, bw, px(40)), _("Back  (Esc)"),
                    self.back)
        if not self.saved or not self.can_open(self.saved[self.chosen]):
            self.buttons["resume"].disable()
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("resume")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("back")
        self.keys[pygame.K_UP] = lambda: self.pick(self.chosen - 1)
        self.keys[pygame.K_DOWN] = lambda: self.pick(self.chosen + 1)

    @staticmethod
    def can_open(saved) -> bool:
        """Whether the action can take this game: a damaged file is not continued (the
        details say why); the viewer's list overrides this, as it reads damaged files too."""
        return not saved.problem

    def more_buttons(self, x: int, y: int) -> int:
        """Buttons between the action and Back, from (x, y) down (none here); how many."""
        return 0

    def back(self) -> None:
        """Esc: back to the title screen."""
        self.app.goto("title")

    def emblem_radius(self) -> int:
        """As the title screen's, so that the buttons sit where Begin and Quit do."""
        return min(px(130), min(px(230), self._text_x // 2) - px(50),
                   (self.size[1] - px(380)) // 2)

    def details_html(self) -> str:
        """The chosen game: case, sides, opponent, how far it went, when, where it is saved
        (or why it cannot be continued, or that there is nothing to continue)."""
        if not self.saved:
            return c(MUTED, _(self.EMPTY))
        u = self.saved[self.chosen]
        case = next((k.scenario for k in catalogue(self.game.scenario)
                     if k.scenario and k.scenario.id == u.scenario), None)
        side = u.sides[0] if len(u.sides) == 1 else "sponsors"
        spec = side_spec(case, side)
        name = escape(spec.name if spec else side)
        you = (_("{you_play} {side} against the {level} bot").format(
                   you_play=c(ACCENT, "<b>" + _("You play") + "</b>"), side=name,
                   level=escape(level_label(u.opponent).lower())) if u.opponent else
               _("{you_play} {side}").format(you_play=c(ACCENT, "<b>" + _("You play") + "</b>"),
                                             side=name))
        if u.finished:
            far = ngettext("{n} decision (both sides), played to the end; seed {seed}.",
                           "{n} decisions (both sides), played to the end; seed {seed}.",
                           u.decisions).format(n=u.decisions, seed=u.seed)
        else:
            far = ngettext("{n} decision so far (both sides), the last in the {stage}; "
                           "seed {seed}.",
                           "{n} decisions so far (both sides), the last in the {stage}; "
                           "seed {seed}.", u.decisions).format(
                n=u.decisions, stage=escape(self.stage_title(case, u.stage)), seed=u.seed)
        parts = [h(escape(clip(self.titles.get(u.scenario, u.scenario))), 22), you, far,
                 c(MUTED, _("Started {started}, last saved {saved}.").format(
                     started=escape(started(u.started)), saved=stamp(u.changed))
                   + f"<br>{escape(str(u.path))}")]
        if u.problem and not self.error:
            parts.append(c(ERROR_HEX, _(self.DAMAGED).format(
                problem=escape(clip(u.problem, 300)))))
        if self.error:
            parts.append(c(ERROR_HEX, escape(self.error)))
        return "<br><br>".join(parts)

    @staticmethod
    def stage_title(case, stage_id: str | None) -> str:
        """A stage's title by id (the id itself if the case does not load)."""
        stages = case.spec.stages if case is not None else []
        return next((s.title for s in stages if s.id == stage_id),
                    stage_id or _("first stage"))

    # -- choosing ---------------------------------------------------------------------------
    def pick(self, index: int) -> None:
        """Select the saved game at ``index`` (keyboard, or the list)."""
        if 0 <= index < len(self.saved) and index != self.chosen:
            self.chosen, self.error = index, None
            self.rebuild()

    def on_event(self, event: pygame.event.Event) -> bool:
        """A click in the list selects that game."""
        if (event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION
                and event.ui_element is getattr(self, "saved_list", None)):
            texts = getattr(self, "items", [])
            if event.text in texts:
                self.pick(texts.index(event.text))
            return True
        return False

    def resume(self) -> None:
        """Continue the chosen game (leaving a game in progress asks first)."""
        if not self.saved:
            return
        if self.app.in_progress:
            self.confirm(_("Leave this game?"), _("The game in progress is not over; its "
                                                   "decisions so far stay saved, and you can "
                                                   "continue it later from this list."),
                         _("Leave"), self.open_chosen)
        else:
            self.open_chosen()

    def open_chosen(self) -> None:
        """Replay the chosen file and go on where it stopped; say why if it cannot be."""
        try:
            self.app.resume(self.saved[self.chosen].path)
        except ValueError as exc:          # CannotResume: its reason, without command lines
            self.error = str(getattr(exc, "reason", exc))
            self.rebuild()
            return
        self.app.goto("briefing")

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The title screen's emblem and name beside the list."""
        surface.fill(style.BG)
        cx = min(px(230), self._text_x // 2)
        r = self.emblem_radius()
        draw_emblem(surface, (cx, px(40) + r), r)
        style.text(surface, "PLENARY", (cx, px(60) + 2 * r), 54, bold=True, anchor="midtop")
        style.text(surface, _(self.TAGLINE), (cx, px(126) + 2 * r), 18,
                   colour=style.MUTED, anchor="midtop")
