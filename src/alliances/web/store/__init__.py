"""Saved scenarios: proposals under unguessable ids (SQLite by default, any SQLAlchemy URL)."""

from alliances.web.store.scenarios import (
    SavedScenario,
    ScenarioStore,
    UnknownScenarioError,
    in_memory,
    new_scenario_id,
)

__all__ = [
    "SavedScenario",
    "ScenarioStore",
    "UnknownScenarioError",
    "in_memory",
    "new_scenario_id",
]
