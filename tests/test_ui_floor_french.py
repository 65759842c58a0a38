"""The title, the briefing, the floor and its windows, the draft text and the team turn in
French: their own words are French, dates and counts follow French usage, and the longer
French labels still fit their buttons and the width each line was given."""
from __future__ import annotations

import datetime as dt

import pygame
import pytest

from game import i18n
from game.scenario import load
from game.session import Session
from game.ui import style
from game.ui.app import App
from game.ui.controller import Game
from game.ui.scenes.buttons import cost_words
from game.ui.scenes.intro import long_date
from game.ui.scenes.turn import side_word
from tests.test_ui_kit import DEFAULT_SCENARIO, frames, key, make_app, scenario  # noqa: F401
from tests.test_ui_legibility import Drawn

NBSP = "\u00a0"


def test_dates_costs_and_sides_read_as_french_writes_them():
    with i18n.using("fr"):
        assert long_date(dt.date(2014, 12, 18)) == "18 décembre 2014"
        assert long_date(dt.date(2014, 12, 1)) == "1er décembre 2014"
        assert cost_words(3, 1) == "3 en capital, 1 jour"
        assert cost_words(2, 2) == "2 en capital, 2 jours"
        assert side_word("sponsors") == "Auteurs"
    assert long_date(dt.date(2014, 12, 1)) == "1 December 2014"
    assert cost_words(3, 1) == "3 capital, 1 day" and side_word("sponsors") == "Sponsors"


def labels_too_wide(scene) -> list[str]:
    """Buttons whose label runs past the button (at the button's 15-pixel design size)."""
    return [b.text for b in scene.buttons.values()
            if style.font(15).size(b.text)[0] > b.rect.w - style.px(12)]


@pytest.mark.slow
@pytest.mark.parametrize("side", ["sponsors", "opposition"])
@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_floor_speaks_french_and_its_labels_fit(make_app, monkeypatch, side, size):
    drawn = Drawn(monkeypatch)
    with i18n.using("fr"):
        app = make_app(size=size, side=side)
        app.goto("title")
        drawn.scene = "title"
        frames(app, 2)
        assert app.scene.buttons["begin"].text == "Commencer  (Entrée)"
        assert labels_too_wide(app.scene) == []
        key(app, pygame.K_RETURN)
        drawn.scene = "briefing"
        frames(app, 2)
        assert app.scene.name == "briefing"
        assert "Ce qui s'est passé" in app.scene.brief.html_text
        assert any("Calendrier" in getattr(e, "html_text", "") for e in app.scene.elements)
        key(app, pygame.K_RETURN)
        drawn.scene = "floor"
        frames(app, 2)
        floor = app.scene
        assert floor.name == "floor"
        assert floor.buttons["lobby"].text.startswith("1  Démarcher")
        assert floor.buttons["log"].text == "Journal  (L)"
        assert floor.buttons["map"].text == "Carte  (W)"
        assert labels_too_wide(floor) == []
        key(app, pygame.K_8)                          # the floor tactics window
        if floor.tactics_window is not None:
            assert floor.buttons["do_tactic"].text == "Jouer ce coup  (Entrée)"
            assert labels_too_wide(floor) == []
            key(app, pygame.K_ESCAPE)
        key(app, pygame.K_w)                          # the map
        frames(app, 2)
        assert floor.buttons["map"].text == "Grille  (W)"
        app.goto("text")
        drawn.scene = "text"
        frames(app, 2)
        assert app.scene.buttons["back"].text == "Retour à la salle (Échap)"
        assert labels_too_wide(app.scene) == []
    assert drawn.outside() == []


@pytest.mark.slow
def test_a_team_turn_is_announced_in_french(make_app, monkeypatch):
    seen: list[str] = []
    real = style.text

    def spy(surface, words, *args, **kwargs):
        seen.append(words)
        return real(surface, words, *args, **kwargs)

    with i18n.using("fr"):
        session = Session(load(DEFAULT_SCENARIO), 2014, teams=("sponsors", "opposition"),
                          opponent=None, rounds=4, timer=60, session_file=None)
        app = App(Game(session, level=None), (1280, 720))
        app.goto("briefing")
        frames(app)
        app.begin_play()
        monkeypatch.setattr(style, "text", spy)
        frames(app, 2)
        assert app.scene.name == "turn"
        assert app.scene.buttons["start"].text == "Commencer le tour  (toute touche)"
    assert f"Équipe des auteurs{NBSP}: à vous le clavier" in seen
    assert any("tour 1 sur 4 · 60 secondes" in words for words in seen)
    session.close()
