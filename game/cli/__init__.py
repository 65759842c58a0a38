"""Command line: ``python main.py [SUBCOMMAND] ...``; no arguments starts the game.

Each subcommand lives in its own module and registers itself in COMMANDS through
``register(subparsers)``; dispatch goes through that table.
"""
from __future__ import annotations

import argparse
import sys


from . import authoring, calibration, modelcmds, play, replaycmd

#: Modules that add subcommands; each has ``register(subparsers) -> None`` and sets
#: ``func`` on its parsers.
MODULES = (play, modelcmds, replaycmd, calibration, authoring)





def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Plenary: lobby a modelled UN General Assembly and Security Council.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code. No traceback reaches the user."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("--") and argv[0] not in ("--help",):
        argv = ["play", *argv]
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
