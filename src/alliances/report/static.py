"""PNG versions of the report's figures (matplotlib's object API, no browser, no pyplot state).

Examples
--------
>>> import alliances, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "map.png"
>>> save_map_png(alliances.load_world().at("2024-10-01"), "Indo-Pacific 2024", out)
>>> out.stat().st_size > 10_000
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure

from alliances.metrics.assessment import Assessment
from alliances.model import World
from alliances.report.geo import INDO_PACIFIC_BBOX
from alliances.report.layers import (
    COMMAND_COLOURS,
    KIND_COLOURS,
    SERIES_COLOURS,
    coastline_xy,
    deployment_markers,
    state_labels,
    state_positions,
    treaty_links,
)
from alliances.report.network import NetworkLayout

__all__ = ["save_delta_png", "save_map_png", "save_network_png"]


def _segments(
    xs: Sequence[float | None],
    ys: Sequence[float | None],
) -> list[tuple[list[float], list[float]]]:
    parts: list[tuple[list[float], list[float]]] = [([], [])]
    for x, y in zip(xs, ys, strict=True):
        if x is None or y is None:
            parts.append(([], []))
        else:
            parts[-1][0].append(x)
            parts[-1][1].append(y)
    return [p for p in parts if p[0]]


def save_map_png(world: World, title: str, path: Path) -> None:
    """The map: outlines, treaty links, deployments sized by personnel, capitals."""
    figure = Figure(figsize=(10, 7.5), dpi=110)
    axes = figure.subplots()
    outlines = [list(zip(xs, ys, strict=True)) for xs, ys in _segments(*coastline_xy())]
    axes.add_collection(
        PolyCollection(outlines, facecolors="#EEF0F2", edgecolors="#B8BEC4", linewidths=0.5)
    )
    positions = state_positions(world)
    drawn: set[str] = set()
    for link in treaty_links(world):
        if link.a not in positions or link.b not in positions:
            continue
        (x0, y0), (x1, y1) = positions[link.a], positions[link.b]
        axes.plot(
            [x0, x1],
            [y0, y1],
            color=KIND_COLOURS[link.kind],
            linewidth=2.0 if link.kind == "defense" else 1.0,
            linestyle="-" if link.kind == "defense" else ":",
            label=None if link.kind in drawn else f"{link.kind} tie",
        )
        drawn.add(link.kind)
    for marker in deployment_markers(world):
        size = 40 if marker.personnel is None else 30 + marker.personnel / 60
        axes.scatter(
            marker.lon,
            marker.lat,
            s=size,
            color=COMMAND_COLOURS[marker.command],
            alpha=0.55,
            edgecolors="#333",
            linewidths=0.8,
        )
    labels = state_labels(world)
    for state, (x, y) in positions.items():
        axes.plot(x, y, "o", color="#222", markersize=3)
        axes.annotate(
            labels[state],
            (x, y),
            textcoords="offset points",
            xytext=(0, 4),
            ha="center",
            fontsize=7,
        )
    lon_min, lat_min, lon_max, lat_max = INDO_PACIFIC_BBOX
    axes.set_xlim(lon_min, lon_max)
    axes.set_ylim(lat_min, lat_max)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.set_title(title)
    axes.legend(loc="lower left", fontsize=8, frameon=False)
    _save(figure, path)


def save_network_png(assessment: Assessment, layout: NetworkLayout, title: str, path: Path) -> None:
    """The defence network: arrows from guarantor to protected state, hub highlighted."""
    graph = assessment.graph
    figure = Figure(figsize=(8, 6), dpi=110)
    axes = figure.subplots()
    edges = [
        (layout[source], layout[target], float(graph.weights[i, j]))
        for i, source in enumerate(graph.states)
        for j, target in enumerate(graph.states)
        if graph.weights[i, j] > 0 and source in layout and target in layout
    ]
    axes.add_collection(
        LineCollection(
            [(a, b) for a, b, _ in edges],
            linewidths=[0.6 + 1.6 * w for _, _, w in edges],
            colors=KIND_COLOURS["defense"],
            alpha=0.5,
        )
    )
    # arrowheads three quarters of the way from guarantor to protected state
    axes.quiver(
        [a[0] + 0.7 * (b[0] - a[0]) for a, b, _ in edges],
        [a[1] + 0.7 * (b[1] - a[1]) for a, b, _ in edges],
        [b[0] - a[0] for a, b, _ in edges],
        [b[1] - a[1] for a, b, _ in edges],
        angles="xy",
        scale_units="xy",
        scale=12,
        width=0.004,
        headwidth=4,
        color=KIND_COLOURS["defense"],
        alpha=0.8,
        zorder=2,
    )
    for state, (x, y) in layout.items():
        colour = "#F0E442" if state == assessment.hub.hub else "#DDE6EE"
        axes.scatter(
            x,
            y,
            s=160 + 30 * assessment.hub.degree.get(state, 0),
            color=colour,
            edgecolors="#333",
            zorder=3,
        )
        axes.annotate(state, (x, y), ha="center", va="center", fontsize=7, zorder=4)
    axes.axis("off")
    axes.set_title(title)
    _save(figure, path)


def save_delta_png(
    states: Sequence[str], series: Mapping[str, Sequence[float]], title: str, unit: str, path: Path
) -> None:
    """Grouped bars of one measure's change per state."""
    figure = Figure(figsize=(10, 4), dpi=110)
    axes = figure.subplots()
    width = 0.8 / max(1, len(series))
    for index, (name, values) in enumerate(series.items()):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        positions = [k + index * width for k in range(len(states))]
        axes.bar(positions, list(values), width, label=name, color=colour)
    axes.set_xticks([k + 0.4 - width / 2 for k in range(len(states))], list(states), fontsize=8)
    axes.axhline(0, color="#888", linewidth=0.8)
    axes.set_ylabel(unit)
    axes.set_title(title)
    axes.legend(fontsize=8, frameon=False)
    _save(figure, path, left=0.08, bottom=0.1)


def _save(figure: Figure, path: Path, left: float = 0.02, bottom: float = 0.06) -> None:
    """Write atomically: a temporary file in the same folder, then a rename."""
    figure.subplots_adjust(left=left, right=0.98, top=0.92, bottom=bottom)
    temporary = path.with_name(f".{path.name}.tmp")
    figure.savefig(temporary, format="png")
    temporary.replace(path)
