"""Scoring a game against the scenario's objectives (debrief, audit, simulate output)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..scenario.models import Objective
from ..state import GameState

if TYPE_CHECKING:
    from .world import World


@dataclass(frozen=True)
class ObjectiveResult:
    """One objective, whether it was met, and why in a phrase."""

    objective: Objective
    met: bool
    detail: str


def paragraph_names(world: World) -> dict[str, str]:
    """Paragraph id -> how the record names it ("OP 8", "PP 4"), for messages."""
    return {p.id: f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number}"
            for text in world.scenario.spec.texts.values() for p in text.paragraphs}


def _check(state: GameState, obj: Objective,
           names: dict[str, str] | None = None) -> ObjectiveResult:
    result = state.result(obj.motion)
    if result is None:
        return ObjectiveResult(obj, False, "not voted yet")
    outcome = result.outcome.replace("_", " ")
    if result.outcome not in obj.outcome:
        return ObjectiveResult(obj, False, outcome)
    wording = dict(result.wording)
    missing = [p for p, v in obj.text_keeps.items() if wording.get(p) != v]
    if missing and result.ballots:
        shown = ", ".join((names or {}).get(p, p) for p in missing)
        return ObjectiveResult(obj, False, f"{outcome}, but without {shown} as tabled")
    yes = dict(result.tally).get("yes", 0)
    if obj.min_yes is not None and yes < obj.min_yes:
        return ObjectiveResult(obj, False, f"{outcome} with {yes} in favour (needed {obj.min_yes})")
    if obj.max_yes is not None and yes > obj.max_yes:
        return ObjectiveResult(obj, False, f"{outcome} with {yes} in favour (at most "
                               f"{obj.max_yes} wanted)")
    return ObjectiveResult(obj, True, outcome + (f", {yes} in favour" if result.tally else ""))


def objectives_of(world: World, side: str) -> list[Objective]:
    """The objectives ``side`` is scored on (an objective with no side is the sponsors')."""
    return [o for o in world.scenario.spec.objectives
            if getattr(o, "side", "sponsors") == side]


def score(world: World, state: GameState,
          side: str = "sponsors") -> tuple[list[ObjectiveResult], int, int]:
    """(results, points won, points possible) for ``side``'s objectives."""
    objectives = objectives_of(world, side)
    names = paragraph_names(world)
    results = [_check(state, o, names) for o in objectives]
    won = sum(r.objective.points for r in results if r.met)
    return results, won, sum(o.points for o in objectives)
