"""The window: builds the Session, runs the frame loop, switches scenes through a table,
takes screenshots, and turns any unexpected exception into an error panel."""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
import warnings
from pathlib import Path

import pygame
import pygame_gui

from ..cli.common import load_or_report
from ..replay import decisions_from_json, default_path
from ..session import Session
from . import style
from .controller import Game

DEFAULT_SEED = 2014
MIN_SIZE = (1280, 720)
FONT_SIZES = (13, 14, 15, 16, 18, 19, 20, 22, 24, 26, 28)


def parse_window(text: str | None) -> tuple[int, int]:
    """'1280x720' -> (1280, 720). Raises ValueError with a readable message."""
    try:
        w, h = (int(x) for x in (text or "1280x720").lower().split("x"))
    except ValueError:
        raise ValueError(f"--window expects WIDTHxHEIGHT, e.g. 1280x720; got {text!r}") from None
    if w < 640 or h < 400:
        raise ValueError(f"--window {w}x{h} is too small (1280x720 or more is best)")
    return w, h


class App:
    """One window, one scene at a time (looked up by name in ``scenes.SCENES``)."""

    def __init__(self, game: Game, size: tuple[int, int], *, screenshots: str | None = None,
                 fast: bool = False) -> None:
        from .scenes import SCENES, STAGE_SCENES

        self.scenes, self.stage_scenes = SCENES, STAGE_SCENES
        pygame.display.init()
        pygame.font.init()
        style.reset_fonts()
        pygame.display.set_caption(f"Plenary — {game.scenario.spec.title}")
        self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._minimum_size(size)
        self.size = self.screen.get_size()
        self.manager = pygame_gui.UIManager(self.size, str(style.THEME))
        warnings.filterwarnings("ignore", message=".*(font id|font with id)", category=UserWarning)
        self.manager.preload_fonts(
            [{"name": "noto_sans", "point_size": s, "style": st}
             for s in FONT_SIZES for st in ("regular", "bold", "italic")])
        self.game = game
        self.clock = pygame.time.Clock()
        self.fast = fast
        self.running = True
        self.exit_code = 0
        self.driver = None
        self.scene = None
        #: The floor's filters and selection, kept while the player visits other screens.
        self.prefs = None
        self.shots = Path(screenshots) if screenshots else None
        self.shot_count = 0
        self._shot_wanted: str | None = None
        self._shot_names: set[str] = set()
        self.failed = False

    @staticmethod
    def _minimum_size(size: tuple[int, int]) -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                window = pygame.Window.from_display_module()
            window.minimum_size = (min(size[0], MIN_SIZE[0]), min(size[1], MIN_SIZE[1]))
        except (AttributeError, pygame.error):
            pass

    # -- scenes -----------------------------------------------------------------------------
    def goto(self, name: str, **kwargs) -> None:
        """Leave the current scene and enter ``name`` (built fresh)."""
        if self.scene is not None:
            self.scene.leave()
        self.scene = self.scenes[name](self, **kwargs)
        self.scene.enter()
        if self.scene.shot_name not in self._shot_names:
            self._shot_wanted = self.scene.shot_name

    def goto_stage(self) -> None:
        """The screen for where the game is now: a stage's floor, the Council, or the debrief."""
        stage = self.game.stage
        if stage is None:
            self.goto("debrief")
            return
        members = self.game.world.bodies[stage.body].members
        self.goto(self.stage_scenes.get(members, "floor"))

    def after_play(self) -> None:
        """After a decision: show any recorded votes, else stay on the scene."""
        if self.game.new_results:
            results, self.game.new_results = self.game.new_results, ()
            self.goto("vote", results=list(results))

    @property
    def shot_pending(self) -> bool:
        """A screenshot is wanted and not taken yet."""
        return bool(self.shots and self._shot_wanted)

    def request_shot(self, name: str) -> None:
        """Ask for a screenshot of what is on screen at the end of this frame."""
        self._shot_wanted = name

    # -- loop -------------------------------------------------------------------------------
    def run(self) -> int:
        """Open on the title screen and run until the player (or the driver) quits."""
        self.goto("title")
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
        self.scene.update(dt)
        self.manager.update(dt)
        self.scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        self.scene.draw_over(self.screen)
        self._maybe_shoot()
        pygame.display.flip()

    def dispatch(self, event: pygame.event.Event) -> None:
        """One event: window events here, then pygame_gui, then the scene."""
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize(event.size)
            return
        used = self.manager.process_events(event)
        if used and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            return
        self.scene.handle(event)

    def resize(self, size: tuple[int, int]) -> None:
        """The window changed size: lay the current scene out again."""
        self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.size = self.screen.get_size()
        self.manager.set_window_resolution(self.size)
        self.scene.rebuild()

    def _maybe_shoot(self) -> None:
        if not (self.shots and self._shot_wanted and self.scene.ready()):
            return
        if self.driver is not None and not self.driver.settled():
            return
        self.shot_count += 1
        self.shots.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.screen, str(self.shots / f"{self.shot_count:02d}_{self._shot_wanted}.png"))
        self._shot_names.add(self._shot_wanted)
        self._shot_wanted = None

    def fail(self, exc: BaseException) -> None:
        """Log the traceback (stderr only) and show the error panel; keep the session file."""
        traceback.print_exception(exc, file=sys.stderr)
        self.exit_code = 1
        if self.failed:            # the error panel itself failed: give up cleanly
            self.running = False
            return
        self.failed = True
        self.driver = None
        try:
            self.goto("error", message=f"{type(exc).__name__}: {exc}")
        except Exception:  # noqa: BLE001
            traceback.print_exc(file=sys.stderr)
            self.running = False
            return
        if self.fast:                 # autoplay: record the panel, then stop
            self.frame(0.0)
            self.running = False


def build_game(args: argparse.Namespace) -> Game | None:
    """Load the scenario and make the Session (opposition bot, or a decision list)."""
    scenario = load_or_report(getattr(args, "scenario", None))
    if scenario is None:
        return None
    seed = DEFAULT_SEED if args.seed is None else args.seed
    path = args.session_file or default_path(scenario.id, seed)
    script = None
    if args.decisions:
        with open(args.decisions, encoding="utf-8") as fh:
            script = decisions_from_json(json.load(fh))
    session = Session(scenario, seed, opposition=None if script is not None else "greedy",
                      session_file=path)
    return Game(session, script)


def run(args: argparse.Namespace) -> int:
    """``python main.py play``: open the window (or drive it headless with --autoplay)."""
    from .autoplay import Driver

    try:
        size = parse_window(args.window)
        game = build_game(args)
    except (ValueError, OSError) as exc:   # DecisionError is a ValueError
        print(f"play: {exc}", file=sys.stderr)
        return 1
    if game is None:
        return 1
    if args.autoplay and not (args.bot or args.decisions):
        args.bot = "greedy"
    if args.autoplay:                  # nothing to watch at full speed: headless by default
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    try:
        app = App(game, size, screenshots=args.screenshots, fast=bool(args.autoplay))
    except pygame.error as exc:
        print(f"play: cannot open a window ({exc}); without a screen, add --autoplay "
              "(or set SDL_VIDEODRIVER=dummy)", file=sys.stderr)
        game.session.close()
        return 1
    if args.bot or args.decisions:
        app.driver = Driver(app, bot=args.bot, autoplay=bool(args.autoplay))
    try:
        code = app.run()
    finally:
        pygame.quit()
    if game.session.writer:
        print(f"Session saved to {game.session.writer.path}", file=sys.stderr)
    return code
