"""Test set-up: headless SDL, the two test tiers, hypothesis profiles and shared fixtures.

Two tiers (the ``slow`` marker is registered in pyproject.toml; ``addopts`` has
``-m "not slow"``):

* ``python -m pytest`` -- the fast tier, the README's command: everything not marked ``slow``;
  property tests run under the ``fast`` hypothesis profile (a tenth of their examples).
* ``python -m pytest -m slow`` -- the slow tier: tests that start a subprocess, play a whole
  game through the screens, and every property test again under the ``full`` profile (all
  its examples).
* ``python -m pytest -m ""`` -- everything, property tests under the ``full`` profile.

The hypothesis profile follows the marker expression: ``full`` when it selects ``slow`` tests
(``-m slow``, ``-m ""``), else ``fast``. The environment variable ``PLENARY_HYPOTHESIS``
(``fast`` or ``full``) overrides that, and hypothesis's own ``--hypothesis-profile`` overrides
both. Under the ``full`` profile every property test is marked ``slow`` as it is collected, so
the full fuzz belongs to the slow tier; under ``fast`` they all run in the fast tier.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import is_hypothesis_test, settings

from game import i18n

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]

# Both profiles: no deadline (a loaded 2-core CI machine makes per-example deadlines flaky).
# ``fast`` is derandomized so the default tier is the same on every run; tests that name
# their own budget get a tenth of it through ``helpers.examples``.
settings.register_profile("fast", max_examples=10, deadline=None, derandomize=True)
settings.register_profile("full", max_examples=100, deadline=None, print_blob=True)


def selects_slow(markexpr: str) -> bool:
    """Whether ``-m markexpr`` would run a test marked only ``slow`` (an empty one runs all)."""
    if not markexpr.strip():
        return True
    try:
        from _pytest.mark.expression import Expression
    except ImportError:                           # pytest moved it: a plain reading
        return "slow" in markexpr and "not slow" not in markexpr

    def only_slow(name: str, /, **kwargs: str | int | bool | None) -> bool:
        return name == "slow"

    return Expression.compile(markexpr).evaluate(only_slow)


def hypothesis_profile(config: pytest.Config) -> str:
    """The profile this run uses (see the module docstring for the order of precedence)."""
    if config.getoption("hypothesis_profile", None):
        return config.getoption("hypothesis_profile")
    chosen = os.environ.get("PLENARY_HYPOTHESIS", "").strip()
    if chosen:
        return chosen
    return "full" if selects_slow(config.getoption("markexpr", "") or "") else "fast"


def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile(hypothesis_profile(config))


def pytest_report_header(config: pytest.Config) -> str:
    return f"hypothesis profile: {settings.get_current_profile_name()}"


@pytest.hookimpl(tryfirst=True)                  # before -m deselects anything
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if settings.get_current_profile_name() != "full":
        return
    for item in items:
        if is_hypothesis_test(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.slow)


#: The user folders platformdirs reads on Linux: data (sessions), state (crash reports in
#: its log folder), cache and configuration (preferences).
USER_FOLDERS = ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")


@pytest.fixture(autouse=True)
def user_data_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test (and every game it starts) saves sessions, crash reports, caches and
    preferences in folders of its own, never in the user's (platformdirs reads the XDG
    variables on Linux). The data folder is returned."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    for name in USER_FOLDERS[1:]:
        monkeypatch.setenv(name, str(folder.parent / f"{folder.name}-{name.lower()}"))
    return folder


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch):
    """Every test starts in English, whatever the machine's locale (a game started by the
    test reads LANGUAGE first), and a test that switches language cannot leave it switched
    for the next one."""
    monkeypatch.setenv("LANGUAGE", "en")
    with i18n.using("en"):
        yield


@dataclass(frozen=True)
class Run:
    """What one command-line call gave: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Call the command line in this process, from the project folder as the README does.

    ``cli("forecast", "dprk_2014", "--json", check=True)`` runs ``game.cli.main`` on those
    arguments and returns a :class:`Run`, like ``subprocess.run(["python", "main.py", ...])``
    would, without the second or so an interpreter takes to start and import numpy and scipy.
    ``check=True`` asserts the exit code is 0.
    """
    from game.cli import main

    monkeypatch.chdir(ROOT)

    def run(*args: str, check: bool = False) -> Run:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:                 # as the process would end
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        if check:
            assert code == 0, err
        return Run(code, out, err)

    return run
