"""Two recorded games of one case side by side: every recorded vote of either with both
outcomes and tallies, the delegations whose ballots differ, and the stretches of decisions
where the games part ways. ``compare A B`` prints it; the game window's compare screen shows
it (both read it here)."""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from ..decisions import Decision, to_dict
from ..i18n import _
from ..session import Session


def parting(a: list[Decision], b: list[Decision]) -> list[dict]:
    """The stretches where two decision lists differ: for each, where it starts in A and in
    B (decision numbers from 1, as in the files) and the decisions of each there."""
    key = [json.dumps(to_dict(d), sort_keys=True) for d in a]
    other = [json.dumps(to_dict(d), sort_keys=True) for d in b]
    out = []
    matcher = difflib.SequenceMatcher(None, key, other, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.append({"a_from": i1 + 1, "b_from": j1 + 1,
                        "a": [to_dict(d) for d in a[i1:i2]],
                        "b": [to_dict(d) for d in b[j1:j2]]})
    return out


def votes(a: Session, b: Session) -> list[dict]:
    """Every recorded vote of either game, in the order held in A (then B's others): both
    outcomes and tallies (None where a game did not hold it) and the ballots that differ."""
    ra = {r.motion: r for r in a.state.results}
    rb = {r.motion: r for r in b.state.results}
    order = list(ra) + [m for m in rb if m not in ra]
    out = []
    for motion in order:
        x, y = ra.get(motion), rb.get(motion)
        bx, by = dict(x.ballots) if x else {}, dict(y.ballots) if y else {}
        differ = {iso: {"a": bx.get(iso), "b": by.get(iso)}
                  for iso in list(bx) + [i for i in by if i not in bx]
                  if bx.get(iso) != by.get(iso)} if bx and by else {}
        out.append({"motion": motion, "symbol": a.motion(motion).symbol,
                    "a": {"outcome": x.outcome, "tally": dict(x.tally)} if x else None,
                    "b": {"outcome": y.outcome, "tally": dict(y.tally)} if y else None,
                    "ballots_differ": differ})
    return out


def first_parting(a: list[Decision], b: list[Decision]) -> int | None:
    """The number (from 1) of the first decision where the two lists differ (one ending
    before the other counts), or None when they are the same."""
    for k, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return k + 1
    return None if len(a) == len(b) else min(len(a), len(b)) + 1


@dataclass(frozen=True)
class Comparison:
    """Two replayed games of one case: ``votes`` and ``parted`` as ``votes`` and ``parting``
    give them, and ``parts_at``, the first decision where they differ (None: nowhere)."""

    a: Session
    b: Session
    votes: list[dict]
    parted: list[dict]
    parts_at: int | None
    #: The files the two games were read from (None: not from a file).
    paths: tuple[Path | None, Path | None] = (None, None)


def compare(a: Session, b: Session,
            paths: tuple[Path | None, Path | None] = (None, None)) -> Comparison:
    """Set two replayed games side by side (read from ``paths``, if files). Raises
    ValueError if they are games of two cases."""
    if a.scenario.id != b.scenario.id:
        raise ValueError(_("a game of {a} and one of {b}: only two games of one case can be "
                           "compared").format(a=a.scenario.id, b=b.scenario.id))
    return Comparison(a, b, votes(a, b), parting(a.decisions, b.decisions),
                      first_parting(a.decisions, b.decisions), paths)


#: Decision type -> how a line of ``compare`` says it (the fields of the decision).
SAID = {"lobby": "lobby {member} ({argument})", "address_group": "address {group} ({argument})",
        "revise_text": "revise {paragraph} to {variant}", "seek_cosponsor": "seek {member} as a "
        "co-sponsor", "respond_to_offer": "answer {offer}: {accept}", "table_motion": "table "
        "{motion}: {table}", "proceed_to_vote": "ask for the vote", "pass": "pass",
        "move_no_action": "move no action on {motion}", "request_separate_vote": "request a "
        "separate vote on {paragraph} of {motion}", "object_to_division": "object to the "
        "division of {paragraph} of {motion}", "ask_abstention": "ask {member} to abstain on "
        "{motion}"}


def said(d: dict) -> str:
    """One decision in a few words: "sponsors: lobby KEN (coi_evidence)"."""
    words = d.get("type", "")
    try:
        words = SAID[d["type"]].format(**{k: ("yes" if v is True else "no" if v is False
                                              else v) for k, v in d.items()})
    except (KeyError, IndexError):
        pass                        # a type this table does not know yet: its name
    return f"{d.get('side', '?')}: {words}"
