"""The results screens in French: the vote board, the recap, the Council's veto box, the
debrief, the saved-game lists, the viewer and the compare screen say it in French, and their
words still fit (inside the window, the width they were given, their buttons)."""
from __future__ import annotations

import pygame
import pytest

from game import i18n
from game.ui import style
from game.ui.review_words import colon
from game.ui.scenes.debrief import tally_words
from tests.test_ui_kit import (  # noqa: F401  (fixtures)
    frames,
    key,
    make_app,
    on_floor,
    play_greedy_until,
    scenario,
)
from tests.test_ui_legibility import Drawn

NBSP = "\u00a0"


def buttons_fit(app) -> list[str]:
    """The scene's buttons whose words are wider than the button."""
    return [b.text for b in app.scene.buttons.values()
            if style.font(16, True).size(b.text)[0] > b.rect.w]


def test_a_tally_and_a_label_read_in_french_and_stay_as_they_were_in_english():
    tally = {"yes": 57, "no": 72, "abstain": 34, "absent": 30}
    assert tally_words(tally) == "57 in favour, 72 against, 34 abstentions (30 absent)"
    assert colon("Kenya", "against") == "Kenya: against"
    with i18n.using("fr"):
        assert tally_words(tally) == "57 pour, 72 contre, 34 abstentions (30 absents)"
        assert tally_words({"yes": 1, "no": 0, "abstain": 1, "absent": 1}) == \
            "1 pour, 0 contre, 1 abstention (1 absent)"
        assert colon("Kenya", "contre") == f"Kenya{NBSP}: contre"


@pytest.mark.slow
def test_the_debrief_in_french_says_bilan_and_every_word_fits(make_app, monkeypatch):
    with i18n.using("fr"):
        app = make_app()
        play_greedy_until(app, lambda: app.game.state.finished)
        drawn = Drawn(monkeypatch)
        app.goto_stage()
        frames(app, 2)
        assert app.scene.name == "debrief"
        assert "Bilan" in [words for __, words, *rest in drawn.texts]
        assert "Vos votes à côté des votes réels" in app.scene.box.html_text
        assert app.scene.buttons["again"].text == "Rejouer (Entrée ou Échap)"
        assert drawn.outside() == [] and buttons_fit(app) == []


@pytest.mark.slow
def test_the_vote_board_and_the_recap_in_french_fit_at_1280x720(make_app, monkeypatch):
    with i18n.using("fr"):
        app = on_floor(make_app())
        drawn = Drawn(monkeypatch)
        key(app, pygame.K_7)
        key(app, pygame.K_RETURN)                 # yes, with capital left
        assert app.scene.name == "vote"
        key(app, pygame.K_SPACE)
        frames(app, 30)
        board = app.scene
        assert board.sentence.startswith(("Bon pour vous", "Mauvais pour vous"))
        assert board.buttons["continue"].text == "Continuer  (Entrée)"
        shown = [words for __, words, *rest in drawn.texts]
        assert "Membres permanents" not in shown and any(
            w.startswith("Vote enregistré · Troisième Commission") for w in shown)
        while app.scene.name == "vote":
            frames(app, 30)
            key(app, pygame.K_RETURN)
        assert app.scene.name == "recap"
        frames(app, 2)
        assert "Les votes" in app.scene.box.html_text
        button = app.scene.buttons["continue"]
        assert button.text.startswith("Continuer")
        assert drawn.outside() == [] and buttons_fit(app) == []


@pytest.mark.slow
def test_the_viewer_and_the_saved_games_in_french_fit_at_1280x720(make_app, monkeypatch,
                                                                  tmp_path):
    from game.cli.modelcmds import simulate
    from tests.helpers import dprk

    path = tmp_path / "whole.jsonl"
    simulate(dprk(), 6, "greedy", session_file=path).close()
    with i18n.using("fr"):
        app = make_app()
        drawn = Drawn(monkeypatch)
        app.goto("review", review=app.open_review(path))
        frames(app, 2)
        key(app, pygame.K_PAGEDOWN)
        assert app.scene.buttons["next"].text == "Suiv.  (Droite)"
        assert f"Décision {app.scene.step} sur {app.scene.review.steps}" in app.scene.box.html_text
        assert drawn.outside() == [] and buttons_fit(app) == []
        app.goto("compare", comparison=app.compare(path, path), back=app.scene.review)
        frames(app, 2)
        assert "Les deux parties ont pris les mêmes décisions" in app.scene.parts_box.html_text
        app.goto("saved")
        frames(app, 2)
        assert app.scene.buttons["back"].text == "Retour  (Échap)"
        assert drawn.outside() == [] and buttons_fit(app) == []
