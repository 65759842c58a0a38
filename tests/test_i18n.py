"""The gettext catalogue: every marked string of the game has its French, the same decisions
give the same votes in either language, and the language never leaks from where it is set."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game import i18n
from game.i18n import _
from tools import i18n as catalogue_tool

GAME = Path(__file__).resolve().parents[1] / "game"


def test_the_french_catalogue_is_complete_current_and_compiled():
    problems = catalogue_tool.problems("fr")
    assert not problems, "\n".join(problems[:40]) + (
        f"\n... and {len(problems) - 40} more" if len(problems) > 40 else "")


def test_placeholders_are_read_by_name_and_format_spec():
    assert catalogue_tool.placeholders("{n} of {total:.0f}%, {{literal}}") == {"n", "total"}


def bindings_of_underscore(tree: ast.AST) -> list[int]:
    """Lines where ``_`` is assigned, looped over, caught or bound by ``with ... as``."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
            lines.append(node.lineno)
        elif isinstance(node, ast.ExceptHandler) and node.name == "_":
            lines.append(node.lineno)
    return lines


def test_a_module_that_translates_never_rebinds_the_underscore():
    """``for _, x in ...`` in a function that also calls ``_()`` would make ``_`` a local
    and break the call; such a module names its throwaway values otherwise."""
    offenders = []
    for path in GAME.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_it = any(isinstance(n, ast.ImportFrom) and any(a.name == "_" for a in n.names)
                         for n in ast.walk(tree))
        if imports_it:
            offenders += [f"{path.relative_to(GAME.parent)}:{line}"
                          for line in bindings_of_underscore(tree)]
    assert not offenders, "\n".join(offenders)


def test_french_is_spoken_inside_using_and_english_again_after_it():
    assert _("Language: {name} (L)") == "Language: {name} (L)"
    with i18n.using("fr"):
        assert i18n.language() == "fr"
        assert _("Language: {name} (L)") != "Language: {name} (L)"
    assert i18n.language() == "en"


def test_an_unknown_language_is_refused_naming_the_ones_spoken_and_changes_nothing():
    with pytest.raises(i18n.UnknownLanguage, match="fr .Français."):
        i18n.set_language("xx")
    assert i18n.language() == "en"


@pytest.mark.parametrize(("environ", "lang"), [
    ({"LANG": "fr_FR.UTF-8"}, "fr"), ({"LANGUAGE": "de:fr", "LANG": "de_DE"}, "fr"),
    ({"LANG": "de_DE.UTF-8"}, "en"), ({"LC_ALL": "C", "LANG": "fr_FR"}, "en"), ({}, "en"),
    ({"LANGUAGE": "fr_CA"}, "fr")])
def test_the_environment_chooses_a_language_the_game_speaks_else_english(environ, lang):
    assert i18n.from_environment(environ) == lang


def test_french_plurals_take_the_singular_for_zero_and_one():
    with i18n.using("fr"):
        catalogue = i18n.catalogue("fr")
        assert catalogue.plural(0) == catalogue.plural(1) == 0 and catalogue.plural(2) == 1


@pytest.mark.slow
def test_a_damaged_catalogue_is_named_and_the_game_plays_in_english(tmp_path, monkeypatch,
                                                                     cli):
    (tmp_path / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "fr" / "LC_MESSAGES" / "plenary.mo").write_bytes(b"\x00garbage" * 8)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        with pytest.raises(i18n.UnknownLanguage, match="cannot be read"):
            i18n.catalogue("fr")
        result = cli("play", "--lang", "fr", "--autoplay", "--bot", "passive")
    finally:
        i18n.catalogue.cache_clear()
    assert result.returncode == 0
    assert "cannot be read" in result.stderr and "playing in English" in result.stderr
    assert "Traceback" not in result.stderr
