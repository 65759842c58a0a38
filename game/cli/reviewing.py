"""Opening a session file to review it in the window (``play --view FILE`` and the title
screen's "Review a saved game"), and two files to compare there.

The file is read up to its first damaged line and replayed on a fresh game of its scenario
and seed (``game.replay.verify``), each decision proving its recorded digest; the viewer shows
the game up to where the replay stopped and says where and why. A file recorded on another
scenario, or on another version of its scenario, is refused with the reason unless
--allow-changed-scenario.
"""
from __future__ import annotations

from pathlib import Path

from ..replay import verify
from ..replay.reader import replay_pace
from ..replay.recent import Saved, recent
from ..review import Comparison, Review, compare
from ..session import Session
from .resume import CannotResume, read_saved, recorded_scenario
from .verify import player_side

__all__ = ["CannotResume", "open_review", "compare_files", "Saved", "recent"]


def open_review(path: str | Path, *, allow_changed: bool = False) -> Review:
    """The game saved in ``path``, replayed as far as the file is good, to be read step by
    step. Raises CannotResume (a ValueError; ``reason`` in words for the screen) when it
    holds no game at all, names no usable scenario, or its scenario has changed."""
    path = Path(path)
    loaded = read_saved(path)
    if not loaded.scenario:
        raise CannotResume(f"{path}: the file names no scenario (a list of decisions, not a "
                           "saved game)", "play it with --decisions and the case")
    scenario = recorded_scenario(path, loaded, allow_changed)
    session = Session(scenario, int(loaded.seed or 0), side=player_side(loaded), opponent=None,
                      **replay_pace(loaded.header))
    result = verify.replay(session, loaded)
    stop = result.stopped or loaded.stopped
    notes = [n for n in result.notes() if stop is None or n != stop.message]
    if loaded.seed is None:
        notes.append("the file records no seed: replayed with seed 0")
    stopped = None
    if stop is not None:
        stopped = (f"The file is good up to decision {len(session.decisions)}; reading "
                   f"stopped at {stop.message}")
    return Review(session, path, dict(loaded.header), stopped, notes)


def compare_files(a: str | Path, b: str | Path, *, allow_changed: bool = False) -> Comparison:
    """Two session files replayed and set side by side. Raises CannotResume (either cannot
    be read) or ValueError (games of two cases)."""
    first = open_review(a, allow_changed=allow_changed)
    second = open_review(b, allow_changed=allow_changed)
    return compare(first.session, second.session, (first.path, second.path))
