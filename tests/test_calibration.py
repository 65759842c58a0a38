"""The model against the real 2014 record shipped in the scenario (no ../shared needed)."""
import csv
import json
import re

import numpy as np
import pytest

from game.procedure import BALLOTS
from game.rules.motions import goodwill, motion_input, probabilities
from game.votes.calibrate import fit
from game.votes.evaluate import evaluate, group_majority, scores
from helpers import ROOT, dprk, dprk_world, fresh_state

ROLL_CALL = ROOT / "scenarios" / "roll_calls" / "ga_69_188_2014.csv"


def history_roll_call(motion: str) -> np.ndarray:
    """Ballot codes per member from the scenario's own `history` section."""
    entry = next(h for h in dprk().spec.history if h.motion == motion)
    by_iso = {iso: BALLOTS.index(b) for b in BALLOTS for iso in getattr(entry.roll_call, b)}
    return np.array([by_iso.get(m.iso3, 3) for m in dprk().members])


def plenary_report() -> dict:
    observed = history_roll_call("plenary_draft")
    return evaluate(probabilities(dprk_world(), fresh_state(), "plenary_draft"), observed,
                    [m.regional_group for m in dprk().members])


def test_the_scenarios_history_matches_the_shipped_roll_call_csv():
    with ROLL_CALL.open(encoding="utf-8") as fh:
        rows = {r["iso3"]: r["vote"] for r in csv.DictReader(fh)}
    observed = history_roll_call("plenary_draft")
    assert {m.iso3: BALLOTS[o] for m, o in zip(dprk().members, observed, strict=True)} == rows


def test_the_plenary_forecast_beats_both_baselines_by_a_wide_margin():
    report = plenary_report()["present_and_voting"]
    model = report["model"]
    # Issue 3 asks for 0.90 / 0.85; from non-circular facts the model reaches about 0.85 / 0.80
    # (see the closing note). These floors guard against regressions.
    assert model["accuracy"] >= 0.84
    assert model["balanced_accuracy"] >= 0.78
    for baseline in ("always_yes", "regional_majority"):
        assert model["accuracy"] >= report[baseline]["accuracy"] + 0.2
        assert model["balanced_accuracy"] >= report[baseline]["balanced_accuracy"] + 0.3


def test_the_expected_plenary_tally_is_within_three_of_the_real_one():
    tally = plenary_report()["tally"]
    for ballot in ("yes", "no", "abstain"):
        assert abs(tally["expected"][ballot] - tally["real"][ballot]) <= 3


def test_the_shipped_coefficients_are_the_maximum_likelihood_fit():
    state = fresh_state()
    model = dprk_world().model
    names = list(dprk().spec.model.stance)
    result = fit(model, motion_input(dprk_world(), state, "plenary_draft"),
                 goodwill(dprk_world(), state), history_roll_call("plenary_draft"), names)
    for name in names:
        assert result.stance[name] == pytest.approx(dprk().spec.model.stance[name], abs=0.02)
    assert result.cutpoints[1] == pytest.approx(dprk().spec.model.cutpoints[1], abs=0.02)


def test_balanced_accuracy_is_the_mean_recall_over_the_classes_that_occur():
    s = scores(np.array([0, 0, 1, 2]), np.array([0, 1, 1, 2]))
    assert s["accuracy"] == 0.75
    assert s["balanced_accuracy"] == pytest.approx((1 + 0.5 + 1) / 3, abs=1e-4)


def test_the_regional_baseline_leaves_the_member_itself_out():
    got = group_majority(np.array([0, 1, 1, 1, 2]), ["A", "A", "A", "A", "B"])
    assert got.tolist() == [1, 1, 1, 1, 1]  # the lone B member gets the overall majority
    got = group_majority(np.array([0, 0, 1, 2]), ["A", "A", "A", "B"])
    assert got.tolist() == [0, 0, 0, 0]


def test_evaluate_prints_json_with_the_model_and_both_baselines(cli):
    out = cli("evaluate", "scenarios/dprk_2014.yaml", "--roll-call", str(ROLL_CALL),
              "--motion", "plenary_draft", "--json", check=True).stdout
    data = json.loads(out)
    assert set(data["present_and_voting"]) == {"model", "always_yes", "regional_majority"}
    assert data["tally"]["real"] == {"yes": 116, "no": 20, "abstain": 53, "absent": 4}


def test_calibrate_prints_a_block_to_paste_without_touching_the_file(cli):
    before = (ROOT / "scenarios" / "dprk_2014.yaml").read_bytes()
    out = cli("calibrate", "scenarios/dprk_2014.yaml", "--roll-call", str(ROLL_CALL),
              "--motion", "plenary_draft", check=True).stdout
    assert "stance: {" in out and "cutpoints: [" in out
    assert (ROOT / "scenarios" / "dprk_2014.yaml").read_bytes() == before


def test_the_shipped_amendment_salience_is_the_fit_to_the_committee_tally():
    from game.cli.calibration import fit_tallies

    got = fit_tallies(dprk())
    assert not isinstance(got, str)
    amendment = got["c3_amendment"]
    model = dprk().spec.model
    assert amendment.values["salience"] == pytest.approx(model.salience["amendment"], abs=0.02)
    assert amendment.values["abstainers_absent"] == pytest.approx(
        model.abstainers_absent["amendment"], abs=0.01)
    # three numbers of the tally (the fourth follows) met by two parameters: close, not exact
    for e, r in zip(amendment.expected, amendment.recorded, strict=True):
        assert abs(e - r) <= 2.0


def test_fitting_a_tag_effect_with_the_stance_raises_the_likelihood_of_the_roll_call():
    state = fresh_state()
    world = dprk_world()
    names = list(dprk().spec.model.stance)
    args = (world.model, motion_input(world, state, "plenary_draft"), goodwill(world, state),
            history_roll_call("plenary_draft"), names)
    plain, tagged = fit(*args), fit(*args, tags=["icc_referral"])
    assert set(tagged.tag_effects["icc_referral"]) == {"icc_state_party", "au"}
    assert tagged.neg_log_likelihood < plain.neg_log_likelihood - 1.0
    with pytest.raises(ValueError, match="no wording of this motion has the tag"):
        fit(*args, tags=["chapter_vii"])


def test_calibrate_write_refits_both_steps_into_a_copy_of_the_case(tmp_path, cli):
    text = (ROOT / "scenarios" / "dprk_2014.yaml").read_text(encoding="utf-8")
    moved = text.replace("  salience: {amendment: ", "  salience: {amendment: 9")
    assert moved != text
    case = tmp_path / "dprk_copy.yaml"
    case.write_text(moved.replace("id: dprk_2014", "id: dprk_copy"), encoding="utf-8")
    (tmp_path / "roll_calls").mkdir()
    (tmp_path / "roll_calls" / ROLL_CALL.name).write_bytes(ROLL_CALL.read_bytes())
    out = cli("calibrate", str(case), "--roll-call", str(ROLL_CALL), "--motion",
              "plenary_draft", "--write", check=True).stdout
    assert "step 2: fitted salience, abstainers_absent of c3_amendment" in out
    written = case.read_text(encoding="utf-8")
    salience = float(re.search(r"  salience: \{amendment: ([0-9.]+)\}", written).group(1))
    assert salience == pytest.approx(dprk().spec.model.salience["amendment"], abs=0.01)
    stance = re.compile(r"  stance: \{[^}]*\}")
    assert stance.search(written).group(0) == stance.search(text).group(0)
