"""What each legal decision does: one pure function (world, state, decision, rng) -> state per
type (dispatched by ``legal.DECISION_RULES``). Turn-taking and the end of lobbying go through
the stage flow (``phases``)."""
from __future__ import annotations

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
    TimeUp,
)
from ..i18n import N_, _
from ..scenario.play_block import Offer
from ..state import GameState
from ..vocabulary import group_name
from .checks import SPONSORED_KINDS, current_stage, draft_text
from .motions import probabilities
from .pace import count_turn, has_turns
from .phases import can_act, enter
from .said import Said, said
from .voting import set_wording

if TYPE_CHECKING:
    from .world import World

#: A delegation agrees to co-sponsor when its P(in favour) of the draft is at least this
#: (an author's choice: a state puts its name on a text it is all but sure to vote for).
COSPONSOR_THRESHOLD = 0.8


def spend(world: World, state: GameState, side: str, cost_name: str,
           rng: np.random.Generator) -> GameState:
    """Pay for a move, then hand the turn over; in the opposition's last word it keeps the
    floor until it has nothing left, and then the vote is held."""
    cost = getattr(world.scenario.spec.costs, cost_name)
    budgets = tuple((s, c - cost.capital, d - cost.days) if s == side else (s, c, d)
                    for s, c, d in state.budgets)
    return hand_over(world, state.evolve(budgets=budgets), side, rng)


def hand_over(world: World, state: GameState, side: str, rng: np.random.Generator) -> GameState:
    """After a move by ``side`` (a turn taken, ``pace``): the other side's turn if it can act
    (else the sponsors'); sponsors who have taken all their turns have, in effect, asked for
    the vote; in the last word the opposition keeps the floor while it can, then the vote is
    held."""
    state = count_turn(state, side)
    if state.phase == "last_word":
        return state if can_act(world, state, "opposition") else enter(world, state, "voting", rng)
    if side == "sponsors" and not has_turns(state, "sponsors"):
        return enter(world, state.evolve(events=state.events + (
            said(world, "sponsors",
                 N_("{side} have taken their {n} turns: the chair calls the vote."),
                 N_("You have taken their {n} turns: the chair calls the vote."),
                 n=state.rounds),)), "last_word", rng)
    other = "opposition" if side == "sponsors" else "sponsors"
    return state.evolve(to_move=other if can_act(world, state, other) else "sponsors")


def _answer_words(world: World, side: str, offer: Offer, accept: bool) -> Said:
    """What the log says of ``side``'s answer: the scenario's own label for it ("Put the
    referral to the vote"), or "accepted / refused the offer of …" where the labels are the
    defaults."""
    label = offer.accept_label if accept else offer.refuse_label
    written = getattr(world.scenario, "written", world.scenario.spec)
    plain = next((o for o in written.offers if o.id == offer.id), offer)
    if (plain.accept_label if accept else plain.refuse_label) in ("Accept", "Refuse"):
        if accept:
            return said(world, side, N_("{side} accepted the offer of {by}."),
                        N_("You accepted the offer of {by}."), by=offer.by)
        return said(world, side, N_("{side} refused the offer of {by}."),
                    N_("You refused the offer of {by}."), by=offer.by)
    return said(world, side, N_("{side} answered {by}: {answer}."),
                N_("You answered {by}: {answer}."), by=offer.by,
                answer=label[:1].lower() + label[1:])


def _add_move(state: GameState, key: tuple[str, str, str, str]) -> GameState:
    moves = dict(state.moves)
    moves[key] = moves.get(key, 0) + 1
    return state.evolve(moves=tuple(sorted(moves.items())))


def _name(world: World, iso: str) -> str:
    return world.scenario.members[world.index[iso]].name


def _argument(world: World, argument: str) -> str:
    return next(a.label for a in world.scenario.spec.arguments if a.id == argument)


def effect_lobby(world: World, state: GameState, d: Lobby, rng: np.random.Generator) -> GameState:
    """Lobbying: the move is counted (goodwill follows from the count), then paid for."""
    state = _add_move(state, (d.side, "member", d.member, d.argument))
    state = state.evolve(events=state.events + (
        said(world, d.side, N_("{side} lobbied {member}: {argument}."),
             N_("You lobbied {member}: {argument}."), member=_name(world, d.member),
             argument=_argument(world, d.argument)),))
    return spend(world, state, d.side, "lobby", rng)


def effect_address_group(world: World, state: GameState, d: AddressGroup,
                   rng: np.random.Generator) -> GameState:
    """Addressing a group: counted like lobbying, paid for."""
    state = _add_move(state, (d.side, "group", d.group, d.argument))
    state = state.evolve(events=state.events + (
        said(world, d.side, N_("{side} addressed the {group}: {argument}."),
             N_("You addressed the {group}: {argument}."), group=group_name(d.group),
             argument=_argument(world, d.argument)),))
    return spend(world, state, d.side, "address_group", rng)


def effect_revise_text(world: World, state: GameState, d: ReviseText,
                 rng: np.random.Generator) -> GameState:
    """The paragraph takes its new wording (or goes)."""
    _text, text_id = draft_text(world, state)
    wording = state.text(text_id)
    if d.variant == "absent":
        wording.pop(d.paragraph, None)
    else:
        wording[d.paragraph] = d.variant
    state = set_wording(state, text_id, wording)
    para = next(p for t in world.scenario.spec.texts.values() for p in t.paragraphs
                if p.id == d.paragraph)
    name = f"{'PP' if para.kind == 'preambular' else 'OP'} {para.number}"
    told = (said(world, d.side, N_("{side} revised {paragraph}: dropped."),
                 N_("You revised {paragraph}: dropped."), paragraph=name)
            if d.variant == "absent" else
            said(world, d.side, N_("{side} revised {paragraph}: now reads: {variant}."),
                 N_("You revised {paragraph}: now reads: {variant}."), paragraph=name,
                 variant=d.variant))
    state = state.evolve(events=state.events + (told,))
    return spend(world, state, d.side, "revise_text", rng)


def effect_seek_cosponsor(world: World, state: GameState, d: SeekCosponsor,
                    rng: np.random.Generator) -> GameState:
    """The delegation joins if it is all but sure to vote for the draft, else declines."""
    stage = current_stage(world, state)
    draft = next(m for m in stage.motions if world.motions[m].kind in SPONSORED_KINDS
                 and world.motions[m].kind != "amendment")
    voters = world.voters(world.motions[draft].body).tolist()
    p_yes = probabilities(world, state, draft)[voters.index(world.index[d.member]), 0]
    name = _name(world, d.member)
    if p_yes >= COSPONSOR_THRESHOLD:
        state = state.evolve(cosponsors=state.cosponsors | {d.member},
                             events=state.events + (
                                 _("{name} joins the co-sponsors.").format(name=name),))
    else:
        state = state.evolve(declined=state.declined | {d.member}, events=state.events + (
            _("{name} declines to co-sponsor (P(in favour) {p:.0%}).").format(
                name=name, p=p_yes),))
    return spend(world, state, d.side, "seek_cosponsor", rng)


def effect_respond_to_offer(world: World, state: GameState, d: RespondToOffer,
                      rng: np.random.Generator) -> GameState:
    """An accepted offer is paid for (if it costs anything) and changes the text as it says;
    the goodwill either answer brings follows from the answer recorded (``votes.lobbying``)."""
    offer = next(o for o in world.scenario.spec.offers if o.id == d.offer)
    state = state.evolve(offers=tuple(sorted(dict(state.offers, **{d.offer: d.accept}).items())))
    answer = _answer_words(world, d.side, offer, d.accept)
    if not d.accept:
        held = state.tabled - set(offer.tables)     # refusing such an event holds them back
        return state.evolve(tabled=held, events=state.events + (answer,))
    if offer.cost is not None:
        budgets = tuple((s, c - offer.cost.capital, n - offer.cost.days) if s == d.side
                        else (s, c, n) for s, c, n in state.budgets)
        state = state.evolve(budgets=budgets)
    if offer.tables:
        state = state.evolve(tabled=state.tabled | set(offer.tables))
    if not offer.drop and not offer.add:
        return state.evolve(events=state.events + (answer,))
    _text, text_id = draft_text(world, state)
    text = world.scenario.spec.texts[text_id]
    first = {p.id: p.variants[0].id for p in text.paragraphs}
    wording = {p: v for p, v in state.text(text_id).items() if p not in offer.drop}
    wording.update({p: first[p] for p in offer.add if p in first})
    state = set_wording(state, text_id, wording)
    return state.evolve(events=state.events + (answer,))


def effect_table_motion(world: World, state: GameState, d: TableMotion,
                  rng: np.random.Generator) -> GameState:
    """The optional motion is put on (or taken off) the stage's votes."""
    tabled = state.tabled | {d.motion} if d.table else state.tabled - {d.motion}
    motion = world.motions[d.motion]
    told = (said(world, d.side, N_("{side} will put to the vote {title} ({symbol})."),
                 N_("You will put to the vote {title} ({symbol})."), title=motion.title,
                 symbol=motion.symbol) if d.table else
            said(world, d.side, N_("{side} hold back {title} ({symbol})."),
                 N_("You hold back {title} ({symbol})."), title=motion.title,
                 symbol=motion.symbol))
    return state.evolve(tabled=tabled, events=state.events + (told,))


def effect_proceed(world: World, state: GameState, d: ProceedToVote,
             rng: np.random.Generator) -> GameState:
    """The sponsors stop lobbying: the opposition's last word, then the vote."""
    return enter(world, state, "last_word", rng)


def effect_pass(world: World, state: GameState, d: Pass, rng: np.random.Generator) -> GameState:
    """The opposition passes (a turn taken): in its last word that closes the debate."""
    if state.phase == "last_word":
        return enter(world, state, "voting", rng)
    return count_turn(state, d.side).evolve(to_move="sponsors")


def effect_time_up(world: World, state: GameState, d: TimeUp,
                   rng: np.random.Generator) -> GameState:
    """A side's time for its turn ran out: the turn is taken, with nothing done. The
    opposition's is a pass; the sponsors lose a day of the stage's (the chair moves on), and
    with none left the vote is called."""
    state = state.evolve(events=state.events + (
        said(world, d.side, N_("{side}: time is up for this turn."),
             N_("You: time is up for this turn.")),))
    if d.side == "opposition":
        return effect_pass(world, state, Pass("opposition"), rng)
    budgets = tuple((s, c, max(0, days - 1)) if s == d.side else (s, c, days)
                    for s, c, days in state.budgets)
    state = state.evolve(budgets=budgets)
    if state.budget(d.side)[1] == 0:
        return enter(world, count_turn(state, d.side), "last_word", rng)
    return hand_over(world, state, d.side, rng)
