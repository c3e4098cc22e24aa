"""What the map draws at a date, as JSON: the report's layers plus status and provenance.

Positions, link kinds and deployment markers come from
:mod:`alliances.report.layers` (the same data the HTML report draws); this
module adds what a browser needs to hover and dash: each tie's treaties with
their key article and source, and ties that are suspended or signed but not
yet in force.

Examples
--------
>>> from alliances.web.architectures import snapshot
>>> layers = map_layers(snapshot("current", "2024-10-01"))
>>> any(l["a"] == "NZL" and l["b"] == "USA" and l["status"] == "suspended"
...     for l in layers["links"])
True
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliances.model import Pledge, Treaty, World, in_period
from alliances.report.geo import INDO_PACIFIC_BBOX
from alliances.report.layers import (
    COMMAND_COLOURS,
    KIND_COLOURS,
    KIND_RANK,
    coastline_xy,
    deployment_markers,
    state_labels,
    state_positions,
    treaty_links,
)

__all__ = ["coastlines", "map_layers", "timeline_events"]


def map_layers(world: World) -> dict[str, Any]:
    """States, ties (in force, suspended, pending) and deployments of a snapshot."""
    positions = state_positions(world)
    labels = state_labels(world)
    links = [*_links_in_force(world), *_suspended(world), *_pending(world)]
    return {
        "world": world.id,
        "date": world.day.isoformat(),
        "bbox": list(INDO_PACIFIC_BBOX),
        "states": [
            {
                "id": s.id,
                "name": s.name,
                "label": labels[s.id],
                "lon": positions[s.id][0],
                "lat": positions[s.id][1],
            }
            for s in world.existing_states()
        ],
        "links": [link for link in links if link["a"] in positions and link["b"] in positions],
        "deployments": _deployments(world),
        "colours": {"kinds": KIND_COLOURS, "commands": COMMAND_COLOURS},
    }


def _treaty_entry(treaty: Treaty, pledges: list[Pledge]) -> dict[str, Any]:
    key = min(pledges, key=lambda p: _rank(p.obligation.kind.value)) if pledges else None
    return {
        "id": treaty.id,
        "name": treaty.label,
        "kind": key.obligation.kind.value if key else None,
        "article": key.obligation.article.ref if key else None,
        "summary": key.obligation.article.summary if key else None,
        "source": treaty.source,
    }


def _rank(kind: str) -> int:
    return KIND_RANK.index(kind) if kind in KIND_RANK else len(KIND_RANK)


def _links_in_force(world: World) -> list[dict[str, Any]]:
    by_pair: dict[tuple[str, str, str], list[Pledge]] = {}
    for pledge in world.pledges:
        a, b = sorted((pledge.owed_by, pledge.owed_to))
        by_pair.setdefault((a, b, pledge.treaty), []).append(pledge)
    return [
        {
            "a": link.a,
            "b": link.b,
            "kind": link.kind,
            "mutual": link.mutual,
            "status": "in-force",
            "treaties": [
                _treaty_entry(world.treaty(t), by_pair.get((link.a, link.b, t), []))
                for t in link.treaties
            ],
        }
        for link in treaty_links(world)
    ]


def _suspended(world: World) -> list[dict[str, Any]]:
    day = world.day
    links = []
    for treaty in world.treaties_in_force():
        for pause in treaty.suspensions:
            if in_period(day, pause.since, pause.until):
                a, b = sorted((pause.owed_by, pause.owed_to))
                entry = _treaty_entry(treaty, [])
                entry["note"] = pause.note
                links.append(_link(a, b, _strongest_kind(treaty), "suspended", entry))
    return links


def _pending(world: World) -> list[dict[str, Any]]:
    day = world.day
    links = []
    for treaty in world.treaties:
        if not treaty.signed_not_in_force_on(day):
            continue
        members = sorted({m.state for m in treaty.members})
        entry = _treaty_entry(treaty, [])
        entry["in_force"] = treaty.in_force.isoformat() if treaty.in_force else None
        links += [
            _link(a, b, _strongest_kind(treaty), "not-yet-in-force", entry)
            for i, a in enumerate(members)
            for b in members[i + 1 :]
        ]
    return links


def _strongest_kind(treaty: Treaty) -> str:
    kinds = [o.kind.value for o in treaty.obligations] or ["forum"]
    return min(kinds, key=_rank)


def _link(a: str, b: str, kind: str, status: str, treaty: dict[str, Any]) -> dict[str, Any]:
    return {"a": a, "b": b, "kind": kind, "mutual": False, "status": status, "treaties": [treaty]}


def _deployments(world: World) -> list[dict[str, Any]]:
    return [
        {
            "id": deployment.id,
            "guest": deployment.guest,
            "host": deployment.host,
            "lon": marker.lon,
            "lat": marker.lat,
            "personnel": deployment.personnel,
            "command": deployment.command.value,
            "label": marker.label,
            "source": deployment.source,
        }
        for deployment, marker in zip(
            world.deployments_in_force(), deployment_markers(world), strict=True
        )
    ]


def coastlines() -> dict[str, Any]:
    """Country outlines of the map's frame (Natural Earth, vendored), as x/y with gaps."""
    xs, ys = coastline_xy()
    return {"bbox": list(INDO_PACIFIC_BBOX), "x": list(xs), "y": list(ys)}


def timeline_events(world: World) -> list[dict[str, Any]]:
    """Each treaty's signature, entry into force and end, oldest first, for the date slider."""
    events = [
        {"date": day.isoformat(), "treaty": treaty.id, "name": treaty.label, "event": event}
        for treaty in world.treaties
        for event, day in (
            ("signed", treaty.signed),
            ("in force", treaty.in_force),
            ("ended", treaty.ended),
        )
        if isinstance(day, dt.date)
    ]
    return sorted(events, key=lambda e: (e["date"], e["treaty"]))
