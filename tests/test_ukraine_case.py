"""The third real case, A/RES/68/262 (Territorial integrity of Ukraine, 27 March 2014): written
in YAML alone, its roll call the shipped data's, its facts dated before the vote, and the
evaluation figures it reached held here (README, "How good is the model")."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from game.scenario import load
from game.scenario.unvotes import record
from game.votes.facts import ideal_columns
from helpers import ROOT, evaluate_json, hold_figures

CASE = ROOT / "scenarios" / "ukraine_2014.yaml"
ROLL_CALL = ROOT / "scenarios" / "roll_calls" / "ga_68_262_2014.csv"
#: The day of the vote: every fact of the case must come from roll calls held before it.
VOTE_DAY = "2014-03-27"


def test_the_case_roll_call_is_the_shipped_vote_on_68_262_member_by_member():
    rec = record()
    j = rec.column("A/RES/68/262")
    letters = {"yes": "y", "no": "n", "abstain": "a", "absent": "x"}
    with ROLL_CALL.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 193
    for row in rows:
        assert rec.cells[rec.iso.index(row["iso3"]), j] == letters[row["vote"]], row["iso3"]
    counts = [sum(r["vote"] == v for r in rows) for v in ("yes", "no", "abstain", "absent")]
    assert counts == [100, 11, 58, 24]


def test_the_history_reads_the_roll_call_file_and_its_tally_is_the_record():
    scenario = load(CASE)
    vote = next(h for h in scenario.spec.history if h.motion == "plenary_draft")
    tally = vote.tally
    assert (tally.yes, tally.no, tally.abstain, tally.absent) == (100, 11, 58, 24)
    assert vote.roll_call is not None and "RUS" in vote.roll_call.no
    assert len(vote.roll_call.yes) == tally.yes and len(vote.roll_call.absent) == tally.absent


def test_every_fact_of_the_case_comes_from_roll_calls_before_the_vote():
    rec = record()
    facts = load(CASE).spec.members.facts
    assert set(facts) == {"ideal_point_68", "georgia", "syria", "iran"}
    for name, fact in facts.items():
        if fact.kind == "ideal_point":
            columns = ideal_columns(rec, fact)
        else:
            columns = [rec.column(symbol) for symbol in fact.resolutions]
        dates = [rec.roll_calls[j].date.isoformat() for j in columns]
        assert dates and max(dates) < VOTE_DAY, name


def test_no_code_in_the_game_names_the_case():
    for path in Path(ROOT / "game").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        assert "ukrain" not in text and "68/262" not in text, path


def test_every_argument_and_event_but_the_stock_move_cites_a_listed_source():
    scenario = load(CASE)
    sources = {s.id for s in scenario.spec.sources}
    for item in [*scenario.spec.arguments, *scenario.spec.offers]:
        if item.id == "partnership":                   # a stock lobbying move: no claim
            continue
        assert item.source in sources, item.id
    sides = {a.side for a in scenario.spec.arguments}
    assert sides == {"sponsors", "opposition"}


def test_the_sponsors_are_the_six_named_on_the_draft():
    sponsors = load(CASE).spec.sides["sponsors"]
    assert sponsors.members == ["UKR"]
    assert sorted(sponsors.cosponsors) == ["CAN", "CRI", "DEU", "LTU", "POL"]


@pytest.fixture(scope="module")
def evaluated() -> dict:
    """`python main.py evaluate ... --json` on the shipped roll call, run once here."""
    return evaluate_json(str(CASE), ROLL_CALL, "plenary_draft")


def test_evaluate_reports_the_fit_without_sponsors_cross_validation_and_the_backtest(evaluated):
    data = evaluated
    assert data["scope"] == "in sample"
    assert set(data["fits_and_forecasts"]["fitted"]) == {
        "stance", "cutpoints", "abstainers_absent.draft"}
    # 169 present and voting, less the six sponsors and the Russian Federation
    assert data["without_sponsors"]["model"]["n"] == 162
    assert data["cross_validated"]["refitted_per_fold"] == ["stance", "cutpoints"]
    years = [y["vote"] for y in data["backtest"]["years"]]
    assert years == ["A/RES/65/287", "A/RES/68/262"]
    assert "A/RES/68/262" not in data["backtest"]["years"][-1]["trained_on"]


def test_the_case_holds_the_figures_it_reached_on_68_262(evaluated):
    # Measured when the case was written (README, "How good is the model"): in sample
    # 0.805 / 0.790, without the sponsors 0.796 / 0.782, cross-validated 0.787 / 0.748; since
    # attendance follows each member's record, cross-validated 0.775 / 0.742 (the share of
    # abstainers who stay away, refitted, is smaller). Held just below, so a change that
    # loses ground fails here.
    hold_figures(evaluated, fit=(0.80, 0.785), without=(0.79, 0.775), cross_validated=(0.77, 0.74))


def test_the_forecast_of_68_262_from_georgias_resolutions_beats_repeating_the_last_ballot(
        evaluated):
    # The last backtest year is a true forecast: fitted on the Georgia votes of 2008-2011 only,
    # with facts dated before 27 March 2014 (0.698 / 0.762 against 0.633 / 0.696 when written).
    last = evaluated["backtest"]["years"][-1]
    assert last["model"]["accuracy"] >= 0.69 and last["model"]["balanced_accuracy"] >= 0.755
    assert last["model"]["balanced_accuracy"] > last["repeat_previous"]["balanced_accuracy"]
