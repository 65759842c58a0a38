"""Rules of the codebase that a reader cannot see from one file, checked on its import graph.

The graph is built with :mod:`ast` from every ``.py`` file under ``game/``; nothing is
imported, so a broken module still gets its layering checked. An edge is one import statement:
``import a.b``, ``from a import b`` (to the module ``a.b`` when that is a module of the tree,
else to ``a``) and relative imports, resolved against the importing file's package
(``from ..rules import x`` in ``game/ui/app.py`` is ``game.rules``).

*Every* import statement counts, wherever it stands: at the top of the file, inside a function
(a lazy import still makes the layer depend on the one it reaches), under ``try`` and under
``if TYPE_CHECKING:``. A type-only import does not run, but it still says that one layer knows
the other's types -- a layering fact, so it counts for the layer rules and for cycles alike.
Only the imports the tree can see count: ``importlib.import_module`` with a literal name is
followed too, a computed name is not.

Layers, the lowest first (a layer imports only from the ones before it; the single modules
``game.decisions``, ``game.procedure``, ``game.state``, ``game.vocabulary`` are plain data and
vocabulary that any layer may use, and ``game.i18n`` the catalogue every layer's words go
through):

* ``game.scenario`` and ``game.votes`` -- the case files and the vote model;
* ``game.rules`` -- what a decision does;
* ``game.session`` (with ``game.lookups``, its read-only questions), ``game.bots``,
  ``game.replay`` -- a game being played and recorded;
* ``game.ui`` -- the window: it reaches the game only through ``game.session`` (plus the data
  modules, ``game.scenario`` and ``game.replay``), so it never imports the rules, the model or
  the bots, and it never imports the command line;
* ``game.cli`` -- the command line, which may start the window.
"""
from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"

#: Names under ``numpy.random`` that do not touch the global random state.
NUMPY_RANDOM_OK = frozenset({"default_rng", "Generator", "BitGenerator", "SeedSequence",
                             "PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"})


# --- the graph -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Import:
    """One import statement's edge: ``source`` (a module of the tree) imports ``target``."""

    source: str
    target: str
    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.source} imports {self.target}"


@dataclass(frozen=True)
class Module:
    """A ``.py`` file of the tree and its dotted name (``__init__.py`` is the package)."""

    name: str
    path: Path
    is_package: bool


def modules(root: Path) -> dict[str, Module]:
    """Every module under the package folder ``root`` (``root.name`` is the top package)."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        out[name] = Module(name, path, is_package)
    return out


def absolute(module: Module, level: int, name: str | None) -> str:
    """The absolute name of ``from <level dots><name> import ...`` written in ``module``."""
    if level == 0:
        return name or ""
    package = module.name.split(".") if module.is_package else module.name.split(".")[:-1]
    if level - 1 >= len(package):
        raise ValueError(f"{module.path}: relative import beyond the top package")
    base = package[:len(package) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def _targets(node: ast.AST, module: Module, known: dict[str, Module]) -> Iterator[str]:
    """The modules one AST node imports (none if it is not an import or a literal
    ``importlib.import_module``)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
    elif isinstance(node, ast.ImportFrom):
        base = absolute(module, node.level, node.module)
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            yield sub if sub in known else base
    elif (isinstance(node, ast.Call) and node.args
          and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
          and dotted(node.func) in ("importlib.import_module", "import_module", "__import__")):
        yield node.args[0].value


def import_graph(root: Path) -> list[Import]:
    """Every import under ``root``, wherever it stands in its file (one per statement and
    target: ``from x import a, b`` of two names in the module ``x`` is one edge)."""
    known = modules(root)
    edges = []
    for module in known.values():
        tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
        for node in ast.walk(tree):
            line = getattr(node, "lineno", 0)        # every node that imports has one
            for target in _targets(node, module, known):
                edges.append(Import(module.name, target, module.path.relative_to(root.parent),
                                    line))
    return sorted(set(edges), key=lambda e: (str(e.path), e.line, e.target))


def within(name: str, prefix: str) -> bool:
    """Whether the module ``name`` is ``prefix`` or inside it."""
    return name == prefix or name.startswith(prefix + ".")


def forbidden(edges: Iterable[Import], source: str, targets: Iterable[str]) -> list[str]:
    """The imports from inside ``source`` of anything inside one of ``targets``."""
    targets = tuple(targets)
    return [str(e) for e in edges
            if within(e.source, source) and any(within(e.target, t) for t in targets)]


def unit(name: str, top: str) -> str | None:
    """The top-level package or module of ``top`` that ``name`` belongs to (``game.ui``)."""
    parts = name.split(".")
    if parts[0] != top or len(parts) < 2:
        return None
    return ".".join(parts[:2])


def unit_graph(edges: Iterable[Import], top: str) -> dict[str, dict[str, list[Import]]]:
    """Edges between the top-level units of ``top`` (imports inside one unit left out)."""
    graph: dict[str, dict[str, list[Import]]] = defaultdict(lambda: defaultdict(list))
    for e in edges:
        a, b = unit(e.source, top), unit(e.target, top)
        if a and b and a != b:
            graph[a][b].append(e)
    return graph


def strongly_connected(graph: dict[str, dict[str, list[Import]]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one node, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    nodes = set(graph) | {w for targets in graph.values() for w in targets}
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return sorted(found)


def cycle_in(component: list[str], graph: dict[str, dict[str, list[Import]]]) -> list[str]:
    """One cycle through the component's first node, as a path that ends where it starts."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    todo = [start]
    while todo:                                  # breadth first: the shortest way back
        v = todo.pop(0)
        for w in sorted(graph[v]):
            if w == start:
                return paths[v] + [start]
            if w in members and w not in paths:
                paths[w] = paths[v] + [w]
                todo.append(w)
    raise AssertionError(f"{component} is not strongly connected")


def cycles(edges: Iterable[Import], top: str) -> list[str]:
    """Each import cycle between the top-level units of ``top``, with an import per step."""
    graph = unit_graph(edges, top)
    out = []
    for component in strongly_connected(graph):
        path = cycle_in(component, graph)
        steps = [f"  {graph[a][b][0]}" for a, b in zip(path, path[1:], strict=False)]
        out.append(" -> ".join(path) + f" (component: {', '.join(component)})\n"
                   + "\n".join(steps))
    return out


def dotted(node: ast.AST) -> str | None:
    """``a.b.c`` for a chain of attribute lookups on a name, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def global_random_uses(root: Path) -> list[str]:
    """Uses of the interpreter's or numpy's global random state (``random``, ``np.random.seed``).

    Names are resolved through the file's imports (``import numpy as np``, ``from numpy import
    random``), so an alias does not hide a use. Only ``numpy.random`` names in
    ``NUMPY_RANDOM_OK`` (generators and their parts) may be used.
    """
    bad = []
    for module in modules(root).values():
        rel = module.path.relative_to(root.parent)
        tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else \
                        a.name.split(".")[0]
                    if within(a.name, "random"):
                        bad.append(f"{rel}:{node.lineno}: import {a.name}")
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                for a in node.names:
                    full = f"{node.module}.{a.name}"
                    aliases[a.asname or a.name] = full
                    if within(node.module, "random") or _global_numpy_random(full):
                        bad.append(f"{rel}:{node.lineno}: from {node.module} import {a.name}")
        for node in ast.walk(tree):
            name = dotted(node) if isinstance(node, ast.Attribute) else None
            if name is None or not isinstance(node, ast.Attribute):
                continue
            head, _, rest = name.partition(".")
            full = f"{aliases.get(head, head)}.{rest}"
            if _global_numpy_random(full):
                bad.append(f"{rel}:{node.lineno}: {name}")
    return sorted(set(bad))


def _global_numpy_random(full: str) -> bool:
    """Whether ``full`` names something in ``numpy.random`` that uses the global state."""
    parts = full.split(".")
    return parts[:2] == ["numpy", "random"] and len(parts) > 2 and parts[2] not in NUMPY_RANDOM_OK


@pytest.fixture(scope="module")
def graph() -> list[Import]:
    return import_graph(GAME)


# --- the rules -----------------------------------------------------------------------------

@pytest.mark.slow
def test_nothing_outside_game_ui_imports_pygame(graph):
    offenders = [str(e) for e in graph if not within(e.source, "game.ui")
                 and any(within(e.target, t) for t in ("pygame", "pygame_gui"))]
    assert not offenders, "\n".join(offenders)


@pytest.mark.slow
def test_no_module_uses_global_random_state():
    offenders = global_random_uses(GAME)
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("target", ["game.rules", "game.votes", "game.bots", "game.cli"])
def test_the_ui_reaches_the_game_only_through_the_session(graph, target):
    offenders = forbidden(graph, "game.ui", [target])
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("layer", ["game.votes", "game.scenario"])
def test_the_model_and_the_scenarios_import_no_layer_above_them(graph, layer):
    above = ["game.rules", "game.session", "game.lookups", "game.bots", "game.replay",
             "game.cli", "game.ui"]
    offenders = forbidden(graph, layer, above)
    assert not offenders, "\n".join(offenders)


def test_the_rules_import_no_layer_above_them(graph):
    above = ["game.session", "game.lookups", "game.bots", "game.cli", "game.ui", "game.replay"]
    offenders = forbidden(graph, "game.rules", above)
    assert not offenders, "\n".join(offenders)


def test_there_is_no_import_cycle_between_the_packages_of_game(graph):
    found = cycles(graph, "game")
    assert not found, "import cycles between packages:\n" + "\n".join(found)


def test_the_graph_sees_the_imports_the_rules_are_about(graph):
    """The layer rules pass vacuously on an empty or misread graph; this one would not."""
    pairs = {(unit(e.source, "game"), unit(e.target, "game")) for e in graph}
    assert ("game.cli", "game.ui") in pairs               # the command line starts the window
    assert ("game.rules", "game.votes") in pairs
    assert ("game.ui", "game.session") in pairs
    assert any(within(e.target, "pygame") for e in graph)


# --- the checker itself --------------------------------------------------------------------

def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "game"


def test_the_checker_finds_a_cycle_and_a_forbidden_import_in_a_synthetic_tree(tmp_path):
    root = write_tree(tmp_path, {
        "game/__init__.py": "",
        "game/state.py": "",
        "game/rules/__init__.py": "from ..votes import model\n",
        "game/votes/__init__.py": "",
        "game/votes/model.py": ("from typing import TYPE_CHECKING\n"
                                "if TYPE_CHECKING:\n"
                                "    from ..rules import World\n"),
        "game/ui/__init__.py": "",
        "game/ui/scenes/__init__.py": "",
        "game/ui/scenes/floor.py": ("from ... import state\n"
                                    "def later():\n"
                                    "    from ...rules import apply\n"),
    })
    edges = import_graph(root)
    assert [(e.source, e.target) for e in edges] == [
        ("game.rules", "game.votes.model"), ("game.ui.scenes.floor", "game.state"),
        ("game.ui.scenes.floor", "game.rules"), ("game.votes.model", "typing"),
        ("game.votes.model", "game.rules")]
    assert forbidden(edges, "game.ui", ["game.rules"]) == [
        "game/ui/scenes/floor.py:3: game.ui.scenes.floor imports game.rules"]
    assert forbidden(edges, "game.votes", ["game.rules"]) == [
        "game/votes/model.py:3: game.votes.model imports game.rules"]
    found = cycles(edges, "game")
    assert len(found) == 1
    assert found[0].startswith("game.rules -> game.votes -> game.rules")
    assert "game/votes/model.py:3" in found[0] and "game/rules/__init__.py:1" in found[0]


def test_the_checker_finds_a_longer_cycle_and_none_in_a_layered_tree(tmp_path):
    root = write_tree(tmp_path, {
        "game/__init__.py": "",
        "game/a.py": "import game.b\n",
        "game/b.py": "from game import c\n",
        "game/c.py": "import importlib\nimportlib.import_module('game.a')\n",
        "game/d.py": "from . import a\n",
    })
    edges = import_graph(root)
    found = cycles(edges, "game")
    assert len(found) == 1 and found[0].startswith("game.a -> game.b -> game.c -> game.a")
    (tmp_path / "game" / "c.py").write_text("", encoding="utf-8")
    assert cycles(import_graph(root), "game") == []


def test_the_checker_finds_pygame_and_global_random_state_through_aliases(tmp_path):
    root = write_tree(tmp_path, {
        "game/__init__.py": "",
        "game/ok.py": ("import numpy as np\n"
                       "rng = np.random.default_rng(0)\n"
                       "def f(g: np.random.Generator): ...\n"),
        "game/bad.py": ("import numpy as xp\n"
                        "import random\n"
                        "from numpy.random import shuffle\n"
                        "def f():\n"
                        "    import pygame.font\n"
                        "    xp.random.seed(1)\n"),
    })
    assert global_random_uses(root) == [
        "game/bad.py:2: import random", "game/bad.py:3: from numpy.random import shuffle",
        "game/bad.py:6: xp.random.seed"]
    assert [str(e) for e in import_graph(root) if within(e.target, "pygame")] == [
        "game/bad.py:5: game.bad imports pygame.font"]
