"""The draft resolution's text, with the operative paragraphs the sponsors may revise."""
from __future__ import annotations

from html import escape

import numpy as np
import pygame

from ... import rules
from ...decisions import DecisionError, ReviseText
from ...scenario.models import Paragraph
from .. import style, words
from .base import MARGIN, Scene

ABSENT = "absent"
HEAD = 84


class DraftScene(Scene):
    """Read the text; pick a wording per editable paragraph and revise (Esc: back)."""

    name = "text"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.text_id = self.find_text()
        self.text = self.game.scenario.spec.texts[self.text_id]
        self.choice: dict[str, str] = {}
        self.previews: dict[str, str] = {}
        self.status_text, self.status_error = "", False

    @property
    def shot_name(self) -> str:
        stage = self.game.stage
        return f"text_{stage.id if stage else 'end'}"

    def find_text(self) -> str:
        world = self.game.world
        for m in self.game.stage_motions():
            mo = world.motions[m]
            if mo.kind in ("draft", "amendment"):
                return world.text_id(mo)
        return next(iter(self.game.scenario.spec.texts))

    def editable(self) -> list[Paragraph]:
        """The paragraphs the sponsors may revise."""
        return [p for p in self.text.paragraphs if p.editable]

    def current(self) -> dict[str, str]:
        return self.game.state.text(self.text_id)

    # -- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        w, h = self.size
        right_w = max(440, int(w * 0.36))
        rx = w - MARGIN - right_w
        self.body = self.textbox((MARGIN, HEAD + 8, rx - 2 * MARGIN, h - HEAD - 8 - MARGIN), "",
                                 "@reading")
        y = HEAD + 8
        self.blocks: dict[str, pygame.Rect] = {}
        now = self.current()
        for p in self.editable():
            block = pygame.Rect(rx, y, right_w, 180)
            self.blocks[p.id] = block
            opts = [(v.label, v.id) for v in p.variants] + [("Leave it out of the text", ABSENT)]
            chosen = self.choice.get(p.id, now.get(p.id, ABSENT))
            self.dropdown(f"para_{p.id}", (rx + 12, y + 52, right_w - 24, 34), opts, chosen,
                          lambda v, pid=p.id: self.choose(pid, v))
            cost = self.game.scenario.spec.costs.revise_text
            self.button(f"revise_{p.id}", (rx + 12, y + 92, 220, 34),
                        f"Revise ({cost.capital} capital, {cost.days} day)",
                        lambda pid=p.id: self.revise(pid))
            y += 186
        self.status_rect = pygame.Rect(rx, h - MARGIN - 48, right_w - 236, 48)
        self.button("back", (w - MARGIN - 220, h - MARGIN - 48, 220, 48), "Back to the floor  (Esc)",
                    self.back, cls="@primary")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("back")
        self.refresh()

    def refresh(self) -> None:
        self.body.set_text(self.html())
        for p in self.editable():
            self.choice.setdefault(p.id, self.current().get(p.id, ABSENT))
            self.previews[p.id] = self.preview(p.id, self.choice[p.id])
            self.enable_revise(p.id)

    def html(self) -> str:
        """The text as it reads now; revisable paragraphs flagged, droppable ones shown grey."""
        now = self.current()
        out = [words.h(escape(self.text.symbol), 20) + f"<br><i>{escape(self.text.title)}</i>"]
        for p in self.text.paragraphs:
            tag = f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number}"
            mark = words.c(words.GOLD, " · you may revise") if p.editable else ""
            if p.id in now:
                v = next(v for v in p.variants if v.id == now[p.id])
                out.append(f"<b>{tag}</b>{mark}  {words.c(words.ACCENT, escape(p.summary))}<br>"
                           f"{escape(v.text)}")
            elif p.editable:
                out.append(words.c(words.MUTED, f"<b>{tag}</b> (not in the text) "
                                                 f"{escape(p.summary)}") + mark)
        return "<br><br>".join(out)

    # -- choices ----------------------------------------------------------------------------
    def choose(self, paragraph: str, variant: str) -> None:
        self.choice[paragraph] = variant
        self.previews[paragraph] = self.preview(paragraph, variant)
        self.enable_revise(paragraph)

    def enable_revise(self, paragraph: str) -> None:
        """Revising is possible only to a wording other than the one in the text now."""
        b = self.buttons.get(f"revise_{paragraph}")
        if b is not None:
            same = self.choice.get(paragraph) == self.current().get(paragraph, ABSENT)
            b.disable() if same else b.enable()

    def choose_variant(self, paragraph: str, variant: str) -> None:
        """Select a wording as if picked from the list (rebuilds that dropdown)."""
        self.choose(paragraph, variant)
        self.rebuild()

    def preview(self, paragraph: str, variant: str) -> str:
        """What the forecasts would say if the paragraph read ``variant``."""
        if self.current().get(paragraph, ABSENT) == variant:
            return "As the draft reads now."
        try:
            after = rules.apply(self.game.state, ReviseText("sponsors", paragraph, variant),
                                np.random.default_rng(0))
        except DecisionError as exc:
            return f"Not possible: {exc}"
        parts = []
        for m in self.game.stage_motions():
            now, then = self.game.forecast(m), self.game.session.forecast(m, 2000, state=after)
            parts.append(f"{self.game.motion(m).symbol}: P(adopted) {now.p_adopted:.0%} to "
                         f"{then.p_adopted:.0%}, in favour {now.expected[0]:.0f} to "
                         f"{then.expected[0]:.0f}")
        return "If revised: " + "\n".join(parts)

    def revise(self, paragraph: str) -> None:
        """Play ReviseText with the wording chosen for ``paragraph``."""
        variant = self.choice.get(paragraph, ABSENT)
        try:
            self.game.play(ReviseText("sponsors", paragraph, variant))
        except DecisionError as exc:
            self.status_text, self.status_error = f"Not possible: {exc}", True
            return
        self.status_text, self.status_error = self.game.state.events[-1], False
        self.refresh()
        self.app.after_play()

    def back(self) -> None:
        self.app.goto_stage()

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(style.BG)
        w = self.size[0]
        pygame.draw.rect(surface, style.BG_DEEP, (0, 0, w, HEAD))
        style.text(surface, "The draft resolution", (MARGIN, 10), 26, bold=True)
        capital, days = self.game.state.budget("sponsors")
        style.text(surface, f"{self.text.symbol} · diplomatic capital {capital} · days left {days}",
                   (MARGIN, 48), 15, colour=style.MUTED)
        y = 12
        for m in self.game.stage_motions():
            f = self.game.forecast(m)
            style.text(surface, f"{self.game.motion(m).symbol}: P(adopted) {f.p_adopted:.0%}, "
                       f"in favour {f.expected[0]:.0f}", (w - MARGIN, y), 15,
                       colour=style.TEXT, anchor="topright")
            y += 24
        for p in self.editable():
            r = self.blocks[p.id]
            style.panel(surface, r)
            tag = f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number}"
            style.paragraph(surface, f"{tag} · {p.summary}", pygame.Rect(r.x + 12, r.y + 6,
                            r.w - 24, 44), 15, bold=True, max_lines=2)
            style.paragraph(surface, self.previews.get(p.id, ""),
                            pygame.Rect(r.x + 12, r.y + 130, r.w - 24, 36), 13,
                            colour=style.GOLD, max_lines=3)
        if self.status_text:
            style.paragraph(surface, self.status_text, self.status_rect, 14, bold=True,
                            colour=style.ERROR if self.status_error else style.GOLD, max_lines=3)
