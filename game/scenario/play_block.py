"""The scenario schema's players' part: the two sides, their arguments, the offers and events
put to them, and the price of each move. Part of the schema that ``models.ScenarioSpec``
assembles (and the reference is generated from)."""
from __future__ import annotations

from pydantic import Field, model_validator

from .fields import Feature, Ident, Iso3, RelPath, SideName, Strict


class Side(Strict):
    """One of the two sides a player (or the bot) plays."""

    name: str = Field(description="Shown on the title screen.",
                      examples=["France and the co-sponsors"])
    members: list[Iso3] = Field(description="Main sponsors (or opposition leaders); they "
                                "cannot be lobbied.", examples=[["FRA"]])
    cosponsors: list[Iso3] = Field(default_factory=list, description="Initial co-sponsors.")
    briefing: str | None = Field(None, description="What a player on this side reads first. "
                                 "Give this or `briefing_file`.")
    briefing_file: RelPath | None = Field(
        None, description="A UTF-8 text file holding the briefing, relative to the scenario's "
                          "folder (it may not leave that folder).",
        examples=["briefings/sponsors.md"])
    goal: str = Field(description="One sentence shown on the title screen.")


class Argument(Strict):
    """A lobbying argument one side can use on a delegation or a group."""

    id: Ident = Field(description="Id of the argument.", examples=["accountability"])
    label: str = Field(description="Button label.")
    side: SideName = Field(description="Who may use it.")
    description: str = Field(description="What the player says.")
    source: Ident | None = Field(None, description="Id of the entry in `sources` the argument "
                                 "comes from (a real statement, report or campaign).")
    base: float = Field(ge=0, description="Latent support moved per first use, before affinity.",
                        examples=[0.3])
    affinity: dict[Feature, float] = Field(
        default_factory=dict, description="Extra effect per member feature (feature: coefficient).",
        examples=[{"icc_state_party": 0.35, "au": -0.15}])


class Cost(Strict):
    """What one move costs."""

    capital: int = Field(ge=0, le=100, description="Diplomatic capital spent.")
    days: int = Field(ge=0, le=100, description="Working days spent.")

    @model_validator(mode="after")
    def _costs_something(self) -> Cost:
        # A free move could be repeated for ever: every move must use up capital or time.
        if self.capital + self.days < 1:
            raise ValueError("a move must cost at least 1 capital or 1 day")
        return self



class Offer(Strict):
    """A deal or an event put to one side during a stage: it accepts or refuses."""

    id: Ident = Field(description="Id of the offer.")
    by: str = Field(description="Who makes it.", examples=["the DPRK"])
    to: SideName = Field("sponsors", description="The side that answers it.")
    source: Ident | None = Field(None, description="Id of the entry in `sources` it is based on.")
    accept_label: str = Field("Accept", min_length=1, max_length=80,
                              description="The button that accepts.")
    refuse_label: str = Field("Refuse", min_length=1, max_length=80,
                              description="The button that refuses.")
    cost: Cost | None = Field(None, description="What accepting costs the side that answers.")
    refuse_goodwill: dict[Feature, float] = Field(
        default_factory=dict, description="Latent support change towards the sponsors, per "
        "feature, if refused.", examples=[{"nam": -0.1}])
    stage: Ident = Field(description="Stage in which it must be answered; the stage must vote "
                                     "a draft.")
    description: str = Field(description="What is offered.")
    drop: list[Ident] = Field(default_factory=list, description="Paragraphs removed if accepted.")
    add: list[Ident] = Field(default_factory=list, description="Paragraphs added if accepted.")
    tables: list[Ident] = Field(default_factory=list, description="Optional motions of the "
                                "stage put to the vote if accepted (an answer to an event).")
    goodwill: dict[Feature, float] = Field(
        default_factory=dict, description="Latent support change, per feature, if accepted.",
        examples=[{"nam": 0.2}])


class Costs(Strict):
    """The price of each kind of move."""

    # ``default=`` by name: mypy reads a field's default from that keyword only
    lobby: Cost = Field(default=Cost(capital=1, days=1), description="Lobby one delegation.")
    address_group: Cost = Field(default=Cost(capital=3, days=2),
                                description="Address a group or bloc.")
    revise_text: Cost = Field(default=Cost(capital=2, days=1), description="Revise a paragraph.")
    seek_cosponsor: Cost = Field(default=Cost(capital=1, days=1),
                                 description="Ask for a co-sponsor.")
    no_action: Cost = Field(default=Cost(capital=3, days=1),
                            description="Move that no action be taken on a draft (default: an "
                            "author's choice, dearer than lobbying one delegation).")
    separate_vote: Cost = Field(default=Cost(capital=2, days=1),
                                description="Request a separate vote on a paragraph.")
    ask_abstention: Cost = Field(default=Cost(capital=3, days=1),
                                 description="Ask a permanent member to abstain, not veto.")


# --- the vote model, the real record and the objectives --------------------
