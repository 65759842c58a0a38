"""Messages: the Issue a teacher reads, the one exception the loader raises, did-you-mean
hints, and the Context through which every cross-check reports at a document path.

An issue prints as ``file:line:col: error|warning: where: message (hint: ...)``; ``where`` is
the document path as a reader writes it (``motions[2].delete[0]``).
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import yaml

from .models import Member, ScenarioSpec
from .salvage import file_path

if TYPE_CHECKING:                   # a type only: the YAML reader itself reports Issues
    from .yamlsrc import YamlDocument

#: How bad an issue is: an error blocks play, a warning does not.
Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem: where (file, 1-based line and column, document path), what, and a hint."""

    file: str
    line: int
    col: int
    severity: Severity
    where: str
    message: str
    hint: str = ""

    def format(self) -> str:
        """``file:line:col: error: where: message (hint: ...)`` on one line."""
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.where}: {self.message}"
        return text + (f" (hint: {self.hint})" if self.hint else "")

    def to_dict(self) -> dict:
        """JSON-ready form, for ``validate --json`` and editors."""
        return {"file": self.file, "line": self.line, "col": self.col,
                "severity": self.severity, "where": self.where, "message": self.message,
                "hint": self.hint}


class ScenarioError(Exception):
    """A scenario could not be loaded; ``issues`` lists every problem found (errors first)."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sort_issues(issues)
        super().__init__("\n".join(i.format() for i in self.issues))


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Errors before warnings, then by file and position; exact repeats dropped."""
    unique = list(dict.fromkeys(issues))
    return sorted(unique, key=lambda i: (i.severity != "error", i.file, i.line, i.col))


def path_text(path: tuple) -> str:
    """Document path as a reader writes it: ``motions[2].delete[0]``; ``(top)`` for the root."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


def suggest(word: object, choices: Iterable[object], labels: dict[str, str] | None = None) -> str:
    """'did you mean X?' for the closest choices (up to three), or the list of choices when
    there are few.

    ``labels`` maps a choice to a second name it may be looked up by (an ISO code to the
    country's name), so ``Norway`` suggests ``'NOR' (Norway)``.
    """
    options = sorted({str(c) for c in choices})
    text = str(word)
    close = []
    if labels:
        by_label = {v.lower(): k for k, v in labels.items() if k in options}
        hits = difflib.get_close_matches(text.lower(), list(by_label), n=1, cutoff=0.75)
        close = [by_label[h] for h in hits]
    if text.upper() in options and text.upper() not in close:
        close.append(text.upper())
    best = difflib.get_close_matches(text, options, n=6, cutoff=0.6)
    if labels and len(text) == 3:       # codes: prefer those sharing the first letter
        best.sort(key=lambda c: c[0] != text[:1].upper())
    close += [c for c in best if c not in close]
    if close:
        named = [f"{c!r}" + (f" ({labels[c]})" if labels and c in labels else "")
                 for c in close[:3]]
        return "did you mean " + " or ".join(named) + "?"
    if 0 < len(options) <= 8:
        return "expected one of: " + ", ".join(options)
    return ""


# --- a YAML syntax error in words ---------------------------------------------------------

#: Parser messages -> (clearer message, hint). Matched by substring, first match wins.
SYNTAX_HINTS: tuple[tuple[str, str, str], ...] = (
    ("'\\t'", "a tab character: YAML indentation must use spaces",
     "replace the tab with spaces (most editors: 'convert indentation to spaces')"),
    ("mapping values are not allowed", "a ':' where YAML did not expect one",
     "put text containing ': ' in quotes, e.g. title: \"Plenary: the vote\""),
    ("could not find expected ':'", "a line that is neither 'key: value' nor a list item",
     "check the indentation, and quote text that spans several lines"),
    ("expected a single document", "the file holds more than one YAML document",
     "remove the extra '---' line"),
    ("found undefined alias", "an alias (*name) whose anchor (&name) is not defined above it",
     "define the anchor first, or write the value out"),
    ("found unexpected end of stream", "the file ends inside a quoted text",
     "close the quote"),
    ("while scanning a quoted scalar", "a quoted text that is not closed", "close the quote"),
    ("did not find expected key", "the indentation does not line up with the key above",
     "indent keys of the same mapping by the same number of spaces"),
    ("did not find expected '-' indicator", "a list item out of line with the others",
     "indent every '- ' of a list by the same number of spaces"),
    ("expected <block end>", "the indentation does not line up with the lines above",
     "indent keys of the same mapping, and items of the same list, equally"),
)


def syntax_issues(exc: yaml.YAMLError, text: str, filename: str) -> list[Issue]:
    """A YAML syntax error as Issues: a clearer message and a hint; for a tab, every line
    that starts with one (the parser stops at the first)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return [Issue(filename, line, col, "error", "(syntax)",
                      f"a control character (code {exc.character!r}) that YAML does not accept",
                      "delete it; save the file as plain UTF-8 text")]
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message, hint = problem, "check the indentation and quoting on this line and the one before"
    for needle, better, why in SYNTAX_HINTS:
        if needle in problem or needle in str(exc):
            message, hint = better, why
            break
    out = [Issue(filename, line, col, "error", "(syntax)", message, hint)]
    if "'\\t'" in problem:
        for n, row in enumerate(text.splitlines(), start=1):
            indent = row[:len(row) - len(row.lstrip(" \t"))]
            if "\t" in indent and n != line:
                out.append(Issue(filename, n, indent.index("\t") + 1, "error", "(syntax)",
                                 SYNTAX_HINTS[0][1], SYNTAX_HINTS[0][2]))
    return out


# --- where a check reports ----------------------------------------------------------------

@dataclass
class Context:
    """What every check needs: the (possibly partial) spec, members, marks and known ids."""

    spec: ScenarioSpec
    members: tuple[Member, ...]
    src: YamlDocument
    filename: str
    broken: set[str] = field(default_factory=set)
    #: List indices kept by salvage (path in the file -> file index of each item kept).
    kept: dict[tuple, list[int]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def add(self, path: tuple, msg: str, hint: str = "", severity: Severity = "error",
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
        """The case's ISO codes, or None if its members could not be read."""
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
