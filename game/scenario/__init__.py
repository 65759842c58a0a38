"""Scenarios: YAML -> a frozen, validated :class:`Scenario`; every problem reported at once."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import members as _members
from .checks import cross_check, pydantic_issues
from .issues import Issue, ScenarioError
from .models import Member, Motion, ScenarioSpec, Stage
from .yamlsrc import parse

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


def load_text(text: str, filename: str = "<scenario>") -> Scenario:
    """Validate YAML text. Raises ScenarioError listing every error (warnings kept on success)."""
    src = parse(text, filename)
    issues = list(src.issues)
    spec = None
    if src.data is not None and not issues:
        try:
            spec = ScenarioSpec.model_validate(src.data)
        except ValidationError as exc:
            issues.extend(pydantic_issues(exc, src, filename))
    members: tuple[Member, ...] = ()
    if spec is not None:
        members = _members.resolve(spec.members)
        issues.extend(cross_check(spec, members, src, filename))
    errors = [i for i in issues if i.severity == "error"]
    if errors or spec is None:
        raise ScenarioError(issues)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Scenario(spec, members, filename, digest, tuple(issues))


def load(path: str | Path) -> Scenario:
    """Read and validate a scenario file. Raises ScenarioError (never another exception)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ScenarioError([Issue(str(p), 1, 1, "error", "(file)",
                                   f"cannot read the file: {exc.strerror or exc}",
                                   "check the path")]) from None
    if len(raw) > 2_000_000:
        raise ScenarioError([Issue(str(p), 1, 1, "error", "(file)", "file is larger than 2000 kB",
                                   "a scenario is a few hundred lines; is this the right file?")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScenarioError([Issue(str(p), 1, 1, "error", "(file)",
                                   f"not UTF-8 text (byte {exc.start})",
                                   "save the file as UTF-8")]) from None
    return load_text(text, str(p))


def check_file(path: str | Path) -> list[Issue]:
    """Every issue in a file (errors and warnings); empty when clean."""
    try:
        return list(load(path).warnings)
    except ScenarioError as exc:
        return exc.issues
