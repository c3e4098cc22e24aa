"""Deployments: a guest state's forces stationed in a host state.

Examples
--------
>>> import datetime as dt
>>> d = Deployment(id="usa-in-aus", guest="USA", host="AUS", personnel=2000, personnel_year=2024,
...                since=dt.date(2012, 4, 4), source="Marine Corps Forces Pacific")
>>> d.in_force_on(dt.date(2024, 10, 1))
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alliances.model.kinds import Command, Confidence

__all__ = ["Deployment"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Deployment:
    """Forces of ``guest`` in ``host`` (optionally at a named place)."""

    id: str
    guest: str
    host: str
    place: str | None = None
    personnel: int | None = None
    personnel_year: int | None = None
    command: Command = Command.NATIONAL
    since: dt.date | None = None
    until: dt.date | None = None
    source: str
    confidence: Confidence = Confidence.HIGH
    note: str | None = None

    def in_force_on(self, day: dt.date) -> bool:
        """True when the forces are stationed there on ``day``."""
        started = self.since is None or self.since <= day
        return started and (self.until is None or day < self.until)
