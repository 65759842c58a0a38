"""Robustness of the window: crash reports instead of tracebacks, playing unsaved when the
session folder cannot be written, notes on screen, clipped titles, actions the rules would
refuse shown disabled, and --seed checked on the command line."""
from __future__ import annotations

import pytest

from game.cli import launch, main
from game.ui.words import clip
from test_ui_kit import frames, make_app, on_floor, scenario  # noqa: F401


def test_a_crash_writes_a_report_and_the_panel_names_it(make_app, monkeypatch, tmp_path, capsys):
    import game.cli.crashreport as crashreport

    monkeypatch.setattr(crashreport, "crash_folder", lambda: tmp_path / "logs")
    app = make_app()
    app.goto("title")
    app.fast = True

    def boom(dt):
        raise ValueError("boom")

    monkeypatch.setattr(app.scene, "update", boom)
    app.run_frames()
    err = capsys.readouterr().err
    assert app.exit_code == 1 and app.scene.name == "error"
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    report = next((tmp_path / "logs").glob("plenary-crash-*.txt"))
    assert str(report) in err and "ValueError: boom" in report.read_text()
    assert str(report) in app.scene.elements[0].html_text


def test_an_unwritable_session_folder_plays_unsaved_with_a_note(monkeypatch, tmp_path, capsys,
                                                                scenario):  # noqa: F811
    monkeypatch.setattr(launch, "default_path",
                        lambda *a: tmp_path / "file" / "sessions" / "s.jsonl")
    (tmp_path / "file").write_text("a file where a folder should be")
    game = launch.GameMaker(3)(scenario)
    assert game.session.writer is None
    note = game.notices(start=True)[0]
    assert note.startswith("This game is not being saved: cannot write to")
    assert "WARNING: this game is not being saved" in capsys.readouterr().err


def test_an_unwritable_session_file_given_on_the_command_line_is_a_message(tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    code = main(["play", "--autoplay", "--session-file", str(tmp_path / "file" / "s.jsonl")])
    assert code == 1
    assert "cannot save the game to" in capsys.readouterr().err


def test_saving_stopped_and_an_earlier_game_kept_are_noted(make_app):
    app = make_app()
    writer = app.game.session.writer
    writer.error = "could not write x: disk full; from here on the game is not saved"
    writer.backup = writer.path.with_name("old.jsonl.bak")
    notes = app.game.notices(start=True)
    assert notes[0].startswith("Saving stopped: could not write x")
    assert "kept as old.jsonl.bak" in notes[1]
    assert app.game.notices() == notes[:1]


def test_long_titles_are_clipped_in_lists_and_headings():
    assert clip("word " * 3000) .endswith("…") and len(clip("word " * 3000)) <= 90
    assert clip("a\nb  c") == "a b c"


@pytest.mark.slow
def test_actions_the_rules_would_refuse_are_disabled(make_app):
    app = make_app()
    on_floor(app)
    scene = app.scene
    scene.select("IND")
    assert scene.buttons["lobby"].is_enabled and scene.buttons["address"].is_enabled
    state = app.game.session.state
    app.game.session.state = state.evolve(budgets=tuple((s, 0, d) for s, c, d in state.budgets))
    scene.refresh()
    assert not scene.buttons["lobby"].is_enabled
    assert not scene.buttons["address"].is_enabled
    assert not scene.buttons["cosponsor"].is_enabled
    assert scene.buttons["proceed"].is_enabled
    frames(app)


@pytest.mark.parametrize("seed", ["-4", "x"])
def test_a_bad_seed_is_refused_by_the_command_line(seed, capsys):
    assert main(["play", "--seed", seed, "--autoplay"]) != 0
    assert "argument --seed" in capsys.readouterr().err
