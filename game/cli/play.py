"""The ``play`` subcommand: the game window (implemented in game.ui, imported lazily)."""
from __future__ import annotations

import argparse

from ..bots import BOTS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="open the game window (default)")
    p.add_argument("scenario", nargs="?")
    p.add_argument("--seed", type=int, default=None)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--decisions", metavar="FILE")
    g.add_argument("--bot", choices=sorted(BOTS))
    p.add_argument("--autoplay", action="store_true")
    p.add_argument("--screenshots", metavar="DIR")
    p.add_argument("--window", default="1280x720")
    p.add_argument("--session-file", metavar="PATH")
    p.set_defaults(func=cmd_play)


def cmd_play(args: argparse.Namespace) -> int:
    from ..ui.app import run  # pygame only loads for the window

    return run(args)
