"""States: the actors that owe and receive obligations.

Examples
--------
>>> tokyo = Capital(name="Tokyo", lat=35.69, lon=139.69)
>>> japan = State(id="JPN", cow=740, name="Japan", capital=tokyo, home_tags=("metropolitan",))
>>> japan.home_place().administered_by
'JPN'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from alliances.model.figures import Figure
from alliances.model.place import Place

__all__ = ["Capital", "State"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Capital:
    """A capital city and its coordinates (decimal degrees)."""

    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True, kw_only=True)
class State:
    """A sovereign state, identified by its ISO 3166-1 alpha-3 code.

    ``figures`` maps a measure (``military_expenditure_usd``,
    ``active_personnel``, ``population``, ``gdp_usd``, ``nuclear_status``,
    ``regime``) to a sourced :class:`Figure`.
    """

    id: str
    cow: int | None
    name: str
    capital: Capital
    home_tags: tuple[str, ...] = ()
    exists_since: dt.date | None = None
    exists_until: dt.date | None = None
    figures: dict[str, Figure] = field(default_factory=dict, hash=False)

    def exists_on(self, day: dt.date) -> bool:
        """True when the state existed as an independent state on ``day``."""
        started = self.exists_since is None or self.exists_since <= day
        return started and (self.exists_until is None or day < self.exists_until)

    def figure(self, measure: str) -> float | None:
        """The numeric value of a measure, or None when unknown."""
        found = self.figures.get(measure)
        return found.number if found else None

    def home_place(self) -> Place:
        """The state's metropolitan territory as a place (attacks without ``--at``)."""
        return Place(
            id=self.id,
            name=f"{self.name} (home territory)",
            lat=self.capital.lat,
            lon=self.capital.lon,
            administered_by=self.id,
            tags=self.home_tags,
            is_home=True,
        )
