"""What each legal decision does: a table of pure functions (state, decision, rng) -> state."""
from __future__ import annotations

import numpy as np

from ..decisions import (AddressGroup, Lobby, Pass, ProceedToVote, ReviseText, RespondToOffer,
                         SeekCosponsor, TableMotion)
from ..state import GameState
from .checks import SPONSORED_KINDS, _draft_text, current_stage
from .motions import probabilities
from .voting import hold_stage, set_wording

#: How events name the groups a side can address.
GROUP_NAMES = {"African": "African Group", "Asia-Pacific": "Asia-Pacific Group",
               "Eastern European": "Eastern European Group",
               "Latin American and Caribbean": "Latin American and Caribbean Group",
               "Western European and Others": "Western European and Others Group",
               "EU": "European Union", "OIC": "Organisation of Islamic Cooperation",
               "NAM": "Non-Aligned Movement", "AU": "African Union", "ASEAN": "ASEAN"}

#: A delegation agrees to co-sponsor when its P(in favour) of the draft is at least this.
COSPONSOR_THRESHOLD = 0.8


def _spend(state: GameState, side: str, cost_name: str, rng: np.random.Generator) -> GameState:
    """Pay for a move, then hand the turn over; in the last approaches before a vote the
    opposition keeps the floor until it has nothing left, and then the vote is held."""
    cost = getattr(state.world.scenario.spec.costs, cost_name)
    budgets = tuple((s, c - cost.capital, d - cost.days) if s == side else (s, c, d)
                    for s, c, d in state.budgets)
    state = state.evolve(budgets=budgets)
    if state.closing:
        return state if _can_act(state, "opposition") else _close(state, rng)
    other = "opposition" if side == "sponsors" else "sponsors"
    return state.evolve(to_move=other if _can_act(state, other) else "sponsors")


def _close(state: GameState, rng: np.random.Generator) -> GameState:
    """The chair closes the debate: the stage's votes."""
    return hold_stage(state.evolve(closing=False), rng)


def _can_act(state: GameState, side: str) -> bool:
    if side == "sponsors":
        return True
    lobby = state.world.scenario.spec.costs.lobby
    capital, days = state.budget(side)
    return capital >= lobby.capital and days >= lobby.days


def _add_move(state: GameState, key: tuple[str, str, str, str]) -> GameState:
    moves = dict(state.moves)
    moves[key] = moves.get(key, 0) + 1
    return state.evolve(moves=tuple(sorted(moves.items())))


def _name(state: GameState, iso: str) -> str:
    return state.world.scenario.members[state.world.index[iso]].name


def _who(side: str) -> str:
    return "You" if side == "sponsors" else "The opposition"


def _argument(state: GameState, argument: str) -> str:
    return next(a.label for a in state.world.scenario.spec.arguments if a.id == argument)


def _lobby(state: GameState, d: Lobby, rng) -> GameState:
    state = _add_move(state, (d.side, "member", d.member, d.argument))
    state = state.evolve(events=state.events + (
        f"{_who(d.side)} lobbied {_name(state, d.member)}: {_argument(state, d.argument)}.",))
    return _spend(state, d.side, "lobby", rng)


def _address_group(state: GameState, d: AddressGroup, rng) -> GameState:
    state = _add_move(state, (d.side, "group", d.group, d.argument))
    state = state.evolve(events=state.events + (
        f"{_who(d.side)} addressed the {GROUP_NAMES.get(d.group, d.group)}: "
        f"{_argument(state, d.argument)}.",))
    return _spend(state, d.side, "address_group", rng)


def _revise_text(state: GameState, d: ReviseText, rng) -> GameState:
    _, text_id = _draft_text(state)
    wording = state.text(text_id)
    if d.variant == "absent":
        wording.pop(d.paragraph, None)
    else:
        wording[d.paragraph] = d.variant
    state = set_wording(state, text_id, wording)
    para = next(p for t in state.world.scenario.spec.texts.values() for p in t.paragraphs
                if p.id == d.paragraph)
    kind = "PP" if para.kind == "preambular" else "OP"
    change = "dropped" if d.variant == "absent" else f"now reads: {d.variant}"
    state = state.evolve(events=state.events + (f"You revised {kind} {para.number}: {change}.",))
    return _spend(state, d.side, "revise_text", rng)


def _seek_cosponsor(state: GameState, d: SeekCosponsor, rng) -> GameState:
    world = state.world
    stage = current_stage(state)
    draft = next(m for m in stage.motions if world.motions[m].kind in SPONSORED_KINDS
                 and world.motions[m].kind != "amendment")
    voters = world.voters(world.motions[draft].body).tolist()
    p_yes = probabilities(state, draft)[voters.index(world.index[d.member]), 0]
    name = _name(state, d.member)
    if p_yes >= COSPONSOR_THRESHOLD:
        state = state.evolve(cosponsors=state.cosponsors | {d.member},
                             events=state.events + (f"{name} joins the co-sponsors.",))
    else:
        state = state.evolve(declined=state.declined | {d.member}, events=state.events + (
            f"{name} declines to co-sponsor (P(in favour) {p_yes:.0%}).",))
    return _spend(state, d.side, "seek_cosponsor", rng)


def _respond_to_offer(state: GameState, d: RespondToOffer, rng) -> GameState:
    offer = next(o for o in state.world.scenario.spec.offers if o.id == d.offer)
    state = state.evolve(offers=tuple(sorted(dict(state.offers, **{d.offer: d.accept}).items())))
    if not d.accept:
        return state.evolve(events=state.events + (f"You refused the offer of {offer.by}.",))
    _, text_id = _draft_text(state)
    text = state.world.scenario.spec.texts[text_id]
    first = {p.id: p.variants[0].id for p in text.paragraphs}
    wording = {p: v for p, v in state.text(text_id).items() if p not in offer.drop}
    wording.update({p: first[p] for p in offer.add if p in first})
    state = set_wording(state, text_id, wording)
    return state.evolve(events=state.events + (f"You accepted the offer of {offer.by}.",))


def _table_motion(state: GameState, d: TableMotion, rng) -> GameState:
    tabled = state.tabled | {d.motion} if d.table else state.tabled - {d.motion}
    motion = state.world.motions[d.motion]
    verb = "will put to the vote" if d.table else "hold back"
    return state.evolve(tabled=tabled, events=state.events + (
        f"You {verb} {motion.title} ({motion.symbol}).",))


def _proceed(state: GameState, d: ProceedToVote, rng: np.random.Generator) -> GameState:
    """The sponsors stop lobbying; the opposition works the room until the vote."""
    if not _can_act(state, "opposition"):
        return hold_stage(state, rng)
    return state.evolve(closing=True, to_move="opposition", events=state.events + (
        "You ask for the vote. Until it is called, the opposition makes its last approaches.",))


def _pass(state: GameState, d: Pass, rng: np.random.Generator) -> GameState:
    return _close(state, rng) if state.closing else state.evolve(to_move="sponsors")


EFFECTS = {Lobby: _lobby, AddressGroup: _address_group, ReviseText: _revise_text,
           SeekCosponsor: _seek_cosponsor, RespondToOffer: _respond_to_offer,
           TableMotion: _table_motion, ProceedToVote: _proceed, Pass: _pass}
