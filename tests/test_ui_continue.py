"""The title screen's Continue: the recent unfinished games of the sessions folder, picked with
Up/Down and continued with Enter where they stopped, in the same file."""
from __future__ import annotations

import json

import pygame
import pytest

from game.cli.modelcmds import simulate
from game.replay import read
from helpers import dprk
from test_ui_kit import click_button, frames, key, make_app, on_title, scenario  # noqa: F401


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    """A whole greedy game's session file."""
    path = tmp_path_factory.mktemp("whole") / "whole.jsonl"
    simulate(dprk(), 6, "greedy", session_file=path).close()
    return path


@pytest.fixture
def sessions(user_data_folder, whole):
    """Two unfinished games in the sessions folder (8 and 15 decisions; the second saved
    last) and a finished one, which is not listed."""
    folder = user_data_folder / "plenary" / "sessions"
    folder.mkdir(parents=True)
    lines = whole.read_bytes().split(b"\n")
    (folder / "done.jsonl").write_bytes(whole.read_bytes())
    for name, keep in (("older.jsonl", 8), ("newer.jsonl", 15)):
        (folder / name).write_bytes(b"\n".join(lines[:keep + 1]) + b"\n")
    return folder


def test_without_a_saved_game_continue_is_there_but_disabled(make_app):
    app = on_title(make_app())
    assert not app.scene.buttons["saved"].is_enabled
    key(app, pygame.K_c)
    assert app.scene.name == "title"


@pytest.mark.slow
def test_c_lists_the_unfinished_games_newest_first_and_esc_goes_back(make_app, sessions):
    app = on_title(make_app())
    key(app, pygame.K_c)
    assert app.scene.name == "saved"
    assert [u.path.name for u in app.scene.saved] == ["newer.jsonl", "older.jsonl"]
    assert "15 decisions" in app.scene.item_text(0)
    key(app, pygame.K_DOWN)
    assert app.scene.chosen == 1 and "8 decisions so far" in app.scene.box.html_text
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "title"


@pytest.mark.slow
def test_enter_continues_the_chosen_game_where_it_stopped_in_the_same_file(make_app, sessions):
    app = on_title(make_app())
    key(app, pygame.K_c)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "briefing"
    session = app.game.session
    assert len(session.decisions) == 8 and session.seed == 6
    assert session.writer.path == sessions / "older.jsonl"
    key(app, pygame.K_RETURN)                            # on to the floor
    frames(app, 2)
    assert app.scene.name in ("floor", "vote")
    assert len(read(sessions / "older.jsonl").decisions) >= 8


def test_a_game_that_cannot_be_continued_says_why_and_stays_on_the_list(make_app, sessions):
    path = sessions / "newer.jsonl"
    lines = path.read_text().splitlines()
    head = json.loads(lines[0]) | {"sha256": "0" * 64}
    path.write_text("\n".join([json.dumps(head), *lines[1:]]) + "\n")
    app = on_title(make_app())
    key(app, pygame.K_c)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "saved" and "recorded on another version" in app.scene.box.html_text
    assert path.read_text().splitlines()[1:] == lines[1:]


@pytest.mark.slow
@pytest.mark.parametrize("fields", [{"opponent": "wizard"}, {"sha256": "0" * 64}])
def test_a_saved_game_with_a_damaged_header_says_why_in_words_not_commands(make_app, sessions,
                                                                          fields):
    path = sessions / "newer.jsonl"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([json.dumps(json.loads(lines[0]) | fields), *lines[1:]]) + "\n")
    before = path.read_bytes()
    app = on_title(make_app())
    key(app, pygame.K_c)
    key(app, pygame.K_RETURN)
    shown = app.scene.box.html_text
    assert app.scene.name == "saved" and str(next(iter(fields))) in shown
    assert "--" not in shown.replace(str(path), "") and "python main.py" not in shown
    assert path.read_bytes() == before


def test_a_saved_game_damaged_in_the_middle_is_listed_with_the_reason(make_app, sessions):
    path = sessions / "newer.jsonl"
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([*lines[:5], lines[5][:20], *lines[6:]]))
    app = on_title(make_app())
    key(app, pygame.K_c)
    assert "damaged" in app.scene.item_text(0) and "decisions" in app.scene.item_text(0)
    assert "cannot be continued: line 6: not valid JSON" in app.scene.box.html_text
    assert not app.scene.buttons["resume"].is_enabled     # the details say why, not a click


@pytest.mark.slow
def test_leaving_a_game_in_progress_for_a_saved_one_asks_first(make_app, sessions):
    app = on_title(make_app())
    key(app, pygame.K_RETURN)                            # briefing
    key(app, pygame.K_RETURN)                            # the floor: play one move
    app.game.play(app.game.session.bot_move("greedy"))
    app.goto("title")
    frames(app)
    key(app, pygame.K_c)
    key(app, pygame.K_RETURN)
    assert app.scene.confirming
    key(app, pygame.K_RETURN)
    frames(app, 2)
    assert app.scene.name == "briefing" and app.game.session.seed == 6


@pytest.mark.slow
def test_a_game_left_at_the_title_screen_leaves_no_file(make_app, tmp_path):
    app = on_title(make_app())
    path = app.game.session.writer.path
    assert not path.exists()
    key(app, pygame.K_RETURN)                            # briefing
    key(app, pygame.K_RETURN)                            # the floor
    app.game.play(app.game.session.bot_move("greedy"))
    assert path.exists() and len(read(path).decisions) >= 1
