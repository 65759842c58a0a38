"""The choices a new game starts from: the side the player takes and the opponent's level.

No pygame here: the command line (``play --side --opponent``) reads these too.
"""
from __future__ import annotations

from ..i18n import N_, _

#: The two sides of every case, in the order the title screen offers them.
SIDES = ("sponsors", "opposition")
#: The opponent a new game is played against unless the player picks another (the one
#: constant to change when a stronger bot becomes the default).
DEFAULT_OPPONENT = "greedy"
#: The levels the title screen offers, easiest first: bot name -> (label, what it does).
#: Only the levels the command line says exist (``GameFactory.levels``) are shown.
LEVELS: dict[str, tuple[str, str]] = {
    "passive": (N_("Passive"), N_("does nothing: a practice game against an empty room")),
    "greedy": (N_("Greedy"), N_("takes the move that gains most votes now, every turn")),
    "planner": (N_("Planner"), N_("looks ahead to the points at stake before it moves")),
}


def level_label(level: str | None) -> str:
    """'Greedy' for 'greedy'; 'nobody' when no bot plays the other side (in the language
    in use)."""
    if level is None:
        return _("nobody (a decision list)")
    return _(LEVELS[level][0]) if level in LEVELS else level.capitalize()
