"""The UN's words as the game shows them: regional groups and blocs, ballots, their colours and
symbols. Rules, the CLI and the UI all read them from here, so each is written once.

The tables hold the English (marked with ``N_``); the functions (``group_name``,
``ballot_word``, ``ballot_title``, ``side_word``) give the words in the language in use (the
CLI's stays English).

Groups and blocs: the five regional groups of the General Assembly and the blocs the model
knows (membership comes from each scenario's member data, not from here).
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, _

#: The five regional groups, in the UN's usual order.
REGIONAL_GROUPS: tuple[str, ...] = ("African", "Asia-Pacific", "Eastern European",
                                    "Latin American and Caribbean", "Western European and Others")
#: The blocs a side can address (members come from the scenario's data).
BLOCS: tuple[str, ...] = ("EU", "OIC", "NAM", "AU", "ASEAN")

#: Group or bloc id -> the name shown to players.
GROUP_NAMES: dict[str, str] = {
    "African": N_("African Group"), "Asia-Pacific": N_("Asia-Pacific Group"),
    "Eastern European": N_("Eastern European Group"),
    "Latin American and Caribbean": N_("Latin American and Caribbean Group"),
    "Western European and Others": N_("Western European and Others Group"),
    "EU": N_("European Union (EU)"), "OIC": N_("Organisation of Islamic Cooperation (OIC)"),
    "NAM": N_("Non-Aligned Movement (NAM)"), "AU": N_("African Union (AU)"),
    "ASEAN": N_("ASEAN"),
}


def group_name(group: str | None) -> str:
    """The shown name of a regional group or bloc id, in the language in use (the id itself
    if it is not known)."""
    if not group:
        return _("no regional group")
    name = GROUP_NAMES.get(group)
    return _(name) if name else group


@dataclass(frozen=True)
class Ballot:
    """How one ballot is shown: the UN's words, a symbol, and two shades of its colour.

    ``tile`` fills a seat or a bar (on the dark board); ``text`` is the lighter shade that
    reads as text on the same background.
    """

    code: str
    word: str
    title: str
    letter: str
    tile: str
    text: str


#: Ballot codes in the column order of every (..., 4) probability or count array.
BALLOT_CODES: tuple[str, ...] = ("yes", "no", "abstain", "absent")

#: Ballot code -> how it is shown.
BALLOT_STYLES: dict[str, Ballot] = {b.code: b for b in (
    # Okabe-Ito blue and orange (colour-blind safe); abstention and absence neutral greys
    Ballot("yes", N_("in favour"), N_("In favour"), "Y", "#1f7fc4", "#7cc7f2"),
    Ballot("no", N_("against"), N_("Against"), "N", "#e69f00", "#f5b942"),
    Ballot("abstain", N_("abstention"), N_("Abstentions"), "A", "#8c96a3", "#c8d0da"),
    Ballot("absent", N_("absent"), N_("Absent"), "-", "#4d5966", "#9aa9b8"),
)}


def ballot_word(code: str) -> str:
    """'in favour' / 'against' / 'abstention' / 'absent' for a ballot code, in the language
    in use."""
    return _(BALLOT_STYLES[code].word)


def ballot_title(code: str) -> str:
    """'In favour' / 'Against' / 'Abstentions' / 'Absent' (a column or a count's heading) for
    a ballot code, in the language in use."""
    return _(BALLOT_STYLES[code].title)


#: The sides of a case and what the roster calls their leading delegations.
SIDE_WORDS: dict[str, str] = {"sponsors": N_("main sponsor"),
                              "opposition": N_("leads the opposition")}


def side_word(side: str | None) -> str:
    """What the roster says of a side's leading delegation, in the language in use ('' if
    ``side`` is no side)."""
    word = SIDE_WORDS.get(side or "")
    return _(word) if word else ""
