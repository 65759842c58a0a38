"""The game window, headless: each screen driven by the events a player makes."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.decisions import Lobby  # noqa: E402
from test_ui_kit import (  # noqa: E402,F401
    ARG,
    choose,
    click_at,
    click_button,
    frames,
    key,
    make_app,
    on_floor,
    play_greedy_until,
    scenario,
)


@pytest.mark.slow
def test_enter_on_the_title_opens_the_briefing_and_esc_goes_back(make_app):
    app = make_app()
    app.goto("title")
    frames(app)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "briefing"
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "title"


def test_the_briefing_cites_the_cases_sources_and_prices_in_whole_words(make_app):
    app = make_app()
    app.goto("briefing")
    frames(app)
    shown = " ".join(e.html_text for e in app.scene.elements if hasattr(e, "html_text"))
    assert "Sources of this case" in shown
    assert "Report of the commission of inquiry on human rights in the DPRK" in shown
    assert "(7 February 2014)" in shown and "https://undocs.org/A/HRC/25/63" in shown
    assert "day(s)" not in app.scene.calendar()


@pytest.mark.slow
def test_the_briefing_continues_to_the_third_committee_floor(make_app):
    app = on_floor(make_app())
    assert app.game.stage.id == "third_committee"
    assert len(app.scene.view.cells) == 193


@pytest.mark.slow
def test_clicking_a_delegation_then_lobby_spends_one_capital_and_counts_the_move(make_app):
    app = on_floor(make_app())
    click_at(app, app.scene.view.cells["KEN"].center)
    assert app.scene.prefs.selected == "KEN"
    choose(app, "argument", ARG)
    capital, _ = app.game.state.budget("sponsors")
    click_button(app, "lobby")
    assert app.game.state.times(("sponsors", "member", "KEN", ARG)) == 1
    assert app.game.state.budget("sponsors")[0] == capital - 1
    assert "Kenya" in app.scene.status_text


@pytest.mark.slow
def test_number_key_two_addresses_the_group_chosen_in_the_filter(make_app):
    app = on_floor(make_app())
    choose(app, "group", "African")
    assert app.scene.prefs.address == "African"
    key(app, pygame.K_2)
    assert app.game.state.times(("sponsors", "group", "African", app.scene.prefs.argument)) == 1


@pytest.mark.slow
def test_a_filter_dims_the_delegations_outside_the_chosen_bloc(make_app):
    app = on_floor(make_app())
    choose(app, "bloc", "EU")
    looks = app.scene.looks
    assert not looks["FRA"].dim and looks["KEN"].dim
    assert sum(not look.dim for look in looks.values()) == 28


@pytest.mark.slow
def test_arrow_keys_move_the_selection_across_the_whip_count(make_app):
    app = on_floor(make_app())
    first = app.scene.view.order[0]
    key(app, pygame.K_RIGHT)
    assert app.scene.prefs.selected == first
    key(app, pygame.K_RIGHT)
    assert app.scene.prefs.selected == app.scene.view.order[1]
    key(app, pygame.K_DOWN)
    assert app.scene.prefs.selected == app.scene.view.order[1 + app.scene.view.cols]


def test_an_illegal_decision_shows_the_rules_message_and_changes_nothing(make_app):
    app = on_floor(make_app())
    before = app.game.state
    assert app.scene.submit(Lobby("sponsors", "FRA", ARG)) is False
    assert app.game.state is before
    assert app.scene.status_error and "leads one of the two sides" in app.scene.status_text
    frames(app)


@pytest.mark.slow
def test_refusing_the_dprk_offer_in_its_window_records_the_answer(make_app):
    app = on_floor(make_app())
    key(app, pygame.K_5)
    assert app.scene.offer_window is not None
    click_button(app, "refuse")
    assert dict(app.game.state.offers) == {"dprk_visit": False}
    assert app.scene.offer_window is None
    assert not app.scene.buttons["offer"].is_enabled


@pytest.mark.slow
def test_revising_op8_on_the_draft_screen_softens_the_text_and_esc_returns(make_app):
    app = on_floor(make_app())
    key(app, pygame.K_4)
    assert app.scene.name == "text"
    choose(app, "para_op_icc", "softened")
    assert "P(adopted)" in app.scene.previews["op_icc"]
    click_button(app, "revise_op_icc")
    assert app.game.state.text("l28")["op_icc"] == "softened"
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "floor"


@pytest.mark.slow
def test_proceeding_shows_a_board_that_fills_then_reports_the_tally_and_rule(make_app):
    app = on_floor(make_app())
    key(app, pygame.K_7)
    assert app.scene.confirming                   # capital is left: it asks first
    key(app, pygame.K_RETURN)
    assert app.scene.name == "vote" and app.scene.result.motion == "c3_amendment"
    board = app.scene
    assert not board.ready() and board.revealed() < 193
    frames(app, 15)
    assert 0 < board.revealed() < 193
    key(app, pygame.K_SPACE)                      # skip the animation
    assert board.done
    assert board.counts() == dict(board.result.tally)
    assert board.result.decided_by
    key(app, pygame.K_SPACE)                      # a late skip does not skip the result
    key(app, pygame.K_RETURN)                     # nor does Enter before the board has stood
    assert app.scene is board
    frames(app, 20)
    assert board.ready()
    key(app, pygame.K_RETURN)                     # its own press, after the board has filled
    assert app.scene.name == "vote" and app.scene.result.motion == "c3_draft"


@pytest.mark.slow
def test_the_vote_board_finishes_on_its_own_within_four_seconds(make_app):
    app = on_floor(make_app())
    click_button(app, "proceed")
    key(app, pygame.K_RETURN)                     # yes, with capital left
    frames(app, 4 * 30 // 4, dt=4 / 30)
    assert app.scene.ready() and app.scene.revealed() == 193


def test_the_council_shows_fifteen_seats_the_permanent_members_and_the_veto_threat(make_app):
    app = make_app()
    play_greedy_until(app, lambda: app.game.state.finished
                      or app.game.stage.body == "security_council")
    app.goto_stage()
    frames(app)
    scene = app.scene
    assert scene.name == "council" and len(scene.view.cells) == 15
    assert scene.view.permanent == {"CHN", "FRA", "GBR", "RUS", "USA"}
    threat = dict(scene.veto_lines())
    assert set(threat) == {app.game.member(i).name for i in scene.view.permanent}
    assert threat["China"] > 0.5
    assert "table" not in app.scene.buttons or not app.scene.buttons["table"].is_enabled
    key(app, pygame.K_5)                          # the veto event decides: put it to the vote
    assert app.scene.offer_window is not None
    key(app, pygame.K_a)
    assert "sc_referral" in app.game.state.tabled


@pytest.mark.slow
def test_the_whip_count_shows_whole_votes_that_add_up_to_the_room(make_app, monkeypatch):
    from game.ui.scenes import floor

    shown: list[list] = []
    real = floor.draw_tally

    def spy(surface, rect, counts, **kw):
        shown.append(list(counts))
        real(surface, rect, counts, **kw)

    monkeypatch.setattr(floor, "draw_tally", spy)
    app = on_floor(make_app())
    frames(app)
    play_greedy_until(app, lambda: app.game.state.finished
                      or app.game.stage.body == "security_council")
    app.goto_stage()
    frames(app)
    assert app.scene.name == "council"
    first, last = shown[0], shown[-1]
    assert sum(first) == 193 and sum(last) == 15
    assert all(isinstance(c, int) for c in first + last)
    f = app.game.forecast(app.scene.motion_id)
    assert last == f.counts.tolist() and (abs(f.counts - f.expected) < 1).all()


def test_the_debrief_counts_the_delegations_that_voted_as_in_2014(make_app):
    app = make_app()
    play_greedy_until(app, lambda: app.game.state.finished)
    app.goto_stage()
    frames(app)
    scene = app.scene
    assert scene.name == "debrief" and scene.call == "plenary_draft"
    ours = dict(app.game.state.result("plenary_draft").ballots)
    real = scene.record()
    assert len(real) == 193
    assert 0 < sum(ours[i] == real[i] for i in ours) < 193
    key(app, pygame.K_ESCAPE)                     # Esc is "back" (to the title), not quit
    assert app.running and app.scene.name == "title"
    app.goto("debrief")
    key(app, pygame.K_q)
    assert not app.running


def test_resizing_the_window_lays_the_floor_out_again(make_app):
    app = on_floor(make_app())
    small = app.scene.view_rect.copy()
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, {"size": (1600, 900),
                                                              "w": 1600, "h": 900}))
    frames(app)
    assert app.size == (1600, 900)
    assert app.scene.view_rect.w > small.w and app.scene.view_rect.h > small.h


@pytest.mark.slow
def test_an_unexpected_error_shows_the_error_panel_and_keeps_the_session_file(make_app,
                                                                              monkeypatch):
    app = on_floor(make_app())
    click_at(app, app.scene.view.cells["KEN"].center)
    click_button(app, "lobby")

    def broken(surface):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(app.scene, "draw", broken)
    app.fast = True
    assert app.run_frames() == 1
    assert app.scene.name == "error"
    path = app.game.session.writer.path
    assert path.exists() and "lobby" in path.read_text()


@pytest.mark.slow
def test_the_offer_window_opens_again_after_a_resize(make_app):
    app = on_floor(make_app())
    key(app, pygame.K_5)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, {"size": (1400, 800),
                                                              "w": 1400, "h": 800}))
    frames(app)
    assert app.scene.offer_window is None
    key(app, pygame.K_5)
    assert app.scene.offer_window is not None
    key(app, pygame.K_ESCAPE)                     # Esc closes the window, not the floor
    assert app.scene.name == "floor" and app.scene.offer_window is None
