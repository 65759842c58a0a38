"""Session: one game of one scenario with one seed — the one door the UI and the CLI use.

Everything a screen or a command asks about a game goes through a Session: playing
(``play``, ``apply``), what is legal (``legal_decisions``), what a decision would do
(``preview``), forecasts, explanations, the score, and the scenario's lookups. It owns the
random streams and the decision log.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .bots import BOTS, Bot
from .decisions import (
    Decision,
    DecisionError,
    Pass,
    ProceedToVote,
    TimeUp,
    to_dict,
)
from .lookups import CaseLookups
from .replay.writer import SessionWriter, header
from .rules import ObjectiveResult, Rules, Stake, World
from .rules.pace import NOT_A_TURN, check_pace, rounds_left
from .scenario import Scenario
from .state import GameState
from .votes.forecast import Forecast

#: Most moves in one reply of the opponent (a guard; budgets end the replies long before).
MAX_OPPONENT_MOVES = 1000
#: States whose stakes a session remembers (previews ask again for the same few states).
STAKES_CACHE = 64
#: The two sides of every case.
SIDES = ("sponsors", "opposition")


def other_side(side: str) -> str:
    """The side that is not ``side``."""
    return "opposition" if side == "sponsors" else "sponsors"


@dataclass(frozen=True)
class MoveEffect:
    """What one decision did on its own (before anyone replied).

    ``motion``: the motion lobbying aimed at (None after the game ended); ``yes_*``: its
    expected votes in favour before and after; ``p_*``: its chance of adoption; ``points_*``:
    the points the player could expect before and after.
    """

    decision: Decision
    events: tuple[str, ...]
    motion: str | None
    yes_before: float
    yes_after: float
    p_before: float
    p_after: float
    points_before: float
    points_after: float


class Session(CaseLookups):
    """Plays a scenario: ``play`` applies the player's decision, then the opponent's replies.

    ``side`` is the side the player takes (``sponsors`` or ``opposition``); ``opponent`` the
    bot (a key of BOTS) that plays the other side, or None when a decision list supplies both
    sides' moves.

    The seed's SeedSequence is split into independent streams: recorded votes (the one
    Generator every ballot is drawn from), the opposition bot, and previews (a fresh Generator
    for each, so looking at a preview changes nothing). Forecasts are exact and draw nothing.
    """

    def __init__(self, scenario: Scenario, seed: int = 0, *, side: str = "sponsors",
                 opponent: str | None = "greedy",
                 session_file: str | Path | None = None, world: World | None = None,
                 teams: tuple[str, ...] = (), rounds: int = 0, timer: int = 0) -> None:
        if side not in SIDES:
            raise ValueError(f"side must be one of {', '.join(SIDES)}, not {side!r}")
        if opponent and opponent not in BOTS:
            raise ValueError(f"the opponent must be one of {', '.join(BOTS)}, not "
                             f"{str(opponent)[:40]!r}")
        if any(t not in SIDES for t in teams) or len(set(teams)) != len(teams):
            raise ValueError(f"teams play sides ({', '.join(SIDES)}), not {teams!r}")
        if len(teams) == 2 and opponent:
            raise ValueError("two teams play both sides: no bot is left to play")
        check_pace(rounds, timer)
        #: The sides played by teams at this screen (both: they take the keyboard in turn).
        self.teams = tuple(sorted(teams, key=SIDES.index))
        #: Lobbying turns per side and stage (0: the budgets alone), and the turn timer in
        #: seconds (0: none), as the play options set them (the session file records both).
        self.rounds, self.timer = int(rounds), int(timer)
        self.scenario = scenario
        self.seed = int(seed)
        # spawn(4): the first three children are those of spawn(3), so older files replay; the
        # third fed the Monte Carlo forecasts, now exact, and stays unused so that the previews'
        # stream is where it always was.
        votes_seq, bot_seq, _, preview_seq = np.random.SeedSequence(self.seed).spawn(4)
        self.rng = np.random.default_rng(votes_seq)
        self.bot_rng = np.random.default_rng(bot_seq)
        self._preview_entropy = preview_seq.generate_state(4)
        self.rules = Rules(world or World(scenario))
        self.state: GameState = self.rules.new_game(self.rounds, self.timer > 0)
        self.decisions: list[Decision] = []
        self._side = side
        self.opponent: Bot | None = BOTS[opponent] if opponent else None
        #: The opponent's level (a key of BOTS) the game began with, for the session file.
        self.level = opponent
        self.writer = SessionWriter(session_file, self.header_info()) if session_file else None
        self._legal: tuple[GameState, list[Decision]] | None = None
        #: (decision, state before, state after) of every decision applied, in order.
        self.history: list[tuple[Decision, GameState, GameState]] = []
        self._effects: dict[int, MoveEffect] = {}
        self._stakes: dict[tuple[int, str], tuple[GameState, list[Stake]]] = {}
        self._vote_effects: dict[int, MoveEffect] = {}     # move_effects(points=False)

    def header_info(self) -> dict:
        """The header of this game's session file (``game.replay``): format and software
        versions, the case and its checksum, the seed, the side(s) the players take (both
        when no bot plays the other side) and the opponent's level, the start time."""
        sides = [self._side] if self.level else list(SIDES)
        out = header(self.scenario.id, self.scenario.sha256, self.seed, sides, self.level)
        # written only when set, so that other games' headers stay as they were
        return out | ({"teams": list(self.teams)} if self.teams else {}) | (
            {"rounds": self.rounds} if self.rounds else {}) | (
            {"timer": self.timer} if self.timer else {})

    @property
    def side(self) -> str:
        """The side the player takes; with two teams at one screen, the side at the keyboard
        (the side to move) until the game is over, then the sponsors'."""
        if len(self.teams) == 2:
            return self.state.to_move if not self.state.finished else "sponsors"
        return self._side

    @property
    def two_teams(self) -> bool:
        """Both sides are played by teams taking the keyboard in turn."""
        return len(self.teams) == 2

    def turn(self) -> tuple[int, int, str]:
        """The turn being played: (stage, turns ended so far in the game, side to move); it
        changes whenever a turn ends (the UI's turn clock and announcement follow it)."""
        ended = sum(1 for d in self.decisions if d.type not in NOT_A_TURN)
        return self.state.stage, ended, self.state.to_move

    def turns_left(self, side: str | None = None) -> int | None:
        """Lobbying turns ``side`` (default: the side to move) may still take in this stage;
        None when the game counts no rounds."""
        return rounds_left(self.state, side or self.state.to_move)

    @property
    def world(self) -> World:
        """The scenario's compiled context (read-only)."""
        return self.rules.world

    # -- playing --------------------------------------------------------------------------------
    def apply(self, decision: Decision) -> GameState:
        """Apply one decision (either side) and log it. Raises DecisionError if illegal."""
        before = self.state
        self.state = self.rules.apply(self.state, decision, self.rng)
        self.decisions.append(decision)
        self.history.append((decision, before, self.state))
        self._save(decision, before)
        return self.state

    def _save(self, decision: Decision, before: GameState) -> None:
        """Write the decision's line to the session file (with the stage it was made in)."""
        if self.writer:
            stage = None if before.finished else self.world.stages[before.stage].id
            self.writer.append(to_dict(decision), self.state.digest(), stage=stage,
                               finished=self.state.finished)

    @property
    def opposition(self) -> Bot | None:
        """The bot playing the other side (older name of ``opponent``)."""
        return self.opponent

    @property
    def other(self) -> str:
        """The side the opponent plays."""
        return other_side(self.side)

    def time_up(self) -> GameState:
        """The turn timer ran out for the side to move: the chair's ``time_up`` decision
        (recorded like any other), then the opponent's replies. DecisionError without a timer."""
        return self.play(TimeUp(self.state.to_move))  # type: ignore[arg-type]

    def play(self, decision: Decision) -> GameState:
        """The player's decision, then the opponent's replies while it is their turn."""
        self.apply(decision)
        self.run_opponent()
        return self.state

    def run_opponent(self) -> None:
        """Let the opponent bot move until it is the player's turn or the game ends.

        Every move costs capital or days (the scenario schema requires it), so this ends; the
        cap is a second guard: past it the opponent passes or asks for the vote.
        """
        for _ in range(MAX_OPPONENT_MOVES):
            if not self.opponent or self.state.finished or self.state.to_move != self.other:
                return
            self.apply(self.opponent(self.rules, self.state, self.other, self.bot_rng))
        if not self.state.finished and self.state.to_move == self.other:
            self.apply(Pass("opposition") if self.other == "opposition"
                       else ProceedToVote("sponsors"))

    def apply_if(self, decision: Decision, digest: str) -> bool:
        """Apply ``decision`` only if the game after it has exactly ``digest`` (a replay's
        proof); otherwise leave the game, the vote stream and the log as they were."""
        state, stream = self.state, self.rng.bit_generator.state
        try:
            after = self.rules.apply(state, decision, self.rng)
        except DecisionError:
            return False
        if after.digest() != digest:
            self.rng.bit_generator.state = stream
            return False
        self.history.append((decision, state, after))
        self.state = after
        self.decisions.append(decision)
        self._save(decision, state)
        return True

    def at_step(self, step: int) -> Session:
        """This game as it stood after its first ``step`` decisions, for reviewing it: a copy
        with no session file and no opponent, its state, log and history cut there (what the
        move log, the whip count and the text read). Its vote stream is a copy, so playing on
        it never touches this game's. Raises IndexError if ``step`` is not 0 to the decisions
        made."""
        if not 0 <= step <= len(self.history):
            raise IndexError(f"step {step}: the game has {len(self.history)} decisions")
        view = copy.copy(self)
        view.writer, view.opponent, view._legal = None, None, None
        view.rng = copy.deepcopy(self.rng)
        view.bot_rng = copy.deepcopy(self.bot_rng)
        view.history = self.history[:step]
        view.decisions = self.decisions[:step]
        view.state = self.history[step - 1][2] if step else (
            self.history[0][1] if self.history else self.state)
        # the effects of the first ``step`` decisions are the same in both (copied: a view
        # played on must not write its own into this game's)
        view._effects = {k: e for k, e in self._effects.items() if k < step}
        view._vote_effects = {k: e for k, e in self._vote_effects.items() if k < step}
        return view

    def bot_move(self, bot: str, side: str | None = None) -> Decision:
        """What bot ``bot`` (a key of BOTS) would decide now for ``side`` (default: the side
        to move); draws only from the bot stream."""
        return BOTS[bot](self.rules, self.state, side or self.state.to_move, self.bot_rng)

    def set_opponent(self, bot: str | None) -> None:
        """Let bot ``bot`` (a key of BOTS) play the other side from now on; None: nobody does
        (a decision list supplies its moves)."""
        self.opponent = BOTS[bot] if bot else None

    # -- what is legal, and what a decision would do --------------------------------------------
    def legal_decisions(self) -> list[Decision]:
        """Every decision legal now for the side to move (cached per state)."""
        if self._legal is None or self._legal[0] is not self.state:
            self._legal = (self.state, self.rules.legal_decisions(self.state))
        return list(self._legal[1])

    def is_legal(self, decision: Decision) -> bool:
        """True if ``apply`` would accept ``decision`` now."""
        return self.rules.is_legal(self.state, decision)

    def check(self, decision: Decision) -> None:
        """Raise DecisionError (with the reason) if ``decision`` is not legal now."""
        self.rules.check(self.state, decision)

    def preview(self, decision: Decision) -> GameState:
        """The state right after ``decision`` (no reply), computed on a copy. Changes nothing
        and draws from its own stream, never the one recorded votes use. Raises DecisionError
        if the decision is not legal now."""
        return self.rules.apply(self.state, decision,
                                np.random.default_rng(self._preview_entropy))

    # -- forecasts and explanations ---------------------------------------------------------
    def forecast(self, motion_id: str, state: GameState | None = None) -> Forecast:
        """Exact forecast of a motion now (or in ``state``): no draws, so the same state
        always gives the same numbers. ``Forecast.counts`` is the tally in whole votes."""
        return self.rules.forecast(state or self.state, motion_id)

    def probabilities(self, motion_id: str, state: GameState | None = None) -> np.ndarray:
        """P(yes, no, abstain, absent) of each voter on a motion, (n_voters, 4), rows in the
        order of ``voters(motion_id)``."""
        return self.rules.probabilities(state or self.state, motion_id)

    def explain(self, member: str, motion_id: str,
                state: GameState | None = None) -> list[tuple[str, float]]:
        """Why delegation ``member`` (ISO3) leans as it does on a motion: named parts of its
        latent support, summing to it. KeyError if it does not vote on the motion."""
        return self.rules.explain(state or self.state, motion_id, member)

    def latent(self, member: str, motion_id: str) -> float:
        """A delegation's latent support (ordered-logit units) on a motion now."""
        return self.rules.latent(self.state, motion_id, member)

    @property
    def cutpoints(self) -> tuple[float, float]:
        """The ordered logit's cut-offs (against below the first, in favour above the second)."""
        low, high = (float(x) for x in self.world.model.cutpoints)
        return low, high

    def stakes(self, state: GameState | None = None, side: str | None = None) -> list[Stake]:
        """Each of ``side``'s objectives (default: the player's) with its chance of being met
        from ``state`` (default: now), from exact forecasts."""
        state, side = state or self.state, side or self.side
        key = (id(state), side)
        hit = self._stakes.get(key)
        if hit is not None and hit[0] is state:      # the same state object: same answer
            return hit[1]
        out = self.rules.stakes(state, side)
        if len(self._stakes) >= STAKES_CACHE:
            self._stakes.pop(next(iter(self._stakes)))
        self._stakes[key] = (state, out)
        return out

    def expected_points(self, state: GameState | None = None, side: str | None = None) -> float:
        """Points ``side`` (default: the player's) can expect from ``state`` (default: now)."""
        return sum(s.expected for s in self.stakes(state, side))

    def move_effects(self, last: int = 30, *, points: bool = True) -> list[MoveEffect]:
        """What each of the last ``last`` decisions did on its own, oldest first: the side,
        the events it caused, and the change it made in the forecast of the motion lobbying
        aimed at then, and in the points the player can expect (computed once, on demand).
        With ``points`` False the points are not computed (NaN, unless known already): about
        half the work, for a report over many games that reads only the votes."""
        out = []
        for k in range(max(0, len(self.history) - last), len(self.history)):
            if k not in self._effects and (points or k not in self._vote_effects):
                effect = self._effect(*self.history[k], points=points)
                (self._effects if points else self._vote_effects)[k] = effect
            out.append(self._effects.get(k) or self._vote_effects[k])
        return out

    def _effect(self, decision: Decision, before: GameState, after: GameState, *,
                points: bool = True) -> MoveEffect:
        events = after.events[len(before.events):]
        if before.finished:
            return MoveEffect(decision, events, None, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        motion = self.rules.target_motion(before)
        if after.result(motion) is not None or after.stage != before.stage:
            f = self.forecast(motion, before)
            yes_after = yes_before = f.expected[0]
            p_after = p_before = f.p_adopted
        else:
            f0, f1 = self.forecast(motion, before), self.forecast(motion, after)
            yes_before, yes_after = f0.expected[0], f1.expected[0]
            p_before, p_after = f0.p_adopted, f1.p_adopted
        nan = float("nan")
        return MoveEffect(decision, events, motion, float(yes_before), float(yes_after),
                          float(p_before), float(p_after),
                          self.expected_points(before) if points else nan,
                          self.expected_points(after) if points else nan)

    def score(self, state: GameState | None = None,
              side: str | None = None) -> tuple[list[ObjectiveResult], int, int]:
        """(results, points won, points possible) against ``side``'s objectives (default: the
        player's side)."""
        return self.rules.score(state or self.state, side or self.side)

    def close(self) -> None:
        """Flush and close the session file, if any."""
        if self.writer:
            self.writer.close()
