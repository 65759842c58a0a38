"""The recorded-vote board: fills in member by member, then the tally, the deciding rule and
whether the outcome is good or bad for the player's side. Floor motions (no action, division,
separate votes) are boards like the others, named by their titles."""
from __future__ import annotations

from collections.abc import Mapping

import pygame

from ...state import VoteResult
from ...vocabulary import BALLOT_CODES, BALLOT_STYLES, ballot_word
from .. import style, words
from ..widgets.cells import Look, legend
from ..widgets.chamber import Chamber
from ..widgets.whipgrid import WhipGrid
from .base import MARGIN, Scene
from .intro import CONTINUE_KEYS, long_date

#: Seconds the board takes to fill.
DURATION = 3.0
#: Body membership -> the board's layout.
VIEWS = {"all": WhipGrid, "security_council": Chamber}
OUTCOME_WORDS = {"adopted": "ADOPTED", "rejected": "REJECTED", "vetoed": "VETOED",
                 "not_tabled": "NOT TABLED", "not_held": "NOT PUT TO THE VOTE",
                 "moot": "NOT PUT TO THE VOTE", "no_action": "NO ACTION TAKEN"}
NO_VOTE = ("not_tabled", "not_held", "moot", "no_action")


def outcome_words(game, result) -> str:
    """ADOPTED / APPROVED (the body's own verb) / REJECTED / VETOED / NOT TABLED ..."""
    if result.outcome == "adopted":
        return words.adopted_word(game, game.motion(result.motion)).upper()
    return OUTCOME_WORDS.get(result.outcome, result.outcome.replace("_", " ").upper())


KIND_WORDS = {"amendment": "amendment", "draft": "draft resolution",
              "procedural": "procedural vote", "substantive": "draft resolution (substantive)",
              "no_action": "motion for no action (voted before the draft)",
              "division": "motion for division (voted before the separate vote)",
              "separate_vote": "separate vote on a paragraph (voted before the draft)"}


def met_objectives(game, result) -> list:
    """The player's objectives on this result's motion that it met."""
    return [r.objective for r in game.session.score()[0]
            if r.objective.motion == result.motion and r.met]


def verdict(game, result) -> tuple[bool, str]:
    """(good for the player, a sentence saying so and why) for a result."""
    good = game.good_for_player(result)
    want = game.wants_adopted(result.motion)
    motion = game.motion(result.motion)
    wanted = (f"you wanted it {words.adopted_word(game, motion)}" if want
              else "you wanted it defeated")
    # An outcome the player did not want can still meet an objective they played for (a
    # referral tabled to put the Council on record is vetoed): say so, and count it as good.
    if not good and met_objectives(game, result):
        return True, "Good for you all the same: it meets an objective of yours."
    return good, ("Good for you: " if good else "Bad for you: ") + wanted + "."


def met_line(game, result) -> str:
    """'Met: <objective> (+2 points)' for the objectives this result met ('' if none)."""
    met = met_objectives(game, result)
    if not met:
        return ""
    points = sum(o.points for o in met)
    names = "; ".join(o.label for o in met)
    return f"Met: {names} (+{points} point{'s' if points != 1 else ''})."


class VoteScene(Scene):
    """One VoteResult; Enter/Space/click skips the animation, then continues."""

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
        self.panel_rect = pygame.Rect(w - MARGIN - 340, 96, 340, h - 96 - MARGIN)
        board = pygame.Rect(MARGIN, 96, self.panel_rect.x - 2 * MARGIN, h - 96 - MARGIN - 34)
        self.view.layout(board, self.order)
        self.board_rect = board
        self.button("continue", (self.panel_rect.x + 16, self.panel_rect.bottom - 60,
                                 self.panel_rect.w - 32, 44), self.continue_label(),
                    self.advance, cls="@primary")
        for k in CONTINUE_KEYS:
            self.keys[k] = lambda: self.press("continue")

    def continue_label(self) -> str:
        """Skip while the board fills, Continue once it is full."""
        return "Continue  (Enter)" if self.done else "Skip  (Space)"

    def advance(self) -> None:
        """First press: finish the board. Second: the next vote, or back to the game."""
        if not self.done:
            self.t = DURATION
            self.buttons["continue"].set_text(self.continue_label())
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

    def update(self, dt: float) -> None:
        """Fill the board for ``dt`` more seconds; relabel the button when it is full."""
        if not self.done:
            self.t = min(DURATION, self.t + dt)
            if self.done:
                self.buttons["continue"].set_text(self.continue_label())

    def ready(self) -> bool:
        """Screenshot once the board is full."""
        return self.done

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
        w, _ = self.size
        stage = self.game.stage_of(self.result.motion)
        pygame.draw.rect(surface, style.BG_DEEP, (0, 0, w, 84))
        when = f" · {long_date(stage.date)}" if stage else ""
        style.text(surface, f"Recorded vote · {self.body.name}{when}",
                   (MARGIN, 10), 15, colour=style.MUTED)
        title = f"{self.motion.symbol} — {self.motion.title}"
        if self.game.is_floor_motion(self.motion.id):
            draft = self.game.motion(self.motion.amends).symbol if self.motion.amends else ""
            title = self.motion.title + ("" if draft in self.motion.title else f" of {draft}")
        style.text(surface, title, (MARGIN, 32), 24,
                   bold=True, max_width=self.help_rect().x - 2 * MARGIN)
        rule = self.game.session.rule(self.motion.id).describe()
        style.text(surface, f"{KIND_WORDS.get(self.motion.kind, self.motion.kind).capitalize()}"
                   f" · {rule}", (MARGIN, 62), 14, colour=style.MUTED, max_width=w - 2 * MARGIN)
        shown = self.revealed()
        looks = {iso: Look(self.ballots[iso] if k < shown else None, dim=not self.ballots)
                 for k, iso in enumerate(self.order)}
        self.view.draw(surface, looks, None, self.names)
        if self.ballots:
            legend(surface, (self.board_rect.x, self.board_rect.bottom + 12), forecast=False,
                   marks=False)
        if isinstance(self.view, Chamber):
            self.draw_centre(surface, looks)
        if not self.ballots:
            area = self.view.centre if isinstance(self.view, Chamber) else self.board_rect
            card = pygame.Rect(0, 0, min(420, area.w - 40), 90)
            card.center = area.center
            style.panel(surface, card)
            style.text(surface, "No recorded vote", card.center, 22, bold=True,
                       colour=style.MUTED, anchor="center")
        self.draw_panel(surface)

    def draw_centre(self, surface: pygame.Surface, looks) -> None:
        """Inside the Council's table: how each permanent member voted (the veto)."""
        if not self.ballots:
            return
        box = self.view.centre.inflate(-40, -30)
        style.text(surface, "Permanent members", (box.centerx, box.y + 6), 19, bold=True,
                   colour=style.GOLD, anchor="midtop")
        y = box.y + 40
        for iso in self.order:
            if iso not in self.permanent:
                continue
            ballot = looks[iso].ballot
            style.text(surface, self.names[iso], (box.x + 20, y), 16, max_width=box.w // 2)
            label = "…" if ballot is None else ballot_word(ballot)
            col = style.BALLOT_COLOURS.get(ballot, style.MUTED) if ballot else style.MUTED
            if ballot == "no" and self.result.outcome == "vetoed":
                label = "against: VETO"
            style.text(surface, label, (box.right - 20, y), 16, bold=True, colour=col,
                       anchor="topright")
            y += 26
        style.paragraph(surface, self.game.session.rule(self.motion.id).describe().capitalize()
                        + ".",
                        pygame.Rect(box.x + 20, y + 12, box.w - 40, 60), 14, colour=style.MUTED,
                        max_lines=3)

    def draw_panel(self, surface: pygame.Surface) -> None:
        """The running tally, then the outcome and the rule that decided it."""
        r = self.panel_rect
        style.panel(surface, r)
        y = r.y + 16
        if not self.ballots:
            self.draw_outcome(surface, r, y)
            return
        counts = self.counts()
        for key in BALLOT_CODES:
            title = BALLOT_STYLES[key].title
            row = pygame.Rect(r.x + 16, y, r.w - 32, 46)
            pygame.draw.rect(surface, style.mix(style.PANEL, style.BALLOT_COLOURS[key], 0.35), row,
                             border_radius=6)
            style.draw_symbol(surface, key, (row.x + 22, row.centery), 18)
            style.text(surface, title, (row.x + 44, row.centery), 18, anchor="midleft")
            style.text(surface, str(counts[key]), (row.right - 12, row.centery), 28, bold=True,
                       anchor="midright")
            y += 54
        rule = self.game.session.rule(self.motion.id)
        need = (f"Affirmative votes needed: {rule.affirmative_votes}" if rule.affirmative_votes
                else f"Present and voting: {counts['yes'] + counts['no']}")
        style.text(surface, need, (r.x + 16, y + 2), 15, colour=style.MUTED)
        y += 28
        if not self.done:
            return
        self.draw_outcome(surface, r, y)

    def draw_outcome(self, surface: pygame.Surface, r: pygame.Rect, y: int) -> None:
        """ADOPTED / REJECTED / VETOED in the colour of the player's side (green: the outcome
        it worked for), good or bad for you, ``decided_by``, and the forecast made before."""
        res, good, sentence, met = self.result, self.good, self.sentence, self.met
        col = style.BALLOT_COLOURS["yes" if good else "no"]
        style.text(surface, outcome_words(self.game, res), (r.centerx, y + 8), 34, bold=True,
                   colour=col, anchor="midtop", max_width=r.w - 20)
        y = style.paragraph(surface, sentence, pygame.Rect(r.x + 16, y + 52, r.w - 32, 44), 16,
                            bold=True, colour=style.mix(style.TEXT, col, 0.5), max_lines=2)
        if met:
            y = style.paragraph(surface, met, pygame.Rect(r.x + 16, y + 6, r.w - 32, 66), 14,
                                colour=style.mix(style.TEXT, col, 0.5), max_lines=3)
        y = style.paragraph(surface, res.decided_by, pygame.Rect(r.x + 16, y + 6, r.w - 32, 120),
                            14, max_lines=5)
        prior = self.game.prior.get(res.motion)
        if prior is not None and self.ballots:
            style.paragraph(surface, f"Forecast before the vote: P(adopted) {prior:.0%}.",
                            pygame.Rect(r.x + 16, y + 8, r.w - 32, 40), 14, colour=style.MUTED)
