"""Rules of the codebase that a reader cannot see from one file."""
import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_nothing_outside_game_ui_imports_pygame():
    offenders = [str(p.relative_to(GAME)) for p in GAME.rglob("*.py")
                 if "ui" not in p.relative_to(GAME).parts[:1]
                 and {"pygame", "pygame_gui"} & imported_modules(p)]
    assert offenders == []


def test_no_module_uses_global_random_state():
    bad = []
    for p in GAME.rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        if "np.random.seed(" in text or "import random" in text or "np.random.rand(" in text:
            bad.append(str(p))
    assert bad == []


def test_the_core_does_not_import_the_layers_above_it():
    lower = ["votes", "scenario"]
    for folder in lower:
        for p in (GAME / folder).rglob("*.py"):
            text = p.read_text(encoding="utf-8")
            for upper in ("..rules", "..session", "..ui", "..cli"):
                assert f"from {upper}" not in text, (p, upper)
