"""Command line: ``python main.py [SUBCOMMAND] ...``; no arguments starts the game.

Each subcommand lives in its own module and registers itself in COMMANDS through
``register(subparsers)``; dispatch goes through that table. Exit codes: 0 success, 1 bad
input or any other failure. No traceback reaches the user: an unexpected error becomes one
line and a crash report file (see ``crashreport``).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

from . import authoring, calibration, comparecmd, modelcmds, play, replaycmd, reportcmd
from .common import SEED
from .crashreport import report_crash

#: Modules that add subcommands; each has ``register(subparsers) -> None`` and sets
#: ``func`` on its parsers.
MODULES = (play, modelcmds, replaycmd, comparecmd, reportcmd, calibration, authoring)

#: Checks on parsed arguments shared by every subcommand that has them (attribute -> check
#: returning an error message or None), so a module registering ``--seed`` with a plain
#: ``int`` still refuses a negative seed with a sentence.
ARGUMENT_CHECKS = {
    "seed": lambda v: None if v is None else _type_error(SEED, str(v)),
}


def _type_error(parse: Callable[[str], int], text: str) -> str | None:
    """What ``parse`` (an argparse type) says is wrong with ``text``, or None."""
    try:
        parse(text)
    except argparse.ArgumentTypeError as exc:
        return str(exc)
    return None


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with 1 (bad input), not argparse's 2."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and exit with 1, pointing at ``--help`` (argparse's hook)."""
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand (each module adds its own)."""
    parser = Parser(
        prog="python main.py",
        description="Plenary: lobby a modelled UN General Assembly and Security Council.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in MODULES:
        module.register(sub)
    return parser


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse, then run ARGUMENT_CHECKS; a failed check is a usage error (exit code 1)."""
    args = parser.parse_args(argv)
    for name, check in ARGUMENT_CHECKS.items():
        message = check(getattr(args, name, None))
        if message:
            sub = getattr(args, "command", None) or "play"
            parser.error(f"{sub}: argument --{name}: {message}")
    return args


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code. No traceback reaches the user."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):   # a name a console cannot show is no crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    if not argv or argv[0].startswith("--") and argv[0] not in ("--help",):
        argv = ["play", *argv]
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:                    # --help (0) or a usage error (1)
        return exc.code if isinstance(exc.code, int) else 1
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the safety net: a sentence, not a traceback
        return report_crash(exc, argv)
