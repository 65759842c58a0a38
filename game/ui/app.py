"""The window: runs the frame loop, switches scenes through a table (and games when the title
screen picks another case), asks before quitting a game in progress, takes screenshots, and
turns any unexpected exception into an error panel.

It is handed ready-made things: the Game, a ``GameFactory`` for another case, where to write
a crash report and where its messages go. The command line that makes them is
``game.cli.launch``; ``launch`` here only opens and runs the window."""
from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from .. import i18n
from ..i18n import _
from ..scenario import Scenario
from . import style
from .controller import Game
from .games import GameFactory, GameSwitchMixin
from .sound import Sounds
from .style import MIN_SIZE
from .teams import TeamSetup, TurnClock
from .theme import theme_for
from .turnplay import TurnPlayMixin
from .words import clip, path_html

if TYPE_CHECKING:
    from .autoplay import Driver
    from .scenes import Scene
    from .scenes.floor import FloorPrefs

#: Design font sizes the theme uses (preloaded at the window's scale: no stall mid-game).
FONT_SIZES = (16, 17, 18, 19, 20, 22, 24, 26, 28)
#: Window-wide keys, before any scene's: F11 fullscreen, F10 the high-contrast palette (M and
#: P, sound and pause, are ``turnplay``'s).
FULLSCREEN_KEY, CONTRAST_KEY = pygame.K_F11, pygame.K_F10


#: Writes a crash report of an exception; its path, or None if none could be written.
CrashWriter = Callable[[BaseException], "Path | None"]  # i18n: not shown


def to_stderr(line: str) -> None:
    """Where the window's messages go unless it is told otherwise."""
    print(line, file=sys.stderr)


def at_least_minimum(size: tuple[int, int]) -> tuple[int, int]:
    """A window size raised to the minimum the layouts are made for."""
    return max(size[0], MIN_SIZE[0]), max(size[1], MIN_SIZE[1])


class App(GameSwitchMixin, TurnPlayMixin):
    """One window, one scene at a time (looked up by name in ``scenes.SCENES``)."""

    def __init__(self, game: Game, size: tuple[int, int], *, screenshots: str | None = None,
                 fast: bool = False, maker: GameFactory | None = None,
                 write_report: CrashWriter | None = None,
                 say: Callable[[str], None] = to_stderr, fullscreen: bool = False,
                 palette: str = "default", sound: bool = True) -> None:
        from .scenes import SCENES, STAGE_SCENES

        self.scenes, self.stage_scenes = SCENES, STAGE_SCENES
        pygame.display.init()
        pygame.font.init()
        style.reset_fonts()
        #: The palette in use (a key of style.PALETTES): F10 or the title screen switch it.
        self.palette = style.use_palette(palette).name
        pygame.display.set_caption(f"Plenary — {clip(game.scenario.spec.title)}")
        #: The size the window has when it is not fullscreen (F11 comes back to it).
        self.windowed_size = at_least_minimum(size)
        self.fullscreen = fullscreen
        self.screen = self._open_window()
        self._minimum_size()
        self.size = self.screen.get_size()
        warnings.filterwarnings("ignore", message=".*(font id|font with id)", category=UserWarning)
        self.manager = self._make_manager()
        self.game = game
        #: Makes the Game of another scenario; None: the case is fixed.
        self.maker = maker
        #: Writes a crash report (None: no report is written); one line for the user.
        self.write_report = write_report
        self.say = say
        self.clock = pygame.time.Clock()
        self.fast = fast
        self.running = True
        self.exit_code = 0
        self.driver: Driver | None = None
        self._scene: Scene | None = None
        #: The floor's filters and selection, kept while the player visits other screens.
        self.prefs: FloorPrefs | None = None
        #: No animation (``play --still``): numbers change at once.
        self.still = False
        #: The stages (indices) whose recap was shown in this game.
        self.recapped: set[int] = set()
        self.shots = Path(screenshots) if screenshots else None
        self.shot_count = 0
        self._shot_wanted: str | None = None
        self._shot_names: set[str] = set()
        self.failed = False
        #: The sounds (off by M, --no-sound or the title screen; silently off without audio).
        self.sound = Sounds(sound, say)
        #: The clock of the turn being played, the turn last announced, and the pause.
        self.clock_turn = TurnClock(game.session.timer)
        self.announced: object = None
        self.paused = False
        #: The scene the window opens on, and what it is given (``play --view``: a review).
        self.start: tuple[str, dict] = ("title", {})

    def _open_window(self) -> pygame.Surface:
        """Open (or reopen) the display: fullscreen at the desktop's size, or a resizable
        window of ``windowed_size``."""
        if self.fullscreen:
            desktop = pygame.display.get_desktop_sizes()[0]
            return pygame.display.set_mode(at_least_minimum(desktop), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def _make_manager(self) -> pygame_gui.UIManager:
        """A pygame_gui manager whose theme fits the window's size and the palette (its fonts
        are read once per element, so a new size needs a new manager)."""
        manager = pygame_gui.UIManager(self.size, theme_for(self.size, self.palette))
        manager.preload_fonts(
            [{"name": "noto_sans", "point_size": style.font_px(s, self.size), "style": st}
             for s in FONT_SIZES for st in ("regular", "bold")])
        return manager

    def toggle_fullscreen(self) -> None:
        """F11: fullscreen (a projector) or back to the window it was; the scene is laid out
        again for the new size."""
        self.fullscreen = not self.fullscreen
        self.screen = self._open_window()
        self._relayout()

    def set_palette(self, name: str) -> None:
        """Use the palette ``name`` (style.PALETTES) on every screen from this frame on."""
        self.palette = style.use_palette(name).name
        self._relayout()

    def toggle_contrast(self) -> None:
        """F10: the high-contrast palette, or the default one again."""
        self.set_palette("default" if self.palette == "high_contrast" else "high_contrast")

    def next_language(self) -> None:
        """L on the title screen: the next language the game speaks, on every screen from
        this frame on (the case's own texts too, where its file translates them)."""
        codes = list(i18n.LANGUAGES)
        i18n.set_language(codes[(codes.index(i18n.language()) + 1) % len(codes)])
        self._relayout()

    def _relayout(self) -> None:
        """The window's size or palette changed: a new theme, the scene built anew."""
        self.size = self.screen.get_size()
        self.manager = self._make_manager()
        if self._scene is not None:
            self._scene.rebuild()

    @staticmethod
    def _minimum_size() -> None:
        """Ask the window manager not to shrink the window below the minimum."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                window = pygame.Window.from_display_module()
            window.minimum_size = MIN_SIZE
        except (AttributeError, pygame.error):
            pass

    @property
    def scene(self) -> Scene:
        """The scene on screen (there is one from the first ``goto`` on)."""
        if self._scene is None:
            raise RuntimeError("no scene yet: goto() one first")
        return self._scene

    # -- games ------------------------------------------------------------------------------
    def new_game(self, scenario: Scenario, side: str | None = None,
                 opponent: str | None = None, setup: TeamSetup | None = None) -> None:
        """Start a new game (from the title screen): a new Game of ``scenario`` with the player
        on ``side`` against ``opponent`` (``setup``: the teams, rounds and timer), the old one
        discarded. Nothing happens when the case is fixed (no factory)."""
        if self.maker is not None:
            self._switch(self.maker(scenario, side, opponent, setup=setup))

    def _switch(self, game: Game) -> None:
        """Put ``game`` on screen; the one there before is discarded."""
        old, self.game = self.game, game
        if self.maker is not None:
            self.maker.discard(old)
        self.prefs = None
        self.recapped = set()
        self.clock_turn = TurnClock(game.session.timer)
        self.announced, self.paused = None, False
        pygame.display.set_caption(f"Plenary — {clip(game.scenario.spec.title)}")

    def begin_play(self) -> None:
        """From the briefing to the game: the opponent makes the moves due before the
        player's turn (an opposition player waits for the sponsors to open), any votes they
        brought on are shown, then the stage's screen."""
        self.game.catch_up()
        if self.game.new_results:
            self.after_play()
        else:
            self.goto_stage()

    @property
    def in_progress(self) -> bool:
        """A game has begun and is not over: quitting now needs a confirmation."""
        return bool(self.game.session.decisions) and not self.game.state.finished

    def request_quit(self) -> None:
        """Quit; in the middle of a game, only after the player confirms."""
        if not self.in_progress or self.scene.confirming:
            self.running = False
            return
        writer = self.game.session.writer
        saved = (_("Every decision so far is saved in<br><b>{path}</b>.").format(
                     path=path_html(writer.path))
                 if writer and not writer.error else " ".join(self.game.notices())
                 or _("This game is not being saved."))
        self.scene.confirm(_("Quit the game?"), _("The game is not over.") + " " + saved,
                           _("Quit"), self.stop)

    def stop(self) -> None:
        """End the frame loop (after this frame)."""
        self.running = False

    # -- scenes -----------------------------------------------------------------------------
    def goto(self, name: str, **kwargs) -> None:
        """Leave the current scene and enter ``name`` (built fresh)."""
        if self._scene is not None:
            self._scene.leave()
        self._scene = scene = self.scenes[name](self, **kwargs)
        scene.enter()
        if scene.shot_name not in self._shot_names:
            self._shot_wanted = scene.shot_name

    def goto_stage(self) -> None:
        """The screen for where the game is now: a stage's floor, the Council, or the debrief;
        with two teams, first the announcement of a new turn (who takes the keyboard)."""
        stage = self.game.stage
        if stage is None:
            self.goto("debrief")
            return
        ended = self.game.state.stage - 1
        if ended >= 0 and self._scene is not None and self._scene.name == "vote" \
                and ended not in self.recapped:
            self.recapped.add(ended)          # from the board of a stage's last vote: recap
            self.goto("recap", stage=ended)
            return
        if self.announce_turn():
            return
        members = self.game.session.body(stage.body).members
        self.goto(self.stage_scenes.get(members, "floor"))

    def after_play(self) -> None:
        """After a decision: show any recorded votes; with two teams, announce the next turn;
        else stay on the scene."""
        if self.game.new_results:
            results, self.game.new_results = self.game.new_results, ()
            self.goto("vote", results=list(results))
        else:
            self.announce_turn()

    @property
    def shot_pending(self) -> bool:
        """A screenshot is wanted and not taken yet."""
        return bool(self.shots and self._shot_wanted)

    def request_shot(self, name: str) -> None:
        """Ask for a screenshot of what is on screen at the end of this frame."""
        self._shot_wanted = name

    # -- loop -------------------------------------------------------------------------------
    def run(self) -> int:
        """Open on the title screen (or the ``start`` scene) and run until the player (or
        the driver) quits."""
        name, kwargs = self.start
        self.goto(name, **kwargs)
        return self.run_frames()

    def run_frames(self) -> int:
        """The frame loop; any unexpected exception becomes the error panel. Exit code."""
        while self.running:
            dt = 1 / 30 if self.fast else self.clock.tick(60) / 1000
            try:
                self.frame(dt)
            except Exception as exc:  # noqa: BLE001 - the panel is the point
                self.fail(exc)
        self.game.session.close()
        return self.exit_code

    def frame(self, dt: float) -> None:
        """One frame: driver, events, animation, drawing, screenshot."""
        if self.driver is not None:
            self.driver.step(dt)
        for event in pygame.event.get():
            self.dispatch(event)
        self._run_clock(dt)
        if not self.paused:
            self.scene.update(dt)
            self.manager.update(dt)
        self.scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        self.scene.draw_over(self.screen)
        self.draw_turn(self.screen)
        self._maybe_shoot()
        pygame.display.flip()

    def dispatch(self, event: pygame.event.Event) -> None:
        """One event: window events here, then pygame_gui, then the scene."""
        if event.type == pygame.QUIT:
            self.request_quit()
            return
        if event.type == pygame.VIDEORESIZE:
            if not self.fullscreen:
                self.resize(event.size)
            return
        if event.type == pygame.KEYDOWN and event.key in (FULLSCREEN_KEY, CONTRAST_KEY):
            (self.toggle_fullscreen if event.key == FULLSCREEN_KEY else self.toggle_contrast)()
            return
        if event.type == pygame.KEYDOWN and self._window_key(event.key,
                                                             getattr(event, "mod", 0)):
            return
        if self.paused and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN,
                                          pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL):
            return                        # paused: nothing is played until P
        used = self.manager.process_events(event)
        if used and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                                   pygame.MOUSEWHEEL):
            return
        self.scene.handle(event)

    def resize(self, size: tuple[int, int]) -> None:
        """The window changed size: lay the current scene out again."""
        self.windowed_size = at_least_minimum(size)
        self.screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self._relayout()

    def _maybe_shoot(self) -> None:
        if not (self.shots and self._shot_wanted and self.scene.ready()):
            return
        if self.driver is not None and not self.driver.settled():
            return
        self.shot_count += 1
        self.shots.mkdir(parents=True, exist_ok=True)
        name = f"{self.shot_count:02d}_{self._shot_wanted}.png"
        pygame.image.save(self.screen, str(self.shots / name))
        self._shot_names.add(self._shot_wanted)
        self._shot_wanted = None

    def fail(self, exc: BaseException) -> None:
        """Write a crash report (its path in one line on stderr) and show the error panel
        naming it; keep the session file."""
        report = self.write_report(exc) if self.write_report else None
        what = f"{type(exc).__name__}: {str(exc)[:200]}".rstrip(": ")
        # the terminal's line, for whoever maintains the game: English  (i18n: not shown)
        where = (f"details saved to {report}" if report  # i18n: not shown
                 else "no crash report could be saved")  # i18n: not shown
        self.say(f"something went wrong that the game did not expect ({what}); {where}")
        self.exit_code = 1
        if self.failed:            # the error panel itself failed: give up cleanly
            self.running = False
            return
        self.failed = True
        self.driver = None
        try:
            self.goto("error", message=what, report=report)
        except Exception:  # noqa: BLE001 - the panel failed too: the report already says why
            self.running = False
            return
        if self.fast:                 # autoplay: record the panel, then stop
            self.frame(0.0)
            self.running = False


