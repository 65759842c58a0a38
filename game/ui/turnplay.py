"""The window's part in teams at one screen: the announcement of each turn, the turn clock
(it runs on the lobbying screens and ends the turn when it runs out: the chair's
``time_up``, played and saved like any decision), P to pause and M for sound. A mixin of
``App``, which holds the Game, the scenes and the sounds."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .scenes.turn import draw_clock, draw_paused

if TYPE_CHECKING:
    from .controller import Game
    from .scenes import Scene
    from .sound import Sounds
    from .teams import TurnClock

#: Window-wide keys: M sound on or off, P pause (a game in progress).
SOUND_KEY, PAUSE_KEY = pygame.K_m, pygame.K_p
#: The scenes a turn is played on: its clock runs there (and only there).
TURN_SCENES = ("floor", "council", "text")
#: Where the game does not pause (nothing is being played).
NO_PAUSE = ("title", "saved", "sessions", "review", "compare", "error", "debrief")
#: Seconds left from which the clock shows in the warning colour.
LOW = 10


class TurnPlayMixin:
    """Turns, their clock, the pause and the sound key, for the App."""

    game: Game
    sound: Sounds
    clock_turn: TurnClock
    announced: object
    paused: bool

    if TYPE_CHECKING:
        @property
        def scene(self) -> Scene:
            """The App's scene on screen."""

        def goto(self, name: str, **kwargs) -> None:
            """The App's: enter scene ``name``."""

        def goto_stage(self) -> None:
            """The App's: the screen for where the game is now."""

        def after_play(self) -> None:
            """The App's: after a decision, the votes it brought."""

    def announce_turn(self) -> bool:
        """Two teams and a turn not yet announced: the announcement goes on screen (True)."""
        session = self.game.session
        turn = session.turn()
        if not session.two_teams or session.state.finished or turn == self.announced:
            return False
        self.announced = turn
        self.goto("turn")
        return True

    def time_up(self) -> None:
        """The turn clock ran out: the chair's ``time_up`` (recorded like any decision), then
        the votes it brings or the next turn."""
        if self.game.state.finished or self.scene.confirming:
            return
        self.game.time_up()
        if self.game.new_results:
            self.after_play()
        else:
            self.goto_stage()

    def toggle_pause(self) -> None:
        """P: pause (the turn clock stops, the screen says PAUSED) or go on."""
        self.paused = not self.paused
        self.clock_turn.paused = self.paused

    def _run_clock(self, dt: float) -> None:
        """The turn clock runs on the lobbying screens of a game with a timer, and waits
        elsewhere; when it runs out, the turn ends (``time_up``)."""
        session = self.game.session
        if self.scene.name in TURN_SCENES and session.timer and not session.state.finished:
            self.clock_turn.begin(session.turn())
            if self.clock_turn.tick(dt):
                self.time_up()
        else:
            self.clock_turn.stop()
    def _window_key(self, key: int, mod: int = 0) -> bool:
        """M (sound) and P (pause) work on every screen where they mean something; True if
        the key was used. A screen that uses M itself (the floor: the motion filter) keeps
        it, and Shift+M switches the sound there."""
        if self.scene.name == "title" and key == SOUND_KEY:
            return False                  # the title's own sound button says what happened
        if key == SOUND_KEY and key in self.scene.keys and not mod & pygame.KMOD_SHIFT:
            return False
        if key == SOUND_KEY:
            self.sound.toggle()
            return True
        if key == PAUSE_KEY and (self.paused or self.scene.name not in NO_PAUSE):
            self.toggle_pause()
            return True
        return False

    def draw_turn(self, surface: pygame.Surface) -> None:
        """Over the scene: the turn clock on a lobbying screen, PAUSED when paused."""
        if self.clock_turn.running and self.scene.name in TURN_SCENES:
            draw_clock(surface, self.scene.name, self.game.state.to_move,
                       self.clock_turn.words(), self.clock_turn.left <= LOW)
        if self.paused:
            draw_paused(surface, self.clock_turn.words() if self.clock_turn.seconds else None)
