"""Players that choose among the legal decisions: the opposition bot and test players.

A bot is ``bot(rules, state, side, rng) -> Decision`` and picks from
``rules.legal_decisions(state)``. Every bot is deterministic given the state and the Generator
it is handed; the session gives bots their own Generator (spawned from the session seed) so
that watching a forecast or a bot's deliberation never shifts the ballots.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .decisions import (
    AddressGroup,
    Decision,
    Lobby,
    Pass,
    ProceedToVote,
    RespondToOffer,
    SeekCosponsor,
    TableMotion,
    TimeUp,
)
from .rules import Rules
from .rules.effects import COSPONSOR_THRESHOLD
from .state import GameState
from .votes.lobbying import GROUP_COLUMNS, argument_effect, group_mask

Bot = Callable[[Rules, GameState, str, np.random.Generator], Decision]


def lobby_candidates(rules: Rules, state: GameState, side: str,
                     motion: str | None = None) -> list[tuple[float, Decision]]:
    """(score, decision) for the most promising lobbying moves of ``side``, best first:
    expected shift in ``motion``'s yes (by default the target motion's; sponsors) or
    against+abstain (opposition) per unit of capital. Not all of them need be legal;
    ``greedy`` keeps the legal ones."""
    world = rules.world
    motion = motion or rules.target_motion(state)
    voters = world.voters(world.motions[motion].body)
    p_yes = rules.probabilities(state, motion)[:, 0]
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
                        Lobby(side, world.iso[i], arg.id)))  # type: ignore[arg-type]
        for group in GROUP_COLUMNS:
            gain = float(effect[group_mask(world.model, group)].sum()
                         * world.model.coefficients.group_share)
            times = state.times((side, "group", group, arg.id))
            out.append((gain * decay ** times / max(costs.address_group.capital, 1),
                        AddressGroup(side, group, arg.id)))  # type: ignore[arg-type]
    return sorted(out, key=lambda t: -t[0])


def playable(rules: Rules, state: GameState) -> list[Decision]:
    """The legal decisions a player chooses among: all but the chair's ``time_up`` (a turn
    timer running out is not a move anyone makes)."""
    return [d for d in rules.legal_decisions(state) if not isinstance(d, TimeUp)]


def _fallback(side: str) -> Decision:
    return ProceedToVote(side) if side == "sponsors" else Pass(side)  # type: ignore[arg-type]


def greedy(rules: Rules, state: GameState, side: str, rng: np.random.Generator) -> Decision:
    """Best lobbying move by expected gain per capital; Council tactics; then proceed/pass."""
    legal = set(playable(rules, state))
    housekeeping = (_sponsor_housekeeping(rules, state) if side == "sponsors"
                    else _answers(rules, state, side))
    for d in housekeeping:
        if d in legal:
            return d
    for _, d in lobby_candidates(rules, state, side):
        if d in legal:
            return d
    return _fallback(side)


def _answers(rules: Rules, state: GameState, side: str,
             tabling: bool = True) -> list[Decision]:
    """Refuse every offer put to ``side`` at this stage (the greedy bots never deal);
    ``tabling=False`` leaves out the events that decide whether a motion is voted."""
    stage = rules.world.stages[state.stage]
    return [RespondToOffer(side, o.id, False)
            for o in rules.world.scenario.spec.offers
            if o.stage == stage.id and o.to == side and o.id not in dict(state.offers)
            and (tabling or not o.tables)]


def _sponsor_housekeeping(rules: Rules, state: GameState) -> list[Decision]:
    """Table an optional motion when the forecast says it passes, or when an objective
    rewards putting it on record even if it fails; answer offers (refuse)."""
    world = rules.world
    stage = world.stages[state.stage]
    rewarded = {o.motion for o in world.scenario.spec.objectives
                if {"vetoed", "rejected"} & set(o.outcome)}
    # An event that asks whether to table a motion is answered as tabling it would be.
    out: list[Decision] = _answers(rules, state, "sponsors", tabling=False)
    for m in stage.motions:
        if world.motions[m].optional:
            f = rules.forecast(state, m)      # exact: draws from no stream
            want = f.p_adopted >= 0.5 or m in rewarded
            event = world.tabling_event(m, stage.id)
            if event is None:
                if want != (m in state.tabled):
                    out.append(TableMotion("sponsors", m, want))
            elif event.to == "sponsors" and event.id not in dict(state.offers):
                out.append(RespondToOffer("sponsors", event.id, want))
    return out


def passive(rules: Rules, state: GameState, side: str, rng: np.random.Generator) -> Decision:
    """Does nothing: the sponsors go straight to the vote, the opposition passes."""
    return _fallback(side)


def random_player(rules: Rules, state: GameState, side: str,
                  rng: np.random.Generator) -> Decision:
    """A uniformly random legal decision; asking for the vote weighs as much as eight moves,
    so that games end."""
    legal = playable(rules, state)
    if side == "sponsors":
        legal += [ProceedToVote("sponsors")] * 7
    return legal[int(rng.integers(len(legal)))] if legal else _fallback(side)


#: How many of the most promising lobbying moves the planner weighs each turn.
PLANNER_LOBBY_MOVES = 6
#: How many more it weighs for each other motion still to be voted in the stage.
PLANNER_OTHER_MOTION_MOVES = 1
#: How many of the moves it weighs it also plays out against the opponent's greedy reply.
PLANNER_BEAM = 3


def planner(rules: Rules, state: GameState, side: str, rng: np.random.Generator) -> Decision:
    """Looks one exchange ahead: every legal move other than lobbying (tactics, revisions,
    answers, tabling, ending the stage) and the most promising lobbying moves are scored by
    the points its side can expect afterwards (``rules.stakes``); the best few are played
    out against the opponent's greedy reply, and the best exchange is chosen."""
    legal = playable(rules, state)
    if not legal:
        return _fallback(side)
    allowed = set(legal)
    target = rules.target_motion(state)
    lobbying = [d for _, d in lobby_candidates(rules, state, side)
                if d in allowed][:PLANNER_LOBBY_MOVES]
    # and the best few for each other motion at stake (an amendment voted first may need
    # other delegations than the draft does)
    for motion in _motions_at_stake(rules, state):
        if motion == target:
            continue
        extra = [d for _, d in lobby_candidates(rules, state, side, motion)
                 if d in allowed and d not in lobbying]
        lobbying += extra[:PLANNER_OTHER_MOTION_MOVES]
    others = [d for d in legal if not isinstance(d, (Lobby, AddressGroup, SeekCosponsor))]
    seek = [d for d in legal if isinstance(d, SeekCosponsor)]
    candidates = lobbying + others + _likely_cosponsors(rules, state,
                                                                               seek)
    scratch = np.random.default_rng(0)        # a copy of the game: never the session's streams
    first = []
    for d in candidates:
        after = rules.apply(state, d, scratch)
        first.append((_points(rules, after, side), d, after))
    first.sort(key=lambda t: -t[0])
    best, best_value = first[0][1], -1.0
    for _, d, after in first[:PLANNER_BEAM]:
        reply_state = after
        other = "opposition" if side == "sponsors" else "sponsors"
        if not after.finished and after.to_move == other:
            reply = greedy(rules, after, other, scratch)
            reply_state = rules.apply(after, reply, scratch)
        value = _points(rules, reply_state, side)
        if value > best_value + 1e-9:
            best, best_value = d, value
    return best


def _motions_at_stake(rules: Rules, state: GameState) -> list[str]:
    """The current stage's motions still to be voted, in voting order."""
    from .rules.checks import current_stage
    stage = current_stage(rules.world, state)
    return [m for m in rules.world.stage_order(stage) if state.result(m) is None]


def _points(rules: Rules, state: GameState, side: str) -> float:
    """Points ``side`` can expect from ``state``; what is already decided counts in full."""
    return sum(s.expected for s in rules.stakes(state, side))


def _likely_cosponsors(rules: Rules, state: GameState,
                       seek: list[SeekCosponsor]) -> list[Decision]:
    """The two delegations a co-sponsorship request would win over with the most to gain:
    those who would accept (P(in favour) at least COSPONSOR_THRESHOLD: asking one who
    declines wastes the move) but are least sure to vote in favour."""
    if not seek:
        return []
    target = rules.target_motion(state)
    voters = rules.world.voters(rules.world.motions[target].body).tolist()
    p_yes = rules.probabilities(state, target)[:, 0]
    index = rules.world.index

    def p(d: SeekCosponsor) -> float:
        return float(p_yes[voters.index(index[d.member])])
    willing = [d for d in seek if p(d) >= COSPONSOR_THRESHOLD]
    return list(sorted(willing, key=p)[:2])


#: Bot name -> player function; the CLI and the tests choose through this table.
BOTS: dict[str, Bot] = {"passive": passive, "random": random_player, "greedy": greedy,
                        "planner": planner}
#: The opponent levels a player can face, weakest first.
LEVELS: tuple[str, ...] = ("passive", "greedy", "planner")
