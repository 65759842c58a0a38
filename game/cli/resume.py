"""Continuing an unfinished game from its session file (``play --resume FILE`` and the title
screen's Continue).

The file's decisions are replayed on a fresh game of its scenario and seed, each proving its
recorded digest, so the game continues exactly where it stopped: the same ballots to come,
the same opponent (the bots decide from the state alone). The session file is then continued
in place: a last line cut off when the game was killed is dropped and new lines are appended
after the good ones. A file that is damaged anywhere else, recorded on another scenario, or
of a game already over is refused with the reason; nothing in it is changed then.
"""
from __future__ import annotations

from pathlib import Path

from ..decisions import DecisionError
from ..replay import (
    MAX_BYTES,
    LoadedDecisions,
    SessionWriter,
    default_path,
    load_decisions,
    verify,
)
from ..replay.reader import pace_of
from ..replay.recent import Unfinished, unfinished
from ..scenario import Scenario, ScenarioError, load
from ..session import SIDES, Session
from ..ui.controller import Game
from ..ui.levels import DEFAULT_OPPONENT
from .common import describe
from .verify import ALLOW_CHANGED, changed_scenario, recorded_case

__all__ = ["CannotResume", "resume_game", "branch_game", "Unfinished", "unfinished"]


class CannotResume(ValueError):
    """The session file cannot be continued. ``reason`` says why in words for the screen;
    the message adds, for the command line, what to type instead (``hint``)."""

    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(f"{reason}; {hint}" if hint else reason)
        self.reason, self.hint = reason, hint


#: The header fields a game cannot be continued without (its players too: another opponent
#: would play another game).
NEEDED = ("seed", "scenario", "sides", "opponent")


def read_saved(path: Path) -> LoadedDecisions:
    """The session file at ``path`` as far as it reads; CannotResume if it cannot be read at
    all (the reason in words)."""
    try:
        return load_decisions(path)
    except OSError as exc:
        raise CannotResume(f"{path}: cannot read the file: {describe(exc)}") from None
    except DecisionError as exc:
        raise CannotResume(f"{path}: {exc}") from None


def _read(path: Path, upto: int | None = None) -> LoadedDecisions:
    loaded = read_saved(path)
    stop = loaded.stopped
    if upto is not None and len(loaded.decisions) >= upto:
        stop = None                    # damage after the branching point does not matter
    if stop is not None and stop.kind != "truncated":
        raise CannotResume(f"{path}: {stop.message}; a damaged file is not continued",
                           f"check it with: python main.py replay {path} --check")
    if loaded.cut and upto is None:
        raise CannotResume(f"{path}: the file is larger than the game reads "
                           f"({MAX_BYTES // 2**20} MB; a whole game takes a few kilobytes): it "
                           "is not continued, so that nothing after what was read is lost; "
                           "nothing in it was changed")
    if not loaded.header:
        raise CannotResume(f"{path}: no session header (a list of decisions, not a saved "
                           "game)", "play it with --decisions")
    if loaded.good_bytes is None:
        raise CannotResume(f"{path}: not saved by the game (UTF-16 text: opened and saved "
                           "again by an editor?)", "play it with --decisions")
    for name in NEEDED:
        if name in loaded.unusable:
            raise CannotResume(f"{path}: {loaded.unusable[name]}; a game whose header is "
                               "damaged is not continued")
    if loaded.seed is None or not loaded.scenario:
        raise CannotResume(f"{path}: the header records no usable seed or scenario")
    return loaded


def _players(loaded: LoadedDecisions, notes: list[str]) -> tuple[str, str | None]:
    """The side the player takes and the opponent's level, as the header records them (no
    level when two teams played both sides)."""
    sides = loaded.header.get("sides")
    level = loaded.header.get("opponent")
    if len(pace_of(loaded.header)["teams"]) == 2:
        return "sponsors", None
    side = sides[0] if isinstance(sides, list) and len(sides) == 1 and sides[0] in SIDES \
        else "sponsors"
    if not isinstance(level, str) or not level:
        why = ("both sides were played from a decision list" if isinstance(sides, list)
               else "the file (format version 1) does not record the opponent")
        notes.append(f"{why}; the {DEFAULT_OPPONENT} bot plays the other side from here")
        level = DEFAULT_OPPONENT
    return side, level


def recorded_scenario(path: Path, loaded: LoadedDecisions, allow_changed: bool) -> Scenario:
    """The scenario a session file was recorded on (shipped, or beside the file). Raises
    CannotResume when there is none, it does not load, or it has changed since (unless
    ``allow_changed``)."""
    name = recorded_case(str(path), str(loaded.scenario))
    if name is None:
        raise CannotResume(f"{path}: recorded on scenario {loaded.scenario!r}, which is "
                           "neither a shipped case nor beside the file")
    try:
        scenario = load(name)
    except ScenarioError as exc:
        raise CannotResume(f"{name}: the scenario does not load ({exc.issues[0].format()})"
                           if exc.issues else f"{name}: the scenario does not load") from None
    changed = changed_scenario(str(path), loaded, scenario)
    if changed and not allow_changed:
        raise CannotResume(f"{changed}; refused", f"add {ALLOW_CHANGED} to read it anyway")
    return scenario


def _session(path: Path, loaded: LoadedDecisions, allow_changed: bool,
             notes: list[str]) -> Session:
    """A fresh game of the file's scenario, seed, side and opponent (nothing applied yet)."""
    scenario = recorded_scenario(path, loaded, allow_changed)
    side, level = _players(loaded, notes)
    return Session(scenario, int(loaded.seed or 0), side=side, opponent=level,
                   **pace_of(loaded.header))


def _replayed(path: Path, loaded: LoadedDecisions, session: Session) -> Session:
    """``session`` with the file's decisions replayed, each proving its digest."""
    result = verify.replay(session, loaded)
    if result.stopped is not None:
        raise CannotResume(f"{path}: {result.stopped.message}; the game cannot be continued")
    if session.state.finished:
        raise CannotResume(f"{path}: this game is over",
                           f"see it with: python main.py replay {path}")
    return session


def resume_game(path: str | Path, *, allow_changed: bool = False) -> tuple[Game, list[str]]:
    """The Game saved in ``path``, replayed to where it stopped and saving on into the same
    file, and notes for the player. Raises CannotResume with the reason."""
    path = Path(path)
    try:
        size = path.stat().st_size        # before reading: a file that grows is not cut
    except OSError:
        size = None
    loaded = _read(path)
    notes = []
    if loaded.stopped is not None:
        notes.append(f"{loaded.stopped.message.split(':')[0]} was cut off when the game "
                     "stopped; it is dropped and the game goes on from the line before")
    session = _replayed(path, loaded, _session(path, loaded, allow_changed, notes))
    try:
        session.writer = SessionWriter(path, loaded.header, resume_at=loaded.good_bytes,
                                       count=len(loaded.decisions), resume_size=size)
    except OSError as exc:
        raise CannotResume(f"{path}: cannot write to the file: {describe(exc)}") from None
    game = Game(session, level=session.level)
    game.recall()
    return game, notes


def branch_game(path: str | Path, step: int, new_path: str | Path | None = None, *,
                allow_changed: bool = False) -> tuple[Game, list[str]]:
    """What if: a new game that makes the first ``step`` decisions of the game saved in
    ``path`` (each proving its digest), then plays on, saved to ``new_path`` (default: a new
    file in the sessions folder) whose header names the parent file and the step. Raises
    CannotResume with the reason (before any file is made)."""
    path = Path(path)
    loaded = _read(path, step)
    if not 0 <= step <= len(loaded.decisions):
        raise CannotResume(f"{path}: --at {step}: the file holds {len(loaded.decisions)} "
                           "good decisions; branch at one of 0 to that")
    for name in ("decisions", "digests", "where", "line_of", "stages"):
        setattr(loaded, name, getattr(loaded, name)[:step])
    notes: list[str] = []
    proof = _session(path, loaded, allow_changed, notes)                    # the proof first
    result = verify.replay(proof, loaded)
    if result.stopped is not None:
        raise CannotResume(f"{path}: {result.stopped.message}; no what-if can start there")
    if proof.state.finished:
        raise CannotResume(f"{path}: --at {step}: the game was over after {step} decisions; "
                           f"branch at one of 0 to {step - 1}")
    session = _session(path, loaded, allow_changed, [])
    new_path = new_path or default_path(session.scenario.id, session.seed)
    if Path(new_path).resolve() == path.resolve():
        raise CannotResume(f"{new_path}: that is the game this what-if branches from; save the "
                           "new game to another file")
    try:
        session.writer = SessionWriter(new_path, session.header_info()
                                       | {"parent": str(path.resolve()), "step": step})
    except OSError as exc:
        raise CannotResume(f"{new_path}: cannot save the game there: {describe(exc)}") from None
    for decision in loaded.decisions:
        session.apply(decision)
    game = Game(session, level=session.level)
    game.recall()
    return game, notes
