"""Either side in the window: the title's side and opponent, previews with the points at stake,
the move log (the player's move and the reply apart), the floor's tactics and their vote
boards, asking before the vote is called with capital left, and playing again."""
from __future__ import annotations

import pygame
import pytest

from game.cli import build_parser, main
from game.decisions import Lobby, MoveNoAction, SeekCosponsor
from game.replay import read
from game.ui.levels import DEFAULT_OPPONENT
from test_ui_kit import (  # noqa: F401
    choose,
    click_at,
    click_button,
    frames,
    key,
    make_app,
    on_floor,
    on_title,
    play_greedy_until,
    proceed,
    scenario,
)


@pytest.mark.slow
def test_the_title_offers_both_sides_and_the_opponent_levels_and_begins_with_them(make_app):
    app = on_title(make_app())
    scene = app.scene
    assert scene.side == "sponsors" and scene.level == DEFAULT_OPPONENT
    assert scene.buttons["side_sponsors"].is_selected
    assert {"level_passive", "level_greedy"} <= set(scene.buttons)
    opposition = app.game.scenario.spec.sides["opposition"]
    assert opposition.name in scene.buttons["side_opposition"].text
    key(app, pygame.K_RIGHT)                      # the opposition
    key(app, pygame.K_1)                          # the first level: passive
    scene = app.scene
    assert scene.side == "opposition" and scene.level == "passive"
    assert scene.buttons["side_opposition"].is_selected
    assert "You play</b></font> " + opposition.name.replace("'", "&#x27;") in scene.box.html_text
    key(app, pygame.K_RETURN)
    assert app.scene.name == "briefing"
    game = app.game
    assert game.side == "opposition" and game.level == "passive"
    assert game.session.side == "opposition" and game.session.opponent is not None
    html = "".join(e.html_text for e in app.scene.elements if hasattr(e, "html_text"))
    assert opposition.goal.split()[0] in html


@pytest.mark.slow
def test_an_opposition_player_finds_the_sponsors_have_opened_and_lobbies_with_its_own_arguments(
        make_app):
    app = on_floor(make_app(side="opposition"))
    game = app.game
    assert game.state.to_move == "opposition"
    assert any(d.side == "sponsors" for d in game.session.decisions)   # they opened
    assert app.scene.status_text.startswith(game.side_name("sponsors"))
    ours = {a.id for a in game.scenario.spec.arguments if a.side == "opposition"}
    assert app.scene.prefs.argument in ours
    assert app.scene.buttons["proceed"].text.endswith("Pass")
    assert app.scene.buttons["noaction"].is_enabled
    click_at(app, app.scene.view.cells["KEN"].center)
    key(app, pygame.K_1)
    assert any(isinstance(d, Lobby) and d.side == "opposition" and d.member == "KEN"
               for d in game.session.decisions)


@pytest.mark.slow
def test_a_preview_shows_the_points_at_stake_beside_the_tally(make_app):
    app = on_floor(make_app())
    click_at(app, app.scene.view.cells["KEN"].center)
    what, numbers, _ = app.scene.preview_words()
    assert what.startswith("If you lobby Kenya")
    assert "Kenya in favour" in numbers and "P(adopted)" in numbers
    assert "points you can expect (" in numbers and " of " in numbers
    p = app.game.preview(Lobby("sponsors", "KEN", app.scene.prefs.argument))
    assert p.points_after is not None and p.possible > 0
    assert "points you can expect" in p.text()
    key(app, pygame.K_4)                           # the draft: each revision's points too
    choose(app, "para_op_icc", "softened")
    assert "points you can expect" in app.scene.previews["op_icc"]


def test_a_lobbying_preview_says_whom_the_argument_tends_to_persuade(make_app):
    app = on_floor(make_app())
    click_at(app, app.scene.view.cells["KEN"].center)
    app.scene.choose_argument("accountability")       # affinity: Rome Statute +, AU -
    _, numbers, _ = app.scene.preview_words()
    assert ("Persuades most: parties to the ICC's Rome Statute; less: African Union members."
            in numbers)


@pytest.mark.slow
def test_a_co_sponsor_request_bound_to_fail_says_so_before_it_is_made(make_app):
    app = on_floor(make_app())
    china = SeekCosponsor("sponsors", "CHN")
    p = app.game.preview(china)
    assert p.refusal is not None and p.refusal.startswith("China declines to co-sponsor")
    click_at(app, app.scene.view.cells["CHN"].center)
    app.scene.focus = "cosponsor"
    _, numbers, _ = app.scene.preview_words()
    assert numbers.startswith("Bound to fail: China declines")
    app.game.session.play(china)                     # made all the same: the record agrees
    assert p.refusal in app.game.session.state.events


@pytest.mark.slow
def test_the_offer_window_uses_the_offers_own_labels_and_previews_both_answers(make_app):
    app = on_floor(make_app())
    offer = next(o for o in app.game.scenario.spec.offers if o.stage == "third_committee")
    key(app, pygame.K_5)
    assert app.scene.offer_window is not None
    assert app.scene.buttons["accept"].text.startswith(offer.accept_label[:20])
    assert app.scene.buttons["refuse"].text.startswith(offer.refuse_label[:20])
    html = app.scene.offer_html(offer)
    assert html.count("points you can expect") == 2
    key(app, pygame.K_r)                          # R refuses
    assert dict(app.game.state.offers) == {offer.id: False}


@pytest.mark.slow
def test_the_move_log_lists_the_players_move_and_the_reply_apart(make_app):
    app = on_floor(make_app())
    click_at(app, app.scene.view.cells["KEN"].center)
    key(app, pygame.K_1)
    turn = app.game.turns()[0]
    assert turn[0].mine and turn[0].who == "You" and turn[0].what.startswith("lobbied Kenya")
    assert "Kenya" in turn[0].effect and "in favour" in turn[0].effect
    assert len(turn) >= 2 and not turn[1].mine
    assert turn[1].who == app.game.side_name("opposition")
    status = app.scene.status_text
    assert status.startswith("You lobbied Kenya")
    assert f"{app.game.side_name('opposition')} replied: " in status
    assert status.index("You lobbied") < status.index("replied")
    key(app, pygame.K_l)                          # the log panel
    html = app.scene.dossier.html_text
    assert "Move log" in html and "You lobbied Kenya" in html and "replied: " in html
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_l)
    assert "Kenya" in app.scene.dossier.html_text and "Move log" not in \
        app.scene.dossier.html_text


@pytest.mark.slow
def test_asking_for_the_vote_with_capital_left_asks_first_and_esc_cancels(make_app):
    app = on_floor(make_app())
    before = len(app.game.session.decisions)
    key(app, pygame.K_7)
    assert app.scene.confirming and app.scene.name == "floor"
    key(app, pygame.K_ESCAPE)
    assert not app.scene.confirming and len(app.game.session.decisions) == before
    key(app, pygame.K_7)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "vote"


@pytest.mark.slow
def test_the_opposition_moves_no_action_and_its_vote_board_comes_first(make_app):
    app = on_floor(make_app(side="opposition"))
    key(app, pygame.K_8)                          # the tactics window: no action first
    scene = app.scene
    assert scene.tactics_window is not None
    chosen = scene.tactics[scene.tactic_index]
    assert isinstance(chosen, MoveNoAction) and chosen.motion == "c3_draft"
    assert "points you can expect" in scene.tactic_box.html_text
    key(app, pygame.K_DOWN)                       # the next tactic: a separate vote
    assert scene.tactics[scene.tactic_index].type == "request_separate_vote"
    key(app, pygame.K_UP)
    key(app, pygame.K_RETURN)                     # make the move
    assert scene.tactics_window is None
    assert MoveNoAction("opposition", "c3_draft") in app.game.session.decisions
    assert app.game.stage_motions()[0] == "c3_draft:no_action"
    assert app.scene.status_text.startswith("You moved no action")
    for _ in range(12):                           # pass until the vote is called
        if app.scene.name == "vote":
            break
        proceed(app)
    assert app.scene.name == "vote" and app.scene.result.motion == "c3_draft:no_action"
    board = app.scene
    key(app, pygame.K_SPACE)
    assert board.motion.title.startswith("Motion that no action")
    from game.ui.scenes.vote import verdict
    good, words = verdict(app.game, board.result)
    assert good == (board.result.adopted is True)       # the opposition wants it adopted
    assert words.startswith("Good for you" if good else "Bad for you")


@pytest.mark.slow
def test_a_sponsors_player_can_ask_a_permanent_member_to_abstain_at_the_council(make_app):
    app = make_app()
    play_greedy_until(app, lambda: app.game.state.finished
                      or app.game.stage.body == "security_council")
    app.goto_stage()
    frames(app)
    assert app.scene.name == "council"
    key(app, pygame.K_8)
    kinds = {d.type for d in app.scene.tactics}
    assert "ask_abstention" in kinds
    members = {d.member for d in app.scene.tactics if d.type == "ask_abstention"}
    assert members <= {"CHN", "FRA", "GBR", "RUS", "USA"}
    key(app, pygame.K_ESCAPE)                     # Esc closes the window, not the Council
    assert app.scene.name == "council" and app.scene.tactics_window is None


@pytest.mark.slow
def test_play_again_returns_to_the_title_with_the_case_chosen_and_starts_a_new_game(make_app):
    app = make_app()
    play_greedy_until(app, lambda: app.game.state.finished)
    app.goto_stage()
    frames(app)
    assert app.scene.name == "debrief"
    assert "again" in app.scene.buttons and "quit" in app.scene.buttons
    old = app.game
    key(app, pygame.K_RETURN)                     # Play again
    assert app.scene.name == "title" and app.running
    assert app.scene.cases[app.scene.chosen].scenario is old.scenario
    assert app.scene.buttons["begin"].text.startswith("Play again")
    key(app, pygame.K_RIGHT)                      # this time as the opposition
    key(app, pygame.K_RETURN)
    assert app.scene.name == "briefing"
    assert app.game is not old and app.game.side == "opposition"
    assert not app.game.state.finished and old.session.writer.path.exists()


def test_play_takes_a_side_and_an_opponent_on_the_command_line():
    args = build_parser().parse_args(["play", "--side", "opposition", "--opponent", "passive"])
    assert args.side == "opposition" and args.opponent == "passive"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["play", "--side", "chair"])


@pytest.mark.slow      # a whole game through the screens
def test_autoplay_as_the_opposition_plays_a_whole_game_to_the_debrief(tmp_path):
    shots = tmp_path / "shots"
    code = main(["play", "--side", "opposition", "--bot", "greedy", "--autoplay",
                 "--screenshots", str(shots), "--session-file", str(tmp_path / "s.jsonl")])
    assert code == 0
    names = [p.name[3:-4] for p in sorted(shots.glob("*.png"))]
    assert names[:3] == ["title", "briefing", "floor_third_committee"]
    assert "move_log" in names and "debrief" in names
    assert names[-1] == "compare"                  # the tour of the saved game ends there
    saved = read(tmp_path / "s.jsonl")
    sides = {d.side for d in saved.decisions}
    assert sides == {"sponsors", "opposition"}


@pytest.mark.slow
def test_an_offer_to_the_opposition_opens_for_an_opposition_player_with_its_labels(
        make_app, tmp_path):
    from game.scenario import load
    from helpers import DPRK, dprk

    offer = next(o for o in dprk().spec.offers if o.stage == "third_committee")
    text = DPRK.read_text(encoding="utf-8")
    at = text.index(f"- id: {offer.id}\n", text.index("\noffers:"))
    at = text.index("\n", at) + 1
    end = text.find("\n  - ", at)
    block = text[at:end if end > 0 else len(text)]
    block = "\n".join(line for line in block.split("\n") if not line.startswith("    to:"))
    text = text[:at] + "    to: opposition\n" + block + text[end if end > 0 else len(text):]
    path = tmp_path / "dprk_2014.yaml"
    path.write_text(text, encoding="utf-8")
    app = on_floor(make_app(case=load(path), side="opposition"))
    assert app.scene.buttons["offer"].is_enabled
    key(app, pygame.K_5)
    assert app.scene.buttons["accept"].text.startswith(offer.accept_label[:20])
    assert app.scene.buttons["refuse"].text.startswith(offer.refuse_label[:20])
    key(app, pygame.K_a)                          # A accepts
    assert dict(app.game.state.offers) == {offer.id: True}
    assert app.scene.status_text.startswith("You accepted the offer")


@pytest.mark.slow
def test_pointing_at_an_action_previews_that_move_and_asking_for_the_vote_shows_the_stakes(
        make_app):
    from test_ui_kit import move_mouse

    app = on_floor(make_app())
    move_mouse(app, app.scene.buttons["address"].rect.center)
    frames(app)
    assert app.scene.focus == "address"
    what, numbers, _ = app.scene.preview_words()
    assert what.startswith("If you address the") and "points you can expect" in numbers
    move_mouse(app, app.scene.buttons["proceed"].rect.center)
    frames(app)
    what, numbers, _ = app.scene.preview_words()
    assert what.startswith("If you ask for the vote")
    assert "if the vote is held now" in numbers


@pytest.mark.slow
def test_key_3_moves_no_action_at_once_and_names_its_cost(make_app):
    app = on_floor(make_app(side="opposition"))
    assert "c " in app.scene.buttons["noaction"].text          # "· 3c 1d" on the button
    key(app, pygame.K_3)
    assert app.scene.tactics_window is None
    assert MoveNoAction("opposition", "c3_draft") in app.game.session.decisions


@pytest.mark.slow
def test_an_event_is_not_called_an_offer_and_says_what_accepting_puts_to_the_vote(make_app):
    app = on_floor(make_app())
    veto = next(o for o in app.game.scenario.spec.offers if o.id == "veto_announced")
    deal = next(o for o in app.game.scenario.spec.offers if o.id == "dprk_visit")
    assert app.scene.offer_title(veto) == "From China and Russia"
    assert app.scene.offer_title(deal) == "An offer from the DPRK"
    html = app.scene.offer_html(veto)
    assert "Accepting puts " in html and " to the vote" in html and "tables " not in html


def test_a_vetoed_referral_tabled_to_put_the_council_on_record_is_good_news_for_the_sponsors(
        make_app):
    from game.decisions import ProceedToVote, RespondToOffer
    from game.ui.scenes.vote import met_line, verdict
    app = make_app()
    session = app.game.session
    while session.stage().body != "security_council":
        session.play(ProceedToVote("sponsors"))
    session.play(RespondToOffer("sponsors", "veto_announced", True))
    session.play(ProceedToVote("sponsors"))
    result = session.state.result("sc_referral")
    assert result.outcome == "vetoed" and not app.game.good_for_player(result)
    good, words = verdict(app.game, result)
    assert good and words == "Good for you all the same: it meets an objective of yours."
    met = met_line(app.game, result)
    assert met.startswith("Met: A referral is put to the vote") and "points)." in met


def test_the_move_log_tells_an_events_answer_by_its_own_words(make_app):
    from game.decisions import RespondToOffer
    game = make_app().game
    assert game.describe(RespondToOffer("sponsors", "veto_announced", True)) == \
        "answered China and Russia: put the referral to the vote"
    assert game.describe(RespondToOffer("sponsors", "cosponsors_warned", False)) == \
        "answered the DPRK mission: let the threat pass"
    assert game.describe(RespondToOffer("sponsors", "dprk_visit", True)).startswith(
        "accepted the offer of")


def test_a_turn_whose_time_ran_out_reads_as_such_in_the_move_log(make_app):
    from game.decisions import TimeUp

    app = make_app()
    assert app.game.describe(TimeUp("sponsors")) == (
        "ran out of time (the turn is lost, and a day with it)")
    assert app.game.describe(TimeUp("opposition")) == "ran out of time (the turn passes)"
