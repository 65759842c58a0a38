"""The ``play`` subcommand: the game window (``launch`` reads the command line, game.ui runs
the window; both imported lazily, so pygame only loads for the window)."""
from __future__ import annotations

import argparse

from ..bots import BOTS, LEVELS
from ..i18n import LANGUAGES
from ..rules.pace import MAX_ROUNDS, MAX_TIMER
from ..ui.levels import DEFAULT_OPPONENT, SIDES
from ..ui.teams import DEFAULT_ROUNDS, DEFAULT_TIMER
from .common import FILE_NAME, SCENARIO_NAME, SEED, Subparsers, whole_number
from .verify import add_allow_changed


def register(sub: Subparsers) -> None:
    """Add the ``play`` subcommand to ``sub``."""
    p = sub.add_parser(
        "play", help="open the game window (default)",
        description="Open the game window. Keys: Enter continue, Esc back, F1 glossary; on the "
                    "title Left/Right choose the side, 1-3 the opponent, C a saved game to "
                    "continue and R one to review; on the floor 1-8 "
                    "the actions, L the move log; F11 fullscreen, F10 high contrast; on the "
                    "title T, O and I set the teams, the turns and the timer; P pauses, M "
                    "sound.")
    p.add_argument("scenario", nargs="?", type=SCENARIO_NAME,
                   help="scenario file or id of a shipped case (default: the case a --decisions "
                        "FILE names, else dprk_2014); the title screen lists every case")
    p.add_argument("--seed", type=SEED, default=None,
                   help="random seed of the recorded votes (default: the seed recorded in "
                        "--decisions FILE, 0 if it records none; without a FILE, 2014)")
    p.add_argument("--side", choices=SIDES, default=None,
                   help="the side you play (default: sponsors; the title screen can change "
                        "it); a --bot or --decisions plays this side for you")
    p.add_argument("--opponent", choices=LEVELS, default=None, metavar="LEVEL",
                   help=f"the bot that plays the other side: {', '.join(LEVELS)} "
                        f"(default: {DEFAULT_OPPONENT}; the title screen can change it)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--decisions", metavar="FILE", type=FILE_NAME,
                   help="play the decisions from FILE through the screens (your side's on "
                        "screen, the other side's as replies): a session file (.jsonl) or "
                        "`simulate --json` output")
    g.add_argument("--bot", choices=sorted(BOTS),
                   help="let this bot play your side (--side) through the screens (watch it "
                        "play)")
    p.add_argument("--autoplay", action="store_true",
                   help="headless and at full speed: the bot (greedy unless --bot or "
                        "--decisions says otherwise) plays to the end, then the window closes")
    p.add_argument("--screenshots", metavar="DIR",
                   help="save one PNG of each screen as it is first shown into DIR")
    p.add_argument("--window", default="1280x720", metavar="WxH",
                   help="window size in pixels (default and minimum: 1280x720; the window "
                        "can be resized)")
    p.add_argument("--fullscreen", action="store_true",
                   help="open fullscreen, for a projector (F11 switches between fullscreen and "
                        "a window; text and layout grow with the screen up to 3840x2160)")
    p.add_argument("--high-contrast", action="store_true",
                   help="start in the high-contrast palette (F10 or the title screen switch it)")
    p.add_argument("--still", action="store_true",
                   help="no animation: the expected tally and P(adopted) change at once after "
                        "a move instead of easing to their new values")
    p.add_argument("--session-file", metavar="PATH",
                   help="where to save every decision as it is made (JSON Lines; default: a "
                        "new file in your user data folder; none is made until the first "
                        "decision)")
    p.add_argument("--resume", metavar="FILE", type=FILE_NAME,
                   help="continue the unfinished game saved in FILE where it stopped (its "
                        "case, seed, side and opponent), saving on into FILE; the title "
                        "screen's Continue lists the recent ones")
    p.add_argument("--branch", metavar="FILE", type=FILE_NAME,
                   help="what if: a new game that makes the first --at N decisions of the game "
                        "saved in FILE, then plays on (saved to --session-file or a new file; "
                        "its header names FILE and N)")
    p.add_argument("--at", type=whole_number(0, None, "--at N, the decisions to keep, is"),
                   default=None, metavar="N",
                   help="with --branch: how many of FILE's decisions the new game keeps")
    p.add_argument("--view", metavar="FILE", type=FILE_NAME,
                   help="review the game saved in FILE step by step in the window (finished or "
                        "not; a damaged file up to where it is good); from any step W plays "
                        "on (what if) and C compares with another game")
    t = p.add_argument_group("teams at one screen (a class at a projector)")
    t.add_argument("--teams", action="store_true",
                   help="two teams, one on each side, take the keyboard in turn (each turn "
                        "announced full screen); same as --sponsors team --opposition team")
    for side in SIDES:
        t.add_argument(f"--{side}", choices=("team", "bot"), default=None,
                       help=f"who plays the {side}: a team at this screen or the bot "
                            "(--opponent); one team against the bot, or two teams")
    t.add_argument("--rounds", type=whole_number(0, MAX_ROUNDS, "--rounds takes"), default=None,
                   metavar="N", help=f"lobbying turns per side and stage (0: as many as the "
                                     f"budget pays for; default with a team: {DEFAULT_ROUNDS})")
    t.add_argument("--timer", type=whole_number(0, MAX_TIMER, "--timer takes"), default=None,
                   metavar="SECONDS", help="seconds per turn; when they run out the turn ends "
                                           "(recorded in the session file); P pauses "
                                           f"(0: none; default with a team: {DEFAULT_TIMER})")
    p.add_argument("--lang", choices=sorted(LANGUAGES), default=None,
                   help="the language of the game: " + ", ".join(
                       f"{k} ({v})" for k, v in LANGUAGES.items())
                   + " (default: the system's, if the game speaks it, else en; L on the title "
                     "screen switches)")
    p.add_argument("--no-sound", action="store_true",
                   help="start with sound off (M switches it; there is none without an audio "
                        "device anyway)")
    add_allow_changed(p)
    p.set_defaults(func=cmd_play)


def cmd_play(args: argparse.Namespace) -> int:
    """Open the game window (see ``launch.run``); returns the exit code."""
    from .launch import run  # pygame only loads for the window

    return run(args)
