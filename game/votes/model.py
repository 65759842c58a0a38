"""The vote model: member facts + a motion's text + lobbying -> P(yes, no, abstain, absent).

Spatial voting on one "scrutiny" axis (quadratic utility, as in Poole & Rosenthal's models):
member i stands at ``x_i = features_i @ stance`` (a handful of global coefficients); a text T
stands at ``q_i(T) = sum of the demand of its wordings`` as member i perceives them (each
wording has an authored weight, shifted per member by tag effects, e.g. an ICC-referral
paragraph feels less demanding to an ICC state party). A motion replaces a status quo S by a
proposal P (a draft against "no resolution", an amendment against the unamended text), so

    latent_i = (q_P - q_S) * (2 x_i - q_P - q_S) + orient * goodwill_i

(plus ``2 * principle * x_i`` when S is "no resolution": a stance on the resolution itself,
whatever its wording, so that states opposed to country-specific resolutions stay opposed to a
watered-down one), and an ordered logit with two cutpoints gives P(no), P(abstain), P(yes).
A per-member attendance probability from past roll calls gives P(absent). No member's
recorded vote on the motion being predicted is an input.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..i18n import _, language
from ..scenario import Scenario
from . import facts as fa, features as ft, wording


@dataclass(frozen=True)
class Clause:
    """One wording of one paragraph of one text: a column of the demand matrix."""

    text: str
    paragraph: str
    variant: str


@dataclass(frozen=True)
class MotionInput:
    """What the model needs to know about one motion at one moment.

    proposal: (n_clauses,) 0/1 wordings in the proposed text; status_quo: same for the
    unamended text, or None for "no resolution"; voters: (n_voters,) member indices;
    orient: +1 if the sponsors want "yes", -1 if "no"; attendance: whether absence is possible;
    abstainers_absent: share of would-be abstainers who do not vote (by motion kind);
    salience: multiplier on the motion's stance and wording terms (by motion kind);
    absence: (n_voters,) P(absent) instead of the model's (``VoteModel.absence``).
    """

    proposal: np.ndarray
    status_quo: np.ndarray | None
    voters: np.ndarray
    orient: float
    attendance: bool = True
    abstainers_absent: float = 0.0
    salience: float = 1.0
    #: P(absent) per voter (n_voters,) when it is not the model's own (sponsors turn up).
    absence: np.ndarray | None = None


class VoteModel:
    """The compiled model of one scenario: arrays built once, read by every forecast."""

    def __init__(self, scenario: Scenario, coefficients=None) -> None:
        """Build arrays from a scenario; ``coefficients`` overrides ``scenario.spec.model``."""
        coef = coefficients or scenario.spec.model
        self.coefficients = coef
        builtin = ft.feature_matrix(scenario.members)                  # (n_members, n_builtin)
        declared = scenario.spec.members.facts
        extra, words = fa.fact_matrix([m.iso3 for m in scenario.members], declared,
                                      builtin[:, ft.FEATURE_INDEX["ideal_point"]])
        #: Feature names, the columns of ``features``: the built-in ones, then the scenario's.
        self.feature_names: tuple[str, ...] = ft.FEATURES + tuple(declared)
        self.feature_index = {name: i for i, name in enumerate(self.feature_names)}
        self.features = np.hstack([builtin, extra])                     # (n_members, n_features)
        self._scenario = scenario
        #: Language -> (fact_words, past_words) in it, made when first asked for.
        self._words: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {
            language(): (self._fact_words(words), wording.past_words(scenario.members))}
        self.theta = self.vector(coef.stance)                           # (n_features,)
        self.stance = self.features @ self.theta                        # (n_members,)
        counts = (None if coef.attendance_record is None else
                  fa.absence_counts([m.iso3 for m in scenario.members], coef.attendance_record))
        #: Each member's shrunk absence rate, (n_members,); P(absent) is it times the scale.
        self.absence_rate = ft.attendance(scenario.members, coef.attendance_prior, counts)
        self.p_absent = np.minimum(self.absence_rate * coef.attendance_scale, 0.95)
        self.cutpoints = np.asarray(coef.cutpoints, dtype=float)        # (2,)
        self.no_resolution = float(coef.no_resolution)
        self.principle = float(coef.principle)
        self.clauses: list[Clause] = []
        weights: list[float] = []
        #: The tags of each wording, (n_clauses,) tuples.
        self.clause_tags: list[tuple[str, ...]] = []
        for text_id, text in scenario.spec.texts.items():
            for para in text.paragraphs:
                for var in para.variants:
                    self.clauses.append(Clause(text_id, para.id, var.id))
                    weights.append(var.weight)
                    self.clause_tags.append(tuple(var.tags))
        self.weights = np.asarray(weights, dtype=float)                 # (n_clauses,)
        self.clause_index = {c: i for i, c in enumerate(self.clauses)}
        # demand[i, c]: how far wording c pushes member i's view of the text towards scrutiny.
        self.demand = self.demand_with(coef.tag_effects)                # (n_members, n_clauses)


    def _fact_words(self, words: list[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        """Declared fact -> each member's words for it, the anchor named as the scenario does."""
        names = {m.iso3: m.name for m in self._scenario.members}
        declared = self._scenario.spec.members.facts
        return {fid: tuple(w.replace("{anchor}", _the(names.get(getattr(fact, "anchor", ""), "")))
                           for w in ws)
                for (fid, fact), ws in zip(declared.items(), words, strict=True)}

    def _words_now(self) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
        lang = language()
        if lang not in self._words:
            members = self._scenario.members
            self._words[lang] = (
                self._fact_words(fa.fact_words([m.iso3 for m in members],
                                               self._scenario.spec.members.facts)),
                wording.past_words(members))
        return self._words[lang]

    @property
    def fact_words(self) -> dict[str, tuple[str, ...]]:
        """Declared fact -> what each member did, in words (explanations), in the language in
        use; an ideal point's anchor is named as the scenario names it."""
        return self._words_now()[0]

    @property
    def past_words(self) -> tuple[str, ...]:
        """Each member's earlier votes on this resolution, in words (language in use)."""
        return self._words_now()[1]

    def demand_with(self, tag_effects: Mapping[str, Mapping[str, float]]) -> np.ndarray:
        """Demand (n_members, n_clauses): each wording's weight, shifted per member by the
        effects of its tags (tag -> {feature: coefficient})."""
        shift = np.zeros((len(self.feature_names), len(self.clauses)))
        for c, tags in enumerate(self.clause_tags):
            for tag in tags:
                shift[:, c] += self.vector(tag_effects.get(tag, {}))
        return self.weights[None, :] + self.features @ shift

    def with_coefficients(self, stance: Mapping[str, float], cutpoints: tuple[float, float],
                          tag_effects: Mapping[str, Mapping[str, float]]) -> VoteModel:
        """A copy with other stance coefficients, cutpoints and tag effects (calibration)."""
        other = copy.copy(self)
        other.theta = self.vector(stance)
        other.stance = self.features @ other.theta
        other.cutpoints = np.asarray(cutpoints, dtype=float)
        other.demand = self.demand_with(tag_effects)
        return other

    def absence(self, voters: np.ndarray, sponsors: np.ndarray) -> np.ndarray:
        """P(absent) of ``voters`` (n_voters,) member indices, where the members flagged in
        ``sponsors`` (n_members,) bool, the sponsors and co-sponsors, stay away less often
        (``cosponsor_absence`` of their usual rate)."""
        share = np.where(sponsors, float(self.coefficients.cosponsor_absence), 1.0)
        return (self.p_absent * share)[voters]

    def with_attendance_scale(self, scale: float) -> VoteModel:
        """A copy whose P(absent) is ``scale`` times each member's absence rate (calibration)."""
        other = copy.copy(self)
        other.p_absent = np.minimum(self.absence_rate * scale, 0.95)
        return other

    def vector(self, coefs: Mapping[str, float]) -> np.ndarray:
        """Named coefficients -> (n_features,) vector over ``feature_names``; absent names are 0.

        Raises KeyError naming an unknown feature (validation reports it earlier).
        """
        v = np.zeros(len(self.feature_names))
        for name, value in coefs.items():
            v[self.feature_index[name]] = value
        return v

    def clause_vector(self, text: str, wording: dict[str, str]) -> np.ndarray:
        """Indicator (n_clauses,) of a text given {paragraph id: variant id}."""
        v = np.zeros(len(self.clauses))
        for para, var in wording.items():
            v[self.clause_index[Clause(text, para, var)]] = 1.0
        return v

    def positions(self, motion: MotionInput) -> tuple[np.ndarray, np.ndarray]:
        """Perceived positions of proposal and status quo, each (n_voters,)."""
        d = self.demand[motion.voters]
        q_p = d @ motion.proposal
        q_s = (d @ motion.status_quo if motion.status_quo is not None
               else np.full(len(motion.voters), self.no_resolution))
        return q_p, q_s

    def slope(self, motion: MotionInput, q_p: np.ndarray, q_s: np.ndarray) -> np.ndarray:
        """D latent / d stance per voter, (n_voters,): 2 (q_P - q_S), plus 2 * principle for a
        motion against "no resolution" (a stance on the resolution itself, whatever its text)."""
        extra = 2.0 * self.principle if motion.status_quo is None else 0.0
        return motion.salience * (2.0 * (q_p - q_s) + extra)

    def latent(self, motion: MotionInput, goodwill: np.ndarray,
               stance: np.ndarray | None = None) -> np.ndarray:
        """Latent support for "yes", (n_voters,); goodwill is (n_members,) towards the sponsors;
        ``stance`` (n_members,) replaces the model's own (used by calibration)."""
        q_p, q_s = self.positions(motion)
        x = (self.stance if stance is None else stance)[motion.voters]
        return (self.slope(motion, q_p, q_s) * x - self.wording_term(motion, q_p, q_s)
                + motion.orient * goodwill[motion.voters])

    @staticmethod
    def wording_term(motion: MotionInput, q_p: np.ndarray, q_s: np.ndarray) -> np.ndarray:
        """The part of the latent set by the texts alone, (n_voters,)."""
        return motion.salience * (q_p - q_s) * (q_p + q_s)

    def probabilities(self, motion: MotionInput, goodwill: np.ndarray,
                      stance: np.ndarray | None = None,
                      cutpoints: np.ndarray | None = None) -> np.ndarray:
        """P(yes, no, abstain, absent) per voter, shape (n_voters, 4), rows sum to 1.

        ``stance`` (n_members,) and ``cutpoints`` (2,) replace the model's own (calibration).
        """
        probs = ordered_logit(self.latent(motion, goodwill, stance),
                              self.cutpoints if cutpoints is None else cutpoints,
                              (self.p_absent[motion.voters] if motion.absence is None
                               else motion.absence) if motion.attendance else None)
        if motion.attendance and motion.abstainers_absent:
            moved = probs[:, 2] * motion.abstainers_absent
            probs[:, 2] -= moved
            probs[:, 3] += moved
        return probs


def _the(name: str) -> str:
    """'the United States', 'France': country names that are a noun phrase take 'the'."""
    phrase = ("United ", "Republic", "Kingdom", "Federation", "Islands", "Emirates", "States",
              "Netherlands", "Philippines", "Bahamas", "Gambia")
    # TRANSLATORS: a country's name that takes an article in English ("the United States")
    return _("the {name}").format(name=name) if any(word in name for word in phrase) else name


def ordered_logit(latent: np.ndarray, cutpoints: np.ndarray,
                  p_absent: np.ndarray | None) -> np.ndarray:
    """Latent (n,) and cutpoints (2,) -> probabilities (n, 4) of yes/no/abstain/absent."""
    p_no = _sigmoid(cutpoints[0] - latent)
    p_not_yes = _sigmoid(cutpoints[1] - latent)
    out = np.empty((latent.shape[0], 4))
    out[:, 0] = 1.0 - p_not_yes
    out[:, 1] = p_no
    out[:, 2] = p_not_yes - p_no
    if p_absent is None:
        out[:, 3] = 0.0
    else:
        out[:, :3] *= (1.0 - p_absent)[:, None]
        out[:, 3] = p_absent
    return out


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function, elementwise; stable for large |z|."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))
