"""Rows for ``alliances list``: states, places, treaties in force, crises."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliances.errors import UnknownEntityError
from alliances.model import World, parse_date

__all__ = ["LISTABLE", "listing"]

LISTABLE = ("states", "places", "treaties", "crises")


def listing(world: World, kind: str, date: str | None) -> list[dict[str, Any]]:
    """The rows of one kind of entity (treaties: those in force at ``date``)."""
    if kind not in LISTABLE:
        raise UnknownEntityError("list", kind, LISTABLE)
    snapshot = world.at(parse_date(date) if date else dt.date.today())
    if kind == "states":
        return [
            {
                "id": s.id,
                "cow": s.cow,
                "name": s.name,
                "military_expenditure_usd": s.figure("military_expenditure_usd"),
                "active_personnel": s.figure("active_personnel"),
            }
            for s in snapshot.existing_states()
        ]
    if kind == "places":
        return [
            {
                "id": p.id,
                "name": p.name,
                "administered_by": p.administered_by,
                "claimants": list(p.claimants),
                "tags": list(p.tags),
            }
            for p in world.places
        ]
    if kind == "treaties":
        return [
            {
                "id": t.id,
                "name": t.label,
                "instrument": t.instrument.value,
                "members": list(t.members_on(snapshot.day)),
                "kinds": sorted({o.kind.value for o in t.obligations}),
                "in_force": t.in_force.isoformat() if t.in_force else None,
            }
            for t in snapshot.treaties_in_force()
        ]
    return [
        {
            "id": c.id,
            "name": c.name,
            "aggressor": c.aggressor,
            "target": c.target,
            "place": c.place,
            "date": c.date.isoformat(),
        }
        for c in world.crises
    ]
