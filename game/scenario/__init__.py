"""Scenarios: YAML -> a frozen, validated :class:`Scenario`; every problem reported at once."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import members as _members
from .checks import cross_check
from .files import attach
from .issues import Issue, ScenarioError, sort_issues
from .models import Member, Motion, ScenarioSpec, Stage
from .salvage import salvage
from .validation import bool_word_issues, pydantic_issues
from .yamlsrc import MAX_BYTES, parse

__all__ = ["Scenario", "ScenarioError", "Issue", "load", "load_text", "check_file"]


@dataclass(frozen=True)
class Scenario:
    """A loaded case: the validated spec, its Member States, and where it came from.

    ``members`` is sorted by ISO code; every numpy array of the vote model has rows in
    this order (shape (n_members, ...)).
    """

    spec: ScenarioSpec
    members: tuple[Member, ...]
    path: str
    sha256: str
    warnings: tuple[Issue, ...] = ()
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.spec.id

    def member_index(self) -> dict[str, int]:
        """ISO3 -> row index."""
        if "members" not in self._index:
            self._index["members"] = {m.iso3: i for i, m in enumerate(self.members)}
        return self._index["members"]

    def motion(self, motion_id: str) -> Motion:
        """The motion with this id; KeyError if none."""
        return {m.id: m for m in self.spec.motions}[motion_id]

    def stage(self, stage_id: str) -> Stage:
        return {s.id: s for s in self.spec.stages}[stage_id]

    def body(self, body_id: str):
        return {b.id: b for b in self.spec.bodies}[body_id]


def load_text(text: str, filename: str = "<scenario>", folder: str | Path | None = None) -> Scenario:
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
    bools, bool_paths = bool_word_issues(src, filename)
    issues += bools
    flagged = src.flagged | bool_paths
    spec: ScenarioSpec | None = None
    try:
        spec = ScenarioSpec.model_validate(src.data)
    except ValidationError as exc:
        issues += pydantic_issues(exc, src, filename, flagged)
    partial, broken, kept = (spec, set(), {}) if spec is not None else salvage(src.data)
    members: tuple[Member, ...] = ()
    if partial.members is not None:
        members = _members.resolve(partial.members)
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
    """Read and validate a scenario file. Raises ScenarioError (never another exception)."""
    p = Path(path)
    if p.exists() and not p.is_file():
        raise ScenarioError([Issue(str(p), 1, 1, "error", "(file)",
                                   "cannot read the file: not a regular file (a folder, pipe "
                                   "or device)",
                                   "name a .yaml file")])
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ScenarioError([Issue(str(p), 1, 1, "error", "(file)",
                                   f"cannot read the file: {exc.strerror or exc}",
                                   "check the path")]) from None
    if len(raw) > MAX_BYTES:
        raise ScenarioError([Issue(str(p), 1, 1, "error", "(file)",
                                   f"file is larger than {MAX_BYTES // 1000} kB",
                                   "a scenario is a few hundred lines; is this the right file?")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ScenarioError([Issue(str(p), line, 1, "error", "(file)",
                                   f"not UTF-8 text (byte {exc.start})",
                                   "save the file as UTF-8")]) from None
    return load_text(text, str(p), p.parent)


def check_file(path: str | Path) -> list[Issue]:
    """Every issue in a file (errors and warnings); empty when clean."""
    try:
        return list(load(path).warnings)
    except ScenarioError as exc:
        return exc.issues
