"""``forecast SCENARIO --explain ISO3``: a delegation's latent support, part by part."""
from __future__ import annotations

import difflib
import sys
from typing import TypedDict

from ..procedure import BALLOTS
from ..session import Session
from .common import print_json


class _Explained(TypedDict):
    """One motion's explanation, as ``--json`` prints it."""

    motion: str
    latent: float
    probabilities: dict[str, float]
    contributions: list[dict[str, str | float]]


def print_explanation(session: Session, iso3: str, as_json: bool) -> int:
    """Explain ``iso3`` for every motion it votes on, at the session's state."""
    world = session.world
    if iso3 not in world.index:
        names = {m.name.lower(): m for m in session.scenario.members}
        close = [names[n] for n in difflib.get_close_matches(iso3.lower(), names, 1, 0.7)]
        hint = f" (did you mean {close[0].iso3}, {close[0].name}?)" if close else ""
        print(f"unknown delegation {iso3[:40]!r}: use an ISO 3166 alpha-3 code such as "
              f"FRA{hint}", file=sys.stderr)
        return 1
    out: list[_Explained] = []
    for m in session.scenario.spec.motions:
        voters = world.voters(m.body).tolist()
        if world.index[iso3] not in voters:
            continue
        parts = session.explain(iso3, m.id)
        probs = session.probabilities(m.id)[voters.index(world.index[iso3])]
        out.append({"motion": m.id, "latent": round(sum(v for _, v in parts), 4),
                    "probabilities": {b: round(float(p), 4)      # one per ballot code
                                      for b, p in zip(BALLOTS, probs, strict=True)},
                    "contributions": [{"label": k, "value": round(v, 4)} for k, v in parts]})
    member = session.scenario.members[world.index[iso3]]
    if not out:
        print(f"{member.name} ({iso3}) votes on no motion in this case (no seat in any body "
              "that votes)", file=sys.stderr)
        return 1
    if as_json:
        print_json({"scenario": session.scenario.id, "member": iso3, "name": member.name,
                    "motions": out})
        return 0
    print(f"{member.name} ({iso3})")
    for entry in out:
        p = entry["probabilities"]
        print(f"\n  {entry['motion']}: latent {entry['latent']:+.2f}  ->  in favour "
              f"{p['yes']:.0%}, against {p['no']:.0%}, abstention {p['abstain']:.0%}, "
              f"absent {p['absent']:.0%}")
        for c in entry["contributions"]:
            print(f"    {c['value']:+6.2f}  {c['label']}")
    return 0
