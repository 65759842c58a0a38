"""Fuzzing the scenario loader: whatever a file holds, only ScenarioError comes out.

Scenario files are shared between teachers by e-mail and on forums, so the loader must turn any
input into a list of issues. The shipped scenarios are mutated node by node (a value changed,
deleted, given another type, duplicated) and line by line (tabs, deletions, repeats), and plain
random text is fed in too.

Budgets: ``examples(n)`` is ``n`` under the ``full`` hypothesis profile (the slow tier) and a
tenth under ``fast`` (the default tier); see conftest.
"""
from __future__ import annotations

import copy
import datetime
from functools import cache

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from game.scenario import Scenario, ScenarioError, load_text
from game.scenario.yamlsrc import parse
from helpers import SCENARIOS, examples, shipped_scenarios

FUZZ = settings(max_examples=examples(300), deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@cache
def shipped_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in shipped_scenarios())


@cache
def shipped_data() -> tuple[object, ...]:
    """The shipped scenarios as data, read the way the loader reads them (``no:`` a word)."""
    return tuple(parse(t, "shipped.yaml").data for t in shipped_texts())


def node_paths(data: object, path: tuple = ()) -> list[tuple]:
    """Every path in a data tree, the root included."""
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += node_paths(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += node_paths(value, path + (i,))
    return out


def get(data: object, path: tuple) -> object:
    for part in path:
        data = data[part]
    return data


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.integers(),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(["yes", "no", "NO", "on", "off", "FRA", "XXX", "op_icc", "plenary",
                     "security_council", "un_2014", "../../etc/passwd", "/etc/passwd",
                     "roll_calls/missing.csv", "", "absent", "P5", "none"]),
    st.dates(min_value=datetime.date(1, 1, 1)))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
OPS = ("change", "delete", "retype", "duplicate", "wrap")


def mutate(data: object, op: str, path: tuple, value: object, where: int) -> object:
    """Apply one mutation at ``path`` (the root is replaced only by 'change')."""
    if not path:
        return value if op == "change" else data
    parent, key = get(data, path[:-1]), path[-1]
    node = parent[key]
    if op == "change":
        parent[key] = value
    elif op == "delete":
        del parent[key]
    elif op == "retype":
        parent[key] = (list(node.values()) if isinstance(node, dict) else
                       {"x": node} if isinstance(node, list) else str(node)
                       if not isinstance(node, str) else len(node))
    elif op == "duplicate":
        if isinstance(parent, list):
            parent.insert(where % (len(parent) + 1), copy.deepcopy(node))
        else:
            parent[f"{key}_copy" if where % 2 else key.upper() if isinstance(key, str)
                   else key] = copy.deepcopy(node)
    elif op == "wrap":
        parent[key] = [node]
    return data


def assert_only_scenario_errors(text: str, name: str = "fuzz.yaml") -> None:
    """The loader's contract: a Scenario, or ScenarioError with located, explained issues."""
    try:
        result = load_text(text, name, SCENARIOS)
    except ScenarioError as exc:
        assert exc.issues, "a ScenarioError must list at least one issue"
        for issue in exc.issues:
            assert issue.where != "(internal)", issue.format()
            assert issue.line >= 1 and issue.col >= 1, issue.format()
            assert issue.severity in ("error", "warning")
            assert issue.message
    else:
        assert isinstance(result, Scenario)


@FUZZ
@given(which=st.integers(0, 10), mutations=st.lists(st.tuples(
    st.sampled_from(OPS), st.integers(0, 10**6), values, st.integers(0, 100)),
    min_size=1, max_size=4))
@pytest.mark.slow
def test_mutated_shipped_scenarios_only_ever_raise_scenario_error(which, mutations):
    data = copy.deepcopy(shipped_data()[which % len(shipped_data())])
    for op, pick, value, where in mutations:
        paths = node_paths(data)
        data = mutate(data, op, paths[pick % len(paths)], value, where)
    assert_only_scenario_errors(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


LINE_OPS = ("delete", "repeat", "tab", "dedent", "indent", "insert")


@FUZZ
@given(which=st.integers(0, 10), edits=st.lists(st.tuples(
    st.sampled_from(LINE_OPS), st.integers(0, 10**6), st.text(max_size=12)),
    min_size=1, max_size=5))
def test_shipped_scenarios_with_lines_edited_only_ever_raise_scenario_error(which, edits):
    lines = shipped_texts()[which % len(shipped_texts())].splitlines()
    for op, pick, text in edits:
        i = pick % len(lines)
        if op == "delete":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "tab":
            lines[i] = "\t" + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        else:
            lines.insert(i, text)
    assert_only_scenario_errors("\n".join(lines) + "\n")


@settings(max_examples=examples(500), deadline=None, derandomize=True)
@given(st.text(max_size=300))
def test_random_text_only_ever_raises_scenario_error(text):
    assert_only_scenario_errors(text)


@settings(max_examples=examples(200), deadline=None, derandomize=True)
@given(st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["id", "title", "members", "from", "bodies", "texts", "motions", "stages", "sides",
         "model", "history", "yes", "no", 1, 2.5]), inner, max_size=5)), max_leaves=20))
def test_random_yaml_documents_only_ever_raise_scenario_error(data):
    assert_only_scenario_errors(yaml.safe_dump(data))


@settings(max_examples=examples(80), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(which=st.integers(0, 10), op=st.sampled_from(OPS), pick=st.integers(0, 10**6),
       value=values, where=st.integers(0, 100))
def test_a_mutated_scenario_that_validates_can_be_forecast_and_played(which, op, pick, value,
                                                                       where):
    """Validation is the engine's only guard: whatever passes it must play."""
    from game.cli.modelcmds import simulate
    from game.session import Session

    data = copy.deepcopy(shipped_data()[which % len(shipped_data())])
    paths = node_paths(data)
    data = mutate(data, op, paths[pick % len(paths)], value, where)
    try:
        scenario = load_text(yaml.safe_dump(data, sort_keys=False), "fuzz.yaml", SCENARIOS)
    except ScenarioError:
        return
    session = Session(scenario, 0)
    for motion in scenario.spec.motions:
        session.forecast(motion.id)
    assert simulate(scenario, 1, "random").state.finished
