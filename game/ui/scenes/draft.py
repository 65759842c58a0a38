"""The draft resolution's text, with the operative paragraphs the sponsors may revise."""
from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

import pygame

from ...decisions import DecisionError, ReviseText
from ...scenario.models import Paragraph
from .. import style, words
from .base import MARGIN, Scene
from .buttons import cost_words

if TYPE_CHECKING:
    from ..app import App

ABSENT = "absent"
#: Width of a paragraph's Revise button.
REVISE_W = 130
HEAD = 84


def stage_text_id(game) -> str:
    """The text of the stage's draft (a draft resolution before a procedural item); after
    the end, the text of the last vote held on one; else the case's first text."""
    session = game.session
    if game.stage is None:
        voted = [r.motion for r in game.state.results
                 if session.motion(r.motion).text or session.motion(r.motion).amends]
        return session.text_id(voted[-1]) if voted else next(iter(game.scenario.spec.texts))
    motions = [session.motion(m) for m in game.stage_motions()]
    motions = [m for m in motions if m.text or m.amends]
    motions.sort(key=lambda m: m.kind == "procedural")
    if motions:
        return session.text_id(motions[0].id)
    return next(iter(game.scenario.spec.texts))


def text_symbols(game, text_id: str) -> str:
    """The symbols a text is voted under now: the plenary's report symbol, say, and the
    draft's own (the same text under another document number); its own after the end."""
    session = game.session
    own = game.scenario.spec.texts[text_id].symbol
    if game.stage is None:
        return own
    voted = [session.motion(m).symbol for m in game.stage_motions()
             if session.motion(m).text and session.text_id(m) == text_id
             and session.motion(m).symbol != own]
    return " · ".join(voted + [f"text of {own}" if voted else own])


def in_order(paragraphs) -> list[Paragraph]:
    """As in the document: preambular paragraphs first, then operative, by number."""
    return sorted(paragraphs, key=lambda p: (p.kind != "preambular", p.number))


def text_html(game, text_id: str, symbols: str) -> str:
    """A text as it reads in ``game``'s state, under ``symbols``: revisable paragraphs
    flagged, those left out shown grey."""
    text = game.scenario.spec.texts[text_id]
    now = game.state.text(text_id)
    out = [words.h(escape(symbols), 20) + f"<br><i>{escape(text.title)}</i>"]
    for p in in_order(text.paragraphs):
        tag = f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number}"
        mark = words.c(words.GOLD, " · you may revise" if game.side == "sponsors"
                       else " · the sponsors may revise") if p.editable else ""
        if p.id in now:
            v = next(v for v in p.variants if v.id == now[p.id])
            out.append(f"<b>{tag}</b>{mark}  {words.c(words.ACCENT, escape(p.summary))}<br>"
                       f"{escape(v.text)}")
        elif p.editable:
            out.append(words.c(words.MUTED, f"<b>{tag}</b> (not in the text) "
                                             f"{escape(p.summary)}") + mark)
    return "<br><br>".join(out)


class DraftScene(Scene):
    """Read the text; pick a wording per editable paragraph and revise (Esc: back)."""

    name = "text"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.text_id = self.find_text()
        self.text = self.game.scenario.spec.texts[self.text_id]
        self.choice: dict[str, str] = {}
        self.previews: dict[str, str] = {}
        self.status_text, self.status_error = "", False

    @property
    def shot_name(self) -> str:
        """One screenshot of the text per stage."""
        stage = self.game.stage
        return f"text_{stage.id if stage else 'end'}"

    def find_text(self) -> str:
        """The text of this stage's draft (a draft resolution before a procedural item)."""
        return stage_text_id(self.game)

    def symbols(self) -> str:
        """The symbols this text is voted under now (``text_symbols``)."""
        return text_symbols(self.game, self.text_id)

    def paragraphs(self) -> list[Paragraph]:
        """As in the document: preambular paragraphs first, then operative, by number."""
        return in_order(self.text.paragraphs)

    def editable(self) -> list[Paragraph]:
        """The paragraphs the sponsors may revise."""
        return [p for p in self.paragraphs() if p.editable]

    def refusal(self, p: Paragraph) -> str | None:
        """Why no revision of this paragraph is possible now (the rules' words), or None when
        the legal decisions include one."""
        legal = self.game.legal()
        now = self.current().get(p.id, ABSENT)
        others = [ReviseText(self.game.side, p.id, v)
                  for v in [v.id for v in p.variants] + [ABSENT] if v != now]
        if any(d in legal for d in others):
            return None
        for d in others:
            try:
                self.game.session.check(d)
            except DecisionError as exc:
                return str(exc)
        return "the rules allow no revision of it now"

    def current(self) -> dict[str, str]:
        """{paragraph id: variant id} of the text as it reads now."""
        return self.game.state.text(self.text_id)

    # -- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        """The text on the left; per revisable paragraph a wording list and Revise; Back."""
        w, h = self.size
        right_w = max(440, int(w * 0.36))
        rx = w - MARGIN - right_w
        self.body = self.textbox((MARGIN, HEAD + 8, rx - 2 * MARGIN, h - HEAD - 8 - MARGIN), "",
                                 "@reading")
        y = HEAD + 8
        self.blocks: dict[str, pygame.Rect] = {}
        now = self.current()
        self.refusals = {p.id: self.refusal(p) for p in self.editable()}
        for p in self.editable():
            block = pygame.Rect(rx, y, right_w, 180)
            self.blocks[p.id] = block
            opts = [(v.label, v.id) for v in p.variants] + [("Leave it out of the text", ABSENT)]
            chosen = self.choice.get(p.id, now.get(p.id, ABSENT))
            # the wording list the panel's full width (long wordings fit); Revise, with its
            # cost, beside the preview below it
            d = self.dropdown(f"para_{p.id}", (rx + 12, y + 50, right_w - 24, 34), opts,
                              chosen, partial(self.choose, p.id))
            cost = self.game.scenario.spec.costs.revise_text
            self.button(f"revise_{p.id}", (rx + right_w - 12 - REVISE_W, y + 92, REVISE_W, 44),
                        f"Revise · {cost.capital}c {cost.days}d", partial(self.revise, p.id),
                        tip="Revise this paragraph to the wording chosen "
                            f"({cost_words(cost.capital, cost.days)})")
            if self.refusals[p.id] or self.game.side != "sponsors":
                d.disable()
            y += 186
        self.status_rect = pygame.Rect(rx, h - MARGIN - 48, right_w - 236, 48)
        stage = self.game.stage
        where = "the floor" if stage is None or self.game.session.body(stage.body).members == \
            "all" else "the Council"
        self.button("back", (w - MARGIN - 240, h - MARGIN - 48, 240, 48),
                    f"Back to {where}  (Esc)", self.back, cls="@primary")
        if not self.editable():
            self.textbox((rx, HEAD + 8, right_w, 120), words.c(
                words.MUTED, "In this case the sponsors cannot revise any paragraph of this "
                "draft: it is put to the vote as tabled."
                + ("" if self.game.side == "sponsors" else " To have a paragraph struck, "
                   "request a separate vote on it (8, Floor tactics, on the floor).")))
        self.keys[pygame.K_ESCAPE] = lambda: self.press("back")
        self.refresh()

    def refresh(self) -> None:
        """The text, each paragraph's preview and whether it can be revised, from the state."""
        self.body.set_text(self.html())
        for p in self.editable():
            self.choice.setdefault(p.id, self.current().get(p.id, ABSENT))
            self.previews[p.id] = self.preview(p.id, self.choice[p.id])
            self.enable_revise(p.id)

    def html(self) -> str:
        """The text as it reads now (``text_html``)."""
        return text_html(self.game, self.text_id, self.symbols())

    # -- choices ----------------------------------------------------------------------------
    def choose(self, paragraph: str, variant: str) -> None:
        """A wording picked for a paragraph: its preview and its Revise button follow."""
        self.choice[paragraph] = variant
        self.previews[paragraph] = self.preview(paragraph, variant)
        self.enable_revise(paragraph)

    def enable_revise(self, paragraph: str) -> None:
        """Revising is possible only to a wording other than the one in the text now."""
        b = self.buttons.get(f"revise_{paragraph}")
        if b is not None:
            same = self.choice.get(paragraph) == self.current().get(paragraph, ABSENT)
            b.disable() if same or self.refusals.get(paragraph) else b.enable()

    def choose_variant(self, paragraph: str, variant: str) -> None:
        """Select a wording as if picked from the list (rebuilds that dropdown)."""
        self.choose(paragraph, variant)
        self.rebuild()

    def preview(self, paragraph: str, variant: str) -> str:
        """What the forecasts would say if the paragraph read ``variant``."""
        if self.game.side != "sponsors":
            return ("Only the sponsors revise their draft. To have a paragraph struck, request a "
                    "separate vote on it (8, Floor tactics, on the floor).")
        refusal = getattr(self, "refusals", {}).get(paragraph)
        if refusal:
            return f"Cannot be revised now: {refusal}."
        if self.current().get(paragraph, ABSENT) == variant:
            return "As the draft reads now."
        try:
            p = self.game.preview(ReviseText("sponsors", paragraph, variant))
        except DecisionError as exc:
            return f"Not possible: {exc}"
        cost = self.game.scenario.spec.costs.revise_text
        return (f"If revised ({cost_words(cost.capital, cost.days)}): "
                + "\n".join([p.points_line(1), *p.lines]))

    def revise(self, paragraph: str) -> None:
        """Play ReviseText with the wording chosen for ``paragraph``."""
        variant = self.choice.get(paragraph, ABSENT)
        try:
            self.game.play(ReviseText("sponsors", paragraph, variant))
        except DecisionError as exc:
            self.status_text, self.status_error = f"Not possible: {exc}", True
            return
        self.status_text, self.status_error = self.game.last_turn(), False
        self.rebuild()
        self.app.after_play()

    def back(self) -> None:
        """Esc: back to the stage's floor (or the Council)."""
        self.app.goto_stage()

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header with the forecasts, a panel per revisable paragraph, the status line."""
        surface.fill(style.BG)
        w = self.size[0]
        pygame.draw.rect(surface, style.BG_DEEP, (0, 0, w, HEAD))
        style.text(surface, "The draft resolution", (MARGIN, 10), 26, bold=True)
        capital, days = self.game.budget()
        style.text(surface, f"{self.symbols()} · diplomatic capital {capital} · days left {days}",
                   (MARGIN, 48), 15, colour=style.MUTED, max_width=w // 2)
        y, right = 8, self.help_rect().x - 12
        motions = self.game.stage_motions()
        step = min(24, (HEAD - 12) // max(1, len(motions)))     # all of them above the panels
        size = 15 if step >= 22 else 13
        for m in motions:
            f = self.game.forecast(m)
            style.text(surface, f"{self.game.motion(m).symbol}: P(adopted) {f.p_adopted:.0%}, "
                       f"{f.counts[0]} in favour, {f.counts[1]} against",
                       (right, y), size, colour=style.TEXT, anchor="topright",
                       max_width=right - w // 2 - 16)
            y += step
        for p in self.editable():
            r = self.blocks[p.id]
            style.panel(surface, r)
            tag = f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number}"
            style.paragraph(surface, f"{tag} · {p.summary}", pygame.Rect(r.x + 12, r.y + 6,
                            r.w - 24, 44), 15, bold=True, max_lines=2)
            style.paragraph(surface, self.previews.get(p.id, ""),
                            pygame.Rect(r.x + 12, r.y + 90, r.w - 36 - REVISE_W, 88), 13,
                            colour=style.GOLD, max_lines=5)
        if self.status_text:
            style.paragraph(surface, self.status_text, self.status_rect, 14, bold=True,
                            colour=style.ERROR if self.status_error else style.GOLD, max_lines=3)
