"""Helpers shared by subcommands: loading a scenario with a clear message, argument types
that refuse bad numbers with a sentence, OS errors in words, JSON output."""
from __future__ import annotations

import argparse
import difflib
import errno
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from ..scenario import Scenario, ScenarioError, load

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_DIR = ROOT / "scenarios"
DEFAULT_SCENARIO = SCENARIO_DIR / "dprk_2014.yaml"
SCENARIO_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
#: What each module's ``register(sub)`` receives: the action ``add_subparsers`` returns
#: (generic only in the stubs, so the alias is a string).
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

#: errno -> what it means, in words a student understands.
OS_ERRORS = {
    errno.ENOENT: "no such file or folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EEXIST: "a file stands where a folder is needed",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOSPC: "the disk is full",
    errno.ENAMETOOLONG: "the name is too long",
}


def describe(exc: OSError) -> str:
    """An OSError in words, without the errno and the repeated path."""
    fallback = exc.strerror or str(exc)
    return OS_ERRORS.get(exc.errno, fallback) if exc.errno is not None else fallback


def shipped_cases() -> list[str]:
    """Ids of the scenarios in the scenarios folder."""
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))


def resolve_scenario_path(name: str | None) -> Path:
    """A path, or the id of a shipped scenario (``dprk_2014``), or the default (for None only:
    an empty name is no request for the default case)."""
    if name is None:
        return DEFAULT_SCENARIO
    p = Path(name)
    if p.exists() or p.suffix in (".yaml", ".yml") or not SCENARIO_ID.fullmatch(name):
        return p
    return SCENARIO_DIR / f"{name}.yaml"


def not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file without blocking (a pipe, a device), or None."""
    if path.exists() and not path.is_file() and not path.is_dir():
        return f"{path}: not a regular file (a pipe or a device?)"
    return None


def load_or_report(name: str | None) -> Scenario | None:
    """Load a scenario; on failure print every problem to stderr and return None."""
    path = resolve_scenario_path(name)
    if not_a_file(path):
        print(not_a_file(path), file=sys.stderr)
        return None
    if name and not path.exists() and Path(name).name == name and not Path(name).suffix:
        # a bare name that is no file: a mistyped id of a shipped case
        close = difflib.get_close_matches(name.lower(), shipped_cases(), 1)
        hint = f"did you mean {close[0]}? " if close else ""
        print(f"no scenario {name!r}: {hint}give the path of a .yaml file, or one of "
              + ", ".join(shipped_cases()), file=sys.stderr)
        return None
    try:
        return load(path)
    except ScenarioError as exc:
        for issue in exc.issues:
            print(issue.format(), file=sys.stderr)
        return None


def whole_number(low: int, high: int | None = None,
                 what: str = "") -> Callable[[str], int]:
    """An argparse ``type``: a whole number in [low, high], else a one-line error."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip().replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low or high is not None and value > high:
            span = f"from {low} to {high:,}" if high is not None else f"{low} or more"
            raise argparse.ArgumentTypeError(f"{value} is out of range: {what or 'give'} a "
                                             f"whole number {span}")
        return value

    parse.__name__ = "whole number"
    return parse


#: A seed: any whole number from 0 (numpy's SeedSequence takes no negative ones).
SEED = whole_number(0, None, "a seed is")


def nonempty(refusal: str) -> Callable[[str], str]:
    """An argparse ``type``: the text as given, refused with ``refusal`` when it is empty or
    blank (``""`` would otherwise fall back to the default case or mean the current folder)."""

    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(refusal)
        return text

    parse.__name__ = "name"
    return parse


#: A scenario argument: a file or the id of a shipped case, never empty.
SCENARIO_NAME = nonempty("the scenario name is empty; give a scenario file or the id of a "
                         "shipped case, e.g. dprk_2014")
#: A file argument (decisions, session, roll call), never empty.
FILE_NAME = nonempty("the file name is empty; give the path of a file")


def print_json(obj: object) -> None:
    """Deterministic JSON on stdout (sorted keys, fixed separators)."""
    sys.stdout.write(json.dumps(obj, sort_keys=True, indent=1) + "\n")
