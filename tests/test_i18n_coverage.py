"""Every English phrase written in the window's code goes through the catalogue (a phrase a
player reads outside ``_()`` would stay English on a French screen)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"
#: Functions whose string arguments are the catalogue's (or deliberately not words).
MARKERS = {"_", "N_", "ngettext", "pgettext"}
#: Calls whose string arguments are not shown to a player: developers' messages, ids, keys.
NOT_SHOWN = {"ObjectID", "getattr", "setattr", "hasattr", "get", "startswith", "endswith",
             "split", "replace", "join", "format_map", "warn", "debug", "info", "error",
             "exception", "warning", "TypeError", "ValueError", "KeyError", "RuntimeError",
             "AssertionError", "NotImplementedError", "say", "print", "event_name", "Path",
             "environ", "getenv", "re", "compile", "match", "search", "sub", "fullmatch",
             "_say", "filterwarnings", "simplefilter"}
TAG = re.compile(r"<[^>]*>?|\{[^{}]*\}|&[a-z]+;|%[sd]")
WORD = re.compile(r"[A-Za-z]{2,}")


def phrase(text: str) -> bool:
    """English words a player reads: two words or more, with a space between, once tags and
    placeholders go (an id such as 'address_group' or 'theme.json' is not one)."""
    words = TAG.sub(" ", text).strip()
    return " " in words and len(WORD.findall(words)) >= 2


def unmarked(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))                    # docstrings
        if isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(
                f, ast.Attribute) else ""
            if name in MARKERS or name in NOT_SHOWN:
                for sub in ast.walk(node):
                    skip.add(id(sub))
        if isinstance(node, (ast.Raise, ast.Assert)):
            for sub in ast.walk(node):
                skip.add(id(sub))
        if isinstance(node, ast.Dict):                      # keys are ids, not words
            skip.update(id(k) for k in node.keys if k is not None)
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in skip and phrase(node.value):
            line = lines[node.lineno - 1]
            if "i18n: not shown" not in line:
                where = (path.relative_to(GAME.parent) if path.is_relative_to(GAME.parent)
                         else path.name)
                out.append(f"{where}:{node.lineno}: {node.value[:60]!r}")
    return out


def test_every_phrase_in_the_window_code_is_marked_for_the_catalogue():
    """A phrase a player reads that is not in ``_()`` stays English on a French screen; a
    string that is not shown says so with ``# i18n: not shown`` on its line."""
    found = [line for p in sorted((GAME / "ui").rglob("*.py")) for line in unmarked(p)]
    assert not found, f"{len(found)} unmarked:\n" + "\n".join(found)


def test_the_checker_finds_an_unmarked_phrase_and_passes_a_marked_one(tmp_path):
    path = tmp_path / "probe.py"
    path.write_text('from ..i18n import _\nA = "Shown to a player"\nB = _("Marked phrase")\n'
                    'C = "theme_id"\nD = "a line for the terminal"  # i18n: not shown\n',
                    encoding="utf-8")
    found = unmarked(path)
    assert [line.split(": ", 1)[1] for line in found] == ["'Shown to a player'"]


def test_the_opposition_reads_its_lobbying_as_its_own_in_french():
    """words.mine_first turns the model's "your lobbying" round for an opposition player by
    its opening words: the French of each reason must open with the French of those words."""
    from game import i18n
    from game.i18n import _

    with i18n.using("fr"):
        assert _("your lobbying: {argument}, {n}x").startswith(_("your lobbying"))
        assert _("the opposition's lobbying: {argument}, {n}x").startswith(
            _("the opposition's lobbying"))
        assert _("the opposition's lobbying to the {group}: {argument}, {n}x").startswith(
            _("the opposition's lobbying"))
