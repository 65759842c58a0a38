"""The member facts in a student's words, for the dossier and ``forecast --explain``:
"voted against this resolution 2008-2011", "ICC member", "votes as the United States does 8
times in 10 (...)". Only what the data say, never a number of the model.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..scenario.models import Member

#: Ballot -> the verb, for a record of votes.
VERB = {"yes": "voted in favour of", "no": "voted against", "abstain": "abstained on"}
#: Built-in 0/1 features: (words if 1, words if 0).
MEMBERSHIP = {
    "eu": ("EU member", "not an EU member"), "oic": ("OIC member", "not an OIC member"),
    "nam": ("in the Non-Aligned Movement", "not in the Non-Aligned Movement"),
    "au": ("African Union member", "not an African Union member"),
    "asean": ("ASEAN member", "not an ASEAN member"),
    "icc_state_party": ("ICC member", "not an ICC member"),
    "hrc_member": ("on the Human Rights Council", "not on the Human Rights Council"),
    "p5": ("a permanent member of the Security Council", "not a permanent member"),
    "e10": ("an elected member of the Security Council", "not on the Security Council"),
    "african": ("in the African Group", "not in the African Group"),
    "asia_pacific": ("in the Asia-Pacific Group", "not in the Asia-Pacific Group"),
    "eastern_european": ("in the Eastern European Group", "not in the Eastern European Group"),
    "latin_american_and_caribbean": ("in the Latin American and Caribbean Group",
                                     "not in the Latin American and Caribbean Group"),
    "western_european_and_others": ("in the Western European and Others Group",
                                    "not in the Western European and Others Group"),
}
#: Tags of wordings, as a student reads them (others: the tag with spaces).
TAGS = {"icc_referral": "the ICC referral", "chapter_vii": "Chapter VII action",
        "council_agenda": "putting the situation on the Council's agenda",
        "crimes_against_humanity": "the words 'crimes against humanity'",
        "targeted_sanctions": "targeted sanctions"}


def record_words(ballots: Sequence[tuple[int, str]], label: str, plural: bool = True) -> str:
    """'voted against <label> 2008-2011, abstained on them in 2012' from (year, ballot) pairs
    in date order (ballots other than yes/no/abstain are skipped)."""
    runs: list[list] = []                                   # [ballot, first year, last year]
    for year, ballot in ballots:
        if ballot not in VERB:
            continue
        if runs and runs[-1][0] == ballot:
            runs[-1][2] = year
        else:
            runs.append([ballot, year, year])
    if not runs:
        return f"cast no vote on {label}"
    runs = runs[-2:]                   # the latest two runs: what a student needs to know
    out = []
    for k, (ballot, first, last) in enumerate(runs):
        years = f"in {first}" if first == last else f"{first}-{last}"
        what = label if k == 0 else ("them" if plural else "it")
        out.append(f"{VERB[ballot]} {what} {years}")
    return ", ".join(out)


def past_words(members: Sequence[Member]) -> tuple[str, ...]:
    """Each member's earlier votes on this resolution (``past_votes``), in words."""
    return tuple(record_words(sorted((int(y), b) for y, b in m.past_votes.items()),
                              "this resolution", plural=False) for m in members)


def agreement_words(same: int, cast: int, anchor: str, span: str) -> str:
    """'votes as the United States does 8 times in 10 (span)'."""
    tenths = round(10 * same / cast)
    times = "time" if tenths == 1 else "times"
    return f"votes as {anchor} does {tenths} {times} in 10 ({span})"


def scale_words(name: str, value: float) -> str:
    """The built-in ideal points (Bailey, Strezhnev & Voeten, 2013), in words."""
    what = ("its UN voting record (2013)" if name == "ideal_point"
            else "its human-rights voting record (2013)")
    side = ("close to the United States and the EU" if value > 0.5 else
            "far from the United States and the EU" if value < -0.5 else "in the middle")
    return f"{what}: {side}"


def tag_words(tags: Sequence[str], features: Sequence[str]) -> str:
    """How the wording weighs on a member, naming the tags and the facts that shift it."""
    named = ", ".join(dict.fromkeys(TAGS.get(t, t.replace("_", " ")) for t in tags))
    facts = ", ".join(MEMBERSHIP[f][0] if f in MEMBERSHIP else f for f in features)
    if named and facts:
        return f"how this text's wording weighs on it: {named} (as {facts})"
    if named:
        return f"how this text's wording weighs on it (with {named})"
    return "how this text's wording weighs on it"


def room_words(value: float) -> str:
    """The term every delegation shares: where the room as a whole stands on this motion."""
    lean = "yes" if value > 0 else "no"
    return f"where the room as a whole stands on this motion (it leans towards {lean})"
