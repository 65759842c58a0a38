"""Recorded votes: put a stage's motions to the vote, in the order the rules of procedure set."""
from __future__ import annotations

import numpy as np

from ..procedure import BALLOTS, NO, decide, explain
from ..state import GameState, VoteResult
from ..votes.forecast import ballots_from_uniforms, count
from .motions import amended_wording, is_moot, probabilities

_OUTCOME = {0: "adopted", 1: "rejected", 2: "vetoed", 3: "rejected"}


def _unmet(state: GameState, requires: list[str]) -> list[str]:
    return [m for m in requires if not (state.result(m) and state.result(m).adopted)]


def skipped(motion_id: str, outcome: str, why: str) -> VoteResult:
    return VoteResult(motion_id, outcome, False, why)


def vote_motion(state: GameState, motion_id: str, rng: np.random.Generator) -> GameState:
    """Hold one recorded vote (or record why it was not held); returns the new state."""
    world = state.world
    motion = world.motions[motion_id]
    if motion.optional and motion_id not in state.tabled:
        res = skipped(motion_id, "not_tabled", "The sponsors held the draft back; no vote.")
        return state.evolve(results=state.results + (res,))
    unmet = _unmet(state, motion.requires)
    if unmet:
        res = skipped(motion_id, "not_held", f"Not put to the vote: {', '.join(unmet)} not adopted.")
        return state.evolve(results=state.results + (res,))
    if is_moot(state, motion_id):
        res = skipped(motion_id, "moot", "Withdrawn: the draft no longer contains what it "
                      "would delete.")
        return state.evolve(results=state.results + (res,))
    probs = probabilities(state, motion_id)
    state, uniforms = _uniforms(state, motion_id, rng)
    ballots = ballots_from_uniforms(probs, uniforms)[None, :]   # (1, n_voters)
    tally = count(ballots)[0]
    voters = world.voters(motion.body)
    p5_against = bool((ballots[0, world.permanent(motion.body)] == NO).any())
    rule = world.rule(motion)
    adopted, code = decide(tally[None, :], np.array([p5_against]), rule)
    code_i = int(code[0])
    decided_by = explain(code_i, tally, rule)
    if code_i == 2:
        vetoers = [world.scenario.members[i].name for i, b, p in
                   zip(voters, ballots[0], world.permanent(motion.body)) if p and b == NO]
        decided_by += ": " + " and ".join(vetoers)
    res = VoteResult(
        motion=motion_id, outcome=_OUTCOME[code_i], adopted=bool(adopted[0]),
        decided_by=decided_by,
        ballots=tuple((world.iso[i], BALLOTS[b]) for i, b in zip(voters, ballots[0])),
        tally=tuple(zip(BALLOTS, (int(t) for t in tally))),
        wording=tuple(sorted(amended_wording(state, motion_id)[0].items())))
    new = state.evolve(results=state.results + (res,))
    if motion.kind == "amendment" and res.adopted:
        after, _ = amended_wording(state, motion_id)
        new = set_wording(new, world.text_id(motion), after)
    verb = {"adopted": world.bodies[motion.body].adopted_word, "rejected": "rejected",
            "vetoed": "vetoed"}[res.outcome]
    t = dict(res.tally)
    return new.evolve(events=new.events + (
        f"{motion.symbol} {verb}, {t['yes']}-{t['no']}-{t['abstain']}.",))


def _uniforms(state: GameState, motion_id: str, rng: np.random.Generator):
    """Uniforms (n_voters,) for a recorded vote, and the state that remembers their seed.

    Drafts reuse the uniforms of earlier votes on the same text (committee, then plenary);
    amendments and other motions draw fresh ones. All come from the session's Generator.
    """
    world = state.world
    motion = world.motions[motion_id]
    n = len(world.voters(motion.body))
    if motion.kind == "amendment":
        return state, rng.random(n)
    key = f"{world.text_id(motion)}@{motion.body if world.bodies[motion.body].members != 'all' else 'ga'}"
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


def hold_stage(state: GameState, rng: np.random.Generator) -> GameState:
    """Vote every motion of the current stage, then open the next stage that can meet."""
    world = state.world
    stage = world.stages[state.stage]
    for motion_id in world.stage_order(stage):
        state = vote_motion(state, motion_id, rng)
    return open_stage(state, state.stage + 1)


def open_stage(state: GameState, index: int) -> GameState:
    """Move to stage ``index``, skipping stages whose required motions failed; fresh budgets."""
    world = state.world
    while index < len(world.stages):
        stage = world.stages[index]
        unmet = _unmet(state, stage.requires)
        if not unmet:
            opposition = stage.capital if stage.opposition_capital is None else stage.opposition_capital
            budgets = (("sponsors", stage.capital, stage.days),
                       ("opposition", opposition, stage.days))
            day = f"{stage.date.day} {stage.date:%B %Y}"
            return state.evolve(stage=index, budgets=budgets, to_move="sponsors",
                                events=state.events + (f"Lobbying begins for the {stage.title}, "
                                                       f"which votes on {day}.",))
        results = tuple(skipped(m, "not_held", f"{stage.title} did not meet: "
                                f"{', '.join(unmet)} not adopted.") for m in stage.motions)
        state = state.evolve(results=state.results + results)
        index += 1
    return state.evolve(stage=len(world.stages), finished=True, budgets=(),
                        events=state.events + ("The game is over: time for the debrief.",))
