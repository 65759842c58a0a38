"""What is at stake: the chance of meeting each objective from a state, and so the points a
side can expect. Previews show it beside the change in the tally; the planner bot maximises it.

An estimate, not a promise: each motion still to be voted is forecast as if it were voted
now (the text as it stands, with the goodwill won so far), a stage that may not meet counts
the chance that its required motions pass, and a text still exposed to an amendment counts
the chance that the amendment fails. Each forecast is exact (the distribution of its counts);
the chances of a chain of votes are multiplied as if the votes were independent, so nothing
here needs a simulation.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..scenario.models import Objective
from ..state import GameState
from ..votes.forecast import Forecast
from .motions import motion_forecast
from .objectives import _check, objectives_of
from .phases import requested_motions

if TYPE_CHECKING:
    from .world import World

#: The objective's word for each of decide()'s codes (a tie is a rejection).
CODE_OUTCOMES = ("adopted", "rejected", "vetoed", "rejected")


@dataclass(frozen=True)
class Stake:
    """One objective: its points and the chance of meeting it."""

    objective: Objective
    chance: float

    @property
    def expected(self) -> float:
        """Points expected from it."""
        return self.objective.points * self.chance


class Estimator:
    """Forecasts one state's motions once each (exactly: two states are compared without
    sampling noise)."""

    def __init__(self, world: World, state: GameState) -> None:
        self.world, self.state = world, state
        self._cache: dict[str, Forecast] = {}

    def forecast(self, motion_id: str) -> Forecast:
        """The motion's forecast in this state (cached)."""
        if motion_id not in self._cache:
            self._cache[motion_id] = motion_forecast(self.world, self.state, motion_id)
        return self._cache[motion_id]

    def p_adopted(self, motion_id: str) -> float:
        """Chance the motion is adopted, 1/0 once it has been voted."""
        result = self.state.result(motion_id)
        if result is not None:
            return 1.0 if result.adopted else 0.0
        return self.forecast(motion_id).p_adopted * self.p_meets(motion_id)

    def p_meets(self, motion_id: str) -> float:
        """Chance the motion is put to the vote at all, as far as its requirements go."""
        motion = self.world.motions[motion_id]
        stage = next((s for s in self.world.stages if motion_id in s.motions), None)
        needs = list(motion.requires) + (list(stage.requires) if stage else [])
        p = 1.0
        for m in needs:
            if m != motion_id:
                p *= self.p_adopted(m)
        return p

    def p_text_kept(self, objective: Objective) -> float:
        """Chance the text still reads as the objective wants when its motion is voted: 0 if
        it no longer does; otherwise the chance that every amendment still to be voted that
        would strike or change those paragraphs fails."""
        world, motion = self.world, self.world.motions[objective.motion]
        if not objective.text_keeps or motion.text is None:
            return 1.0
        text_id = world.text_id(motion)
        now = self.state.text(text_id)
        if any(now.get(p) != v for p, v in objective.text_keeps.items()):
            return 0.0
        p = 1.0
        requested = set(requested_motions(self.state))
        for other in world.motions.values():
            if (other.kind in ("amendment", "separate_vote") and other.amends is not None
                    and world.text_id(other) == text_id
                    and set(other.delete) & set(objective.text_keeps)
                    and self.state.result(other.id) is None
                    and (other.kind == "amendment" or other.id in requested)):
                if other.kind == "amendment":
                    p *= 1.0 - self.p_adopted(other.id)
                else:
                    p *= self.forecast(other.id).p_adopted
        return p

    def chance(self, objective: Objective) -> float:
        """Chance of meeting one objective from this state."""
        state = self.state
        if state.result(objective.motion) is not None:
            return 1.0 if _check(state, objective).met else 0.0
        motion = self.world.motions[objective.motion]
        want = set(objective.outcome)
        if motion.optional and motion.id not in state.tabled:
            return 1.0 if "not_tabled" in want else 0.0
        meets = self.p_meets(motion.id)
        # P(decide's code, votes in favour within the objective's range), codes 0-3
        by_code = self.forecast(motion.id).code_chances(objective.min_yes, objective.max_yes)
        ok = [word in want for word in CODE_OUTCOMES]
        kept = self.p_text_kept(objective) if objective.text_keeps else 1.0
        # the text only matters for an adopted text; other outcomes are met as they are
        p = sum(float(by_code[c]) * (kept if c == 0 else 1.0) for c in range(4) if ok[c])
        p *= meets
        if "not_held" in want:
            p += 1.0 - meets
        return min(1.0, p)


def stakes(world: World, state: GameState, side: str) -> list[Stake]:
    """Each of ``side``'s objectives with its chance from ``state``."""
    estimator = Estimator(world, state)
    return [Stake(o, estimator.chance(o)) for o in objectives_of(world, side)]


def expected_points(world: World, state: GameState, side: str) -> float:
    """Points ``side`` can expect from ``state`` (sum of points times chances)."""
    return sum(s.expected for s in stakes(world, state, side))
