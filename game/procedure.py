"""The arithmetic of UN voting rules, vectorised over many tallies at once (simulated draws, or
every cell of a table of counts).

Sources: UN Charter Art. 18 (GA: majority of members present and voting; two thirds on
important questions) and Art. 27 (Security Council: nine affirmative votes; on substantive
questions including the concurring votes of the permanent members, read in practice since 1946
as "no negative vote": an abstention does not block); GA rules of procedure 86 (abstaining
members are not "present and voting") and 133 (an equally divided vote rejects the proposal).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np

from .i18n import N_, _
from .vocabulary import BALLOT_CODES

#: Ballot codes, the column order of every (..., 4) probability or count array.
BALLOTS: tuple[str, ...] = BALLOT_CODES
YES, NO, ABSTAIN, ABSENT = range(4)


@dataclass(frozen=True)
class Rule:
    """How one motion is decided.

    ``majority``: "simple" or "two_thirds" of present and voting (GA); ``affirmative_votes``:
    fixed number of yes votes (Security Council), None in the GA; ``veto``: a permanent
    member's "no" blocks (Council substantive questions only).
    """

    majority: str = "simple"
    affirmative_votes: int | None = None
    veto: bool = False
    #: The body's verb for success ("approved" in a Main Committee).
    word: str = "adopted"

    def describe(self, *, abstentions: bool = True) -> str:
        """One line for screens: the rule in the UN's own words, in the language in use
        (``abstentions=False``: without "(abstentions not counted)")."""
        if self.affirmative_votes is not None:
            return (_("{n} affirmative votes, and no negative vote of a permanent member")
                    if self.veto else _("{n} affirmative votes (procedural: no veto)")).format(
                n=self.affirmative_votes)
        if self.majority == "two_thirds":
            return (_("two-thirds majority of members present and voting (abstentions not "
                      "counted)") if abstentions else
                    _("two-thirds majority of members present and voting"))
        return (_("simple majority of members present and voting (abstentions not counted)")
                if abstentions else _("simple majority of members present and voting"))


def decide(counts: np.ndarray, p5_against: np.ndarray, rule: Rule) -> tuple[np.ndarray, np.ndarray]:
    """Apply a rule to vote counts.

    counts: int array (..., 4) of yes/no/abstain/absent; p5_against: bool array (...) true
    where a permanent member voted no. Returns ``(adopted, code)``, both shaped (...):
    code 0 adopted, 1 too few votes, 2 vetoed, 3 tie (rejected).
    """
    yes = counts[..., YES]
    no = counts[..., NO]
    if rule.affirmative_votes is not None:
        enough = yes >= rule.affirmative_votes
        vetoed = p5_against if rule.veto else np.zeros_like(enough)
        adopted = enough & ~vetoed
        code = np.where(adopted, 0, np.where(~enough, 1, 2))
        return adopted, code
    if rule.majority == "two_thirds":
        adopted = (3 * yes >= 2 * (yes + no)) & (yes > 0)
    else:
        adopted = yes > no
    tie = (yes == no) & ~adopted
    code = np.where(adopted, 0, np.where(tie, 3, 1))
    return adopted, code


#: How a body says a proposal carried (``Rule.word``, the scenario's ``adopted_word``) ->
#: (at the head of a sentence, its negation there, its negation inside one).
OUTCOME_WORDS: dict[str, tuple[str, str, str]] = {
    "adopted": (N_("Adopted"), N_("Not adopted"), N_("not adopted")),
    "approved": (N_("Approved"), N_("Not approved"), N_("not approved")),
}
#: The majority a General Assembly vote needs, as ``explain`` names it.
MAJORITY_WORDS = {"simple": N_("simple majority"), "two_thirds": N_("two-thirds majority")}

# The sentences a recorded vote keeps in ``VoteResult.decided_by`` (English: they are part of
# the game's digest, so a game's record reads the same in every language); ``decided_by_words``
# says them in the language in use. A placeholder named in WORDS is itself a msgid.
#: Council rules: adopted; adopted with no veto in play; too few votes; vetoed (and by whom).
COUNCIL_ADOPTED = N_("{outcome}: {yes} affirmative votes ({needed} needed); no permanent "
                     "member voted against")
COUNCIL_PROCEDURAL = N_("{outcome}: {yes} affirmative votes ({needed} needed); procedural "
                        "vote, no veto applies")
COUNCIL_SHORT = N_("{outcome}: {yes} affirmative votes ({needed} needed)")
COUNCIL_VETOED = N_("{outcome}: {yes} affirmative votes ({needed} needed), but a permanent "
                    "member voted against (veto)")
COUNCIL_VETOED_BY = N_("{outcome}: {yes} affirmative votes ({needed} needed), but a permanent "
                       "member voted against (veto): {vetoers}")
#: General Assembly rules: nobody voted yes or no; adopted; rejected; a tie.
NOBODY_VOTED = N_("Rejected: no delegation voted in favour or against ({abstain} abstentions "
                  "not counted), so the proposal is {outcome}")
MAJORITY_ADOPTED = N_("{outcome}: {voting} present and voting ({abstain} abstentions not "
                      "counted); {majority} needs {need}, got {yes}")
MAJORITY_REJECTED = N_("Rejected: {voting} present and voting ({abstain} abstentions not "
                       "counted); {majority} needs {need}, got {yes}")
MAJORITY_TIED = N_("Rejected: equally divided ({yes}-{no}); {voting} present and voting "
                   "({abstain} abstentions not counted); {majority} needs {need}")
#: Why a motion was not put to the vote (the stage flow's ``NOT_HELD``, ``open_stage``).
HELD_BACK = N_("The sponsors held the draft back; no vote.")
REQUIREMENT_UNMET = N_("Not put to the vote: {motions} not adopted.")
STAGE_UNMET = N_("{stage} did not meet: {motions} not adopted.")
MOOT = N_("Withdrawn: the draft no longer contains what it would delete.")
NO_ACTION_ADOPTED = N_("Not put to the vote: the motion for no action was adopted "
                       "(rule {rule}).")
DIVISION_REJECTED = N_("Not voted separately: the motion for division was rejected.")
PARAGRAPH_GONE = N_("Withdrawn: the paragraph is no longer in the text.")
#: Every sentence of ``decided_by``, the longest first (one that ends in a list of names is
#: tried before the same sentence without it).
#: A sentence that opens with its own word ("Rejected: ...") comes before the one that opens
#: with ``{outcome}``, which would read "Rejected" as an outcome that has no translation.
DECIDED_BY = (COUNCIL_VETOED_BY, COUNCIL_VETOED, COUNCIL_ADOPTED, COUNCIL_PROCEDURAL,
              COUNCIL_SHORT, NOBODY_VOTED, MAJORITY_REJECTED, MAJORITY_TIED, MAJORITY_ADOPTED,
              HELD_BACK, REQUIREMENT_UNMET, STAGE_UNMET, MOOT, NO_ACTION_ADOPTED,
              DIVISION_REJECTED, PARAGRAPH_GONE)
#: Placeholders whose English values are msgids themselves (translated with the sentence).
WORDS = ("outcome", "majority")


def explain(code: int, counts: np.ndarray, rule: Rule) -> str:
    """The sentence a vote board shows: which rule decided and how. counts: (4,) ints.

    In English whatever the language (it is kept in the game's record): show it with
    ``decided_by_words``."""
    yes, no, abstain, _unused = (int(c) for c in counts)
    pv = yes + no
    word, not_word, not_inside = OUTCOME_WORDS.get(
        rule.word, (rule.word.capitalize(), f"Not {rule.word}", f"not {rule.word}"))
    if rule.affirmative_votes is not None:
        template = {0: COUNCIL_ADOPTED if rule.veto else COUNCIL_PROCEDURAL, 1: COUNCIL_SHORT,
                    2: COUNCIL_VETOED}[code]
        return template.format(outcome=word if code == 0 else not_word, yes=yes,
                               needed=rule.affirmative_votes)
    if pv == 0:        # no majority of nobody: "needs 0" or "equally divided (0-0)" would mislead
        return NOBODY_VOTED.format(abstain=abstain, outcome=not_inside)
    need = (2 * pv + 2) // 3 if rule.majority == "two_thirds" else pv // 2 + 1
    majority = MAJORITY_WORDS["two_thirds" if rule.majority == "two_thirds" else "simple"]
    template = {0: MAJORITY_ADOPTED, 1: MAJORITY_REJECTED, 3: MAJORITY_TIED}[code]
    return template.format(outcome=word, voting=pv, abstain=abstain, majority=majority,
                           need=need, yes=yes, no=no)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression that reads the placeholders' values back out of ``template``."""
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)"
                              for i, p in enumerate(parts)) + r"\Z", re.DOTALL)


def decided_by_words(text: str, names: Mapping[str, str] | None = None) -> str:
    """A recorded vote's ``decided_by`` (English, as the record keeps it) in the language in
    use; a sentence that is none of ``DECIDED_BY`` (an older record's) is shown as it is.
    ``names``: the delegations' names as the record writes them -> as they are shown (the
    members who vetoed)."""
    for template in DECIDED_BY:
        found = _pattern(template).match(text)
        if found is None:
            continue
        values = {k: _(v) if k in WORDS else v for k, v in found.groupdict().items()}
        if "vetoers" in values:
            values["vetoers"] = _vetoers(values["vetoers"], names or {})
        return _(template).format(**values)
    return text


def _vetoers(said: str, names: Mapping[str, str]) -> str:
    """'China and the Russian Federation' (as recorded) with the names as shown, joined in
    the language in use; as recorded if it is not a list of ``names``."""
    known = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    if not known or re.fullmatch(f"(?:{known})(?: and (?:{known}))*", said) is None:
        return said
    # TRANSLATORS: joins the permanent members that vetoed ("China and Russia")
    return _(" and ").join(names[n] for n in re.findall(known, said))
