"""The floor's procedural tactics: a motion for no action, a request for a separate vote on a
paragraph (division of the question) and the objection to it, and asking a permanent member
of the Security Council to abstain rather than veto.

Sources (GA rules of procedure, A/520/Rev.20): a motion for no action on a proposal is voted
before the proposal and its amendments (rule 116 in a Main Committee, rule 74 in plenary); a
representative may request that parts of a proposal be voted separately, and if another
objects, the motion for division is voted first (rules 129 and 89); a part rejected in a
separate vote leaves the proposal before it is voted as a whole. Charter Art. 27(3): an
abstaining permanent member does not block a substantive decision.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from ..decisions import (
    AskAbstention,
    Decision,
    DecisionError,
    MoveNoAction,
    ObjectToDivision,
    RequestSeparateVote,
)
from ..i18n import N_, _
from ..state import GameState
from .checks import afford, current_stage
from .effects import hand_over, spend
from .motions import probabilities
from .said import said

if TYPE_CHECKING:
    from ..scenario.models import Motion
    from .world import World

#: Below this P(against) a permanent member has no veto in sight, and asking it is no move.
NO_VETO_IN_SIGHT = 0.05
#: A permanent member agrees to abstain only if its P(against) is at most this (an author's
#: choice: it will not give up a veto it is all but sure to cast, as the record of announced
#: and cast vetoes shows).
ABSTENTION_THRESHOLD = 0.5


def against_side(motion: Motion) -> str:
    """The side that works for the motion's defeat."""
    return "opposition" if motion.sponsors_want == "yes" else "sponsors"


def floor_motions(world: World, state: GameState) -> list[str]:
    """The General Assembly proposals of this stage that a motion for no action or a request
    for division can concern: drafts with a text, voted by every Member State."""
    stage = current_stage(world, state)
    return [m for m in stage.motions if world.motions[m].kind == "draft"
            and world.bodies[world.motions[m].body].members == "all"]


def _floor_motion(world: World, state: GameState, motion_id: str) -> Motion:
    if motion_id not in floor_motions(world, state):
        raise DecisionError(_("{motion} is not a General Assembly draft voted at this "
                              "stage").format(motion=repr(motion_id[:40])))
    return world.motions[motion_id]


def _requested(state: GameState, kind: str, motion: str, target: str = "") -> str | None:
    """The side that made a request of this kind, if one was made."""
    return next((s for k, s, m, t in state.requests if (k, m, t) == (kind, motion, target)),
                None)


def _request(state: GameState, *entry: str) -> GameState:
    return state.evolve(requests=tuple(sorted({*state.requests, tuple(entry)})))


# -- a motion for no action --------------------------------------------------------------------
def check_move_no_action(world: World, state: GameState, d: MoveNoAction) -> None:
    """Moving that no action be taken on a draft: by the side against it, once."""
    motion = _floor_motion(world, state, d.motion)
    if d.side != against_side(motion):
        raise DecisionError(_("a motion for no action is moved by those who want the draft "
                              "defeated"))
    if _requested(state, "no_action", d.motion):
        raise DecisionError(_("a motion for no action on this draft has already been moved"))
    afford(world, state, d.side, "no_action")


def effect_move_no_action(world: World, state: GameState, d: MoveNoAction,
                          rng: np.random.Generator) -> GameState:
    """The motion is put to the vote before the draft and its amendments."""
    state = _request(state, "no_action", d.side, d.motion, "")
    state = state.evolve(events=state.events + (
        said(world, d.side, N_("{side} moved that no action be taken on {motion}; it is voted "
                               "first."),
             N_("You moved that no action be taken on {motion}; it is voted first."),
             motion=world.motions[d.motion].symbol),))
    return spend(world, state, d.side, "no_action", rng)


def candidates_no_action(world: World, state: GameState, side: str) -> Iterator[Decision]:
    """A motion for no action on each draft of the stage."""
    for m in floor_motions(world, state):
        yield MoveNoAction(side, m)  # type: ignore[arg-type]


# -- division of the question ------------------------------------------------------------------
def check_request_separate_vote(world: World, state: GameState,
                                d: RequestSeparateVote) -> None:
    """A separate vote on an operative paragraph still in the draft, by the side against the
    draft's author (the sponsors own their text), once per paragraph."""
    motion = _floor_motion(world, state, d.motion)
    if d.side != against_side(motion):
        raise DecisionError(_("a separate vote is requested by those who want a paragraph out"))
    text_id = world.text_id(motion)
    para = next((p for p in world.scenario.spec.texts[text_id].paragraphs
                 if p.id == d.paragraph), None)
    if para is None or para.kind != "operative":
        raise DecisionError(_("{paragraph} is not an operative paragraph of this draft").format(
            paragraph=repr(d.paragraph[:40])))
    if d.paragraph not in state.text(text_id):
        raise DecisionError(_("that paragraph is no longer in the draft"))
    if _requested(state, "separate_vote", d.motion, d.paragraph):
        raise DecisionError(_("a separate vote on that paragraph has already been requested"))
    afford(world, state, d.side, "separate_vote")


def effect_request_separate_vote(world: World, state: GameState, d: RequestSeparateVote,
                                 rng: np.random.Generator) -> GameState:
    """The paragraph will be voted on its own before the draft, unless a motion for division
    is objected to and rejected."""
    state = _request(state, "separate_vote", d.side, d.motion, d.paragraph)
    state = state.evolve(events=state.events + (
        _("A separate vote is requested on {paragraph} of {motion}.").format(
            paragraph=paragraph_name(world, d.motion, d.paragraph),
            motion=world.motions[d.motion].symbol),))
    return spend(world, state, d.side, "separate_vote", rng)


def candidates_separate_vote(world: World, state: GameState, side: str) -> Iterator[Decision]:
    """A separate vote on each operative paragraph of each draft of the stage."""
    for m in floor_motions(world, state):
        text = world.scenario.spec.texts[world.text_id(world.motions[m])]
        for para in text.paragraphs:
            if para.kind == "operative":
                yield RequestSeparateVote(side, m, para.id)  # type: ignore[arg-type]


def check_object_to_division(world: World, state: GameState, d: ObjectToDivision) -> None:
    """Objecting to a requested separate vote: by the other side, once; it costs nothing but
    the turn (the motion for division is then voted first)."""
    if d.motion not in current_stage(world, state).motions:
        raise DecisionError(_("that separate vote is not before this stage"))
    requester = _requested(state, "separate_vote", d.motion, d.paragraph)
    if requester is None:
        raise DecisionError(_("no separate vote on that paragraph has been requested"))
    if d.side == requester:
        raise DecisionError(_("you cannot object to your own request"))
    if _requested(state, "objection", d.motion, d.paragraph):
        raise DecisionError(_("the request has already been objected to"))


def effect_object_to_division(world: World, state: GameState, d: ObjectToDivision,
                              rng: np.random.Generator) -> GameState:
    """The motion for division will be voted before the separate vote."""
    state = _request(state, "objection", d.side, d.motion, d.paragraph)
    state = state.evolve(events=state.events + (
        _("Objection to the separate vote on {paragraph}: the motion for division will be put "
          "to the vote first.").format(paragraph=paragraph_name(world, d.motion, d.paragraph)),))
    return hand_over(world, state, d.side, rng)


def candidates_objection(world: World, state: GameState, side: str) -> Iterator[Decision]:
    """An objection to each separate vote the other side requested at this stage."""
    stage = set(current_stage(world, state).motions)
    for kind, who, motion, para in state.requests:
        if kind == "separate_vote" and who != side and motion in stage:
            yield ObjectToDivision(side, motion, para)  # type: ignore[arg-type]


def paragraph_name(world: World, motion_id: str, paragraph: str) -> str:
    """'OP 8' for a paragraph of a motion's text."""
    text = world.scenario.spec.texts[world.text_id(world.motions[motion_id])]
    para = next(p for p in text.paragraphs if p.id == paragraph)
    return f"{'PP' if para.kind == 'preambular' else 'OP'} {para.number}"


# -- asking a permanent member to abstain ------------------------------------------------------
def council_motions(world: World, state: GameState) -> list[str]:
    """This stage's motions that a permanent member could veto."""
    stage = current_stage(world, state)
    return [m for m in stage.motions if world.rule(world.motions[m]).veto]


def check_ask_abstention(world: World, state: GameState, d: AskAbstention) -> None:
    """Asking a permanent member to abstain on a vetoable motion: by the side that wants it
    adopted, once per member and motion."""
    if d.motion not in council_motions(world, state):
        raise DecisionError(_("{motion} is not a motion a permanent member can veto at this "
                              "stage").format(motion=repr(d.motion[:40])))
    motion = world.motions[d.motion]
    if d.side == against_side(motion):
        raise DecisionError(_("only those who want the draft adopted ask for an abstention"))
    i = world.index.get(d.member)
    permanent = world.voters(motion.body)[world.permanent(motion.body)].tolist()
    if i is None or i not in permanent:
        raise DecisionError(_("{iso} is not a permanent member voting here").format(
            iso=repr(d.member[:12])))
    if _requested(state, "abstention", d.motion, d.member):
        raise DecisionError(_("you have already asked that delegation"))
    row = world.voters(motion.body).tolist().index(i)
    if probabilities(world, state, d.motion)[row, 1] < NO_VETO_IN_SIGHT:
        name = world.scenario.members[i].name
        raise DecisionError(_("{name} is not set to vote against; there is no veto to ask it "
                              "to withhold").format(name=name))
    afford(world, state, d.side, "ask_abstention")


def effect_ask_abstention(world: World, state: GameState, d: AskAbstention,
                          rng: np.random.Generator) -> GameState:
    """Granted only by a member not set on voting against (see ABSTENTION_THRESHOLD): it then
    abstains on that motion; a refusal costs the same."""
    motion = world.motions[d.motion]
    voters = world.voters(motion.body).tolist()
    p_no = float(probabilities(world, state, d.motion)[voters.index(world.index[d.member]), 1])
    name = world.scenario.members[world.index[d.member]].name
    state = _request(state, "abstention", d.side, d.motion, d.member)
    if p_no <= ABSTENTION_THRESHOLD:
        state = state.evolve(pledges=state.pledges | {f"{d.motion}@{d.member}"},
                             events=state.events + (
                                 _("{name} agrees to abstain on {motion}.").format(
                                     name=name, motion=motion.symbol),))
    else:
        state = state.evolve(events=state.events + (
            _("{name} refuses to abstain on {motion} (P(against) {p:.0%}).").format(
                name=name, motion=motion.symbol, p=p_no),))
    return spend(world, state, d.side, "ask_abstention", rng)


def candidates_abstention(world: World, state: GameState, side: str) -> Iterator[Decision]:
    """An abstention asked of each permanent member on each vetoable motion."""
    for m in council_motions(world, state):
        body = world.motions[m].body
        for i in world.voters(body)[world.permanent(body)]:
            yield AskAbstention(side, world.iso[int(i)], m)  # type: ignore[arg-type]
