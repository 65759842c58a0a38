"""The recorded-vote board: fills in member by member, then the tally, the deciding rule and
whether the outcome is good or bad for the player's side. Floor motions (no action, division,
separate votes) are boards like the others, named by their titles."""
from __future__ import annotations

from collections.abc import Mapping
from functools import partial

import pygame

from ...i18n import N_, _, ngettext
from ...state import VoteResult
from ...vocabulary import BALLOT_CODES, ballot_title, ballot_word
from .. import style, words
from ..style import px
from ..widgets.cells import Look, legend
from ..widgets.chamber import Chamber
from ..widgets.whipgrid import WhipGrid
from .base import MARGIN, Scene
from .intro import CONTINUE_KEYS, long_date

#: Seconds the board takes to fill.
DURATION = 3.0
#: Ballots between two ticks of the filling board (193 ballots in 3 s: a tick every ~0.1 s).
TICK_EVERY = 6
#: Seconds after the board has filled before a key continues: a press meant to skip the
#: animation that lands just after it ends must not skip the result too.
SETTLE = 0.6
#: Body membership -> the board's layout.
VIEWS = {"all": WhipGrid, "security_council": Chamber}
OUTCOME_WORDS = {"adopted": N_("ADOPTED"), "rejected": N_("REJECTED"),
                 "vetoed": N_("VETOED"), "not_tabled": N_("NOT TABLED"),
                 "not_held": N_("NOT PUT TO THE VOTE"), "moot": N_("NOT PUT TO THE VOTE"),
                 "no_action": N_("NO ACTION TAKEN")}
#: Height of the header above the board (design pixels).
HEAD = 84
NO_VOTE = ("not_tabled", "not_held", "moot", "no_action")


def outcome_words(game, result) -> str:
    """ADOPTED / APPROVED (the body's own verb) / REJECTED / VETOED / NOT TABLED ..."""
    if result.outcome == "adopted":
        return words.adopted_word(game, game.motion(result.motion)).upper()
    if result.outcome in OUTCOME_WORDS:
        return _(OUTCOME_WORDS[result.outcome])
    return result.outcome.replace("_", " ").upper()


KIND_WORDS = {"amendment": N_("amendment"), "draft": N_("draft resolution"),
              "procedural": N_("procedural vote"),
              "substantive": N_("draft resolution (substantive)"),
              "no_action": N_("motion for no action (voted before the draft)"),
              "division": N_("motion for division (voted before the separate vote)"),
              "separate_vote": N_("separate vote on a paragraph (voted before the draft)")}


def kind_words(kind: str) -> str:
    """A motion's kind in words ("draft resolution"; the code itself if unknown)."""
    return _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind


def met_objectives(game, result) -> list:
    """The player's objectives on this result's motion that it met."""
    return [r.objective for r in game.session.score()[0]
            if r.objective.motion == result.motion and r.met]


def verdict(game, result) -> tuple[bool, str]:
    """(good for the player, a sentence saying so and why) for a result."""
    good = game.good_for_player(result)
    want = game.wants_adopted(result.motion)
    motion = game.motion(result.motion)
    # An outcome the player did not want can still meet an objective they played for (a
    # referral tabled to put the Council on record is vetoed): say so, and count it as good.
    if not good and met_objectives(game, result):
        return True, _("Good for you all the same: it meets an objective of yours.")
    if not want:
        return good, (_("Good for you: you wanted it defeated.") if good
                      else _("Bad for you: you wanted it defeated."))
    # TRANSLATORS: {adopted} is the body's own verb: "adopted", or "approved" in a committee
    sentence = (_("Good for you: you wanted it {adopted}.") if good
                else _("Bad for you: you wanted it {adopted}."))
    return good, sentence.format(adopted=words.adopted_word(game, motion))


def met_line(game, result) -> str:
    """'Met: <objective> (+2 points)' for the objectives this result met ('' if none)."""
    met = met_objectives(game, result)
    if not met:
        return ""
    points = sum(o.points for o in met)
    names = "; ".join(o.label for o in met)
    return ngettext("Met: {names} (+{points} point).", "Met: {names} (+{points} points).",
                    points).format(names=names, points=points)


class VoteScene(Scene):
    """One VoteResult; Space, Enter or a click skips the animation; once the board is full
    (and has stood for ``SETTLE`` seconds) Enter or a click continues: Space never does."""

    name = "vote"

    def __init__(self, app, results: list[VoteResult], index: int = 0) -> None:
        super().__init__(app)
        self.results, self.index = results, index
        self.result = results[index]
        self.motion = self.game.motion(self.result.motion)
        body = self.game.session.body(self.motion.body)
        self.body = body
        self.ballots = dict(self.result.ballots)
        members = self.game.scenario.members
        seats: Mapping[str, str | None] = self.ballots or {
            iso: None for iso in self.game.voters(self.result.motion)}
        self.order = sorted(seats)          # by ISO code, as the cells read
        permanent = {m.iso3 for m in members if m.sc_seat == "P5"}
        self.view = VIEWS.get(body.members, WhipGrid)()
        if isinstance(self.view, Chamber):
            self.view.permanent = permanent
        self.names = {iso: self.game.member(iso).name for iso in self.order}
        self.t = 0.0 if self.ballots else DURATION
        #: Seconds the full board has been shown (a key continues after SETTLE).
        self.shown = 0.0
        self.permanent = permanent
        # what the result means for the player, read once (not in every frame)
        self.good, self.sentence = verdict(self.game, self.result)
        self.met = met_line(self.game, self.result)

    @property
    def shot_name(self) -> str:
        """One screenshot per motion voted on."""
        return f"vote_{self.result.motion}"

    @property
    def done(self) -> bool:
        """The board has filled (or was skipped to the end)."""
        return self.t >= DURATION

    def revealed(self) -> int:
        """How many ballots the board shows so far (in ISO order)."""
        if not self.ballots:
            return 0
        return len(self.order) if self.done else int(len(self.order) * self.t / DURATION)

    def build(self) -> None:
        """The board laid out in its area, and the Skip / Continue button."""
        w, h = self.size
        m, top = px(MARGIN), px(HEAD)
        pw = max(px(360), int(w * 0.28))
        self.panel_rect = pygame.Rect(w - m - pw, top, pw, h - top - m)
        legend_h = style.font(13).get_linesize() + px(14)
        board = pygame.Rect(m, top, self.panel_rect.x - 2 * m, h - top - m - legend_h)
        self.view.layout(board, self.order)
        self.board_rect = board
        self.button("continue", (self.panel_rect.x + px(16), self.panel_rect.bottom - px(60),
                                 self.panel_rect.w - px(32), px(44)), self.continue_label(),
                    self.advance, cls="@primary")
        for k in CONTINUE_KEYS:
            self.keys[k] = partial(self.key_pressed, k)

    def continue_label(self) -> str:
        """Skip while the board fills, Continue once it is full."""
        return _("Continue  (Enter)") if self.done else _("Skip  (Space)")

    def key_pressed(self, key: int) -> None:
        """Space only skips the animation; Enter skips it, or continues once the full board
        has stood long enough to be seen (``SETTLE``)."""
        if not self.done:
            self.press("continue")
        elif key != pygame.K_SPACE and self.shown >= SETTLE:
            self.press("continue")

    def advance(self) -> None:
        """First press: finish the board. Second: the next vote, or back to the game."""
        if not self.done:
            self.t = DURATION
            self.buttons["continue"].set_text(self.continue_label())
            self.closed()
            return
        if self.index + 1 < len(self.results):
            self.app.goto("vote", results=self.results, index=self.index + 1)
        else:
            self.app.goto_stage()

    def on_event(self, event: pygame.event.Event) -> bool:
        """A click while the board fills finishes it."""
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not self.done:
            self.advance()
            return True
        return False

    def enter(self) -> None:
        """The gavel opens a recorded vote."""
        super().enter()
        if self.ballots:
            self.app.sound.play("gavel")

    def update(self, dt: float) -> None:
        """Fill the board for ``dt`` more seconds (a tick every few ballots); relabel the
        button and sound the result when it is full."""
        if not self.done:
            before = self.revealed()
            self.t = min(DURATION, self.t + dt)
            if self.revealed() // TICK_EVERY > before // TICK_EVERY:
                self.app.sound.play("tick")
            if self.done:
                self.buttons["continue"].set_text(self.continue_label())
                self.closed()
        else:
            self.shown += dt

    def closed(self) -> None:
        """The board is full: the gavel closes the vote, or the veto sounds."""
        if self.ballots:
            self.app.sound.play("veto" if self.result.outcome == "vetoed" else "gavel_close")

    def ready(self) -> bool:
        """The board is full and has stood long enough for a key to continue (screenshots)."""
        return self.done and self.shown >= SETTLE

    # -- drawing ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """The running tally of the ballots revealed so far."""
        out = {k: 0 for k in BALLOT_CODES}
        for iso in self.order[:self.revealed()]:
            out[self.ballots[iso]] += 1
        return out

    def draw(self, surface: pygame.Surface) -> None:
        """Header (body, date, motion, rule), the board, its legend, the tally panel."""
        surface.fill(style.BG)
        w = self.size[0]
        m = px(MARGIN)
        stage = self.game.stage_of(self.result.motion)
        pygame.draw.rect(surface, style.BG_DEEP, (0, 0, w, px(HEAD - 8)))
        head = (_("Recorded vote · {body} · {date}").format(body=self.body.name,
                                                             date=long_date(stage.date))
                if stage else _("Recorded vote · {body}").format(body=self.body.name))
        style.text(surface, head,
                   (m, px(4)), 15, colour=style.MUTED, max_width=self.help_rect().x - 2 * m)
        title = f"{self.motion.symbol} — {self.motion.title}"
        if self.game.is_floor_motion(self.motion.id):
            draft = self.game.motion(self.motion.amends).symbol if self.motion.amends else ""
            title = self.motion.title if draft in self.motion.title else _(
                "{title} of {draft}").format(title=self.motion.title, draft=draft)
        style.text(surface, title, (m, px(24)), 22,
                   bold=True, max_width=self.help_rect().x - 2 * m)
        rule = self.game.session.rule(self.motion.id).describe()
        style.text(surface, f"{kind_words(self.motion.kind).capitalize()} · {rule}",
                   (m, px(54)), 14, colour=style.MUTED, max_width=w - 2 * m)
        shown = self.revealed()
        looks = {iso: Look(self.ballots[iso] if k < shown else None, dim=not self.ballots)
                 for k, iso in enumerate(self.order)}
        colours = style.ballot_colours(self.game.colour_view(self.result.motion))
        self.view.draw(surface, looks, None, self.names, colours=colours)
        if self.ballots:
            legend(surface, (self.board_rect.x, self.board_rect.bottom + px(8)), forecast=False,
                   marks=False, max_width=self.board_rect.w,
                   want_adopted=self.game.colour_view(self.result.motion))
        if isinstance(self.view, Chamber):
            self.draw_centre(surface, looks)
        if not self.ballots:
            area = self.view.centre if isinstance(self.view, Chamber) else self.board_rect
            card = pygame.Rect(0, 0, min(px(420), area.w - px(40)), px(90))
            card.center = area.center
            style.panel(surface, card)
            style.text(surface, _("No recorded vote"), card.center, 22, bold=True,
                       colour=style.MUTED, anchor="center", max_width=card.w - px(16))
        self.draw_panel(surface)

    def draw_centre(self, surface: pygame.Surface, looks) -> None:
        """Inside the Council's table: how each permanent member voted (the veto)."""
        if not self.ballots:
            return
        box = self.view.centre.inflate(-px(40), -px(30))
        style.text(surface, _("Permanent members"), (box.centerx, box.y + px(6)), 19, bold=True,
                   colour=style.GOLD, anchor="midtop", max_width=box.w)
        y = box.y + px(6) + style.font(19, True).get_linesize()
        step = style.font(16).get_linesize()
        want = self.game.wants_adopted(self.result.motion)
        for iso in self.order:
            if iso not in self.permanent:
                continue
            ballot = looks[iso].ballot
            label = "…" if ballot is None else ballot_word(ballot)
            col = style.MUTED
            if ballot in ("yes", "no"):
                col = style.good_bad((ballot == "yes") == want, text=True)
            if ballot == "no" and self.result.outcome == "vetoed":
                label = _("against: VETO")
            tag = style.text(surface, label, (box.right - px(20), y), 16, bold=True, colour=col,
                             anchor="topright")
            style.text(surface, self.names[iso], (box.x + px(20), y), 16,
                       max_width=tag.x - box.x - px(28))
            y += step
        line = style.font(14).get_linesize()
        rest = max(0, (box.bottom - y - px(8)) // line)
        if rest:
            style.paragraph(surface, self.game.session.rule(self.motion.id).describe()
                            .capitalize() + ".", pygame.Rect(box.x + px(20), y + px(8),
                                                             box.w - px(40), rest * line), 14,
                            colour=style.MUTED, max_lines=rest)

    def draw_panel(self, surface: pygame.Surface) -> None:
        """The running tally, then the outcome and the rule that decided it."""
        r = self.panel_rect
        style.panel(surface, r)
        y = r.y + px(12)
        if not self.ballots:
            self.draw_outcome(surface, r, y)
            return
        counts = self.counts()
        colours = style.ballot_colours(self.game.colour_view(self.result.motion))
        rh = px(40)
        for key in BALLOT_CODES:
            title = ballot_title(key)
            row = pygame.Rect(r.x + px(16), y, r.w - px(32), rh)
            fill = style.mix(style.PANEL, colours[key], 0.45)
            pygame.draw.rect(surface, fill, row, border_radius=px(6))
            style.draw_pattern(surface, key, row, style.mix(fill, style.TEXT, 0.2))
            style.draw_symbol(surface, key, (row.x + px(22), row.centery), px(18))
            num = style.text(surface, str(counts[key]), (row.right - px(12), row.centery), 26,
                             bold=True, anchor="midright")
            style.text(surface, title, (row.x + px(44), row.centery), 18, anchor="midleft",
                       max_width=num.x - row.x - px(50))
            y += rh + px(6)
        rule = self.game.session.rule(self.motion.id)
        need = (_("Affirmative votes needed: {n}").format(n=rule.affirmative_votes)
                if rule.affirmative_votes else
                _("Present and voting: {n}").format(n=counts["yes"] + counts["no"]))
        style.text(surface, need, (r.x + px(16), y), 15, colour=style.MUTED,
                   max_width=r.w - px(32))
        y += style.font(15).get_linesize() + px(2)
        if not self.done:
            return
        self.draw_outcome(surface, r, y)

    def draw_outcome(self, surface: pygame.Surface, r: pygame.Rect, y: int) -> None:
        """ADOPTED / REJECTED / VETOED in the colour of the player's side (green: the outcome
        it worked for), good or bad for you, ``decided_by``, and the forecast made before."""
        res, good, sentence, met = self.result, self.good, self.sentence, self.met
        col = style.good_bad(good, text=True)
        inner = pygame.Rect(r.x + px(16), y, r.w - px(32), 0)
        # the outcome in as large a type as fits the panel, on one line (never cut)
        word = outcome_words(self.game, res)
        size = 34
        while size > 16 and style.font(size, True).size(word)[0] > inner.w:
            size -= 2
        style.text(surface, word, (r.centerx, y + px(4)), size, bold=True, colour=col,
                   anchor="midtop", max_width=inner.w)
        y += px(4) + style.font(size, True).get_linesize()
        bottom = self.buttons["continue"].rect.y - px(8) if "continue" in self.buttons \
            else r.bottom - px(8)
        prior = self.game.prior.get(res.motion)
        tail = ([(_("Forecast before the vote: P(adopted) {p:.0%}.").format(p=prior),
                  style.MUTED)]
                if prior is not None and self.ballots else [])
        parts = [(sentence, style.mix(style.TEXT, col, 0.5), True)]
        if met:
            parts.append((met, style.mix(style.TEXT, col, 0.5), False))
        parts += [(self.game.session.decided_by(res), style.TEXT, False)]
        parts += [(t, c, False) for t, c in tail]
        for words_, colour, bold in parts:
            size = 16 if bold else 14
            step = style.font(size, bold).get_linesize()
            room = (bottom - y - px(4)) // step
            if room < 1:
                break
            y = style.paragraph(surface, words_, pygame.Rect(inner.x, y + px(4), inner.w,
                                                             room * step), size, bold=bold,
                                colour=colour, max_lines=room)
