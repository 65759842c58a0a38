"""The member facts in a student's words, for the dossier and ``forecast --explain``:
"voted against this resolution 2008-2011", "ICC member", "votes as the United States does 8
times in 10 (...)". Only what the data say, never a number of the model.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..i18n import N_, _, ngettext
from ..scenario.models import Member

#: Ballot -> the verb, for a record of votes.
VERB = {"yes": N_("voted for"), "no": N_("voted against"), "abstain": N_("abstained on")}
SHORT = {"yes": N_("for"), "no": N_("against"), "abstain": N_("abstained")}
#: Built-in 0/1 features: (words if 1, words if 0).
MEMBERSHIP = {
    "eu": (N_("EU member"), N_("not an EU member")),
    "oic": (N_("OIC member"), N_("not an OIC member")),
    "nam": (N_("in the Non-Aligned Movement"), N_("not in the Non-Aligned Movement")),
    "au": (N_("AU member"), N_("not an AU member")),
    "asean": (N_("ASEAN member"), N_("not an ASEAN member")),
    "icc_state_party": (N_("ICC member"), N_("not an ICC member")),
    "hrc_member": (N_("on the Human Rights Council"), N_("not on the Human Rights Council")),
    "p5": (N_("permanent member of the Council"), N_("not a permanent member")),
    "e10": (N_("elected member of the Council"), N_("not elected to the Council")),
    "african": (N_("in the African Group"), N_("not in the African Group")),
    "asia_pacific": (N_("in the Asia-Pacific Group"), N_("not in the Asia-Pacific Group")),
    "eastern_european": (N_("in the Eastern European Group"),
                         N_("not in the Eastern European Group")),
    "latin_american_and_caribbean": (N_("in the Latin American and Caribbean Group"),
                                     N_("not in the Latin American and Caribbean Group")),
    "western_european_and_others": (N_("in the Western European and Others Group"),
                                    N_("not in the Western European and Others Group")),
}
#: Tags of wordings, as a student reads them (others: the tag with spaces).
TAGS = {"icc_referral": N_("ICC referral"), "chapter_vii": N_("Chapter VII"),
        "council_agenda": N_("Council agenda"),
        "crimes_against_humanity": N_("crimes against humanity"),
        "targeted_sanctions": N_("targeted sanctions")}


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
        return _("cast no vote on {label}").format(label=label)
    ballot, first, last = runs[-1]
    years = (_("in {year}").format(year=first) if first == last
             else _("{first}-{last}").format(first=first, last=last))
    earlier = (_(" (before: {ballot})").format(ballot=_(SHORT[runs[-2][0]])) if len(runs) > 1
               else "")
    # TRANSLATORS: "voted against" "this resolution" "2008-2011" " (before: abstained)"
    return _("{verb} {label} {years}{earlier}").format(verb=_(VERB[ballot]), label=label,
                                                       years=years, earlier=earlier)


def past_words(members: Sequence[Member]) -> tuple[str, ...]:
    """Each member's earlier votes on this resolution (``past_votes``), in words."""
    return tuple(record_words(sorted((int(y), b) for y, b in m.past_votes.items()),
                              _("this resolution")) for m in members)


def agreement_words(same: int, cast: int, anchor: str, span: str) -> str:
    """'votes with the United States 8 times in 10 (2014)'."""
    tenths = round(10 * same / cast)
    return ngettext("votes with {anchor} {n} time in 10 ({span})",
                    "votes with {anchor} {n} times in 10 ({span})", tenths).format(
        anchor=anchor, n=tenths, span=span)


def scale_words(name: str, value: float) -> str:
    """The built-in ideal points (Bailey, Strezhnev & Voeten, 2013), in words."""
    what = _("UN votes (2013)") if name == "ideal_point" else _("human-rights votes (2013)")
    side = (_("close to the US and the EU") if value > 0.5 else
            _("far from the US and the EU") if value < -0.5 else _("in the middle"))
    return _("{what}: {side}").format(what=what, side=side)


def tag_words(tags: Sequence[str], features: Sequence[str]) -> str:
    """How the wording weighs on a member, naming the tags and the facts that shift it."""
    named = ", ".join(dict.fromkeys(_(TAGS[t]) if t in TAGS else t.replace("_", " ")
                                    for t in tags))
    facts = ", ".join(_(MEMBERSHIP[f][0]) if f in MEMBERSHIP else f for f in features)
    if named and facts:
        return _("the wording: {tags} (as {facts})").format(tags=named, facts=facts)
    if named:
        return _("the wording ({tags})").format(tags=named)
    return _("the wording of the text")


def room_words(value: float) -> str:
    """The term every delegation shares: where the room as a whole stands on this motion."""
    return (_("where the room as a whole stands (leans yes)") if value > 0
            else _("where the room as a whole stands (leans no)"))


#: Built-in features as the delegations they describe, for "whom an argument persuades":
#: (words for a positive coefficient, words for a negative one). A 0/1 feature's negative
#: coefficient still names its members ("less with AU members").
AUDIENCE = {
    "eu": N_("EU members"), "oic": N_("OIC members"), "nam": N_("the Non-Aligned Movement"),
    "au": N_("African Union members"), "asean": N_("ASEAN members"),
    "icc_state_party": N_("parties to the ICC's Rome Statute"),
    "hrc_member": N_("Human Rights Council members"), "p5": N_("the permanent members"),
    "e10": N_("the elected Council members"), "african": N_("the African Group"),
    "asia_pacific": N_("the Asia-Pacific Group"),
    "eastern_european": N_("the Eastern European Group"),
    "latin_american_and_caribbean": N_("Latin America and the Caribbean"),
    "western_european_and_others": N_("Western Europe and others"),
}
#: Continuous features: (words where it is high, words where it is low).
AUDIENCE_SCALES = {
    "ideal_point": (N_("delegations that vote as the US and the EU do"),
                    N_("delegations that vote against the US and the EU")),
    "hr_ideal_point": (N_("delegations with a strong human-rights voting record"),
                       N_("delegations that vote against human-rights scrutiny")),
    "past_support": (N_("delegations that voted for this resolution before"),
                     N_("delegations that voted against it before")),
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
            more.append(_(high if coef > 0 else low))
            continue
        who = (_(AUDIENCE[name]) if name in AUDIENCE else None) or labels.get(
            name) or name.replace("_", " ")
        (more if coef > 0 else less).append(who)
    if not more and not less:
        return _("Works the same on every delegation.")
    most, fewer = ", ".join(more), ", ".join(less)
    if more and less:
        return _("Persuades most: {more}; less: {less}.").format(more=most, less=fewer)
    if more:
        return _("Persuades most: {more}.").format(more=most)
    return _("Persuades less: {less}.").format(less=fewer)
