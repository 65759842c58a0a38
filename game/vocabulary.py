"""The UN's words as the game shows them: regional groups and blocs, ballots, their colours and
symbols. Rules, the CLI and the UI all read them from here, so each is written once.

Groups and blocs: the five regional groups of the General Assembly and the blocs the model
knows (membership comes from each scenario's member data, not from here).
"""
from __future__ import annotations

from dataclasses import dataclass

#: The five regional groups, in the UN's usual order.
REGIONAL_GROUPS: tuple[str, ...] = ("African", "Asia-Pacific", "Eastern European",
                                    "Latin American and Caribbean", "Western European and Others")
#: The blocs a side can address (members come from the scenario's data).
BLOCS: tuple[str, ...] = ("EU", "OIC", "NAM", "AU", "ASEAN")

#: Group or bloc id -> the name shown to players.
GROUP_NAMES: dict[str, str] = {
    "African": "African Group", "Asia-Pacific": "Asia-Pacific Group",
    "Eastern European": "Eastern European Group",
    "Latin American and Caribbean": "Latin American and Caribbean Group",
    "Western European and Others": "Western European and Others Group",
    "EU": "European Union (EU)", "OIC": "Organisation of Islamic Cooperation (OIC)",
    "NAM": "Non-Aligned Movement (NAM)", "AU": "African Union (AU)", "ASEAN": "ASEAN",
}


def group_name(group: str | None) -> str:
    """The shown name of a regional group or bloc id (the id itself if it is not known)."""
    if not group:
        return "no regional group"
    return GROUP_NAMES.get(group, group)


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
    Ballot("yes", "in favour", "In favour", "Y", "#1f7fc4", "#7cc7f2"),
    Ballot("no", "against", "Against", "N", "#e69f00", "#f5b942"),
    Ballot("abstain", "abstention", "Abstentions", "A", "#8c96a3", "#c8d0da"),
    Ballot("absent", "absent", "Absent", "-", "#4d5966", "#9aa9b8"),
)}


def ballot_word(code: str) -> str:
    """'in favour' / 'against' / 'abstention' / 'absent' for a ballot code."""
    return BALLOT_STYLES[code].word


#: The sides of a case and what the roster calls their leading delegations.
SIDE_WORDS: dict[str, str] = {"sponsors": "main sponsor", "opposition": "leads the opposition"}
