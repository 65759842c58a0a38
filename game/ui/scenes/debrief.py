"""The debrief: your side's score, your votes beside the real record, who voted otherwise;
play again (back to the title, the case chosen) or finish."""
from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

import pygame

from ...i18n import _, ngettext
from ...vocabulary import BALLOT_CODES, BALLOT_STYLES, ballot_word
from .. import style, words
from ..review_words import colon
from ..style import px
from ..widgets.cells import Look
from ..widgets.chamber import Chamber
from .base import MARGIN, Scene
from .vote import NO_VOTE, VIEWS, outcome_words

if TYPE_CHECKING:
    from ..app import App

KEYS = BALLOT_CODES
#: Pixels the record scrolls per wheel notch / per key.
WHEEL_STEP, KEY_STEP = 60, 120
SCROLL_KEYS = {pygame.K_PAGEDOWN: KEY_STEP * 3, pygame.K_PAGEUP: -KEY_STEP * 3,
               pygame.K_DOWN: KEY_STEP, pygame.K_UP: -KEY_STEP}


def tally_words(t: dict) -> str:
    """A tally in words ("40 in favour, 77 against, 50 abstentions"), with the absent if any;
    "no vote" if there was none."""
    if not t:
        return _("no vote")
    abstain = t.get("abstain", 0)
    s = ngettext("{yes} in favour, {no} against, {abstain} abstention",
                 "{yes} in favour, {no} against, {abstain} abstentions",
                 abstain).format(yes=t.get("yes", 0), no=t.get("no", 0), abstain=abstain)
    if not t.get("absent"):
        return s
    return ngettext("{tally} ({n} absent)", "{tally} ({n} absent)",
                    t["absent"]).format(tally=s, n=t["absent"])



def teams_html(game) -> str:
    """Two teams at one screen: each team's points, side by side."""
    parts = []
    for side in ("sponsors", "opposition"):
        __, won, possible = game.session.score(side=side)
        team = (_("Sponsors team {won} of {possible} points") if side == "sponsors" else
                _("Opposition team {won} of {possible} points"))
        parts.append(team.format(won=won, possible=possible))
    return words.h(escape(_("Two teams: {scores}").format(scores=" · ".join(parts))), 20)

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
        m, top = px(MARGIN), px(72)
        left_w = int((w - 3 * m) * 0.46)
        self.left = pygame.Rect(m, top, left_w, h - top - m)
        self.right = pygame.Rect(2 * m + left_w, top, w - 3 * m - left_w, h - top - m)
        if self.calls:
            opts = [(_("R: roll call {symbol}").format(symbol=self.game.motion(c).symbol), c)
                    for c in self.calls]
            self.dropdown("call", (self.right.x, self.right.y, self.right.w, px(34)), opts,
                          self.call, self.set_call)
            self.keys[pygame.K_r] = self.next_call
        self.layout_view()
        text_h = self.left.h - (self.matrix_h() + px(10) if self.matrix_left else 0)
        self.box = self.textbox((self.left.x, self.left.y, left_w, text_h), self.html())
        bw, bh = px(200), px(48)
        # Quitting the program is its own key (Q), away from Esc, which is "back" everywhere
        self.button("quit", (self.right.right - bw, h - m - bh, bw, bh), _("Quit Plenary (Q)"),
                    self.app.request_quit)
        self.button("again", (self.right.right - bw - px(12) - px(300), h - m - bh, px(300), bh),
                    _("Play again (Enter or Esc)"), self.play_again, cls="@primary",
                    tip=_("Back to the title screen: this case again, as either side"))
        self.keys[pygame.K_q] = lambda: self.press("quit")
        self.keys[pygame.K_ESCAPE] = lambda: self.press("again")
        for k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.keys[k] = lambda: self.press("again")
        for k, step in SCROLL_KEYS.items():
            self.keys[k] = partial(self.scroll, step)

    def next_call(self) -> None:
        """R: the next roll call compared."""
        if self.calls:
            k = self.calls.index(self.call) if self.call in self.calls else -1
            self.set_call(self.calls[(k + 1) % len(self.calls)])

    def matrix_h(self) -> int:
        """The comparison matrix's height: a title, a header and four rows of text."""
        return 6 * style.font(15).get_linesize() + px(16)

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
        self.names = {iso: self.game.member(iso).name for iso, _ballot in res.ballots}
        r = self.right
        top = (px(46) + style.font(20, True).get_linesize()
               + 2 * style.font(13).get_linesize())
        self.grid_rect = pygame.Rect(r.x, r.y + top, r.w, r.bottom - px(60) - r.y - top)
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
        if game.session.two_teams:        # both teams read their points, the sponsors' below
            out.append(teams_html(game))
        score = words.score_html(game)
        if score:
            out.append(score)
        votes = [words.h(_("Your votes beside the record"), 19) + "<br>"
                 + words.c(words.MUTED, _("You played {side}. Blue: the outcome you worked "
                                          "for; orange: the other.").format(
                                              side=escape(game.side_name())))]
        for m in game.scenario.spec.motions:
            for r in game.state.results:              # the floor's motions on it, first
                if r.motion != m.id and game.is_floor_motion(r.motion) and \
                        game.motion(r.motion).amends == m.id:
                    votes.append(self.floor_line(r))
            res = game.state.result(m.id)
            hist = self.history.get(m.id)
            yours = _("not reached") if res is None else outcome_words(game, res).lower()
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
                         "&nbsp;&nbsp;" + _("Your game: {yours} · In {year}: {real}").format(
                             yours=yours, year=game.scenario.spec.year, real=real))
        out.append("<br>".join(votes))
        if self.call:
            out.append(self.differences())
        for h in (h for h in game.scenario.spec.history if h.note):
            out.append(words.c(words.MUTED, colon(escape(game.motion(h.motion).symbol),
                                                  escape(h.note))))
        writer = game.session.writer
        for note in game.notices():
            out.append(words.c(words.GOLD, escape(note)))
        if writer and not writer.error:
            out.append(words.c(words.MUTED, _("Session saved to<br>{path}").format(
                path=words.path_html(writer.path))))
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
        return "&nbsp;&nbsp;" + colon(words.c(words.MUTED, escape(mo.title)), yours)

    def differences(self) -> str:
        """Who voted otherwise than in history on the selected roll call, grouped by change."""
        ours, real = self.ballots(), self.record()
        year = self.game.scenario.spec.year
        groups: dict[tuple[str, str], list[str]] = {}
        for iso in sorted(ours, key=lambda i: self.game.member(i).name):
            if iso in real and real[iso] != ours[iso]:
                groups.setdefault((real[iso], ours[iso]), []).append(self.game.member(iso).name)
        symbol = escape(self.game.motion(self.call).symbol)
        lines = ["<b>" + _("Voted otherwise than in {year} on {symbol}").format(
            year=year, symbol=symbol) + "</b>"]
        for (then, now), names in sorted(groups.items(), key=lambda t: -len(t[1])):
            # TRANSLATORS: "2014 in favour, here against (3): Chad, Fiji, Peru"
            lines.append(words.c(words.MUTED, _("{year} {then}, here").format(
                year=year, then=ballot_word(then))) + " " + _("{now} ({n}): {names}").format(
                    now=ballot_word(now), n=len(names), names=escape(", ".join(names))))
        return "<br>".join(lines if groups else lines + [
            _("Nobody: every delegation voted as in {year}.").format(year=year)])

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
        m = px(MARGIN)
        title = style.text(surface, _("Debrief"), (m, px(10)), 30, bold=True)
        year = self.game.scenario.spec.year
        style.text(surface, _("How close did your game come to {year}?").format(year=year),
                   (title.right + px(16), title.centery), 16, colour=style.MUTED,
                   anchor="midleft", max_width=self.help_rect().x - title.right - px(32))
        if not self.call:
            style.paragraph(surface, _("No vote with a historical roll call was held in your "
                                       "game, so there is no state-by-state comparison."),
                            self.right, 17,
                            colour=style.MUTED)
            return
        ours, real = self.ballots(), self.record()
        same = sum(1 for iso, b in ours.items() if real.get(iso) == b)
        r = self.right
        y = r.y + px(40)
        style.text(surface, ngettext("{same} of {total} delegations voted as in {year}",
                                     "{same} of {total} delegations voted as in {year}",
                                     same).format(same=same, total=len(ours), year=year),
                   (r.x, y), 20, bold=True, max_width=r.w)
        y += style.font(20, True).get_linesize()
        style.paragraph(surface, _("Colour and symbol: the vote in your game. White outline: "
                                   "that delegation voted otherwise in {year} (point at it for "
                                   "both).").format(year=year),
                        pygame.Rect(r.x, y, r.w, self.grid_rect.y - y), 13, colour=style.MUTED,
                        max_lines=2)
        looks = {iso: Look(b, flag=real.get(iso) != b) for iso, b in ours.items()}
        self.view.draw(surface, looks, None, self.names,
                       colours=style.ballot_colours(self.game.colour_view(self.call)))
        mh = self.matrix_h()
        if self.matrix_left:
            rect = pygame.Rect(self.left.x, self.left.bottom - mh, self.left.w, mh)
        else:
            rect = self.view.centre.inflate(-px(24), -px(24))
            rect.h = min(rect.h, mh)
            rect.centery = self.view.centre.centery
        self.draw_matrix(surface, ours, real, rect)

    def draw_matrix(self, surface, ours: dict, real: dict, rect: pygame.Rect) -> None:
        """Rows: the historical record; columns: your game; cells: number of delegations."""
        style.panel(surface, rect)
        pad = px(10)
        f = style.font(14, True)
        first = min(max(f.size(ballot_word(k))[0] for k in KEYS) + 2 * pad, rect.w // 3)
        cw = (rect.w - first - pad) // 4
        line = style.font(15).get_linesize()
        year = self.game.scenario.spec.year
        style.text(surface, _("Rows: {year} · columns: your game").format(year=year),
                   (rect.x + pad, rect.y + px(4)), 13, colour=style.MUTED,
                   max_width=rect.w - 2 * pad)
        words_colour = {"yes": style.GOOD_TEXT, "no": style.BAD_TEXT, "abstain": style.MUTED,
                        "absent": style.MUTED}
        for j, k in enumerate(KEYS):
            label = ballot_word(k)
            style.text(surface, label, (rect.x + first + j * cw + cw // 2, rect.y + px(4) + line),
                       14, colour=words_colour[k], bold=True, anchor="midtop",
                       max_width=cw - px(4))
        for i, row in enumerate(KEYS):
            y = rect.y + px(8) + (i + 2) * line
            style.text(surface, ballot_word(row), (rect.x + pad, y), 14,
                       colour=words_colour[row], bold=True, max_width=first - pad)
            for j, col in enumerate(KEYS):
                n = sum(1 for iso, b in ours.items() if b == col and real.get(iso) == row)
                style.text(surface, str(n), (rect.x + first + j * cw + cw // 2, y), 15,
                           bold=i == j, colour=style.TEXT if i == j else style.MUTED,
                           anchor="midtop")

    def draw_over(self, surface: pygame.Surface) -> None:
        """The pointed-at delegation's vote in history and in your game."""
        if not (self.call and self.hover) or self.overlay_open or self.hover not in \
                self.view.cells:
            return
        then = self.record().get(self.hover)
        now = self.ballots().get(self.hover)
        line = _("{name}: {year} {then}, your game {now}").format(
            name=self.names.get(self.hover, self.hover), year=self.game.scenario.spec.year,
            then=ballot_word(then) if then in BALLOT_STYLES else _("not recorded"),
            now=ballot_word(now) if now in BALLOT_STYLES else "?")
        style.tooltip(surface, line, self.view.cells[self.hover], self.grid_rect)
