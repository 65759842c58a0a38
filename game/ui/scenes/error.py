"""The error panel: shown instead of a traceback; the session file is kept."""
from __future__ import annotations

from html import escape
from pathlib import Path

import pygame

from ...i18n import _
from .. import style
from ..style import px
from ..words import MUTED, c, h, path_html
from .base import MARGIN, Scene


class ErrorScene(Scene):
    """Says what went wrong in one line and where the session so far is saved."""

    name = "error"

    def __init__(self, app, message: str = "", report: Path | None = None) -> None:
        super().__init__(app)
        self.message = message
        self.report = report

    def build(self) -> None:
        """What went wrong, where the session and the crash report are, and Quit."""
        w, h_ = self.size
        writer = self.game.session.writer
        saved = (_("Every decision so far is saved in<br><b>{path}</b>").format(
                     path=path_html(writer.path)) if writer and not writer.error else
                 escape(" ".join(self.game.notices())
                        or _("This session was not being saved.")))
        details = (_("Please tell your teacher and send them the crash report:<br>"
                     "<b>{path}</b>").format(path=escape(str(self.report))) if self.report else
                   _("Please tell your teacher (no crash report could be saved)."))
        html = (h(_("Something went wrong"), 26) + "<br><br>"
                + _("The game hit a problem it did not expect and stopped here, safely.")
                + "<br><br>" + c(MUTED, escape(self.message[:400])) + "<br><br>" + saved
                + "<br><br>" + details)
        box_w = min(px(820), w - 2 * px(MARGIN))
        self.textbox(((w - box_w) // 2, px(80), box_w, h_ - px(220)), html, "@reading")
        self.button("quit", ((w - px(220)) // 2, h_ - px(110), px(220), px(48)), _("Quit  (Esc)"),
                    self.quit,
                    cls="@primary")
        for k in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.keys[k] = lambda: self.press("quit")

    def quit(self) -> None:
        """End the frame loop (no confirmation: the session is saved)."""
        self.app.running = False

    def draw(self, surface: pygame.Surface) -> None:
        """A darker background than the other screens."""
        surface.fill(style.BG_DEEP)
