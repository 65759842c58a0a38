"""The command line's safety net: an unexpected error becomes one line for the user and a
crash report file (traceback, command, versions) for whoever fixes it."""
from __future__ import annotations

import datetime as _dt
import os
import platform
import sys
import tempfile
import traceback
from pathlib import Path

import platformdirs


def crash_folder() -> Path:
    """Where crash reports go: the user log folder (``platformdirs``)."""
    return Path(platformdirs.user_log_dir("plenary", appauthor=False))


def write_report(exc: BaseException, argv: list[str]) -> Path | None:
    """Write the crash report; its path, or None if no folder would take it."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = "".join([
        f"Plenary crash report {stamp}\n",
        f"command: python main.py {' '.join(argv)}\n",
        f"python {platform.python_version()} on {platform.platform()}\n",
        f"working folder: {os.getcwd()}\n\n",
        *traceback.format_exception(exc),
    ])
    for folder in (crash_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"plenary-crash-{stamp}-{os.getpid()}.txt"
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def report_crash(exc: BaseException, argv: list[str]) -> int:
    """Tell the user in one line what happened and where the details are. Exit code 1."""
    path = write_report(exc, argv)
    what = f"{type(exc).__name__}: {str(exc)[:200]}".rstrip(": ")
    where = f"details saved to {path}" if path else "no crash report could be saved"
    print(f"plenary: something went wrong that the game did not expect ({what}); {where}. "
          "Please send that file to whoever maintains the game.", file=sys.stderr)
    return 1
