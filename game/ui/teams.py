"""Teams at one screen: who plays each side (a team or the bot), the lobbying rounds and the
turn timer the teacher sets, and the clock of the turn being played.

No pygame here: the command line (``play --teams --rounds --timer``) reads these too. The
rule that counts turns is the rules' (``game.rules.pace``); a timer running out is the
chair's ``time_up`` decision, recorded like any other, so a replay is exact.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _, ngettext
from .levels import SIDES

#: A team's side -> 'Sponsors team against the bot'.
TEAM_AGAINST_BOT = {"sponsors": N_("Sponsors team against the bot"),
                    "opposition": N_("Opposition team against the bot")}

#: Lobbying turns per side and stage, and seconds per turn, a team game starts with. Measured
#: (README, "Teams at one screen"): with these a whole two-team game of the longest case fits
#: 35 minutes, leaving 10 of a 45-minute lesson for the debrief.
DEFAULT_ROUNDS, DEFAULT_TIMER = 4, 50
#: What the title screen cycles through (0: no limit, no timer).
ROUND_CHOICES = (0, 3, 4, 5, 6)
TIMER_CHOICES = (0, 30, 40, 50, 60, 90, 120)


@dataclass(frozen=True)
class TeamSetup:
    """Who plays: ``teams`` the sides played by teams at this screen (both: they take the
    keyboard in turn; one: a team against the bot; none: one player against the bot, as
    before); ``rounds`` lobbying turns per side and stage (0: the budgets alone limit them);
    ``timer`` seconds per turn (0: none)."""

    teams: tuple[str, ...] = ()
    rounds: int = 0
    timer: int = 0

    @property
    def two_teams(self) -> bool:
        """Both sides are played by teams."""
        return len(self.teams) == 2

    def describe(self) -> str:
        """'Two teams · 4 rounds · 60 s a turn', for the title screen and the log."""
        who = (_("Two teams") if self.two_teams else
               _(TEAM_AGAINST_BOT[self.teams[0]]) if self.teams else
               _("One player against the bot"))
        rounds = (ngettext("{n} turn a stage", "{n} turns a stage", self.rounds).format(
            n=self.rounds) if self.rounds else _("turns: as the budget pays"))
        timer = (_("{n} s a turn").format(n=self.timer) if self.timer else _("no timer"))
        return f"{who} · {rounds} · {timer}"


def team_setup(sponsors: str = "bot", opposition: str = "bot", rounds: int | None = None,
               timer: int | None = None, side: str = "sponsors") -> TeamSetup:
    """The setup the command line asks for: each side ``team`` or ``bot``; a game with a team
    gets the default rounds and timer unless given. With no team, ``side`` is the player's
    and rounds and timer default to none. Raises ValueError for another word."""
    players = {"sponsors": sponsors, "opposition": opposition}
    for name, who in players.items():
        if who not in ("team", "bot"):
            raise ValueError(f"--{name} takes team or bot, not {who!r}")
    teams = tuple(s for s in SIDES if players[s] == "team")
    default_rounds, default_timer = (DEFAULT_ROUNDS, DEFAULT_TIMER) if teams else (0, 0)
    return TeamSetup(teams, default_rounds if rounds is None else rounds,
                     default_timer if timer is None else timer)


def next_choice(choices: tuple[int, ...], now: int) -> int:
    """The choice after ``now`` in ``choices``, round again (the first if ``now`` is not one)."""
    return choices[(choices.index(now) + 1) % len(choices)] if now in choices else choices[0]


class TurnClock:
    """The time left for the turn being played. ``begin(turn)`` starts a new turn's full time
    (the same turn again keeps its time); ``tick`` counts down while running and not paused
    and says, once, that the time ran out."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        self.left = float(seconds)
        self.turn: object = None
        self.running = False
        self.paused = False
        self._out = False

    def begin(self, turn: object) -> None:
        """The turn ``turn`` is on screen: its clock runs (full time if it is a new one)."""
        if turn != self.turn:
            self.turn, self.left, self._out = turn, float(self.seconds), False
        self.running = self.seconds > 0

    def stop(self) -> None:
        """Off the lobbying screens (a vote, an announcement): the clock waits."""
        self.running = False

    def tick(self, dt: float) -> bool:
        """Count ``dt`` seconds down; True the one time the turn's time runs out."""
        if not self.running or self.paused or self._out:
            return False
        self.left = max(0.0, self.left - dt)
        if self.left <= 0:
            self._out = True
            return True
        return False

    def words(self) -> str:
        """'0:42' left, for the screen."""
        s = int(self.left + 0.999)
        return f"{s // 60}:{s % 60:02d}"
