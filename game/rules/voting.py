"""One recorded vote: ballots drawn from the session's stream, counted and decided by the
rules of the body (``game.procedure``). Which motions are voted, and in what order, is the
stage flow's business (``phases``)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from ..i18n import N_, _
from ..procedure import BALLOTS, NO, decide, explain
from ..state import GameState, VoteResult
from ..votes.forecast import ballots_from_uniforms, count
from .motions import amended_wording, probabilities
from .world import ATTACHED_KINDS

if TYPE_CHECKING:
    from ..scenario.models import Motion
    from .world import World

#: decide()'s outcome codes -> VoteResult.outcome.
_OUTCOME = {0: "adopted", 1: "rejected", 2: "vetoed", 3: "rejected"}


def vote_motion(world: World, state: GameState, motion_id: str,
                rng: np.random.Generator) -> GameState:
    """Hold one recorded vote on ``motion_id``; returns the state with its result (and, for
    an adopted amendment, the amended text)."""
    motion = world.motions[motion_id]
    probs = probabilities(world, state, motion_id)
    state, uniforms = _uniforms(world, state, motion_id, rng)
    # presence is drawn for each vote: a delegation away on the day of the committee vote is
    # not therefore away a month later in plenary (the ballots of those present stay alike)
    attendance = rng.random(len(uniforms))
    ballots = ballots_from_uniforms(probs, uniforms, attendance)[None, :]   # (1, n_voters)
    tally = count(ballots)[0]
    voters = world.voters(motion.body)
    p5_against = bool((ballots[0, world.permanent(motion.body)] == NO).any())
    rule = world.rule(motion)
    adopted, code = decide(tally[None, :], np.array([p5_against]), rule)
    code_i = int(code[0])
    decided_by = explain(code_i, tally, rule)
    if code_i == 2:
        seats = zip(voters, ballots[0], world.permanent(motion.body), strict=True)
        vetoers = [world.record_names[i] for i, b, p in seats if p and b == NO]
        decided_by += ": " + " and ".join(vetoers)
    res = VoteResult(
        motion=motion_id, outcome=_OUTCOME[code_i], adopted=bool(adopted[0]),
        decided_by=decided_by,
        ballots=tuple((world.iso[i], BALLOTS[b]) for i, b in zip(voters, ballots[0], strict=True)),
        tally=tuple(zip(BALLOTS, (int(t) for t in tally), strict=True)),
        wording=tuple(sorted(amended_wording(world, state, motion_id)[0].items())))
    new = state.evolve(results=state.results + (res,))
    if motion.kind in AFTER_VOTE:
        new = AFTER_VOTE[motion.kind](world, state, new, motion, res)
    word = (world.record_bodies[motion.body].adopted_word if res.outcome == "adopted"
            else res.outcome)
    said = RESULT_WORDS.get(word, "{motion} " + word + ", {yes}-{no}-{abstain}.")
    t = dict(res.tally)
    return new.evolve(events=new.events + (
        _(said).format(motion=motion.symbol, yes=t["yes"], no=t["no"], abstain=t["abstain"]),))


#: How the log reports a recorded vote, by the body's word for its outcome.
RESULT_WORDS = {
    "adopted": N_("{motion} adopted, {yes}-{no}-{abstain}."),
    "approved": N_("{motion} approved, {yes}-{no}-{abstain}."),
    "rejected": N_("{motion} rejected, {yes}-{no}-{abstain}."),
    "vetoed": N_("{motion} vetoed, {yes}-{no}-{abstain}."),
}


def _amend(world: World, before: GameState, after: GameState, motion: Motion,
           result: VoteResult) -> GameState:
    """An adopted amendment changes the text it amends."""
    if not result.adopted:
        return after
    wording, _moved = amended_wording(world, before, motion.id)
    return set_wording(after, world.text_id(motion), wording)


def _strike(world: World, before: GameState, after: GameState, motion: Motion,
            result: VoteResult) -> GameState:
    """A paragraph rejected in a separate vote leaves the text (rules 129 and 89)."""
    if result.adopted:
        return after
    text_id = world.text_id(motion)
    wording = {p: v for p, v in after.text(text_id).items() if p not in motion.delete}
    return set_wording(after, text_id, wording)


#: Motion kind -> what its result does to the texts still to be voted.
AFTER_VOTE: dict[str, Callable[[World, GameState, GameState, Motion, VoteResult], GameState]] = {
    "amendment": _amend,
    "separate_vote": _strike,
}


def _uniforms(world: World, state: GameState, motion_id: str,
              rng: np.random.Generator) -> tuple[GameState, np.ndarray]:
    """Uniforms (n_voters,) for a recorded vote, and the state that remembers their seed.

    Drafts reuse the uniforms of earlier votes on the same text (committee, then plenary), so
    a delegation changes its ballot only if its probabilities move; amendments and other
    motions draw fresh ones. All come from the session's Generator.
    """
    motion = world.motions[motion_id]
    n = len(world.voters(motion.body))
    if motion.kind in ATTACHED_KINDS:
        return state, rng.random(n)
    room = motion.body if world.bodies[motion.body].members != "all" else "ga"
    key = f"{world.text_id(motion)}@{room}"
    seeds = dict(state.text_seeds)
    if key not in seeds:
        seeds[key] = int(rng.integers(0, 2**62))
        state = state.evolve(text_seeds=tuple(sorted(seeds.items())))
    return state, np.random.default_rng(seeds[key]).random(n)


def set_wording(state: GameState, text_id: str, wording: dict[str, str]) -> GameState:
    """A state whose text ``text_id`` reads ``wording``."""
    texts = dict(state.wording)
    texts[text_id] = tuple(sorted(wording.items()))
    return state.evolve(wording=tuple(sorted(texts.items())))
