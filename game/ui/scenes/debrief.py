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
MATRIX_H = 150


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
        self.hover: str | None = None

    # -- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.size
        left_w = int((w - 3 * MARGIN) * 0.46)
        self.left = pygame.Rect(MARGIN, 72, left_w, h - 72 - MARGIN)
        self.right = pygame.Rect(2 * MARGIN + left_w, 72, w - 3 * MARGIN - left_w,
                                 h - 72 - MARGIN)
        text_h = self.left.h - (MATRIX_H + 10 if self.call else 0)
        self.box = self.textbox((self.left.x, self.left.y, left_w, text_h), self.html())
        if self.calls:
            opts = [(f"Roll call: {self.game.motion(m).symbol}", m) for m in self.calls]
            self.dropdown("call", (self.right.x, self.right.y, self.right.w, 34), opts, self.call,
                          self.set_call)
        self.layout_view()
        self.button("quit", (self.right.right - 200, h - MARGIN - 48, 200, 48), "Finish  (Esc)",
                    self.quit, cls="@primary")
        for k in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.keys[k] = lambda: self.press("quit")

    def set_call(self, motion: str) -> None:
        self.call = motion
        self.layout_view()
        self.box.set_text(self.html())

    def layout_view(self) -> None:
        """Place the selected roll call's delegations (grid, or the Council's table)."""
        if not self.call:
            return
        res = self.game.state.result(self.call)
        body = self.game.world.bodies[self.game.motion(self.call).body]
        self.view = VIEWS.get(body.members, VIEWS["all"])()
        if isinstance(self.view, Chamber):
            self.view.permanent = {m.iso3 for m in self.game.scenario.members if m.sc_seat == "P5"}
        self.names = {iso: self.game.member(iso).name for iso, _ in res.ballots}
        r = self.right
        self.grid_rect = pygame.Rect(r.x, r.y + 116, r.w, r.bottom - 48 - 12 - r.y - 116)
        self.view.layout(self.grid_rect, sorted(self.names, key=self.names.get))

    # -- content ----------------------------------------------------------------------------
    def record(self) -> dict[str, str]:
        """{iso3: ballot} in the historical roll call of the selected motion."""
        rc = self.history[self.call].roll_call
        return {iso: key for key in KEYS for iso in getattr(rc, key)}

    def ballots(self) -> dict[str, str]:
        return dict(self.game.state.result(self.call).ballots)

    def html(self) -> str:
        """Each motion: your result beside 2014; then who voted otherwise; notes."""
        game = self.game
        out = [words.h("Your session beside the record", 20) + "<br>"
               + words.c(words.MUTED, "Green: the outcome you worked for; red: the other.")]
        for m in game.scenario.spec.motions:
            res = game.state.result(m.id)
            hist = self.history.get(m.id)
            yours = "not reached" if res is None else (
                f"{OUTCOME_WORDS.get(res.outcome, res.outcome).lower()} {tally_words(dict(res.tally))}")
            if res is not None and res.ballots:
                good = res.adopted == (m.sponsors_want == "yes")
                yours = words.c(words.YES if good else words.NO, yours)
            real = "—"
            if hist:
                real = escape(hist.outcome) + (f" {tally_words(hist.tally.model_dump())}"
                                               if hist.tally else "")
            out.append(f"<b>{escape(m.symbol)}</b> {words.c(words.MUTED, escape(m.title))}<br>"
                       f"&nbsp;&nbsp;Your game: {yours}<br>&nbsp;&nbsp;In 2014: {real}")
        if self.call:
            out.append(self.differences())
        for h in (h for h in game.scenario.spec.history if h.note):
            out.append(words.c(words.MUTED, f"{escape(game.motion(h.motion).symbol)}: "
                                            f"{escape(h.note)}"))
        writer = game.session.writer
        if writer:
            out.append(words.c(words.MUTED, f"Session saved to {escape(str(writer.path))}"))
        return "<br><br>".join(out)

    def differences(self) -> str:
        """Who voted otherwise than in 2014 on the selected roll call, grouped by change."""
        ours, real = self.ballots(), self.record()
        groups: dict[tuple[str, str], list[str]] = {}
        for iso in sorted(ours, key=lambda i: self.game.member(i).name):
            if iso in real and real[iso] != ours[iso]:
                groups.setdefault((real[iso], ours[iso]), []).append(self.game.member(iso).name)
        symbol = escape(self.game.motion(self.call).symbol)
        lines = [f"<b>Voted otherwise than in 2014 on {symbol}</b>"]
        for (then, now), names in sorted(groups.items(), key=lambda t: -len(t[1])):
            lines.append(f"{words.c(words.MUTED, f'2014 {style.BALLOT_LABELS[then]}, here')} "
                         f"{style.BALLOT_LABELS[now]} ({len(names)}): {escape(', '.join(names))}")
        return "<br>".join(lines if groups else lines + ["Nobody: every delegation voted as in 2014."])

    # -- events and drawing -----------------------------------------------------------------
    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION and self.call:
            self.hover = self.view.hit(event.pos)
        return False

    def quit(self) -> None:
        self.app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(style.BG)
        style.text(surface, "Debrief", (MARGIN, 14), 30, bold=True)
        style.text(surface, "How close did your game come to history?", (MARGIN + 150, 26), 16,
                   colour=style.MUTED)
        if not self.call:
            style.paragraph(surface, "No vote with a historical roll call was held in your game, "
                            "so there is no state-by-state comparison.", self.right, 17,
                            colour=style.MUTED)
            return
        ours, real = self.ballots(), self.record()
        same = sum(1 for iso, b in ours.items() if real.get(iso) == b)
        r = self.right
        style.text(surface, f"{same} of {len(ours)} delegations voted as in 2014",
                   (r.x, r.y + 44), 20, bold=True)
        style.paragraph(surface, "Colour and symbol: the vote in your game. White outline: that "
                        "delegation voted otherwise in 2014 (point at it for both).",
                        pygame.Rect(r.x, r.y + 74, r.w, 40), 13, colour=style.MUTED, max_lines=2)
        looks = {iso: Look(b, flag=real.get(iso) != b) for iso, b in ours.items()}
        self.view.draw(surface, looks, None, self.names)
        self.draw_matrix(surface, ours, real,
                         pygame.Rect(self.left.x, self.left.bottom - MATRIX_H, self.left.w, MATRIX_H))

    def draw_matrix(self, surface, ours: dict, real: dict, rect: pygame.Rect) -> None:
        """Rows: the 2014 record; columns: your game; cells: number of delegations."""
        style.panel(surface, rect)
        cw = (rect.w - 130) // 4
        style.text(surface, "2014 (rows) / yours", (rect.x + 10, rect.y + 8), 12,
                   colour=style.MUTED)
        for j, k in enumerate(KEYS):
            style.text(surface, style.BALLOT_LABELS[k], (rect.x + 130 + j * cw + cw // 2,
                       rect.y + 8), 13, colour=style.BALLOT_COLOURS[k], bold=True, anchor="midtop")
        for i, row in enumerate(KEYS):
            y = rect.y + 34 + i * 27
            style.text(surface, style.BALLOT_LABELS[row], (rect.x + 10, y), 13,
                       colour=style.BALLOT_COLOURS[row], bold=True)
            for j, col in enumerate(KEYS):
                n = sum(1 for iso, b in ours.items() if b == col and real.get(iso) == row)
                style.text(surface, str(n), (rect.x + 130 + j * cw + cw // 2, y), 15,
                           bold=i == j, colour=style.TEXT if i == j else style.MUTED,
                           anchor="midtop")

    def draw_over(self, surface: pygame.Surface) -> None:
        if not (self.call and self.hover):
            return
        then = self.record().get(self.hover)
        now = self.ballots().get(self.hover)
        line = (f"{self.names.get(self.hover, self.hover)}: 2014 "
                f"{style.BALLOT_LABELS.get(then, 'not recorded')}, your game "
                f"{style.BALLOT_LABELS.get(now, '?')}")
        img = style.font(14).render(line, True, style.TEXT)
        x, y = pygame.mouse.get_pos()
        r = img.get_rect(topleft=(x + 16, y + 18)).inflate(12, 8)
        r.clamp_ip(surface.get_rect())
        pygame.draw.rect(surface, style.BG_DEEP, r, border_radius=6)
        pygame.draw.rect(surface, style.UN_BLUE, r, 1, border_radius=6)
        surface.blit(img, img.get_rect(center=r.center))
