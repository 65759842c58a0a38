"""Opening the window and running it to the end: the App, and the autoplay driver when a bot
or a decision list plays the sponsors.

Everything it needs is handed to it ready-made (``game.cli.launch`` reads the command line):
the Game, the factory for another case, where crash reports go and where messages go.
"""
from __future__ import annotations

import os
from collections.abc import Callable

import pygame

from .app import App, CrashWriter, to_stderr
from .autoplay import Driver
from .controller import Game
from .games import GameFactory


class NoWindow(Exception):
    """pygame could not open a window (no display); the message is SDL's."""


def run_window(game: Game, size: tuple[int, int], *, maker: GameFactory | None = None,
               screenshots: str | None = None, bot: str | None = None, scripted: bool = False,
               autoplay: bool = False, write_report: CrashWriter | None = None,
               say: Callable[[str], None] = to_stderr, fullscreen: bool = False,
               palette: str = "default",
               start: tuple[str, dict] | None = None,
               still: bool = False, sound: bool = True) -> tuple[int, Game]:
    """Run the window until the player (or the driver) quits.

    ``bot`` (a bot's name) or ``scripted`` (the Game holds a decision list) lets the driver
    play the sponsors on screen; ``autoplay`` runs it headless and at full speed. Returns the
    exit code and the Game on screen at the end (the title screen may have switched case).
    ``fullscreen`` opens it fullscreen (F11 switches back); ``palette`` is a key of
    ``style.PALETTES``.
    ``start`` is the scene the window opens on and its arguments (default: the title screen);
    ``still`` turns the animations off (numbers change at once).
    ``sound`` False starts with sound off (M turns it on).
    Raises NoWindow if no window can be opened.
    """
    if autoplay:                       # nothing to watch at full speed: headless by default
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    try:
        app = App(game, size, screenshots=screenshots, fast=autoplay, maker=maker,
                  write_report=write_report, say=say, fullscreen=fullscreen,
                  palette=palette, sound=sound)
        app.still = still
    except pygame.error as exc:
        raise NoWindow(str(exc)) from None
    if start is not None:
        app.start = start
    driven = bool(bot) or scripted
    if driven and not autoplay and pygame.display.get_driver() == "dummy":
        say("no screen to watch (SDL dummy video driver): playing at full speed, as with "
            "--autoplay")
        autoplay = app.fast = True
    if driven:
        app.driver = Driver(app, bot=bot, autoplay=autoplay)
    try:
        code = app.run()
    finally:
        pygame.quit()
    return code, app.game
