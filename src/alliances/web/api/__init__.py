"""The JSON API, one router per view; shapes mirror the command line's ``--json``."""

from alliances.web.api.align import router as align_router
from alliances.web.api.compare import router as compare_router
from alliances.web.api.crisis import router as crisis_router
from alliances.web.api.map import router as map_router
from alliances.web.api.proposals import router as proposals_router
from alliances.web.api.scenarios import router as scenarios_router
from alliances.web.api.worlds import router as worlds_router

__all__ = [
    "align_router",
    "compare_router",
    "crisis_router",
    "map_router",
    "proposals_router",
    "scenarios_router",
    "worlds_router",
]
