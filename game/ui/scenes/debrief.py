"""The debrief: your side's score, your votes beside the real record, who voted otherwise;
play again (back to the title, the case chosen) or finish."""
from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

import pygame

from ...vocabulary import BALLOT_CODES, BALLOT_STYLES, ballot_word
from .. import style, words
from ..widgets.cells import Look, fit
from ..widgets.chamber import Chamber
from .base import MARGIN, Scene
from .vote import NO_VOTE, VIEWS, outcome_words

if TYPE_CHECKING:
    from ..app import App

KEYS = BALLOT_CODES
MATRIX_H = 160
#: Pixels the record scrolls per wheel notch / per key.
WHEEL_STEP, KEY_STEP = 60, 120
SCROLL_KEYS = {pygame.K_PAGEDOWN: KEY_STEP * 3, pygame.K_PAGEUP: -KEY_STEP * 3,
               pygame.K_DOWN: KEY_STEP, pygame.K_UP: -KEY_STEP}


def tally_words(t: dict) -> str:
    """A tally in words ("40 in favour, 77 against, 50 abstentions"), with the absent if any;
    "no vote" if there was none."""
    if not t:
        return "no vote"
    s = (f"{t.get('yes', 0)} in favour, {t.get('no', 0)} against, "
         f"{t.get('abstain', 0)} abstention{'' if t.get('abstain', 0) == 1 else 's'}")
    return s + (f" ({t['absent']} absent)" if t.get("absent") else "")


class DebriefScene(Scene):
    """Per objective: met or not; per motion: your result and the record; per delegation:
    who voted as in history (grid, or the Council's table with the comparison inside)."""

    name = "debrief"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.history = {h.motion: h for h in self.game.scenario.spec.history}
        self.calls = [h.motion for h in self.game.scenario.spec.history
                      if h.roll_call and self.game.state.result(h.motion)
                      and self.game.state.result(h.motion).ballots]
        self.call = self.calls[0] if self.calls else None
        self.hover: str | None = None

    # -- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        """The record text on the left; the roll call chooser and its delegations; Finish."""
        w, h = self.size
        left_w = int((w - 3 * MARGIN) * 0.46)
        self.left = pygame.Rect(MARGIN, 72, left_w, h - 72 - MARGIN)
        self.right = pygame.Rect(2 * MARGIN + left_w, 72, w - 3 * MARGIN - left_w,
                                 h - 72 - MARGIN)
        if self.calls:
            opts = [(f"Roll call: {self.game.motion(m).symbol}", m) for m in self.calls]
            self.dropdown("call", (self.right.x, self.right.y, self.right.w, 34), opts, self.call,
                          self.set_call)
        self.layout_view()
        text_h = self.left.h - (MATRIX_H + 10 if self.matrix_left else 0)
        self.box = self.textbox((self.left.x, self.left.y, left_w, text_h), self.html())
        self.button("quit", (self.right.right - 180, h - MARGIN - 48, 180, 48), "Finish  (Esc)",
                    self.app.request_quit)
        self.button("again", (self.right.right - 180 - 12 - 240, h - MARGIN - 48, 240, 48),
                    "Play again  (Enter)", self.play_again, cls="@primary",
                    tip="Back to the title screen: this case again, as either side")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("quit")
        for k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.keys[k] = lambda: self.press("again")
        for k, step in SCROLL_KEYS.items():
            self.keys[k] = partial(self.scroll, step)

    def play_again(self) -> None:
        """Back to the title screen, this case chosen (the side and opponent may change)."""
        self.app.goto("title")

    @property
    def matrix_left(self) -> bool:
        """The 2014-against-yours matrix sits under the text, or inside the Council's table."""
        return bool(self.call) and not isinstance(getattr(self, "view", None), Chamber)

    def scroll(self, pixels: int) -> None:
        """Scroll the record by ``pixels`` (keyboard)."""
        self.scroll_text(self.box, pixels)

    def set_call(self, motion: str) -> None:
        """Show another roll call (the screen is laid out again)."""
        self.call = motion
        self.rebuild()

    def layout_view(self) -> None:
        """Place the selected roll call's delegations (grid, or the Council's table)."""
        if not self.call:
            return
        res = self.game.state.result(self.call)
        body = self.game.session.body(self.game.motion(self.call).body)
        self.view = VIEWS.get(body.members, VIEWS["all"])()
        if isinstance(self.view, Chamber):
            self.view.permanent = {m.iso3 for m in self.game.scenario.members if m.sc_seat == "P5"}
        self.names = {iso: self.game.member(iso).name for iso, _ in res.ballots}
        r = self.right
        self.grid_rect = pygame.Rect(r.x, r.y + 116, r.w, r.bottom - 48 - 12 - r.y - 116)
        self.view.layout(self.grid_rect, sorted(self.names))

    # -- content ----------------------------------------------------------------------------
    def record(self) -> dict[str, str]:
        """{iso3: ballot} in the historical roll call of the selected motion."""
        rc = self.history[self.call].roll_call
        return {iso: key for key in KEYS for iso in getattr(rc, key)}

    def ballots(self) -> dict[str, str]:
        """{iso3: ballot} in your game's vote on the selected motion."""
        return dict(self.game.state.result(self.call).ballots)

    def html(self) -> str:
        """Score; each motion, your result beside the record; who voted otherwise; notes."""
        game = self.game
        out = []
        score = words.score_html(game)
        if score:
            out.append(score)
        votes = [words.h("Your votes beside the record", 19) + "<br>"
                 + words.c(words.MUTED, f"You played {escape(game.side_name())}. Green: the "
                                        "outcome you worked for; red: the other.")]
        for m in game.scenario.spec.motions:
            for r in game.state.results:              # the floor's motions on it, first
                if r.motion != m.id and game.is_floor_motion(r.motion) and \
                        game.motion(r.motion).amends == m.id:
                    votes.append(self.floor_line(r))
            res = game.state.result(m.id)
            hist = self.history.get(m.id)
            yours = "not reached" if res is None else outcome_words(game, res).lower()
            if res is not None and res.outcome not in NO_VOTE:
                yours += " " + tally_words(dict(res.tally))
            if res is not None and (res.ballots or res.outcome == "no_action"):
                good = game.good_for_player(res)
                yours = words.c(words.ink("yes" if good else "no"), yours)
            real = "—"
            if hist:
                real = escape(hist.outcome) + (f" {tally_words(hist.tally.model_dump())}"
                                               if hist.tally else "")
            votes.append(f"<b>{escape(m.symbol)}</b> {words.c(words.MUTED, escape(m.title))}<br>"
                         f"&nbsp;&nbsp;Your game: {yours} · In {game.scenario.spec.year}: "
                         f"{real}")
        out.append("<br>".join(votes))
        if self.call:
            out.append(self.differences())
        for h in (h for h in game.scenario.spec.history if h.note):
            out.append(words.c(words.MUTED, f"{escape(game.motion(h.motion).symbol)}: "
                                            f"{escape(h.note)}"))
        writer = game.session.writer
        for note in game.notices():
            out.append(words.c(words.GOLD, escape(note)))
        if writer and not writer.error:
            out.append(words.c(words.MUTED, f"Session saved to<br>{words.path_html(writer.path)}"))
        return "<br><br>".join(out)

    def floor_line(self, res) -> str:
        """A motion the floor raised (no action, division, separate vote) and its outcome."""
        game = self.game
        mo = game.motion(res.motion)
        yours = outcome_words(game, res).lower()
        if res.outcome not in NO_VOTE:
            yours += " " + tally_words(dict(res.tally))
        if res.ballots:
            yours = words.c(words.ink("yes" if game.good_for_player(res) else "no"), yours)
        return (f"&nbsp;&nbsp;{words.c(words.MUTED, escape(mo.title))}: {yours}")

    def differences(self) -> str:
        """Who voted otherwise than in history on the selected roll call, grouped by change."""
        ours, real = self.ballots(), self.record()
        year = self.game.scenario.spec.year
        groups: dict[tuple[str, str], list[str]] = {}
        for iso in sorted(ours, key=lambda i: self.game.member(i).name):
            if iso in real and real[iso] != ours[iso]:
                groups.setdefault((real[iso], ours[iso]), []).append(self.game.member(iso).name)
        symbol = escape(self.game.motion(self.call).symbol)
        lines = [f"<b>Voted otherwise than in {year} on {symbol}</b>"]
        for (then, now), names in sorted(groups.items(), key=lambda t: -len(t[1])):
            lines.append(f"{words.c(words.MUTED, f'{year} {ballot_word(then)}, here')} "
                         f"{ballot_word(now)} ({len(names)}): {escape(', '.join(names))}")
        return "<br>".join(lines if groups else lines + [f"Nobody: every delegation voted as in "
                                                          f"{year}."])

    # -- events and drawing -----------------------------------------------------------------
    def on_event(self, event: pygame.event.Event) -> bool:
        """Pointing at a delegation shows both votes; the wheel scrolls the record."""
        if event.type == pygame.MOUSEMOTION and self.call:
            self.hover = self.view.hit(event.pos)
        elif event.type == pygame.MOUSEWHEEL:       # anywhere over the left column
            if self.left.collidepoint(pygame.mouse.get_pos()):
                return self.scroll_text(self.box, -event.y * WHEEL_STEP)
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Title; how many voted as in history, the delegations, the comparison matrix."""
        surface.fill(style.BG)
        style.text(surface, "Debrief", (MARGIN, 14), 30, bold=True)
        year = self.game.scenario.spec.year
        style.text(surface, f"How close did your game come to {year}?", (MARGIN + 150, 26), 16,
                   colour=style.MUTED)
        if not self.call:
            style.paragraph(surface, "No vote with a historical roll call was held in your game, "
                            "so there is no state-by-state comparison.", self.right, 17,
                            colour=style.MUTED)
            return
        ours, real = self.ballots(), self.record()
        same = sum(1 for iso, b in ours.items() if real.get(iso) == b)
        r = self.right
        style.text(surface, f"{same} of {len(ours)} delegations voted as in {year}",
                   (r.x, r.y + 44), 20, bold=True)
        style.paragraph(surface, f"Colour and symbol: the vote in your game. White outline: that "
                        f"delegation voted otherwise in {year} (point at it for both).",
                        pygame.Rect(r.x, r.y + 74, r.w, 40), 13, colour=style.MUTED, max_lines=2)
        looks = {iso: Look(b, flag=real.get(iso) != b) for iso, b in ours.items()}
        self.view.draw(surface, looks, None, self.names)
        if self.matrix_left:
            rect = pygame.Rect(self.left.x, self.left.bottom - MATRIX_H, self.left.w, MATRIX_H)
        else:
            rect = self.view.centre.inflate(-24, -24)
            rect.h = min(rect.h, MATRIX_H + 20)
            rect.centery = self.view.centre.centery
        self.draw_matrix(surface, ours, real, rect)

    def draw_matrix(self, surface, ours: dict, real: dict, rect: pygame.Rect) -> None:
        """Rows: the historical record; columns: your game; cells: number of delegations."""
        style.panel(surface, rect)
        first = min(120, rect.w // 4)
        cw = (rect.w - first - 10) // 4
        step = (rect.h - 62) // 4
        year = self.game.scenario.spec.year
        style.text(surface, f"Rows: {year} · columns: your game",
                   (rect.x + 10, rect.y + 8), 12, colour=style.MUTED, max_width=rect.w - 20)
        for j, k in enumerate(KEYS):
            label = ballot_word(k)
            style.text(surface, label, (rect.x + first + j * cw + cw // 2, rect.y + 30),
                       fit(label, cw - 4, 13), colour=style.BALLOT_COLOURS[k], bold=True,
                       anchor="midtop")
        for i, row in enumerate(KEYS):
            y = rect.y + 54 + i * step
            style.text(surface, ballot_word(row), (rect.x + 10, y), 13,
                       colour=style.BALLOT_COLOURS[row], bold=True, max_width=first - 10)
            for j, col in enumerate(KEYS):
                n = sum(1 for iso, b in ours.items() if b == col and real.get(iso) == row)
                style.text(surface, str(n), (rect.x + first + j * cw + cw // 2, y), 15,
                           bold=i == j, colour=style.TEXT if i == j else style.MUTED,
                           anchor="midtop")

    def draw_over(self, surface: pygame.Surface) -> None:
        """The pointed-at delegation's vote in history and in your game."""
        if not (self.call and self.hover) or self.overlay_open:
            return
        then = self.record().get(self.hover)
        now = self.ballots().get(self.hover)
        line = (f"{self.names.get(self.hover, self.hover)}: {self.game.scenario.spec.year} "
                f"{BALLOT_STYLES[then].word if then in BALLOT_STYLES else 'not recorded'}, "
                f"your game {BALLOT_STYLES[now].word if now in BALLOT_STYLES else '?'}")
        style.tooltip(surface, line, self.view.cells[self.hover], self.grid_rect)
