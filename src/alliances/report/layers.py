"""The data behind every figure, computed once and drawn by both renderers (plotly, matplotlib).

Examples
--------
>>> import alliances
>>> world = alliances.load_world().at("2024-10-01")
>>> links = treaty_links(world)
>>> ("JPN", "USA", "defense") in {(l.a, l.b, l.kind) for l in links}
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from alliances.model import ObligationKind, World
from alliances.report.geo import INDO_PACIFIC_BBOX, countries_in, unwrap

__all__ = [
    "COMMAND_COLOURS",
    "KIND_COLOURS",
    "KIND_RANK",
    "SERIES_COLOURS",
    "Link",
    "Marker",
    "coastline_xy",
    "deployment_markers",
    "state_labels",
    "state_positions",
    "treaty_links",
]

# Okabe-Ito palette: distinguishable for colour-blind readers.
KIND_COLOURS = {
    "defense": "#D55E00",
    "consultation": "#0072B2",
    "access": "#009E73",
    "forum": "#CC79A7",
    "nonaggression": "#999999",
    "neutrality": "#999999",
    "offense": "#000000",
}
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
"""Colours of the proposals' series in delta charts (Okabe-Ito)."""
COMMAND_COLOURS = {"national": "#E69F00", "integrated": "#56B4E9", "shared": "#009E73"}
KIND_RANK = (
    "defense",
    "offense",
    "consultation",
    "neutrality",
    "nonaggression",
    "access",
    "forum",
)
"""Obligation kinds, strongest first: a tie is drawn as its strongest kind."""


@dataclass(frozen=True, slots=True)
class Link:
    """An undirected tie between two states, of its strongest kind, with the treaties behind it."""

    a: str
    b: str
    kind: str
    treaties: tuple[str, ...]
    mutual: bool


@dataclass(frozen=True, slots=True)
class Marker:
    """A deployment drawn on the map."""

    label: str
    lon: float
    lat: float
    personnel: int | None
    command: str


def state_positions(world: World) -> dict[str, tuple[float, float]]:
    """Capital (lon, lat) of each state in the map's frame.

    Longitudes west of 30 W are shifted by 360 so the Pacific is continuous;
    capitals outside the Indo-Pacific frame (Washington, London, Paris, Ottawa)
    are pinned to the frame's edge at their latitude, and labelled with an arrow
    by :func:`state_labels`.
    """
    return {
        s.id: _inside_frame(_east(s.capital.lon), s.capital.lat) for s in world.existing_states()
    }


def state_labels(world: World) -> dict[str, str]:
    """Each state's map label: its id, with an arrow when its capital is off the map."""
    lon_min, _, lon_max, _ = INDO_PACIFIC_BBOX
    labels = {}
    for state in world.existing_states():
        lon = _east(state.capital.lon)
        arrow = " →" if lon > lon_max else " ←" if lon < lon_min else ""
        labels[state.id] = state.id + arrow
    return labels


def _inside_frame(lon: float, lat: float) -> tuple[float, float]:
    lon_min, lat_min, lon_max, lat_max = INDO_PACIFIC_BBOX
    margin = 3.0
    return (
        min(max(lon, lon_min + margin), lon_max - margin),
        min(max(lat, lat_min + margin), lat_max - margin),
    )


def _east(lon: float) -> float:
    return lon + 360.0 if lon < -30.0 else lon


def treaty_links(world: World) -> tuple[Link, ...]:
    """One link per pair of states tied by pledges in force, coloured by the strongest kind."""
    kinds: dict[tuple[str, str], set[str]] = {}
    treaties: dict[tuple[str, str], set[str]] = {}
    directions: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for pledge in world.pledges:
        key = (min(pledge.owed_by, pledge.owed_to), max(pledge.owed_by, pledge.owed_to))
        kinds.setdefault(key, set()).add(pledge.obligation.kind.value)
        treaties.setdefault(key, set()).add(pledge.treaty)
        if pledge.obligation.kind is ObligationKind.DEFENSE:
            directions.setdefault(key, set()).add((pledge.owed_by, pledge.owed_to))
    return tuple(
        Link(
            a,
            b,
            min(kinds[(a, b)], key=KIND_RANK.index),
            tuple(sorted(treaties[(a, b)])),
            len(directions.get((a, b), ())) == 2,
        )
        for a, b in sorted(kinds)
    )


def deployment_markers(world: World) -> tuple[Marker, ...]:
    """Deployments in force at their place (or the host's capital)."""
    markers = []
    for deployment in world.deployments_in_force():
        place = world.place(deployment.place or deployment.host)
        size = f"{deployment.personnel:,}" if deployment.personnel is not None else "no figure"
        markers.append(
            Marker(
                label=f"{deployment.guest} forces in {place.name}: {size} "
                f"({deployment.command.value} command)",
                lon=_east(place.lon),
                lat=place.lat,
                personnel=deployment.personnel,
                command=deployment.command.value,
            )
        )
    return tuple(markers)


@functools.lru_cache(maxsize=1)
def coastline_xy() -> tuple[tuple[float | None, ...], tuple[float | None, ...]]:
    """Country outlines of the Indo-Pacific as x/y sequences separated by None (one trace)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for country in countries_in(INDO_PACIFIC_BBOX):
        for ring in country.rings:
            points = unwrap(ring, min_lon=0.0)
            xs.extend(p[0] for p in points)
            ys.extend(p[1] for p in points)
            xs.append(None)
            ys.append(None)
    return tuple(xs), tuple(ys)
