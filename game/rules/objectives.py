"""Scoring a game against the scenario's objectives (debrief, audit, simulate output)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import N_, _, pgettext
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


#: A recorded outcome as an objective's line says it (the code with spaces, in English).
OUTCOMES = {"adopted": N_("adopted"), "rejected": N_("rejected"), "vetoed": N_("vetoed"),
            "not_tabled": N_("not tabled"), "moot": N_("moot"), "not_held": N_("not held"),
            "no_action": N_("no action")}


def _outcome(code: str, committee: bool) -> str:
    """An outcome in the language in use ("adopted" is "approved" in a Main Committee, which
    the English leaves to the screens)."""
    if code == "adopted" and committee:
        # TRANSLATORS: "adopted" said of a Main Committee's vote, where it "approves" a draft
        return pgettext("committee", "adopted")
    return _(OUTCOMES[code]) if code in OUTCOMES else code.replace("_", " ")


def _check(state: GameState, obj: Objective, names: dict[str, str] | None = None,
           committee: bool = False) -> ObjectiveResult:
    result = state.result(obj.motion)
    if result is None:
        return ObjectiveResult(obj, False, _("not voted yet"))
    outcome = _outcome(result.outcome, committee)
    if result.outcome not in obj.outcome:
        return ObjectiveResult(obj, False, outcome)
    wording = dict(result.wording)
    missing = [p for p, v in obj.text_keeps.items() if wording.get(p) != v]
    if missing and result.ballots:
        shown = ", ".join((names or {}).get(p, p) for p in missing)
        return ObjectiveResult(obj, False, _("{outcome}, but without {paragraphs} as tabled")
                               .format(outcome=outcome, paragraphs=shown))
    yes = dict(result.tally).get("yes", 0)
    if obj.min_yes is not None and yes < obj.min_yes:
        return ObjectiveResult(obj, False, _("{outcome} with {yes} in favour (needed {needed})")
                               .format(outcome=outcome, yes=yes, needed=obj.min_yes))
    if obj.max_yes is not None and yes > obj.max_yes:
        return ObjectiveResult(obj, False, _("{outcome} with {yes} in favour (at most {most} "
                                             "wanted)").format(outcome=outcome, yes=yes,
                                                               most=obj.max_yes))
    return ObjectiveResult(obj, True, _("{outcome}, {yes} in favour").format(
        outcome=outcome, yes=yes) if result.tally else outcome)


def objectives_of(world: World, side: str) -> list[Objective]:
    """The objectives ``side`` is scored on (an objective with no side is the sponsors')."""
    return [o for o in world.scenario.spec.objectives
            if getattr(o, "side", "sponsors") == side]


def score(world: World, state: GameState,
          side: str = "sponsors") -> tuple[list[ObjectiveResult], int, int]:
    """(results, points won, points possible) for ``side``'s objectives."""
    objectives = objectives_of(world, side)
    names = paragraph_names(world)
    committee = {m.id for m in world.motions.values()
                 if world.record_bodies[m.body].adopted_word == "approved"}
    results = [_check(state, o, names, o.motion in committee) for o in objectives]
    won = sum(r.objective.points for r in results if r.met)
    return results, won, sum(o.points for o in objectives)
