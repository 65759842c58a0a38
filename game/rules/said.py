"""One event of the move log, as the room hears it and as the side that made it is told it.

The log names a side by its name ("The European Union and Japan lobbied Kenya: …"); the
player's own moves read "You lobbied Kenya: …". In English that is the name replaced by
"You"; in French the verb agrees too ("… ont démarché" / "Vous avez démarché"), so each
event carries its second sentence. Words only: events are never part of a digest.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import _

if TYPE_CHECKING:
    from .world import World


class Said(str):
    """An event (the sentence itself), with ``by``: the side whose move it tells (None: no
    side's), and ``to_you``: the same sentence told to that side ("You lobbied …")."""

    by: str | None
    to_you: str

    def __new__(cls, text: str, by: str | None = None, to_you: str = "") -> Said:
        """The event ``text``; ``to_you`` defaults to the text itself."""
        self = super().__new__(cls, text)
        self.by, self.to_you = by, to_you or text
        return self


def said(world: World, side: str, told: str, to_you: str, **values: object) -> Said:
    """The event of ``side``'s move: ``told`` (a msgid naming it ``{side}``) and ``to_you``
    (the msgid telling it to that side), both filled with ``values`` in the language in use."""
    return Said(_(told).format(side=world.side_name(side), **values), side,
                _(to_you).format(**values))
