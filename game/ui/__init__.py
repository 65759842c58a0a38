"""The game window: pygame-ce + pygame_gui scenes that read a Session and build decisions.

Only this package imports pygame, and it reaches the game only through ``game.session`` (never
the rules, the vote model, the bots or the command line). Entry point:
:func:`game.ui.launch.run_window` (``python main.py play`` calls it from ``game.cli.launch``).
"""

import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
