"""One session file replayed and summed up for the class report (pure data, no drawing).

A file is replayed as ``replay`` does (``game.replay.verify``): decision by decision, each
proven by its recorded digest, up to the first line that cannot be trusted. What was replayed
is summed up: every recorded vote, the fate of the paragraphs that were in play, the points,
the capital spent and what each decision did on its own (``Session.move_effects``). A file
damaged part-way is summed up as far as it replays, and says where and why it stopped.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from ..decisions import Decision
from ..replay import LoadedDecisions
from ..replay.reader import replay_pace
from ..replay.verify import replay
from ..scenario import Scenario
from ..session import SIDES, MoveEffect, Session
from .words import TARGET_FIELD, move_words, paragraph_names, target_name

#: Decisions that move no delegation (they end a turn or call the vote): left out of the
#: moves the report weighs.
NOT_MOVES = frozenset({"pass", "proceed_to_vote"})
#: Moves listed per session as the ones that moved the most votes.
TOP_MOVES = 3
#: A change in expected votes below this is no change (rounding of the exact forecasts).
TINY = 0.05

@dataclass(frozen=True)
class VoteRow:
    """One recorded vote of a game: the motion, its outcome and its tally (None when the
    motion was not put to a vote, e.g. a draft not tabled)."""

    motion: str
    symbol: str
    title: str
    outcome: str
    adopted: bool
    yes: int | None
    no: int | None
    abstain: int | None
    absent: int | None

    @property
    def held(self) -> bool:
        """True if ballots were cast."""
        return self.yes is not None


@dataclass(frozen=True)
class ParagraphFate:
    """A paragraph in play (an amendment's target, an editable one, or one that changed) and
    what became of it in the last vote on its text: kept, lost, revised (how) or added."""

    text: str
    paragraph: str
    name: str          # as the record names it: "OP 8"
    summary: str
    fate: str          # "kept", "lost", "added" or "revised: <the wording's label>"


@dataclass(frozen=True)
class Move:
    """What one decision did on its own, before any reply.

    ``yes_change``: the change in the expected votes in favour of the motion lobbying aimed at
    (``motion``); ``gain``: the same counted for the side that made it (positive when it helped
    that side: more votes in favour of what it wants adopted, fewer of what it opposes).
    """

    n: int             # the decision's number in the file, from 1
    side: str
    type: str
    argument: str
    target: str        # a delegation's ISO3 code, a group, a paragraph or offer id, or ""
    target_words: str  # the same in words ("Kenya", "Non-Aligned Movement (NAM)", "OP 8")
    words: str
    motion: str | None
    yes_change: float
    gain: float


@dataclass(frozen=True)
class SessionSummary:
    """One session file as far as it replays; ``damage`` says where and why it stopped early
    (None when every line was read and proven)."""

    name: str
    scenario: str
    scenario_title: str
    sides: tuple[str, ...]
    opponent: str | None
    decisions: int
    finished: bool
    damage: str | None
    votes: tuple[VoteRow, ...]
    text: tuple[ParagraphFate, ...]
    points: int
    possible: int
    capital_spent: int
    moves: tuple[Move, ...]
    ballots: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]   # (motion, ((iso, ballot),))
    #: A what-if's parent game (its file's name without folder or extension: no path is shown)
    #: and the number of decisions it took from it; None for a game played from the start.
    branched: tuple[str, int] | None = None

    @property
    def status(self) -> str:
        """complete, unfinished (the file ends before the game did) or damaged."""
        return "damaged" if self.damage else "complete" if self.finished else "unfinished"

    @property
    def side(self) -> str:
        """The side the players took, or "both" when the file plays both."""
        return self.sides[0] if len(self.sides) == 1 else "both"

    @property
    def top_moves(self) -> tuple[Move, ...]:
        """The players' decisions that gained their side the most votes (at most TOP_MOVES)."""
        own = [m for m in self.moves if m.side in self.sides and m.gain > TINY]
        return tuple(sorted(own, key=lambda m: (-m.gain, m.n))[:TOP_MOVES])

    def vote(self, motion: str) -> VoteRow | None:
        """The recorded vote on ``motion``, None if the game did not reach it."""
        return next((v for v in self.votes if v.motion == motion), None)


@dataclass(frozen=True)
class Skipped:
    """A file left out of the report, and the reader's reason."""

    name: str
    reason: str


def header_sides(loaded: LoadedDecisions) -> tuple[str, ...]:
    """The side(s) the players took, as the header names them (both when it names none)."""
    sides = loaded.header.get("sides")
    if isinstance(sides, list) and sides and all(s in SIDES for s in sides):
        return tuple(s for s in SIDES if s in sides)
    return SIDES


def summarise(name: str, scenario: Scenario, loaded: LoadedDecisions) -> SessionSummary | Skipped:
    """Replay ``loaded`` (read from the file called ``name`` in the report) on ``scenario``
    and sum it up; Skipped when not one decision replays."""
    session = Session(scenario, loaded.seed or 0, opponent=None,
                      **replay_pace(loaded.header or {}))
    result = replay(session, loaded)
    notes = [*loaded.problems, *result.notes()]
    if loaded.seed is None:
        notes.insert(0, "no seed recorded; replayed with seed 0")
    if not session.decisions:
        return Skipped(name, notes[0] if notes else "the file holds no decision")
    sides = header_sides(loaded)
    _, won, possible = session.score(side=sides[0])
    opponent = loaded.header.get("opponent")
    return SessionSummary(
        name=name, scenario=scenario.id, scenario_title=scenario.spec.title, sides=sides,
        opponent=opponent if isinstance(opponent, str) else None,
        decisions=len(session.decisions), finished=session.state.finished,
        damage=notes[0] if notes else None, votes=votes_of(session),
        text=paragraph_fates(session), points=won, possible=possible,
        capital_spent=capital_spent(session, sides), moves=moves_of(session),
        ballots=tuple((r.motion, r.ballots) for r in session.state.results if r.ballots),
        branched=branched_from(loaded))


def branched_from(loaded: LoadedDecisions) -> tuple[str, int] | None:
    """(the parent's file stem, the step) of a what-if's header (``play --branch``), else None."""
    parent, step = loaded.header.get("parent"), loaded.header.get("step")
    if not isinstance(parent, str) or not isinstance(step, int) or isinstance(step, bool):
        return None
    return PurePath(parent.replace("\\", "/")).stem, step


def votes_of(session: Session) -> tuple[VoteRow, ...]:
    """Every recorded vote of the game, in the order held."""
    out = []
    for r in session.state.results:
        m, t = session.motion(r.motion), dict(r.tally)
        held = bool(t)
        out.append(VoteRow(r.motion, m.symbol, m.title, r.outcome, r.adopted,
                           t.get("yes", 0) if held else None, t.get("no", 0) if held else None,
                           t.get("abstain", 0) if held else None,
                           t.get("absent", 0) if held else None))
    return tuple(out)


def capital_spent(session: Session, sides: tuple[str, ...]) -> int:
    """Diplomatic capital the players' side(s) spent over the game (each stage's budget less
    what was left of it; a stage's budget is set afresh when it opens)."""
    spent = 0
    for decision, before, after in session.history:
        if decision.side in sides and not before.finished and after.stage == before.stage:
            spent += before.budget(decision.side)[0] - after.budget(decision.side)[0]
    return spent


def gain_for(session: Session, side: str, motion: str, yes_change: float) -> float:
    """``yes_change`` counted for ``side``: positive when it helps the side's aim on
    ``motion`` (the sponsors want what the motion's ``sponsors_want`` says; the opposition the
    other)."""
    sponsors_want_yes = session.motion(motion).sponsors_want == "yes"
    return yes_change if sponsors_want_yes == (side == "sponsors") else -yes_change


def move_of(session: Session, n: int, effect: MoveEffect) -> Move:
    """One decision's effect as the report shows it."""
    d: Decision = effect.decision
    fields = vars(d)
    target = str(fields.get(TARGET_FIELD.get(d.type, ""), ""))
    argument = str(fields.get("argument", ""))
    change = effect.yes_after - effect.yes_before if effect.motion else 0.0
    gain = gain_for(session, d.side, effect.motion, change) if effect.motion else 0.0
    return Move(n, d.side, d.type, argument, target, target_name(session, d),
                move_words(session, d),
                effect.motion, round(change, 3), round(gain, 3))


def moves_of(session: Session) -> tuple[Move, ...]:
    """Every decision that could move a delegation, with what it did on its own."""
    effects = session.move_effects(len(session.history), points=False)
    return tuple(move_of(session, n, e) for n, e in enumerate(effects, 1)
                 if e.decision.type not in NOT_MOVES)


def in_play(session: Session) -> set[str]:
    """Paragraphs a game can change: an amendment's targets and the editable ones."""
    spec = session.scenario.spec
    out = {p for m in spec.motions for p in (*m.delete, *m.insert)}
    return out | {p.id for t in spec.texts.values() for p in t.paragraphs if p.editable}


def paragraph_fates(session: Session) -> tuple[ParagraphFate, ...]:
    """For each text put to the vote (its last vote as a whole, not an amendment's), the
    paragraphs in play or changed, and their fate beside the text as tabled."""
    tabled, watched, names = session.world.initial_wording(), in_play(session), \
        paragraph_names(session)
    last: dict[str, dict[str, str]] = {}
    for r in session.state.results:
        m = session.motion(r.motion)
        if r.wording and m.text is not None and m.kind != "amendment":
            last[m.text] = dict(r.wording)
    out = []
    for tid, voted in last.items():
        first = tabled.get(tid, {})
        for p in session.scenario.spec.texts[tid].paragraphs:
            before, after = first.get(p.id), voted.get(p.id)
            if before == after and (p.id not in watched or after is None):
                continue                     # not in play, or an insertion never made
            if before == after:
                fate = "kept"
            elif after is None:
                fate = "lost"
            elif before is None:
                fate = "added"
            else:
                label = next((v.label for v in p.variants if v.id == after), after)
                fate = f"revised: {label}"
            out.append(ParagraphFate(tid, p.id, names[p.id], p.summary, fate))
    return tuple(out)
