"""World: the immutable context a game is played in (scenario, compiled model, lookups)."""
from __future__ import annotations

from functools import cached_property

import numpy as np

from ..procedure import Rule
from ..scenario import Scenario
from ..scenario.models import Motion, Stage
from ..votes.model import VoteModel


class World:
    """Scenario + vote model + derived tables. Built once per session; never changed."""

    def __init__(self, scenario: Scenario, model: VoteModel | None = None) -> None:
        self.scenario = scenario
        self.model = model or VoteModel(scenario)
        self.motions = {m.id: m for m in scenario.spec.motions}
        self.stages: list[Stage] = list(scenario.spec.stages)
        self.bodies = {b.id: b for b in scenario.spec.bodies}
        self.index = scenario.member_index()
        self.iso = [m.iso3 for m in scenario.members]

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
        """How a motion is decided (body rules; no veto on a procedural question)."""
        body = self.bodies[motion.body]
        if body.affirmative_votes is not None:
            return Rule(affirmative_votes=body.affirmative_votes,
                        veto=body.veto and motion.kind != "procedural", word=body.adopted_word)
        majority = "two_thirds" if motion.important else body.majority
        return Rule(majority=majority, word=body.adopted_word)

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

    def stage_order(self, stage: Stage) -> list[str]:
        """Motion ids of a stage in the order they are put to the vote (``phases.vote_order``)."""
        from .phases import vote_order  # the order is declared with the stage flow

        return vote_order(self, stage)
