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
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from ..decisions import (
    AddressGroup,
    AskAbstention,
    Lobby,
    MoveNoAction,
    ObjectToDivision,
    Pass,
    ProceedToVote,
    RequestSeparateVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    TableMotion,
    TimeUp,
)
from ..i18n import N_, _
from ..procedure import (
    DIVISION_REJECTED,
    HELD_BACK,
    MOOT,
    NO_ACTION_ADOPTED,
    PARAGRAPH_GONE,
    REQUIREMENT_UNMET,
    STAGE_UNMET,
)
from ..state import GameState, VoteResult
from .motions import is_moot
from .pace import has_turns
from .said import said
from .voting import vote_motion
from .world import ATTACHED_KINDS, REQUESTED_KIND, floor_motion_id

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
    """The sponsors can always act (they end a stage); another side while it has turns left
    (``pace``) and can afford the cheapest move, a lobbying approach."""
    if side == "sponsors":
        return True
    if not has_turns(state, side):
        return False
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
        said(world, "sponsors", N_("{side} ask for the vote. Until it is called, {opposition} "
                                   "make their last approaches."),
             N_("You ask for the vote. Until it is called, {opposition} make their last "
                "approaches."), opposition=world.side_name("opposition")),))


def _enter_voting(world: World, state: GameState, rng: np.random.Generator) -> GameState:
    """The chair closes the debate: every motion of the stage, in voting order."""
    state = state.evolve(closing=False)
    for motion_id in vote_order(world, world.stages[state.stage], state):
        state = hold_or_skip(world, state, motion_id, rng)
    return enter(world, state, "next_stage", rng)


def _enter_next_stage(world: World, state: GameState, rng: np.random.Generator) -> GameState:
    return open_stage(world, state, state.stage + 1)


def _enter_debrief(world: World, state: GameState, rng: np.random.Generator) -> GameState:
    return finish(world, state)


def finish(world: World, state: GameState) -> GameState:
    """The game is over: no stage left to open."""
    return state.evolve(stage=len(world.stages), finished=True, budgets=(),
                        events=state.events + (_("The game is over: time for the debrief."),))


#: The phases of a stage, in the order a stage runs through them.
PHASES: dict[str, Phase] = {p.name: p for p in (
    Phase("lobbying", ("sponsors", "opposition"),
          (Lobby, AddressGroup, ReviseText, SeekCosponsor, RespondToOffer, TableMotion,
           MoveNoAction, RequestSeparateVote, ObjectToDivision, AskAbstention,
           ProceedToVote, Pass, TimeUp), _enter_lobbying,
          N_("both sides lobby in turn; the sponsors end it by asking for the vote")),
    Phase("last_word", ("opposition",), (Lobby, AddressGroup, MoveNoAction, Pass, TimeUp),
          _enter_last_word,
          N_("the opposition's last approaches, until it passes or runs out of capital")),
    Phase("voting", (), (), _enter_voting, N_("the recorded votes, in voting order")),
    Phase("next_stage", (), (), _enter_next_stage,
          N_("the next stage that can meet opens with fresh budgets")),
    Phase("debrief", (), (), _enter_debrief, N_("the game is over")),
)}


#: The months, for dates in the log ("18 November 2014").
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))


def date_words(day: date) -> str:
    """A date as the log writes it, in the language in use: '18 November 2014'."""
    # TRANSLATORS: a date: day of the month, month's name, year ("18 November 2014")
    return _("{day} {month} {year}").format(day=day.day, month=_(MONTHS[day.month - 1]),
                                            year=day.year)


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
            return state.evolve(stage=index, budgets=budgets, to_move="sponsors", turns=(),
                                events=state.events + (
                                    _("Lobbying begins for the {stage}, which votes on "
                                      "{date}.").format(stage=stage.title,
                                                        date=date_words(stage.date)),))
        results = tuple(VoteResult(m, "not_held", False, STAGE_UNMET.format(
            stage=world.record_titles[stage.id], motions=", ".join(unmet)))
            for m in stage.motions)
        state = state.evolve(results=state.results + results)
        index += 1
    return finish(world, state)


# -- the recorded votes in order --------------------------------------------------------------
@dataclass(frozen=True)
class Precedence:
    """Motions of some kinds voted before the proposal they are attached to (``amends`` names
    it), and how several of them on one proposal are ordered (``key``, smallest first)."""

    kinds: tuple[str, ...]
    key: Callable[[World, Motion], tuple[float, ...]]
    rule: str


def substance(world: World, amendment: Motion) -> float:
    """How far an amendment is removed in substance from the proposal as tabled: the mean
    over Member States of how much it moves the text's perceived position (the model's
    demand), in latent units."""
    text_id = world.text_id(amendment)
    tabled = world.initial_wording()[text_id]
    text = world.scenario.spec.texts[text_id]
    first = {p.id: p.variants[0].id for p in text.paragraphs}
    after = {p: v for p, v in tabled.items() if p not in amendment.delete}
    after.update({p: first[p] for p in amendment.insert if p in first})
    demand = world.model.demand
    moved = demand @ (world.model.clause_vector(text_id, after)
                      - world.model.clause_vector(text_id, tabled))
    return float(np.abs(moved).mean())


def _paragraph_position(world: World, motion: Motion) -> tuple[float, ...]:
    text = world.scenario.spec.texts[world.text_id(motion)]
    ids = [p.id for p in text.paragraphs]
    return (float(ids.index(motion.delete[0])), 0.0 if motion.kind == "division" else 1.0)


#: What is voted before a proposal, row by row (earlier rows first).
VOTE_ORDER: tuple[Precedence, ...] = (
    Precedence(("no_action",), lambda w, m: (0.0,),
               "a motion for no action is voted before the proposal and its amendments "
               "(rules 116 and 74)"),
    Precedence(("amendment",), lambda w, m: (-substance(w, m),),
               "amendments before the proposal, the one furthest removed in substance first "
               "(rules 130 and 90)"),
    Precedence(("division", "separate_vote"), _paragraph_position,
               "the motion for division, then the separate vote, paragraph by paragraph "
               "(rules 129 and 89)"),
)


def requested_motions(state: GameState | None) -> list[str]:
    """The floor motions the requests in ``state`` put to the vote."""
    if state is None:
        return []
    return [floor_motion_id(REQUESTED_KIND[kind], motion, target)
            for kind, _side, motion, target in state.requests if kind in REQUESTED_KIND]


def vote_order(world: World, stage: Stage, state: GameState | None = None) -> list[str]:
    """Motion ids of a stage in voting order: before each proposal, what ``VOTE_ORDER``
    attaches to it, row by row (with ``state``, the floor motions requested in it too);
    anything attached to a proposal of another stage at the end."""
    ids = list(stage.motions)
    ids += [m for m in requested_motions(state) if world.motions[m].amends in ids]
    attached = {m for m in ids if world.motions[m].kind in ATTACHED_KINDS}
    order: list[str] = []
    for m in (m for m in ids if m not in attached):
        for row in VOTE_ORDER:
            mine = [a for a in ids if a in attached and world.motions[a].kind in row.kinds
                    and world.motions[a].amends == m]
            order += sorted(mine, key=lambda a: row.key(world, world.motions[a]))
        order.append(m)
    return order + [a for a in ids if a not in order]


def unmet_requirements(state: GameState, requires: list[str]) -> list[str]:
    """The motions among ``requires`` that have not been adopted."""
    return [m for m in requires if not ((r := state.result(m)) and r.adopted)]


def _not_tabled(world: World, state: GameState, motion: Motion) -> str | None:
    if motion.optional and motion.id not in state.tabled:
        return HELD_BACK
    return None


def _requirement_unmet(world: World, state: GameState, motion: Motion) -> str | None:
    unmet = unmet_requirements(state, motion.requires)
    return REQUIREMENT_UNMET.format(motions=", ".join(unmet)) if unmet else None


def _moot(world: World, state: GameState, motion: Motion) -> str | None:
    if is_moot(world, state, motion.id):
        return MOOT
    return None


def _no_action_taken(world: World, state: GameState, motion: Motion) -> str | None:
    principal = world.principal(motion)
    if motion.kind == "no_action":
        return None
    result = state.result(floor_motion_id("no_action", principal.id))
    if result is not None and result.adopted:
        return NO_ACTION_ADOPTED.format(rule=floor_rule(world, principal, "no_action"))
    return None


def _division_rejected(world: World, state: GameState, motion: Motion) -> str | None:
    if motion.kind != "separate_vote":
        return None
    result = state.result(floor_motion_id("division", principal_id(motion), motion.delete[0]))
    if result is not None and not result.adopted:
        return DIVISION_REJECTED
    return None


def principal_id(motion: Motion) -> str:
    """The draft a floor motion or amendment is attached to."""
    return motion.amends or motion.id


def _paragraph_gone(world: World, state: GameState, motion: Motion) -> str | None:
    if motion.kind in ("separate_vote", "division") and not any(
            p in state.text(world.text_id(motion)) for p in motion.delete):
        return PARAGRAPH_GONE
    return None


def floor_rule(world: World, motion: Motion, kind: str) -> int:
    """The rule of procedure for a floor motion on ``motion``: a Main Committee's (rule 116
    for no action, 129 for division) or the plenary's (74, 89)."""
    committee = world.record_bodies[motion.body].adopted_word == "approved"
    return {("no_action", True): 116, ("no_action", False): 74,
            ("division", True): 129, ("division", False): 89}[(kind, committee)]


#: Why a motion of the stage is not put to the vote, checked in this order: (outcome, test);
#: the first test that gives a reason records the motion with that outcome and reason.
NOT_HELD: tuple[tuple[str, Callable[[World, GameState, Motion], str | None]], ...] = (
    ("not_tabled", _not_tabled),
    ("not_held", _requirement_unmet),
    ("no_action", _no_action_taken),
    ("not_held", _division_rejected),
    ("moot", _paragraph_gone),
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
