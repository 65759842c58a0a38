"""The replay viewer: a saved game step by step (``game.review.Review``).

At each step: the whip count as it stood (the forecast ballots of the motion in play, or the
recorded ballots where a vote was taken), its tally and P(adopted); the list of decisions to
jump to; and one of three panels: this step (the decision, what it did, the votes it brought
on, whose most probable ballot it changed and why), the text as it read, the move log up to
there. Left/Right step, Home/End jump to the ends, PageUp/PageDown ten decisions; W plays on
from here (what if), C compares with another game, Esc goes back."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UISelectionList

from ...i18n import N_, _
from .. import review_words, style, words
from ..controller import Game
from ..style import px
from ..widgets.cells import Look, legend, look_from_probs
from ..widgets.chamber import Chamber
from ..widgets.tally import draw_tally
from ..widgets.whipgrid import WhipGrid
from .base import MARGIN, Scene
from .draft import stage_text_id, text_html, text_symbols
from .intro import long_date

if TYPE_CHECKING:
    from ...review import Review
    from ..app import App

HEADER = 64
TALLY_H = 84
NAV_H = 40
#: Decisions PageUp/PageDown jump.
PAGE = 10
#: The panels under the list: key, button label, key that opens it.
TABS = (("step", N_("This step  (S)"), pygame.K_s), ("text", N_("Text  (T)"), pygame.K_t),
        ("log", N_("Move log  (L)"), pygame.K_l))


class ReviewScene(Scene):
    """One saved game, any step of it; nothing here changes the game."""

    name = "review"

    def __init__(self, app: App, review: Review, step: int = 0, tab: str = "step") -> None:
        super().__init__(app)
        self.review = review
        self.tab = tab
        self.step = review.clamp(step)
        self.error: str | None = None
        self.at: Game = self.game_at(self.step)
        self.looks: dict[str, Look] = {}
        self.view: WhipGrid | Chamber = WhipGrid()
        self.motion: str | None = None
        self.recorded: dict[str, str] | None = None
        self.voted: list[str] = []
        self.vote = 0

    @property
    def shot_name(self) -> str:
        """review_vote at a step that took a vote, review_lobbying at one that changed a
        ballot, else review (one screenshot of each)."""
        if self.recorded is not None:
            return "review_vote"
        return "review_lobbying" if self.step and self.review.changes(self.step) else "review"

    def game_at(self, step: int) -> Game:
        """The game after ``step`` decisions, for the screens' readers."""
        return Game(self.review.at(step), level=self.review.header.get("opponent") or None)

    # -- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        """Header buttons, the tally and delegations with the step buttons under them, the list
        of decisions, the panel tabs and the panel."""
        w, h = self.size
        m, top = px(MARGIN), px(HEADER + 8)
        rw = max(px(460), int(w * 0.36))
        right = pygame.Rect(w - m - rw, top, rw, h - top - m)
        left = pygame.Rect(m, right.y, right.x - 2 * m, right.h)
        self.tally_rect = pygame.Rect(left.x, left.y, left.w, px(TALLY_H))
        nav_y = left.bottom - px(NAV_H)
        self.note_rect = pygame.Rect(left.x, nav_y - px(44), left.w, px(40))
        self.view_rect = pygame.Rect(left.x, self.tally_rect.bottom + px(10), left.w,
                                     self.note_rect.y - px(30) - self.tally_rect.bottom - px(10))
        self.build_nav(pygame.Rect(left.x, nav_y, left.w, px(NAV_H)))
        x = self.help_rect().x - px(8)
        for key, label, width, handler, k in (
                ("back", _("Back (Esc)"), 120, self.back, pygame.K_ESCAPE),
                ("compare", _("Compare… (C)"), 150, self.compare, pygame.K_c),
                ("whatif", _("Play on from here (W)"), 210, self.what_if, pygame.K_w)):
            x -= px(width)
            self.button(key, (x, px(12), px(width), px(HEADER - 24)), label, handler)
            self.keys[k] = partial(self.press, key)
            x -= px(8)
        self.title_room = x - 2 * m
        list_h = int(right.h * 0.38)
        items: list[str | tuple[str, str]] = [
            review_words.step_list_item(self.review, self.at, k)
            for k in range(self.review.steps + 1)]
        # a line too long for the list ends in an ellipsis (the panel says it in full)
        items = [style.ellipsize(str(i), right.w - px(40), 16) for i in items]
        self.items = [str(i) for i in items]
        self.steps_list = self.add(UISelectionList(
            pygame.Rect(right.x, right.y, right.w, list_h), items, self.manager,
            object_id=ObjectID("#steps", None)))
        gap = px(8)
        tw = (right.w - gap * (len(TABS) - 1)) // len(TABS)
        y = right.y + list_h + gap
        for k, (tab, label, code) in enumerate(TABS):
            self.button(f"tab_{tab}", (right.x + k * (tw + gap), y, tw, px(34)), _(label),
                        partial(self.show_tab, tab))
            self.keys[code] = partial(self.show_tab, tab)
        y += px(34) + gap
        self.box = self.textbox((right.x, y, right.w, right.bottom - y), "", "@dossier")
        self.keys[pygame.K_LEFT] = partial(self.go, -1)
        self.keys[pygame.K_RIGHT] = partial(self.go, 1)
        self.keys[pygame.K_PAGEUP] = partial(self.go, -PAGE)
        self.keys[pygame.K_PAGEDOWN] = partial(self.go, PAGE)
        self.keys[pygame.K_HOME] = partial(self.goto_step, 0)
        self.keys[pygame.K_END] = partial(self.goto_step, self.review.steps)
        self.keys[pygame.K_v] = self.next_vote
        self.goto_step(self.step)

    def build_nav(self, bar: pygame.Rect) -> None:
        """The step buttons under the delegations."""
        labels: tuple[tuple[str, str, Callable[[], None]], ...] = (
                  ("start", _("Start  (Home)"), partial(self.goto_step, 0)),
                  ("page_back", _("−10  (PgUp)"), partial(self.go, -PAGE)),
                  ("prev", _("Back  (Left)"), partial(self.go, -1)),
                  ("next", _("Next  (Right)"), partial(self.go, 1)),
                  ("page_next", _("+10  (PgDn)"), partial(self.go, PAGE)),
                  ("end", _("End  (End)"), lambda: self.goto_step(self.review.steps)))
        gap = px(6)
        bw = (bar.w - gap * (len(labels) - 1)) // len(labels)
        for k, (key, label, handler) in enumerate(labels):
            bold = key == "next"
            shown = style.ellipsize(label, bw - px(12), 16 if bold else 15, bold=bold)
            self.button(key, (bar.x + k * (bw + gap), bar.y, bw, bar.h), shown, handler,
                        cls="@primary" if bold else "@button",
                        tip=label if shown != label else None)

    # -- stepping ---------------------------------------------------------------------------
    def go(self, by: int) -> None:
        """Step ``by`` decisions forward (negative: back)."""
        self.goto_step(self.step + by)

    def goto_step(self, step: int, vote: int = 0) -> None:
        """Show the game after ``step`` decisions (kept within the game); at a step that took
        several votes, the ``vote``-th of them."""
        self.step = self.review.clamp(step)
        self.at = self.game_at(self.step)
        self.voted = [r.motion for r in self.review.held(self.step) if r.ballots]
        self.vote = vote % len(self.voted) if self.voted else 0
        self.motion = self.voted[self.vote] if self.voted else self.review.motion(self.step)
        self.recorded = (self.review.ballots(self.step, self.motion)
                         if self.motion is not None else None)
        self.lay_out_view()
        self.box.set_text(self.panel_html())
        self.select_row(self.step)
        for key in ("start", "page_back", "prev"):
            self.buttons[key].enable() if self.step > 0 else self.buttons[key].disable()
        for key in ("next", "page_next", "end"):
            (self.buttons[key].enable() if self.step < self.review.steps
             else self.buttons[key].disable())
        finished = self.review.state(self.step).finished
        self.buttons["whatif"].disable() if finished else self.buttons["whatif"].enable()
        for tab, _label, _key in TABS:
            b = self.buttons[f"tab_{tab}"]
            b.select() if tab == self.tab else b.unselect()

    def lay_out_view(self) -> None:
        """The delegations of the motion shown: the grid, or the Council's table."""
        if self.motion is None:
            self.looks = {}
            self.view.layout(self.view_rect, [])
            return
        game = self.at
        body = game.session.body(game.motion(self.motion).body)
        if body.members == "security_council":
            self.view = Chamber({m.iso3 for m in game.scenario.members if m.sc_seat == "P5"})
        else:
            self.view = WhipGrid()
        if self.recorded is not None:
            self.looks = {iso: Look(b, mark=self.mark(iso)) for iso, b in self.recorded.items()}
        else:
            probs = game.probabilities(self.motion)
            self.looks = {iso: look_from_probs(p, mark=self.mark(iso))
                          for iso, p in probs.items()}
        self.view.layout(self.view_rect, sorted(self.looks))

    def mark(self, iso: str) -> str | None:
        """The cell's mark, as on the floor: co-sponsor, a side's own delegation, or None."""
        if self.at.is_cosponsor(iso):
            return "cosponsor"
        return {"sponsors": "sponsor", "opposition": "opposition"}.get(
            self.at.side_of(iso) or "")

    def select_row(self, step: int) -> None:
        """Select the step's line in the list and scroll it into view."""
        rows = self.steps_list.item_list
        for k, item in enumerate(rows):
            item["selected"] = k == step
            button = item["button_element"]
            if button is not None:
                button.select() if k == step else button.unselect()
        bar = self.steps_list.scroll_bar
        if bar is not None and rows:
            # whole rows from the top, the step's row in the middle of those shown
            shown = max(1, int(bar.visible_percentage * len(rows)))
            first = max(0, min(len(rows) - shown, step - shown // 2))
            bar.set_scroll_from_start_percentage(first / len(rows))
            bar.has_moved_recently = True

    def next_vote(self) -> None:
        """V: the next of the votes this step took (the first again after the last)."""
        if len(self.voted) > 1:
            self.goto_step(self.step, self.vote + 1)

    def show_tab(self, tab: str) -> None:
        """Show the step, the text or the move log in the panel."""
        self.tab = tab
        self.goto_step(self.step)

    def panel_html(self) -> str:
        """The panel's HTML for the tab shown (a damaged file's note first)."""
        game = self.at
        if self.tab == "text":
            text_id = stage_text_id(game)
            html = text_html(game, text_id, text_symbols(game, text_id))
        elif self.tab == "log":
            html = words.move_log(game)
        else:
            html = review_words.step_html(self.review, game, self.step)
        if self.error:
            html = words.c(words.ERROR_HEX, self.error) + "<br><br>" + html
        return html

    def on_event(self, event: pygame.event.Event) -> bool:
        """A click in the list jumps to that decision; the wheel scrolls the panel."""
        if (event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION
                and event.ui_element is self.steps_list):
            if event.text in self.items:
                self.goto_step(self.items.index(event.text))
            return True
        if event.type == pygame.MOUSEWHEEL and self.box.rect.collidepoint(
                pygame.mouse.get_pos()):
            return self.scroll_text(self.box, -event.y * 60)
        return False

    # -- leaving ----------------------------------------------------------------------------
    def back(self) -> None:
        """Esc: back to the list of saved games."""
        self.app.goto("sessions")

    def what_if(self) -> None:
        """Play on from this step: a new game making the same first decisions (its file's
        header names this file and the step), then the player's own."""
        try:
            self.app.branch(self.review.path, self.step)
        except ValueError as exc:
            self.error = str(getattr(exc, "reason", exc))
            self.goto_step(self.step)
            return
        self.app.goto("briefing")

    def compare(self) -> None:
        """Choose the game to compare this one with (its parent first, if a what-if)."""
        self.app.goto("sessions", against=self.review)

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header, the tally, the delegations and their legend, a damaged file's note."""
        surface.fill(style.BG)
        w, head, m = self.size[0], px(HEADER), px(MARGIN)
        pygame.draw.rect(surface, style.BG_DEEP, (0, 0, w, head))
        pygame.draw.line(surface, style.PANEL_EDGE, (0, head - 1), (w, head - 1))
        game, review = self.at, self.review
        style.text(surface, _("Review · {title}").format(title=game.scenario.spec.title),
                   (m, px(4)), 22,
                   bold=True, max_width=self.title_room)
        stage = game.stage
        where = (_("{stage}, {date}").format(stage=stage.title, date=long_date(stage.date))
                 if stage else _("the game is over"))
        style.text(surface, _("{file} · step {step} of {steps} · {where}").format(
                       file=review.path.name, step=self.step, steps=review.steps, where=where),
                   (m, px(34)), 14, colour=style.MUTED, max_width=self.title_room)
        want = self.want()
        self.draw_tally(surface)
        self.view.draw(surface, self.looks, None, self.names(),
                       colours=style.ballot_colours(want))
        if self.looks:
            legend(surface, (self.view_rect.x, self.view_rect.bottom + px(8)),
                   forecast=self.recorded is None, max_width=self.view_rect.w,
                   want_adopted=want)
        note = review.stopped or (review.notes[0] if review.notes else "")
        if note:
            style.paragraph(surface, note, self.note_rect, 13, max_lines=2,
                            colour=style.ERROR if review.stopped else style.GOLD)

    def want(self) -> bool | None:
        """Whether the player's side wants the motion shown adopted (None: none shown)."""
        return self.at.wants_adopted(self.motion) if self.motion is not None else None

    def names(self) -> dict[str, str]:
        """Names the cells show where they are wide enough (as on the floor)."""
        return {iso: self.at.member(iso).name for iso in self.looks}

    def draw_tally(self, surface: pygame.Surface) -> None:
        """The recorded tally where a vote was taken, else the expected one if voted now."""
        if self.motion is None:
            style.panel(surface, self.tally_rect)
            style.text(surface, _("The game is over: every vote has been taken."),
                       self.tally_rect.center, 16, colour=style.MUTED, anchor="center")
            return
        game, motion = self.at, self.at.motion(self.motion)
        rule = words.rule_short(game.session.rule(motion.id))
        if self.recorded is not None:
            result = game.state.result(motion.id)
            assert result is not None, "the step recorded this vote"
            counts = [dict(result.tally).get(k, 0) for k in ("yes", "no", "abstain", "absent")]
            before = self.review.state(self.step - 1)
            p = game.session.forecast(motion.id, before).p_adopted
            if len(self.voted) > 1:
                title = _("Recorded vote on {symbol}: {outcome} (vote {k} of {n} here; V: the "
                          "next). P(adopted) just before the vote. Needed {rule}.").format(
                    symbol=motion.symbol, outcome=review_words.outcome(game, result),
                    k=self.vote + 1, n=len(self.voted), rule=rule)
            else:
                title = _("Recorded vote on {symbol}: {outcome}. P(adopted) just before the "
                          "vote. Needed {rule}.").format(
                    symbol=motion.symbol, outcome=review_words.outcome(game, result), rule=rule)
            draw_tally(surface, self.tally_rect, counts, title=title, p_adopted=p,
                       want_adopted=self.want())
            return
        f = game.forecast(motion.id)
        draw_tally(surface, self.tally_rect, [int(x) for x in f.counts],
                   title=_("{symbol} as it stood after decision {step}: expected if voted "
                           "then. Needs {rule}.").format(symbol=motion.symbol, step=self.step,
                                                         rule=rule), p_adopted=f.p_adopted,
                   want_adopted=self.want())
