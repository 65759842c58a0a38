"""The case's lookups a Session answers (its members, motions, bodies, stages and rules, the
motion in play, whom an argument persuades): read-only questions about the scenario and the
state, kept apart from playing, forecasting and scoring in ``game.session``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .decisions import Decision, MoveNoAction, ObjectToDivision, RequestSeparateVote
from .i18n import _
from .procedure import Rule, decided_by_words
from .rules.world import floor_motion_id
from .scenario.models import Body, Member, Motion, Stage
from .scenario.play_block import Offer
from .votes.wording import audience_words

if TYPE_CHECKING:
    from .rules import Rules, World
    from .scenario import Scenario
    from .state import GameState, VoteResult


class CaseLookups:
    """A mixin of Session: needs its ``rules``, ``scenario``, ``state`` and ``world``."""

    if TYPE_CHECKING:
        rules: Rules
        scenario: Scenario
        state: GameState

        @property
        def world(self) -> World:
            """The scenario's compiled context (Session's)."""

    def stage(self, state: GameState | None = None) -> Stage | None:
        """The stage being played (None once the game is over)."""
        return self.rules.stage(state or self.state)

    def vote_order(self) -> list[str]:
        """This stage's motions in the order they will be put to the vote."""
        return self.rules.vote_order(self.state)

    def target_motion(self) -> str:
        """The motion lobbying aims at now."""
        return self.rules.target_motion(self.state)

    def is_moot(self, motion_id: str, state: GameState | None = None) -> bool:
        """An amendment with nothing left to do (its mover would withdraw it)."""
        return self.rules.is_moot(state or self.state, motion_id)

    def floor_motion(self, decision: Decision) -> str | None:
        """The id of the floor motion a tactic puts to the vote (a motion for no action, a
        separate vote, a motion for division), or None for any other decision."""
        if isinstance(decision, MoveNoAction):
            return floor_motion_id("no_action", decision.motion)
        if isinstance(decision, RequestSeparateVote):
            return floor_motion_id("separate_vote", decision.motion, decision.paragraph)
        if isinstance(decision, ObjectToDivision):
            return floor_motion_id("division", decision.motion, decision.paragraph)
        return None

    def tabling_event(self, motion_id: str) -> Offer | None:
        """The event of the stage being played whose answer decides whether the motion is put
        to the vote, or None (then it is tabled by hand, if it is optional)."""
        stage = self.stage()
        return self.world.tabling_event(motion_id, stage.id) if stage else None

    def has_motion(self, motion_id: str | None) -> bool:
        """True if the case has a motion (or a floor motion) with this id."""
        return motion_id is not None and motion_id in self.world.motions

    def member(self, iso: str) -> Member:
        """The Member State with ISO3 code ``iso`` (KeyError if none)."""
        return self.scenario.members[self.world.index[iso]]

    def motion(self, motion_id: str) -> Motion:
        """A motion of the scenario by id (KeyError if none)."""
        return self.world.motions[motion_id]

    def voters(self, motion_id: str) -> list[str]:
        """ISO3 codes of the voters on a motion, in the order of probability rows."""
        return [self.world.iso[i] for i in self.world.voters(self.motion(motion_id).body)]

    def body(self, body_id: str) -> Body:
        """A voting body of the scenario by id (KeyError if none)."""
        return self.world.bodies[body_id]

    def rule(self, motion_id: str) -> Rule:
        """How a motion is decided (majority or affirmative votes, veto)."""
        return self.world.rule(self.motion(motion_id))

    def stage_order(self, stage: Stage) -> list[str]:
        """The motions of any stage of the scenario, in the order they are put to the vote
        (``vote_order`` is the current stage's)."""
        return self.world.stage_order(stage)

    def text_id(self, motion_id: str) -> str:
        """The id of the text a motion votes on (an amendment's: the draft it amends)."""
        return self.world.text_id(self.motion(motion_id))

    def argument_audience(self, argument_id: str) -> str:
        """Whom one of the scenario's lobbying arguments tends to persuade, in a student's
        words, read off its affinity. KeyError if there is no such argument."""
        arg = next((a for a in self.scenario.spec.arguments if a.id == argument_id), None)
        if arg is None:
            raise KeyError(argument_id)
        labels = {name: _("delegations by their record on {label}").format(label=label)
                  for name, f in self.scenario.spec.members.facts.items()
                  if (label := getattr(f, "label", None))}
        return audience_words(arg.affinity, labels)

    def decided_by(self, result: VoteResult) -> str:
        """Why a recorded vote went as it did, in the language in use (the record keeps it in
        English, as the scenario file names the delegations)."""
        names = dict(zip(self.world.record_names, (m.name for m in self.scenario.members),
                         strict=True))
        return decided_by_words(result.decided_by, names)
