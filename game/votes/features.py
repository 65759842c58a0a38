"""Member features: the facts the vote model reads, as one numpy matrix.

Imputation (documented, never a silent zero):
- ``hr_ideal_point`` missing -> least-squares line on ``ideal_point`` fitted to the members that
  have both (two members in the 2014 data: CAF, SWZ in some sessions).
- ``past_support`` for a member that never voted on the earlier resolutions -> least-squares
  line on ``hr_ideal_point`` fitted to the members that did.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..scenario.models import Member
from ..vocabulary import REGIONAL_GROUPS
from .facts import fill_linear

#: Column names of the built-in features, in order (a scenario's declared facts follow them in
#: ``VoteModel.feature_names``; their words for explanations are in wording.py).
FEATURES: tuple[str, ...] = (
    "intercept", "ideal_point", "hr_ideal_point", "past_support",
    "eu", "oic", "nam", "au", "asean", "icc_state_party", "hrc_member", "p5", "e10",
    "african", "asia_pacific", "eastern_european", "latin_american_and_caribbean",
    "western_european_and_others",
)
FEATURE_INDEX = {name: i for i, name in enumerate(FEATURES)}
_GROUP_FEATURES = dict(zip(REGIONAL_GROUPS, FEATURES[-5:], strict=True))
_PAST_VALUE = {"yes": 1.0, "abstain": 0.0, "no": -1.0}
#: Recency weight per year back from the latest past vote.
PAST_DECAY = 0.7


def past_record(members: Sequence[Member]) -> tuple[np.ndarray, np.ndarray]:
    """Recency-weighted past support and absence rate.

    Returns ``(support, absence)``: support (n_members,) in [-1, 1] (NaN if never voted);
    absence (n_members, 2) = weighted absences and weighted roll calls while a member.
    """
    years = sorted({y for m in members for y in m.past_votes})
    n = len(members)
    support = np.full(n, np.nan)
    absence = np.zeros((n, 2))
    if not years:
        return support, absence
    latest = int(years[-1])
    w = np.array([PAST_DECAY ** (latest - int(y)) for y in years])
    for i, m in enumerate(members):
        votes = [m.past_votes.get(y, "nonmember") for y in years]
        val = np.array([_PAST_VALUE.get(v, np.nan) for v in votes])
        cast = ~np.isnan(val)
        if cast.any():
            support[i] = float((val[cast] * w[cast]).sum() / w[cast].sum())
        member = np.array([v != "nonmember" for v in votes])
        absent = np.array([v == "absent" for v in votes])
        absence[i] = (w[absent].sum(), w[member].sum())
    return support, absence


def feature_matrix(members: Sequence[Member]) -> np.ndarray:
    """The model's member inputs.

    Returns float64 array of shape (n_members, len(FEATURES)); columns as in FEATURES.
    Ideal points: Bailey, Strezhnev & Voeten (Harvard Dataverse doi:10.7910/DVN/LEJUQZ).
    """
    n = len(members)
    f = np.zeros((n, len(FEATURES)))
    f[:, 0] = 1.0
    ideal = np.array([m.ideal_point for m in members], dtype=float)
    hr = np.array([np.nan if m.hr_ideal_point is None else m.hr_ideal_point for m in members])
    hr = fill_linear(hr, ideal)
    support, _ = past_record(members)
    support = fill_linear(support, hr)
    f[:, FEATURE_INDEX["ideal_point"]] = ideal
    f[:, FEATURE_INDEX["hr_ideal_point"]] = hr
    f[:, FEATURE_INDEX["past_support"]] = support
    for i, m in enumerate(members):
        for b in m.blocs:
            f[i, FEATURE_INDEX[b.lower()]] = 1.0
        f[i, FEATURE_INDEX["icc_state_party"]] = float(m.icc_state_party)
        f[i, FEATURE_INDEX["hrc_member"]] = float(m.hrc_member)
        if m.sc_seat:
            f[i, FEATURE_INDEX[m.sc_seat.lower()]] = 1.0
        if m.regional_group:
            f[i, FEATURE_INDEX[_GROUP_FEATURES[m.regional_group]]] = 1.0
    return f


def attendance(members: Sequence[Member], prior: tuple[float, float],
               counts: np.ndarray | None = None, scale: float = 1.0) -> np.ndarray:
    """P(absent) per member, (n_members,): past absences shrunk to a prior, times ``scale``.

    ``prior = (a, b)``: p = scale * (absences + a) / (roll calls + b), at most 0.95 (nobody is
    certain to stay away). ``counts`` (n_members, 2), absences and roll calls while a member,
    default: the weighted record on the resolution's earlier votes (``past_record``).
    """
    if counts is None:
        _, counts = past_record(members)
    a, b = prior
    return np.minimum(scale * (counts[:, 0] + a) / (counts[:, 1] + b), 0.95)
