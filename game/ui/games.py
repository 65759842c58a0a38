"""The games a window can put on screen besides the one it opened with: the factory that
makes them (``GameFactory``, given by the command line) and the App's part that asks it for
saved, reviewed, branched and compared games (``GameSwitchMixin``)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..scenario import Scenario
from .controller import Game
from .teams import TeamSetup

if TYPE_CHECKING:
    from ..replay.recent import Saved, Unfinished
    from ..review import Comparison, Review


class GameFactory(Protocol):
    """Makes a new Game when the title screen starts one (another case, the other side, another
    opponent, or the same again), and closes the one left behind."""

    #: The opponents (bot names) a game can be played against.
    levels: tuple[str, ...]

    def __call__(self, scenario: Scenario, side: str | None = None,
                 opponent: str | None = None, *, setup: TeamSetup | None = None) -> Game:
        """The Game of ``scenario`` with the player on ``side`` against ``opponent`` (None:
        the factory's defaults; ``setup``: the teams, rounds and timer), ready to play."""

    def discard(self, game: Game) -> None:
        """Close a Game that is no longer on screen (its session file)."""

    def resume(self, path: Path) -> Game:
        """The game saved in ``path``, continued where it stopped; ValueError says why not."""

    def unfinished(self) -> list[Unfinished]:
        """The recent unfinished games in the user's sessions folder, newest first."""

    def recent(self) -> list[Saved]:
        """The recent games in the user's sessions folder, finished or not, newest first."""

    def review(self, path: Path) -> Review:
        """The game saved in ``path``, replayed to be read step by step; ValueError says why
        it cannot be (not a game, another scenario)."""

    def branch(self, path: Path, step: int) -> Game:
        """What if: a new game making the first ``step`` decisions of the game in ``path``,
        then played on; ValueError says why not."""

    def compare(self, a: Path, b: Path) -> Comparison:
        """Two saved games side by side; ValueError says why they cannot be compared."""


class GameSwitchMixin:
    """The App's questions to its factory; needs its ``game``, ``maker`` and ``_switch``."""

    game: Game
    maker: GameFactory | None

    if TYPE_CHECKING:
        def _switch(self, game: Game) -> None:
            """Put ``game`` on screen in place of the one there (App's)."""

    def factory(self) -> GameFactory:
        """The factory of other games; ValueError if this window has none (a fixed case)."""
        if self.maker is None:
            raise ValueError("this window cannot open another game")
        return self.maker

    def unfinished(self) -> list[Unfinished]:
        """The saved games the title screen's Continue offers (not the one on screen)."""
        writer = self.game.session.writer
        here = writer.path.resolve() if writer else None
        listing = getattr(self.maker, "unfinished", None)
        return [u for u in (listing() if listing else []) if u.path.resolve() != here]

    def resume(self, path: Path) -> None:
        """Continue the game saved in ``path`` in place of the one on screen (discarded).
        Raises ValueError (the factory's reason) if it cannot be continued."""
        self._switch(self.factory().resume(path))

    def recent_sessions(self) -> list[Saved]:
        """The saved games "Review a saved game" offers, finished or not (none without a
        factory)."""
        listing = getattr(self.maker, "recent", None)
        return listing() if listing else []

    def saved_entry(self, path: Path) -> Saved | None:
        """How a saved game at ``path`` is listed (None if it holds no game to list)."""
        from ..replay.recent import entry
        return entry(path)

    def open_review(self, path: Path) -> Review:
        """The game saved in ``path``, to review. Raises ValueError (the reason) if it cannot
        be read as a game of a case this Plenary has."""
        return self.factory().review(path)

    def branch(self, path: Path, step: int) -> None:
        """What if: a new game from the first ``step`` decisions of the game in ``path`` takes
        the place of the one on screen. Raises ValueError (the reason) if it cannot start."""
        self._switch(self.factory().branch(path, step))

    def compare(self, a: Path, b: Path) -> Comparison:
        """Two saved games side by side. Raises ValueError (the reason) if they cannot be."""
        return self.factory().compare(a, b)

    @property
    def levels(self) -> tuple[str, ...]:
        """The opponents the title screen may offer (the factory's; none without one)."""
        return tuple(getattr(self.maker, "levels", ()))
