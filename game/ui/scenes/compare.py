"""The compare screen: two saved games of one case side by side (``game.review.compare``, the
same comparison ``compare A B`` prints): each game in a line, every recorded vote of either
with both results and the delegations whose ballots differ, and the decisions where the two
part ways, the first of them leading. A / B open that game in the viewer at the parting step;
Esc goes back to the game reviewed."""
from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

import pygame

from ...decisions import from_dict
from ...i18n import _, ngettext
from .. import style
from ..controller import Game
from ..review_words import ballot, colon, outcome_word
from ..style import px
from ..words import ACCENT, GOLD, MUTED, c, h
from .base import MARGIN, Scene

if TYPE_CHECKING:
    from ...review import Comparison, Review
    from ..app import App

HEADER = 64
#: Delegations named per vote (the rest are counted), and stretches of decisions shown.
SHOWN = 16
STRETCHES = 8
TALLY_KEYS = ("yes", "no", "abstain")


class CompareScene(Scene):
    """Game A (the one reviewed) and game B side by side; nothing here changes either."""

    name = "compare"

    def __init__(self, app: App, comparison: Comparison, back: Review | None = None) -> None:
        super().__init__(app)
        self.comparison = comparison
        self.back_to = back
        self.a, self.b = Game(comparison.a), Game(comparison.b)

    def build(self) -> None:
        """The two games' lines, the votes on the left, the decisions on the right."""
        w, h_ = self.size
        m = px(MARGIN)
        top = px(HEADER + 8) + 2 * self.line_h() + px(8)
        col = (w - 3 * m) // 2
        self.votes_box = self.textbox((m, top, col, h_ - top - m), self.votes_html(),
                                      "@dossier")
        self.parts_box = self.textbox((2 * m + col, top, col, h_ - top - m - px(56)),
                                      self.parting_html(), "@dossier")
        gap = px(8)
        bw = (col - gap) // 2
        at = self.comparison.parts_at
        for k, (name, label) in enumerate((("a", _("Review A there  (A)")),
                                           ("b", _("Review B there  (B)")))):
            b = self.button(f"review_{name}", (2 * m + col + k * (bw + gap), h_ - m - px(48),
                                               bw, px(48)), label, partial(self.review, name))
            self.keys[pygame.K_a if name == "a" else pygame.K_b] = partial(self.press,
                                                                           f"review_{name}")
            if at is None or self.path(name) is None:
                b.disable()
        self.button("back", (self.help_rect().x - px(8 + 150), px(12), px(150), px(HEADER - 24)),
                    _("Back  (Esc)"), self.back)
        self.keys[pygame.K_ESCAPE] = self.back

    @staticmethod
    def line_h() -> int:
        """The height of one of the games' lines under the header."""
        return style.font(16, True).get_linesize() + px(4)

    def path(self, name: str):
        """The file of game ``a`` or ``b`` (None if the screen was not given it)."""
        return self.comparison.paths[0 if name == "a" else 1]

    # -- words ------------------------------------------------------------------------------
    def game_line(self, name: str) -> str:
        """'A: whole.jsonl · the European Union and Japan against the greedy bot · seed 6 ·
        30 decisions, to the end · score 10 of 14'."""
        game = self.a if name == "a" else self.b
        s = game.session
        __, won, possible = s.score()
        path = self.path(name)
        n = len(s.decisions)
        where = (ngettext("{n} decision, to the end", "{n} decisions, to the end", n)
                 if s.state.finished else
                 ngettext("{n} decision, unfinished", "{n} decisions, unfinished", n))
        # TRANSLATORS: "A: whole.jsonl · seed 6 · 30 decisions, to the end · the European
        # Union and Japan scored 10 of 14"
        return _("{game}: {file} · seed {seed} · {where} · {side} scored {won} of "
                 "{possible}").format(game=name.upper(),
                                      file=path.name if path else _("(unsaved)"), seed=s.seed,
                                      where=where.format(n=n), side=game.side_name(), won=won,
                                      possible=possible)

    def votes_html(self) -> str:
        """Every recorded vote of either game: both results, the ballots that differ."""
        out = [h(_("Recorded votes"), 18) + "  " + c(MUTED, "A · B")]
        for v in self.comparison.votes:
            lines = [colon(f"<b>{escape(v['symbol'])}</b>", f"A {self.result(v['a'])} · "
                                                             f"B {self.result(v['b'])}")]
            differ = v["ballots_differ"]
            if differ:
                names = [_("{name} ({a} to {b})").format(
                    name=escape(self.a.member(iso).name), a=ballot(d["a"]), b=ballot(d["b"]))
                    for iso, d in list(differ.items())[:SHOWN]]
                listed = ", ".join(names)
                if len(differ) > SHOWN:
                    listed = _("{names} and {n} more").format(names=listed,
                                                              n=len(differ) - SHOWN)
                lines.append(c(GOLD, ngettext("{n} ballot(s) differ: ", "{n} ballot(s) differ: ",
                                              len(differ)).format(n=len(differ))) + listed)
            else:
                voted = [n.upper() for n in ("a", "b") if v[n] and v[n]["tally"]]
                lines.append(c(MUTED, _("every ballot the same")) if len(voted) == 2 else
                             c(GOLD, _("put to the vote in {game} only").format(game=voted[0]))
                             if voted else c(MUTED, _("put to the vote in neither")))
            out.append("<br>".join(lines))
        if not self.comparison.votes:
            out.append(c(MUTED, _("Neither game has held a vote yet.")))
        return "<br><br>".join(out)

    @staticmethod
    def result(v: dict | None) -> str:
        """'adopted 116-20-53', or 'not held'."""
        if v is None:
            return c(MUTED, _("not held"))
        t = v["tally"]
        word = escape(outcome_word(v["outcome"]))
        return f"{word} {'-'.join(str(t[k]) for k in TALLY_KEYS)}" if t else word

    def parting_html(self) -> str:
        """Where the games part ways: the first decision that differs, then each stretch."""
        at = self.comparison.parts_at
        if at is None:
            return h(_("The two games made the same decisions"), 18)
        out = [h(_("They part ways at decision {n}").format(n=at), 18)]
        for part in self.comparison.parted[:STRETCHES]:
            lines = [c(ACCENT, "<b>" + _("from decision {a} of A, {b} of B").format(
                a=part["a_from"], b=part["b_from"]) + "</b>")]
            for name, game in (("a", self.a), ("b", self.b)):
                said = [self.said(game, d) for d in part[name][:3]]
                listed = "; ".join(said)
                if len(part[name]) > 3:
                    listed = _("{names} and {n} more").format(names=listed,
                                                              n=len(part[name]) - 3)
                lines.append(colon(name.upper()) + (listed if said else
                                                    c(MUTED, _("nothing in its place"))))
            out.append("<br>".join(lines))
        if len(self.comparison.parted) > STRETCHES:
            out.append(c(MUTED, _("and {n} more stretches where they differ").format(
                n=len(self.comparison.parted) - STRETCHES)))
        return "<br><br>".join(out)

    @staticmethod
    def said(game: Game, d: dict) -> str:
        """A recorded decision in the move log's words ("The DPRK and Cuba lobbied Chad")."""
        decision = from_dict(d)
        what = game.describe(decision, detail=False)
        if decision.side == game.side:
            # TRANSLATORS: {what} is a move in the move log's words ("lobbied Chad")
            return escape(_("You {what}").format(what=what))
        return escape(_("{side} {what}").format(side=game.side_name(decision.side), what=what))

    # -- leaving ----------------------------------------------------------------------------
    def review(self, name: str) -> None:
        """Open game A or B in the viewer at the decision where they part."""
        path = self.path(name)
        if path is None or self.comparison.parts_at is None:
            return
        review = self.back_to if name == "a" and self.back_to is not None else \
            self.app.open_review(path)
        self.app.goto("review", review=review, step=self.comparison.parts_at)

    def back(self) -> None:
        """Esc: back to the game reviewed (else the list of saved games)."""
        if self.back_to is not None:
            self.app.goto("review", review=self.back_to)
        else:
            self.app.goto("sessions")

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header and the two games' lines."""
        surface.fill(style.BG)
        w, head, m = self.size[0], px(HEADER), px(MARGIN)
        pygame.draw.rect(surface, style.BG_DEEP, (0, 0, w, head))
        pygame.draw.line(surface, style.PANEL_EDGE, (0, head - 1), (w, head - 1))
        room = self.help_rect().x - px(8 + 150) - 3 * m
        style.text(surface, _("Compare · {title}").format(title=self.a.scenario.spec.title),
                   (m, px(4)), 22,
                   bold=True, max_width=room)
        style.text(surface, _("Two games of one case side by side: every recorded vote, the "
                              "ballots that differ, where the games part ways"), (m, px(34)), 14,
                   colour=style.MUTED, max_width=room)
        for k, name in enumerate(("a", "b")):
            style.text(surface, self.game_line(name), (m, px(HEADER + 8) + self.line_h() * k),
                       16, bold=k == 0, colour=style.TEXT if k == 0 else style.GOLD,
                       max_width=w - 2 * m)
