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
from ..i18n import _
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
        raise DecisionError(_("the game is over"))
    if decision.side != state.to_move:
        raise DecisionError(_("it is the sponsors' turn, not the opposition's")
                            if state.to_move == "sponsors" else
                            _("it is the opposition's turn, not the sponsors'"))


def afford(world: World, state: GameState, side: str, cost_name: str) -> None:
    """Raise unless ``side`` can pay for a move of kind ``cost_name`` (a key of ``costs``)."""
    cost = getattr(world.scenario.spec.costs, cost_name)
    capital, days = state.budget(side)
    if capital < cost.capital or days < cost.days:
        raise DecisionError(_("not enough diplomatic capital or days left ({capital} capital, "
                              "{days} days; this needs {need_capital} and {need_days})").format(
            capital=capital, days=days, need_capital=cost.capital, need_days=cost.days))


def known_argument(world: World, side: str, argument: str) -> None:
    """Raise unless ``argument`` is one of ``side``'s arguments."""
    arg = next((a for a in world.scenario.spec.arguments if a.id == argument), None)
    if arg is None:
        raise DecisionError(_("unknown argument {argument}").format(argument=repr(argument[:40])))
    if arg.side != side:
        raise DecisionError((_("argument {argument} belongs to the sponsors")
                             if arg.side == "sponsors" else
                             _("argument {argument} belongs to the opposition")
                             if arg.side == "opposition" else
                             _("argument {argument} belongs to the {side}")).format(
            argument=repr(argument), side=arg.side))


def voter(world: World, state: GameState, iso: str) -> int:
    """The member index of a delegation that may be lobbied here; raise otherwise."""
    if iso not in world.index:
        raise DecisionError(_("unknown delegation {iso}").format(iso=repr(iso[:12])))
    i = world.index[iso]
    body = current_stage(world, state).body
    if not world.votes_in(body, i):
        raise DecisionError(_("{iso} does not vote in the {body}").format(iso=iso, body=body))
    if iso in world.leaders:
        raise DecisionError(_("{iso} leads one of the two sides; it cannot be lobbied").format(
            iso=iso))
    return i


def check_lobby(world: World, state: GameState, d: Lobby) -> None:
    """Lobbying one delegation."""
    voter(world, state, d.member)
    known_argument(world, d.side, d.argument)
    afford(world, state, d.side, "lobby")


def check_address_group(world: World, state: GameState, d: AddressGroup) -> None:
    """Addressing a regional group or bloc."""
    if d.group not in GROUP_COLUMNS:
        raise DecisionError(_("unknown group {group}; one of {groups}").format(
            group=repr(d.group[:40]), groups=", ".join(GROUP_COLUMNS)))
    voters = world.voters(current_stage(world, state).body)
    if not group_mask(world.model, d.group)[voters].any():
        raise DecisionError(_("no member of the {group} votes here").format(group=d.group))
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
        raise DecisionError(_("there is no draft to revise or co-sponsor at this stage"))
    return world.scenario.spec.texts[sorted(texts)[0]], sorted(texts)[0]


def check_revise_text(world: World, state: GameState, d: ReviseText) -> None:
    """Revising a paragraph of the sponsors' draft."""
    if d.side != "sponsors":
        raise DecisionError(_("only the sponsors revise their draft"))
    text, text_id = draft_text(world, state)
    voted = next((r for r in state.results
                  if r.ballots and world.motions[r.motion].kind != "amendment"
                  and world.text_id(world.motions[r.motion]) == text_id), None)
    if voted is not None:
        body = world.bodies[world.motions[voted.motion].body].name
        raise DecisionError(_("the {body} has already voted on this text; from now on it can "
                              "only be changed by an amendment from the floor").format(body=body))
    para = next((p for p in text.paragraphs if p.id == d.paragraph), None)
    if para is None or not para.editable:
        raise DecisionError(_("paragraph {paragraph} cannot be revised").format(
            paragraph=repr(d.paragraph)))
    if d.variant != "absent" and d.variant not in {v.id for v in para.variants}:
        raise DecisionError(_("paragraph {paragraph} has no wording {variant}").format(
            paragraph=repr(d.paragraph), variant=repr(d.variant)))
    if state.text(text_id).get(d.paragraph, "absent") == d.variant:
        raise DecisionError(_("the paragraph already reads that way"))
    afford(world, state, d.side, "revise_text")


def check_seek_cosponsor(world: World, state: GameState, d: SeekCosponsor) -> None:
    """Asking a delegation to co-sponsor."""
    if d.side != "sponsors":
        raise DecisionError(_("only the sponsors seek co-sponsors"))
    draft_text(world, state)
    voter(world, state, d.member)
    initial = world.scenario.spec.sides["sponsors"].cosponsors
    if d.member in state.cosponsors or d.member in initial:
        raise DecisionError(_("{iso} is already a co-sponsor").format(iso=d.member))
    if d.member in state.declined:
        raise DecisionError(_("{iso} has already declined").format(iso=d.member))
    afford(world, state, d.side, "seek_cosponsor")


def check_respond_to_offer(world: World, state: GameState, d: RespondToOffer) -> None:
    """Answering an offer."""
    offer = next((o for o in world.scenario.spec.offers if o.id == d.offer), None)
    if offer is None:
        raise DecisionError(_("unknown offer {offer}").format(offer=repr(d.offer)))
    if d.side != offer.to:
        raise DecisionError(_("offers are made to the sponsors") if offer.to == "sponsors"
                            else _("offers are made to the opposition"))
    if offer.stage != current_stage(world, state).id:
        raise DecisionError(_("offer {offer} is not on the table at this stage").format(
            offer=repr(d.offer)))
    if d.offer in dict(state.offers):
        raise DecisionError(_("you have already answered this offer"))
    if d.accept and offer.cost is not None:
        capital, days = state.budget(d.side)
        if capital < offer.cost.capital or days < offer.cost.days:
            raise DecisionError(_("not enough diplomatic capital or days left to accept "
                                  "({capital} capital, {days} days; accepting needs "
                                  "{need_capital} and {need_days})").format(
                capital=capital, days=days, need_capital=offer.cost.capital,
                need_days=offer.cost.days))


def check_table_motion(world: World, state: GameState, d: TableMotion) -> None:
    """Tabling or holding back an optional motion."""
    motion = world.motions.get(d.motion)
    owner = motion.tabled_by if motion is not None else "sponsors"
    if d.side != owner:
        raise DecisionError(_("only the sponsors decide what to table") if owner == "sponsors"
                            else _("only the opposition decide what to table"))
    if motion is None or not motion.optional or d.motion not in current_stage(world, state).motions:
        raise DecisionError(_("{motion} is not a motion you may table or hold back here").format(
            motion=repr(d.motion)))
    # An event that asks whether to table the motion is where that is decided: tabling it
    # by hand afterwards would undo "hold it back" (and make that answer a dead choice).
    event = world.tabling_event(d.motion, current_stage(world, state).id)
    if event is not None:
        raise DecisionError(_("whether {motion} is put to the vote is your answer to "
                              "{by}'s event {event}").format(
            motion=repr(d.motion), by=event.by, event=repr(event.id)))
    if (d.motion in state.tabled) == d.table:
        raise DecisionError(_("nothing changes"))


def check_proceed(world: World, state: GameState, d: ProceedToVote) -> None:
    """Asking for the vote."""
    if d.side != "sponsors":
        raise DecisionError(_("the sponsors decide when to go to the vote"))


def check_pass(world: World, state: GameState, d: Pass) -> None:
    """Passing the turn."""
    if d.side != "opposition":
        raise DecisionError(_("the sponsors end their lobbying by proceeding to the vote"))


def check_time_up(world: World, state: GameState, d: TimeUp) -> None:
    """A turn's time can run out only in a game with a turn timer."""
    if not state.timed:
        raise DecisionError(_("this game has no turn timer: no turn's time can run out"))
