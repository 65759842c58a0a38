"""Legality of each decision type: a table of checks, each raising DecisionError."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..decisions import (
    AddressGroup,
    Decision,
    DecisionError,
    Lobby,
    Pass,
    ProceedToVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    TableMotion,
)
from ..scenario.models import Stage, Text
from ..state import GameState
from ..votes.lobbying import GROUP_COLUMNS, group_mask
from .phases import PHASES

if TYPE_CHECKING:
    from .world import World


def current_stage(world: World, state: GameState) -> Stage:
    """The stage being played (raises IndexError once the game is over)."""
    return world.stages[state.stage]


def _common(world: World, state: GameState, decision: Decision) -> None:
    if state.finished:
        raise DecisionError("the game is over")
    if decision.side != state.to_move:
        raise DecisionError(f"it is the {state.to_move}' turn, not the {decision.side}'"
                            .replace("opposition'", "opposition's"))


def _afford(world: World, state: GameState, side: str, cost_name: str) -> None:
    cost = getattr(world.scenario.spec.costs, cost_name)
    capital, days = state.budget(side)
    if capital < cost.capital or days < cost.days:
        raise DecisionError(f"not enough diplomatic capital or days left ({capital} capital, "
                            f"{days} days; this needs {cost.capital} and {cost.days})")


def _argument(world: World, side: str, argument: str) -> None:
    arg = next((a for a in world.scenario.spec.arguments if a.id == argument), None)
    if arg is None:
        raise DecisionError(f"unknown argument {argument[:40]!r}")
    if arg.side != side:
        raise DecisionError(f"argument {argument!r} belongs to the {arg.side}")


def _voter(world: World, state: GameState, iso: str) -> int:
    if iso not in world.index:
        raise DecisionError(f"unknown delegation {iso[:12]!r}")
    i = world.index[iso]
    body = current_stage(world, state).body
    if not world.votes_in(body, i):
        raise DecisionError(f"{iso} does not vote in the {body}")
    if iso in world.leaders:
        raise DecisionError(f"{iso} leads one of the two sides; it cannot be lobbied")
    return i


def _lobby(world: World, state: GameState, d: Lobby) -> None:
    _voter(world, state, d.member)
    _argument(world, d.side, d.argument)
    _afford(world, state, d.side, "lobby")


def _address_group(world: World, state: GameState, d: AddressGroup) -> None:
    if d.group not in GROUP_COLUMNS:
        raise DecisionError(f"unknown group {d.group[:40]!r}; one of {', '.join(GROUP_COLUMNS)}")
    voters = world.voters(current_stage(world, state).body)
    if not group_mask(world.model, d.group)[voters].any():
        raise DecisionError(f"no member of the {d.group} votes here")
    _argument(world, d.side, d.argument)
    _afford(world, state, d.side, "address_group")


#: Motions whose text the sponsors own: they may revise it and gather co-sponsors for it.
SPONSORED_KINDS = ("draft", "amendment", "substantive")


def draft_text(world: World, state: GameState) -> tuple[Text, str]:
    """The text the sponsors own at this stage and its id; DecisionError if there is none."""
    stage = current_stage(world, state)
    texts = {world.text_id(world.motions[m]) for m in stage.motions
             if world.motions[m].kind in SPONSORED_KINDS}
    if not texts:
        raise DecisionError("there is no draft to revise or co-sponsor at this stage")
    return world.scenario.spec.texts[sorted(texts)[0]], sorted(texts)[0]


def _revise_text(world: World, state: GameState, d: ReviseText) -> None:
    if d.side != "sponsors":
        raise DecisionError("only the sponsors revise their draft")
    text, text_id = draft_text(world, state)
    voted = next((r for r in state.results
                  if r.ballots and world.motions[r.motion].kind != "amendment"
                  and world.text_id(world.motions[r.motion]) == text_id), None)
    if voted is not None:
        body = world.bodies[world.motions[voted.motion].body].name
        raise DecisionError(f"the {body} has already voted on this text; from now on it can "
                            "only be changed by an amendment from the floor")
    para = next((p for p in text.paragraphs if p.id == d.paragraph), None)
    if para is None or not para.editable:
        raise DecisionError(f"paragraph {d.paragraph!r} cannot be revised")
    if d.variant != "absent" and d.variant not in {v.id for v in para.variants}:
        raise DecisionError(f"paragraph {d.paragraph!r} has no wording {d.variant!r}")
    if state.text(text_id).get(d.paragraph, "absent") == d.variant:
        raise DecisionError("the paragraph already reads that way")
    _afford(world, state, d.side, "revise_text")


def _seek_cosponsor(world: World, state: GameState, d: SeekCosponsor) -> None:
    if d.side != "sponsors":
        raise DecisionError("only the sponsors seek co-sponsors")
    draft_text(world, state)
    _voter(world, state, d.member)
    initial = world.scenario.spec.sides["sponsors"].cosponsors
    if d.member in state.cosponsors or d.member in initial:
        raise DecisionError(f"{d.member} is already a co-sponsor")
    if d.member in state.declined:
        raise DecisionError(f"{d.member} has already declined")
    _afford(world, state, d.side, "seek_cosponsor")


def _respond_to_offer(world: World, state: GameState, d: RespondToOffer) -> None:
    offer = next((o for o in world.scenario.spec.offers if o.id == d.offer), None)
    if offer is None:
        raise DecisionError(f"unknown offer {d.offer!r}")
    if d.side != "sponsors":
        raise DecisionError("offers are made to the sponsors")
    if offer.stage != current_stage(world, state).id:
        raise DecisionError(f"offer {d.offer!r} is not on the table at this stage")
    if d.offer in dict(state.offers):
        raise DecisionError("you have already answered this offer")


def _table_motion(world: World, state: GameState, d: TableMotion) -> None:
    motion = world.motions.get(d.motion)
    if d.side != "sponsors":
        raise DecisionError("only the sponsors decide what to table")
    if motion is None or not motion.optional or d.motion not in current_stage(world, state).motions:
        raise DecisionError(f"{d.motion!r} is not a motion you may table or hold back here")
    if (d.motion in state.tabled) == d.table:
        raise DecisionError("nothing changes")


def _proceed(world: World, state: GameState, d: ProceedToVote) -> None:
    if d.side != "sponsors":
        raise DecisionError("the sponsors decide when to go to the vote")


def _pass(world: World, state: GameState, d: Pass) -> None:
    if d.side != "opposition":
        raise DecisionError("the sponsors end their lobbying by proceeding to the vote")


#: Decision type -> its legality check; ``check`` dispatches through this table.
CHECKS: dict[type, Callable[[World, GameState, Any], None]] = {
    Lobby: _lobby, AddressGroup: _address_group, ReviseText: _revise_text,
    SeekCosponsor: _seek_cosponsor, RespondToOffer: _respond_to_offer,
    TableMotion: _table_motion, ProceedToVote: _proceed, Pass: _pass}


def check(world: World, state: GameState, decision: Decision) -> None:
    """Raise DecisionError if ``decision`` is not legal in ``state``; never changes anything."""
    check_fn = CHECKS.get(type(decision))
    if check_fn is None:
        raise DecisionError(f"not a decision: {decision!r}")
    _common(world, state, decision)
    check_fn(world, state, decision)
    phase = PHASES[state.phase]
    if type(decision) not in phase.decisions:     # the stage flow has the last word
        raise DecisionError(f"{decision.type} is not in order now ({phase.summary})")
