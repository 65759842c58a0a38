"""The move log: each decision in words (who made it, what it was, what it did on its own),
and the turns the log groups them into.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..decisions import (
    AddressGroup,
    AskAbstention,
    Decision,
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
    TimeUp,
)
from ..i18n import N_, _
from ..session import MoveEffect
from ..state import GameState
from ..vocabulary import group_name
from .preview import short, signed
from .reading import GameReading

#: What a move that changed no number did.
NO_CHANGE = N_("no change in the forecast")
#: How the generic answers to an offer begin (an event's own answers read otherwise).
ANSWER_WORDS = ("Accept", "Refuse", "Accepter", "Refuser")


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
        head = (_("{who} replied: {what}") if replied else _("{who} {what}")).format(
            who=self.who, what=self.what)
        return head + self.tail()

    def tail(self, brief: bool = False) -> str:
        """': ' and the effect (or, when it changed no number, the first thing it caused);
        ``brief``: without the motion's symbol ("+4 in favour")."""
        what = self.effect if self.effect and self.effect != _(NO_CHANGE) else (
            self.more[0].rstrip(".") if self.more else self.effect)
        if brief and self.symbol:
            what = what.replace(_(" in favour of {symbol}").format(symbol=self.symbol),
                                _(" in favour"))
        return f": {what}" if what else ""


class MoveLogMixin(GameReading):
    """The Game's telling of decisions and of the move log."""

    # -- words --------------------------------------------------------------------------------
    def you(self, event: str) -> str:
        """An event with the player's side, where it opens the sentence, called "You"."""
        name = self.side_name()
        if getattr(event, "by", None) == self.side:      # the rules' own words for it (Said)
            return getattr(event, "to_you", event)
        return _("You") + event[len(name):] if event.startswith(name) else event

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
        def say(past: str, present: str, **words: str) -> str:
            return _(present if now else past).format(**words)

        labels = {a.id: a.label for a in self.scenario.spec.arguments}
        arg = (f" ({short(labels.get(d.argument, d.argument), 40)})"
               if detail and isinstance(d, (Lobby, AddressGroup)) else "")
        if isinstance(d, Lobby):
            return say(N_("lobbied {member}{argument}"), N_("lobby {member}{argument}"),
                       member=self.member(d.member).name, argument=arg)
        if isinstance(d, AddressGroup):
            return say(N_("addressed the {group}{argument}"),
                       N_("address the {group}{argument}"), group=group_name(d.group),
                       argument=arg)
        if isinstance(d, ReviseText):
            para = next((p for t in self.scenario.spec.texts.values() for p in t.paragraphs
                         if p.id == d.paragraph), None)
            name = (f"{'PP' if para.kind == 'preambular' else 'OP'} {para.number}" if para
                    else d.paragraph)
            if d.variant == "absent":
                return say(N_("dropped {paragraph}"), N_("drop {paragraph}"), paragraph=name)
            label = next((v.label for v in para.variants if v.id == d.variant), d.variant) \
                if para else d.variant
            return say(N_("revised {paragraph} ({wording})"),
                       N_("revise {paragraph} ({wording})"), paragraph=name,
                       wording=short(label, 40))
        if isinstance(d, SeekCosponsor):
            return say(N_("asked {member} to co-sponsor"), N_("ask {member} to co-sponsor"),
                       member=self.member(d.member).name)
        if isinstance(d, RespondToOffer):
            offer = next((o for o in self.scenario.spec.offers if o.id == d.offer), None)
            by = offer.by if offer else d.offer
            label = (offer.accept_label if d.accept else offer.refuse_label) if offer else ""
            if label and not label.startswith(ANSWER_WORDS):    # an event's own answer
                return say(N_("answered {by}: {answer}"), N_("answer {by}: {answer}"), by=by,
                           answer=label[:1].lower() + label[1:])
            if d.accept:
                return say(N_("accepted the offer of {by}"), N_("accept the offer of {by}"),
                           by=by)
            return say(N_("refused the offer of {by}"), N_("refuse the offer of {by}"), by=by)
        if isinstance(d, TableMotion):
            symbol = self.motion(d.motion).symbol
            return (say(N_("tabled {symbol}"), N_("table {symbol}"), symbol=symbol) if d.table
                    else say(N_("held back {symbol}"), N_("hold back {symbol}"), symbol=symbol))
        if isinstance(d, ProceedToVote):
            return say(N_("asked for the vote"), N_("ask for the vote"))
        if isinstance(d, Pass):
            closing = (before or self.state).phase == "last_word"
            return (say(N_("let the vote be called"), N_("let the vote be called")) if closing
                    else say(N_("passed"), N_("pass")))
        if isinstance(d, MoveNoAction):
            return say(N_("moved no action on {symbol}"), N_("move no action on {symbol}"),
                       symbol=self.motion(d.motion).symbol)
        if isinstance(d, RequestSeparateVote):
            return say(N_("requested a separate vote on {paragraph} of {symbol}"),
                       N_("request a separate vote on {paragraph} of {symbol}"),
                       paragraph=self.paragraph_name(d.motion, d.paragraph),
                       symbol=self.motion(d.motion).symbol)
        if isinstance(d, ObjectToDivision):
            return say(N_("objected to the separate vote on {paragraph}"),
                       N_("object to the separate vote on {paragraph}"),
                       paragraph=self.paragraph_name(d.motion, d.paragraph))
        if isinstance(d, AskAbstention):
            return say(N_("asked {member} to abstain on {symbol}"),
                       N_("ask {member} to abstain on {symbol}"),
                       member=self.member(d.member).name, symbol=self.motion(d.motion).symbol)
        if isinstance(d, TimeUp):
            return (_("ran out of time (the turn passes)") if d.side == "opposition"
                    else _("ran out of time (the turn is lost, and a day with it)"))
        return d.type.replace("_", " ")

    # -- the move log ---------------------------------------------------------------------------
    def move_log(self, last: int = 60) -> list[LogEntry]:
        """The last ``last`` decisions, oldest first, each with what it did on its own
        (``Session.move_effects``)."""
        effects = self.session.move_effects(last)
        history = self.session.history[len(self.session.history) - len(effects):]
        return [self._entry(e, before, after)
                for e, (__, before, after) in zip(effects, history, strict=True)]

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
                # named: the motion on screen may be another one than lobbying aims at
                parts.append(_("{member} {before} to {after} in favour ({symbol})").format(
                    member=self.member(iso).name, before=f"{p0:.0%}", after=f"{p1:.0%}",
                    symbol=symbol))
            dy = e.yes_after - e.yes_before
            if abs(dy) >= 0.5:
                parts.append(signed(dy) + _(" in favour of {symbol}").format(symbol=symbol))
            if abs(e.p_after - e.p_before) >= 0.01:
                parts.append(_("P(adopted) {before} to {after}").format(
                    before=f"{e.p_before:.0%}", after=f"{e.p_after:.0%}"))
            for raised in self.raised_by(d):           # a floor motion it put on the list
                f = self.session.forecast(raised, after)
                parts.append(_("{symbol}: P(adopted) {p}").format(
                    symbol=self.motion(raised).symbol, p=f"{f.p_adopted:.0%}"))
        if abs(e.points_after - e.points_before) >= 0.005:
            parts.append(_("your points {before} to {after}").format(
                before=f"{e.points_before:.2f}", after=f"{e.points_after:.2f}"))
        if not parts and not voted and not more:
            parts.append(_(NO_CHANGE))
        return LogEntry(mine, _("You") if mine else name, self.describe(d, before),
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
