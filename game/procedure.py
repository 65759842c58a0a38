"""The arithmetic of UN voting rules, vectorised over many tallies at once (simulated draws, or
every cell of a table of counts).

Sources: UN Charter Art. 18 (GA: majority of members present and voting; two thirds on
important questions) and Art. 27 (Security Council: nine affirmative votes; on substantive
questions including the concurring votes of the permanent members, read in practice since 1946
as "no negative vote": an abstention does not block); GA rules of procedure 86 (abstaining
members are not "present and voting") and 133 (an equally divided vote rejects the proposal).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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

    def describe(self) -> str:
        """One line for screens: the rule in the UN's own words."""
        if self.affirmative_votes is not None:
            text = f"{self.affirmative_votes} affirmative votes"
            return text + (", and no negative vote of a permanent member" if self.veto
                           else " (procedural: no veto)")
        share = "two-thirds majority" if self.majority == "two_thirds" else "simple majority"
        return f"{share} of members present and voting (abstentions not counted)"


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


def explain(code: int, counts: np.ndarray, rule: Rule) -> str:
    """The sentence a vote board shows: which rule decided and how. counts: (4,) ints."""
    yes, no, abstain, _ = (int(c) for c in counts)
    pv = yes + no
    if rule.affirmative_votes is not None:
        base = f"{yes} affirmative votes ({rule.affirmative_votes} needed)"
        return {0: f"{rule.word.capitalize()}: {base}" + (
                    "; no permanent member voted against" if rule.veto else
                    "; procedural vote, no veto applies"),
                1: f"Not {rule.word}: {base}",
                2: f"Not {rule.word}: {base}, but a permanent member voted against (veto)"}[code]
    if pv == 0:        # no majority of nobody: "needs 0" or "equally divided (0-0)" would mislead
        return (f"Rejected: no delegation voted in favour or against ({abstain} abstentions "
                f"not counted), so the proposal is not {rule.word}")
    need = (2 * pv + 2) // 3 if rule.majority == "two_thirds" else pv // 2 + 1
    kind = "two-thirds" if rule.majority == "two_thirds" else "simple"
    base = (f"{pv} present and voting ({abstain} abstentions not counted); {kind} majority "
            f"needs {need}")
    return {0: f"{rule.word.capitalize()}: {base}, got {yes}", 1: f"Rejected: {base}, got {yes}",
            3: f"Rejected: equally divided ({yes}-{no}); {base}"}[code]
