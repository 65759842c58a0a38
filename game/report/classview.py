"""What a class did, case by case: the session summaries of one scenario gathered beside the
real record (pure data, no drawing).

* the spread of every vote's tally over the class beside the recorded tally (the scenario's
  ``history`` block);
* the delegations the class most often *flipped*: in a game, a delegation is flipped on a
  motion when its ballot differs from its ballot in the real roll call of that motion (only
  motions whose roll call the scenario records count);
* the moves that worked best: the mean votes each kind of move (decision type and argument)
  and each target gained for the side that made it, on its own (``sessions.Move.gain``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..scenario import Scenario
from .sessions import Move, SessionSummary, Skipped
from .words import KIND_WORDS


@dataclass(frozen=True)
class Tally:
    """A tally: in favour, against, abstaining (and absent, when known)."""

    yes: int
    no: int
    abstain: int
    absent: int | None = None


@dataclass(frozen=True)
class Spread:
    """One motion over the class: each session's tally beside the record's.

    ``tallies``: (session name, tally) for each session that held the vote; ``adopted``: how
    many of them adopted it; ``reached``: how many got as far as the vote (held or not:
    a draft not tabled is reached but not held)."""

    motion: str
    symbol: str
    title: str
    record_outcome: str | None
    record: Tally | None
    tallies: tuple[tuple[str, Tally], ...]
    adopted: int
    reached: int


@dataclass(frozen=True)
class Flip:
    """A delegation the class flipped on one motion: how many games held the vote, in how
    many it voted otherwise than in the record, and what it voted instead (ballot, games)."""

    iso: str
    name: str
    motion: str
    symbol: str
    recorded: str
    held: int
    flipped: int
    instead: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Worked:
    """A kind of move (or a target) and what it gained its side on average, over ``n`` uses."""

    side: str
    label: str
    n: int
    mean_gain: float
    total_gain: float


@dataclass(frozen=True)
class CaseView:
    """Everything the report shows of one case."""

    scenario: str
    title: str
    year: int
    sides: tuple[tuple[str, str], ...]          # (side, its name in the case)
    sessions: tuple[SessionSummary, ...]
    spreads: tuple[Spread, ...]
    flips: tuple[Flip, ...]
    kinds: tuple[Worked, ...]
    targets: tuple[Worked, ...]


@dataclass(frozen=True)
class ClassReport:
    """The cases of a class, in order of first appearance, and the files left out."""

    cases: tuple[CaseView, ...]
    skipped: tuple[Skipped, ...]

    @property
    def sessions(self) -> list[SessionSummary]:
        """Every summed-up session, case by case."""
        return [s for c in self.cases for s in c.sessions]


def build(items: Iterable[SessionSummary | Skipped], scenarios: dict[str, Scenario]
          ) -> ClassReport:
    """The report of ``items`` (in the order given); ``scenarios`` maps each summary's
    scenario id to the case it was replayed on. KeyError if one is missing."""
    groups: dict[str, list[SessionSummary]] = {}
    skipped = []
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            groups.setdefault(item.scenario, []).append(item)
    return ClassReport(tuple(case_view(scenarios[sid], tuple(ss)) for sid, ss in groups.items()),
                       tuple(skipped))


def case_view(scenario: Scenario, sessions: tuple[SessionSummary, ...]) -> CaseView:
    """One case's class view."""
    spec = scenario.spec
    moves = [m for s in sessions for m in s.moves]
    labels = Labels(scenario)
    return CaseView(scenario.id, spec.title, spec.year,
                    tuple((k, v.name) for k, v in spec.sides.items()), sessions,
                    spreads(scenario, sessions), flips(scenario, sessions),
                    worked(moves, labels.kind), worked(moves, labels.target))


def spreads(scenario: Scenario, sessions: tuple[SessionSummary, ...]) -> tuple[Spread, ...]:
    """Each motion the record or a game voted on, in the case's order (then floor motions in
    the order first held)."""
    history = {h.motion: h for h in scenario.spec.history}
    order = [m.id for m in scenario.spec.motions]
    for s in sessions:
        order += [v.motion for v in s.votes if v.motion not in order]
    out = []
    for motion in order:
        rows = [(s.name, s.vote(motion)) for s in sessions if s.vote(motion)]
        h = history.get(motion)
        if not rows and (h is None or h.tally is None):
            continue
        first = rows[0][1] if rows else None
        m = next((x for x in scenario.spec.motions if x.id == motion), None)
        symbol = m.symbol if m else first.symbol if first else motion
        title = m.title if m else first.title if first else motion
        record = Tally(h.tally.yes, h.tally.no, h.tally.abstain, h.tally.absent) \
            if h and h.tally else None
        held = tuple((name, Tally(v.yes or 0, v.no or 0, v.abstain or 0, v.absent))
                     for name, v in rows if v and v.held)
        out.append(Spread(motion, symbol, title, h.outcome if h else None, record, held,
                          sum(1 for _, v in rows if v and v.adopted), len(rows)))
    return tuple(out)


def recorded_ballots(scenario: Scenario) -> dict[str, dict[str, str]]:
    """{motion: {ISO3: ballot}} of every roll call the scenario records."""
    out = {}
    for h in scenario.spec.history:
        if h.roll_call is not None:
            rc = h.roll_call
            out[h.motion] = {iso: b for b in ("yes", "no", "abstain", "absent")
                             for iso in getattr(rc, b)}
    return out


def flips(scenario: Scenario, sessions: tuple[SessionSummary, ...]) -> tuple[Flip, ...]:
    """The delegations the class flipped, most often first (then by name); only those
    flipped at least once."""
    record = recorded_ballots(scenario)
    names = {m.iso3: m.name for m in scenario.members}
    symbols = {m.id: m.symbol for m in scenario.spec.motions}
    held: Counter[tuple[str, str]] = Counter()
    instead: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for s in sessions:
        for motion, ballots in s.ballots:
            real = record.get(motion)
            if real is None:
                continue
            for iso, ballot in ballots:
                if iso in real:
                    held[(motion, iso)] += 1
                    if ballot != real[iso]:
                        instead[(motion, iso)][ballot] += 1
    out = [Flip(iso, names.get(iso, iso), motion, symbols.get(motion, motion),
                record[motion][iso], held[(motion, iso)], sum(c.values()),
                tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))))
           for (motion, iso), c in instead.items()]
    return tuple(sorted(out, key=lambda f: (-f.flipped / f.held, -f.flipped, f.name,
                                            f.motion)))


class Labels:
    """How the tables name a move's kind and its target in one case."""

    def __init__(self, scenario: Scenario) -> None:
        self.arguments = {a.id: a.label for a in scenario.spec.arguments}

    def kind(self, m: Move) -> str:
        """The kind of a move: its type in words, and its argument's label if it has one."""
        kind = KIND_WORDS.get(m.type, m.type)
        return f"{kind}: {self.arguments.get(m.argument, m.argument)}" if m.argument else kind

    def target(self, m: Move) -> str:
        """Whom a move aimed at (a delegation's name, a group), or its kind if it has none."""
        return m.target_words or self.kind(m)


def worked(moves: list[Move], label: Callable[[Move], str]) -> tuple[Worked, ...]:
    """Moves grouped by side and ``label(move)``: uses, mean and total gain; best first."""
    groups: dict[tuple[str, str], list[float]] = defaultdict(list)
    for m in moves:
        groups[(m.side, label(m))].append(m.gain)
    out = [Worked(side, name, len(g), round(sum(g) / len(g), 3), round(sum(g), 3))
           for (side, name), g in groups.items()]
    return tuple(sorted(out, key=lambda w: (-w.mean_gain, -w.n, w.side, w.label)))
