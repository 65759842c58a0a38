"""Goodwill towards the sponsors: what lobbying, offers and co-sponsorship add to latent support.

A move (side, scope, target, argument) made k times adds, to each member it reaches,
``sign * effect * (1 - decay**k) / (1 - decay)``: the first use gives ``effect``, each repeat
``decay`` times the previous gain (diminishing returns). ``effect = max(0, base + affinity @
features)`` so a move never pushes a member away from the side that makes it; addressing a
group reaches each of its members at ``group_share`` of that.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..i18n import N_, _, pgettext
from ..scenario import Scenario
from ..vocabulary import BLOCS, REGIONAL_GROUPS
from . import features as ft
from .model import VoteModel

SIGN = {"sponsors": 1.0, "opposition": -1.0}
#: Moves as a state records them: ((side, scope, target, argument), times made).
Moves = Iterable[tuple[tuple[str, str, str, str], int]]
GROUP_COLUMNS = {**{g: ft.FEATURES[-5 + i] for i, g in enumerate(REGIONAL_GROUPS)},
                 **{b: b.lower() for b in BLOCS}}


@dataclass(frozen=True)
class Contribution:
    """One named source of goodwill: label for screens and (n_members,) latent change."""

    label: str
    side: str
    values: np.ndarray


def group_mask(model: VoteModel, group: str) -> np.ndarray:
    """Bool (n_members,) of a regional group ("African", ...) or bloc ("EU", ...).

    Raises KeyError for an unknown group name.
    """
    return model.features[:, ft.FEATURE_INDEX[GROUP_COLUMNS[group]]] > 0.5


def argument_effect(model: VoteModel, scenario: Scenario, argument: str) -> np.ndarray:
    """Effect of one first use of an argument on each member, (n_members,) >= 0."""
    arg = next(a for a in scenario.spec.arguments if a.id == argument)
    return np.maximum(0.0, arg.base + model.features @ model.vector(arg.affinity))


def repeat_gain(times: int, decay: float) -> float:
    """Total multiplier after ``times`` uses: 1 + decay + ... + decay**(times-1)."""
    return (1.0 - decay ** times) / (1.0 - decay)


#: (the sponsors' move?, to a group?) -> how an explanation names a lobbying move ("your" is
#: the sponsors', as the dossier has always said).
LOBBYING_WORDS = {
    (True, False): N_("your lobbying: {argument}, {n}x"),
    (True, True): N_("your lobbying to the {group}: {argument}, {n}x"),
    (False, False): N_("the opposition's lobbying: {argument}, {n}x"),
    (False, True): N_("the opposition's lobbying to the {group}: {argument}, {n}x"),
}


def contributions(model: VoteModel, scenario: Scenario, moves: Moves, cosponsors: Iterable[str],
                  offers: Iterable[tuple[str, bool]]) -> list[Contribution]:
    """Every goodwill source in a state, each a (n_members,) vector.

    moves: ((side, scope, target, argument), times) pairs; cosponsors: ISO3 codes; offers:
    (offer id, accepted) pairs.
    """
    coef = model.coefficients
    index = scenario.member_index()
    labels = {a.id: a.label for a in scenario.spec.arguments}
    out: list[Contribution] = []
    for (side, scope, target, argument), times in moves:
        effect = argument_effect(model, scenario, argument) * repeat_gain(times, coef.lobby_decay)
        if scope == "member":
            values = np.zeros(len(index))
            values[index[target]] = effect[index[target]]
            said = LOBBYING_WORDS[side == "sponsors", False]
        else:
            values = np.where(group_mask(model, target), effect * coef.group_share, 0.0)
            said = LOBBYING_WORDS[side == "sponsors", True]
        label = _(said).format(group=short_group(target),
                               argument=labels.get(argument, argument), n=times)
        out.append(Contribution(label, side, SIGN[side] * values))
    for offer_id, accepted in offers:
        offer = next(o for o in scenario.spec.offers if o.id == offer_id)
        shift = offer.goodwill if accepted else offer.refuse_goodwill
        if shift:
            values = model.features @ model.vector(shift)
            said = _("offer accepted: {offer}") if accepted else _("offer refused: {offer}")
            out.append(Contribution(said.format(offer=offer.id), offer.to, values))
    sides = scenario.spec.sides
    initial = set(sides["sponsors"].cosponsors) if "sponsors" in sides else set()
    leaders = {name: list(side.members) for name, side in sides.items()}
    roles = {N_("main sponsor of the draft"): ("sponsors", leaders.get("sponsors", [])),
             N_("co-sponsor of the draft"): ("sponsors", sorted(set(cosponsors) | initial)),
             N_("leads the opposition to the draft"): ("opposition",
                                                       leaders.get("opposition", []))}
    won = sorted(set(cosponsors) - initial)
    if won and coef.cosponsor_pull:
        pull = np.zeros(len(index))
        for iso in won:
            group = scenario.members[index[iso]].regional_group
            if group:
                peers = group_mask(model, group).astype(float)
                peers[index[iso]] = 0.0
                pull += coef.cosponsor_pull * peers
        out.append(Contribution(_("neighbours who joined the co-sponsors ({n})").format(
            n=len(won)), "sponsors", pull))
    for label, (side, codes) in roles.items():
        values = np.zeros(len(index))
        for iso in codes:
            values[index[iso]] = SIGN[side] * coef.cosponsor_bonus
        if values.any():
            out.append(Contribution(_(label), side, values))
    return out


def goodwill(model: VoteModel, scenario: Scenario, moves: Moves = (),
             cosponsors: Iterable[str] = (),
             offers: Iterable[tuple[str, bool]] = ()) -> np.ndarray:
    """Total goodwill towards the sponsors, (n_members,) in latent units."""
    total = np.zeros(len(scenario.members))
    for c in contributions(model, scenario, moves, cosponsors, offers):
        total += c.values
    return total


def short_group(group: str) -> str:
    """A group or bloc as a reason names it: its id in English ('NAM', 'African'), its short
    name in the language in use elsewhere ('MNA', 'Afrique'; the floor's filter's words)."""
    if group in BLOCS:
        return pgettext("bloc", group)
    if group in REGIONAL_GROUPS:
        return pgettext("regional group, short", group)
    return group
