"""Reading a text file someone saved: the one reader behind scenarios, the files they name,
roll calls and session files.

A file is read only if it is a regular file (a pipe or a device would block the program, a
folder is an OSError like any other), only up to a size cap (refused beyond it, or cut at the
last full line), as UTF-8 with or without a byte-order mark or as UTF-16 with one (what
Windows editors save), and never if it holds a NUL (a binary file). Line endings are kept as
written: every parser here reads CRLF like LF, and a command that rewrites a file keeps them.

Messages are phrased for a session or roll-call file; a caller that words them for its own
reader (the scenario loader) reads ``NotText.kind`` and the position.
"""
from __future__ import annotations

import codecs
import errno
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

#: Byte-order marks of the encodings a text editor may save a file in.
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))

Why = Literal["not_a_file", "too_large", "not_utf8", "binary"]


class NotText(ValueError):
    """A file that is there but cannot be read as text.

    ``kind`` says why; ``line`` (1-based) and ``byte`` (0-based offset, as the decoder
    reports it) say where, for a file that is not UTF-8; ``limit`` is the size cap.
    """

    def __init__(self, message: str, kind: Why, line: int = 1, byte: int | None = None,
                 limit: int | None = None) -> None:
        super().__init__(message)
        self.kind, self.line, self.byte, self.limit = kind, line, byte, limit


@dataclass(frozen=True)
class TextFile:
    """A file's text, the codec it was read with, and whether only its beginning was read."""

    text: str
    encoding: str
    truncated: bool = False


def read_text(path: str | Path, max_bytes: int, *, truncate: bool = False) -> TextFile:
    """The text of ``path``, read as described in the module docstring.

    A file larger than ``max_bytes`` is refused, or with ``truncate`` read up to the last line
    that ends within the cap. Raises IsADirectoryError for a folder, OSError if the file
    cannot be opened, NotText if it is not a regular file, too large, not text or binary.
    """
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(p))
    if p.exists() and not p.is_file():
        raise NotText("not a regular file", "not_a_file")
    with p.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    truncated = len(data) > max_bytes
    if truncated and not truncate:
        raise NotText(f"the file is larger than {max_bytes // 1000} kB; is it the right file?",
                      "too_large", limit=max_bytes)
    if truncated:
        data = data[:data.rfind(b"\n", 0, max_bytes) + 1 or max_bytes]
    codec = next((c for bom, c in BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise NotText(f"not UTF-8 text (byte {exc.start + 1}); is it the right file?",
                      "not_utf8", data.count(b"\n", 0, exc.start) + 1, exc.start) from None
    if "\x00" in text:
        raise NotText("a binary file, not text; is it the right file?", "binary",
                      text.count("\n", 0, text.index("\x00")) + 1)
    return TextFile(text, codec, truncated)
