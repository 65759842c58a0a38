"""Replay a decision file against its scenario, in order, up to the first line that fails.

A session file records, after each decision, the digest of the game's state. A decision is
*proven* when applying it gives exactly the digest recorded beside it. The replay applies
the decisions in the order written and stops at the first one that is illegal or does not
prove: after it, the game would no longer be the recorded one, and nothing is gained by
playing on (or by printing the votes of a game that was never played). With ``strict``
False (``simulate --decisions`` with another ``--seed``) a digest that differs is noted and
the replay goes on. Decisions after the game ended are counted, not applied. The CLI
(``replay``, ``simulate --decisions``, ``play --decisions``, ``play --resume``) and the game
window all replay through ``replay`` here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

import numpy as np

from ..decisions import Decision, DecisionError
from ..state import GameState
from . import LoadedDecisions, Stop
from .writer import game_version


class Replayable(Protocol):
    """What a replay needs of a game: a ``game.session.Session`` (not imported here, so that
    the session may write session files without a cycle between the two packages)."""

    state: GameState
    decisions: list[Decision]

    def apply(self, decision: Decision) -> GameState:
        """Apply a decision or raise DecisionError."""
        ...

    def apply_if(self, decision: Decision, digest: str) -> bool:
        """Apply a decision only if the game after it has ``digest``."""
        ...

    def check(self, decision: Decision) -> None:
        """Raise DecisionError if the decision is not legal now."""
        ...

    def stage(self, state: GameState | None = None) -> Any:
        """The stage the game is in (its ``id`` and ``title``), None once it is over."""
        ...


#: The kind of game replayed (a ``Session``): ``Replayed`` hands back the same kind.
S = TypeVar("S", bound=Replayable)


@dataclass
class Replayed(Generic[S]):
    """A replayed game and how far the file took it."""

    session: S
    proven: int = 0                                    # decisions whose digest matched
    stopped: Stop | None = None                        # the line the replay stopped at
    differs: list[str] = field(default_factory=list)   # applied, the digest differs (lenient)
    unused: int = 0                                    # left over when the game ended
    final_matches: bool | None = None                  # the recorded final digest, if any

    @property
    def faithful(self) -> bool:
        """Every decision applied, in order, and nothing contradicts the recording."""
        return not (self.stopped or self.differs or self.unused
                    or self.final_matches is False)

    def notes(self) -> list[str]:
        """What the replay found, one line each, for the person who made the file."""
        out = [self.stopped.message] if self.stopped else []
        if self.differs:
            more = f" (and {len(self.differs) - 1} later)" if len(self.differs) > 1 else ""
            out.append(f"{self.differs[0]}{more}: the game after this line differs from the "
                       "recording (another seed, an edited line or another scenario version)")
        if self.unused:
            out.append(f"{self.unused} decision(s) after the game ended; not used")
        if self.final_matches is False:
            out.append("the replay does not end in the final state the file recorded (another "
                       "seed, scenario version or rules)")
        return out


def why_digest_differs(where: str, header: dict, first: bool = False) -> str:
    """The words for a decision whose recorded digest the replay does not reach: another
    numpy (its random streams draw the ballots) or Plenary when the header says so, else an
    edited line (or, for the ``first`` decision, perhaps an edited header)."""
    base = f"{where}: the game after this decision is not the one recorded (its digest differs)"
    recorded_numpy, recorded_game = header.get("numpy"), header.get("game")
    if isinstance(recorded_numpy, str) and recorded_numpy != np.__version__:
        return (f"{base}: the file was recorded with numpy {recorded_numpy[:20]} and this is "
                f"numpy {np.__version__}, whose random streams draw other ballots; replay it "
                f"with numpy {recorded_numpy[:20]}")
    if isinstance(recorded_game, str) and recorded_game not in (game_version(), "unknown"):
        return (f"{base}: the file was recorded with Plenary {recorded_game[:20]} and this is "
                f"{game_version()}, whose rules may differ")
    if first:
        return (f"{base}: the header (line 1) may have been edited (its seed or scenario "
                "checksum), or this decision or its digest")
    return (f"{base}: the decision or its digest was edited after the game (or the seed in "
            "the header, line 1)")


def why_header(where: str, loaded: LoadedDecisions, i: int) -> str | None:
    """Why decision ``i``'s digest is not reached when the header is to blame: its seed or
    its scenario checksum is damaged or missing (named as line 1's problem), else None."""
    for name in ("seed", "sha256"):
        if name in loaded.unusable:
            first = ", the first decision," if i == 0 else ""
            return (f"{loaded.unusable[name]}; so {where}{first} does not reach its recorded "
                    "digest (the header, line 1, was damaged or edited)")
    return None


def stage_differs(session: Replayable, i: int, loaded: LoadedDecisions, where: str,
                  line: int) -> Stop | None:
    """A version-2 line that names another stage than the one the game is in (an edited
    line: the stage is not part of the digest), as a Stop; None when it agrees."""
    stages = loaded.stages
    if loaded.version < 2 or len(stages) != len(loaded.decisions) or stages[i] is None:
        return None
    now = session.stage()
    if now is None or now.id == stages[i]:
        return None
    return Stop(line, "stage", f"{where}: the line says the decision was made in the stage "
                f"{str(stages[i])[:40]!r}, but the game was in the {now.title} ({now.id}) "
                "then: the line was edited after the game")


def end_differs(session: Replayable, i: int, loaded: LoadedDecisions, where: str,
                line: int) -> Stop | None:
    """A version-2 file whose mark of the game's end (``"finished": true``) is not on the
    decision that ended it, as a Stop at that line; None when they agree."""
    if loaded.version < 2 or not loaded.line_of:
        return None
    if loaded.ends == i and not session.state.finished:
        return Stop(line, "finished", f"{where}: the line says the game ended there "
                    "(\"finished\": true), but the game goes on after this decision: the "
                    "line was edited after the game")
    if session.state.finished and loaded.ends != i:
        return Stop(line, "finished", f"{where}: the game ends with this decision, but the "
                    "line does not say so (\"finished\": true is missing): the line was "
                    "edited after the game")
    return None


def replay(session: S, loaded: LoadedDecisions, *, strict: bool = True) -> Replayed[S]:
    """Replay ``loaded`` on ``session``, a fresh game with no opponent bot (the file holds
    both sides' decisions) and the file's seed; see the module docstring."""
    n = len(loaded.decisions)
    digests = loaded.digests if len(loaded.digests) == n else [None] * n
    where = loaded.where if len(loaded.where) == n else [f"decision {i}" for i in range(n)]
    lines = loaded.line_of if len(loaded.line_of) == n else [0] * n
    out = Replayed(session)
    for i, decision in enumerate(loaded.decisions):
        if out.session.state.finished:
            out.unused = n - i
            break
        out.stopped = stage_differs(out.session, i, loaded, where[i], lines[i])
        if out.stopped:
            break
        digest = digests[i]
        if digest and out.session.apply_if(decision, digest):
            out.proven += 1
            out.stopped = end_differs(out.session, i, loaded, where[i], lines[i])
            if out.stopped:
                break
            continue
        try:
            out.session.check(decision)
        except DecisionError as exc:
            out.stopped = Stop(lines[i], "illegal",
                               f"{where[i]}: the decision ({decision.type}) is not legal at "
                               f"this point of the game: {str(exc)[:200]}")
            break
        if digest and strict:
            out.stopped = Stop(lines[i], "digest", why_header(where[i], loaded, i)
                               or why_digest_differs(where[i], loaded.header, i == 0))
            break
        try:
            out.session.apply(decision)
        except DecisionError as exc:           # check() and apply() agree; a second guard
            out.stopped = Stop(lines[i], "illegal", f"{where[i]}: {str(exc)[:200]}")
            break
        out.differs += [where[i]] if digest else []
        out.stopped = end_differs(out.session, i, loaded, where[i], lines[i]) if strict \
            else None
        if out.stopped:
            break
    if loaded.digest and not any(digests):
        out.final_matches = out.session.state.digest() == loaded.digest
    return out
