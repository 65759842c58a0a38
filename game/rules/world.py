"""World: the immutable context a game is played in (scenario, compiled model, lookups)."""
from __future__ import annotations

from functools import cached_property
from typing import Any

import numpy as np

from ..i18n import _
from ..procedure import Rule
from ..scenario import Scenario
from ..scenario.models import Motion, Stage
from ..scenario.play_block import Offer
from ..votes.model import VoteModel

#: Motions the floor raises during play, decided by a simple majority of present and voting.
PROCEDURAL_FLOOR_KINDS = ("no_action", "division")
#: Kinds of motion voted before, and about, another proposal (``amends`` names it).
ATTACHED_KINDS = ("amendment", "no_action", "division", "separate_vote")


#: A floor request's kind -> the kind of motion it puts to the vote.
REQUESTED_KIND = {"no_action": "no_action", "separate_vote": "separate_vote",
                  "objection": "division"}


def floor_motion_id(kind: str, motion: str, paragraph: str = "") -> str:
    """The id of a floor motion of ``kind`` on draft ``motion`` (and ``paragraph``), e.g.
    ``c3_draft:no_action``, ``c3_draft:division:op_icc``: the one place ids are spelled."""
    return f"{motion}:{kind}" + (f":{paragraph}" if paragraph else "")


def floor_motions(scenario: Scenario) -> list[Motion]:
    """Every motion for no action, motion for division and separate vote the floor could
    raise on the scenario's General Assembly drafts (ids ``draft:no_action``,
    ``draft:division:para``, ``draft:separate_vote:para``)."""
    bodies = {b.id: b for b in scenario.spec.bodies}
    out = []
    for m in scenario.spec.motions:
        if m.kind != "draft" or m.text is None or bodies[m.body].members != "all":
            continue
        against = "no" if m.sponsors_want == "yes" else "yes"
        common: dict[str, Any] = {"body": m.body, "text": m.text, "amends": m.id, "insert": [],
                                  "proposer": None, "important": False, "optional": False,
                                  "requires": [], "tabled_by": "sponsors"}
        out.append(Motion.model_construct(
            id=floor_motion_id("no_action", m.id),
            symbol=_("No action on {symbol}").format(symbol=m.symbol),
            title=_("Motion that no action be taken on {symbol}").format(symbol=m.symbol),
            kind="no_action", delete=[], sponsors_want=against, **common))
        for para in scenario.spec.texts[m.text].paragraphs:
            if para.kind != "operative":
                continue
            name = f"OP {para.number}"
            out.append(Motion.model_construct(
                id=floor_motion_id("division", m.id, para.id),
                symbol=_("Division: {paragraph} of {symbol}").format(paragraph=name,
                                                                      symbol=m.symbol),
                title=_("Motion for division: vote {paragraph} separately").format(
                    paragraph=name), kind="division",
                delete=[para.id], sponsors_want=against, **common))
            out.append(Motion.model_construct(
                id=floor_motion_id("separate_vote", m.id, para.id),
                symbol=_("{paragraph} of {symbol}").format(paragraph=name, symbol=m.symbol),
                title=_("Separate vote: retain {paragraph}").format(paragraph=name),
                kind="separate_vote",
                delete=[para.id], sponsors_want=m.sponsors_want, **common))
    return out


class World:
    """Scenario + vote model + derived tables. Built once per session; never changed."""

    def __init__(self, scenario: Scenario, model: VoteModel | None = None) -> None:
        self.scenario = scenario
        self.model = model or VoteModel(scenario)
        self.motions = {m.id: m for m in scenario.spec.motions}
        # The procedural motions the floor may raise during play, made once so that results
        # and look-ups treat them like the scenario's own.
        self.motions.update({m.id: m for m in floor_motions(scenario)})
        self.stages: list[Stage] = list(scenario.spec.stages)
        self.bodies = {b.id: b for b in scenario.spec.bodies}
        self.index = scenario.member_index()
        self.iso = [m.iso3 for m in scenario.members]
        # What the record of a vote keeps (its reasons are part of the digest) comes from the
        # case as its file is written, whatever the language the case is shown in: the
        # bodies' verbs ("approved" makes a Main Committee), the stages' titles, the
        # delegations' names.
        spec = getattr(scenario, "written", scenario.spec)
        members = getattr(scenario, "written_members", scenario.members)
        #: Body id -> the body as the scenario file writes it (its verb decides rules).
        self.record_bodies = {b.id: b for b in spec.bodies}
        #: Stage id -> its title as written; member index -> its name as written.
        self.record_titles = {s.id: s.title for s in spec.stages}
        self.record_names = [m.name for m in members]

    def side_name(self, side: str) -> str:
        """How events name a side: its name in the scenario ("The DPRK and Cuba")."""
        sides = self.scenario.spec.sides
        return sides[side].name if side in sides else side.capitalize()

    def voters(self, body_id: str) -> np.ndarray:
        """Member indices (n_voters,) who vote in a body."""
        return self._voters[body_id]

    def votes_in(self, body_id: str, member: int) -> bool:
        """True if member index ``member`` votes in the body (a set look-up, for legality)."""
        return member in self._voter_sets[body_id]

    @cached_property
    def _voter_sets(self) -> dict[str, frozenset[int]]:
        return {b: frozenset(v.tolist()) for b, v in self._voters.items()}

    @cached_property
    def leaders(self) -> frozenset[str]:
        """ISO3 codes of the delegations that lead either side (they are never lobbied)."""
        return frozenset(iso for side in self.scenario.spec.sides.values() for iso in side.members)

    @cached_property
    def _voters(self) -> dict[str, np.ndarray]:
        out = {}
        for b in self.scenario.spec.bodies:
            if b.members == "security_council":
                out[b.id] = np.array([i for i, m in enumerate(self.scenario.members) if m.sc_seat])
            else:
                out[b.id] = np.arange(len(self.scenario.members))
        return out

    def permanent(self, body_id: str) -> np.ndarray:
        """Bool (n_voters,) true for permanent members among a body's voters."""
        members = self.scenario.members
        return np.array([members[i].sc_seat == "P5" for i in self.voters(body_id)], dtype=bool)

    def rule(self, motion: Motion) -> Rule:
        """How a motion is decided: the body's rules; no veto on a procedural question; a
        motion for no action or for division by a simple majority; an amendment to, or a part
        of, an important question by two thirds (GA rule 84)."""
        body = self.record_bodies[motion.body]
        if body.affirmative_votes is not None:
            return Rule(affirmative_votes=body.affirmative_votes,
                        veto=body.veto and motion.kind != "procedural", word=body.adopted_word)
        if motion.kind in PROCEDURAL_FLOOR_KINDS:
            return Rule(majority="simple", word=body.adopted_word)
        principal = self.principal(motion)
        important = motion.important or principal.important
        majority = "two_thirds" if important else body.majority
        return Rule(majority=majority, word=body.adopted_word)

    def principal(self, motion: Motion) -> Motion:
        """The proposal a motion is attached to (an amendment's draft, a motion for no action's
        or division's draft), or the motion itself."""
        if motion.kind in ATTACHED_KINDS and motion.amends is not None:
            return self.motions[motion.amends]
        return motion

    def draft_of(self, motion: Motion) -> Motion:
        """The motion whose text is voted: itself, or the draft an amendment amends."""
        if motion.kind == "amendment" and motion.amends is not None:
            return self.motions[motion.amends]
        return motion

    def text_id(self, motion: Motion) -> str:
        """The id of the text a motion puts to the vote (an amendment's: its draft's).

        Raises ValueError for a motion with no text (the schema requires one)."""
        text = self.draft_of(motion).text
        if text is None:
            raise ValueError(f"motion {motion.id!r} has no text")
        return text

    def initial_wording(self) -> dict[str, dict[str, str]]:
        """{text id: {paragraph id: variant id}} as tabled."""
        out = {}
        for tid, text in self.scenario.spec.texts.items():
            out[tid] = {p.id: (p.initially or p.variants[0].id) for p in text.paragraphs
                        if p.initially != "absent"}
        return out

    def tabling_event(self, motion_id: str, stage_id: str) -> Offer | None:
        """The event of a stage whose answer decides whether a motion is put to the vote
        (its ``tables``), or None: while there is one, tabling by hand is not a decision."""
        return next((o for o in self.scenario.spec.offers
                     if motion_id in o.tables and o.stage == stage_id), None)

    def stage_order(self, stage: Stage) -> list[str]:
        """Motion ids of a stage in the order they are put to the vote (``phases.vote_order``)."""
        from .phases import vote_order  # the order is declared with the stage flow

        return vote_order(self, stage)
