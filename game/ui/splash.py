"""Something on screen at once: the window opened and the game's name drawn before the game's
modules (the scenario schema, the vote model, the interface kit) are loaded, which takes a
second or more; ``App`` then takes over the same window.

Only pygame and the small gettext module game.i18n are imported here, and only SDL's built-in
font is used (the UI's own typeface
comes with pygame_gui, whose import is part of the wait)."""
from __future__ import annotations

import pygame

from .. import i18n

#: The splash's colours: the UI's background and text (``style.BG``, ``style.TEXT``).
BG = (14, 34, 54)
TEXT = (238, 244, 250)
MUTED = (169, 192, 212)
#: The window the game opens with unless ``--window`` says otherwise (``style.MIN_SIZE``).
DEFAULT = (1280, 720)


def window_size(args: list[str]) -> tuple[int, int]:
    """The size ``--window WxH`` asks for (at least the default), else the default."""
    for k, a in enumerate(args):
        value = args[k + 1] if a == "--window" and k + 1 < len(args) else (
            a.split("=", 1)[1] if a.startswith("--window=") else None)
        if value:
            try:
                w, h = (int(v) for v in value.lower().split("x"))
            except ValueError:
                return DEFAULT                  # the command line will say what is wrong
            return max(w, DEFAULT[0]), max(h, DEFAULT[1])
    return DEFAULT


def language(args: list[str]) -> str:
    """The language ``--lang`` asks for if the game speaks it, else the environment's."""
    for k, a in enumerate(args):
        value = args[k + 1] if a == "--lang" and k + 1 < len(args) else (
            a.split("=", 1)[1] if a.startswith("--lang=") else None)
        if value in i18n.LANGUAGES:
            return value
    return i18n.from_environment()


def show(args: list[str]) -> None:
    """Open the window (at the size the command line asks for) and draw the splash."""
    pygame.display.init()
    pygame.font.init()
    size = window_size(args)
    flags = pygame.FULLSCREEN if "--fullscreen" in args else pygame.RESIZABLE
    screen = pygame.display.set_mode((0, 0) if flags == pygame.FULLSCREEN else size, flags)
    pygame.display.set_caption("Plenary")
    w, h = screen.get_size()
    screen.fill(BG)
    big = pygame.font.Font(None, max(48, h // 9))
    small = pygame.font.Font(None, max(24, h // 28))
    title = big.render("Plenary", True, TEXT)
    screen.blit(title, title.get_rect(midbottom=(w // 2, h // 2)))
    with i18n.using(language(args)):
        words = i18n._("Opening the General Assembly…")
    note = small.render(words, True, MUTED)
    screen.blit(note, note.get_rect(midtop=(w // 2, h // 2 + h // 40)))
    pygame.display.flip()
    pygame.event.pump()                         # the window manager shows it now
