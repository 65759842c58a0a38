"""Bad input reaching the core: refused with a message, never a hang or a crash."""
import os
import re

import pytest

from game.decisions import DecisionError, from_dict
from game.scenario import ScenarioError, load, load_text
from helpers import DPRK

TEXT = DPRK.read_text(encoding="utf-8")


def errors_of(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        load_text(text, "case.yaml")
    return [i.format() for i in info.value.issues if i.severity == "error"]


def test_a_move_that_costs_nothing_is_an_error_so_the_game_cannot_loop_for_ever():
    text = TEXT.replace("  lobby: {capital: 1, days: 1}", "  lobby: {capital: 0, days: 0}")
    assert any("costs.lobby" in e and "at least 1 capital or 1 day" in e for e in errors_of(text))


def test_a_negative_salience_is_an_error():
    text = re.sub(r"  salience: \{amendment: [0-9.]+\}", "  salience: {amendment: -2.0}", TEXT)
    assert text != TEXT
    assert any("salience" in e for e in errors_of(text))


def test_an_absence_share_above_one_is_an_error():
    text = re.sub(r"  abstainers_absent: \{amendment: [0-9.]+\}",
                  "  abstainers_absent: {amendment: 1.5}", TEXT)
    assert text != TEXT
    assert any("abstainers_absent" in e for e in errors_of(text))


def test_an_absurd_weight_is_an_error_not_a_nan_forecast():
    text = TEXT.replace("            weight: 0.6\n", "            weight: 1e308\n", 1)
    assert any("weight" in e for e in errors_of(text))


def test_a_named_pipe_is_refused_without_waiting_on_it(tmp_path):
    pipe = tmp_path / "case.yaml"
    os.mkfifo(pipe)
    with pytest.raises(ScenarioError, match="not a regular file"):
        load(pipe)


@pytest.mark.parametrize("kind", [["lobby"], {"a": 1}, 3, None])
def test_a_decision_whose_type_is_not_text_is_a_decision_error(kind):
    with pytest.raises(DecisionError, match="unknown decision type"):
        from_dict({"type": kind, "side": "sponsors"})


def test_a_huge_value_in_a_decision_is_cut_short_in_the_message():
    with pytest.raises(DecisionError) as info:
        from_dict({"type": "lobby", "side": "sponsors", "member": 7 * 10 ** 50, "argument": "x"})
    assert len(str(info.value)) < 200
