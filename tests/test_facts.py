"""Member facts from the shipped record of General Assembly votes (game/data/unvotes): the data
agree with themselves and with the case's roll call, no fact comes from the vote it predicts,
and `evaluate --json` holds the figures the honest model reached on A/RES/69/188."""
import csv
import re

import pytest

from game.scenario import ScenarioError, load_text
from game.scenario.unvotes import record
from game.votes.facts import ideal_columns
from helpers import DPRK, ROOT, dprk, dprk_world, evaluate_json, hold_figures

TEXT = DPRK.read_text(encoding="utf-8")
ROLL_CALL = ROOT / "scenarios" / "roll_calls" / "ga_69_188_2014.csv"


def test_the_shipped_votes_add_up_to_every_roll_calls_tally():
    rec = record()
    with (ROOT / "game" / "data" / "unvotes" / "roll_calls.csv").open(encoding="utf-8") as fh:
        tallies = {int(r["rcid"]): r for r in csv.DictReader(fh)}
    assert len(rec.roll_calls) == 797 and rec.cells.shape == (193, 797)
    for j, rc in enumerate(rec.roll_calls):
        col = rec.cells[:, j].tolist()
        got = [col.count(c) for c in "ynax"]
        want = [int(tallies[rc.rcid][k]) for k in ("yes", "no", "abstain", "absent")]
        assert got == want, rc.symbol


def test_the_shipped_votes_on_69_188_are_the_cases_roll_call_member_by_member():
    rec = record()
    j = rec.column("A/RES/69/188")
    letters = {"yes": "y", "no": "n", "abstain": "a", "absent": "x"}
    with ROLL_CALL.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            assert rec.cells[rec.iso.index(row["iso3"]), j] == letters[row["vote"]]


def test_the_ideal_point_uses_only_roll_calls_before_the_vote_it_helps_predict():
    rec = record()
    fact = dprk().spec.members.facts["ideal_point_69"]
    cols = ideal_columns(rec, fact)
    assert len(cols) == 50
    assert max(rec.roll_calls[j].date for j in cols).isoformat() < "2014-12-18"
    assert rec.column("A/RES/69/188") not in cols


def test_the_ideal_point_puts_the_anchor_and_the_dprk_on_opposite_sides():
    model = dprk_world().model
    column = model.features[:, model.feature_index["ideal_point_69"]]
    iso = [m.iso3 for m in dprk().members]
    assert column[iso.index("USA")] > 1.0 and column[iso.index("PRK")] < 0.0
    assert abs(column.mean()) < 0.05


def test_a_record_of_a_vote_held_on_the_day_predicted_is_refused():
    text = TEXT.replace("A/RES/66/175, A/RES/67/182, A/RES/68/184]",
                        "A/RES/66/175, A/RES/67/182, A/RES/68/184, A/RES/69/190]")
    assert text != TEXT
    with pytest.raises(ScenarioError, match="A/RES/69/190 was voted on 2014-12-18"):
        load_text(text)


def test_an_ideal_point_reaching_the_day_predicted_is_refused():
    text = TEXT.replace("      before: 2014-12-18\n", "      before: 2014-12-19\n")
    assert text != TEXT
    with pytest.raises(ScenarioError, match="ideal point would use roll calls up to 2014-12-18"):
        load_text(text)


def test_a_resolution_that_was_never_a_recorded_vote_is_named_in_the_error():
    text = TEXT.replace("resolutions: [A/RES/66/176,", "resolutions: [A/RES/66/999,")
    with pytest.raises(ScenarioError, match="A/RES/66/999 is not a recorded plenary vote"):
        load_text(text)


def test_an_undeclared_feature_in_the_stance_is_an_error_with_a_suggestion():
    stance = re.search(r"  stance: \{[^}]*\}", TEXT).group(0)
    text = TEXT.replace(stance, stance.replace("syria:", "siria:"))
    assert text != TEXT
    with pytest.raises(ScenarioError, match="unknown feature 'siria'"):
        load_text(text)


@pytest.mark.parametrize("name", ["dprk_2014", "syria_2014", "ukraine_2014"])
def test_every_number_of_a_shipped_model_block_is_fitted_or_declared(name):
    scenario = load_text((ROOT / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8"),
                         folder=ROOT / "scenarios")
    assert not [w for w in scenario.warnings if "neither fitted nor declared" in w.message]


def test_a_number_left_unaccounted_is_a_warning_naming_it():
    text = TEXT.replace('    group_share: "', '    group_shares: "', 1)
    warned = [w.message for w in load_text(text).warnings]
    assert "group_shares is not a number written in this block" in warned
    assert "group_share is neither fitted nor declared" in warned
    text = re.sub(r'    lobby_decay: "[^"]*"\n', "", TEXT, count=1)
    warned = [w.message for w in load_text(text).warnings]
    assert "lobby_decay is neither fitted nor declared" in warned
    text = re.sub(r'    wording_weights: "[^"]*"\n', "", TEXT, count=1)
    assert text != TEXT
    warned = [w.message for w in load_text(text).warnings]
    assert "wording_weights is neither fitted nor declared" in warned


@pytest.fixture(scope="module")
def evaluated() -> dict:
    """`python main.py evaluate ... --json` on the shipped roll call, run once here."""
    return evaluate_json("scenarios/dprk_2014.yaml", ROLL_CALL, "plenary_draft")


@pytest.mark.slow
def test_evaluate_reports_the_fit_without_sponsors_cross_validation_and_the_backtest(evaluated):
    data = evaluated
    assert data["fits_and_forecasts"]["this_motion"].startswith("fitted")
    assert data["scope"] == "in sample"
    assert "c3_draft" in data["fits_and_forecasts"]["forecasts"]
    assert data["without_sponsors"]["model"]["n"] == 129
    assert data["cross_validated"]["refitted_per_fold"] == ["stance", "cutpoints"]
    years = [y["vote"] for y in data["backtest"]["years"]]
    assert years[0] == "A/RES/62/167" and years[-1] == "A/RES/69/188" and len(years) == 6
    last = data["backtest"]["years"][-1]
    assert "A/RES/69/188" not in last["trained_on"]


def test_the_honest_model_holds_the_figures_it_reached_on_the_2014_plenary(evaluated):
    # Measured when the facts of issue 9 came in (README, "How good is the model"). The
    # targets of the issue not reached are held at the figure reached, so a change that
    # loses ground fails here: cross-validated 0.852 / 0.789 (target 0.86 / 0.81), without
    # the sponsors 0.806 / 0.786 in sample (target 0.82 / 0.79).
    hold_figures(evaluated, fit=(0.865, 0.815), without=(0.80, 0.78), cross_validated=(0.85, 0.785))


def test_the_backtest_beats_repeating_the_previous_vote_in_half_the_years_and_trails_little(
        evaluated):
    # Repeating each state's previous ballot is a strong rule on a resolution voted every
    # year. Measured: the model beats it on balanced accuracy in 2007, 2009 and 2014 and
    # trails it by at most 0.02 in 2008, 2010 and 2011 (issue 9 asked for most years: missed).
    backtest = evaluated["backtest"]
    assert backtest["wins"] >= 3
    for y in backtest["years"]:
        gap = y["repeat_previous"]["balanced_accuracy"] - y["model"]["balanced_accuracy"]
        assert gap < 0.025, y["vote"]
    last = backtest["years"][-1]["model"]
    assert last["accuracy"] >= 0.87 and last["balanced_accuracy"] >= 0.815


def test_the_facts_example_of_the_authoring_guide_validates():
    guide = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    example = guide[guide.index("Your case can add facts"):]
    block = example[example.index("```yaml\n") + 8:example.index("```\n", 8)]
    facts = block[block.index("  facts:\n"):]
    mine = TEXT[TEXT.index("  facts:\n"):TEXT.index("\nbodies:")]
    stance = re.search(r"  stance: \{[^}]*\}", TEXT).group(0)
    text = TEXT.replace(mine, facts).replace(
        stance, "  stance: {intercept: 0.3, ideal_point_68: 1.0, syria: 1.0, lmg: -0.5}")
    text = text.replace(TEXT[TEXT.index("\nbacktest:"):TEXT.index("\nhistory:")], "")
    # the case's French names the facts it had (members.facts.iran.label): a path the
    # example's facts no longer have, so the translations go with them
    text = re.sub(r"\n    members\.facts\.[a-z_]+\.label: [^\n]*", "", text)
    scenario = load_text(text)
    assert set(scenario.spec.members.facts) == {"ideal_point_68", "syria", "lmg"}


def test_a_record_reads_as_its_latest_run_of_ballots_and_the_one_before():
    from game.votes.wording import record_words

    ballots = [(2005, "yes"), (2006, "yes"), (2007, "absent"), (2008, "no"), (2009, "no"),
               (2010, "no"), (2011, "no")]
    assert record_words(ballots, "this resolution") == \
        "voted against this resolution 2008-2011 (before: for)"
    assert record_words([(2014, "abstain")], "the text") == "abstained on the text in 2014"
    assert record_words([(2013, "nonmember")], "it") == "cast no vote on it"
