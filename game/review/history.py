"""A recorded game step by step, for the replay viewer: the game as it stood after each
decision, the votes each decision brought on, and which delegations' most probable ballot the
decision changed and why (the model's own explanation, ``Session.explain``).

A ``Review`` holds one session file replayed on a fresh Session of its scenario and seed (the
replay of ``game.replay.verify``: each decision proves its recorded digest), so every step is
the game exactly as it was played. Step ``k`` is the game after its first ``k`` decisions
(step 0: before any); ``at(k)`` is that game as a Session a screen can read (its whip count,
its text, its move log up to there).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..decisions import Decision
from ..session import Session
from ..state import GameState, VoteResult
from ..vocabulary import BALLOT_CODES

#: Reasons named per changed ballot (the parts of the latent support that moved most).
REASONS = 3
#: A part of the latent support that moved less than this is not a reason.
MOVED = 1e-6


@dataclass(frozen=True)
class BallotChange:
    """One delegation whose most probable ballot a decision changed on a motion: from
    ``before`` to ``after`` (ballot codes), the chance of the new ballot before and after,
    and ``reasons``: (label, change in latent support) of the parts that moved most."""

    member: str
    before: str
    after: str
    p_before: float
    p_after: float
    reasons: tuple[tuple[str, float], ...]


@dataclass
class Review:
    """A replayed session file, read step by step.

    ``session``: the replayed game (no opponent: the file holds both sides' moves);
    ``path``: the file; ``header``: its header (``parent`` and ``step`` name a what-if's
    origin); ``stopped``: where and why the replay stopped before the file's end (a damaged
    or edited line), else None; ``notes``: anything else the reader should know.
    """

    session: Session
    path: Path
    header: dict = field(default_factory=dict)
    stopped: str | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # the effects of every decision once, so that each step's move log only reads them
        self.session.move_effects(len(self.session.history))
        self._changes: dict[tuple[int, str], list[BallotChange]] = {}

    @property
    def steps(self) -> int:
        """How many decisions were replayed (the last step's number)."""
        return len(self.session.history)

    @property
    def parent(self) -> tuple[str, int] | None:
        """(parent file, step) when this game is a what-if of another, else None."""
        parent, step = self.header.get("parent"), self.header.get("step")
        if isinstance(parent, str) and isinstance(step, int) and not isinstance(step, bool):
            return parent, step
        return None

    def clamp(self, step: int) -> int:
        """``step`` kept within 0 to ``steps``."""
        return max(0, min(self.steps, step))

    def state(self, step: int) -> GameState:
        """The game after its first ``step`` decisions (IndexError outside 0 to ``steps``)."""
        if not 0 <= step <= self.steps:
            raise IndexError(f"step {step}: the game has {self.steps} decisions")
        history = self.session.history
        if step == 0:
            return history[0][1] if history else self.session.state
        return history[step - 1][2]

    def decision(self, step: int) -> Decision:
        """The decision that made step ``step`` (from 1; IndexError otherwise)."""
        if not 1 <= step <= self.steps:
            raise IndexError(f"decision {step}: the game has {self.steps} decisions")
        return self.session.history[step - 1][0]

    def at(self, step: int) -> Session:
        """The game after its first ``step`` decisions, as a Session to read
        (``Session.at_step``)."""
        return self.session.at_step(step)

    def held(self, step: int) -> tuple[VoteResult, ...]:
        """The recorded votes (and motions not put to the vote) that decision ``step`` brought
        on, in the order they were taken; none for step 0."""
        if step == 0:
            return ()
        _, before, after = self.session.history[step - 1]
        return after.results[len(before.results):]

    def motion(self, step: int) -> str | None:
        """The motion to show at a step: the first one voted on by the decision that made it
        (its recorded ballots), else the one lobbying aims at then (None once it is over)."""
        voted = [r.motion for r in self.held(step) if r.ballots]
        if voted:
            return voted[0]
        state = self.state(step)
        return None if state.finished else self.session.rules.target_motion(state)

    def aimed_at(self, step: int) -> str | None:
        """The motion lobbying aimed at when decision ``step`` was made (None for step 0 or a
        decision made after the end)."""
        if step == 0:
            return None
        before = self.state(step - 1)
        return None if before.finished else self.session.rules.target_motion(before)

    def changes(self, step: int, motion: str | None = None) -> list[BallotChange]:
        """The delegations whose most probable ballot decision ``step`` changed on ``motion``
        (default: the one it aimed at), largest change of chance first, each with the parts
        of its latent support that moved most. None when the decision put the motion to the
        vote or ended the stage (the forecast after it is of another question)."""
        motion = motion or self.aimed_at(step)
        if motion is None:
            return []
        key = (step, motion)
        if key not in self._changes:
            self._changes[key] = self._compute_changes(step, motion)
        return self._changes[key]

    def _compute_changes(self, step: int, motion: str) -> list[BallotChange]:
        _, before, after = self.session.history[step - 1]
        return ballot_changes(self.session, motion, before, after)

    def ballots(self, step: int, motion: str) -> dict[str, str] | None:
        """The recorded ballots of ``motion`` if decision ``step`` put it to the vote, else None."""
        for r in self.held(step):
            if r.motion == motion and r.ballots:
                return dict(r.ballots)
        return None

    def vote_steps(self) -> list[int]:
        """The steps whose decision brought on a recorded vote, in order."""
        return [k for k in range(1, self.steps + 1) if any(r.ballots for r in self.held(k))]

    def lobbying_steps(self) -> list[int]:
        """The steps whose decision changed some delegation's most probable ballot."""
        return [k for k in range(1, self.steps + 1) if self.changes(k)]


def ballot_changes(s: Session, motion: str, before: GameState,
                   after: GameState) -> list[BallotChange]:
    """The delegations whose most probable ballot on ``motion`` differs between two states
    of one game (a decision, or a whole turn: a move and the replies), largest gain in the
    chance of the new ballot first, each with the parts of its latent support that moved
    most. Empty when the game ended, the stage changed or the motion was voted in between
    (the forecast after is of another question)."""
    if (after.finished or after.stage != before.stage
            or after.result(motion) is not None):
        return []
    p0, p1 = s.probabilities(motion, before), s.probabilities(motion, after)  # (n, 4)
    k0, k1 = p0.argmax(axis=1), p1.argmax(axis=1)
    out = []
    for row in np.flatnonzero(k0 != k1):
        iso = s.voters(motion)[row]
        was = dict(s.explain(iso, motion, before))
        now = dict(s.explain(iso, motion, after))
        moved = [(label, now.get(label, 0.0) - was.get(label, 0.0))
                 for label in list(now) + [lab for lab in was if lab not in now]]
        moved = [(label, float(d)) for label, d in moved if abs(d) > MOVED]
        moved.sort(key=lambda t: -abs(t[1]))
        new = int(k1[row])
        out.append(BallotChange(iso, BALLOT_CODES[int(k0[row])], BALLOT_CODES[new],
                                float(p0[row, new]), float(p1[row, new]),
                                tuple(moved[:REASONS])))
    out.sort(key=lambda c: -(c.p_after - c.p_before))
    return out
