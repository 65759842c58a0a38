"""Files a scenario names (briefings, roll calls): read safely, never outside its folder.

Scenario files travel by e-mail and forums, so a path in one is untrusted: it must be relative,
must not climb out with ``..`` and must not reach out through a symbolic link; the file must be
a regular, small, UTF-8 file. Each file's contents are put into the spec in place of its name
(``briefing_file`` -> ``briefing``, ``roll_call_file`` -> ``roll_call``), so nothing downstream
ever opens a path from a scenario.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path, PurePosixPath, PureWindowsPath

from .issues import Issue, path_text, suggest
from .models import RollCall, ScenarioSpec
from .salvage import file_path
from .yamlsrc import Source

MAX_FILE_BYTES = 200_000
_BALLOTS = ("yes", "no", "abstain", "absent")


class FileProblem(Exception):
    """A named file cannot be used; the message says why, ``hint`` what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


def inside(folder: Path | None, name: str) -> Path:
    """The file ``name`` relative to ``folder``, checked to stay inside it.

    Raises FileProblem for an absolute path, a '..' step, a link leading out, a missing,
    non-regular or oversized file.
    """
    if folder is None:
        raise FileProblem("this scenario names a file, but was not read from a folder",
                          "save the scenario as a file and load it from there")
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() \
            or PureWindowsPath(name).drive:
        raise FileProblem(f"{name!r} is an absolute path",
                          "name files relative to the scenario's folder, e.g. roll_calls/x.csv")
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        raise FileProblem(f"{name!r} leads out of the scenario's folder",
                          "keep the file in the scenario's folder or a folder inside it")
    base = folder.resolve()
    path = (base / Path(*parts)).resolve()
    if not path.is_relative_to(base):
        raise FileProblem(f"{name!r} leads out of the scenario's folder (through a link)",
                          "copy the file into the scenario's folder")
    if not path.is_file():
        close = suggest(name, _nearby(base, parts))
        raise FileProblem(f"no file {name!r} next to the scenario",
                          close if close.startswith("did you mean") else
                          "check the name, and that the file is in the scenario's folder")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise FileProblem(f"{name!r} is larger than {MAX_FILE_BYTES // 1000} kB", "")
    return path


def _nearby(base: Path, parts: tuple[str, ...]) -> list[str]:
    folder = base.joinpath(*parts[:-1])
    try:
        if folder.resolve().is_relative_to(base) and folder.is_dir():
            return ["/".join((*parts[:-1], p.name)) for p in folder.iterdir()][:200]
    except OSError:
        pass
    return []


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(f"{path.name} is not UTF-8 text (byte {exc.start})",
                          "save it as UTF-8") from None
    except OSError as exc:
        raise FileProblem(f"cannot read {path.name}: {exc.strerror or exc}", "") from None


def read_roll_call(path: Path, known: set[str] | None, issues: list[Issue],
                   where: str) -> RollCall:
    """A roll call from a CSV with columns iso3 and vote; bad rows are reported with the
    CSV's own file:line and left out."""
    rows = csv.DictReader(io.StringIO(read_text(path)))
    if not rows.fieldnames or not {"iso3", "vote"} <= set(rows.fieldnames):
        raise FileProblem(f"{path.name} needs the columns iso3 and vote",
                          f"its first line is {','.join(rows.fieldnames or [])!r}")
    lists: dict[str, list[str]] = {b: [] for b in _BALLOTS}
    seen: set[str] = set()
    for row in rows:
        line = rows.line_num
        code = (row.get("iso3") or "").strip()
        vote = (row.get("vote") or "").strip().lower()

        def bad(message: str, hint: str = "") -> None:
            issues.append(Issue(str(path), line, 1, "error", where, message, hint))

        if vote not in lists:
            bad(f"vote {vote!r} is not one of yes, no, abstain, absent", suggest(vote, _BALLOTS))
        elif known is not None and code not in known:
            bad(f"unknown country code {code!r}", suggest(code, known))
        elif code in seen:
            bad(f"{code} is listed twice", "keep one row per member")
        else:
            seen.add(code)
            lists[vote].append(code)
    return RollCall(**lists)


def attach(spec: ScenarioSpec, folder: Path | None, src: Source, filename: str,
           known: set[str] | None, kept: dict[tuple, list[int]] | None = None
           ) -> tuple[ScenarioSpec, list[Issue]]:
    """The spec with every named file read in, and the problems found.

    ``known``: the scenario's ISO codes (None if unknown), to check roll-call rows; ``kept``:
    list indices kept by salvage, when the spec is partial.
    """
    issues: list[Issue] = []

    def problem(path: tuple, exc: FileProblem) -> None:
        path = file_path(path, kept or {})
        line, col = src.mark(path)
        issues.append(Issue(filename, line, col, "error", path_text(path), str(exc), exc.hint))

    sides = dict(spec.sides or {})
    for name, side in sides.items():
        if side.briefing_file is not None:
            path = ("sides", name, "briefing_file")
            try:
                text = read_text(inside(folder, side.briefing_file)).strip()
                sides[name] = side.model_copy(update={"briefing": text})
            except FileProblem as exc:
                problem(path, exc)
    history = list(spec.history or [])
    for i, vote in enumerate(history):
        if vote.roll_call_file is not None:
            path = ("history", i, "roll_call_file")
            in_file = file_path(path, kept or {})
            src.marks.setdefault(in_file[:-1] + ("roll_call",), src.mark(in_file))
            try:
                file = inside(folder, vote.roll_call_file)
                roll = read_roll_call(file, known, issues, path_text(in_file))
                history[i] = vote.model_copy(update={"roll_call": roll})
            except FileProblem as exc:
                problem(path, exc)
    return spec.model_copy(update={"sides": sides, "history": history}), issues
