"""The game window: pygame-ce + pygame_gui scenes that read a Session and build decisions.

Only this package imports pygame. Entry point: :func:`game.ui.app.run`.
"""

import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
