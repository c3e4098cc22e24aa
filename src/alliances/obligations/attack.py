"""What is being asked: an attack, and the strikes a cascade derives from it.

Examples
--------
>>> import datetime as dt
>>> Attack(aggressor="CHN", target="JPN", place="senkaku-islands", date=dt.date(2024, 10, 1)).label
'CHN attacks JPN at senkaku-islands on 2024-10-01'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alliances.model import Crisis, Place

__all__ = ["Attack", "Strike"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Attack:
    """An armed attack by ``aggressor`` on ``target`` at ``place`` (a place id) on ``date``."""

    aggressor: str
    target: str
    place: str
    date: dt.date

    @staticmethod
    def of_crisis(crisis: Crisis) -> Attack:
        """The attack a scenario's crisis describes (its place defaults to the target's home)."""
        return Attack(
            aggressor=crisis.aggressor,
            target=crisis.target,
            place=crisis.place or crisis.target,
            date=crisis.date,
        )

    @property
    def label(self) -> str:
        """A one-line description."""
        return f"{self.aggressor} attacks {self.target} at {self.place} on {self.date.isoformat()}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Strike:
    """One armed attack in a war: ``attacker`` strikes ``attacked`` at ``place``.

    ``provoked`` is True when the attacked state is itself on the side that
    started the war (so non-provocation clauses do not protect it).
    """

    attacker: str
    attacked: str
    place: Place
    provoked: bool = False
