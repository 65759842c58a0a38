"""Scene: one screen. Builds its pygame_gui elements for a window size, routes events
through tables (button -> handler, key -> handler), draws its custom surfaces."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIElement
from pygame_gui.elements import UIButton, UIDropDownMenu, UILabel, UITextBox

from .. import style
from .overlays import OverlayMixin

if TYPE_CHECKING:
    from ..app import App
    from .overlays import E

Handler = Callable[[], None]
MARGIN = 16


class Scene(OverlayMixin):
    """Base class. Subclasses set ``name``, fill ``keys`` and call ``button`` in ``build``.

    Every screen gets the ? button and F1 (the glossary); Esc first closes what is open.
    """

    name = "scene"

    def __init__(self, app: App) -> None:
        self.app = app
        self.manager: pygame_gui.UIManager = app.manager
        self.elements: list[UIElement] = []
        self.handlers: dict[object, Handler] = {}
        self.buttons: dict[str, UIButton] = {}
        self.keys: dict[int, Handler] = {}
        self.changes: dict[object, Callable[[str], None]] = {}
        self.dropdowns: dict[str, UIDropDownMenu] = {}
        self.size = app.size
        self.init_overlays()

    @property
    def game(self):
        """The game being played (the title screen may swap it for another case)."""
        return self.app.game

    # -- life cycle -------------------------------------------------------------------------
    def enter(self) -> None:
        """Called once when the scene becomes current."""
        self.rebuild()

    def rebuild(self) -> None:
        """Throw away the elements and lay them out again for ``app.size``."""
        self.clear()
        self.size = self.app.size
        self.manager = self.app.manager          # a new size or palette makes a new one
        self.build()
        self.build_help()

    def build(self) -> None:
        """Create the pygame_gui elements (override)."""

    def clear(self) -> None:
        """Kill every element this scene made."""
        for element in self.elements:
            element.kill()
        self.elements.clear()
        self.handlers.clear()
        self.buttons.clear()
        self.changes.clear()
        self.dropdowns.clear()
        self.keys.clear()
        self.overlays.clear()
        self.on_confirm = None

    def leave(self) -> None:
        """Called when another scene becomes current: the elements go."""
        self.clear()

    # -- events -----------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> bool:
        """Route one event; True if it was used."""
        used = self.overlay_event(event)
        if used is not None:
            return used
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            handler = self.handlers.get(event.ui_element)
            if handler:
                handler()
                return True
        elif event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            change = self.changes.get(event.ui_element)
            if change:
                change(event.selected_option_id)
                return True
        elif event.type == pygame.KEYDOWN:
            handler = self.keys.get(event.key)
            if handler:
                handler()
                return True
        return self.on_event(event)

    def on_event(self, event: pygame.event.Event) -> bool:
        """Other events (override): dropdown changes, clicks on custom surfaces..."""
        return False

    def update(self, dt: float) -> None:
        """Advance animations by ``dt`` seconds (override)."""

    def draw(self, surface: pygame.Surface) -> None:
        """Custom drawing under the pygame_gui elements (override); default: the background."""
        surface.fill(style.BG)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Custom drawing over the pygame_gui elements (override)."""

    def ready(self) -> bool:
        """True when the screen shows what it is for (a screenshot may be taken)."""
        return True

    @property
    def shot_name(self) -> str:
        """The name of this screen's screenshot (by default the scene's name)."""
        return self.name

    # -- element helpers --------------------------------------------------------------------
    def add(self, element: E) -> E:
        """Keep an element so that ``clear`` removes it."""
        self.elements.append(element)
        return element

    def button(self, key: str, rect: pygame.Rect | tuple, text: str, handler: Handler, *,
               cls: str = "@button", tip: str | None = None, container=None) -> UIButton:
        """A UIButton whose press calls ``handler``; kept in ``self.buttons[key]``."""
        b = UIButton(pygame.Rect(rect), text, self.manager, container=container,
                     tool_tip_text=tip, object_id=ObjectID(f"#{key}", cls))
        self.add(b)
        self.handlers[b] = handler
        self.buttons[key] = b
        return b

    def dropdown(self, key: str, rect, options: list[tuple[str, str]], selected: str | None,
                 on_change: Callable[[str], None], container=None) -> UIDropDownMenu:
        """A UIDropDownMenu of (label, id) options; a choice calls ``on_change(id)``.

        ``selected`` is the id shown at first (the first option if no option has that id).
        Building it again under the same key replaces the old one (how code selects an option).
        """
        old = self.dropdowns.pop(key, None)
        if old is not None:
            old.kill()
            self.elements.remove(old)
            self.changes.pop(old, None)
        start = next((o for o in options if o[1] == selected), options[0])
        menu: list[str | tuple[str, str]] = list(options)    # the type pygame_gui declares
        r = pygame.Rect(rect)
        # a list that would run off the window scrolls instead
        limit = None if container is not None else max(90, self.size[1] - r.bottom - 6)
        d = UIDropDownMenu(menu, start, r, self.manager, container=container,
                           object_id=ObjectID(f"#{key}", "@dropdown"),
                           expansion_height_limit=limit)
        self.add(d)
        self.dropdowns[key] = d
        self.changes[d] = on_change
        return d

    def label(self, rect, text: str, cls: str = "@label", container=None) -> UILabel:
        """A UILabel of theme class ``cls``, kept so that ``clear`` removes it."""
        return self.add(UILabel(pygame.Rect(rect), text, self.manager, container=container,
                                object_id=ObjectID(None, cls)))

    def textbox(self, rect, html: str, cls: str = "@text", container=None) -> UITextBox:
        """A UITextBox of (pygame_gui) HTML, kept so that ``clear`` removes it."""
        return self.add(UITextBox(html, pygame.Rect(rect), self.manager, container=container,
                                  object_id=ObjectID(None, cls)))

    def scroll_key(self, box: UITextBox, pixels: int) -> None:
        """A scrolling key (PageUp/PageDown, Up/Down): scroll ``box`` by ``pixels``."""
        self.scroll_text(box, pixels)

    def press(self, key: str) -> None:
        """Post the event a click on button ``key`` makes (keyboard shortcuts, autoplay)."""
        b = self.buttons.get(key)
        if b is not None and b.is_enabled:
            pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED,
                                                 {"ui_element": b, "ui_object_id": f"#{key}"}))
