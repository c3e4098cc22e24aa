"""Save a proposal under a random id and read it back.

Examples
--------
>>> store = ScenarioStore.open("sqlite://")
>>> saved = store.save("Demo", "edits: []\\n")
>>> store.load(saved.id).yaml
'edits: []\\n'
>>> try:
...     store.load("nope")
... except UnknownScenarioError as error:
...     print(str(error)[:27])
no saved scenario 'nope' (c
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

from alliances.errors import UnknownEntityError
from alliances.web.store.migrate import migrate
from alliances.web.store.schema import scenarios

__all__ = [
    "SavedScenario",
    "ScenarioStore",
    "UnknownScenarioError",
    "in_memory",
    "new_scenario_id",
]

_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")


class UnknownScenarioError(UnknownEntityError):
    """No saved scenario has this id (HTTP 404)."""

    def __init__(self, scenario_id: str) -> None:
        shown = scenario_id if len(scenario_id) <= 40 else scenario_id[:40] + "…"
        Exception.__init__(
            self,
            f"no saved scenario {shown!r} (check the link; saved scenarios ids are 22 characters)",
        )
        self.kind = "scenario"
        self.name = scenario_id


def new_scenario_id() -> str:
    """An unguessable id: 16 random bytes, URL-safe base64 (22 characters)."""
    return secrets.token_urlsafe(16)


@dataclass(frozen=True, slots=True, kw_only=True)
class SavedScenario:
    """A stored proposal."""

    id: str
    name: str
    yaml: str
    created: dt.datetime


def in_memory(url: str) -> bool:
    """Whether ``url`` names an in-memory SQLite database (one per connection unless shared).

    >>> [in_memory(u) for u in ("sqlite://", "sqlite+pysqlite:///:memory:", "sqlite:///a.db")]
    [True, True, False]
    """
    parsed = sa.engine.make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


@dataclass(frozen=True, slots=True)
class ScenarioStore:
    """Saved scenarios in the database at a SQLAlchemy URL."""

    engine: Engine

    @staticmethod
    def open(url: str) -> ScenarioStore:
        """Connect to ``url`` and apply any pending migration."""
        engine = (
            sa.create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
            if in_memory(url)
            else sa.create_engine(url)
        )
        migrate(engine)
        return ScenarioStore(engine)

    def save(self, name: str, yaml: str) -> SavedScenario:
        """Store a proposal's YAML under a fresh random id."""
        saved = SavedScenario(
            id=new_scenario_id(), name=name, yaml=yaml, created=dt.datetime.now(dt.UTC)
        )
        with self.engine.begin() as connection:
            connection.execute(
                scenarios.insert().values(
                    id=saved.id, name=saved.name, yaml=saved.yaml, created=saved.created
                )
            )
        return saved

    def load(self, scenario_id: str) -> SavedScenario:
        """The scenario saved under ``scenario_id``; UnknownScenarioError if none."""
        if not _ID.match(scenario_id):
            raise UnknownScenarioError(scenario_id)
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(scenarios).where(scenarios.c.id == scenario_id)
            ).first()
        if row is None:
            raise UnknownScenarioError(scenario_id)
        return SavedScenario(id=row.id, name=row.name, yaml=row.yaml, created=row.created)
