"""The stage flow, declared in one place: each phase of a stage, who may decide in it, and
the recorded votes in the order the rules of procedure set.

A stage runs ``lobbying`` (both sides, in turn) → ``last_word`` (after the sponsors ask for
the vote, the opposition's last approaches) → ``voting`` (every motion of the stage, in
``VOTE_ORDER``, each held unless a row of ``NOT_HELD`` says why not) → ``next_stage`` (the next
stage that can meet, or the ``debrief``). ``voting`` and ``next_stage`` take no decision: a
state never rests in them. A new procedural step is a new row here: a phase in ``PHASES``,
a kind of motion in ``VOTE_ORDER``, a reason in ``NOT_HELD``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..decisions import (
    AddressGroup,
    Lobby,
    Pass,
    ProceedToVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    TableMotion,
)
from ..state import GameState, VoteResult
from .motions import is_moot
from .voting import vote_motion

if TYPE_CHECKING:
    from ..scenario.models import Motion, Stage
    from .world import World


@dataclass(frozen=True)
class Phase:
    """One phase of a stage: who may decide in it and which decision types it admits.

    ``enter(world, state, rng)`` is what happens on entering it: a resting phase returns the
    state that waits for a decision; a passing phase (``voting``, ``next_stage``) does its
    work and enters the next one itself.
    """

    name: str
    movers: tuple[str, ...]
    decisions: tuple[type, ...]
    enter: Callable[[World, GameState, np.random.Generator], GameState]
    summary: str


# -- who can still act ------------------------------------------------------------------------
def can_act(world: World, state: GameState, side: str) -> bool:
    """The sponsors can always act (they end a stage); another side while it can afford the
    cheapest move, a lobbying approach."""
    if side == "sponsors":
        return True
    lobby = world.scenario.spec.costs.lobby
    capital, days = state.budget(side)
    return capital >= lobby.capital and days >= lobby.days


# -- entering each phase ----------------------------------------------------------------------
def _enter_lobbying(world: World, state: GameState, rng: np.random.Generator) -> GameState:
    return state.evolve(to_move="sponsors", closing=False)


def _enter_last_word(world: World, state: GameState, rng: np.random.Generator) -> GameState:
    """The sponsors asked for the vote: the opposition works the room until it is called."""
    if not can_act(world, state, "opposition"):
        return enter(world, state, "voting", rng)
    return state.evolve(closing=True, to_move="opposition", events=state.events + (
        "You ask for the vote. Until it is called, the opposition makes its last approaches.",))


def _enter_voting(world: World, state: GameState, rng: np.random.Generator) -> GameState:
    """The chair closes the debate: every motion of the stage, in voting order."""
    state = state.evolve(closing=False)
    for motion_id in world.stage_order(world.stages[state.stage]):
        state = hold_or_skip(world, state, motion_id, rng)
    return enter(world, state, "next_stage", rng)


def _enter_next_stage(world: World, state: GameState, rng: np.random.Generator) -> GameState:
    return open_stage(world, state, state.stage + 1)


def _enter_debrief(world: World, state: GameState, rng: np.random.Generator) -> GameState:
    return finish(world, state)


def finish(world: World, state: GameState) -> GameState:
    """The game is over: no stage left to open."""
    return state.evolve(stage=len(world.stages), finished=True, budgets=(),
                        events=state.events + ("The game is over: time for the debrief.",))


#: The phases of a stage, in the order a stage runs through them.
PHASES: dict[str, Phase] = {p.name: p for p in (
    Phase("lobbying", ("sponsors", "opposition"),
          (Lobby, AddressGroup, ReviseText, SeekCosponsor, RespondToOffer, TableMotion,
           ProceedToVote, Pass), _enter_lobbying,
          "both sides lobby in turn; the sponsors end it by asking for the vote"),
    Phase("last_word", ("opposition",), (Lobby, AddressGroup, Pass), _enter_last_word,
          "the opposition's last approaches, until it passes or runs out of capital"),
    Phase("voting", (), (), _enter_voting, "the recorded votes, in voting order"),
    Phase("next_stage", (), (), _enter_next_stage,
          "the next stage that can meet opens with fresh budgets"),
    Phase("debrief", (), (), _enter_debrief, "the game is over"),
)}


def enter(world: World, state: GameState, phase: str, rng: np.random.Generator) -> GameState:
    """Enter ``phase`` (a key of PHASES) and run on through any phase that takes no decision."""
    return PHASES[phase].enter(world, state, rng)


def open_stage(world: World, state: GameState, index: int) -> GameState:
    """Open stage ``index`` for lobbying with fresh budgets, skipping stages whose required
    motions failed (their motions are recorded as not held); past the last, the debrief."""
    while index < len(world.stages):
        stage = world.stages[index]
        unmet = unmet_requirements(state, stage.requires)
        if not unmet:
            opposition = (stage.capital if stage.opposition_capital is None
                          else stage.opposition_capital)
            budgets = (("sponsors", stage.capital, stage.days),
                       ("opposition", opposition, stage.days))
            day = f"{stage.date.day} {stage.date:%B %Y}"
            return state.evolve(stage=index, budgets=budgets, to_move="sponsors",
                                events=state.events + (f"Lobbying begins for the {stage.title}, "
                                                       f"which votes on {day}.",))
        results = tuple(VoteResult(m, "not_held", False, f"{stage.title} did not meet: "
                                   f"{', '.join(unmet)} not adopted.") for m in stage.motions)
        state = state.evolve(results=state.results + results)
        index += 1
    return finish(world, state)


# -- the recorded votes in order --------------------------------------------------------------
@dataclass(frozen=True)
class Precedence:
    """A kind of motion voted before the proposal it is attached to (rule 90 for amendments).

    ``attached_to(motion)`` names the proposal (None: not of this kind); ``furthest_first``
    sorts several of them, the one furthest removed from the proposal first.
    """

    kind: str
    attached_to: Callable[[Motion], str | None]
    furthest_first: Callable[[Motion], float]


#: What is voted before a proposal, row by row (earlier rows first). Amendments: the one that
#: changes more paragraphs is taken as furthest removed.
VOTE_ORDER: tuple[Precedence, ...] = (
    Precedence("amendment", lambda m: m.amends if m.kind == "amendment" else None,
               lambda m: -(len(m.delete) + len(m.insert))),
)


def vote_order(world: World, stage: Stage) -> list[str]:
    """Motion ids of a stage in voting order: before each proposal, what ``VOTE_ORDER``
    attaches to it, row by row; anything attached to a proposal of another stage at the end."""
    ids = list(stage.motions)
    attached: dict[str, list[str]] = {}
    for row in VOTE_ORDER:
        mine = [m for m in ids if row.attached_to(world.motions[m]) is not None]
        attached[row.kind] = sorted(mine, key=lambda m: row.furthest_first(world.motions[m]))
    taken = {m for group in attached.values() for m in group}
    order: list[str] = []
    for m in (m for m in ids if m not in taken):
        for row in VOTE_ORDER:
            order += [a for a in attached[row.kind]
                      if row.attached_to(world.motions[a]) == m and a not in order]
        order.append(m)
    for row in VOTE_ORDER:
        order += [a for a in attached[row.kind] if a not in order]
    return order


def unmet_requirements(state: GameState, requires: list[str]) -> list[str]:
    """The motions among ``requires`` that have not been adopted."""
    return [m for m in requires if not ((r := state.result(m)) and r.adopted)]


def _not_tabled(world: World, state: GameState, motion: Motion) -> str | None:
    if motion.optional and motion.id not in state.tabled:
        return "The sponsors held the draft back; no vote."
    return None


def _requirement_unmet(world: World, state: GameState, motion: Motion) -> str | None:
    unmet = unmet_requirements(state, motion.requires)
    return f"Not put to the vote: {', '.join(unmet)} not adopted." if unmet else None


def _moot(world: World, state: GameState, motion: Motion) -> str | None:
    if is_moot(world, state, motion.id):
        return "Withdrawn: the draft no longer contains what it would delete."
    return None


#: Why a motion of the stage is not put to the vote, checked in this order: (outcome, test);
#: the first test that gives a reason records the motion with that outcome and reason.
NOT_HELD: tuple[tuple[str, Callable[[World, GameState, Motion], str | None]], ...] = (
    ("not_tabled", _not_tabled),
    ("not_held", _requirement_unmet),
    ("moot", _moot),
)


def hold_or_skip(world: World, state: GameState, motion_id: str,
                 rng: np.random.Generator) -> GameState:
    """Record one motion: the first reason in NOT_HELD not to vote it, or its recorded vote."""
    motion = world.motions[motion_id]
    for outcome, why_not in NOT_HELD:
        why = why_not(world, state, motion)
        if why is not None:
            return state.evolve(results=state.results + (
                VoteResult(motion_id, outcome, False, why),))
    return vote_motion(world, state, motion_id, rng)
