"""Attendance follows what a delegation is known to do: its absences on the recorded plenary
votes of 2004-2014 (game/data/unvotes), so a sponsor that nearly always votes is nearly
always there, and the default seed every class gets opens with every sponsor in the room."""
import numpy as np
import pytest

from game.cli.modelcmds import simulate
from game.rules import Rules, World
from game.rules.motions import motion_input, probabilities
from game.rules.voting import vote_motion
from game.scenario import load
from game.scenario.unvotes import record
from helpers import SCENARIOS, dprk_world

CASES = ("dprk_2014", "syria_2014", "ukraine_2014")
#: The seed every class gets (game/cli/common.py's default).
DEFAULT_SEED = 2014


def _sides(world: World) -> set[str]:
    side = world.scenario.spec.sides["sponsors"]
    return set(side.members) | set(side.cosponsors)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("bot", ["passive", "greedy", "random"])
@pytest.mark.parametrize("side", ["sponsors", "opposition"])
def test_with_the_default_seed_no_sponsor_or_cosponsor_misses_a_draft_vote(case, bot, side):
    session = simulate(load(SCENARIOS / f"{case}.yaml"), DEFAULT_SEED, bot, side=side,
                       opponent="greedy")
    sponsors = _sides(session.world) | set(session.state.cosponsors)
    drafts = [r for r in session.state.results
              if session.world.motions[r.motion].kind == "draft"]
    for result in drafts:
        away = {iso for iso, ballot in result.ballots if ballot == "absent"}
        assert not away & sponsors, (result.motion, sorted(away & sponsors))


def test_the_united_states_is_as_absent_as_its_record_says_a_few_in_a_thousand():
    rec = record()
    world = dprk_world()
    row = rec.iso.index("USA")
    cols = [j for j, rc in enumerate(rec.roll_calls) if str(rc.date) < "2014-11-18"]
    away = int((rec.cells[row, cols] == "x").sum())
    assert (away, len(cols)) == (2, 718)
    coef = world.scenario.spec.model
    a, b = coef.attendance_prior
    i = [m.iso3 for m in world.scenario.members].index("USA")
    assert world.model.p_absent[i] == pytest.approx(coef.attendance_scale * (away + a) /
                                                    (len(cols) + b))
    assert world.model.p_absent[i] < 0.001
    # and, a co-sponsor, it turns up for its own text more surely still
    state = Rules(world).new_game()
    voters = list(world.voters(world.motions["plenary_draft"].body))
    on_the_day = motion_input(world, state, "plenary_draft").absence
    assert on_the_day is not None
    assert on_the_day[voters.index(i)] == pytest.approx(
        coef.cosponsor_absence * world.model.p_absent[i])
    # a delegation often away (Equatorial Guinea missed 485 of the 718) stays often away
    j = [m.iso3 for m in world.scenario.members].index("GNQ")
    assert world.model.p_absent[j] > 50 * world.model.p_absent[i]


def test_over_many_seeds_each_delegation_is_absent_as_often_as_its_known_rate():
    world = dprk_world()
    state = Rules(world).new_game()
    runs = 800
    voters = world.voters(world.motions["plenary_draft"].body)
    # the record's rates (the sides' leaders always present, as the rules have them)
    p = probabilities(world, state, "plenary_draft")[:, 3]     # (n_voters,)
    away = np.zeros(len(voters))
    for seed in range(runs):
        after = vote_motion(world, state, "plenary_draft", np.random.default_rng(seed))
        away += [ballot == "absent" for _, ballot in after.results[-1].ballots]
    expected = runs * p
    # each delegation: within 4.5 binomial standard deviations (+1 for the rarest), a bound a
    # correct draw breaks for one of 193 delegations about once in 700 runs of this test;
    # and the room as a whole within 5% of the expected absences (about 3,200 expected in
    # 800 votes: 5% is near three standard deviations)
    sd = np.sqrt(runs * p * (1 - p))
    assert np.all(np.abs(away - expected) <= 4.5 * sd + 1), \
        [world.iso[v] for v in np.asarray(voters)[np.abs(away - expected) > 4.5 * sd + 1]]
    assert away.sum() == pytest.approx(expected.sum(), rel=0.05)
    # the sponsors and co-sponsors, nearly always present in the record, nearly always are
    sponsors = [k for k, v in enumerate(voters) if world.iso[v] in _sides(world)]
    assert away[sponsors].sum() / (runs * len(sponsors)) < 0.005
