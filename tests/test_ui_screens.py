"""What the screens say and where: the floor's order, marks, dossier and tooltip; the text in
document order; the Council in its own words; the body's verb; the debrief's score and scroll."""
from __future__ import annotations

import pygame
import pytest

from game.scenario import load
from game.ui import words
from game.ui.scenes.floor import HEADER
from game.ui.scenes.vote import outcome_words
from game.ui.widgets.cells import Look
from test_ui_kit import (  # noqa: F401
    SYRIA,
    choose,
    click_at,
    drawn_words,
    frames,
    key,
    make_app,
    move_mouse,
    on_floor,
    play_greedy_until,
    proceed,
    scenario,
    wheel,
)


def at_council(app):
    play_greedy_until(app, lambda: app.game.state.finished
                      or app.game.stage.body == "security_council")
    app.goto_stage()
    frames(app)
    return app


@pytest.mark.slow
def test_tiles_show_codes_so_the_default_order_is_by_code_and_by_name_is_offered(make_app):
    app = on_floor(make_app())
    order = app.scene.view.order
    assert order == sorted(order) and order.index("ALB") < order.index("DZA")
    choose(app, "sort", "name")
    names = [app.game.member(i).name for i in app.scene.view.order]
    assert names == sorted(names)


@pytest.mark.slow
def test_the_order_by_support_holds_still_while_you_lobby_until_you_choose_it_again(make_app):
    app = on_floor(make_app())
    choose(app, "sort", "support")
    before = list(app.scene.view.order)
    spent = app.game.state.budget("sponsors")[0]
    click_at(app, app.scene.view.cells[before[len(before) // 2]].center)
    key(app, pygame.K_1)                                    # lobby it: the support moves
    assert app.game.state.budget("sponsors")[0] < spent
    assert app.scene.view.order == before                   # the tiles stay where they were
    choose(app, "sort", "support")
    probs = app.game.probabilities(app.scene.motion_id)
    assert app.scene.view.order == sorted(
        probs, key=lambda i: (probs[i][1] - probs[i][0], app.game.member(i).name))


@pytest.mark.slow
def test_the_dossier_names_blocs_in_full_and_leans_in_words_with_a_past_votes_legend(make_app):
    app = on_floor(make_app())
    click_at(app, app.scene.view.cells["NAM"].center)        # Namibia, not the bloc
    html = app.scene.dossier.html_text
    assert "Namibia" in html and "Non-Aligned Movement (NAM)" in html
    assert words.past_legend() in html
    click_at(app, app.scene.view.cells["BLR"].center)
    html = app.scene.dossier.html_text
    assert "leans against" in html and "leans in favour" not in html
    assert "support -" in html


@pytest.mark.slow
def test_the_dossier_says_a_delegation_leans_the_way_its_tile_shows(make_app):
    app = on_floor(make_app())
    game = app.game
    for motion in game.stage_motions():          # Cuba's amendment has latent support near
        for iso, probs in game.probabilities(motion).items():      # a cut-off for many
            most_likely = max(range(4), key=lambda k: probs[k])
            first = words.why_lines(game, motion, iso)[0]
            assert words.LEANINGS[most_likely] in first, (motion, iso)


@pytest.mark.slow
def test_main_sponsors_and_co_sponsors_are_marked_by_different_shapes(make_app, scenario):
    app = on_floor(make_app())
    cosponsor = scenario.spec.sides["sponsors"].cosponsors[0]
    assert app.scene.looks["FRA"].mark == "sponsor"
    assert app.scene.looks[cosponsor].mark == "cosponsor"
    assert app.scene.looks["PRK"].mark == "opposition"
    surface = pygame.Surface((60, 40))
    shapes = []
    for mark in ("sponsor", "cosponsor"):
        surface.fill((0, 0, 0))
        from game.ui.widgets.cells import draw_cell
        draw_cell(surface, pygame.Rect(0, 0, 60, 40), "", Look(None, mark=mark))
        shapes.append(pygame.mask.from_threshold(surface, (232, 194, 90), (30, 30, 30, 255))
                      .count())
    assert abs(shapes[0] - shapes[1]) > 10      # a star and a dot, not the same corner


@pytest.mark.slow
def test_the_tooltip_stays_in_the_grid_next_to_the_cell(make_app):
    app = on_floor(make_app())
    first = app.scene.view.cells[app.scene.view.order[0]]
    move_mouse(app, first.center)
    tip = app.scene.tip_rect
    assert app.scene.view_rect.contains(tip) and tip.top >= HEADER
    assert abs(tip.top - first.bottom) < 12
    assert app.scene.legend_right < app.scene.status_rect.x - 10


@pytest.mark.slow
def test_the_text_reads_in_document_order_and_the_plenary_names_its_own_symbol(make_app):
    app = make_app()
    app.goto("text")
    frames(app)
    paras = app.scene.paragraphs()
    kinds = [p.kind for p in paras]
    assert kinds == sorted(kinds, key=lambda k: k != "preambular")
    ops = [p.number for p in paras if p.kind == "operative"]
    assert ops == sorted(ops)
    play_greedy_until(app, lambda: app.game.stage.id == "plenary")
    app.goto("text")
    frames(app)
    plenary = app.game.motion("plenary_draft").symbol
    assert plenary in app.scene.symbols() and plenary in app.scene.body.html_text


def test_after_the_committee_has_voted_revising_is_shown_disabled_with_the_reason(make_app):
    app = make_app()
    play_greedy_until(app, lambda: app.game.stage.id == "plenary")
    app.goto("text")
    frames(app)
    scene = app.scene
    assert scene.editable()
    for p in scene.editable():
        assert not scene.buttons[f"revise_{p.id}"].is_enabled
        assert not scene.dropdowns[f"para_{p.id}"].is_enabled
        assert "already voted" in scene.previews[p.id]


def test_a_council_only_case_says_nothing_of_tabling_or_an_agenda_vote(make_app):
    app = make_app(case=load(SYRIA))
    app.goto_stage()
    frames(app)
    scene = app.scene
    assert scene.name == "council"
    motion = scene.veto_motion()
    assert "held back" not in scene.motion_line(motion) and "table" not in scene.motion_line(motion)
    assert "agenda" not in scene.veto_note() and "procedural" not in scene.veto_note()
    assert "table" not in scene.buttons and "noaction" not in scene.buttons   # never here


def test_the_dprk_council_names_its_agenda_vote_and_the_optional_referral(make_app):
    app = at_council(make_app())
    scene = app.scene
    assert app.game.motion("sc_agenda").symbol in scene.veto_note()
    assert "your answer to China and Russia (5) decides" in scene.motion_line("sc_referral")


def test_a_not_tabled_board_says_so_once(make_app, monkeypatch):
    app = at_council(make_app())
    proceed(app)
    while app.scene.name == "vote" and app.scene.result.motion != "sc_referral":
        key(app, pygame.K_RETURN)
        key(app, pygame.K_RETURN)
    assert app.scene.result.outcome == "not_tabled"
    drawn = drawn_words(app, monkeypatch)
    assert drawn.count("NOT TABLED") == 1


def test_the_committee_approves_and_the_plenary_adopts(make_app):
    app = make_app()
    play_greedy_until(app, lambda: app.game.state.finished)
    c3, plenary = app.game.state.result("c3_draft"), app.game.state.result("plenary_draft")
    assert c3.outcome == "adopted" and outcome_words(app.game, c3) == "APPROVED"
    assert outcome_words(app.game, plenary) == "ADOPTED"
    app.goto_stage()
    frames(app)
    assert "approved" in app.scene.box.html_text


def test_the_debrief_shows_the_score_and_scrolls_with_the_wheel_anywhere_on_the_left(make_app):
    app = make_app()
    play_greedy_until(app, lambda: app.game.state.finished)
    app.goto_stage()
    frames(app)
    scene = app.scene
    assert "Your score:" in scene.box.html_text and "met" in scene.box.html_text
    bar = scene.box.scroll_bar
    assert bar is not None and bar.start_percentage == 0
    move_mouse(app, (scene.left.x + 40, scene.left.bottom - 20))   # over the matrix
    wheel(app, -2)
    assert bar.start_percentage > 0
    key(app, pygame.K_PAGEUP)
    assert bar.start_percentage == 0


def test_the_council_debrief_puts_the_comparison_inside_the_table(make_app):
    app = make_app(case=load(SYRIA))
    play_greedy_until(app, lambda: app.game.state.finished)
    app.goto_stage()
    frames(app)
    assert app.scene.call == "sc_referral" and not app.scene.matrix_left
    assert app.scene.box.rect.h > app.scene.left.h - 10
