"""Places: territories and areas where an attack can happen.

Examples
--------
>>> guam = Place(id="guam", name="Guam", lat=13.44, lon=144.79, administered_by="USA",
...              tags=("pacific", "island-territory"))
>>> guam.has_any_tag(("pacific",))
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from alliances.model.kinds import Confidence

__all__ = ["Administration", "Place"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Administration:
    """An earlier (or later) administrator of a place over a period; None for no state."""

    by: str | None
    since: dt.date | None = None
    until: dt.date | None = None
    source: str | None = None

    def covers(self, day: dt.date) -> bool:
        """True when ``since <= day < until``."""
        started = self.since is None or self.since <= day
        return started and (self.until is None or day < self.until)


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A named territory or area, who administers it and who claims it."""

    id: str
    name: str
    lat: float
    lon: float
    administered_by: str | None
    administration: tuple[Administration, ...] = ()
    claimants: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    is_home: bool = False
    note: str | None = None
    source: str | None = None
    confidence: Confidence = Confidence.HIGH

    def at(self, day: dt.date) -> Place:
        """The place as administered on ``day`` (``administration`` periods override).

        Examples
        --------
        >>> okinawa = Place(id="okinawa", name="Okinawa", lat=26.5, lon=127.9,
        ...                 administered_by="JPN",
        ...                 administration=(Administration(by="USA", until=dt.date(1972, 5, 15)),))
        >>> okinawa.at(dt.date(1965, 1, 1)).administered_by
        'USA'
        >>> okinawa.at(dt.date(1972, 5, 15)).administered_by
        'JPN'
        """
        for period in self.administration:
            if period.covers(day):
                return replace(self, administered_by=period.by)
        return self

    def has_any_tag(self, tags: tuple[str, ...]) -> bool:
        """True when the place carries at least one of ``tags``."""
        return any(tag in self.tags for tag in tags)

    @property
    def is_sea_area(self) -> bool:
        """True for water or features with no land territory to attack."""
        return "sea-area" in self.tags
