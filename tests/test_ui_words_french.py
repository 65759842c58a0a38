"""The words the screens share, in French: a delegation's dossier, the move log, the preview of
a move, the tally and the legends read as French writes them, and still fit on the floor."""
from __future__ import annotations

import pygame
import pytest

from game import i18n
from game.decisions import AddressGroup, Lobby
from game.session import Session
from game.ui import words
from game.ui.controller import Game
from game.ui.teams import TeamSetup
from tests.test_ui_kit import ARG, frames, key, make_app, scenario  # noqa: F401
from tests.test_ui_legibility import Drawn

NBSP = "\u00a0"


@pytest.fixture
def game(scenario):  # noqa: F811
    session = Session(scenario, 2014, side="sponsors", opponent="greedy", session_file=None)
    yield Game(session, level="greedy")
    session.close()


def test_a_dossier_reads_in_french_and_in_english_again_after(game):
    motion = game.target()
    with i18n.using("fr"):
        html = words.dossier(game, "KEN", motion)
        empty = words.dossier(game, None, motion)
    assert "Pourquoi elle" in html and f"Démarches reçues{NBSP}:" in html
    assert "pas encore démarchée" in html and "Point idéal" in html
    assert "Votes antérieurs sur cette résolution" in html
    assert "Why it" not in html and "Lobbied:" not in html and "not lobbied yet" not in html
    assert "Cliquez sur une délégation du pointage des voix" in empty
    english = words.dossier(game, "KEN", motion)
    assert "Why it" in english and "not lobbied yet" in english


def test_the_move_log_tells_a_turn_in_french_with_its_effect(game):
    with i18n.using("fr"):                  # the record's events are written as they happen
        game.play(Lobby("sponsors", "KEN", ARG))
        game.play(AddressGroup("sponsors", "African", ARG))
        lines = [line for turn in game.turns() for line in game.turn_lines(turn)]
        html = words.move_log(game)
        status = game.last_turn()
    assert any(line.startswith(f"Vous{NBSP}: démarche auprès de Kenya") for line in lines)
    # the group after a colon: French needs no article that would change with its gender
    assert any(line.startswith(f"Vous{NBSP}: discours{NBSP}: Groupe des États d'Afrique")
               for line in lines)
    assert any(f", en réponse{NBSP}:" in line or line.startswith("puis ") for line in lines)
    assert "Journal des coups" in html and " — " in html
    assert status.startswith(f"Vous{NBSP}: discours{NBSP}: Groupe")
    assert " replied: " not in html and "You " not in html
    english = [line for turn in game.turns() for line in game.turn_lines(turn)]
    assert any(line.startswith("You lobbied Kenya") for line in english)


def test_a_preview_speaks_french_numbers_run_from_before_to_after(game):
    with i18n.using("fr"):
        preview = game.preview(Lobby("sponsors", "KEN", ARG))
        text = preview.text()
        points = preview.points_line()
    assert "P(adopté)" in text and "Kenya" in text and "→" not in text
    assert "points attendus" in points or "Aucun changement" in points
    assert "P(adopted)" in game.preview(Lobby("sponsors", "KEN", ARG)).text()


def test_points_teams_and_the_past_votes_legend_are_french():
    with i18n.using("fr"):
        assert words.points(0) == "0 point" and words.points(1) == "1 point"
        assert words.points(2) == "2 points"
        assert TeamSetup(("sponsors",), 4, 50).describe() == (
            f"Équipe des auteurs contre le bot · 4 tours par étape · 50{NBSP}s par tour")
        assert words.past_legend().endswith(f"vide{NBSP}: pas encore membre")
    assert words.points(0) == "0 points"
    assert TeamSetup((), 0, 0).describe() == (
        "One player against the bot · turns: as the budget pays · no timer")


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_floor_s_dossier_tally_legend_and_move_log_fit_in_french(make_app, monkeypatch,
                                                                      size):
    drawn = Drawn(monkeypatch)
    with i18n.using("fr"):
        app = make_app(size=size)
        app.goto("floor")
        drawn.scene = "floor"
        frames(app, 2)
        floor = app.scene
        key(app, pygame.K_RIGHT)                      # a delegation's dossier
        frames(app, 2)
        assert "Pourquoi elle" in floor.dossier.html_text
        floor.press("lobby")
        frames(app, 2)
        key(app, pygame.K_l)                          # the move log instead of the dossier
        frames(app, 2)
        assert "Journal des coups" in floor.dossier.html_text
        shown = [w for scene, w, *__ in drawn.texts if scene == "floor"]
    assert "P(adopté)" in shown
    assert any(w.startswith("le bleu vous aide") for w in shown)
    assert drawn.outside() == []


def test_no_string_is_translated_inside_an_f_string_where_extraction_cannot_see_it():
    """Babel reads an f-string as one string on Python 3.11: a ``_("...")`` inside its braces
    never reaches the catalogue and stays English on a French screen."""
    import ast
    from pathlib import Path

    hidden = []
    for path in sorted((Path(__file__).resolve().parents[1] / "game").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.name}:{call.lineno}" for call in ast.walk(node)
                           if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                           and call.func.id in ("_", "N_", "ngettext", "pgettext")
                           and any(isinstance(a, ast.Constant) for a in call.args)]
    assert hidden == []


def test_a_line_never_breaks_at_the_no_break_space_before_a_french_colon():
    from game.ui import style
    from game.ui.words import clip

    pygame.font.init()
    style.reset_fonts()                  # fonts cached before an earlier test quit pygame
    line = f"Si vous jouez « démarcher Tanzanie (1 en capital, 1 jour) »{NBSP}:"
    width = style.font(15).size(line)[0] - 5
    assert style.wrap(line, width, 15)[-1].endswith(f"»{NBSP}:")
    assert clip(f"Réponse{NBSP}:  une\nligne") == f"Réponse{NBSP}: une ligne"
