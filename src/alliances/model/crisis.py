"""Crises: a named attack to evaluate (aggressor, target, place, date).

Examples
--------
>>> import datetime as dt
>>> c = Crisis(id="senkaku", name="China seizes the Senkakus", aggressor="CHN", target="JPN",
...            place="senkaku-islands", date=dt.date(2024, 10, 1))
>>> c.aggressor, c.target
('CHN', 'JPN')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Crisis"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Crisis:
    """An attack by ``aggressor`` on ``target`` at ``place`` (home territory if None)."""

    id: str
    name: str
    aggressor: str
    target: str
    place: str | None = None
    date: dt.date
    note: str | None = None
