"""Review a saved game: the recent sessions of the user's sessions folder, finished or not,
newest first, and "Open a file…" for any other path; Enter opens the chosen one in the replay
viewer. Opened from a review with ``against`` (Compare with…), the list picks the second game
of a comparison instead, the game's parent first when it is a what-if. The factory reads and
replays the files (``GameFactory.review``, ``GameFactory.compare``)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.windows import UIFileDialog

from ...i18n import N_, _
from ..style import px
from ..words import clip
from .saved import SavedScene

if TYPE_CHECKING:
    from ...replay.recent import Saved
    from ...review import Review
    from ..app import App


class SessionsScene(SavedScene):
    """The list of saved games to review (or to compare with ``against``); O opens any file."""

    name = "sessions"
    HEADING = N_("Review a saved game  (Up/Down, Enter; O: any file)")
    ACTION = N_("Review  (Enter)")
    TAGLINE = N_("Replay a game step by step")
    EMPTY = N_("No game is saved in your sessions folder yet. Every game is saved as it is "
               "played; press O to open a session file from anywhere else.")
    DAMAGED = N_("This file is damaged: the viewer shows it up to where it stopped: {problem}")

    def __init__(self, app: App, against: Review | None = None) -> None:
        #: The game being reviewed, when this list picks the one to compare it with.
        self.against = against
        if against is not None:
            self.HEADING = N_("Compare with…  (Up/Down, Enter; O: any file)")
            self.ACTION = N_("Compare  (Enter)")
            self.TAGLINE = N_("Set two games side by side")
        super().__init__(app)

    def listing(self) -> list[Saved]:
        """The recent games (to compare: not the one reviewed, its parent first)."""
        games = self.app.recent_sessions()
        if self.against is None:
            return games
        here = self.against.path.resolve()
        games = [g for g in games if g.path.resolve() != here]
        parent = self.against.parent
        if parent is not None:
            found = self.app.saved_entry(Path(parent[0]))
            if found is not None:
                games = [found] + [g for g in games if g.path.resolve() != found.path.resolve()]
        return games

    def item_text(self, k: int) -> str:
        """A game's line: as Continue's, marked when finished (or the what-if's parent)."""
        u = self.saved[k]
        text = super().item_text(k)
        if self.against is not None and self.against.parent and k == 0 and \
                u.path.resolve() == Path(self.against.parent[0]).resolve():
            return clip(text, 120) + " · " + _("its parent")
        return text + (" · " + _("finished") if u.finished else "")

    @staticmethod
    def can_open(saved) -> bool:
        """Any file in the list opens in the viewer, a damaged one as far as it is good."""
        return True

    def more_buttons(self, x: int, y: int) -> int:
        """Open a file… under the action button."""
        self.button("open", (x, y, px(260), px(40)), _("Open a file…  (O)"), self.open_dialog,
                    tip=_("Choose any session file (.jsonl)"))
        self.keys[pygame.K_o] = lambda: self.press("open")
        return 1

    def back(self) -> None:
        """Esc: back to the review (when comparing), else to the title screen."""
        if self.against is not None:
            self.app.goto("review", review=self.against)
        else:
            self.app.goto("title")

    # -- opening ----------------------------------------------------------------------------
    def open_dialog(self) -> None:
        """pygame_gui's file dialog, starting in the folder of the games listed."""
        self.close_overlay("file")
        w, h = self.size
        rect = pygame.Rect(0, 0, min(720, w - 80), min(560, h - 80))
        rect.center = (w // 2, h // 2)
        start = self.saved[self.chosen].path if self.saved else Path.home()
        dialog = UIFileDialog(rect, self.manager, window_title=_("Open a session file"),
                              initial_file_path=str(start), allow_existing_files_only=True,
                              allow_picking_directories=False, object_id="#file_dialog")
        self.overlays["file"] = self.add(dialog)

    def on_event(self, event: pygame.event.Event) -> bool:
        """A path picked in the file dialog is opened; a click in the list selects."""
        if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED:
            self.overlays.pop("file", None)
            self.open_path(Path(event.text))
            return True
        return super().on_event(event)

    def resume(self) -> None:
        """Enter: open the chosen game (reviewing leaves a game in progress as it is)."""
        if self.saved:
            self.open_path(self.saved[self.chosen].path)

    def open_path(self, path: Path) -> None:
        """Review ``path`` (or compare it with the game reviewed); say why if it cannot be."""
        try:
            if self.against is not None:
                comparison = self.app.compare(self.against.path, path)
                self.app.goto("compare", comparison=comparison, back=self.against)
            else:
                self.app.goto("review", review=self.app.open_review(path))
        except ValueError as exc:          # CannotResume: its reason, without command lines
            self.error = str(getattr(exc, "reason", exc))
            self.rebuild()
