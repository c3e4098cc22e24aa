"""Places: territories and areas where an attack can happen.

Examples
--------
>>> guam = Place(id="guam", name="Guam", lat=13.44, lon=144.79, administered_by="USA",
...              tags=("pacific", "island-territory"))
>>> guam.has_any_tag(("pacific",))
True
"""

from __future__ import annotations

from dataclasses import dataclass

from alliances.model.kinds import Confidence

__all__ = ["Place"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A named territory or area, who administers it and who claims it."""

    id: str
    name: str
    lat: float
    lon: float
    administered_by: str | None
    claimants: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    is_home: bool = False
    note: str | None = None
    source: str | None = None
    confidence: Confidence = Confidence.HIGH

    def has_any_tag(self, tags: tuple[str, ...]) -> bool:
        """True when the place carries at least one of ``tags``."""
        return any(tag in self.tags for tag in tags)

    @property
    def is_sea_area(self) -> bool:
        """True for water or features with no land territory to attack."""
        return "sea-area" in self.tags
