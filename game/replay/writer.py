"""Writing session files as a game is played: one JSON line per decision, flushed at once.

The format is described in ``game.replay``; this module only writes it.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import itertools
import json
from pathlib import Path
from typing import TextIO

import platformdirs

FORMAT = "plenary-session"
VERSION = 1


def default_path(scenario_id: str, seed: int) -> Path:
    """Where a session is saved when no --session-file is given (the user data folder)."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(platformdirs.user_data_dir("plenary", appauthor=False)) / "sessions"
    return folder / f"{scenario_id}-{stamp}-seed{seed}.jsonl"


def keep_old(path: Path) -> Path | None:
    """Move a file at ``path`` that holds anything but an empty session aside, as NAME.bak
    (or .bak2, .bak3...), so that a new game never overwrites an old one. The new path."""
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        lines = [line for line in fh.read(65536).splitlines() if line.strip()]
    if len(lines) <= 1 and (not lines or FORMAT.encode() in lines[0]):
        return None
    for n in itertools.count(1):
        backup = path.with_name(f"{path.name}.bak{n if n > 1 else ''}")
        if not backup.exists():
            path.replace(backup)
            return backup
    return None                          # not reached


class SessionWriter:
    """Appends decisions to a session file as they are made (flushed each line).

    Opening (and writing the header) raises OSError: the caller says why. A later write that
    fails (disk full, drive removed) does not stop the game: writing stops, ``error`` says why.
    An earlier game at the same path is moved aside first (``backup`` says where).
    """

    def __init__(self, path, scenario, seed: int) -> None:
        self.path = Path(path)
        self.error: str | None = None
        self.errno: int | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.backup = keep_old(self.path)
        self._fh: TextIO | None = self.path.open("w", encoding="utf-8")
        self._write({"format": FORMAT, "version": VERSION, "scenario": scenario.id,
                     "sha256": scenario.sha256, "seed": seed})
        if self.error:                   # a full disk says so now, not in the middle of a game
            raise OSError(self.errno, self.error, str(self.path))

    def _write(self, obj: dict) -> None:
        if self._fh is None:
            return
        try:
            self._fh.write(json.dumps(obj, sort_keys=True) + "\n")
            self._fh.flush()
        except OSError as exc:
            self.error = f"could not write {self.path}: {exc.strerror or exc}; from here on " \
                         "the game is not saved"
            self.errno = exc.errno
            self.close()

    def append(self, decision: dict, digest: str | None = None) -> None:
        """Write one decision's line, with the digest of the state after it if given."""
        self._write({"decision": decision, **({"digest": digest} if digest else {})})

    def close(self) -> None:
        """Close the file; further writes do nothing (closing twice is harmless)."""
        fh, self._fh = self._fh, None
        with contextlib.suppress(OSError):
            if fh is not None:
                fh.close()
