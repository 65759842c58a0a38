"""The UI's handle on one Session: plays decisions, caches forecasts, remembers new votes,
previews a decision (the tally and the points at stake) and tells the move log.

Everything it knows about the game it asks the Session (the one door: the UI imports neither
the rules nor the vote model nor the bots). It never changes the game except through
``session.play`` (or ``session.apply`` when a scripted decision list supplies the other
side's moves as well). The player plays ``session.side``; the opponent the other side.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from ..decisions import (
    AddressGroup,
    AskAbstention,
    Decision,
    DecisionError,
    Lobby,
    MoveNoAction,
    ObjectToDivision,
    Pass,
    ProceedToVote,
    RequestSeparateVote,
    RespondToOffer,
    ReviseText,
    SeekCosponsor,
    TableMotion,
)
from ..scenario import Scenario
from ..scenario.models import Member, Motion, Stage
from ..session import MoveEffect, Session
from ..state import GameState, VoteResult
from ..vocabulary import group_name
from .levels import DEFAULT_OPPONENT

#: Draws per forecast on screen: enough for stable percentages, fast enough per click.
DRAWS = 4000
#: Draws behind a preview of a decision not yet taken.
PREVIEW_DRAWS = 2000
#: A chance that moves less than this is shown as unchanged.
MOVED = 0.005
#: Kinds of motion the floor raises during play (each voted before the draft it concerns).
FLOOR_KINDS = ("no_action", "division", "separate_vote")
MINUS = "\u2212"


def signed(x: float, digits: int = 0) -> str:
    """'+4' or '−4' (a true minus sign)."""
    return f"{x:+.{digits}f}".replace("-", MINUS)


def change(before: float, after: float, fmt: str) -> str:
    """'62% to 64%', or just '62%' when the two read the same."""
    a, b = format(before, fmt), format(after, fmt)
    return a if a == b else f"{a} to {b}"


def tally(expected) -> str:
    """'37 in favour, 20 against, 5 abstentions' of an expected (or counted) tally."""
    return (f"{float(expected[0]):.0f} in favour, {float(expected[1]):.0f} against, "
            f"{float(expected[2]):.0f} abstentions")


def short(text: str, limit: int = 46) -> str:
    """One line of at most ``limit`` characters (an ellipsis if cut)."""
    one = " ".join(str(text).split())
    return one if len(one) <= limit else one[:limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class StakeMove:
    """One objective whose chance a decision would change."""

    label: str
    before: float
    after: float


@dataclass(frozen=True)
class Preview:
    """What a decision would do, before it is made: the forecasts of this stage's motions,
    the chosen delegation's vote, and the points the player's side can expect.

    ``points_after`` is None when the decision puts motions to the vote (one draw of the
    ballots is no estimate): the preview then gives the points expected if voted now.
    """

    decision: Decision
    #: (motion id, "SYMBOL: P(adopted) a% to b%, in favour x to y") for each motion.
    motions: tuple[tuple[str, str], ...]
    #: "Kenya in favour 41% to 55%" for a decision aimed at one delegation.
    member: str | None
    points_before: float
    points_after: float | None
    possible: int
    moves: tuple[StakeMove, ...]

    @property
    def lines(self) -> list[str]:
        """The motions' lines."""
        return [line for _, line in self.motions]

    def motion_line(self, motion_id: str) -> str | None:
        """The line of one motion (None if the stage has no such motion)."""
        return next((line for m, line in self.motions if m == motion_id), None)

    @property
    def delta(self) -> float:
        """The change in points expected (0 when the vote would be held)."""
        return 0.0 if self.points_after is None else self.points_after - self.points_before

    def points_line(self, objectives: int = 2) -> str:
        """'+0.40 points expected (4.20 to 4.60 of 11): 55% to 62%, the amendment is
        rejected': the direction first, so that a line cut short still tells good from bad."""
        if not self.possible:
            return "No points at stake for your side in this case."
        if self.points_after is None:
            return (f"Points you can expect if the vote is held now: {self.points_before:.2f} "
                    f"of {self.possible}")
        if abs(self.delta) < 0.005:
            line = f"No change in the points you can expect ({self.points_before:.2f} of " \
                   f"{self.possible})"
        else:
            line = (f"{signed(self.delta, 2)} points you can expect ({self.points_before:.2f} "
                    f"to {self.points_after:.2f} of {self.possible})")
        if self.moves and objectives:
            line += ": " + "; ".join(f"{m.before:.0%} to {m.after:.0%}, {m.label}"
                                     for m in self.moves[:objectives])
        return line

    def text(self) -> str:
        """Everything, one line each: the delegation, the motions, the points."""
        return "\n".join([*([self.member] if self.member else []), *self.lines,
                          self.points_line(3)])


@dataclass(frozen=True)
class LogEntry:
    """One decision in the move log: who made it, what it was, what it did on its own."""

    mine: bool
    #: "You", or the other side's name as the scenario gives it.
    who: str
    #: What was done, in words ("lobbied India (Evidence of the commission)").
    what: str
    #: What it changed ("India 41% to 55% in favour, +1 in favour of L.28"); "" if nothing.
    effect: str
    #: Other things that happened on it (a delegation's answer, votes held).
    more: tuple[str, ...]
    #: ``what`` without the argument used (for the status line).
    brief: str = ""
    #: The symbol of the motion lobbying aimed at (left out of the status line's numbers).
    symbol: str = ""

    def line(self, replied: bool = False) -> str:
        """'You lobbied India (…): India 41% to 55% in favour' or, for a reply, 'The DPRK and
        Cuba replied: addressed the NAM (…), −4 in favour'."""
        head = f"{self.who} replied: {self.what}" if replied else f"{self.who} {self.what}"
        return head + self.tail()

    def tail(self, brief: bool = False) -> str:
        """': ' and the effect (or, when it changed no number, the first thing it caused);
        ``brief``: without the motion's symbol ("+4 in favour")."""
        what = self.effect if self.effect and not self.effect.startswith("no change") else (
            self.more[0].rstrip(".") if self.more else self.effect)
        if brief and self.symbol:
            what = what.replace(f" in favour of {self.symbol}", " in favour")
        return f": {what}" if what else ""


class Game:
    """Session + the things screens ask about it."""

    def __init__(self, session: Session, script: Iterable[Decision] | None = None, *,
                 script_name: str | None = None, level: str | None = None) -> None:
        self.session = session
        self.script: deque[Decision] | None = deque(script) if script is not None else None
        #: Where the decision list came from (for messages), and the digest when it ran out.
        self.script_name = script_name or "the decision list"
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
        self._forecasts: dict = {}
        self._forecast_state: GameState | None = None
        self._stakes: tuple[GameState, list] | None = None
        self._previews: dict[object, Preview] = {}
        self._preview_state: GameState | None = None
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
        return self.session.target_motion()

    def stage_motions(self) -> list[str]:
        """This stage's motions in voting order, the floor motions requested so far among
        them."""
        return self.session.vote_order()

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
        return [d for d in self.session.legal_decisions() if d.side == self.side]

    def forecast(self, motion_id: str):
        """Forecast of a motion in the current state (cached per state)."""
        if self._forecast_state is not self.state:
            self._forecasts.clear()
            self._forecast_state = self.state
        if motion_id not in self._forecasts:
            self._forecasts[motion_id] = self.session.forecast(motion_id, DRAWS)
        return self._forecasts[motion_id]

    def stakes_now(self) -> list:
        """The player's objectives with their chances now (cached per state)."""
        if self._stakes is None or self._stakes[0] is not self.state:
            self._stakes = (self.state, self.session.stakes())
        return self._stakes[1]

    def points_possible(self) -> int:
        """The points the player's side can win in all."""
        return sum(s.objective.points for s in self.stakes_now())

    def preview(self, decision: Decision, motion: str | None = None) -> Preview:
        """What a decision would do, on the Session's copy of the state (``Session.preview``:
        its own random stream, the game untouched): each motion's P(adopted) and votes in
        favour, the delegation's vote on ``motion`` (default: the target) for a decision aimed
        at one, and the points at stake. Cached per state.

        Raises DecisionError if the rules refuse the decision.
        """
        if self._preview_state is not self.state:
            self._previews.clear()
            self._preview_state = self.state
        key = decision if motion is None else (decision, motion)
        if key in self._previews:
            return self._previews[key]
        after = self.session.preview(decision)
        voting = (len(after.results) > len(self.state.results) or after.stage != self.state.stage
                  or self.ends_lobbying(decision))
        motion = motion or self.target()
        lines = []
        for m in self.stage_motions() + [f for f in self.raised_by(decision)
                                         if f not in self.stage_motions()]:
            lines.append((m, self._motion_line(m, after, voting)))
        now = self.stakes_now()
        moves: tuple[StakeMove, ...] = ()
        points_after: float | None = None
        if not voting:
            then = {s.objective.id: s.chance for s in self.session.stakes(after)}
            moves = tuple(sorted((StakeMove(s.objective.label, s.chance, then[s.objective.id])
                                  for s in now
                                  if abs(then.get(s.objective.id, s.chance) - s.chance) >= MOVED),
                                 key=lambda m: -abs(m.after - m.before)))
            points_after = self.session.expected_points(after)
        preview = Preview(decision, tuple(lines), None if voting else
                          self._member_line(decision, motion, after),
                          sum(s.expected for s in now), points_after,
                          sum(s.objective.points for s in now), moves)
        self._previews[key] = preview
        return preview

    def ends_lobbying(self, decision: Decision) -> bool:
        """The decision ends lobbying at this stage: asking for the vote (the other side's last
        word follows), or passing in the last word."""
        return isinstance(decision, ProceedToVote) or (
            isinstance(decision, Pass) and self.state.phase == "last_word")

    def raised_by(self, decision: Decision) -> list[str]:
        """The floor motion a decision would put to the vote (ids as the Session names them:
        ``draft:no_action``, ``draft:division:para``, ``draft:separate_vote:para``)."""
        if isinstance(decision, MoveNoAction):
            return [f"{decision.motion}:no_action"]
        if isinstance(decision, RequestSeparateVote):
            return [f"{decision.motion}:separate_vote:{decision.paragraph}"]
        if isinstance(decision, ObjectToDivision):
            return [f"{decision.motion}:division:{decision.paragraph}"]
        return []

    def _motion_line(self, m: str, after: GameState, voting: bool) -> str:
        symbol = self.motion(m).symbol
        if m not in self.stage_motions():
            then = self.session.forecast(m, PREVIEW_DRAWS, state=after)
            return (f"New: {symbol}, voted first: P(adopted) {then.p_adopted:.0%} "
                    f"({self.adopted_means(m)}), {tally(then.expected)}")
        now = self.forecast(m)
        if voting:
            return f"{symbol}: P(adopted) {now.p_adopted:.0%} if voted now"
        if self.session.is_moot(m, state=after):
            return f"{symbol}: withdrawn, nothing left for it to do"
        then = self.session.forecast(m, PREVIEW_DRAWS, state=after)
        return (f"{symbol}: P(adopted) {change(now.p_adopted, then.p_adopted, '.0%')}, in favour "
                f"{change(now.expected[0], then.expected[0], '.0f')}, against "
                f"{change(now.expected[1], then.expected[1], '.0f')}")

    def adopted_means(self, motion_id: str) -> str:
        """What adopting a floor motion does, and whether the player wants it: 'adopted: the
        paragraph stays, good for you'."""
        kind = self.motion(motion_id).kind
        what = {"no_action": "the draft is not voted",
                "division": "the paragraph is voted separately",
                "separate_vote": "the paragraph stays"}.get(kind, "adopted")
        good = "good for you" if self.wants_adopted(motion_id) else "bad for you"
        return f"adopted: {what}, {good}"

    def _member_line(self, decision: Decision, motion: str, after: GameState) -> str | None:
        iso = getattr(decision, "member", None)
        if iso is None:
            return None
        if isinstance(decision, AskAbstention):
            motion, column, word = decision.motion, 1, "votes against"
        else:
            column, word = 0, "in favour"
        voters = self.voters(motion)
        if iso not in voters:
            return None
        k = voters.index(iso)
        before = float(self.session.probabilities(motion)[k, column])
        then = float(self.session.probabilities(motion, after)[k, column])
        return (f"{self.member(iso).name} {word} {before:.0%} to {then:.0%} "
                f"({self.motion(motion).symbol})")

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

    # -- words --------------------------------------------------------------------------------
    def you(self, event: str) -> str:
        """An event with the player's side, where it opens the sentence, called "You"."""
        name = self.side_name()
        return "You" + event[len(name):] if event.startswith(name) else event

    def paragraph_name(self, motion_id: str, paragraph: str) -> str:
        """'OP 8' for a paragraph of a motion's text."""
        text_id = self.session.text_id(motion_id)
        para = next((p for p in self.scenario.spec.texts[text_id].paragraphs
                     if p.id == paragraph), None)
        if para is None:
            return paragraph
        return f"{'PP' if para.kind == 'preambular' else 'OP'} {para.number}"

    def describe(self, d: Decision, before: GameState | None = None, *, now: bool = False,
                 detail: bool = True) -> str:
        """A decision in words, without who makes it: "lobbied India (Evidence …)", or with
        ``now`` "lobby India (…)" (for "If you …"); ``detail=False`` leaves out the argument."""
        def verb(past: str, present: str) -> str:
            return present if now else past

        labels = {a.id: a.label for a in self.scenario.spec.arguments}
        arg = (f" ({short(labels.get(d.argument, d.argument), 40)})"
               if detail and isinstance(d, (Lobby, AddressGroup)) else "")
        if isinstance(d, Lobby):
            return f"{verb('lobbied', 'lobby')} {self.member(d.member).name}{arg}"
        if isinstance(d, AddressGroup):
            return f"{verb('addressed', 'address')} the {group_name(d.group)}{arg}"
        if isinstance(d, ReviseText):
            para = next((p for t in self.scenario.spec.texts.values() for p in t.paragraphs
                         if p.id == d.paragraph), None)
            name = (f"{'PP' if para.kind == 'preambular' else 'OP'} {para.number}" if para
                    else d.paragraph)
            if d.variant == "absent":
                return f"{verb('dropped', 'drop')} {name}"
            label = next((v.label for v in para.variants if v.id == d.variant), d.variant) \
                if para else d.variant
            return f"{verb('revised', 'revise')} {name} ({short(label, 40)})"
        if isinstance(d, SeekCosponsor):
            return f"{verb('asked', 'ask')} {self.member(d.member).name} to co-sponsor"
        if isinstance(d, RespondToOffer):
            offer = next((o for o in self.scenario.spec.offers if o.id == d.offer), None)
            by = offer.by if offer else d.offer
            if d.accept:
                return f"{verb('accepted', 'accept')} the offer of {by}"
            return f"{verb('refused', 'refuse')} the offer of {by}"
        if isinstance(d, TableMotion):
            symbol = self.motion(d.motion).symbol
            return (f"{verb('tabled', 'table')} {symbol}" if d.table
                    else f"{verb('held', 'hold')} back {symbol}")
        if isinstance(d, ProceedToVote):
            return f"{verb('asked', 'ask')} for the vote"
        if isinstance(d, Pass):
            closing = (before or self.state).phase == "last_word"
            return (f"{verb('let', 'let')} the vote be called" if closing
                    else verb("passed", "pass"))
        if isinstance(d, MoveNoAction):
            return f"{verb('moved', 'move')} no action on {self.motion(d.motion).symbol}"
        if isinstance(d, RequestSeparateVote):
            return (f"{verb('requested', 'request')} a separate vote on "
                    f"{self.paragraph_name(d.motion, d.paragraph)} of "
                    f"{self.motion(d.motion).symbol}")
        if isinstance(d, ObjectToDivision):
            return (f"{verb('objected', 'object')} to the separate vote on "
                    f"{self.paragraph_name(d.motion, d.paragraph)}")
        if isinstance(d, AskAbstention):
            return (f"{verb('asked', 'ask')} {self.member(d.member).name} to abstain on "
                    f"{self.motion(d.motion).symbol}")
        return d.type.replace("_", " ")

    # -- the move log ---------------------------------------------------------------------------
    def move_log(self, last: int = 60) -> list[LogEntry]:
        """The last ``last`` decisions, oldest first, each with what it did on its own
        (``Session.move_effects``)."""
        effects = self.session.move_effects(last)
        history = self.session.history[len(self.session.history) - len(effects):]
        return [self._entry(e, before, after)
                for e, (_, before, after) in zip(effects, history, strict=True)]

    def _entry(self, e: MoveEffect, before: GameState, after: GameState) -> LogEntry:
        d = e.decision
        mine = d.side == self.side
        name = self.side_name(d.side)
        more = tuple(self.you(ev) for ev in e.events if not ev.startswith(name))
        parts = []
        voted = len(after.results) > len(before.results)
        if e.motion is not None and not voted:
            symbol = self.motion(e.motion).symbol
            iso = getattr(d, "member", None)
            if isinstance(d, (Lobby, SeekCosponsor)) and iso in self.voters(e.motion):
                k = self.voters(e.motion).index(iso)
                p0 = float(self.session.probabilities(e.motion, before)[k, 0])
                p1 = float(self.session.probabilities(e.motion, after)[k, 0])
                parts.append(f"{self.member(iso).name} {p0:.0%} to {p1:.0%} in favour")
            dy = e.yes_after - e.yes_before
            if abs(dy) >= 0.5:
                parts.append(f"{signed(dy)} in favour of {symbol}")
            if abs(e.p_after - e.p_before) >= 0.01:
                parts.append(f"P(adopted) {e.p_before:.0%} to {e.p_after:.0%}")
            for raised in self.raised_by(d):           # a floor motion it put on the list
                f = self.session.forecast(raised, PREVIEW_DRAWS, after)
                parts.append(f"{self.motion(raised).symbol}: P(adopted) {f.p_adopted:.0%}")
        if abs(e.points_after - e.points_before) >= 0.005:
            parts.append(f"your points {e.points_before:.2f} to {e.points_after:.2f}")
        if not parts and not voted and not more:
            parts.append("no change in the forecast")
        return LogEntry(mine, "You" if mine else name, self.describe(d, before),
                        ", ".join(parts), more, self.describe(d, before, detail=False),
                        self.motion(e.motion).symbol if e.motion else "")

    def turns(self, last: int = 60) -> list[list[LogEntry]]:
        """The move log in turns, newest first: each the player's move, then the replies
        (a first turn may be the opponent's opening moves alone)."""
        out: list[list[LogEntry]] = []
        for entry in self.move_log(last):
            if entry.mine or not out:
                out.append([entry])
            else:
                out[-1].append(entry)
        return out[::-1]

    @staticmethod
    def turn_parts(turn: list[LogEntry], brief: bool = False) -> list[tuple[str, str]]:
        """One turn as (who did what, what it did): the player's move on its own, then "The
        DPRK and Cuba replied: …", then "then …" for each further reply (``brief``: without
        the arguments used)."""
        out = []
        for k, entry in enumerate(turn):
            what = entry.brief if brief and entry.brief else entry.what
            if entry.mine or k == 0:
                head = f"{entry.who} {what}"
            elif k == 1 and turn[0].mine:
                head = f"{entry.who} replied: {what}"
            else:
                head = f"then {what}"
            out.append((head, entry.tail(brief).removeprefix(": ")))
        return out

    @classmethod
    def turn_lines(cls, turn: list[LogEntry], brief: bool = False) -> list[str]:
        """One turn in words, one line per decision (``turn_parts`` joined)."""
        return [head + (f": {tail}" if tail else "")
                for head, tail in cls.turn_parts(turn, brief)]

    def last_turn(self) -> str:
        """What the last turn did, for the status line: the player's move on its own, then
        the opponent's reply ("You lobbied … · The DPRK and Cuba replied: …")."""
        turns = self.turns(12)
        return " · ".join(self.turn_lines(turns[0], brief=True)) if turns else ""

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

    def catch_up(self) -> None:
        """Let the opponent (or the decision list) make the moves due before the player's
        turn: the sponsors open every stage, so an opposition player waits for them."""
        start = (len(self.session.history), len(self.state.results))
        if self.script is None:
            self.session.run_opponent()
        else:
            self._replay_other()
        self._collect(*start)

    def _collect(self, history: int, results: int) -> None:
        """The results recorded since, and each one's forecast just before it was voted."""
        self.new_results = self.state.results[results:]
        for _, before, after in self.session.history[history:]:
            for r in after.results[len(before.results):]:
                if r.ballots:
                    self.prior[r.motion] = self.session.forecast(r.motion, DRAWS,
                                                                 before).p_adopted

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
        where = stage.title if stage else "the end"
        if self.end_digest is None:
            self.end_digest = self.state.digest()
        self.script = None
        self.level = self.level or DEFAULT_OPPONENT
        self.session.set_opponent(self.level)
        start = (len(self.session.history), len(self.state.results))
        self.session.run_opponent()
        self._collect(*start)
        if self.stopped_at:
            return (f"the decisions in {self.script_name} stop fitting the game at "
                    f"{self.stopped_at} (stage: {where})")
        return f"the decisions in {self.script_name} end here (stage: {where})"

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
