"""Teams at one screen: the full-screen announcement of each turn ("Opposition team: take the
keyboard"), the turn clock drawn over the lobbying screens, and the PAUSED screen.

The side's colour is not a ballot's: the ballots are blue and orange (good or bad for the
side looking), so the sides take Okabe-Ito's bluish green and reddish purple."""
from __future__ import annotations

import pygame

from ...i18n import N_, _, ngettext, pgettext
from .. import style
from .base import Scene

#: Each side's colour on the announcement and the clock (Okabe-Ito, colour-blind safe, and
#: apart from the ballots' blue and orange).
SIDE_COLOURS = {"sponsors": pygame.Color("#009e73"), "opposition": pygame.Color("#cc79a7")}
#: Who takes the keyboard, by side (the heading of the announcement).
TEAM_CALLS = {"sponsors": N_("Sponsors team: take the keyboard"),
              "opposition": N_("Opposition team: take the keyboard")}


def side_word(side: str) -> str:
    """'Sponsors' or 'Opposition': a side's id as a word, capitalised, in the language in
    use (any other id capitalised)."""
    if side == "sponsors":
        return pgettext("side", "Sponsors")
    if side == "opposition":
        return pgettext("side", "Opposition")
    return side.capitalize()


def side_colour(side: str) -> pygame.Color:
    """The colour a side's turn is announced in."""
    return SIDE_COLOURS.get(side, style.UN_BLUE)


class TurnScene(Scene):
    """'Sponsors team: take the keyboard': the side, its name and colour, the stage, the turn
    and the time it has; any key (or a click) starts the turn."""

    name = "turn"

    def __init__(self, app) -> None:
        super().__init__(app)
        session = self.game.session
        self.side = session.state.to_move
        self.stage = self.game.stage
        self.left = session.turns_left(self.side)
        self.timer = session.timer

    @property
    def shot_name(self) -> str:
        """One screenshot per side."""
        return f"turn_{self.side}"

    def build(self) -> None:
        """A Start button; every key starts the turn (F1, F11 and the like are the window's)."""
        w, h = self.size
        bw, bh = style.px(300), style.px(52)
        self.button("start", ((w - bw) // 2, int(h * 0.78), bw, bh),
                    _("Start the turn  (any key)"), self.start, cls="@primary")

    def on_event(self, event: pygame.event.Event) -> bool:
        """Any key press not taken elsewhere starts the turn."""
        if event.type == pygame.KEYDOWN and event.key not in (pygame.K_F1, pygame.K_ESCAPE):
            self.start()
            return True
        return False

    def start(self) -> None:
        """The team has the keyboard: the lobbying screen, its clock running."""
        self.app.goto_stage()

    def draw(self, surface: pygame.Surface) -> None:
        """The side's colour as a band, who takes the keyboard, the side's name, the turn."""
        w, h = self.size
        colour = side_colour(self.side)
        surface.fill(style.mix(style.BG_DEEP, colour, 0.18))
        band = pygame.Rect(0, int(h * 0.16), w, int(h * 0.42))
        pygame.draw.rect(surface, style.mix(style.BG, colour, 0.55), band)
        pygame.draw.rect(surface, colour, (0, band.y, w, style.px(8)))
        pygame.draw.rect(surface, colour, (0, band.bottom - style.px(8), w, style.px(8)))
        cx = w // 2
        team = (_(TEAM_CALLS[self.side]) if self.side in TEAM_CALLS
                else _("{side} team: take the keyboard").format(side=side_word(self.side)))
        style.text(surface, team, (cx, band.y + style.px(40)), 44, bold=True,
                   anchor="midtop", max_width=w - 2 * style.px(40))
        style.text(surface, self.game.side_name(self.side), (cx, band.y + style.px(118)), 28,
                   anchor="midtop", max_width=w - 2 * style.px(40))
        goal = self.game.scenario.spec.sides[self.side].goal
        width = min(w - 2 * style.px(60), style.px(1000))
        y = band.y + style.px(166)
        for line in style.wrap(goal, width, 18)[:2]:         # centred, as the lines above
            style.text(surface, line, (cx, y), 18, colour=style.TEXT, anchor="midtop",
                       max_width=width)
            y += style.font(18).get_linesize()
        parts = [self.stage.title] if self.stage else []
        if self.left is not None:
            rounds = self.game.session.rounds
            parts.append(_("turn {n} of {total}").format(n=rounds - self.left + 1, total=rounds))
        parts.append(ngettext("{n} second", "{n} seconds", self.timer).format(n=self.timer)
                     if self.timer else _("no time limit"))
        style.text(surface, " · ".join(parts), (cx, band.bottom + style.px(28)), 22,
                   colour=style.TEXT, anchor="midtop", max_width=w - 2 * style.px(40))
        style.text(surface, _("The other team looks away from the screen.  P pauses the game."),
                   (cx, band.bottom + style.px(70)), 16, colour=style.MUTED, anchor="midtop",
                   max_width=w - 2 * style.px(40))


#: Where the turn clock sits on each lobbying screen (its bottom centre, as shares of the
#: window's width and height): a strip each layout leaves free (they scale with the window).
CLOCK_AT = {"floor": (0.47, 0.995), "council": (0.42, 0.995), "text": (0.69, 0.955)}


def draw_clock(surface: pygame.Surface, scene: str, side: str, words: str, low: bool) -> None:
    """The turn clock over a lobbying screen: the side and the time left (in the warning
    colour in the last ten seconds)."""
    w, h = surface.get_size()
    label = f"{side_word(side)} · {words}"
    f = style.font(16, bold=True)
    tw, th = f.size(label)
    pad = style.px(8)
    rect = pygame.Rect(0, 0, tw + 2 * pad, th + style.px(4))
    fx, fy = CLOCK_AT.get(scene, (0.5, 0.995))
    rect.midbottom = (int(w * fx), int(h * fy))
    pygame.draw.rect(surface, style.BAD if low else side_colour(side), rect,
                     border_radius=style.px(8))
    pygame.draw.rect(surface, style.FOCUS, rect, width=max(1, style.px(2)),
                     border_radius=style.px(8))
    style.text(surface, label, rect.center, 16, bold=True, colour=style.BG_DEEP,
               anchor="center")


def draw_paused(surface: pygame.Surface, clock: str | None) -> None:
    """PAUSED over a dimmed screen, and how to go on."""
    w, h = surface.get_size()
    veil = pygame.Surface((w, h), pygame.SRCALPHA)
    veil.fill((*style.BG_DEEP[:3], 240))
    surface.blit(veil, (0, 0))
    style.text(surface, _("PAUSED"), (w // 2, int(h * 0.36)), 72, bold=True, anchor="center")
    note = (_("The turn clock has stopped at {clock}.").format(clock=clock) if clock
            else _("The turn clock has stopped."))
    style.text(surface, note, (w // 2, int(h * 0.36) + style.px(70)), 22, anchor="center",
               colour=style.TEXT)
    style.text(surface, _("Press P to go on."), (w // 2, int(h * 0.36) + style.px(110)), 22,
               anchor="center", colour=style.MUTED)
