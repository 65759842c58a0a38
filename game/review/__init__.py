"""Reading recorded games: a session file step by step (``history.Review``, for the replay
viewer) and two games side by side (``compare``). Above the Session, below the UI and the
command line, both of which read it; no pygame."""
from __future__ import annotations

from .compare import Comparison, compare
from .history import BallotChange, Review

__all__ = ["BallotChange", "Comparison", "Review", "compare"]
