"""The member facts in a student's words, for the dossier and ``forecast --explain``:
"voted against this resolution 2008-2011", "ICC member", "votes as the United States does 8
times in 10 (...)". Only what the data say, never a number of the model.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..scenario.models import Member

#: Ballot -> the verb, for a record of votes.
VERB = {"yes": "voted for", "no": "voted against", "abstain": "abstained on"}
SHORT = {"yes": "for", "no": "against", "abstain": "abstained"}
#: Built-in 0/1 features: (words if 1, words if 0).
MEMBERSHIP = {
    "eu": ("EU member", "not an EU member"), "oic": ("OIC member", "not an OIC member"),
    "nam": ("in the Non-Aligned Movement", "not in the Non-Aligned Movement"),
    "au": ("AU member", "not an AU member"),
    "asean": ("ASEAN member", "not an ASEAN member"),
    "icc_state_party": ("ICC member", "not an ICC member"),
    "hrc_member": ("on the Human Rights Council", "not on the Human Rights Council"),
    "p5": ("permanent member of the Council", "not a permanent member"),
    "e10": ("elected member of the Council", "not elected to the Council"),
    "african": ("in the African Group", "not in the African Group"),
    "asia_pacific": ("in the Asia-Pacific Group", "not in the Asia-Pacific Group"),
    "eastern_european": ("in the Eastern European Group", "not in the Eastern European Group"),
    "latin_american_and_caribbean": ("in the Latin American and Caribbean Group",
                                     "not in the Latin American and Caribbean Group"),
    "western_european_and_others": ("in the Western European and Others Group",
                                    "not in the Western European and Others Group"),
}
#: Tags of wordings, as a student reads them (others: the tag with spaces).
TAGS = {"icc_referral": "ICC referral", "chapter_vii": "Chapter VII",
        "council_agenda": "Council agenda", "crimes_against_humanity": "crimes against humanity",
        "targeted_sanctions": "targeted sanctions"}


def record_words(ballots: Sequence[tuple[int, str]], label: str) -> str:
    """'voted against <label> 2008-2011 (before: abstained)' from (year, ballot) pairs in date
    order: the latest run of the same ballot, and the one before it (ballots other than yes,
    no and abstain are skipped)."""
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
    ballot, first, last = runs[-1]
    years = f"in {first}" if first == last else f"{first}-{last}"
    earlier = f" (before: {SHORT[runs[-2][0]]})" if len(runs) > 1 else ""
    return f"{VERB[ballot]} {label} {years}{earlier}"


def past_words(members: Sequence[Member]) -> tuple[str, ...]:
    """Each member's earlier votes on this resolution (``past_votes``), in words."""
    return tuple(record_words(sorted((int(y), b) for y, b in m.past_votes.items()),
                              "this resolution") for m in members)


def agreement_words(same: int, cast: int, anchor: str, span: str) -> str:
    """'votes with the United States 8 times in 10 (2014)'."""
    tenths = round(10 * same / cast)
    times = "time" if tenths == 1 else "times"
    return f"votes with {anchor} {tenths} {times} in 10 ({span})"


def scale_words(name: str, value: float) -> str:
    """The built-in ideal points (Bailey, Strezhnev & Voeten, 2013), in words."""
    what = "UN votes (2013)" if name == "ideal_point" else "human-rights votes (2013)"
    side = ("close to the US and the EU" if value > 0.5 else
            "far from the US and the EU" if value < -0.5 else "in the middle")
    return f"{what}: {side}"


def tag_words(tags: Sequence[str], features: Sequence[str]) -> str:
    """How the wording weighs on a member, naming the tags and the facts that shift it."""
    named = ", ".join(dict.fromkeys(TAGS.get(t, t.replace("_", " ")) for t in tags))
    facts = ", ".join(MEMBERSHIP[f][0] if f in MEMBERSHIP else f for f in features)
    if named and facts:
        return f"the wording: {named} (as {facts})"
    if named:
        return f"the wording ({named})"
    return "the wording of the text"


def room_words(value: float) -> str:
    """The term every delegation shares: where the room as a whole stands on this motion."""
    return f"where the room as a whole stands (leans {'yes' if value > 0 else 'no'})"


#: Built-in features as the delegations they describe, for "whom an argument persuades":
#: (words for a positive coefficient, words for a negative one). A 0/1 feature's negative
#: coefficient still names its members ("less with AU members").
AUDIENCE = {
    "eu": "EU members", "oic": "OIC members", "nam": "the Non-Aligned Movement",
    "au": "African Union members", "asean": "ASEAN members",
    "icc_state_party": "parties to the ICC's Rome Statute",
    "hrc_member": "Human Rights Council members", "p5": "the permanent members",
    "e10": "the elected Council members", "african": "the African Group",
    "asia_pacific": "the Asia-Pacific Group", "eastern_european": "the Eastern European Group",
    "latin_american_and_caribbean": "Latin America and the Caribbean",
    "western_european_and_others": "Western Europe and others",
}
#: Continuous features: (words where it is high, words where it is low).
AUDIENCE_SCALES = {
    "ideal_point": ("delegations that vote as the US and the EU do",
                    "delegations that vote against the US and the EU"),
    "hr_ideal_point": ("delegations with a strong human-rights voting record",
                       "delegations that vote against human-rights scrutiny"),
    "past_support": ("delegations that voted for this resolution before",
                     "delegations that voted against it before"),
}


def audience_words(affinity: dict[str, float], labels: dict[str, str] | None = None) -> str:
    """Whom a lobbying argument tends to persuade, from its ``affinity`` (feature ->
    coefficient; the scenario's own numbers): 'Persuades most: parties to the ICC's Rome
    Statute; less: African Union members.' ``labels`` names a scenario's declared facts."""
    labels = labels or {}
    more: list[str] = []
    less: list[str] = []
    for name, coef in sorted(affinity.items(), key=lambda kv: -abs(kv[1])):
        if coef == 0:
            continue
        if name in AUDIENCE_SCALES:
            high, low = AUDIENCE_SCALES[name]
            more.append(high if coef > 0 else low)
            continue
        who = AUDIENCE.get(name) or labels.get(name) or name.replace("_", " ")
        (more if coef > 0 else less).append(who)
    if not more and not less:
        return "Works the same on every delegation."
    parts = ([f"Persuades most: {', '.join(more)}"] if more else []) + (
        [f"less: {', '.join(less)}" if more else f"Persuades less: {', '.join(less)}"]
        if less else [])
    return "; ".join(parts) + "."
