"""Every screen of the game, headless, one PNG each: to look at a language's layout.

    python -m tools.every_screen OUT_DIR --size 1920x1080 --lang fr

One process, one window of the size asked (SDL's dummy driver), the real App on a fresh game
of the DPRK case (the sponsors against the greedy bot), driven by the keys and clicks a player
makes and by the Session's own bot moves to get further in the game. The files are named
``NN-scene.png`` in the order of the list below; the user folders (saved games, crash reports,
preferences) are temporary ones, so the games it plays never show up in the player's own.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from game.i18n import LANGUAGES

#: The screens, in order: file name stem -> what it shows.
SCREENS: dict[str, str] = {
    "title": "the title screen",
    "briefing": "the briefing",
    "floor-grid": "the floor, the whip count as a grid, a delegation selected",
    "floor-map": "the floor, the whip count on the world map (W)",
    "floor-lobby": "the floor: lobby a delegation with an argument (the preview)",
    "floor-address": "the floor: address a group or bloc (the preview)",
    "floor-offer": "the floor: the DPRK's offer window (5)",
    "draft": "the draft text and its revisions (4)",
    "glossary": "the glossary overlay (F1)",
    "move-log": "the move log (L)",
    "vote": "a vote board, filled",
    "recap": "the recap between two stages",
    "council": "the Security Council",
    "floor-tactics": "the floor tactics window (8; the sponsors' first tactic is the Council's)",
    "debrief": "the debrief",
    "error": "the error panel (a broken scenario)",
    "saved": "continue a saved game",
    "sessions": "review a saved game: the list",
    "review": "the review viewer",
    "compare": "the compare screen",
    "turn": "a team's turn announcement (a new game for two teams)",
}


def parse_size(text: str) -> tuple[int, int]:
    """'1920x1080' -> (1920, 1080)."""
    w, sep, h = text.lower().partition("x")
    if not sep or not w.isdigit() or not h.isdigit():
        raise argparse.ArgumentTypeError(f"a size is WIDTHxHEIGHT, not {text!r}")
    return int(w), int(h)


def isolate() -> Path:
    """Headless SDL, and temporary user folders (sessions, logs, caches, preferences)."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    home = Path(tempfile.mkdtemp(prefix="plenary-screens-"))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[name] = str(home / name.lower())
    return home


class Tour:
    """The window and the game it plays; ``shoot`` saves what is on screen."""

    def __init__(self, out: Path, size: tuple[int, int], home: Path) -> None:
        from game.cli.launch import GameMaker, write_crash_report
        from game.scenario import load
        from game.ui.app import App
        from game.ui.catalogue import SCENARIO_DIR

        self.out, self.home = out, home
        self.scenario = load(SCENARIO_DIR / "dprk_2014.yaml")
        self.maker = GameMaker(2014, side="sponsors", opponent="greedy")
        self.app = App(self.maker(self.scenario), size, maker=self.maker,
                       write_report=write_crash_report, sound=False)
        self.app.fast = True
        self.count = 0
        self.saved: list[str] = []

    # -- what a player does -------------------------------------------------------------------
    def frames(self, n: int = 1) -> None:
        """Run ``n`` frames of the window."""
        for _unused in range(n):
            self.app.frame(1 / 30)

    def key(self, k: int) -> None:
        """Press a key."""
        import pygame

        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, {"key": k, "mod": 0,
                                                              "unicode": "", "scancode": 0}))
        self.frames(2)

    def click(self, pos: tuple[int, int]) -> None:
        """Click at ``pos``."""
        import pygame

        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, {"pos": pos, "button": 1}))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, {"pos": pos, "button": 1}))
        self.frames(2)

    def play_until(self, done: Callable[[], bool]) -> None:
        """The greedy bot plays the player's side (the opponent answering) until ``done()``."""
        session = self.app.game.session
        session.run_opponent()
        while not done():
            session.play(session.bot_move("greedy", session.side))

    def shoot(self, name: str) -> None:
        """Save the window as ``NN-name.png`` (after two frames, so it is drawn)."""
        import pygame

        assert name in SCREENS, name
        self.frames(2)
        self.count += 1
        path = self.out / f"{self.count:02d}-{name}.png"
        pygame.image.save(self.app.screen, str(path))
        self.saved.append(path.name)

    # -- the tour -------------------------------------------------------------------------------
    def run(self) -> list[str]:
        """Every screen of SCREENS, in order; the files' names."""
        import pygame

        app = self.app
        app.goto("title")
        self.shoot("title")
        self.key(pygame.K_RETURN)
        self.shoot("briefing")
        self.key(pygame.K_RETURN)
        floor = app.scene
        assert floor.name == "floor", floor.name
        target = self.undecided()
        self.click(floor.view.cells[target].center)
        self.shoot("floor-grid")
        if "map" in floor.buttons:
            self.key(pygame.K_w)
            self.shoot("floor-map")
            self.key(pygame.K_w)
        self.floor_windows(target)
        self.key(pygame.K_F1)
        self.shoot("glossary")
        self.key(pygame.K_F1)
        self.key(pygame.K_1)                      # a move, for the log to show it and a reply
        self.key(pygame.K_l)
        self.shoot("move-log")
        self.key(pygame.K_l)
        self.votes_and_council()
        self.error()
        self.saved_games()
        self.team_turn()
        return self.saved

    def undecided(self) -> str:
        """The delegation on no side whose vote is most open."""
        game, scene = self.app.game, self.app.scene
        probs = game.probabilities(scene.motion_id)
        free = [i for i in probs if game.side_of(i) is None]
        return min(free, key=lambda i: abs(probs[i][0] - 0.5))

    def floor_windows(self, target: str) -> None:
        """Lobby and address previews, the offer and tactics windows, the draft screen."""
        import pygame

        scene = self.app.scene
        arguments = getattr(scene, "choose_argument", None)
        if arguments is not None:
            scene.choose_argument("coi_evidence")
            self.frames(2)
        self.hover("lobby")
        self.shoot("floor-lobby")
        scene.choose_address("African")
        self.frames(2)
        self.hover("address")
        self.shoot("floor-address")
        self.key(pygame.K_5)
        if scene.offer_window is not None:
            self.shoot("floor-offer")
            scene.close_windows()
        self.tactics()
        self.key(pygame.K_4)
        assert self.app.scene.name == "text", self.app.scene.name
        self.shoot("draft")
        self.key(pygame.K_ESCAPE)
        assert self.app.scene.name == "floor", self.app.scene.name
        self.click(scene.view.cells[target].center)

    def tactics(self) -> None:
        """The floor tactics window (8), if the side has a tactic here (the sponsors have none
        before the Council, where they may ask a permanent member to abstain)."""
        import pygame

        scene = self.app.scene
        self.key(pygame.K_8)
        if scene.tactics_window is not None:
            self.shoot("floor-tactics")
            scene.close_windows()
            self.frames(2)

    def hover(self, button: str) -> None:
        """Move the mouse over a button of the scene (its preview and tooltip show)."""
        import pygame

        element = self.app.scene.buttons.get(button)
        if element is None:
            return
        pos = element.rect.center
        pygame.mouse.set_pos(pos)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, {"pos": pos, "rel": (0, 0),
                                                                  "buttons": (0, 0, 0)}))
        self.frames(30)                           # a tooltip waits a moment

    def votes_and_council(self) -> None:
        """The Third Committee's vote board, the recap, the Council and the debrief."""
        import pygame

        app = self.app
        self.key(pygame.K_7)
        if app.scene.confirming:
            self.key(pygame.K_RETURN)
        assert app.scene.name == "vote", app.scene.name
        self.key(pygame.K_SPACE)                  # the board fills at once
        self.frames(40)
        self.shoot("vote")
        for _unused in range(12):                 # the stage's other votes, then the recap
            if app.scene.name != "vote":
                break
            self.frames(40)
            self.key(pygame.K_SPACE)
            self.frames(40)
            self.key(pygame.K_RETURN)
        if app.scene.name != "recap":
            app.goto("recap", stage=0)
        self.shoot("recap")
        self.play_until(lambda: app.game.state.finished
                        or app.game.stage.body == "security_council")
        app.goto_stage()
        self.frames(2)
        if app.scene.name == "council":
            self.shoot("council")
            if "floor-tactics" not in {n[3:-4] for n in self.saved}:
                self.tactics()
        self.play_until(lambda: app.game.state.finished)
        app.goto("debrief")
        self.shoot("debrief")

    def error(self) -> None:
        """The panel a broken scenario's exception brings up (a real loader error)."""
        from game.scenario import load

        broken = self.home / "broken.yaml"
        broken.write_text("id: broken\nmembers: [\n", encoding="utf-8")
        try:
            load(broken)
        except Exception as exc:  # noqa: BLE001 - whatever the loader says is the panel's
            what = f"{type(exc).__name__}: {str(exc)[:200]}".rstrip(": ")
            report = self.app.write_report(exc) if self.app.write_report else None
            self.app.goto("error", message=what, report=report)
            self.shoot("error")

    def saved_games(self) -> None:
        """Continue (an unfinished game), the review list, the viewer and the comparison."""
        import pygame

        from game.session import Session

        app = self.app
        finished = app.game.session.writer.path
        unfinished = Session(self.scenario, 7, side="opposition", opponent="greedy",
                             session_file=finished.with_name("unfinished.jsonl"))
        unfinished.run_opponent()
        for _unused in range(3):
            if unfinished.state.finished:
                break
            unfinished.play(unfinished.bot_move("greedy", unfinished.side))
        unfinished.close()
        other = Session(self.scenario, 2014, side="sponsors", opponent="passive",
                        session_file=finished.with_name("other.jsonl"))
        other.run_opponent()
        while not other.state.finished:
            other.play(other.bot_move("passive", other.side))
        other.close()
        app.goto("saved")
        self.shoot("saved")
        app.goto("sessions")
        self.shoot("sessions")
        review = app.open_review(finished)
        app.goto("review", review=review)
        self.frames(2)
        self.key(pygame.K_PAGEDOWN)
        self.shoot("review")
        app.goto("compare", comparison=app.compare(finished, other.writer.path), back=review)
        self.shoot("compare")

    def team_turn(self) -> None:
        """A new game for two teams: the announcement of the first turn."""
        from game.ui.teams import TeamSetup

        app = self.app
        app.new_game(self.scenario, setup=TeamSetup(("sponsors", "opposition"), 4, 50))
        app.goto("briefing")
        self.frames(2)
        app.begin_play()
        if app.scene.name != "turn":
            app.goto("turn")
        self.shoot("turn")


def main(argv: list[str] | None = None) -> int:
    """The command line: every screen into OUT_DIR at one size, in one language."""
    p = argparse.ArgumentParser(prog="python -m tools.every_screen", description=__doc__.split(
        "\n\n")[0])
    p.add_argument("out", metavar="OUT_DIR", type=Path)
    p.add_argument("--size", type=parse_size, default=(1280, 720), metavar="WxH")
    p.add_argument("--lang", default="en", choices=list(LANGUAGES))
    args = p.parse_args(argv)
    home = isolate()
    from game import i18n

    i18n.set_language(args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("[0-9][0-9]-*.png"):
        old.unlink()
    tour = Tour(args.out, args.size, home)
    try:
        names = tour.run()
    finally:
        tour.app.game.session.close()
    for name in names:
        print(args.out / name)
    missing = set(SCREENS) - {n[3:-4] for n in names}
    if missing:
        print("not reached: " + ", ".join(sorted(missing)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
