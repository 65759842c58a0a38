"""The cases the title screen offers: every scenarios/*.yaml, loaded or with its first error."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from ..scenario import Scenario, ScenarioError, load

#: The shipped cases (the same folder ``game.cli.common`` reads).
SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"


@dataclass(frozen=True)
class Case:
    """One scenario file: the loaded scenario, or why it cannot be played."""

    path: Path
    scenario: Scenario | None
    error: str | None = None

    @property
    def title(self) -> str:
        """The scenario's title, or the file's name if it cannot be loaded."""
        if self.scenario:
            return self.scenario.spec.title
        return _("{file} (cannot be loaded)").format(file=self.path.name)


def _first_error(exc: ScenarioError, path: Path) -> str:
    issue = next((i for i in exc.issues if i.severity == "error"), None)
    if issue is None:
        return _("{file} could not be loaded").format(file=path.name)
    where = f"{Path(issue.file).name}:{issue.line}"
    if issue.where:
        return f"{where}: {issue.where}: {issue.message}"
    return f"{where}: {issue.message}"


def load_case(path: Path) -> Case:
    """A scenario file as a Case: loaded, or with its first error (or why it cannot be read)."""
    try:
        return Case(path, load(path))
    except ScenarioError as exc:
        return Case(path, None, _first_error(exc, path))
    except OSError as exc:
        return Case(path, None, f"{path.name}: {exc.strerror or exc}")


def catalogue(current: Scenario, folder: Path = SCENARIO_DIR) -> list[Case]:
    """The shipped cases in file-name order, the one being played among them (or first)."""
    here = Path(current.path).resolve()
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        cases.append(Case(path, current) if path.resolve() == here else load_case(path))
    if not any(c.scenario is current for c in cases):
        cases.insert(0, Case(here, current))
    return cases
