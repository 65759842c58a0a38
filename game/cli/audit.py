"""``audit``: play many headless games of a scenario and report what an author needs to know.

For each bot strategy (passive, random, greedy) N games are played, seeds 0..N-1. The report
says which outcomes each strategy reaches and how often (is the case winnable? too easy?),
and which choices never changed any ballot (dead choices). A choice "changed a ballot" when
replaying the game without it (or, for yes/no choices, with the other answer), under the same
seed, gives a different recorded vote; the replay forces turn order so the rest of the game's
decisions apply unchanged, and skips any that the change made illegal.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np

from ..decisions import (
    AddressGroup,
    AskAbstention,
    Decision,
    DecisionError,
    Lobby,
    MoveNoAction,
    ObjectToDivision,
    RequestSeparateVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    TableMotion,
)
from ..rules.world import World
from ..scenario import Scenario
from ..session import Session
from .modelcmds import simulate

#: Decision type -> its choice label (what an author tunes); None = not a choice to audit.
CHOICE_LABELS = {
    Lobby: lambda d: f"{d.side}: argument {d.argument!r}",
    AddressGroup: lambda d: f"{d.side}: argument {d.argument!r}",
    ReviseText: lambda d: f"sponsors: revise {d.paragraph!r} to {d.variant!r}",
    SeekCosponsor: lambda d: "sponsors: seek co-sponsors",
    RespondToOffer: lambda d: f"{d.side}: {'accept' if d.accept else 'refuse'} offer {d.offer!r}",
    TableMotion: lambda d: f"{d.side}: {'table' if d.table else 'hold back'} {d.motion!r}",
    MoveNoAction: lambda d: f"{d.side}: move no action on {d.motion!r}",
    RequestSeparateVote: lambda d: f"{d.side}: request a separate vote",
    ObjectToDivision: lambda d: f"{d.side}: object to a division",
    AskAbstention: lambda d: f"{d.side}: ask a permanent member to abstain",
}
#: The players an audit runs on each side, weakest first (random: a uniformly random legal move).
PLAYERS: tuple[str, ...] = ("passive", "random", "greedy", "planner")
#: A choice the planner takes in fewer than this share of its games is named as a trap.
TRAP_SHARE = 0.05
#: Decision type -> the other answer to a yes/no choice (removal is the counterfactual else).
ALTERNATIVE = {
    RespondToOffer: lambda d: replace(d, accept=not d.accept),
    TableMotion: lambda d: replace(d, table=not d.table),
}


def choice(decision: Decision) -> str | None:
    """The choice label of a decision (see CHOICE_LABELS), or None if it is no choice."""
    label = CHOICE_LABELS.get(type(decision))
    return label(decision) if label else None


def all_choices(scenario: Scenario) -> list[str]:
    """Every choice a player of either side could make in this scenario."""
    spec = scenario.spec
    out = [f"{a.side}: argument {a.id!r}" for a in spec.arguments]
    for text in spec.texts.values():
        for p in text.paragraphs:
            if p.editable:
                out += [f"sponsors: revise {p.id!r} to {v!r}"
                        for v in [*(v.id for v in p.variants), "absent"]]
    out += [f"{o.to}: {verb} offer {o.id!r}" for o in spec.offers for verb in ("accept", "refuse")]
    by_event = {m for o in spec.offers for m in o.tables}   # tabled by answering the event
    out += [f"{m.tabled_by}: {verb} {m.id!r}" for m in spec.motions
            if m.optional and m.id not in by_event for verb in ("table", "hold back")]
    bodies = {b.id: b for b in spec.bodies}
    drafts = [m for m in spec.motions if m.kind == "draft" and bodies[m.body].members == "all"]
    out += [f"opposition: move no action on {m.id!r}" for m in drafts]
    if drafts:
        out += ["opposition: request a separate vote", "sponsors: object to a division"]
    if any(b.veto for b in spec.bodies):
        out.append("sponsors: ask a permanent member to abstain")
    return out + ["sponsors: seek co-sponsors"]


@dataclass
class Game:
    """One audited game: its seed, decisions, and recorded votes."""

    seed: int
    decisions: list[Decision]
    votes: tuple
    outcomes: dict[str, str]
    objectives_met: tuple[str, ...] = ()
    points: int = 0
    side: str = "sponsors"
    #: The whole session, kept for the planner's games (the traps analysis reads it).
    session: Session | None = None


@dataclass
class ChoiceRecord:
    """How often a choice was taken, tested for a changed ballot, and found to change one."""

    taken: int = 0
    tested: int = 0
    changed: int = 0


@dataclass
class Audit:
    """An audit's games per bot, the seconds they took, and the record of each choice."""

    scenario: Scenario
    runs: int
    games: dict[str, list[Game]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    side_games: dict[str, dict[str, list[Game]]] = field(default_factory=dict)
    opponent: str = "greedy"
    #: The side whose players ``games`` (and the report's outcomes and verdicts) are.
    first_side: str = "sponsors"
    choices: dict[str, ChoiceRecord] = field(default_factory=dict)
    analysis_seconds: float = 0.0


def _votes(session: Session) -> tuple:
    return tuple((r.motion, r.outcome, r.ballots) for r in session.state.results)


def play_games(scenario: Scenario, bot: str, runs: int, world: World, side: str = "sponsors",
               opponent: str = "greedy") -> list[Game]:
    """N headless games of one strategy on ``side`` against the ``opponent`` bot."""
    out = []
    for seed in range(runs):
        session = simulate(scenario, seed, bot, side=side, opponent=opponent)
        results, points, _ = session.score()
        out.append(Game(seed, list(session.decisions), _votes(session),
                        {r.motion: r.outcome for r in session.state.results},
                        tuple(r.objective.id for r in results if r.met), points, side,
                        session if bot == "planner" else None))
    return out


def planner_traps(audit: Audit, side: str) -> dict[str, str]:
    """The choices of ``side`` that the planner took in fewer than TRAP_SHARE of its games,
    each with why: where the choice was open, how it changed the points the planner could
    expect against the move it chose instead (or that it never was open)."""
    games = audit.side_games.get(side, {}).get("planner", [])
    if not games:
        return {}
    shares = choice_shares(games)
    out = {}
    for label in (c for c in all_choices(audit.scenario) if c.startswith(side + ":")):
        if shares.get(label, 0.0) >= TRAP_SHARE:
            continue
        gaps = []
        for game in games:
            session = game.session
            if session is None:
                continue
            for chosen, before, after in session.history:
                if chosen.side != side or before.to_move != side:
                    continue
                options = [d for d in session.rules.legal_decisions(before) if choice(d) == label]
                if options:
                    scratch = np.random.default_rng(0)
                    alt = session.rules.apply(before, options[0], scratch)
                    gaps.append(session.expected_points(alt, side)
                                - session.expected_points(after, side))
                    break
        if gaps:
            out[label] = (f"a trap: where it was open, it changed the points the planner could "
                          f"expect by {np.mean(gaps):+.2f} on average against the move it "
                          f"chose ({len(gaps)} games)")
        else:
            out[label] = "never open to this side in these games"
    return out


def choice_shares(games: list[Game]) -> dict[str, float]:
    """Share of ``games`` in which each choice label was taken at least once."""
    counts = Counter(label for g in games for label in {choice(d) for d in g.decisions
                                                        if d.side == g.side} if label)
    return {label: round(n / max(len(games), 1), 3) for label, n in sorted(counts.items())}


def replay(scenario: Scenario, world: World, seed: int, decisions: list[Decision]) -> tuple:
    """Recorded votes of a game replayed from ``decisions``, whoever's turn it is."""
    session = Session(scenario, seed, opponent=None, world=world)
    for d in decisions:
        if session.state.finished:
            break
        session.state = session.state.evolve(to_move=d.side)
        try:
            session.apply(d)
        except DecisionError:
            continue
    return _votes(session)


def analyse_choices(audit: Audit, world: World, max_tests: int = 10) -> None:
    """Count each choice, and test up to ``max_tests`` uses of it for a changed ballot (a
    choice shown to matter once is not tested again)."""
    records = {c: ChoiceRecord() for c in all_choices(audit.scenario)}
    every = [g for per_bot in (audit.side_games or {"": audit.games}).values()
             for games in per_bot.values() for g in games]
    for game in every:
        baseline = replay(audit.scenario, world, game.seed, game.decisions)
        for k, d in enumerate(game.decisions):
            label = choice(d)
            if label is None:
                continue
            rec = records.setdefault(label, ChoiceRecord())
            rec.taken += 1
            if rec.changed or rec.tested >= max_tests:
                continue
            other = ALTERNATIVE.get(type(d))
            changed = game.decisions[:k] + ([other(d)] if other else []) \
                + game.decisions[k + 1:]
            rec.tested += 1
            if replay(audit.scenario, world, game.seed, changed) != baseline:
                rec.changed += 1
    audit.choices = records


def run_audit(scenario: Scenario, runs: int, bots: tuple[str, ...] = PLAYERS,
              sides: tuple[str, ...] = ("sponsors", "opposition"),
              opponent: str = "greedy") -> Audit:
    """Play ``runs`` games per bot on each of ``sides`` against ``opponent``, and analyse the
    choices made. ``games`` (and the report's outcomes) are the first side's."""
    audit = Audit(scenario, runs, opponent=opponent)
    world = World(scenario)
    for side in sides:
        audit.side_games[side] = {}
        for bot in bots:
            start = time.perf_counter()
            audit.side_games[side][bot] = play_games(scenario, bot, runs, world, side, opponent)
            audit.seconds[f"{side}/{bot}"] = time.perf_counter() - start
    audit.games, audit.first_side = audit.side_games[sides[0]], sides[0]
    for bot in bots:
        audit.seconds[bot] = audit.seconds[f"{sides[0]}/{bot}"]
    start = time.perf_counter()
    analyse_choices(audit, world)
    audit.analysis_seconds = time.perf_counter() - start
    return audit


def sponsors_way(scenario: Scenario, motion_id: str, outcome: str) -> bool:
    """Whether an outcome is the one the sponsors worked for."""
    want = scenario.motion(motion_id).sponsors_want
    return (outcome == "adopted") == (want == "yes")


def side_json(audit: Audit, side: str) -> dict:
    """One side's balance: points possible, and each player's mean points and win rate (a
    win: at least half the side's points), its planner's choices and the traps."""
    possible = sum(o.points for o in audit.scenario.spec.objectives if o.side == side)
    players = {}
    for bot, games in audit.side_games[side].items():
        n = max(len(games), 1)
        players[bot] = {
            "mean_points": round(sum(g.points for g in games) / n, 2),
            "win_rate": round(sum(2 * g.points >= possible > 0 for g in games) / n, 3),
            "games_per_second": (round(len(games) / audit.seconds[f"{side}/{bot}"], 1)
                                 if audit.seconds.get(f"{side}/{bot}") else None)}
    planner = audit.side_games[side].get("planner", [])
    return {"points_possible": possible, "players": players,
            "planner_choices": choice_shares(planner) if planner else {},
            "traps": planner_traps(audit, side)}


def to_json(audit: Audit) -> dict:
    """The audit as JSON-ready data (see ``report`` for the words)."""
    scenario = audit.scenario
    side = audit.first_side
    own = [o for o in scenario.spec.objectives if o.side == side]
    bots = {}
    for bot, games in audit.games.items():
        motions = {m.id: dict(Counter(g.outcomes.get(m.id, "none") for g in games))
                   for m in scenario.spec.motions}
        way = {m.id: round(sum(sponsors_way(scenario, m.id, g.outcomes.get(m.id, "none"))
                               for g in games) / max(len(games), 1), 3)
               for m in scenario.spec.motions}
        combos = Counter(tuple(g.outcomes.get(m.id, "none") for m in scenario.spec.motions)
                         for g in games)
        seconds = audit.seconds[bot]
        met = Counter(o for g in games for o in g.objectives_met)
        bots[bot] = {"games": len(games), "seconds": round(seconds, 3),
                     "games_per_second": round(len(games) / seconds, 1) if seconds else None,
                     "outcomes": motions, "sponsors_way": way,
                     "objectives_met": {o.id: round(met[o.id] / max(len(games), 1), 3)
                                        for o in own},
                     "mean_points": round(sum(g.points for g in games) / max(len(games), 1), 2),
                     "points": dict(sorted(Counter(g.points for g in games).items())),
                     "combinations": [{"outcomes": list(c), "games": n}
                                      for c, n in combos.most_common()]}
    total = sum(len(g) for per_bot in audit.side_games.values() for g in per_bot.values())
    play = sum(v for k, v in audit.seconds.items() if "/" in k)
    return {"scenario": scenario.id, "runs": audit.runs,
            "motions": [m.id for m in scenario.spec.motions],
            "side": side, "objectives": {o.id: o.points for o in own},
            "points_possible": sum(o.points for o in own), "bots": bots,
            "choices": {c: vars(r) for c, r in sorted(audit.choices.items())},
            "dead_choices": sorted(c for c, r in audit.choices.items()
                                   if r.tested and not r.changed),
            "never_chosen": sorted(c for c, r in audit.choices.items() if not r.taken),
            "games_per_second": round(total / play, 1) if play else None,
            "opponent": audit.opponent,
            "sides": {side: side_json(audit, side) for side in audit.side_games},
            "analysis_seconds": round(audit.analysis_seconds, 2)}
