"""The UI's reading of one Session: its state, scenario and sides, the motions and delegations
it holds, forecasts, budgets and the lookups screens ask of it (all through the Session).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..decisions import (
    Decision,
    Pass,
    ProceedToVote,
)
from ..scenario import Scenario
from ..scenario.models import Member, Motion, Stage
from ..session import Session
from ..state import GameState, VoteResult

if TYPE_CHECKING:
    from .preview import Preview

#: A chance that moves less than this is shown as unchanged.
MOVED = 0.005
#: Kinds of motion the floor raises during play (each voted before the draft it concerns).
FLOOR_KINDS = ("no_action", "division", "separate_vote")


class GameReading:
    """Session + the lookups screens ask about it (the Game's base)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._forecasts: dict = {}
        self._forecast_state: GameState | None = None
        self._stakes: tuple[GameState, list] | None = None
        self._previews: dict[object, Preview] = {}
        self._preview_state: GameState | None = None
        #: Per state (the screens ask these several times a frame): the stage's motions in
        #: voting order and the player's legal decisions.
        self._per_state: tuple[GameState, dict[str, list]] | None = None

    # -- reading ----------------------------------------------------------------------------
    @property
    def state(self) -> GameState:
        """The Session's game state now."""
        return self.session.state

    @property
    def scenario(self) -> Scenario:
        """The scenario being played."""
        return self.session.scenario

    @property
    def side(self) -> str:
        """The side the player takes."""
        return self.session.side

    @property
    def other(self) -> str:
        """The side the opponent plays."""
        return self.session.other

    def side_name(self, side: str | None = None, *, inside: bool = False) -> str:
        """A side's name in the scenario (default: the player's); ``inside`` a sentence, a
        leading "The" is lower-cased ("against the European Union and Japan")."""
        sides = self.scenario.spec.sides
        side = side or self.side
        name = sides[side].name if side in sides else side.capitalize()
        return "the" + name[3:] if inside and name.startswith("The ") else name

    @property
    def stage(self) -> Stage | None:
        """The stage being played (None once the game is over)."""
        return self.session.stage()

    def member(self, iso: str) -> Member:
        """A delegation of the scenario by ISO3 code."""
        return self.session.member(iso)

    def motion(self, motion_id: str) -> Motion:
        """A motion of the scenario (or one the floor raised) by id."""
        return self.session.motion(motion_id)

    def voters(self, motion_id: str) -> list[str]:
        """ISO3 codes of the voters on a motion, in the order of forecast rows."""
        return self.session.voters(motion_id)

    def target(self) -> str:
        """The motion lobbying aims at now."""
        return self._of_state("target", lambda: [self.session.target_motion()])[0]

    def _of_state(self, name: str, compute) -> list:
        """``compute()``, worked out once per state (GameStates are never changed in place)."""
        if self._per_state is None or self._per_state[0] is not self.state:
            self._per_state = (self.state, {})
        known = self._per_state[1]
        if name not in known:
            known[name] = compute()
        return list(known[name])

    def stage_motions(self) -> list[str]:
        """This stage's motions in voting order, the floor motions requested so far among
        them."""
        return self._of_state("motions", self.session.vote_order)

    def stage_of(self, motion_id: str) -> Stage | None:
        """The stage that votes a motion (a floor motion: the stage of the draft it concerns)."""
        motion = self.motion(motion_id)
        ids = {motion_id} | ({motion.amends} if motion.amends else set())
        return next((s for s in self.scenario.spec.stages if ids & set(s.motions)), None)

    def is_floor_motion(self, motion_id: str) -> bool:
        """A motion for no action, for division, or a separate vote (raised during play)."""
        return self.motion(motion_id).kind in FLOOR_KINDS

    def wants_adopted(self, motion: Motion | str, side: str | None = None) -> bool:
        """Whether ``side`` (default: the player's) works for the motion's adoption."""
        mo = self.motion(motion) if isinstance(motion, str) else motion
        sponsors = mo.sponsors_want == "yes"
        return sponsors if (side or self.side) == "sponsors" else not sponsors

    def colour_view(self, motion: Motion | str) -> bool | None:
        """Whose good the ballot colours show on a board (``style.ballot_colours``): the
        player's (``wants_adopted``); None, plain in favour and against, when two teams share
        the screen, so that a delegation keeps its colour when the keyboard changes hands."""
        return None if self.session.two_teams else self.wants_adopted(motion)

    def good_for_player(self, result: VoteResult) -> bool:
        """The outcome is the one the player's side worked for (adopted, or anything else)."""
        return result.adopted == self.wants_adopted(result.motion)

    def legal(self) -> set[Decision]:
        """Every decision the rules accept now (for the side to move)."""
        return set(self.session.legal_decisions())

    def mine(self) -> list[Decision]:
        """The legal decisions of the player's side now (none while the other side moves)."""
        if self.state.finished or self.state.to_move != self.side:
            return []
        return self._of_state("mine", lambda: [d for d in self.session.legal_decisions()
                                                if d.side == self.side])

    def forecast(self, motion_id: str):
        """Forecast of a motion in the current state (cached per state)."""
        if self._forecast_state is not self.state:
            self._forecasts.clear()
            self._forecast_state = self.state
        if motion_id not in self._forecasts:
            self._forecasts[motion_id] = self.session.forecast(motion_id)
        return self._forecasts[motion_id]

    def ends_lobbying(self, decision: Decision) -> bool:
        """The decision ends lobbying at this stage: asking for the vote (the other side's last
        word follows), or passing in the last word."""
        return isinstance(decision, ProceedToVote) or (
            isinstance(decision, Pass) and self.state.phase == "last_word")

    def raised_by(self, decision: Decision) -> list[str]:
        """The floor motion a decision would put to the vote (ids as the Session names them:
        ``draft:no_action``, ``draft:division:para``, ``draft:separate_vote:para``)."""
        motion = self.session.floor_motion(decision)
        return [motion] if motion else []

    def probabilities(self, motion_id: str) -> dict[str, tuple[float, float, float, float]]:
        """{iso3: (P yes, P no, P abstain, P absent)} for a motion's voters."""
        probs = self.forecast(motion_id).probabilities      # one row per voter, in their order
        return {iso: (float(yes), float(no), float(abstain), float(absent))
                for iso, (yes, no, abstain, absent) in zip(self.voters(motion_id), probs,
                                                           strict=True)}

    def explanation(self, motion_id: str, iso: str) -> list[tuple[str, float]]:
        """Why a delegation leans as it does (empty if it does not vote on the motion)."""
        try:
            return list(self.session.explain(iso, motion_id))
        except KeyError:
            return []

    def side_of(self, iso: str) -> str | None:
        """'sponsors' or 'opposition' for the main sponsors / opposition leaders, else None."""
        for name, side in self.scenario.spec.sides.items():
            if iso in side.members:
                return name
        return None

    def is_cosponsor(self, iso: str) -> bool:
        """Co-sponsors from the start (the scenario's) and those won during the game."""
        return (iso in self.state.cosponsors
                or iso in self.scenario.spec.sides["sponsors"].cosponsors)

    def has_text(self) -> bool:
        """Whether this stage votes a text the player can read (a draft or an amendment)."""
        return any(self.motion(m).text or self.motion(m).amends for m in self.stage_motions())

    def budget(self) -> tuple[int, int]:
        """(capital, days) left to the player's side in this stage."""
        return self.state.budget(self.side)

    def full_capital(self, stage: Stage | None = None) -> int:
        """The capital the player's side starts a stage with."""
        stage = stage or self.stage
        if stage is None:
            return 0
        if self.side == "opposition" and stage.opposition_capital is not None:
            return stage.opposition_capital
        return stage.capital

    def can_still_act(self) -> bool:
        """The player's side could still afford a move other than ending the stage."""
        return any(d.type not in ("proceed_to_vote", "pass") for d in self.mine())
