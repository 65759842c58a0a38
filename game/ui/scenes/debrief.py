"""The debrief: your votes beside the real 2014 record, tally by tally and state by state."""
from __future__ import annotations

from html import escape

import pygame

from .. import style, words
from ..widgets.cells import Look
from ..widgets.chamber import Chamber
from .base import MARGIN, Scene
from .vote import OUTCOME_WORDS, VIEWS

KEYS = ("yes", "no", "abstain", "absent")


def tally_words(t: dict) -> str:
    if not t:
        return "no vote"
    s = f"{t.get('yes', 0)}-{t.get('no', 0)}-{t.get('abstain', 0)}"
    return s + (f" ({t['absent']} absent)" if t.get("absent") else "")


class DebriefScene(Scene):
    """Per motion: your result and the record; per delegation: who voted as in history."""

    name = "debrief"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.history = {h.motion: h for h in self.game.scenario.spec.history}
        self.calls = [h.motion for h in self.game.scenario.spec.history
                      if h.roll_call and self.game.state.result(h.motion)
                      and self.game.state.result(h.motion).ballots]
        self.call = self.calls[0] if self.calls else None

    def build(self) -> None:
        w, h = self.size
        left_w = int((w - 3 * MARGIN) * 0.48)
        self.textbox((MARGIN, 72, left_w, h - 72 - 80), self.html())
        self.right = pygame.Rect(2 * MARGIN + left_w, 72, w - 3 * MARGIN - left_w, h - 72 - 80)
        if self.calls:
            opts = [(f"Roll call: {self.game.motion(m).symbol}", m) for m in self.calls]
            self.dropdown("call", (self.right.x, self.right.y, self.right.w, 34), opts, self.call,
                          self.set_call)
        self.layout_view()
        self.button("quit", (w - MARGIN - 200, h - MARGIN - 48, 200, 48), "Finish  (Esc)",
                    self.quit, cls="@primary")
        for k in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.keys[k] = lambda: self.press("quit")

    def set_call(self, motion: str) -> None:
        self.call = motion
        self.layout_view()

    def layout_view(self) -> None:
        if not self.call:
            return
        res = self.game.state.result(self.call)
        body = self.game.world.bodies[self.game.motion(self.call).body]
        self.view = VIEWS.get(body.members, VIEWS["all"])()
        if isinstance(self.view, Chamber):
            self.view.permanent = {m.iso3 for m in self.game.scenario.members if m.sc_seat == "P5"}
        names = {iso: self.game.member(iso).name for iso, _ in res.ballots}
        self.names = names
        area = pygame.Rect(self.right.x, self.right.y + 112, self.right.w, self.right.h - 112 - 150)
        self.view.layout(area, sorted(names, key=names.get))
        self.grid_rect = area

    def record(self) -> dict[str, str]:
        """{iso3: ballot} in the historical roll call of the selected motion."""
        rc = self.history[self.call].roll_call
        return {iso: key for key in KEYS for iso in getattr(rc, key)}

    def html(self) -> str:
        game = self.game
        out = [words.h("Your session beside the record", 20),
               words.c(words.MUTED, "Green: the outcome you worked for; red: the other.")]
        for m in game.scenario.spec.motions:
            res = game.state.result(m.id)
            hist = self.history.get(m.id)
            yours = "not reached" if res is None else (
                f"{OUTCOME_WORDS.get(res.outcome, res.outcome).lower()} {tally_words(dict(res.tally))}")
            if res is not None and res.adopted != (m.sponsors_want == "yes") and res.ballots:
                yours = words.c(words.NO, yours)
            elif res is not None and res.ballots:
                yours = words.c(words.YES, yours)
            real = "—"
            if hist:
                real = escape(hist.outcome) + (f" {tally_words(hist.tally.model_dump())}"
                                               if hist.tally else "")
            out.append(f"<b>{escape(m.symbol)}</b> {words.c(words.MUTED, escape(m.title))}<br>"
                       f"&nbsp;&nbsp;Your game: {yours}<br>&nbsp;&nbsp;In 2014: {real}")
        notes = [h for h in game.scenario.spec.history if h.note]
        for h in notes:
            out.append(words.c(words.MUTED, f"{escape(game.motion(h.motion).symbol)}: {escape(h.note)}"))
        writer = game.session.writer
        if writer:
            out.append(words.c(words.MUTED, f"Session saved to {escape(str(writer.path))}"))
        return "<br><br>".join(out)

    def quit(self) -> None:
        self.app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(style.BG)
        style.text(surface, "Debrief", (MARGIN, 14), 30, bold=True)
        style.text(surface, "How close did your game come to history?",
                   (MARGIN + 150, 26), 16, colour=style.MUTED)
        if not self.call:
            style.paragraph(surface, "No vote with a historical roll call was held in your game, "
                            "so there is no state-by-state comparison.", self.right, 17,
                            colour=style.MUTED)
            return
        res = dict(self.game.state.result(self.call).ballots)
        real = self.record()
        same = sum(1 for iso, b in res.items() if real.get(iso) == b)
        r = self.right
        style.text(surface, f"{same} of {len(res)} delegations voted as in 2014", (r.x, r.y + 46),
                   20, bold=True)
        style.text(surface, "Colour: your game. White outline: voted otherwise in 2014. "
                   "Table: rows the 2014 record, columns your game.",
                   (r.x, r.y + 78), 13, colour=style.MUTED, max_width=r.w)
        looks = {iso: Look(b, flag=real.get(iso) != b) for iso, b in res.items()}
        self.view.draw(surface, looks, None, self.names)
        self.draw_matrix(surface, res, real, pygame.Rect(r.x, self.grid_rect.bottom + 12, r.w, 138))

    def draw_matrix(self, surface, res: dict, real: dict, rect: pygame.Rect) -> None:
        """Rows: the 2014 record; columns: your game; cells: number of delegations."""
        style.panel(surface, rect)
        cw = (rect.w - 120) // 4
        style.text(surface, "2014 \\ yours", (rect.x + 10, rect.y + 8), 13, colour=style.MUTED)
        for j, k in enumerate(KEYS):
            style.text(surface, style.BALLOT_LABELS[k], (rect.x + 120 + j * cw + cw // 2, rect.y + 8),
                       13, colour=style.BALLOT_COLOURS[k], bold=True, anchor="midtop")
        for i, row in enumerate(KEYS):
            y = rect.y + 30 + i * 26
            style.text(surface, style.BALLOT_LABELS[row], (rect.x + 10, y), 13,
                       colour=style.BALLOT_COLOURS[row], bold=True)
            for j, col in enumerate(KEYS):
                n = sum(1 for iso, b in res.items() if b == col and real.get(iso) == row)
                colour = style.TEXT if i == j else style.MUTED
                style.text(surface, str(n), (rect.x + 120 + j * cw + cw // 2, y), 15,
                           bold=i == j, colour=colour, anchor="midtop")
