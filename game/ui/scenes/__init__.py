"""Scene table: name -> class. The app switches screens only through these tables."""
from __future__ import annotations

from .base import Scene
from .compare import CompareScene
from .council import CouncilScene
from .debrief import DebriefScene
from .draft import DraftScene
from .error import ErrorScene
from .floor import FloorScene
from .intro import BriefingScene
from .recap import RecapScene
from .review import ReviewScene
from .saved import SavedScene
from .sessions import SessionsScene
from .title import TitleScene
from .turn import TurnScene
from .vote import VoteScene

SCENES: dict[str, type[Scene]] = {
    "title": TitleScene, "briefing": BriefingScene, "floor": FloorScene,
    "council": CouncilScene, "text": DraftScene, "vote": VoteScene, "recap": RecapScene,
    "debrief": DebriefScene,
    "error": ErrorScene, "saved": SavedScene, "sessions": SessionsScene, "review": ReviewScene,
    "compare": CompareScene, "turn": TurnScene,
}
#: A stage's body membership -> the scene its lobbying happens on.
STAGE_SCENES: dict[str, str] = {"all": "floor", "security_council": "council"}
