"""What a decision would do before it is made: the Preview and its stakes, in words, and the
Game's previews of them (each motion's forecast, the delegation's vote, the points at stake).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..decisions import (
    AskAbstention,
    Decision,
    SeekCosponsor,
)
from ..i18n import N_, _
from ..state import GameState
from .reading import MOVED, GameReading

MINUS = "\u2212"


def signed(x: float, digits: int = 0) -> str:
    """'+4' or '−4' (a true minus sign)."""
    return f"{x:+.{digits}f}".replace("-", MINUS)


def change(before: float, after: float, fmt: str) -> str:
    """'62% to 64%', or just '62%' when the two read the same."""
    a, b = format(before, fmt), format(after, fmt)
    return a if a == b else _("{before} to {after}").format(before=a, after=b)


def tally(counts) -> str:
    """'37 in favour, 20 against, 5 abstentions' of a tally in whole votes (a forecast's
    ``counts``, which add up to the body, or a counted vote)."""
    return _("{yes} in favour, {no} against, {abstain} abstentions").format(
        yes=int(counts[0]), no=int(counts[1]), abstain=int(counts[2]))


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
    #: A request the delegation would turn down, in the record's words ("Chad declines to
    #: co-sponsor (P(in favour) 72%)."), so the player knows before paying for it; None if it
    #: would be granted or is no request. Known before: only a vote draws at random.
    refusal: str | None = None

    @property
    def lines(self) -> list[str]:
        """The motions' lines."""
        return [line for __, line in self.motions]

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
            return _("No points at stake for your side in this case.")
        if self.points_after is None:
            return _("Points you can expect if the vote is held now: {points} of {possible}"
                     ).format(points=f"{self.points_before:.2f}", possible=self.possible)
        if abs(self.delta) < 0.005:
            line = _("No change in the points you can expect ({points} of {possible})").format(
                points=f"{self.points_before:.2f}", possible=self.possible)
        else:
            line = _("{delta} points you can expect ({before} to {after} of {possible})").format(
                delta=signed(self.delta, 2), before=f"{self.points_before:.2f}",
                after=f"{self.points_after:.2f}", possible=self.possible)
        if self.moves and objectives:
            line += ": " + "; ".join(
                _("{before} to {after}, {objective}").format(
                    before=f"{m.before:.0%}", after=f"{m.after:.0%}", objective=m.label)
                for m in self.moves[:objectives])
        return line

    def text(self) -> str:
        """Everything, one line each: the delegation, the motions, the points."""
        return "\n".join([*([self.member] if self.member else []), *self.lines,
                          self.points_line(3)])



#: A floor motion's kind -> what adopting it does.
ADOPTING = {"no_action": N_("the draft is not voted"),
            "division": N_("the paragraph is voted separately"),
            "separate_vote": N_("the paragraph stays")}
#: Requests a delegation may turn down -> whether the state after it shows it granted.
REQUESTS: dict[type, Callable[[Any, GameState], bool]] = {
    SeekCosponsor: lambda d, after: d.member in after.cosponsors,
    AskAbstention: lambda d, after: f"{d.motion}@{d.member}" in after.pledges,
}


class PreviewMixin(GameReading):
    """The Game's previews of decisions and the stakes they change."""

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
        granted = REQUESTS.get(type(decision))
        refusal = (None if voting or granted is None or granted(decision, after)
                   else (after.events[len(self.state.events):] or (None,))[0])
        preview = Preview(decision, tuple(lines), None if voting else
                          self._member_line(decision, motion, after),
                          sum(s.expected for s in now), points_after,
                          sum(s.objective.points for s in now), moves, refusal)
        self._previews[key] = preview
        return preview

    def _motion_line(self, m: str, after: GameState, voting: bool) -> str:
        symbol = self.motion(m).symbol
        if m not in self.stage_motions():
            then = self.session.forecast(m, state=after)
            return _("New: {symbol}, voted first: P(adopted) {p} ({means}), {tally}").format(
                symbol=symbol, p=f"{then.p_adopted:.0%}", means=self.adopted_means(m),
                tally=tally(then.counts))
        now = self.forecast(m)
        if voting:
            return _("{symbol}: P(adopted) {p} if voted now").format(
                symbol=symbol, p=f"{now.p_adopted:.0%}")
        if self.session.is_moot(m, state=after):
            return _("{symbol}: withdrawn, nothing left for it to do").format(symbol=symbol)
        then = self.session.forecast(m, state=after)
        return _("{symbol}: P(adopted) {p}, in favour {yes}, against {no}").format(
            symbol=symbol, p=change(now.p_adopted, then.p_adopted, ".0%"),
            yes=change(int(now.counts[0]), int(then.counts[0]), "d"),
            no=change(int(now.counts[1]), int(then.counts[1]), "d"))

    def adopted_means(self, motion_id: str) -> str:
        """What adopting a floor motion does, and whether the player wants it: 'adopted: the
        paragraph stays, good for you'."""
        kind = self.motion(motion_id).kind
        what = _(ADOPTING.get(kind, N_("adopted")))
        good = _("good for you") if self.wants_adopted(motion_id) else _("bad for you")
        return _("adopted: {what}, {good}").format(what=what, good=good)

    def _member_line(self, decision: Decision, motion: str, after: GameState) -> str | None:
        iso = getattr(decision, "member", None)
        if iso is None:
            return None
        if isinstance(decision, AskAbstention):
            motion, column, word = decision.motion, 1, _("votes against")
        else:
            column, word = 0, _("in favour")
        voters = self.voters(motion)
        if iso not in voters:
            return None
        k = voters.index(iso)
        before = float(self.session.probabilities(motion)[k, column])
        then = float(self.session.probabilities(motion, after)[k, column])
        return _("{member} {ballot} {before} to {after} ({symbol})").format(
            member=self.member(iso).name, ballot=word, before=f"{before:.0%}",
            after=f"{then:.0%}", symbol=self.motion(motion).symbol)
