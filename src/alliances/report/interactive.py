"""Plotly figures for the HTML report: map, network diagram, deltas. No tiles, no CDN.

The map is drawn on plain axes (longitude, latitude) with vendored country
outlines, so the page needs nothing from the network.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import plotly.graph_objects as go

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

if TYPE_CHECKING:
    from alliances.report.network import NetworkLayout

__all__ = ["delta_figure", "map_figure", "network_figure"]

_FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13}


def map_figure(world: World, title: str) -> go.Figure:
    """States at their capitals, treaties as links, deployments sized by personnel."""
    figure = go.Figure()
    xs, ys = coastline_xy()
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            fill="toself",
            fillcolor="#EEF0F2",
            line={"color": "#B8BEC4", "width": 0.6},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    positions = state_positions(world)
    for kind, colour in KIND_COLOURS.items():
        links = [
            link
            for link in treaty_links(world)
            if link.kind == kind and link.a in positions and link.b in positions
        ]
        if not links:
            continue
        lx: list[float | None] = []
        ly: list[float | None] = []
        for link in links:
            (x0, y0), (x1, y1) = positions[link.a], positions[link.b]
            lx += [x0, x1, None]
            ly += [y0, y1, None]
        figure.add_trace(
            go.Scatter(
                x=lx,
                y=ly,
                mode="lines",
                name=f"{kind} tie",
                hoverinfo="skip",
                line={
                    "color": colour,
                    "width": 2.2 if kind == "defense" else 1.2,
                    "dash": "solid" if kind == "defense" else "dot",
                },
            )
        )
    for command, colour in COMMAND_COLOURS.items():
        markers = [
            m for m in deployment_markers(world) if m.command == command and m.personnel != 0
        ]
        if markers:
            figure.add_trace(
                go.Scatter(
                    x=[m.lon for m in markers],
                    y=[m.lat for m in markers],
                    mode="markers",
                    name=f"forces abroad ({command} command)",
                    text=[m.label for m in markers],
                    hovertemplate="%{text}<extra></extra>",
                    marker={
                        "size": [_marker_size(m.personnel) for m in markers],
                        "color": colour,
                        "opacity": 0.55,
                        "line": {"color": "#333", "width": 1},
                    },
                )
            )
    states = sorted(positions)
    labels = state_labels(world)
    figure.add_trace(
        go.Scatter(
            x=[positions[s][0] for s in states],
            y=[positions[s][1] for s in states],
            mode="markers+text",
            text=[labels[s] for s in states],
            textposition="top center",
            name="capitals",
            marker={"size": 6, "color": "#222"},
            hoverinfo="text",
            showlegend=False,
        )
    )
    lon_min, lat_min, lon_max, lat_max = INDO_PACIFIC_BBOX
    figure.update_layout(
        title=title,
        font=_FONT,
        plot_bgcolor="#FFFFFF",
        height=560,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "y": -0.05},
        xaxis={"range": [lon_min, lon_max], "visible": False},
        yaxis={"range": [lat_min, lat_max], "visible": False, "scaleanchor": "x"},
    )
    return figure


def _marker_size(personnel: int | None) -> float:
    if personnel is None:
        return 10.0
    scaled: float = (personnel / 1000.0) ** 0.5
    return 8.0 + scaled * 4.0


def network_figure(assessment: Assessment, layout: NetworkLayout, title: str) -> go.Figure:
    """Defence pledges as arrows between states placed by a shared layout."""
    graph = assessment.graph
    arrows = [
        {
            "x": layout[target][0],
            "y": layout[target][1],
            "ax": layout[source][0],
            "ay": layout[source][1],
            "xref": "x",
            "yref": "y",
            "axref": "x",
            "ayref": "y",
            "showarrow": True,
            "arrowhead": 2,
            "arrowsize": 1,
            "arrowwidth": 0.6 + 1.6 * float(graph.weights[i, j]),
            "arrowcolor": KIND_COLOURS["defense"],
            "opacity": 0.55,
            "standoff": 9,
            "startstandoff": 9,
        }
        for i, source in enumerate(graph.states)
        for j, target in enumerate(graph.states)
        if graph.weights[i, j] > 0 and source in layout and target in layout
    ]
    figure = go.Figure(layout={"annotations": arrows})
    nodes = [s for s in graph.states if s in layout]
    degree = assessment.hub.degree
    figure.add_trace(
        go.Scatter(
            x=[layout[s][0] for s in nodes],
            y=[layout[s][1] for s in nodes],
            mode="markers+text",
            text=nodes,
            textposition="middle center",
            textfont={"size": 9, "color": "#000"},
            hovertext=[f"{s}: {degree.get(s, 0)} defence ties" for s in nodes],
            hoverinfo="text",
            marker={
                "size": [16 + 2.5 * degree.get(s, 0) for s in nodes],
                "color": ["#F0E442" if s == assessment.hub.hub else "#DDE6EE" for s in nodes],
                "line": {"color": "#333", "width": 1},
            },
            showlegend=False,
        )
    )
    figure.update_layout(
        title=title,
        font=_FONT,
        height=460,
        plot_bgcolor="#FFFFFF",
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"visible": False},
        yaxis={"visible": False},
    )
    return figure


def delta_figure(
    states: Sequence[str], series: Mapping[str, Sequence[float]], title: str, unit: str
) -> go.Figure:
    """Grouped bars: the change of one scorecard measure per state, one series per proposal."""
    figure = go.Figure()
    for index, (name, values) in enumerate(series.items()):
        figure.add_trace(
            go.Bar(
                x=list(states),
                y=list(values),
                name=name,
                marker_color=SERIES_COLOURS[index % len(SERIES_COLOURS)],
            )
        )
    figure.update_layout(
        title=title,
        font=_FONT,
        barmode="group",
        height=380,
        yaxis_title=unit,
        margin={"l": 60, "r": 10, "t": 50, "b": 40},
        plot_bgcolor="#FFFFFF",
        yaxis={"gridcolor": "#E5E5E5", "zerolinecolor": "#888"},
    )
    return figure
