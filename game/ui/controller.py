"""The UI's handle on one Session, the Game: it plays decisions (the player's, the
opponent's replies, or a scripted decision list's) and remembers the votes they bring.

Everything it knows about the game it asks the Session (the one door: the UI imports neither
the rules nor the vote model nor the bots). It never changes the game except through
``session.play`` (or ``session.apply`` when a scripted decision list supplies the other
side's moves as well). The player plays ``session.side``; the opponent the other side.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from ..decisions import (
    Decision,
    DecisionError,
    TimeUp,
)
from ..i18n import _
from ..session import Session
from ..state import VoteResult
from .levels import DEFAULT_OPPONENT
from .movelog import MoveLogMixin
from .preview import PreviewMixin


class Game(PreviewMixin, MoveLogMixin):
    """Session + the things screens ask about it; plays decisions, scripted or not."""

    def __init__(self, session: Session, script: Iterable[Decision] | None = None, *,
                 script_name: str | None = None, level: str | None = None) -> None:
        super().__init__(session)
        self.script: deque[Decision] | None = deque(script) if script is not None else None
        #: Where the decision list came from (for messages), and the digest when it ran out.
        self.script_name = script_name or _("the decision list")
        #: How many decisions the list held, and the number (from 1) of the last one taken.
        self.script_size = len(self.script) if self.script is not None else 0
        self.script_at = 0
        #: The opponent's level (a bot's name); None while a decision list plays both sides.
        self.level = level if level is not None or self.script is not None else (
            DEFAULT_OPPONENT if session.opponent is not None else None)
        #: Why this game is not being saved (the session file could not be opened), if so.
        self.unsaved: str | None = None
        #: What was done to the decision list before playing it (shown on the title screen).
        self.script_notes: list[str] = []
        #: Where (and why) the list stopped fitting the game when checked, if it did.
        self.stopped_at: str | None = None
        self.end_digest: str | None = None
        self.new_results: tuple[VoteResult, ...] = ()
        #: P(adopted) of each motion just before it was put to the vote.
        self.prior: dict[str, float] = {}

    # -- acting -----------------------------------------------------------------------------
    def play(self, decision: Decision) -> None:
        """Play the player's decision and the opponent's replies. Raises DecisionError."""
        start = (len(self.session.history), len(self.state.results))
        if self.script is None:
            self.session.play(decision)
        else:
            self.session.apply(decision)
            self._replay_other()
            if not self.script and self.end_digest is None:
                self.end_digest = self.state.digest()
        self._collect(*start)

    def time_up(self) -> None:
        """The turn clock ran out for the side at the keyboard: the chair's ``time_up``
        decision, played (and saved) like any other. Raises DecisionError without a timer."""
        self.play(TimeUp(self.state.to_move))  # type: ignore[arg-type]

    def catch_up(self) -> None:
        """Let the opponent (or the decision list) make the moves due before the player's
        turn: the sponsors open every stage, so an opposition player waits for them."""
        start = (len(self.session.history), len(self.state.results))
        if self.script is None:
            self.session.run_opponent()
        else:
            self._replay_other()
        self._collect(*start)

    def recall(self) -> None:
        """A game continued from its session file: each vote already held gets the forecast
        it had just before (the debrief shows it), and none is shown again as new."""
        self._collect(0, 0)
        self.new_results = ()

    def _collect(self, history: int, results: int) -> None:
        """The results recorded since, and each one's forecast just before it was voted."""
        self.new_results = self.state.results[results:]
        for __, before, after in self.session.history[history:]:
            for r in after.results[len(before.results):]:
                if r.ballots:
                    self.prior[r.motion] = self.session.forecast(r.motion, before).p_adopted

    def _replay_other(self) -> None:
        while self.script and not self.state.finished and self.state.to_move == self.other:
            nxt = self.script[0]
            if nxt.side != self.other:
                raise DecisionError(f"the decision list gives the {nxt.side} a move while it "
                                    f"is the {self.other}' turn")
            self.session.apply(self.script.popleft())
            self.script_at = self.script_size - len(self.script)

    def end_script(self) -> str:
        """The decision list ran out before the game ended: the player (and the opponent
        bot) take over from here. Returns the message for the screen."""
        stage = self.stage
        where = stage.title if stage else _("the end")
        if self.end_digest is None:
            self.end_digest = self.state.digest()
        self.script = None
        self.level = self.level or DEFAULT_OPPONENT
        self.session.set_opponent(self.level)
        start = (len(self.session.history), len(self.state.results))
        self.session.run_opponent()
        self._collect(*start)
        if self.stopped_at:
            return _("the decisions in {name} stop fitting the game at {at} (stage: {stage})"
                     ).format(name=self.script_name, at=self.stopped_at, stage=where)
        return _("the decisions in {name} end here (stage: {stage})").format(
            name=self.script_name, stage=where)

    def next_scripted(self) -> Decision | None:
        """The player's next decision of a decision list (None when it is exhausted)."""
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
        return _("the decisions in {name} stop fitting the game at decision {at}: {why}").format(
            name=self.script_name, at=at, why=why)

    def notices(self, start: bool = False) -> list[str]:
        """Notes the player should see: the game is not (or no longer) being saved; with
        ``start``, also an earlier game kept aside and repairs made to the decision list."""
        out = []
        writer = self.session.writer
        if self.unsaved:
            out.append(_("This game is not being saved: {why}.").format(why=self.unsaved))
        elif writer is not None and writer.error:
            out.append(_("Saving stopped: {why}.").format(why=writer.error))
        if start and writer is not None and writer.backup:
            out.append(_("An earlier game saved at {file} was kept as {backup}.").format(
                file=writer.path.name, backup=writer.backup.name))
        return out + (self.script_notes if start else [])
