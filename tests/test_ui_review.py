"""The replay viewer: a real session file (a whole game a bot played) opened from the title
screen or the command line, stepped forward and back and jumped through; at every step it
shows what a fresh replay of the file gives at that step."""
from __future__ import annotations

import json

import pygame
import pygame_gui
import pytest

from game.cli import main
from game.cli.modelcmds import simulate
from game.cli.reviewing import CannotResume, open_review
from game.replay import read
from game.session import Session
from game.ui.controller import Game
from game.ui.scenes.draft import stage_text_id, text_html, text_symbols
from game.ui.widgets.cells import Look, look_from_probs
from helpers import dprk
from test_ui_kit import frames, key, make_app, on_title, scenario  # noqa: F401


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """A whole game the greedy bot played for the sponsors against the greedy bot."""
    path = tmp_path_factory.mktemp("review") / "whole.jsonl"
    simulate(dprk(), 6, "greedy", session_file=path).close()
    return path


def fresh(path, step: int) -> Game:
    """The file's game replayed from nothing to ``step`` decisions, without the viewer."""
    loaded = read(path)
    session = Session(dprk(), loaded.seed, opponent=None)
    for decision in loaded.decisions[:step]:
        session.apply(decision)
    return Game(session)


def shows_what_a_fresh_replay_gives(scene, path) -> None:
    game = fresh(path, scene.step)
    assert scene.at.state.digest() == game.state.digest()
    voted = [r for r in game.state.results[len(fresh(path, scene.step - 1).state.results):]
             if r.ballots] if scene.step else []
    if voted:                                   # a vote step: the recorded ballots
        assert scene.looks == {iso: Look(b, mark=scene.mark(iso))
                               for iso, b in voted[0].ballots}
    elif not game.state.finished:                # the forecast of the motion in play
        motion = game.session.target_motion()
        assert scene.motion == motion
        assert scene.looks == {iso: look_from_probs(p, mark=scene.mark(iso))
                               for iso, p in game.probabilities(motion).items()}
    text_id = stage_text_id(game)
    assert text_html(scene.at, text_id, text_symbols(scene.at, text_id)) == text_html(
        game, text_id, text_symbols(game, text_id))


def open_viewer(app, path):
    app.goto("review", review=app.open_review(path))
    frames(app, 2)
    return app.scene


@pytest.mark.slow
def test_the_viewer_steps_forward_and_back_and_jumps_showing_what_a_fresh_replay_gives(
        make_app, whole):
    app = make_app()
    scene = open_viewer(app, whole)
    n = len(read(whole).decisions)
    assert scene.name == "review" and scene.step == 0 and scene.review.steps == n
    shows_what_a_fresh_replay_gives(scene, whole)
    for k, expected in ((pygame.K_RIGHT, 1), (pygame.K_RIGHT, 2), (pygame.K_LEFT, 1),
                        (pygame.K_PAGEDOWN, 11), (pygame.K_PAGEUP, 1), (pygame.K_END, n),
                        (pygame.K_RIGHT, n), (pygame.K_HOME, 0), (pygame.K_LEFT, 0)):
        key(app, k)
        assert app.scene.step == expected
        shows_what_a_fresh_replay_gives(app.scene, whole)
    pygame.event.post(pygame.event.Event(pygame_gui.UI_SELECTION_LIST_NEW_SELECTION, {
        "ui_element": scene.steps_list, "text": scene.items[7]}))
    frames(app, 2)
    assert scene.step == 7 and scene.steps_list.get_single_selection() == scene.items[7]
    shows_what_a_fresh_replay_gives(scene, whole)


def test_a_lobbying_step_names_the_delegations_whose_ballot_changed_and_why(make_app, whole):
    scene = open_viewer(make_app(), whole)
    step = scene.review.lobbying_steps()[0]
    scene.goto_step(step)
    changes = scene.review.changes(step)
    before, after = fresh(whole, step - 1), fresh(whole, step)
    motion = before.session.target_motion()
    for ch in changes:
        p0, p1 = before.probabilities(motion)[ch.member], after.probabilities(motion)[ch.member]
        assert look_from_probs(p0).ballot == ch.before != ch.after == look_from_probs(p1).ballot
        assert ch.reasons and scene.at.member(ch.member).name in scene.box.html_text
    assert "Most probable ballot changed" in scene.box.html_text and "why:" in scene.box.html_text


def test_a_vote_step_shows_the_recorded_ballots_and_each_result(make_app, whole):
    app = make_app()
    scene = open_viewer(app, whole)
    step = scene.review.vote_steps()[0]
    scene.goto_step(step)
    held = [r for r in scene.review.held(step) if r.ballots]
    assert scene.recorded == dict(held[0].ballots) and "Recorded votes" in scene.box.html_text
    for r in held:
        assert scene.at.motion(r.motion).symbol in scene.box.html_text
    if len(held) > 1:
        key(app, pygame.K_v)
        assert scene.recorded == dict(held[1].ballots)


@pytest.mark.slow
def test_the_text_and_the_move_log_are_as_they_stood(make_app, whole):
    app = make_app()
    scene = open_viewer(app, whole)
    scene.goto_step(6)
    key(app, pygame.K_l)
    game = fresh(whole, 6)
    assert scene.tab == "log" and len(scene.at.move_log()) == 6 == len(game.move_log())
    assert [e.what for e in scene.at.move_log()] == [e.what for e in game.move_log()]
    key(app, pygame.K_t)
    assert scene.tab == "text" and "OP " in scene.box.html_text


def test_a_damaged_file_opens_up_to_where_it_is_good_and_says_where_it_stopped(
        make_app, whole, tmp_path):
    lines = whole.read_text().splitlines()
    lines[9] = lines[9][:20] + "garbage"
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("\n".join(lines) + "\n")
    scene = open_viewer(make_app(), damaged)
    assert scene.review.steps == 8
    assert "good up to decision 8" in scene.review.stopped and "line 10" in scene.review.stopped
    frames(scene.app, 1)                         # drawn without trouble


def test_a_file_recorded_on_another_version_of_its_case_is_refused_unless_allowed(
        whole, tmp_path):
    lines = whole.read_text().splitlines()
    header = json.loads(lines[0])
    header["sha256"] = "0" * 64
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join([json.dumps(header)] + lines[1:]) + "\n")
    with pytest.raises(CannotResume, match="another version of dprk_2014.*refused"):
        open_review(changed)
    assert open_review(changed, allow_changed=True).steps == len(lines) - 1


@pytest.mark.slow
def test_review_on_the_title_lists_finished_and_unfinished_games(make_app, whole,
                                                                 user_data_folder):
    folder = user_data_folder / "plenary" / "sessions"
    folder.mkdir(parents=True)
    lines = whole.read_bytes().split(b"\n")
    (folder / "done.jsonl").write_bytes(whole.read_bytes())
    (folder / "part.jsonl").write_bytes(b"\n".join(lines[:9]) + b"\n")
    app = on_title(make_app())
    key(app, pygame.K_r)
    assert app.scene.name == "sessions"
    assert sorted(u.path.name for u in app.scene.saved) == ["done.jsonl", "part.jsonl"]
    done = next(k for k, u in enumerate(app.scene.saved) if u.finished)
    assert "finished" in app.scene.item_text(done)
    app.scene.pick(done)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "review" and app.scene.review.path.name == "done.jsonl"
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "sessions"


@pytest.mark.slow
def test_open_a_file_picks_any_path_with_the_file_dialog(make_app, whole):
    app = on_title(make_app())
    key(app, pygame.K_r)
    key(app, pygame.K_o)
    assert "file" in app.scene.overlays
    pygame.event.post(pygame.event.Event(pygame_gui.UI_FILE_DIALOG_PATH_PICKED, {
        "text": str(whole), "ui_element": app.scene.overlays["file"]}))
    frames(app, 2)
    assert app.scene.name == "review" and app.scene.review.path == whole


@pytest.mark.slow
def test_play_view_opens_the_viewer_on_the_file(whole, tmp_path, capsys):
    shots = tmp_path / "shots"
    assert main(["play", "--view", str(whole), "--autoplay", "--screenshots", str(shots)]) == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    assert any("review_lobbying" in n for n in names) and any("review_vote" in n for n in names)
    assert "Traceback" not in capsys.readouterr().err


def test_play_view_of_a_file_that_is_not_a_game_says_why(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("hello\n")
    assert main(["play", "--view", str(bad), "--autoplay"]) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl" in err and "Traceback" not in err


def play_to_the_debrief(app, bot: str = "passive", cap: int = 3000) -> None:
    """Let a bot play the player's side through the screens until the debrief."""
    from game.ui.autoplay import Driver
    app.driver = Driver(app, bot=bot, autoplay=True)
    for _ in range(cap):
        if app.scene.name == "debrief":
            return
        app.frame(1 / 30)
    raise AssertionError(f"no debrief after {cap} frames (on {app.scene.name})")


@pytest.mark.slow
def test_play_on_from_a_step_starts_a_what_if_that_names_its_parent_and_plays_to_the_end(
        make_app, whole):
    app = make_app()
    scene = open_viewer(app, whole)
    scene.goto_step(12)
    key(app, pygame.K_w)
    assert app.scene.name == "briefing"
    writer = app.game.session.writer
    assert writer.head["parent"] == str(whole.resolve()) and writer.head["step"] == 12
    assert app.game.session.decisions == read(whole).decisions[:12]
    assert "What if" in "".join(e.html_text for e in app.scene.elements
                                if hasattr(e, "html_text"))
    play_to_the_debrief(app)
    branch = read(writer.path)
    assert branch.finished and branch.header["parent"] == str(whole.resolve())
    assert branch.header["step"] == 12 and branch.decisions[:12] == read(whole).decisions[:12]
    assert branch.decisions != read(whole).decisions


@pytest.mark.slow
def test_no_what_if_from_the_end_of_a_finished_game(make_app, whole):
    app = make_app()
    scene = open_viewer(app, whole)
    key(app, pygame.K_END)
    assert not scene.buttons["whatif"].is_enabled
    key(app, pygame.K_w)
    assert app.scene.name == "review"


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    """The same case and seed against the passive bot: another game to compare."""
    path = tmp_path_factory.mktemp("review_other") / "passive.jsonl"
    assert main(["simulate", "--seed", "6", "--opponent", "passive",
                 "--session-file", str(path)]) == 0
    return path


@pytest.mark.slow
def test_the_compare_screen_shows_the_differing_votes_and_the_parting_decision(
        make_app, whole, other, capsys):
    app = make_app()
    scene = open_viewer(app, whole)
    app.goto("compare", comparison=app.compare(whole, other), back=scene.review)
    screen = app.scene
    capsys.readouterr()
    assert main(["compare", str(whole), str(other), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert screen.comparison.votes == data["votes"] and screen.comparison.parted == data["parted"]
    a, b = read(whole).decisions, read(other).decisions
    first = next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y) + 1
    assert screen.comparison.parts_at == first
    assert f"They part ways at decision {first}" in screen.parts_box.html_text
    differ = [v for v in data["votes"] if v["ballots_differ"]]
    assert differ, "the two games' votes differ somewhere"
    for v in differ:
        iso = next(iter(v["ballots_differ"]))
        assert screen.a.member(iso).name in screen.votes_box.html_text
    key(app, pygame.K_b)
    assert app.scene.name == "review" and app.scene.review.path == other
    assert app.scene.step == first


@pytest.mark.slow
def test_compare_with_lists_the_parent_of_a_what_if_first(make_app, whole):
    app = make_app()
    open_viewer(app, whole).goto_step(5)
    key(app, pygame.K_w)
    play_to_the_debrief(app)
    scene = open_viewer(app, app.game.session.writer.path)
    key(app, pygame.K_c)
    assert app.scene.name == "sessions" and app.scene.saved[0].path == whole
    assert "its parent" in app.scene.item_text(0)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "compare" and app.scene.comparison.parts_at > 5
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "review" and app.scene.review is scene.review


def test_play_view_refuses_a_changed_scenario_with_the_reason_and_the_way_round(
        whole, tmp_path, capsys):
    lines = whole.read_text().splitlines()
    header = json.loads(lines[0])
    header["sha256"] = "0" * 64
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join([json.dumps(header)] + lines[1:]) + "\n")
    assert main(["play", "--view", str(changed), "--autoplay"]) == 1
    err = capsys.readouterr().err
    assert "another version of dprk_2014" in err and "--allow-changed-scenario" in err
    assert "Traceback" not in err
