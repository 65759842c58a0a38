"""Making the model legible: the delegations a turn moved flash with a reason, the tally
eases to its new values, and a recap between stages says what happened and why."""
from __future__ import annotations

import pygame
import pytest

from game.ui.scenes.floor_changes import EASE_S, FLASH_S, Ease, whole
from game.ui.widgets.worldmap import WorldMap
from test_ui_kit import frames, key, make_app, on_floor, scenario  # noqa: F401


def most_moving_address(app):
    """The address to a group that changes the most probable ballot of most delegations."""
    s, motion = app.game.session, app.scene.motion_id
    p0 = s.probabilities(motion)

    def flips(d):
        return int((p0.argmax(1) != s.probabilities(motion, s.preview(d)).argmax(1)).sum())

    return max((d for d in s.legal_decisions() if d.type == "address_group"), key=flips)


def most_probable(app):
    motion = app.scene.motion_id
    return {iso: max(range(4), key=lambda k, p=p: p[k])
            for iso, p in app.game.probabilities(motion).items()}


@pytest.mark.slow
def test_the_delegations_a_turn_moved_flash_with_the_reason_then_stop(make_app):
    app = on_floor(make_app())
    scene = app.scene
    before = most_probable(app)
    assert scene.submit(most_moving_address(app))
    after = most_probable(app)
    moved = {iso for iso in after if after[iso] != before[iso]}
    assert moved and scene.changed is not None
    assert set(scene.changed.members) == moved
    first = app.game.member(scene.changed.members[0]).name
    assert scene.changed.line.startswith(f"{first}: ") and " to " in scene.changed.line
    frames(app, 1)
    assert scene.draw_changes(app.screen) is not None           # the reason is on screen
    frames(app, round(FLASH_S * 30) + 2)
    assert scene.changed is None


@pytest.mark.slow
def test_the_flash_shows_on_the_map_too(make_app):
    app = on_floor(make_app())
    key(app, pygame.K_w)
    scene = app.scene
    assert isinstance(scene.view, WorldMap)
    assert scene.submit(most_moving_address(app))
    assert scene.changed is not None
    iso = scene.changed.members[0]
    marker = scene.view.placed[iso].marker
    frames(app, 1)
    plain = app.screen.copy()
    scene.changed = None
    frames(app, 1)
    ring = [(marker[0] + dx, marker[1]) for dx in range(-40, 41)]
    assert any(plain.get_at(p) != app.screen.get_at(p) for p in ring)


@pytest.mark.slow
def test_the_expected_tally_eases_to_its_new_value_in_about_half_a_second(make_app):
    app = on_floor(make_app())
    scene = app.scene
    frames(app, 1)
    start = scene.tally_ease.now()
    assert scene.submit(most_moving_address(app))
    frames(app, 1)
    target = scene.tally_ease.target
    assert target != start and scene.tally_ease.moving
    frames(app, 4)                                   # 4/30 s in: on the way
    now = scene.tally_ease.now()
    assert now != target
    assert all(min(a, b) - 1e-9 <= x <= max(a, b) + 1e-9
               for a, x, b in zip(start, now, target, strict=True))
    frames(app, round(EASE_S * 30))
    assert not scene.tally_ease.moving and scene.tally_ease.now() == target


@pytest.mark.slow
@pytest.mark.parametrize("setting", ["fast", "still"])   # autoplay speed, play --still
def test_under_autoplay_speed_or_the_still_setting_the_tally_jumps_at_once(make_app, setting):
    app = on_floor(make_app())
    setattr(app, setting, True)
    scene = app.scene
    assert scene.submit(most_moving_address(app))
    frames(app, 1)
    assert not scene.tally_ease.moving


def test_eased_counts_stay_whole_votes_that_add_up_to_the_room():
    ease = Ease()
    ease.aim((116.0, 20.0, 54.0, 3.0))
    ease.aim((110.0, 25.0, 55.0, 3.0))
    ease.step(EASE_S / 3)
    counts = whole(ease.now(), 193)
    assert sum(counts) == 193 and 110 <= counts[0] <= 116


@pytest.mark.slow
def test_after_the_third_committee_votes_a_recap_says_what_happened_then_the_plenary(make_app):
    app = on_floor(make_app())
    session = app.game.session
    for _ in range(60):
        if app.scene.name != "floor":
            break
        app.scene.submit(session.bot_move("greedy", session.side))
        frames(app, 1)
    for _ in range(20):
        if app.scene.name != "vote":
            break
        frames(app, 150)
        key(app, pygame.K_RETURN)
    assert app.scene.name == "recap" and app.scene.stage == 0
    text = app.scene.box.html_text
    assert "The votes" in text and "In 2014" in text
    assert "What moved the delegations" in text and "moved by:" in text
    key(app, pygame.K_RETURN)
    assert app.scene.name == "floor" and app.game.state.stage == 1
