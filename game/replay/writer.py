"""Writing session files as a game is played: one JSON line per decision, on disk at once.

The format is described in ``game.replay``; this module only writes it. Nothing is written
until the first decision (a game quit at the title screen leaves no file), and each line is
flushed and fsynced as it is made, so that a game killed at any moment (a crash, a power cut,
a laptop lid) loses at most the line being written.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import errno as _errno
import itertools
import json
import os
from importlib import metadata
from pathlib import Path
from typing import BinaryIO

import numpy as np
import platformdirs

FORMAT = "plenary-session"
#: The format written; 1 (no sequence numbers, no stages, a short header) is still read.
VERSION = 2
#: The format versions this Plenary reads.
READS = (1, 2)

#: The words for the errors a save most often meets (the rest say what the system says).
_WHY = {_errno.ENOSPC: "the disk is full", _errno.EACCES: "permission denied",
        _errno.EROFS: "the drive is read-only", _errno.EDQUOT: "the disk quota is used up"}


def sessions_folder() -> Path:
    """The user data folder where sessions are saved unless a path is given (platformdirs)."""
    return Path(platformdirs.user_data_dir("plenary", appauthor=False)) / "sessions"


def default_path(scenario_id: str, seed: int) -> Path:
    """Where a session is saved when no --session-file is given (the user data folder)."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return sessions_folder() / f"{scenario_id}-{stamp}-seed{seed}.jsonl"


def game_version() -> str:
    """The installed Plenary's version (pyproject.toml), or "unknown" when not installed."""
    try:
        return metadata.version("plenary")
    except metadata.PackageNotFoundError:
        return "unknown"


def header(scenario_id: str, sha256: str, seed: int, sides: list[str],
           opponent: str | None) -> dict:
    """The first line of a new session file: the format, the software that wrote it (numpy's
    version too: its random streams draw the ballots), the case, the seed, the side(s) the
    players take, the opponent bot's level (None: a decision list plays both sides) and the
    start time (UTC, ISO 8601)."""
    started = _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    return {"format": FORMAT, "version": VERSION, "game": game_version(),
            "numpy": np.__version__, "scenario": scenario_id, "sha256": sha256, "seed": seed,
            "sides": list(sides), "opponent": opponent,
            "started": started.isoformat().replace("+00:00", "Z")}


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


def why(exc: OSError) -> str:
    """An OSError in a few words ("the disk is full")."""
    return _WHY.get(exc.errno or 0, exc.strerror or str(exc))


class SessionWriter:
    """Appends decisions to a session file as they are made (each line flushed and fsynced).

    The file is created at the first decision, the header first; an earlier game at the same
    path is moved aside then (``backup`` says where). Constructing the writer only checks
    that the file could be made and raises OSError if not (a folder in its place, a named
    pipe or a device, a file where a folder should be, a read-only folder). A write that
    fails (disk full, drive removed) does not stop the game: writing stops and ``error``
    says why.

    ``resume_at`` continues an existing file instead: its first ``resume_at`` bytes (the
    header and the good lines) are kept, anything after them (a line cut off by a crash) is
    cut, and lines are numbered on from ``count``. With ``resume_size`` (the file's length
    when it was read) a file that has changed since is left untouched and not written.
    """

    def __init__(self, path: str | Path, head: dict, *, resume_at: int | None = None,
                 count: int = 0, resume_size: int | None = None) -> None:
        self.path = Path(path)
        self.head = head
        self.error: str | None = None
        self.errno: int | None = None
        self.backup: Path | None = None
        self.count = count
        self.resume_at = resume_at
        self.resume_size = resume_size
        self._fh: BinaryIO | None = None
        self._closed = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.is_dir():
            raise IsADirectoryError(_errno.EISDIR, "is a folder", str(self.path))
        if self.path.exists() and not self.path.is_file():   # opening a pipe would block
            raise OSError(_errno.EINVAL, "not a regular file (a named pipe or a device): give "
                          "the path of a file (or of none yet)", str(self.path))
        if not os.access(self.path.parent, os.W_OK | os.X_OK):
            raise PermissionError(_errno.EACCES, "permission denied", str(self.path.parent))
        if resume_at is not None and not os.access(self.path, os.W_OK):
            raise PermissionError(_errno.EACCES, "permission denied", str(self.path))

    def _open(self) -> BinaryIO | None:
        if self._fh is None and not self._closed:
            try:
                if self.resume_at is None:
                    self.backup = keep_old(self.path)
                    self._fh = self.path.open("wb")
                    self._put(self.head)
                else:
                    self._fh = self.path.open("r+b")
                    if self._changed_since_read():
                        return None
                    self._fh.truncate(self.resume_at)
                    self._fh.seek(max(0, self.resume_at - 1))
                    if self._fh.read(1) not in (b"\n", b""):  # a last line without its end
                        self._fh.write(b"\n")
            except OSError as exc:
                self._fail(exc)
        return self._fh

    def _changed_since_read(self) -> bool:
        """Whether the file continued is no longer as long as when it was read (another
        window saving into it?): then nothing is cut or written, and ``error`` says why."""
        assert self._fh is not None
        size = os.fstat(self._fh.fileno()).st_size
        if self.resume_size is None or size == self.resume_size:
            return False
        self.error = (f"{self.path} changed since the game was read from it (is it being "
                      "played in another window?); it was left as it is, and from here on "
                      "the game is not saved")
        self.close()
        return True

    def _put(self, obj: dict) -> None:
        assert self._fh is not None
        self._fh.write((json.dumps(obj) + "\n").encode("utf-8"))
        self._fh.flush()
        with contextlib.suppress(OSError):   # a pipe or a device cannot be synced
            if self.path.is_file():
                os.fsync(self._fh.fileno())

    def _fail(self, exc: OSError) -> None:
        self.error = (f"could not write {self.path}: {why(exc)}; from here on the game is "
                      "not saved")
        self.errno = exc.errno
        self.close()

    def append(self, decision: dict, digest: str | None = None, *, stage: str | None = None,
               finished: bool = False) -> None:
        """Write one decision's line: its sequence number (from 1), the stage it was made in,
        the decision, the digest of the state after it and, on the last, that the game
        ended there."""
        if self._open() is None:
            return
        self.count += 1
        line: dict = {"n": self.count, "stage": stage, "decision": dict(sorted(decision.items())),
                      "digest": digest}
        if finished:
            line["finished"] = True
        try:
            self._put(line)
        except OSError as exc:
            self._fail(exc)

    @property
    def written(self) -> bool:
        """The file exists because this writer (or the game it continues) wrote to it."""
        return self.resume_at is not None or self._fh is not None or self.count > 0

    def close(self) -> None:
        """Close the file; further writes do nothing (closing twice is harmless)."""
        fh, self._fh, self._closed = self._fh, None, True
        with contextlib.suppress(OSError):
            if fh is not None:
                fh.close()
