"""What opens over any screen: the glossary window (F1 or ?) and confirmation dialogs.

Esc closes the topmost thing first: an open dropdown list, then a dialog, then the glossary;
only when nothing is open does Esc reach the screen's own key table.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import pygame
import pygame_gui
from pygame_gui.elements import UITextBox, UIWindow
from pygame_gui.windows import UIConfirmationDialog

from ...i18n import _, pgettext
from .. import glossary
from ..style import px

if TYPE_CHECKING:
    from pygame_gui.core import UIElement
    from pygame_gui.elements import UIButton, UIDropDownMenu

    E = TypeVar("E", bound=UIElement)

HELP_SIZE = (44, 36)


#: Keys that scroll the open glossary -> design pixels (Home/End: as far as it goes).
GLOSSARY_SCROLL = {pygame.K_DOWN: 40, pygame.K_UP: -40, pygame.K_PAGEDOWN: 400,
                   pygame.K_PAGEUP: -400, pygame.K_END: 100_000, pygame.K_HOME: -100_000}


class OverlayMixin:
    """Needs Scene's ``manager``, ``size``, ``add``, ``button``, ``keys`` and ``dropdowns``."""

    if TYPE_CHECKING:                     # what Scene provides (declared for the type checker)
        manager: pygame_gui.UIManager
        size: tuple[int, int]
        elements: list[UIElement]
        keys: dict[int, Callable[[], None]]
        dropdowns: dict[str, UIDropDownMenu]

        def add(self, element: E) -> E:
            """Keep an element so that ``clear`` removes it (``Scene.add``)."""

        def button(self, key: str, rect: pygame.Rect | tuple, text: str,
                   handler: Callable[[], None], *, cls: str = "@button",
                   tip: str | None = None, container=None) -> UIButton:
            """A button whose press calls ``handler`` (``Scene.button``)."""

    def init_overlays(self) -> None:
        """Start with no overlay open and no confirmation pending."""
        self.overlays: dict[str, UIWindow] = {}
        self.on_confirm: Callable[[], None] | None = None

    # -- the ? button -----------------------------------------------------------------------
    def help_rect(self) -> pygame.Rect:
        """Where the ? button goes (top right unless a screen says otherwise)."""
        return pygame.Rect(self.size[0] - px(16 + HELP_SIZE[0]), px(14), px(HELP_SIZE[0]),
                           px(HELP_SIZE[1]))

    def build_help(self) -> None:
        """The ? button and F1, both opening the glossary."""
        self.button("help", self.help_rect(), "?", self.toggle_glossary,
                    tip=_("Glossary: what the words mean (F1)"))
        self.keys[pygame.K_F1] = self.toggle_glossary

    @staticmethod
    def scroll_text(box: UITextBox, pixels: int) -> bool:
        """Scroll a text box by ``pixels`` (down if positive). False if it cannot scroll."""
        bar = getattr(box, "scroll_bar", None)
        if bar is None or not bar.scrollable_height:
            return False
        bar.set_scroll_from_start_percentage(bar.start_percentage + pixels / bar.scrollable_height)
        bar.has_moved_recently = True
        return True

    # -- windows ----------------------------------------------------------------------------
    @property
    def confirming(self) -> bool:
        """A confirmation dialog is open."""
        return "confirm" in self.overlays

    @property
    def overlay_open(self) -> bool:
        """A dialog or the glossary is open."""
        return bool(self.overlays)

    def toggle_glossary(self) -> None:
        """Open the glossary window, or close it if it is open."""
        if self.close_overlay("glossary"):
            return
        w, h = self.size
        rect = pygame.Rect(0, 0, min(px(900), w - px(80)), h - px(90))
        rect.center = (w // 2, h // 2)
        win = UIWindow(rect, self.manager,
                       window_display_title=_("Help and glossary  (F1 or Esc closes)"),
                       object_id="#glossary")
        inner = win.get_container().get_size()
        self.glossary_text = UITextBox(glossary.html(getattr(self, "name", None)),
                                       pygame.Rect(0, 0, inner[0], inner[1]), self.manager,
                                       container=win, object_id="#glossary_text")
        self.overlays["glossary"] = self.add(win)

    def confirm(self, title: str, html: str, action: str, on_yes: Callable[[], None]) -> None:
        """A pygame_gui confirmation dialog; ``on_yes`` runs if the player confirms."""
        self.close_overlay("confirm")
        w, h = self.size
        rect = pygame.Rect(0, 0, px(600), px(280))
        rect.center = (w // 2, h // 2)
        # TRANSLATORS: under a confirmation dialog; {action} is its button's word, lowercased
        keys = _("Enter: {action} · Esc: cancel").format(action=action.lower())
        html += f"<br><br><font color='#9db6cc'>{keys}</font>"
        dialog = UIConfirmationDialog(rect, html, self.manager, window_title=title,
                                      action_short_name=action, blocking=True,
                                      object_id="#confirm")
        # pygame_gui's own word, in the game's language rather than pygame_gui's locale
        dialog.cancel_button.set_text(pgettext("button", "Cancel"))
        self.scale_dialog(dialog)
        self.overlays["confirm"] = self.add(dialog)
        self.on_confirm = on_yes

    @staticmethod
    def scale_dialog(dialog: UIConfirmationDialog) -> None:
        """Lay out a confirmation dialog's buttons and text in design pixels (pygame_gui
        places them in window pixels, which clips the buttons' scaled text on a 4K screen)."""
        height, gap = px(30), px(10)
        for b in (dialog.cancel_button, dialog.confirm_button):
            width = b.font.size(b.text)[0] + 2 * px(12) if b.font else b.rect.width
            b.set_dimensions((width, height))
            b.rebuild()                          # draw the text again at the new height
            # anchored to the right (the confirm button to the cancel button's left)
            b.set_relative_position((-gap - width, -gap - height))
        w, h = dialog.get_container().get_size()
        dialog.confirmation_text.set_relative_position((px(5), px(5)))
        dialog.confirmation_text.set_dimensions((w - px(10), h - height - 2 * gap))

    def close_overlay(self, name: str | None = None) -> bool:
        """Close one overlay (or the topmost: dialog, file dialog, then glossary). True if
        one closed."""
        for key in ([name] if name else ["confirm", "file", "glossary"]):
            win = self.overlays.pop(key, None)
            if win is not None:
                win.kill()
                if win in self.elements:
                    self.elements.remove(win)
                return True
        return False

    def collapse_dropdowns(self) -> bool:
        """Close any dropdown list that is open. True if one was."""
        closed = False
        for d in self.dropdowns.values():
            if d.current_state is d.menu_states["expanded"]:
                d.current_state.should_transition = True
                closed = True
        return closed

    # -- events -----------------------------------------------------------------------------
    def overlay_event(self, event: pygame.event.Event) -> bool | None:
        """Events for the overlays: True/False if handled here, None to go on to the screen."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE and (self.collapse_dropdowns() or self.close_overlay()):
                return True
            if self.confirming:                 # Enter confirms; nothing else acts behind it
                if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                    self.confirmed()
                return True
            if self.overlay_open and event.key != pygame.K_F1:
                step = GLOSSARY_SCROLL.get(event.key)
                if step is not None and "glossary" in self.overlays and "file" not in self.overlays:
                    self.scroll_text(self.glossary_text, px(step))
                return True
            return None
        if event.type == pygame_gui.UI_CONFIRMATION_DIALOG_CONFIRMED:
            if event.ui_element is self.overlays.get("confirm"):
                self.confirmed()
                return True
        if event.type == pygame_gui.UI_WINDOW_CLOSE:
            for key, win in list(self.overlays.items()):
                if event.ui_element is win:
                    self.overlays.pop(key)
                    return True
        return None

    def confirmed(self) -> None:
        """The player confirmed: close the dialog, then run its action."""
        action, self.on_confirm = self.on_confirm, None
        self.close_overlay("confirm")
        if action is not None:
            action()
