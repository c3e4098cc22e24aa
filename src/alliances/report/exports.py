"""Exports of a world snapshot: GraphML and GEXF (Gephi), GeoJSON, JSON.

Examples
--------
>>> import alliances, json, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "world.geojson"
>>> export_world(alliances.load_world().at("2024-10-01"), "geojson", out)
>>> data = json.loads(out.read_text())
>>> data["type"], {f["geometry"]["type"] for f in data["features"]} == {"LineString", "Point"}
('FeatureCollection', True)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alliances.errors import AlliancesError
from alliances.io.atomic import write_text_atomic
from alliances.model import World

__all__ = ["EXPORT_FORMATS", "export_world", "world_graph", "world_to_geojson", "world_to_json"]

EXPORT_FORMATS = ("graphml", "gexf", "geojson", "json")


def world_graph(world: World) -> Any:
    """A networkx MultiDiGraph: states as nodes, one edge per pledge in force."""
    import networkx as nx

    graph = nx.MultiDiGraph(name=world.name, date=world.day.isoformat())
    for state in world.existing_states():
        graph.add_node(
            state.id,
            label=state.name,
            cow=state.cow or 0,
            lat=state.capital.lat,
            lon=state.capital.lon,
            military_expenditure_usd=state.figure("military_expenditure_usd") or 0.0,
        )
    for pledge in world.pledges:
        obligation = pledge.obligation
        graph.add_edge(
            pledge.owed_by,
            pledge.owed_to,
            key=f"{pledge.treaty}/{obligation.id}",
            treaty=pledge.treaty,
            kind=obligation.kind.value,
            strength=obligation.strength.value,
            article=obligation.article.ref,
        )
    return graph


def world_to_geojson(world: World) -> dict[str, Any]:
    """Pledges as lines between capitals, deployments as points."""
    features: list[dict[str, Any]] = []
    for pledge in world.pledges:
        start, end = world.state(pledge.owed_by).capital, world.state(pledge.owed_to).capital
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[start.lon, start.lat], [end.lon, end.lat]],
                },
                "properties": {
                    "treaty": pledge.treaty,
                    "kind": pledge.kind.value,
                    "owed_by": pledge.owed_by,
                    "owed_to": pledge.owed_to,
                    "strength": pledge.obligation.strength.value,
                    "article": pledge.obligation.article.ref,
                },
            }
        )
    for deployment in world.deployments_in_force():
        place = world.place(deployment.place or deployment.host)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": {
                    "deployment": deployment.id,
                    "guest": deployment.guest,
                    "host": deployment.host,
                    "personnel": deployment.personnel,
                    "command": deployment.command.value,
                    "source": deployment.source,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def world_to_json(world: World) -> dict[str, Any]:
    """The snapshot's states, treaties in force with members, pledges and deployments."""
    return {
        "world": world.id,
        "name": world.name,
        "date": world.day.isoformat(),
        "states": [
            {
                "id": s.id,
                "name": s.name,
                "cow": s.cow,
                "figures": {
                    k: {
                        "value": f.value,
                        "year": f.year,
                        "source": f.source,
                        "confidence": f.confidence.value,
                    }
                    for k, f in s.figures.items()
                },
            }
            for s in world.existing_states()
        ],
        "treaties": [
            {
                "id": t.id,
                "name": t.name,
                "instrument": t.instrument.value,
                "members": list(world.members_of(t.id)),
                "source": t.source,
            }
            for t in world.treaties_in_force()
        ],
        "pledges": [
            {
                "treaty": p.treaty,
                "kind": p.kind.value,
                "owed_by": p.owed_by,
                "owed_to": p.owed_to,
                "strength": p.obligation.strength.value,
                "article": p.obligation.article.ref,
            }
            for p in world.pledges
        ],
        "deployments": [
            {
                "id": d.id,
                "guest": d.guest,
                "host": d.host,
                "place": d.place,
                "personnel": d.personnel,
                "command": d.command.value,
                "source": d.source,
            }
            for d in world.deployments_in_force()
        ],
    }


def export_world(world: World, fmt: str, out: Path) -> None:
    """Write ``world`` (a snapshot) in ``fmt`` to ``out``, atomically."""
    if fmt not in EXPORT_FORMATS:
        raise AlliancesError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}"
        )
    if fmt in ("graphml", "gexf"):
        import networkx as nx

        writer = nx.generate_graphml if fmt == "graphml" else nx.generate_gexf
        write_text_atomic(out, "\n".join(writer(world_graph(world))) + "\n")
        return
    data = world_to_geojson(world) if fmt == "geojson" else world_to_json(world)
    write_text_atomic(out, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
