"""Files the loader reads besides the scenario itself: the Member States shipped with the game,
and the files a scenario names (briefings, roll calls), read safely, never outside its folder.

Scenario files travel by e-mail and forums, so a path in one is untrusted: it must be relative,
must not climb out with ``..`` and must not reach out through a symbolic link; the file must be
a regular, small text file (read by ``game.textfiles``). Each file's contents are put into the
spec in place of its name (``briefing_file`` -> ``briefing``, ``roll_call_file`` ->
``roll_call``), so nothing downstream ever opens a path from a scenario.
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal, cast

from ..textfiles import NotText, read_text
from .fields import Bloc, PastBallot, RegionalGroup
from .history import parse_roll_call
from .messages import Issue, path_text, suggest
from .models import Member, Members, ScenarioSpec
from .salvage import file_path
from .yamlsrc import YamlDocument

# --- the Member States shipped with the game ---------------------------------------------

#: Columns of game/data/un_2014/members.csv that hold blocs (sources: SOURCES.md beside it).
_BLOC_COLUMNS: dict[Bloc, str] = {"EU": "eu_member", "OIC": "oic_member", "NAM": "nam_member",
                                   "AU": "au_member", "ASEAN": "asean"}
_PAST_YEARS = range(2005, 2012)


def _member_from_row(row: dict[str, str]) -> Member:
    """One CSV row of the shipped data -> Member.

    ``ideal_point`` is session 68 (2013) and ``hr_ideal_point`` likewise: the 2014 human-rights
    estimate partly encodes the vote being predicted (SOURCES.md, "Circularity").
    """
    hr = row["hr_ideal_point_2013"]
    # the casts only name the text's type: Member validates the group, seat and ballots
    return Member(
        iso3=row["iso3"], name=row["name"],
        regional_group=cast("RegionalGroup | None", row["un_regional_group"] or None),
        blocs=[b for b, col in _BLOC_COLUMNS.items() if row[col] == "1"],
        icc_state_party=row["icc_state_party_2014"] == "1",
        hrc_member=row["hrc_member_2014"] == "1",
        sc_seat=cast('Literal["P5", "E10"] | None', row["sc_member_2014"] or None),
        ideal_point=float(row["ideal_point_2013"]),
        hr_ideal_point=float(hr) if hr else None,
        past_votes={str(y): cast(PastBallot, row[f"dprk_hr_{y}"]) for y in _PAST_YEARS},
    )


@cache
def shipped(dataset: str) -> tuple[Member, ...]:
    """The Member States of a shipped data set, in file order.

    Raises KeyError for an unknown data set name.
    """
    if dataset != "un_2014":
        raise KeyError(dataset)
    path = Path(__file__).resolve().parents[1] / "data" / "un_2014" / "members.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(_member_from_row(r) for r in csv.DictReader(fh))


def resolve(spec: Members) -> tuple[Member, ...]:
    """Apply a scenario's ``members`` section: shipped data, then overrides, removals, additions.

    Unknown ISO codes are caught earlier by validation; here they are simply skipped.
    """
    base = {m.iso3: m for m in shipped(spec.from_)} if spec.from_ else {}
    if spec.past_votes is None:
        # The shipped past votes belong to one resolution; a case must ask for them by name.
        base = {iso: m.model_copy(update={"past_votes": {}}) for iso, m in base.items()}
    for iso in spec.remove:
        base.pop(iso, None)
    for iso, ov in spec.overrides.items():
        if iso not in base:
            continue
        changes = ov.model_dump(exclude_none=True)
        if changes.get("sc_seat") == "none":
            changes["sc_seat"] = None
        base[iso] = base[iso].model_copy(update=changes)
    for m in spec.add:
        base[m.iso3] = m
    return tuple(sorted(base.values(), key=lambda m: m.iso3))


# --- files a scenario names --------------------------------------------------------------

MAX_FILE_BYTES = 200_000


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


def read_named(path: Path) -> str:
    """The text of a file the scenario names (a path from ``inside``); FileProblem if it
    cannot be read as text."""
    try:
        return read_text(path, MAX_FILE_BYTES).text
    except NotText as exc:
        why = {"not_utf8": (f"{path.name} is not UTF-8 text (byte {exc.byte})",
                            "save it as UTF-8"),
               "binary": (f"{path.name} is a binary file, not text", "save it as UTF-8 text"),
               "too_large": (f"{path.name!r} is larger than {MAX_FILE_BYTES // 1000} kB", "")}
        raise FileProblem(*why.get(exc.kind, (f"{path.name}: {exc}", ""))) from None
    except OSError as exc:
        raise FileProblem(f"cannot read {path.name}: {exc.strerror or exc}", "") from None


# --- reading them into the spec ----------------------------------------------------------

def attach(spec: ScenarioSpec, folder: Path | None, src: YamlDocument, filename: str,
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
            path: tuple[str | int, ...] = ("sides", name, "briefing_file")
            try:
                text = read_named(inside(folder, side.briefing_file)).strip()
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
                roll = parse_roll_call(read_named(file), known, strict=True)
            except FileProblem as exc:
                problem(path, exc)
                continue
            line, col = src.mark(in_file)
            issues += [Issue(str(file), p.line, 1, p.severity, path_text(in_file), p.message,
                             p.hint) if p.line is not None else
                       Issue(filename, line, col, p.severity, path_text(in_file), p.message,
                             p.hint) for p in roll.problems]
            if roll.usable:
                history[i] = vote.model_copy(update={"roll_call": roll.roll_call()})
    return spec.model_copy(update={"sides": sides, "history": history}), issues
