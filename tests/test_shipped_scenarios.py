"""Every scenario we ship loads, forecasts every motion, and plays to the end with each bot."""
import pytest

from game.bots import BOTS
from game.cli.modelcmds import simulate
from game.rules import Rules
from game.scenario import load
from helpers import shipped_scenarios

SCENARIOS = shipped_scenarios()


def test_there_are_shipped_scenarios():
    assert any(p.name == "dprk_2014.yaml" for p in SCENARIOS)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_a_shipped_scenario_loads_without_errors(path):
    scenario = load(path)
    assert scenario.members and scenario.spec.motions


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_a_shipped_scenario_forecasts_every_motion(path):
    rules = Rules(load(path))
    state, world = rules.new_game(), rules.world
    for motion in world.motions:
        f = rules.forecast(state, motion)
        assert 0.0 <= f.p_adopted <= 1.0
        assert f.expected.sum() == pytest.approx(len(world.voters(world.motions[motion].body)))


@pytest.mark.slow
@pytest.mark.parametrize("bot", sorted(BOTS))
@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_a_shipped_scenario_plays_to_the_end(path, bot):
    session = simulate(load(path), 1, bot)
    assert session.state.finished
    voted = {r.motion for r in session.state.results}
    assert voted >= {m.id for m in session.scenario.spec.motions}
