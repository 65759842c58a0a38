"""Subcommands for scenario authors: validate."""
from __future__ import annotations

import argparse

from ..scenario import check_file
from .common import resolve_scenario_path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check scenario files; every problem with file:line")
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    status = 0
    for name in args.paths:
        path = resolve_scenario_path(name)
        issues = check_file(path)
        for issue in issues:
            print(issue.format())
        if any(i.severity == "error" for i in issues):
            status = 1
        elif not issues:
            print(f"{path}: valid")
        else:
            print(f"{path}: valid, with {len(issues)} warning(s)")
    return status
