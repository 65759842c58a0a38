"""The UI's handle on one Session: plays decisions, caches forecasts, remembers new votes.

Everything it knows about the game it asks the Session (the one door: the UI imports neither
the rules nor the vote model nor the bots). It never changes the game except through
``session.play`` (or ``session.apply`` when a scripted decision list supplies the
opposition's moves as well).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from ..decisions import Decision, DecisionError
from ..scenario import Scenario
from ..scenario.models import Member, Motion, Stage
from ..session import Session
from ..state import GameState, VoteResult

#: Draws per forecast on screen: enough for stable percentages, fast enough per click.
DRAWS = 4000
#: Draws behind a preview of a decision not yet taken.
PREVIEW_DRAWS = 2000


class Game:
    """Session + the things screens ask about it."""

    def __init__(self, session: Session, script: Iterable[Decision] | None = None, *,
                 script_name: str | None = None) -> None:
        self.session = session
        self.script: deque[Decision] | None = deque(script) if script is not None else None
        #: Where the decision list came from (for messages), and the digest when it ran out.
        self.script_name = script_name or "the decision list"
        #: How many decisions the list held, and the number (from 1) of the last one taken.
        self.script_size = len(self.script) if self.script is not None else 0
        self.script_at = 0
        #: Why this game is not being saved (the session file could not be opened), if so.
        self.unsaved: str | None = None
        #: What was done to the decision list before playing it (shown on the title screen).
        self.script_notes: list[str] = []
        #: Where (and why) the list stopped fitting the game when checked, if it did.
        self.stopped_at: str | None = None
        self.end_digest: str | None = None
        self._forecasts: dict = {}
        self._forecast_state: GameState | None = None
        self.new_results: tuple[VoteResult, ...] = ()
        #: P(adopted) of each motion just before it was put to the vote.
        self.prior: dict[str, float] = {}

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
    def stage(self) -> Stage | None:
        """The stage being played (None once the game is over)."""
        return self.session.stage()

    def member(self, iso: str) -> Member:
        """A delegation of the scenario by ISO3 code."""
        return self.session.member(iso)

    def motion(self, motion_id: str) -> Motion:
        """A motion of the scenario by id."""
        return self.session.motion(motion_id)

    def voters(self, motion_id: str) -> list[str]:
        """ISO3 codes of the voters on a motion, in the order of forecast rows."""
        return self.session.voters(motion_id)

    def target(self) -> str:
        """The motion lobbying aims at now."""
        return self.session.target_motion()

    def stage_motions(self) -> list[str]:
        """This stage's motions in voting order."""
        return self.session.vote_order()

    def legal(self) -> set[Decision]:
        """Every decision the rules accept now (for the side to move)."""
        return set(self.session.legal_decisions())

    def forecast(self, motion_id: str):
        """Forecast of a motion in the current state (cached per state)."""
        if self._forecast_state is not self.state:
            self._forecasts.clear()
            self._forecast_state = self.state
        if motion_id not in self._forecasts:
            self._forecasts[motion_id] = self.session.forecast(motion_id, DRAWS)
        return self._forecasts[motion_id]

    def preview(self, decision: Decision) -> list[str]:
        """What a decision would do to this stage's forecasts, one line per motion
        ("SYMBOL: P(adopted) a% to b%, in favour x to y"), on the Session's copy of the state
        (``Session.preview``: its own random stream, the game untouched).

        Raises DecisionError if the rules refuse the decision.
        """
        after = self.session.preview(decision)
        lines = []
        for m in self.stage_motions():
            if self.session.is_moot(m, state=after):
                lines.append(f"{self.motion(m).symbol}: withdrawn, nothing left for it to do")
                continue
            now, then = self.forecast(m), self.session.forecast(m, PREVIEW_DRAWS, state=after)
            lines.append(f"{self.motion(m).symbol}: P(adopted) {now.p_adopted:.0%} to "
                         f"{then.p_adopted:.0%}, in favour {now.expected[0]:.0f} to "
                         f"{then.expected[0]:.0f}")
        return lines

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

    # -- acting -----------------------------------------------------------------------------
    def play(self, decision: Decision) -> None:
        """Play the sponsors' decision and the opposition's replies. Raises DecisionError."""
        n = len(self.state.results)
        if decision.type == "proceed_to_vote":
            self.prior = {m: self.forecast(m).p_adopted for m in self.stage_motions()}
        if self.script is None:
            self.session.play(decision)
        else:
            self.session.apply(decision)
            self._replay_opposition()
            if not self.script and self.end_digest is None:
                self.end_digest = self.state.digest()
        self.new_results = self.state.results[n:]

    def _replay_opposition(self) -> None:
        while (self.script and not self.state.finished and self.state.to_move == "opposition"):
            nxt = self.script[0]
            if nxt.side != "opposition":
                raise DecisionError("the decision list gives the sponsors a move while it is "
                                    "the opposition's turn")
            self.session.apply(self.script.popleft())
            self.script_at = self.script_size - len(self.script)

    def end_script(self) -> str:
        """The decision list ran out before the game ended: the player (and the opposition
        bot) take over from here. Returns the message for the screen."""
        stage = self.stage
        where = stage.title if stage else "the end"
        if self.end_digest is None:
            self.end_digest = self.state.digest()
        self.script = None
        self.session.set_opposition("greedy")
        n = len(self.state.results)
        self.session.run_opposition()
        self.new_results = self.state.results[n:]
        if self.stopped_at:
            return (f"the decisions in {self.script_name} stop fitting the game at "
                    f"{self.stopped_at} (stage: {where})")
        return f"the decisions in {self.script_name} end here (stage: {where})"

    def next_scripted(self) -> Decision | None:
        """The next sponsors' decision of a decision list (None when it is exhausted)."""
        if not self.script:
            return None
        decision = self.script.popleft()
        self.script_at = self.script_size - len(self.script)
        return decision

    def stop_script(self, why: str) -> str:
        """A scripted decision does not fit the game: the list ends here. The message."""
        at = self.script_at
        self.script = None
        if self.end_digest is None:
            self.end_digest = self.state.digest()
        return (f"the decisions in {self.script_name} stop fitting the game at decision {at}: "
                f"{why}")

    def notices(self, start: bool = False) -> list[str]:
        """Notes the player should see: the game is not (or no longer) being saved; with
        ``start``, also an earlier game kept aside and repairs made to the decision list."""
        out = []
        writer = self.session.writer
        if self.unsaved:
            out.append(f"This game is not being saved: {self.unsaved}.")
        elif writer is not None and writer.error:
            out.append(f"Saving stopped: {writer.error}.")
        if start and writer is not None and writer.backup:
            out.append(f"An earlier game saved at {writer.path.name} was kept as "
                       f"{writer.backup.name}.")
        return out + (self.script_notes if start else [])
