"""Replay a decision file against its scenario, keeping everything that can be kept.

A session file records, after each decision, the digest of the game's state. That makes a
damaged file recoverable: a decision is *proven* when applying it gives exactly the digest
recorded beside it. The replay walks the file in order; when the next line does not prove,
it looks a few lines ahead for one that does (two swapped lines), passes over a line that
never fits (a duplicated or stray line), applies a legal line whose digest differs (an edited
digest, or another seed or scenario version) and reports it, and skips an illegal one.
Decisions after the game ended are counted, not applied. The CLI (``replay``, ``simulate
--decisions``, ``play --decisions``) and the game window all replay through ``replay`` here.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from ..decisions import Decision, DecisionError
from ..state import GameState
from . import LoadedDecisions, capped


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


#: The kind of game replayed (a ``Session``): ``Replayed`` hands back the same kind.
S = TypeVar("S", bound=Replayable)

#: How many lines ahead a replay looks for the one that continues the recorded game.
LOOKAHEAD = 8


@dataclass
class Replayed(Generic[S]):
    """A replayed game and what the replay had to do to get there."""

    session: S
    proven: int = 0                                    # decisions whose digest matched
    skipped: list[str] = field(default_factory=list)   # "line 7: why", not applied
    differs: list[str] = field(default_factory=list)   # applied, but the digest differs
    reordered: list[str] = field(default_factory=list)  # applied later than written
    unused: int = 0                                    # left over when the game ended
    final_matches: bool | None = None                  # the recorded final digest, if any

    @property
    def faithful(self) -> bool:
        """Every decision applied, in order, and nothing contradicts the recording."""
        return not (self.skipped or self.differs or self.reordered or self.unused
                    or self.final_matches is False)

    def notes(self) -> list[str]:
        """What the replay did, one line each, for the person who made the file."""
        out = capped([f"{s}; skipped" for s in self.skipped])
        if self.reordered:
            out.append(f"{', '.join(self.reordered)}: out of order in the file; applied where "
                       "the recorded digests say they belong")
        if self.differs:
            more = f" (and {len(self.differs) - 1} later)" if len(self.differs) > 1 else ""
            out.append(f"{self.differs[0]}{more}: the game after this line differs from the "
                       "recording (an edited line or digest, or another seed, scenario version "
                       "or rules)")
        if self.unused:
            out.append(f"{self.unused} decision(s) after the game ended; not used")
        if self.final_matches is False:
            out.append("the replay does not end in the final state the file recorded (another "
                       "seed, scenario version or rules)")
        return out


def replay(session: S, loaded: LoadedDecisions, lookahead: int = LOOKAHEAD) -> Replayed[S]:
    """Replay ``loaded`` on ``session``, a fresh game with no opposition bot (the file holds
    both sides' decisions) and the file's seed; see the module docstring."""
    n = len(loaded.decisions)
    digests = loaded.digests if len(loaded.digests) == n else [None] * n
    where = loaded.where if len(loaded.where) == n else [f"decision {i}" for i in range(n)]
    out = Replayed(session)
    session, remaining = out.session, list(range(n))
    passed: Counter[int] = Counter()             # index -> times a later line proved first
    seen: dict[tuple, str] = {}                  # (decision, digest) proven -> where
    while remaining and not session.state.finished:
        copy = seen.get((loaded.decisions[remaining[0]], digests[remaining[0]]))
        if copy and digests[remaining[0]]:
            out.skipped.append(f"{where[remaining.pop(0)]}: a copy of {copy}")
            continue
        window = remaining[:lookahead]
        k = next((k for k, i in enumerate(window)
                  if (digest := digests[i]) and session.apply_if(loaded.decisions[i], digest)),
                 None)
        if k is None:                       # nothing proves: take the next line as it is
            i = remaining.pop(0)
            try:
                session.apply(loaded.decisions[i])
            except DecisionError as exc:
                out.skipped.append(f"{where[i]}: {str(exc)[:200]}")
                continue
            out.differs += [where[i]] if digests[i] else []
            continue
        i = remaining.pop(k)
        out.proven += 1
        seen[(loaded.decisions[i], digests[i])] = where[i]
        out.reordered += [where[i]] if passed[i] else []
        for j in window[:k]:
            passed[j] += 1
            if passed[j] > lookahead:
                remaining.remove(j)
                out.skipped.append(f"{where[j]}: does not fit anywhere in the recorded game")
    out.skipped += [f"{where[j]}: does not fit anywhere in the recorded game" for j in remaining
                    if passed[j]]
    out.unused = sum(not passed[j] for j in remaining)
    if loaded.digest and not any(digests):
        out.final_matches = session.state.digest() == loaded.digest
    return out
