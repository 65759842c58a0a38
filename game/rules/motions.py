"""What the model is asked about a motion, given the state of the game."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ..state import GameState
from ..votes import lobbying
from ..votes.forecast import Forecast, exact_forecast
from ..votes.model import MotionInput
from .world import floor_motion_id

if TYPE_CHECKING:
    from ..scenario.models import Motion
    from .world import World


def amended_wording(world: World, state: GameState,
                    motion_id: str) -> tuple[dict[str, str], dict[str, str]]:
    """(wording if adopted, wording now) of the text a motion concerns."""
    motion = world.motions[motion_id]
    now = state.text(world.text_id(motion))
    if motion.kind != "amendment":
        return now, now
    text = world.scenario.spec.texts[world.text_id(motion)]
    first = {p.id: p.variants[0].id for p in text.paragraphs}
    after = {p: v for p, v in now.items() if p not in motion.delete}
    after.update({p: first[p] for p in motion.insert})
    return after, now


def is_moot(world: World, state: GameState, motion_id: str) -> bool:
    """An amendment with nothing left to do: the text already makes its changes, or every
    paragraph it would delete is already gone (its mover then withdraws it)."""
    motion = world.motions[motion_id]
    if motion.kind != "amendment":
        return False
    after, now = amended_wording(world, state, motion_id)
    if motion.delete:
        return not any(p in now for p in motion.delete)
    return after == now


def motion_input(world: World, state: GameState, motion_id: str) -> MotionInput:
    """The model's view of a motion now: proposal, status quo, voters, orientation.

    The floor's motions are read off the proposal they concern: a separate vote asks whether
    to keep a paragraph (the text with it against the text without it); a motion for no
    action, or for division, is the mirror of the vote it would prevent (those against the
    draft, or against the paragraph, vote for it), scaled by its own salience."""
    motion = world.motions[motion_id]
    if motion.kind in FLOOR_INPUTS:
        return FLOOR_INPUTS[motion.kind](world, state, motion)
    text_id = world.text_id(motion)
    after, now = amended_wording(world, state, motion_id)
    body = world.bodies[motion.body]
    return MotionInput(
        proposal=world.model.clause_vector(text_id, after),
        status_quo=world.model.clause_vector(text_id, now) if motion.kind == "amendment" else None,
        voters=world.voters(motion.body),
        orient=1.0 if motion.sponsors_want == "yes" else -1.0,
        attendance=body.members != "security_council",
        abstainers_absent=world.model.coefficients.abstainers_absent.get(motion.kind, 0.0),
        salience=world.model.coefficients.salience.get(motion.kind, 1.0),
        absence=absence(world, state, world.voters(motion.body)),
    )


def absence(world: World, state: GameState, voters: np.ndarray) -> np.ndarray:
    """P(absent) of ``voters`` (n_voters,): each one's record, the sponsors and co-sponsors
    (the scenario's and those won in the game) less often away."""
    side = world.scenario.spec.sides["sponsors"]
    names = set(side.members) | set(side.cosponsors) | set(state.cosponsors)
    flags = np.array([m.iso3 in names for m in world.scenario.members])
    return world.model.absence(voters, flags)


def _salience(world: World, kind: str, default: float = 1.0) -> float:
    return _by_kind(world.model.coefficients.salience, kind, default)


def _by_kind(table: Mapping[Any, float], kind: str, default: float) -> float:
    """A per-motion-kind coefficient (salience, share of absent abstainers), or ``default``."""
    return float(table.get(kind, default))


def _mirror(base: MotionInput, salience: float, absent: float) -> MotionInput:
    """A motion whose "yes" is the other one's "no": orientation and salience reversed."""
    return replace(base, orient=-base.orient, salience=-base.salience * salience,
                   abstainers_absent=absent)


def _no_action_input(world: World, state: GameState, motion: Motion) -> MotionInput:
    base = motion_input(world, state, world.principal(motion).id)
    absent = _by_kind(world.model.coefficients.abstainers_absent, "no_action",
                      base.abstainers_absent)
    return _mirror(base, _salience(world, "no_action"), float(absent))


def _separate_vote_input(world: World, state: GameState, motion: Motion) -> MotionInput:
    principal = world.principal(motion)
    text_id = world.text_id(principal)
    now = state.text(text_id)
    without = {p: v for p, v in now.items() if p not in motion.delete}
    shares = world.model.coefficients.abstainers_absent
    absent = _by_kind(shares, "separate_vote", _by_kind(shares, "amendment", 0.0))
    return MotionInput(
        proposal=world.model.clause_vector(text_id, now),
        status_quo=world.model.clause_vector(text_id, without),
        voters=world.voters(motion.body),
        orient=1.0 if motion.sponsors_want == "yes" else -1.0,
        attendance=world.bodies[motion.body].members != "security_council",
        absence=absence(world, state, world.voters(motion.body)),
        abstainers_absent=float(absent),
        salience=_salience(world, "separate_vote", _salience(world, "amendment")))


def _division_input(world: World, state: GameState, motion: Motion) -> MotionInput:
    separate = world.motions[floor_motion_id("separate_vote", world.principal(motion).id,
                                             motion.delete[0])]
    base = _separate_vote_input(world, state, separate)
    return _mirror(base, _salience(world, "division"), base.abstainers_absent)


#: Floor motion kind -> how the model sees it.
FLOOR_INPUTS: dict[str, Callable[[World, GameState, Motion], MotionInput]] = {
    "no_action": _no_action_input,
    "separate_vote": _separate_vote_input,
    "division": _division_input,
}


def goodwill(world: World, state: GameState) -> np.ndarray:
    """Goodwill towards the sponsors in this state, (n_members,)."""
    return lobbying.goodwill(world.model, world.scenario, state.moves, state.cosponsors,
                             state.offers)


def probabilities(world: World, state: GameState, motion_id: str) -> np.ndarray:
    """P(yes, no, abstain, absent) of each voter on a motion now, (n_voters, 4). A permanent
    member that agreed to abstain on the motion abstains where it would have voted against."""
    probs = world.model.probabilities(motion_input(world, state, motion_id),
                                      goodwill(world, state))
    _leaders_vote_their_way(world, motion_id, probs)
    pledged = [iso for key in state.pledges for m, iso in [key.split("@")] if m == motion_id]
    if pledged:
        voters = world.voters(world.motions[motion_id].body).tolist()
        for iso in pledged:
            row = voters.index(world.index[iso])
            probs[row, 2] += probs[row, 1]
            probs[row, 1] = 0.0
    return probs


def _leaders_vote_their_way(world: World, motion_id: str, probs: np.ndarray) -> None:
    """The delegations that lead a side vote as their side wants on every motion, present:
    the main sponsors for what the sponsors want, the opposition's leaders against it (as the
    EU, Japan, the DPRK and Cuba did in 2014). In place."""
    motion = world.motions[motion_id]
    sponsors_yes = motion.sponsors_want == "yes"
    rows = {iso: r for r, iso in enumerate(world.iso[i] for i in world.voters(motion.body))}
    for name, side in world.scenario.spec.sides.items():
        ballot = 0 if (name == "sponsors") == sponsors_yes else 1      # 0 yes, 1 no
        for iso in side.members:
            if iso in rows:
                probs[rows[iso]] = 0.0
                probs[rows[iso], ballot] = 1.0


def motion_forecast(world: World, state: GameState, motion_id: str) -> Forecast:
    """Exact forecast of a motion if it were voted now (no draws: the same state gives the
    same numbers)."""
    motion = world.motions[motion_id]
    return exact_forecast(probabilities(world, state, motion_id), world.permanent(motion.body),
                          world.rule(motion))
