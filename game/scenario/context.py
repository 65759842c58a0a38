"""The context every cross-reference check reads: spec, members, marks and the ids written."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .issues import Issue, path_text, suggest
from .models import Member, ScenarioSpec
from .salvage import file_path
from .yamlsrc import Source


@dataclass
class Context:
    """What every check needs: the (possibly partial) spec, members, marks and known ids."""

    spec: ScenarioSpec
    members: tuple[Member, ...]
    src: Source
    filename: str
    broken: set[str] = field(default_factory=set)
    #: List indices kept by salvage (path in the file -> file index of each item kept).
    kept: dict[tuple, list[int]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def add(self, path: tuple, msg: str, hint: str = "", severity: str = "error",
            at_key: bool = False) -> None:
        """Report a problem at ``path`` (a path in the spec; shifted back to the file's);
        ``at_key``: point at the mapping key itself rather than its value."""
        path = file_path(path, self.kept)
        line, col = self.src.key_mark(path) if at_key else self.src.mark(path)
        self.issues.append(Issue(self.filename, line, col, severity, path_text(path), msg, hint))

    def raw(self, *path) -> object:
        """The value written at ``path`` in the file (before validation), or None."""
        node = self.src.data
        for part in path:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return None
        return node

    def ids(self, section: str) -> set[str] | None:
        """Ids written in a section (valid or not), or None if the section is unreadable."""
        raw = self.raw(section)
        if section == "texts":
            return {k for k in raw} if isinstance(raw, dict) else None
        if not isinstance(raw, list):
            return None
        return {x["id"] for x in raw if isinstance(x, dict) and isinstance(x.get("id"), str)}

    def paragraphs(self, text_id: str | None) -> set[str] | None:
        """Paragraph ids written in a text, or None if unknown."""
        raw = self.raw("texts", text_id, "paragraphs") if text_id else None
        if not isinstance(raw, list):
            return None
        return {p["id"] for p in raw if isinstance(p, dict) and isinstance(p.get("id"), str)}

    def countries(self) -> set[str] | None:
        return {m.iso3 for m in self.members} if "members" not in self.broken else None

    def ref(self, path: tuple, value: str, known: Iterable[str] | None, what: str,
            at_key: bool = False) -> None:
        """Report ``value`` if it is not among ``known`` (skipped when known is None)."""
        if known is None:
            return
        known = set(known)
        if value not in known:
            labels = {m.iso3: m.name for m in self.members} if what == "country code" else None
            self.add(path, f"unknown {what} {value!r}", suggest(value, known, labels),
                     at_key=at_key)
