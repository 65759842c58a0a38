"""How the class report names decisions, their kinds and their targets, in the case's
own words (a delegation by its UN name, a group by its full name, an argument by its label,
a paragraph as the record numbers it)."""
from __future__ import annotations

from collections.abc import Callable

from ..decisions import Decision
from ..session import Session
from ..vocabulary import group_name

#: Decision type -> how the report names the kind of move.
KIND_WORDS = {
    "lobby": "lobbying a delegation", "address_group": "addressing a group",
    "revise_text": "revising the text", "seek_cosponsor": "seeking a co-sponsor",
    "respond_to_offer": "answering an offer", "table_motion": "tabling or holding a draft",
    "move_no_action": "a motion for no action", "request_separate_vote": "a separate vote",
    "object_to_division": "objecting to a division", "ask_abstention": "asking a permanent "
    "member to abstain"}
#: Decision type -> the field naming its target (a delegation, group, paragraph, offer).
TARGET_FIELD = {"lobby": "member", "address_group": "group", "revise_text": "paragraph",
                "seek_cosponsor": "member", "respond_to_offer": "offer",
                "table_motion": "motion", "move_no_action": "motion",
                "request_separate_vote": "paragraph", "object_to_division": "paragraph",
                "ask_abstention": "member"}


def argument_label(session: Session, argument: str) -> str:
    """An argument's label in the case ("the commission's evidence"), or its id."""
    return next((a.label for a in session.scenario.spec.arguments if a.id == argument),
                argument)


def _member(session: Session, d: Decision, iso: str) -> str:
    try:
        return session.member(iso).name
    except KeyError:
        return iso


def _motion(session: Session, d: Decision, motion: str) -> str:
    return session.motion(motion).symbol if session.has_motion(motion) else motion


def _offer(session: Session, d: Decision, offer_id: str) -> str:
    offer = next((o for o in session.scenario.spec.offers if o.id == offer_id), None)
    if offer is None:
        return offer_id
    return f"{offer.by}: {offer.accept_label if vars(d).get('accept') else offer.refuse_label}"


#: The field a decision aims with (TARGET_FIELD's values) -> how it is named in words.
NAMERS: dict[str, Callable[[Session, Decision, str], str]] = {
    "member": _member, "motion": _motion, "offer": _offer,
    "group": lambda session, d, group: group_name(group),
    "paragraph": lambda session, d, p: paragraph_names(session).get(p, p)}


def target_name(session: Session, d: Decision) -> str:
    """Whom or what a decision is aimed at, in words (a delegation by its UN name); "" for a
    decision without a target."""
    field = TARGET_FIELD.get(d.type, "")
    target = str(vars(d).get(field, ""))
    return NAMERS[field](session, d, target) if field in NAMERS and target else target


def move_words(session: Session, d: Decision) -> str:
    """One decision in a few words: "lobbying a delegation: Kenya (the commission's
    evidence)"."""
    argument = str(vars(d).get("argument", ""))
    how = f" ({argument_label(session, argument)})" if argument else ""
    target = target_name(session, d)
    return f"{KIND_WORDS.get(d.type, d.type)}{': ' + target if target else ''}{how}"


def paragraph_names(session: Session) -> dict[str, str]:
    """Paragraph id -> how the record names it ("OP 8", "PP 4")."""
    return {p.id: f"{'PP' if p.kind == 'preambular' else 'OP'} {p.number}"
            for text in session.scenario.spec.texts.values() for p in text.paragraphs}
