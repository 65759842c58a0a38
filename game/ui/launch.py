"""``python main.py play``: from the command line to a running window.

Reads the window size (at least 1280x720), the decision file (its seed, digest and scenario),
makes the Game for the chosen scenario (and again when the title screen picks another one),
attaches the bot or the decision list, runs the App, and reports how a replay ended.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pygame

from ..replay import LoadedDecisions, default_path, load_decisions
from ..scenario import Scenario
from ..session import Session
from .controller import Game
from .style import MIN_SIZE

DEFAULT_SEED = 2014
#: Seed of a decision file that records none (what ``simulate`` and ``replay`` assume).
UNRECORDED_SEED = 0


def parse_window(text: str | None) -> tuple[tuple[int, int], str | None]:
    """'1280x720' -> ((1280, 720), None); smaller sizes are raised to 1280x720 with a note.

    Raises ValueError with a readable message when the text is not WIDTHxHEIGHT.
    """
    try:
        w, h = (int(x) for x in (text or "1280x720").lower().split("x"))
    except ValueError:
        raise ValueError(f"--window expects WIDTHxHEIGHT, e.g. 1280x720; got {text!r}") from None
    if w >= MIN_SIZE[0] and h >= MIN_SIZE[1]:
        return (w, h), None
    size = (max(w, MIN_SIZE[0]), max(h, MIN_SIZE[1]))
    return size, (f"--window {w}x{h} is smaller than the game's minimum; "
                  f"opening {size[0]}x{size[1]}")


class GameMaker:
    """Makes the Game of a scenario; the title screen asks again when the player picks another."""

    def __init__(self, seed: int, session_file: str | None = None,
                 loaded: LoadedDecisions | None = None, script_name: str | None = None) -> None:
        self.seed, self.session_file = seed, session_file
        self.loaded, self.script_name = loaded, script_name

    def __call__(self, scenario: Scenario) -> Game:
        path = self.session_file or default_path(scenario.id, self.seed)
        script = self.loaded.decisions if self.loaded else None
        session = Session(scenario, self.seed, opposition=None if script is not None else "greedy",
                          session_file=path)
        return Game(session, script, script_name=self.script_name)

    def discard(self, game: Game) -> None:
        """Close a game the player left on the title screen; an empty default file goes too."""
        game.session.close()
        writer = game.session.writer
        if writer and not game.session.decisions and not self.session_file:
            Path(writer.path).unlink(missing_ok=True)


def read_decisions(path: str) -> LoadedDecisions | None:
    """The decision file, its problems printed; None (after a message) if unreadable."""
    try:
        loaded = load_decisions(path)
    except (OSError, ValueError) as exc:   # DecisionError is a ValueError
        print(f"play: {path}: {exc}", file=sys.stderr)
        return None
    for problem in loaded.problems:
        print(f"play: {path}: {problem}", file=sys.stderr)
    return loaded


def choose_seed(args: argparse.Namespace, loaded: LoadedDecisions | None) -> int:
    """--seed, else the seed recorded in the decision file, else the default."""
    if loaded is None:
        return DEFAULT_SEED if args.seed is None else args.seed
    if args.seed is None:
        if loaded.seed is None:
            print(f"play: {args.decisions} records no seed; using seed {UNRECORDED_SEED}, as "
                  "simulate and replay do", file=sys.stderr)
            return UNRECORDED_SEED
        return loaded.seed
    if loaded.seed is not None and loaded.seed != args.seed:
        print(f"play: {args.decisions} was recorded with seed {loaded.seed}; playing it with "
              f"--seed {args.seed}: the ballots will differ", file=sys.stderr)
    return args.seed


def report_replay(game: Game, loaded: LoadedDecisions, name: str) -> None:
    """Warn when the decision list did not reach the state it recorded."""
    if loaded.digest and game.end_digest and game.end_digest != loaded.digest:
        print(f"play: WARNING: the game played from {name} does not end in the state the file "
              "recorded (another seed, scenario version or rules); the votes may differ from "
              "the recording", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Open the window (or drive it headless with --autoplay). Returns the exit code."""
    from ..cli.common import load_or_report
    from .app import App
    from .autoplay import Driver

    try:
        size, note = parse_window(args.window)
    except ValueError as exc:
        print(f"play: {exc}", file=sys.stderr)
        return 1
    if note:
        print(f"play: {note}", file=sys.stderr)
    loaded = read_decisions(args.decisions) if args.decisions else None
    if args.decisions and loaded is None:
        return 1
    scenario = load_or_report(args.scenario or (loaded.scenario if loaded else None))
    if scenario is None:
        return 1
    maker = GameMaker(choose_seed(args, loaded), args.session_file, loaded, args.decisions)
    try:
        game = maker(scenario)
    except OSError as exc:
        print(f"play: {exc}", file=sys.stderr)
        return 1
    if args.autoplay and not (args.bot or args.decisions):
        args.bot = "greedy"
    if args.autoplay:                  # nothing to watch at full speed: headless by default
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    try:
        app = App(game, size, screenshots=args.screenshots, fast=bool(args.autoplay), maker=maker)
    except pygame.error as exc:
        print(f"play: cannot open a window ({exc}); without a screen, add --autoplay "
              "(or set SDL_VIDEODRIVER=dummy)", file=sys.stderr)
        game.session.close()
        return 1
    autoplay = bool(args.autoplay)
    if (args.bot or args.decisions) and not autoplay and pygame.display.get_driver() == "dummy":
        print("play: no screen to watch (SDL dummy video driver): playing at full speed, as "
              "with --autoplay", file=sys.stderr)
        autoplay = app.fast = True
    if args.bot or args.decisions:
        app.driver = Driver(app, bot=args.bot, autoplay=autoplay)
    try:
        code = app.run()
    finally:
        pygame.quit()
    if loaded is not None:
        report_replay(app.game, loaded, args.decisions)
    if app.game.session.writer:
        print(f"Session saved to {app.game.session.writer.path}", file=sys.stderr)
    return code
