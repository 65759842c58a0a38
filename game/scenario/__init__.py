"""Scenarios: a YAML file -> a frozen, validated :class:`Scenario`; every problem at once.

The public entry: ``load`` (a file), ``load_text`` (text), ``check_file`` (every issue). The
steps, each in its own module: read the YAML with its line marks (yamlsrc), explain what does
not fit the schema (validation, models), keep the valid parts of a broken file (salvage), read
the Member States and the files the scenario names (files, history), cross-check the sections
(checks, history); every problem is an Issue (messages).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from .. import i18n
from ..textfiles import NotText, TextFile, read_text
from .checks import cross_check
from .files import attach, resolve
from .localise import localise, localise_members
from .messages import Issue, ScenarioError, sort_issues
from .models import Body, Member, ModelCoefficients, Motion, ScenarioSpec, Stage
from .salvage import salvage
from .validation import pydantic_issues, yaml_trap_issues
from .yamlsrc import MAX_BYTES, parse

__all__ = ["Scenario", "ScenarioError", "Issue", "load", "load_text", "check_file",
           "read_source"]


@dataclass(frozen=True)
class Scenario:
    """A loaded case: the validated spec, its Member States, and where it came from.

    ``members`` is sorted by ISO code; every numpy array of the vote model has rows in
    this order (shape (n_members, ...)). ``spec`` and ``members`` speak the language in use
    (``game.i18n``): the file's own ``translations`` replace its texts, and the delegations
    take their names in that language; ``written`` and ``written_members`` are as the file
    has them. Only words differ between languages, never a number, an id or an order.
    """

    written: ScenarioSpec
    written_members: tuple[Member, ...]
    path: str
    sha256: str
    warnings: tuple[Issue, ...] = ()
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def spec(self) -> ScenarioSpec:
        """The spec in the language in use (the written one in English)."""
        return self._in_language(i18n.language())[0]

    @property
    def members(self) -> tuple[Member, ...]:
        """The Member States, named in the language in use, sorted by ISO code."""
        return self._in_language(i18n.language())[1]

    def _in_language(self, lang: str) -> tuple[ScenarioSpec, tuple[Member, ...]]:
        key = ("language", lang)
        if key not in self._index:
            if lang == i18n.SOURCE:
                self._index[key] = (self.written, self.written_members)
            else:
                self._index[key] = (localise(self.written, lang),
                                    localise_members(self.written, self.written_members, lang))
        return self._index[key]

    def with_model(self, model: ModelCoefficients) -> Scenario:
        """The same case with another model block (what ``calibrate`` tries); nothing cached
        from this one is kept."""
        return replace(self, written=self.written.model_copy(update={"model": model}),
                       _index={})

    @property
    def id(self) -> str:
        """The case's id (``spec.id``)."""
        return self.written.id

    def member_index(self) -> dict[str, int]:
        """ISO3 -> row index."""
        if "members" not in self._index:
            self._index["members"] = {m.iso3: i for i, m in enumerate(self.members)}
        return self._index["members"]

    def motion(self, motion_id: str) -> Motion:
        """The motion with this id; KeyError if none."""
        return {m.id: m for m in self.spec.motions}[motion_id]

    def stage(self, stage_id: str) -> Stage:
        """The stage with this id; KeyError if none."""
        return {s.id: s for s in self.spec.stages}[stage_id]

    def body(self, body_id: str) -> Body:
        """The body with this id; KeyError if none."""
        return {b.id: b for b in self.spec.bodies}[body_id]


def load_text(text: str, filename: str = "<scenario>",
              folder: str | Path | None = None) -> Scenario:
    """Validate YAML text. Raises ScenarioError listing every error (warnings kept on success).

    ``folder``: where files the scenario names (briefings, roll calls) are looked up; they
    may not leave it. Never raises anything but ScenarioError, whatever the text.
    """
    try:
        return _load_text(text, filename, Path(folder) if folder is not None else None)
    except ScenarioError:
        raise
    except RecursionError:
        raise ScenarioError([Issue(filename, 1, 1, "error", "(limits)",
                                   "the document nests too deeply to read", "")]) from None
    except Exception as exc:  # noqa: BLE001 - the contract: only ScenarioError escapes
        raise ScenarioError([Issue(filename, 1, 1, "error", "(internal)",
                                   f"internal error while reading the scenario: "
                                   f"{type(exc).__name__}: {exc}",
                                   "please report this file to the developers")]) from None


def _load_text(text: str, filename: str, folder: Path | None) -> Scenario:
    src = parse(text, filename)
    issues = list(src.issues)
    if src.data is None and issues:
        raise ScenarioError(issues)
    traps, trap_paths = yaml_trap_issues(src, filename)
    issues += traps
    flagged = src.flagged | trap_paths
    spec: ScenarioSpec | None = None
    try:
        spec = ScenarioSpec.model_validate(src.data)
    except ValidationError as exc:
        issues += pydantic_issues(exc, src, filename, flagged)
    partial, broken, kept = (spec, set(), {}) if spec is not None else salvage(src.data)
    members: tuple[Member, ...] = ()
    if partial.members is not None:
        members = resolve(partial.members)
    else:
        broken.add("members")
    known = {m.iso3 for m in members} if "members" not in broken else None
    partial, file_issues = attach(partial, folder, src, filename, known, kept)
    issues += file_issues
    issues += cross_check(partial, members, src, filename, broken, kept)
    errors = [i for i in issues if i.severity == "error"]
    if errors or spec is None:
        raise ScenarioError(issues)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Scenario(partial, members, filename, digest, tuple(sort_issues(issues)))


def load(path: str | Path) -> Scenario:
    """Read and validate a scenario file. Raises ScenarioError (never another exception).

    The file is read by ``game.textfiles``: UTF-8 (a byte-order mark allowed) or UTF-16 with
    one, at most MAX_BYTES, never a folder, pipe or device.
    """
    p = Path(path)

    def refuse(message: str, hint: str, line: int = 1) -> ScenarioError:
        return ScenarioError([Issue(str(p), line, 1, "error", "(file)", message, hint)])

    try:
        text = read_source(p).text
    except IsADirectoryError:
        raise refuse(NOT_A_FILE, "name a .yaml file") from None
    except OSError as exc:
        raise refuse(f"cannot read the file: {exc.strerror or exc}", "check the path") from None
    except NotText as exc:
        raise refuse(*{
            "not_a_file": (NOT_A_FILE, "name a .yaml file"),
            "too_large": (f"file is larger than {MAX_BYTES // 1000} kB",
                          "a scenario is a few hundred lines; is this the right file?"),
            "not_utf8": (f"not UTF-8 text (byte {exc.byte})", "save the file as UTF-8"),
            "binary": ("a binary file, not text", "save the file as plain UTF-8 text"),
        }[exc.kind], exc.line) from None
    except ValueError as exc:                 # a path no file can have (a NUL in its name)
        raise refuse(f"cannot read the file: {exc}", "check the path") from None
    return load_text(text, str(p), p.parent)


def read_source(path: str | Path) -> TextFile:
    """The text of a scenario file as ``load`` reads it, for a command that copies or rewrites
    one (written back in ``encoding``). Raises OSError, or NotText if it is no text file."""
    return read_text(path, MAX_BYTES)


#: Why a folder, pipe or device is not read (a pipe would block until someone writes to it).
NOT_A_FILE = "cannot read the file: not a regular file (a folder, pipe or device)"


def check_file(path: str | Path) -> list[Issue]:
    """Every issue in a file (errors and warnings); empty when clean."""
    try:
        return list(load(path).warnings)
    except ScenarioError as exc:
        return exc.issues
