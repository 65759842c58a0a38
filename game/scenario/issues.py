"""Problems found in a scenario file, and the one exception the loader raises."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


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
        """``file:line:col: error: where: message (hint)`` on one line."""
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.where}: {self.message}"
        return text + (f" (hint: {self.hint})" if self.hint else "")


class ScenarioError(Exception):
    """A scenario could not be loaded; ``issues`` lists every problem found (errors first)."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sorted(issues, key=lambda i: (i.severity != "error", i.file, i.line, i.col))
        super().__init__("\n".join(i.format() for i in self.issues))


def path_text(path: tuple) -> str:
    """Document path as a reader writes it: ``motions[2].delete[0]``; ``(top)`` for the root."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"
