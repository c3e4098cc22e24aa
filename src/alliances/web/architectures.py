"""The worlds a web user can pick: ``current`` or an embedded proposal, at a date.

Names are checked against the embedded list before anything is loaded, so a
name from a URL never reaches the file system. Each timeline is loaded once,
and ``World.at`` returns the same snapshot object for a date, so the engines'
per-snapshot caches are hit.

Examples
--------
>>> snapshot("current", "2024-10-01").state("JPN").name
'Japan'
>>> snapshot("current", "2024-10-01") is snapshot("current", "2024-10-01")
True
"""

from __future__ import annotations

import datetime as dt
import functools

from alliances.errors import UnknownEntityError
from alliances.io.proposals import embedded_proposal_names, proposal_world
from alliances.model import World, parse_date

__all__ = ["architecture_names", "parse_day", "snapshot", "timeline"]


@functools.cache
def architecture_names() -> tuple[str, ...]:
    """``current`` and the ids of the embedded proposals."""
    return embedded_proposal_names()


@functools.cache
def timeline(name: str) -> World:
    """The world (a timeline) of an embedded architecture, by name (loaded once)."""
    if name not in architecture_names():
        raise UnknownEntityError("architecture", name, architecture_names())
    return proposal_world(name)


def parse_day(day: str | None) -> dt.date:
    """A query's date: ISO ``YYYY-MM-DD``, today when absent."""
    return parse_date(day) if day else dt.date.today()


def snapshot(name: str, day: str | dt.date | None) -> World:
    """The architecture ``name`` on ``day`` (today when None); ``World.at`` keeps it."""
    return timeline(name).at(day if isinstance(day, dt.date) else parse_day(day))
