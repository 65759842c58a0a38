"""GameState: everything that changes during a game, immutable; digest() for replay checks."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class VoteResult:
    """A recorded vote: one ballot per voter, the tally and the rule that decided it.

    ``outcome`` is one of adopted, rejected, vetoed, not_tabled, moot, not_held; ballots is
    ``((iso3, ballot), ...)`` in member order, empty when no vote was held.
    """

    motion: str
    outcome: str
    adopted: bool
    decided_by: str
    ballots: tuple[tuple[str, str], ...] = ()
    tally: tuple[tuple[str, int], ...] = ()
    #: The text put to the vote: ((paragraph id, variant id), ...); empty if none was held.
    wording: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready form (ballots, tally and wording as objects)."""
        return {"motion": self.motion, "outcome": self.outcome, "adopted": self.adopted,
                "decided_by": self.decided_by, "ballots": dict(self.ballots),
                "tally": dict(self.tally), "wording": dict(self.wording)}


@dataclass(frozen=True)
class GameState:
    """The game at one moment: plain data, no scenario inside. Change it only through
    ``Rules.apply`` (``game.rules``), which holds the scenario and the vote model.

    wording: ((text id, ((paragraph id, variant id), ...)), ...) for paragraphs present;
    moves: (((side, scope, target, argument), times), ...) sorted; budgets:
    ((side, capital left, days left), ...) for the current stage.
    """

    stage: int = 0
    to_move: str = "sponsors"
    budgets: tuple[tuple[str, int, int], ...] = ()
    wording: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    moves: tuple[tuple[tuple[str, str, str, str], int], ...] = ()
    cosponsors: frozenset[str] = frozenset()
    declined: frozenset[str] = frozenset()
    offers: tuple[tuple[str, bool], ...] = ()
    tabled: frozenset[str] = frozenset()
    results: tuple[VoteResult, ...] = ()
    #: (text id, seed) drawn at a text's first recorded vote; later votes on the same text
    #: reuse its uniforms, so a delegation changes its ballot only if its probabilities do.
    text_seeds: tuple[tuple[str, int], ...] = ()
    events: tuple[str, ...] = field(default=(), compare=False)
    finished: bool = False
    #: The sponsors have asked for the vote; the opposition has the floor until it is held.
    closing: bool = False
    #: Procedural requests from the floor, sorted: (kind, side, motion, target) with kind
    #: no_action (target ""), separate_vote or objection (target: a paragraph), abstention
    #: (target: a permanent member asked to abstain).
    requests: tuple[tuple[str, str, str, str], ...] = ()
    #: "motion@ISO3" for each permanent member that agreed to abstain on a motion.
    pledges: frozenset[str] = frozenset()
    #: Lobbying turns each side may take in a stage (0: as many as its budget pays for), and
    #: whether a turn timer runs (the chair's ``time_up`` is then in order); set by the play
    #: options at the start (``rules.pace``).
    rounds: int = 0
    timed: bool = False
    #: ((side, turns taken), ...) in the stage being played, sorted.
    turns: tuple[tuple[str, int], ...] = ()

    def budget(self, side: str) -> tuple[int, int]:
        """(capital, days) left to ``side`` in this stage."""
        for s, cap, days in self.budgets:
            if s == side:
                return cap, days
        return 0, 0

    def text(self, text_id: str) -> dict[str, str]:
        """{paragraph id: variant id} of the paragraphs present in a text."""
        return dict(dict(self.wording).get(text_id, ()))

    def times(self, key: tuple[str, str, str, str]) -> int:
        """How often a move (side, scope, target, argument) was made."""
        return dict(self.moves).get(key, 0)

    def result(self, motion: str) -> VoteResult | None:
        """The recorded result of a motion, None until it is voted (or skipped)."""
        return next((r for r in self.results if r.motion == motion), None)

    @property
    def phase(self) -> str:
        """The phase of the stage flow this state rests in (see ``game.rules.phases``)."""
        return "debrief" if self.finished else "last_word" if self.closing else "lobbying"

    def evolve(self, **changes: Any) -> GameState:
        """A copy with fields changed (the only way rules make a new state)."""
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """JSON-ready, canonical (sorted) form; events excluded."""
        return {
            "stage": self.stage, "to_move": self.to_move, "finished": self.finished,
            "closing": self.closing,
            "budgets": [list(b) for b in self.budgets],
            "wording": {t: dict(w) for t, w in self.wording},
            "moves": [[list(k), n] for k, n in self.moves],
            "cosponsors": sorted(self.cosponsors), "declined": sorted(self.declined),
            "offers": dict(self.offers), "tabled": sorted(self.tabled),
            "results": [r.to_dict() for r in self.results],
            "text_seeds": dict(self.text_seeds),
            # Written only once used, so that games without them keep their old digests.
            **({"requests": [list(r) for r in self.requests]} if self.requests else {}),
            **({"pledges": sorted(self.pledges)} if self.pledges else {}),
            **({"rounds": self.rounds, "turns": dict(self.turns)} if self.rounds else {}),
            **({"timed": True} if self.timed else {}),
        }

    def digest(self) -> str:
        """sha256 of the canonical JSON form: equal digests mean equal games."""
        blob = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()
