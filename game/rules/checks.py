"""Legality of each decision type: one check per type, each raising DecisionError (the table
that dispatches to them is ``legal.DECISION_RULES``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

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
    TimeUp,
)
from ..scenario.models import Stage, Text
from ..state import GameState
from ..votes.lobbying import GROUP_COLUMNS, group_mask

if TYPE_CHECKING:
    from .world import World


def current_stage(world: World, state: GameState) -> Stage:
    """The stage being played (raises IndexError once the game is over)."""
    return world.stages[state.stage]


def common(world: World, state: GameState, decision: Decision) -> None:
    """Raise if the game is over or it is not ``decision``'s side's turn."""
    if state.finished:
        raise DecisionError("the game is over")
    if decision.side != state.to_move:
        raise DecisionError(f"it is the {state.to_move}' turn, not the {decision.side}'"
                            .replace("opposition'", "opposition's"))


def afford(world: World, state: GameState, side: str, cost_name: str) -> None:
    """Raise unless ``side`` can pay for a move of kind ``cost_name`` (a key of ``costs``)."""
    cost = getattr(world.scenario.spec.costs, cost_name)
    capital, days = state.budget(side)
    if capital < cost.capital or days < cost.days:
        raise DecisionError(f"not enough diplomatic capital or days left ({capital} capital, "
                            f"{days} days; this needs {cost.capital} and {cost.days})")


def known_argument(world: World, side: str, argument: str) -> None:
    """Raise unless ``argument`` is one of ``side``'s arguments."""
    arg = next((a for a in world.scenario.spec.arguments if a.id == argument), None)
    if arg is None:
        raise DecisionError(f"unknown argument {argument[:40]!r}")
    if arg.side != side:
        raise DecisionError(f"argument {argument!r} belongs to the {arg.side}")


def voter(world: World, state: GameState, iso: str) -> int:
    """The member index of a delegation that may be lobbied here; raise otherwise."""
    if iso not in world.index:
        raise DecisionError(f"unknown delegation {iso[:12]!r}")
    i = world.index[iso]
    body = current_stage(world, state).body
    if not world.votes_in(body, i):
        raise DecisionError(f"{iso} does not vote in the {body}")
    if iso in world.leaders:
        raise DecisionError(f"{iso} leads one of the two sides; it cannot be lobbied")
    return i


def check_lobby(world: World, state: GameState, d: Lobby) -> None:
    """Lobbying one delegation."""
    voter(world, state, d.member)
    known_argument(world, d.side, d.argument)
    afford(world, state, d.side, "lobby")


def check_address_group(world: World, state: GameState, d: AddressGroup) -> None:
    """Addressing a regional group or bloc."""
    if d.group not in GROUP_COLUMNS:
        raise DecisionError(f"unknown group {d.group[:40]!r}; one of {', '.join(GROUP_COLUMNS)}")
    voters = world.voters(current_stage(world, state).body)
    if not group_mask(world.model, d.group)[voters].any():
        raise DecisionError(f"no member of the {d.group} votes here")
    known_argument(world, d.side, d.argument)
    afford(world, state, d.side, "address_group")


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


def check_revise_text(world: World, state: GameState, d: ReviseText) -> None:
    """Revising a paragraph of the sponsors' draft."""
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
    afford(world, state, d.side, "revise_text")


def check_seek_cosponsor(world: World, state: GameState, d: SeekCosponsor) -> None:
    """Asking a delegation to co-sponsor."""
    if d.side != "sponsors":
        raise DecisionError("only the sponsors seek co-sponsors")
    draft_text(world, state)
    voter(world, state, d.member)
    initial = world.scenario.spec.sides["sponsors"].cosponsors
    if d.member in state.cosponsors or d.member in initial:
        raise DecisionError(f"{d.member} is already a co-sponsor")
    if d.member in state.declined:
        raise DecisionError(f"{d.member} has already declined")
    afford(world, state, d.side, "seek_cosponsor")


def check_respond_to_offer(world: World, state: GameState, d: RespondToOffer) -> None:
    """Answering an offer."""
    offer = next((o for o in world.scenario.spec.offers if o.id == d.offer), None)
    if offer is None:
        raise DecisionError(f"unknown offer {d.offer!r}")
    if d.side != offer.to:
        raise DecisionError(f"offers are made to the {offer.to}")
    if offer.stage != current_stage(world, state).id:
        raise DecisionError(f"offer {d.offer!r} is not on the table at this stage")
    if d.offer in dict(state.offers):
        raise DecisionError("you have already answered this offer")
    if d.accept and offer.cost is not None:
        capital, days = state.budget(d.side)
        if capital < offer.cost.capital or days < offer.cost.days:
            raise DecisionError(f"not enough diplomatic capital or days left to accept "
                                f"({capital} capital, {days} days; accepting needs "
                                f"{offer.cost.capital} and {offer.cost.days})")


def check_table_motion(world: World, state: GameState, d: TableMotion) -> None:
    """Tabling or holding back an optional motion."""
    motion = world.motions.get(d.motion)
    owner = motion.tabled_by if motion is not None else "sponsors"
    if d.side != owner:
        raise DecisionError(f"only the {owner} decide what to table")
    if motion is None or not motion.optional or d.motion not in current_stage(world, state).motions:
        raise DecisionError(f"{d.motion!r} is not a motion you may table or hold back here")
    # An event that asks whether to table the motion is where that is decided: tabling it
    # by hand afterwards would undo "hold it back" (and make that answer a dead choice).
    event = world.tabling_event(d.motion, current_stage(world, state).id)
    if event is not None:
        raise DecisionError(f"whether {d.motion!r} is put to the vote is your answer to "
                            f"{event.by}'s event {event.id!r}")
    if (d.motion in state.tabled) == d.table:
        raise DecisionError("nothing changes")


def check_proceed(world: World, state: GameState, d: ProceedToVote) -> None:
    """Asking for the vote."""
    if d.side != "sponsors":
        raise DecisionError("the sponsors decide when to go to the vote")


def check_pass(world: World, state: GameState, d: Pass) -> None:
    """Passing the turn."""
    if d.side != "opposition":
        raise DecisionError("the sponsors end their lobbying by proceeding to the vote")


def check_time_up(world: World, state: GameState, d: TimeUp) -> None:
    """A turn's time can run out only in a game with a turn timer."""
    if not state.timed:
        raise DecisionError("this game has no turn timer: no turn's time can run out")
