"""Problems found in a scenario file, the one exception the loader raises, and suggestions."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, Literal


@dataclass(frozen=True)
class Issue:
    """One problem: where (file, 1-based line and column, document path), what, and a hint."""

    file: str
    line: int
    col: int
    severity: Literal["error", "warning"]
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
