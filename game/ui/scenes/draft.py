"""The draft resolution's text, with the operative paragraphs the sponsors may revise."""
from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

import pygame

from ...decisions import DecisionError, ReviseText
from ...i18n import _
from ...scenario.models import Paragraph
from .. import style, words
from ..style import px
from .base import MARGIN, Scene
from .buttons import cost_tag, cost_words

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
    return " · ".join(voted + [_("text of {symbol}").format(symbol=own) if voted else own])


def in_order(paragraphs) -> list[Paragraph]:
    """As in the document: preambular paragraphs first, then operative, by number."""
    return sorted(paragraphs, key=lambda p: (p.kind != "preambular", p.number))


def text_html(game, text_id: str, symbols: str, refused: set[str] | None = None) -> str:
    """A text as it reads in ``game``'s state, under ``symbols``: revisable paragraphs
    flagged (those in ``refused`` as not revisable now), those left out shown grey."""
    text = game.scenario.spec.texts[text_id]
    now = game.state.text(text_id)
    out = [words.h(escape(symbols), 20) + f"<br><i>{escape(text.title)}</i>"]
    for p in in_order(text.paragraphs):
        tag = f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number}"
        may = _("you may revise") if game.side == "sponsors" else _("the sponsors may revise")
        mark = words.c(words.GOLD, " · " + (_("cannot be revised now")
                                           if p.id in (refused or ()) else may)
                       ) if p.editable else ""
        if p.id in now:
            v = next(v for v in p.variants if v.id == now[p.id])
            out.append(f"<b>{tag}</b>{mark}  {words.c(words.ACCENT, escape(p.summary))}<br>"
                       f"{escape(v.text)}")
        elif p.editable:
            out.append(words.c(words.MUTED, f"<b>{tag}</b> " + _("(not in the text)") + " "
                               + escape(p.summary)) + mark)
    return "<br><br>".join(out)


class DraftScene(Scene):
    """Read the text; pick a wording per editable paragraph and revise (Esc: back). Keys:
    Up/Down the paragraph, Left/Right its wording, Enter revises, PageUp/PageDown scroll."""

    name = "text"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.text_id = self.find_text()
        self.text = self.game.scenario.spec.texts[self.text_id]
        self.choice: dict[str, str] = {}
        self.previews: dict[str, str] = {}
        self.status_text, self.status_error = "", False
        #: The revisable paragraph the keys act on (Up/Down choose it).
        self.focus = 0

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
        return _("the rules allow no revision of it now")

    def current(self) -> dict[str, str]:
        """{paragraph id: variant id} of the text as it reads now."""
        return self.game.state.text(self.text_id)

    # -- layout -----------------------------------------------------------------------------
    def build(self) -> None:
        """The text on the left; per revisable paragraph a wording list and Revise; Back."""
        w, h = self.size
        m, head = px(MARGIN), px(HEAD)
        right_w = max(px(460), int(w * 0.38))
        rx = w - m - right_w
        self.body = self.textbox((m, head + px(8), rx - 2 * m, h - head - px(8) - m), "",
                                 "@reading")
        y = head + px(8)
        self.blocks: dict[str, pygame.Rect] = {}
        now = self.current()
        self.refusals = {p.id: self.refusal(p) for p in self.editable()}
        editable = self.editable()
        room = h - y - m - px(56) - px(6) * len(editable)
        block_h = min(px(200), room // max(1, len(editable)))
        line = style.font(15, True).get_linesize()
        rw = px(REVISE_W)
        for p in editable:
            block = pygame.Rect(rx, y, right_w, block_h)
            self.blocks[p.id] = block
            opts = [(style.ellipsize(v.label, right_w - px(80), 14), v.id) for v in p.variants]
            opts.append((_("Leave it out of the text"), ABSENT))
            chosen = self.choice.get(p.id, now.get(p.id, ABSENT))
            # the wording list the panel's full width (long wordings fit); Revise, with its
            # cost, beside the preview below it
            top = y + px(8) + line
            d = self.dropdown(f"para_{p.id}", (rx + px(12), top, right_w - px(24), px(34)),
                              opts, chosen, partial(self.choose, p.id))
            cost = self.game.scenario.spec.costs.revise_text
            self.button(f"revise_{p.id}", (rx + right_w - px(12) - rw, top + px(40), rw,
                                           px(40)),
                        _("Revise") + " · " + cost_tag(cost.capital, cost.days),
                        partial(self.revise, p.id),
                        tip=_("Revise this paragraph to the wording chosen ({cost})").format(
                            cost=cost_words(cost.capital, cost.days)))
            if self.refusals[p.id] or self.game.side != "sponsors":
                d.disable()
            y += block_h + px(6)
        bw = px(260)
        self.status_rect = pygame.Rect(rx, h - m - px(48), right_w - bw - px(8), px(48))
        stage = self.game.stage
        floor = stage is None or self.game.session.body(stage.body).members == "all"
        self.button("back", (w - m - bw, h - m - px(48), bw, px(48)),
                    _("Back to the floor (Esc)") if floor else _("Back to the Council (Esc)"),
                    self.back, cls="@primary")
        self.keys[pygame.K_UP] = partial(self.move_focus, -1)
        self.keys[pygame.K_DOWN] = partial(self.move_focus, 1)
        self.keys[pygame.K_LEFT] = partial(self.step_variant, -1)
        self.keys[pygame.K_RIGHT] = partial(self.step_variant, 1)
        for k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.keys[k] = self.revise_focused
        self.keys[pygame.K_PAGEDOWN] = partial(self.scroll_key, self.body, px(240))
        self.keys[pygame.K_PAGEUP] = partial(self.scroll_key, self.body, -px(240))
        if not self.editable():
            self.textbox((rx, head + px(8), right_w, px(140)), words.c(
                words.MUTED, _("In this case the sponsors cannot revise any paragraph of this "
                               "draft: it is put to the vote as tabled.")
                + ("" if self.game.side == "sponsors" else " " + _(
                    "To have a paragraph struck, request a separate vote on it (8, Floor "
                    "tactics, on the floor)."))))
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
        """The text as it reads now (``text_html``), a paragraph that cannot be revised now
        saying so."""
        refused = {k for k, v in getattr(self, "refusals", {}).items() if v}
        return text_html(self.game, self.text_id, self.symbols(), refused)

    # -- choices ----------------------------------------------------------------------------
    def focused(self) -> Paragraph | None:
        """The revisable paragraph the keys act on (None if there is none)."""
        editable = self.editable()
        return editable[self.focus % len(editable)] if editable else None

    def move_focus(self, step: int) -> None:
        """Up/Down: the keys act on the revisable paragraph above or below."""
        if self.editable():
            self.focus = (self.focus + step) % len(self.editable())

    def step_variant(self, step: int) -> None:
        """Left/Right: the focused paragraph's previous or next wording (as if picked)."""
        p = self.focused()
        if p is None or self.refusals.get(p.id) or self.game.side != "sponsors":
            return
        ids = [v.id for v in p.variants] + [ABSENT]
        now = self.choice.get(p.id, self.current().get(p.id, ABSENT))
        k = (ids.index(now) + step) % len(ids) if now in ids else 0
        self.choose_variant(p.id, ids[k])

    def revise_focused(self) -> None:
        """Enter: revise the focused paragraph to the wording chosen (if its button can)."""
        p = self.focused()
        if p is not None:
            self.press(f"revise_{p.id}")

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
            return (_("Only the sponsors revise their draft.") + " " + _(
                "To have a paragraph struck, request a separate vote on it (8, Floor tactics, on "
                "the floor)."))
        refusal = getattr(self, "refusals", {}).get(paragraph)
        if refusal:
            return _("Cannot be revised now: {reason}.").format(reason=refusal)
        if self.current().get(paragraph, ABSENT) == variant:
            return _("As the draft reads now.")
        try:
            p = self.game.preview(ReviseText("sponsors", paragraph, variant))
        except DecisionError as exc:
            return _("Not possible: {reason}").format(reason=exc)
        cost = self.game.scenario.spec.costs.revise_text
        return (_("If revised ({cost}):").format(cost=cost_words(cost.capital, cost.days)) + " "
                + "\n".join([p.points_line(1), *p.lines]))

    def revise(self, paragraph: str) -> None:
        """Play ReviseText with the wording chosen for ``paragraph``."""
        variant = self.choice.get(paragraph, ABSENT)
        try:
            self.game.play(ReviseText("sponsors", paragraph, variant))
        except DecisionError as exc:
            self.status_text, self.status_error = _("Not possible: {reason}").format(
                reason=exc), True
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
        m, head = px(MARGIN), px(HEAD)
        pygame.draw.rect(surface, style.BG_DEEP, (0, 0, w, head))
        style.text(surface, _("The draft resolution"), (m, px(6)), 24, bold=True,
                   max_width=w // 2 - m)
        capital, days = self.game.budget()
        keys = " · " + _("Up/Down paragraph, Left/Right wording, Enter revise") \
            if self.editable() else ""
        style.paragraph(surface, self.symbols() + " · "
                        + _("capital {capital} · days left {days}").format(capital=capital,
                                                                          days=days)
                        + keys + " · " + _("PageUp/PageDown scroll"),
                        pygame.Rect(m, px(38), w // 2 - m, head - px(40)), 13,
                        colour=style.MUTED, max_lines=2)
        right = self.help_rect().x - px(12)
        motions = self.game.stage_motions()
        line = style.font(13).get_linesize()
        y = px(6)
        for k, mo in enumerate(motions):
            if y + line > head and k < len(motions):
                break                                     # the rest: on the floor's list
            f = self.game.forecast(mo)
            style.text(surface, _("{symbol}: P(adopted) {p}, {yes} in favour, {no} against")
                       .format(symbol=self.game.motion(mo).symbol, p=f"{f.p_adopted:.0%}",
                               yes=f.counts[0], no=f.counts[1]),
                       (right, y), 13, colour=style.TEXT, anchor="topright",
                       max_width=right - w // 2 - px(16))
            y += line
        focused = self.focused()
        line = style.font(15, True).get_linesize()
        for p in self.editable():
            r = self.blocks[p.id]
            style.panel(surface, r)
            if focused is p:
                style.focus_ring(surface, r, px(8))
            tag = f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number}"
            style.text(surface, f"{tag} · {p.summary}", (r.x + px(12), r.y + px(4)), 15,
                       bold=True, max_width=r.w - px(24))
            top = r.y + px(8) + line + px(40)
            box = pygame.Rect(r.x + px(12), top, r.w - px(36 + REVISE_W), r.bottom - top - px(4))
            small = style.font(13).get_linesize()
            style.paragraph(surface, self.previews.get(p.id, ""), box, 13, colour=style.GOLD,
                            max_lines=max(1, box.h // small))
        if self.status_text:
            style.paragraph(surface, self.status_text, self.status_rect, 14, bold=True,
                            colour=style.ERROR if self.status_error else style.GOLD, max_lines=3)
