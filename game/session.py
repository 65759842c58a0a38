"""Session: one game of one scenario with one seed; owns the Generator and the decision log."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from . import rules
from .bots import BOTS, Bot
from .decisions import Decision, Pass, to_dict
from .replay import SessionWriter
from .rules.motions import motion_forecast
from .rules.world import World
from .scenario import Scenario
from .state import GameState
from .votes.forecast import Forecast


#: Most opposition moves in one reply (a guard; budgets end the replies long before).
MAX_OPPOSITION_MOVES = 1000


class Session:
    """Plays a scenario: ``play`` applies the player's decision, then the opposition's replies.

    The seed's SeedSequence is split into three independent streams: recorded votes (the one
    Generator every ballot is drawn from), the opposition bot, and forecasts (a fresh
    Generator per forecast, so looking at a forecast changes nothing).
    """

    def __init__(self, scenario: Scenario, seed: int = 0, *, opposition: str | None = "greedy",
                 session_file: str | Path | None = None, world: World | None = None) -> None:
        self.scenario = scenario
        self.seed = int(seed)
        votes_seq, bot_seq, forecast_seq = np.random.SeedSequence(self.seed).spawn(3)
        self.rng = np.random.default_rng(votes_seq)
        self.bot_rng = np.random.default_rng(bot_seq)
        self._forecast_entropy = forecast_seq.generate_state(4)
        self.world = world or World(scenario)
        self.state: GameState = rules.new_game(self.world)
        self.decisions: list[Decision] = []
        self.opposition: Bot | None = BOTS[opposition] if opposition else None
        self.writer = SessionWriter(session_file, scenario, self.seed) if session_file else None

    def apply(self, decision: Decision) -> GameState:
        """Apply one decision (either side) and log it. Raises DecisionError if illegal."""
        self.state = rules.apply(self.state, decision, self.rng)
        self.decisions.append(decision)
        if self.writer:
            self.writer.append(to_dict(decision), self.state.digest())
        return self.state

    def play(self, decision: Decision) -> GameState:
        """The sponsors' decision, then the opposition bot's replies while it is their turn."""
        self.apply(decision)
        self.run_opposition()
        return self.state

    def run_opposition(self) -> None:
        """Let the opposition bot move until it is the sponsors' turn or the game ends.

        Every move costs capital or days (the scenario schema requires it), so this ends; the
        cap is a second guard: past it the bot passes.
        """
        for _ in range(MAX_OPPOSITION_MOVES):
            if not self.opposition or self.state.finished or self.state.to_move != "opposition":
                return
            self.apply(self.opposition(self.state, "opposition", self.bot_rng))
        if not self.state.finished and self.state.to_move == "opposition":
            self.apply(Pass("opposition"))

    def forecast(self, motion_id: str, n_draws: int = 10_000,
                 state: GameState | None = None) -> Forecast:
        """Forecast of a motion now (or in ``state``); same inputs, same numbers."""
        rng = np.random.default_rng(self._forecast_entropy)
        return motion_forecast(state or self.state, motion_id, rng, n_draws)

    def legal(self, decision: Decision) -> bool:
        return rules.is_legal(self.state, decision)

    def close(self) -> None:
        if self.writer:
            self.writer.close()
