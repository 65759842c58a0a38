"""``python main.py play``: from the command line to a running window.

Reads the window size (at least 1280x720) and the decision file (its seed, digest and
scenario), checks and repairs the decision list by replaying it, makes the Game of the chosen
scenario (``GameMaker``, again when the title screen picks another one: the session file, or
an unsaved game when the default folder cannot be written), hands the window everything it
needs (``game.ui.launch.run_window``) and says on stderr how it went. The window itself
imports nothing from here.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import i18n
from ..bots import BOTS
from ..decisions import Decision
from ..replay import LoadedDecisions, default_path, sessions_folder
from ..review import Comparison, Review
from ..rules.pace import check_pace
from ..scenario import Scenario
from ..session import Session
from ..ui.controller import Game
from ..ui.launch import NoWindow, run_window
from ..ui.levels import DEFAULT_OPPONENT
from ..ui.style import MAX_SIZE, MIN_SIZE
from ..ui.teams import TeamSetup, team_setup
from . import crashreport
from .common import SCENARIO_DIR, describe, load_or_report
from .resume import CannotResume, Unfinished, branch_game, resume_game, unfinished
from .reviewing import Saved, compare_files, open_review, recent
from .verify import read_or_report, recorded_case, replay, scenario_allowed

DEFAULT_SEED = 2014
#: Seed of a decision file that records none (what ``simulate`` and ``replay`` assume).
UNRECORDED_SEED = 0


def say(line: str) -> None:
    """One line for the user on stderr, named after the command."""
    print(f"play: {line}", file=sys.stderr)


def write_crash_report(exc: BaseException) -> Path | None:
    """The window's crash report: the command line's (``crashreport``), for this command."""
    return crashreport.write_report(exc, sys.argv[1:])


def parse_window(text: str | None) -> tuple[tuple[int, int], str | None]:
    """'1280x720' -> ((1280, 720), None); smaller sizes are raised to 1280x720 and larger ones
    lowered to 3840x2160, with a note.

    Raises ValueError with a readable message when the text is not WIDTHxHEIGHT.
    """
    try:
        w, h = (int(x) for x in (text or "1280x720").lower().split("x"))
    except ValueError:
        raise ValueError(f"--window expects WIDTHxHEIGHT, e.g. 1280x720; got {text!r}") from None
    size = (min(max(w, MIN_SIZE[0]), MAX_SIZE[0]), min(max(h, MIN_SIZE[1]), MAX_SIZE[1]))
    if size == (w, h):
        return size, None
    which = "smaller than the game's minimum" if w < MIN_SIZE[0] or h < MIN_SIZE[1] else \
        f"larger than the game's largest ({MAX_SIZE[0]}x{MAX_SIZE[1]})"
    return size, f"--window {w}x{h} is {which}; opening {size[0]}x{size[1]}"


class GameMaker:
    """Makes the Game of a scenario; the title screen asks again when the player picks another
    case, side or opponent, or plays again (a ``game.ui.app.GameFactory``).

    ``script`` is the decision list to play (already checked and repaired), ``notes`` what
    was done to it; only the first game made plays it (a game played again is the player's
    own). ``side`` and ``opponent`` are the choices the first game starts with. When the
    default session folder cannot be written the game is played unsaved (a warning on stderr,
    a note on screen); a --session-file that cannot be written raises OSError.
    """

    #: The opponents a game can be played against (the title screen offers those it knows).
    levels: tuple[str, ...] = tuple(BOTS)

    def __init__(self, seed: int, session_file: str | None = None,
                 script: list[Decision] | None = None, script_name: str | None = None,
                 notes: list[str] | None = None, *, side: str = "sponsors",
                 opponent: str = DEFAULT_OPPONENT, allow_changed: bool = False,
                 setup: TeamSetup | None = None) -> None:
        self.seed, self.session_file = seed, session_file
        #: Who plays each side (teams or the bot), the rounds and the timer of the next game.
        self.setup = setup or TeamSetup()
        self.allow_changed = allow_changed
        self.script, self.script_name = script, script_name
        self.notes = notes or []
        self.side, self.opponent = side, opponent

    def __call__(self, scenario: Scenario, side: str | None = None,
                 opponent: str | None = None, *, setup: TeamSetup | None = None) -> Game:
        """A new Game of ``scenario`` (the player on ``side``, against ``opponent``, with the
        teams, rounds and timer of ``setup``; by default the choices given at the start),
        saved to the session file (unsaved if that fails)."""
        side = side or self.side
        level = opponent or self.opponent
        self.setup = setup = setup or self.setup
        script, self.script = self.script, None
        bot = None if script is not None or setup.two_teams else level
        teams = setup.teams if script is None else ()
        if len(teams) == 1:
            side = teams[0]
        pace: dict = {"teams": teams, "rounds": setup.rounds, "timer": setup.timer}
        path = self.session_file or default_path(scenario.id, self.seed)
        unsaved = None
        try:
            session = Session(scenario, self.seed, side=side, opponent=bot, session_file=path,
                              **pace)
        except OSError as exc:
            if self.session_file:
                raise
            unsaved = f"cannot write to {Path(path).parent} ({describe(exc)})"
            say(f"WARNING: this game is not being saved: {unsaved}")
            session = Session(scenario, self.seed, side=side, opponent=bot, **pace)
        game = Game(session, script, script_name=self.script_name, level=level)
        game.unsaved = unsaved
        if script is not None:
            game.script_notes = [n for n in self.notes if not n.startswith("stop: ")]
            game.stopped_at = next((n.removeprefix("stop: ") for n in self.notes
                                    if n.startswith("stop: ")), None)
        return game

    def discard(self, game: Game) -> None:
        """Close a game the player left on the title screen (a game with no decision left
        no file: the session file is made at the first decision)."""
        game.session.close()

    def resume(self, path: str | Path) -> Game:
        """The unfinished game saved in ``path``, continued where it stopped and saving on
        into the same file. Raises CannotResume (a ValueError) with the reason."""
        game, notes = resume_game(path, allow_changed=self.allow_changed)
        for note in notes:
            say(f"{path}: {note}")
        game.script_notes = [f"Continued from {Path(path).name}: {len(game.session.decisions)} "
                             "decisions replayed and verified.",
                             *(note[0].upper() + note[1:] for note in notes)]
        return game

    def branch(self, path: str | Path, step: int, new_path: str | None = None) -> Game:
        """What if: a new game from the first ``step`` decisions of the one in ``path``,
        saved to ``new_path`` (default: a new file in the sessions folder)."""
        game, notes = branch_game(path, step, new_path, allow_changed=self.allow_changed)
        game.script_notes = [f"What if: the first {step} decisions of {Path(path).name}, "
                             "then your own.", *notes]
        return game

    def unfinished(self) -> list[Unfinished]:
        """The recent unfinished games in the sessions folder, newest first."""
        return unfinished(sessions_folder())

    def recent(self) -> list[Saved]:
        """The recent games in the sessions folder, finished or not, newest first."""
        return recent(sessions_folder())

    def review(self, path: str | Path) -> Review:
        """The game saved in ``path``, replayed to be read step by step. Raises CannotResume
        (a ValueError) with the reason."""
        return open_review(path, allow_changed=self.allow_changed)

    def compare(self, a: str | Path, b: str | Path) -> Comparison:
        """Two saved games side by side. Raises ValueError with the reason."""
        return compare_files(a, b, allow_changed=self.allow_changed)


def read_decisions(path: str) -> LoadedDecisions | None:
    """The decision file, its problems printed; None (after a message) if unreadable."""
    return read_or_report(path, lambda line: say(line))


def choose_seed(args: argparse.Namespace, loaded: LoadedDecisions | None) -> int:
    """--seed, else the seed recorded in the decision file, else the default."""
    if loaded is None:
        return DEFAULT_SEED if args.seed is None else args.seed
    if args.seed is None:
        if loaded.seed is None:
            say(f"{args.decisions} records no seed; using seed {UNRECORDED_SEED}, as "
                "simulate and replay do")
            return UNRECORDED_SEED
        return loaded.seed
    if loaded.seed is not None and loaded.seed != args.seed:
        say(f"{args.decisions} was recorded with seed {loaded.seed}; playing it with "
            f"--seed {args.seed}: the ballots will differ")
    return args.seed


def checked_script(scenario: Scenario, loaded: LoadedDecisions, seed: int,
                   name: str) -> tuple[list[Decision], list[str]]:
    """The decision list replayed first (``verify.replay``), up to the first decision that is
    illegal or (with the recorded seed) does not prove its digest. Returns the decisions to
    play and the lines for the screen (a last ``stop: WHERE: WHY`` when the list ends before
    the game because the rest cannot be trusted); every problem is printed."""
    result = replay(scenario, loaded, seed, strict=seed == loaded.seed)
    for note in result.notes():
        say(f"{name}: {note}")
    shown = []
    if result.unused:
        shown.append(f"{result.unused} decision(s) in {Path(name).name} come after the end of "
                     "the game and are ignored.")
    stop = result.stopped or loaded.stopped
    if stop is not None and not result.session.state.finished:
        shown.append(f"stop: {stop.message}")
    return list(result.session.decisions), shown


def find_scenario(args: argparse.Namespace, loaded: LoadedDecisions | None) -> Scenario | None:
    """The scenario given, else the one a decision file names (shipped, or beside the file),
    else the default case; None after a message."""
    if args.scenario or loaded is None or not loaded.scenario:
        return load_or_report(args.scenario)
    name = recorded_case(args.decisions, loaded.scenario)
    if name is None:
        say(f"{args.decisions} was recorded on scenario {loaded.scenario!r}, which is "
            f"neither in {SCENARIO_DIR} nor beside the file; give the scenario file as well")
        return None
    return load_or_report(name)


def report_replay(game: Game, loaded: LoadedDecisions, name: str) -> None:
    """Warn when the decision list did not reach the state it recorded."""
    if loaded.digest and game.end_digest and game.end_digest != loaded.digest:
        say(f"WARNING: the game played from {name} does not end in the state the file "
            "recorded (another seed, scenario version or rules); the votes may differ from "
            "the recording")


def choose_setup(args: argparse.Namespace) -> TeamSetup | None:
    """Who plays each side (``--teams``, ``--sponsors``, ``--opposition``: team or bot), the
    rounds and the timer; None after a message when they contradict each other."""
    sponsors, opposition = getattr(args, "sponsors", None), getattr(args, "opposition", None)
    if getattr(args, "teams", False):
        if "bot" in (sponsors, opposition):
            say("--teams puts a team on each side; leave out --sponsors bot / --opposition bot")
            return None
        sponsors = opposition = "team"
    if sponsors == opposition == "bot":
        say("--sponsors bot --opposition bot leaves nobody to play; to watch the bots, use "
            "--bot LEVEL --autoplay")
        return None
    if "team" in (sponsors, opposition) and args.decisions:
        say("--decisions plays a recorded game; leave out the teams")
        return None
    team = sponsors == "team" or opposition == "team"
    setup = team_setup(sponsors or "bot", opposition or "bot", getattr(args, "rounds", None),
                       getattr(args, "timer", None))
    if not team:
        setup = TeamSetup((), setup.rounds, setup.timer)
    try:
        check_pace(setup.rounds, setup.timer)
    except ValueError as exc:
        say(str(exc))
        return None
    if len(setup.teams) == 1 and args.side and args.side != setup.teams[0]:
        say(f"the {setup.teams[0]} are played by a team: --side {args.side} is ignored")
    return setup


def run(args: argparse.Namespace) -> int:
    """Open the window (or drive it headless with --autoplay), speaking ``--lang`` (else the
    environment's language if the game speaks it, else English). Returns the exit code."""
    lang = getattr(args, "lang", None) or i18n.from_environment()
    try:
        i18n.catalogue(lang)
    except i18n.UnknownLanguage as exc:
        say(f"{exc}; playing in English")
        lang = i18n.SOURCE
    with i18n.using(lang):
        return run_in_language(args)


def run_in_language(args: argparse.Namespace) -> int:
    """``run`` once the language is set."""
    try:
        size, note = parse_window(args.window)
    except ValueError as exc:
        say(str(exc))
        return 1
    if note:
        say(note)
    if getattr(args, "view", None):
        return run_view(args, size)
    if getattr(args, "resume", None) or getattr(args, "branch", None):
        return run_resumed(args, size)
    if getattr(args, "at", None) is not None:
        say("--at N goes with --branch FILE: the number of FILE's decisions a what-if keeps")
        return 1
    loaded = read_decisions(args.decisions) if args.decisions else None
    if args.decisions and loaded is None:
        return 1
    scenario = find_scenario(args, loaded)
    if scenario is None or loaded is not None and not scenario_allowed(
            args.decisions, loaded, scenario, args.allow_changed_scenario, say):
        return 1
    seed = choose_seed(args, loaded)
    script, notes = (checked_script(scenario, loaded, seed, args.decisions) if loaded
                     else (None, []))
    setup = choose_setup(args)
    if setup is None:
        return 1
    maker = GameMaker(seed, args.session_file, script, args.decisions, notes,
                      side=args.side or "sponsors", opponent=args.opponent or DEFAULT_OPPONENT,
                      allow_changed=args.allow_changed_scenario, setup=setup)
    try:
        game = maker(scenario)
    except OSError as exc:
        say(f"cannot save the game to {args.session_file}: {describe(exc)}")
        return 1
    code = play_window(args, size, game, maker, loaded)
    damage = loaded.stopped if loaded is not None else None
    stop = next((n.removeprefix("stop: ") for n in notes if n.startswith("stop: ")), None)
    if loaded is not None and code == 0 and (loaded.problems or stop):
        where = (stop or (damage.message if damage else loaded.problems[0])).split(":")[0]
        say(f"{args.decisions} could not be played to its end (it stops at {where}): only "
            f"the {len(script or [])} decision(s) before that were played from it; exit code 1")
        return 1
    return code


def run_resumed(args: argparse.Namespace, size: tuple[int, int]) -> int:
    """``play --resume FILE`` (the game saved in FILE, continued into it) or ``play --branch
    FILE --at N`` (a new game from FILE's first N decisions), in the window."""
    given = ["scenario", "seed", "side", "opponent", "decisions"]
    if args.resume:                    # a resumed game goes on in its own file
        given += ["session_file", "branch", "at"]
    clash = [f"the scenario {args.scenario}" if name == "scenario" else
             f"--{name.replace('_', '-')}" for name in given
             if getattr(args, name, None) is not None]
    if clash or args.branch and args.at is None:
        what = "--resume continues" if args.resume else "--branch --at N starts from"
        say(f"{what} the game saved in {args.resume or args.branch} with its own case, seed, "
            "side and opponent; " + (f"leave out {', '.join(clash)}" if clash else
                                     "give --at N with --branch FILE"))
        return 1
    maker = GameMaker(DEFAULT_SEED, allow_changed=args.allow_changed_scenario)
    try:
        game = maker.resume(args.resume) if args.resume else maker.branch(
            args.branch, args.at, args.session_file)
    except CannotResume as exc:
        say(str(exc))
        return 1
    maker.seed, maker.side = game.session.seed, game.side
    maker.opponent = game.level or DEFAULT_OPPONENT
    session = game.session
    maker.setup = TeamSetup(session.teams, session.rounds, session.timer)
    return play_window(args, size, game, maker, None)


def run_view(args: argparse.Namespace, size: tuple[int, int]) -> int:
    """``play --view FILE``: the window opens on the replay viewer of the game in FILE."""
    clash = [f"--{name}" for name in ("resume", "branch", "decisions")
             if getattr(args, name, None) is not None]
    if clash:
        say(f"--view reviews the game saved in {args.view}; leave out {', '.join(clash)}")
        return 1
    maker = GameMaker(DEFAULT_SEED, args.session_file,
                      allow_changed=args.allow_changed_scenario)
    try:
        review = maker.review(args.view)
    except CannotResume as exc:
        say(str(exc))
        return 1
    for note in [review.stopped, *review.notes]:
        if note:
            say(f"{args.view}: {note}")
    session = review.session
    maker.seed, maker.side = session.seed, session.side
    maker.opponent = review.header.get("opponent") or DEFAULT_OPPONENT
    if maker.opponent not in BOTS:
        maker.opponent = DEFAULT_OPPONENT
    try:
        game = maker(session.scenario)
    except OSError as exc:
        say(f"cannot save a game to {args.session_file}: {describe(exc)}")
        return 1
    return play_window(args, size, game, maker, None, start=("review", {"review": review}))


def play_window(args: argparse.Namespace, size: tuple[int, int], game: Game,
                maker: GameMaker, loaded: LoadedDecisions | None,
                start: tuple[str, dict] | None = None) -> int:
    """Run the window on ``game`` and say how it went. The exit code."""
    if args.autoplay and not (args.bot or args.decisions):
        args.bot = "greedy"
    try:
        code, game = run_window(game, size, maker=maker, screenshots=args.screenshots,
                                bot=args.bot, scripted=bool(args.decisions),
                                autoplay=bool(args.autoplay), write_report=write_crash_report,
                                say=say, fullscreen=bool(getattr(args, "fullscreen", False)),
                                palette=("high_contrast" if getattr(args, "high_contrast", False)
                                         else "default"), start=start,
                                still=bool(getattr(args, "still", False)),
                                sound=not getattr(args, "no_sound", False))
    except NoWindow as exc:
        say(f"cannot open a window ({exc}); without a screen, add --autoplay "
            "(or set SDL_VIDEODRIVER=dummy)")
        game.session.close()
        return 1
    if loaded is not None:
        report_replay(game, loaded, args.decisions)
    writer = game.session.writer
    if writer and writer.backup:
        say(f"an earlier game at {writer.path} was kept as {writer.backup}")
    if writer and writer.error:
        say(writer.error)
    if writer and writer.written:
        print(f"Session saved to {writer.path}", file=sys.stderr)
    elif writer:
        say("no decision was made: nothing was saved")
    return code
