"""Players that choose among legal decisions: the opposition bot and test players.

Every bot is deterministic given the state and the Generator it is handed; the session gives
bots their own Generator (spawned from the session seed) so that watching a forecast or a
bot's deliberation never shifts the ballots.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from .decisions import (AddressGroup, Decision, Lobby, Pass, ProceedToVote, ReviseText,
                        RespondToOffer, SeekCosponsor, TableMotion)
from .rules import is_legal
from .rules.checks import current_stage
from .rules.motions import probabilities, motion_forecast
from .state import GameState
from .votes.lobbying import GROUP_COLUMNS, argument_effect, group_mask

Bot = Callable[[GameState, str, np.random.Generator], Decision]


def target_motion(state: GameState) -> str:
    """The motion a lobbying move is aimed at: the stage's last non-amendment motion put to
    the vote for sure (the draft, or the agenda at the Council)."""
    world = state.world
    stage = current_stage(state)
    ids = [m for m in world.stage_order(stage) if world.motions[m].kind != "amendment"
           and not world.motions[m].optional]
    return ids[-1] if ids else stage.motions[-1]


def lobby_candidates(state: GameState, side: str) -> list[tuple[float, Decision]]:
    """(score, decision) for every lobbying move of ``side``: expected shift in the target
    motion's yes (sponsors) or against+abstain (opposition) per unit of capital."""
    world = state.world
    motion = target_motion(state)
    voters = world.voters(world.motions[motion].body)
    p_yes = probabilities(state, motion)[:, 0]
    slope = np.zeros(len(world.iso))
    slope[voters] = p_yes * (1.0 - p_yes)                     # dP(yes)/dlatent
    decay = world.model.coefficients.lobby_decay
    costs = world.scenario.spec.costs
    out: list[tuple[float, Decision]] = []
    for arg in (a for a in world.scenario.spec.arguments if a.side == side):
        effect = argument_effect(world.model, world.scenario, arg.id) * slope
        for i in voters[np.argsort(-effect[voters])[:12]]:
            times = state.times((side, "member", world.iso[i], arg.id))
            out.append((float(effect[i] * decay ** times) / max(costs.lobby.capital, 1),
                        Lobby(side, world.iso[i], arg.id)))
        for group in GROUP_COLUMNS:
            gain = float(effect[group_mask(world.model, group)].sum()
                         * world.model.coefficients.group_share)
            times = state.times((side, "group", group, arg.id))
            out.append((gain * decay ** times / max(costs.address_group.capital, 1),
                        AddressGroup(side, group, arg.id)))
    return sorted(out, key=lambda t: -t[0])


def greedy(state: GameState, side: str, rng: np.random.Generator) -> Decision:
    """Best lobbying move by expected gain per capital; Council tactics; then proceed/pass."""
    if side == "sponsors":
        for d in _sponsor_housekeeping(state):
            if is_legal(state, d):
                return d
    for _, d in lobby_candidates(state, side):
        if is_legal(state, d):
            return d
    return ProceedToVote(side) if side == "sponsors" else Pass(side)


def _sponsor_housekeeping(state: GameState) -> list[Decision]:
    """Table an optional motion when the forecast says it passes, or when an objective
    rewards putting it on record even if it fails; answer offers (refuse)."""
    world = state.world
    stage = current_stage(state)
    out: list[Decision] = []
    for offer in world.scenario.spec.offers:
        if offer.stage == stage.id and offer.id not in dict(state.offers):
            out.append(RespondToOffer("sponsors", offer.id, False))
    rewarded = {o.motion for o in world.scenario.spec.objectives
                if {"vetoed", "rejected"} & set(o.outcome)}
    for m in stage.motions:
        if world.motions[m].optional:
            f = motion_forecast(state, m, np.random.default_rng(0), 2000)
            want = f.p_adopted >= 0.5 or m in rewarded
            if want != (m in state.tabled):
                out.append(TableMotion("sponsors", m, want))
    return out


def passive(state: GameState, side: str, rng: np.random.Generator) -> Decision:
    """Does nothing: the sponsors go straight to the vote, the opposition passes."""
    return ProceedToVote(side) if side == "sponsors" else Pass(side)


def random_player(state: GameState, side: str, rng: np.random.Generator) -> Decision:
    """A uniformly random legal decision among a broad sample of candidates."""
    world = state.world
    stage = current_stage(state)
    voters = world.voters(stage.body)
    args = [a.id for a in world.scenario.spec.arguments if a.side == side]
    cands: list[Decision] = [Lobby(side, world.iso[i], a) for i in voters for a in args]
    cands += [AddressGroup(side, g, a) for g in GROUP_COLUMNS for a in args]
    if side == "sponsors":
        for text in world.scenario.spec.texts.values():
            for p in text.paragraphs:
                if p.editable:
                    cands += [ReviseText(side, p.id, v.id) for v in p.variants]
                    cands.append(ReviseText(side, p.id, "absent"))
        cands += [SeekCosponsor(side, world.iso[i]) for i in voters]
        cands += [RespondToOffer(side, o.id, bool(b)) for o in world.scenario.spec.offers
                  for b in (0, 1)]
        cands += [TableMotion(side, m, bool(b)) for m in stage.motions for b in (0, 1)]
        cands += [ProceedToVote(side)] * 8
    else:
        cands.append(Pass(side))
    order = rng.permutation(len(cands))
    for k in order:
        if is_legal(state, cands[k]):
            return cands[k]
    return ProceedToVote(side) if side == "sponsors" else Pass(side)


#: Bot name -> player function; the CLI and the tests choose through this table.
BOTS: dict[str, Bot] = {"passive": passive, "random": random_player, "greedy": greedy}
