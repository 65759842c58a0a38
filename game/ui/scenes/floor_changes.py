"""Making the model legible on the floor: after a turn (the player's move and the replies, or
the opponent's opening moves) the delegations whose most probable ballot changed flash on the
grid or the map for ``FLASH_S`` seconds, with a one-line reason from the model's explanation;
the expected tally and P(adopted) ease to their new values over ``EASE_S`` seconds."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from ...i18n import _, ngettext
from ...review.history import BallotChange, ballot_changes
from ...vocabulary import ballot_word
from .. import style, words
from ..widgets.chamber import Chamber
from ..widgets.whipgrid import WhipGrid
from ..widgets.worldmap import WorldMap

if TYPE_CHECKING:
    from .base import Scene

    _SceneBase = Scene
else:
    _SceneBase = object

#: How long the changed delegations flash (seconds).
FLASH_S = 1.5
#: How long the tally takes to reach its new values (seconds).
EASE_S = 0.6


@dataclass
class Flash:
    """Delegations flashing after a turn, the line that says why, the seconds left."""

    members: tuple[str, ...]
    line: str
    left: float = FLASH_S


class Ease:
    """Numbers that move to new values along an ease-out curve (cubic) over ``EASE_S``."""

    def __init__(self) -> None:
        self.start: tuple[float, ...] | None = None
        self.target: tuple[float, ...] | None = None
        self.t = 1.0

    def aim(self, values: tuple[float, ...], instant: bool = False) -> None:
        """Go to ``values`` from where the numbers are now (at once if ``instant``, or the
        first time, or if their count differs)."""
        if self.target == values:
            return
        if instant or self.target is None or len(self.target) != len(values):
            self.start, self.target, self.t = values, values, 1.0
            return
        self.start, self.target, self.t = self.now(), values, 0.0

    def step(self, dt: float) -> None:
        """Advance by ``dt`` seconds."""
        self.t = min(1.0, self.t + dt / EASE_S)

    @property
    def moving(self) -> bool:
        """True while the numbers have not reached their target."""
        return self.t < 1.0

    def now(self) -> tuple[float, ...]:
        """The values on screen at this moment."""
        if self.start is None or self.target is None:
            return ()
        k = 1 - (1 - self.t) ** 3
        return tuple(a + (b - a) * k for a, b in zip(self.start, self.target, strict=True))


def whole(counts: tuple[float, ...], total: int) -> list[int]:
    """``counts`` as whole numbers adding up to ``total`` (largest remainder)."""
    floors = [math.floor(c) for c in counts]
    short = total - sum(floors)
    order = sorted(range(len(counts)), key=lambda k: -(counts[k] - floors[k]))
    for k in order[:max(0, short)]:
        floors[k] += 1
    return floors


def change_line(game, changes: list[BallotChange]) -> str:
    """'Nigeria: abstention to in favour (your lobbying: ... +0.40); and 2 more'."""
    top = changes[0]
    why = "; ".join(f"{words.mine_first(game, label)} {value:+.2f}"
                    for label, value in top.reasons[:1])
    line = _("{name}: {before} to {after}").format(
        name=game.member(top.member).name, before=ballot_word(top.before),
        after=ballot_word(top.after)) + (f" ({why})" if why else "")
    if len(changes) > 1:
        line += ngettext("; and {n} more", "; and {n} more", len(changes) - 1).format(
            n=len(changes) - 1)
    return line


class ChangesMixin(_SceneBase):
    """The floor's flashes and eased tally; needs the floor's ``view``, ``view_rect`` and
    ``motion_id``."""

    view_rect: pygame.Rect
    view: WhipGrid | WorldMap | Chamber
    seen: tuple[int, str] | None = None
    changed: Flash | None = None

    if TYPE_CHECKING:
        @property
        def motion_id(self) -> str:
            """The motion in view (FloorScene's)."""
            return ""

    @property
    def animated(self) -> bool:
        """Animations run (not under --autoplay's fast frames, nor when the player asked
        for a still screen)."""
        return not (self.app.fast or self.app.still)

    def init_changes(self) -> None:
        """Nothing flashing, the tally at rest."""
        self.seen, self.changed, self.tally_ease = None, None, Ease()

    def watch_changes(self) -> None:
        """After a refresh: if decisions were taken since the last one on the same motion and
        stage, flash the delegations whose most probable ballot they changed."""
        session = self.game.session
        n, motion = len(session.history), self.motion_id
        if self.seen is not None and n > self.seen[0] and self.seen[1] == motion:
            before = session.history[self.seen[0]][1]
            changes = ballot_changes(session, motion, before, self.game.state)
            if changes:
                self.changed = Flash(tuple(c.member for c in changes),
                                     change_line(self.game, changes))
        self.seen = (n, motion)

    def eased_tally(self, counts: tuple[float, ...], p_adopted: float) -> tuple[list[int], float]:
        """(whole counts, P(adopted)) to draw now: on their way to the forecast's values."""
        self.tally_ease.aim((*counts, p_adopted), instant=not self.animated)
        now = self.tally_ease.now()
        return whole(now[:-1], round(sum(counts))), now[-1]

    def update_changes(self, dt: float) -> None:
        """Advance the flash and the tally."""
        self.tally_ease.step(dt)
        if self.changed is not None:
            self.changed.left -= dt
            if self.changed.left <= 0:
                self.changed = None

    def draw_changes(self, surface: pygame.Surface) -> pygame.Rect | None:
        """Ring the changed delegations (pulsing) and show the reason by the first one.
        Returns the reason's rect (None if nothing flashes)."""
        flash = self.changed
        if flash is None:
            return None
        pulse = 0.5 + 0.5 * math.cos((FLASH_S - flash.left) * 2 * math.pi * 2)
        colour = style.mix(style.GOLD, style.FOCUS, pulse)
        width = max(2, style.px(3))
        for iso in flash.members:
            if isinstance(self.view, WorldMap):
                self.view.outline(surface, iso, colour, width)
                p = self.view.placed.get(iso)
                if p is not None:
                    pygame.draw.circle(surface, colour, p.marker,
                                       self.view.radius * 2 + round(4 * pulse), width)
            elif iso in self.view.cells:
                r = self.view.cells[iso].inflate(width * 2, width * 2)
                pygame.draw.rect(surface, colour, r, width, border_radius=max(3, r.h // 8))
        first = self.view.cells.get(flash.members[0])
        if first is None:
            return None
        return style.tooltip(surface, flash.line, first, self.view_rect)
