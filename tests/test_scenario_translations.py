"""A case's own texts in French: the file's ``translations`` block replaces its texts, the
delegations take their French names, nothing else changes, and a wrong path is reported."""
from __future__ import annotations

import pytest

from game import i18n
from game.scenario import ScenarioError, load, load_text
from game.scenario.localise import text_paths
from game.session import Session
from helpers import DPRK, SCENARIOS, dprk, shipped_scenarios


def test_in_french_the_dprk_case_speaks_french_and_in_english_as_written():
    scenario = dprk()
    assert scenario.spec.title == scenario.written.title
    with i18n.using("fr"):
        assert scenario.spec.title.startswith("Les droits de l'homme en RPDC")
        assert scenario.spec.sides["sponsors"].briefing.startswith("En février 2014")
        assert scenario.spec.sides["opposition"].goal.startswith("Faire supprimer")
        assert scenario.motion("c3_amendment").title.startswith("Amendement de Cuba")
        names = {m.iso3: m.name for m in scenario.members}
        assert names["USA"] == "États-Unis" and names["PRK"] == "Corée du Nord"
    assert {m.iso3: m.name for m in scenario.members}["USA"] == "United States"


def test_in_french_the_syria_case_briefs_the_sponsors_in_french():
    scenario = load(SCENARIOS / "syria_2014.yaml")
    with i18n.using("fr"):
        briefing = scenario.spec.sides["sponsors"].briefing
        assert briefing.startswith("Plus de trois ans de guerre en Syrie")
        assert "Statut de Rome" in briefing and "Chapitre VII" in briefing
        assert scenario.motion("sc_referral").title.startswith("Saisine de la Cour pénale")
    assert scenario.spec.sides["sponsors"].briefing.startswith("More than three years")


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_every_text_of_every_shipped_case_has_its_french(path):
    written = load(path).written
    table = written.translations["fr"]
    assert [p for p in text_paths(written) if p not in table] == []


def test_a_translation_changes_only_words_never_a_number_an_id_or_the_order():
    scenario = dprk()
    with i18n.using("fr"):
        french, members = scenario.spec, scenario.members
    english = scenario.written
    assert french.model == english.model and french.costs == english.costs
    assert [m.id for m in french.motions] == [m.id for m in english.motions]
    assert [m.iso3 for m in members] == [m.iso3 for m in scenario.written_members]
    assert [m.model_dump(exclude={"name"}) for m in members] == [
        m.model_dump(exclude={"name"}) for m in scenario.written_members]


@pytest.mark.slow
def test_the_same_game_gives_the_same_votes_with_the_case_in_french_and_in_english(tmp_path):
    def play(lang: str):
        with i18n.using(lang):
            path = tmp_path / f"{lang}.jsonl"
            session = Session(dprk(), seed=2014, session_file=path)
            while not session.state.finished:
                session.play(session.bot_move("greedy"))
            session.close()
            return [(r.motion, r.outcome, tuple(r.ballots)) for r in session.state.results]
    assert play("fr") == play("en")


def with_translations(block: str) -> str:
    return DPRK.read_text(encoding="utf-8").split("\ntranslations:\n")[0] + block


def test_an_unknown_text_path_is_reported_at_its_line_with_the_closest_paths():
    text = with_translations('\ntranslations:\n  fr:\n    title: "Titre"\n'
                             '    sides.sponsors.goals: "But"\n')
    with pytest.raises(ScenarioError) as err:
        load_text(text, "case.yaml", folder=DPRK.parent)
    [issue] = [i for i in err.value.issues if "text path" in i.message]
    assert issue.line == text.count("\n", 0, text.index("sides.sponsors.goals")) + 1
    assert "sides.sponsors.goal" in issue.hint


def test_a_language_the_game_does_not_speak_is_refused_saying_which_it_does():
    text = with_translations('\ntranslations:\n  de:\n    title: "Titel"\n')
    with pytest.raises(ScenarioError) as err:
        load_text(text, "case.yaml", folder=DPRK.parent)
    [issue] = [i for i in err.value.issues if "does not speak" in i.message]
    assert "fr" in issue.hint


@pytest.mark.parametrize(("value", "words"), [
    ('"La RPDC\\a et Cuba"', "control character (code 7)"),
    ('"' + "x" * 400 + '"', "at most 300"),
    ('"   "', "the translation is empty")])
def test_a_translation_that_cannot_be_shown_is_refused_at_its_line(value, words):
    text = with_translations(f"\ntranslations:\n  fr:\n    sides.opposition.name: {value}\n")
    with pytest.raises(ScenarioError) as err:
        load_text(text, "case.yaml", folder=DPRK.parent)
    [issue] = [i for i in err.value.issues if words in i.message]
    assert issue.line == text.count("\n", 0, text.index("sides.opposition.name")) + 1


def test_a_written_text_with_a_control_character_is_refused_too():
    text = DPRK.read_text(encoding="utf-8").replace(
        'name: "The DPRK and Cuba"', 'name: "The DPRK\\0 and Cuba"', 1)
    with pytest.raises(ScenarioError) as err:
        load_text(text, "case.yaml", folder=DPRK.parent)
    assert any("control character (code 0)" in i.message for i in err.value.issues)


def test_a_translation_into_english_says_the_file_is_already_english():
    text = with_translations('\ntranslations:\n  en:\n    title: "Title"\n')
    with pytest.raises(ScenarioError) as err:
        load_text(text, "case.yaml", folder=DPRK.parent)
    assert any("the file itself is written in 'en'" in i.message for i in err.value.issues)
