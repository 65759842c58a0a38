"""The help, the glossary, the dialogs and the UN's words in French: shown, found, and fitting."""
from __future__ import annotations

import pygame
import pytest

from game import i18n
from game.ui import glossary, style
from game.vocabulary import (
    REGIONAL_GROUPS,
    ballot_title,
    ballot_word,
    group_name,
    side_word,
)
from test_ui_kit import frames, key, make_app, on_floor, on_title, scenario  # noqa: F401


def test_the_groups_and_ballots_are_the_uns_french_words_and_stay_english_otherwise():
    assert group_name("African") == "African Group" and ballot_word("yes") == "in favour"
    with i18n.using("fr"):
        assert group_name("African") == "Groupe des États d'Afrique"
        assert group_name("WEOG-unknown") == "WEOG-unknown"
        assert group_name(None) == "aucun groupe régional"
        assert group_name("OIC") == "Organisation de la coopération islamique (OCI)"
        assert [ballot_word(b) for b in ("yes", "no", "abstain", "absent")] == [
            "pour", "contre", "abstention", "absent"]
        assert ballot_title("abstain") == "Abstentions"
        assert side_word("sponsors") == "auteur principal" and side_word(None) == ""
        assert len({group_name(g) for g in REGIONAL_GROUPS}) == 5


def test_the_glossary_speaks_french_and_a_french_term_finds_its_french_entry():
    with i18n.using("fr"):
        text = glossary.html("floor")
        assert text.startswith("<font pixel_size=19><b>Sur cet écran</b></font><br>Le pointage")
        for term in ("Troisième Commission", "Projet de résolution", "Pointage des voix",
                     "Motion de non-action", "Majorité des deux tiers", "Présents et votants"):
            assert term in glossary.terms() and term in text, term
        assert "Whip count" not in text
        assert glossary.explain("pointage des voix").startswith("Votre liste")
        assert glossary.explain("Whip count") == glossary.explain("Pointage des voix")
    assert glossary.explain("Whip count").startswith("Your running list")
    assert glossary.explain("Pointage des voix") is None          # English has no French entry
    assert glossary.explain("no such word") is None


def test_the_french_glossary_keeps_the_uns_typography():
    with i18n.using("fr"):
        text = glossary.html("floor")
    assert " :" not in text and " ;" not in text and "« " not in text and " »" not in text
    assert "\u00a0:" in text and "«\u00a0Rappelant…\u00a0»" in text


def fits(element, text: str) -> bool:
    """The text, in the element's own font, is no wider than the element."""
    return element.font.size(text)[0] <= element.rect.width


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_the_glossary_window_opens_in_french_and_its_title_fits(make_app, size):
    with i18n.using("fr"):
        app = on_floor(make_app(size=size))
        key(app, pygame.K_F1)
        window = app.scene.overlays["glossary"]
        assert window.window_display_title == "Aide et glossaire  (F1 ou Échap pour fermer)"
        assert fits(window.title_bar, window.window_display_title)
        assert app.scene.glossary_text.html_text.startswith(     # its heading scales too
            f"<font pixel_size={style.font_px(19)}><b>Sur cet écran</b>")
        assert pygame.Rect((0, 0), app.size).contains(window.rect)
        assert window.title_bar.rect.height >= window.title_bar.font.size("Aide")[1]
        help_button = app.scene.buttons["help"]
        assert help_button.tool_tip_text == "Glossaire\u00a0: ce que veulent dire les mots (F1)"


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_the_quit_dialog_says_its_keys_and_cancel_in_french_and_its_buttons_fit(make_app, size):
    with i18n.using("fr"):
        app = on_title(make_app(size=size))
        app.scene.confirm("Quitter ?", "La partie n'est pas finie.", "Quitter", lambda: None)
        frames(app)
        dialog = app.scene.overlays["confirm"]
        assert "Entrée\u00a0: quitter · Échap\u00a0: annuler" in dialog.confirmation_text.html_text
        assert dialog.cancel_button.text == "Annuler"
        for button in (dialog.cancel_button, dialog.confirm_button):
            assert fits(button, button.text)
            assert button.rect.height > button.font.size(button.text)[1]
            assert dialog.rect.contains(button.rect)
        assert not dialog.cancel_button.rect.colliderect(dialog.confirm_button.rect)


@pytest.mark.slow
def test_a_french_tooltip_at_4k_is_as_wide_as_the_layout_scales_it_not_a_column(make_app):
    with i18n.using("fr"):
        app = on_title(make_app(size=(3840, 2160)))
        button = app.scene.buttons["help"]
        tip = app.manager.create_tool_tip(button.tool_tip_text, button.rect.bottomleft,
                                          (0, 10), button, None)
        assert tip.rect.width == 3 * 170                   # 170 design pixels, scaled
        assert tip.rect.height < tip.rect.width            # three short lines, as at 720p
        assert pygame.Rect((0, 0), app.size).contains(tip.rect)
