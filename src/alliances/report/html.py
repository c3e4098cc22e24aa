"""The comparison report: one self-contained HTML file, with PNG figures and CSV/JSON beside it.

The page embeds plotly.js and the country outlines, so it renders with no network.

Examples
--------
>>> import alliances, tempfile, pathlib
>>> from alliances.io.proposals import proposal_world
>>> from alliances.metrics import compare
>>> result = compare([alliances.load_world(), proposal_world("asian-nato-core")], "2025-06-01")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
>>> files = write_report(result, out)
>>> sorted(f.suffix for f in files)[:2], out.stat().st_size > 1_000_000
(['.csv', '.csv'], True)
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from alliances.io.atomic import write_text_atomic
from alliances.metrics import Comparison, summary_rows
from alliances.report.interactive import delta_figure, map_figure, network_figure
from alliances.report.network import shared_layout
from alliances.report.static import save_delta_png, save_map_png, save_network_png

__all__ = ["DELTA_MEASURES", "write_report"]

DELTA_MEASURES = {
    "protection_weighted": (
        "Strength-weighted capability pledged to defend each state",
        "US$ bn",
        1e-9,
    ),
    "entrapment_share": (
        "Share of other states' crises that oblige each state to fight",
        "share of crises",
        1.0,
    ),
}
"""Scorecard measures whose change per state the report charts: (title, unit, scale)."""

_STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1180px;
margin:0 auto;padding:1rem 1.2rem;color:#1b1f23;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #e1e4e8}
table{border-collapse:collapse;margin:.6rem 0;font-size:.88rem;width:100%}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}th{background:#f6f8fa}
.up{color:#0b5cad}.down{color:#a34a00}.muted{color:#57606a;font-size:.85rem}
.scroll{overflow-x:auto}code{background:#f6f8fa;padding:0 .2rem}
"""


def write_report(comparison: Comparison, out: Path) -> list[Path]:
    """Write ``out`` (HTML) and, beside it, PNG figures, CSV tables and the JSON; return them."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    stem = out.with_suffix("")
    layout = shared_layout([a.graph for a in comparison.assessments])
    written: list[Path] = []
    figures_html: list[str] = []
    for world, assessment in zip(comparison.worlds, comparison.assessments, strict=True):
        snapshot = world.at(comparison.date)
        figures_html.append(f"<h3>{html.escape(assessment.name)}</h3>")
        map_title = f"{assessment.world}: treaties and forces abroad"
        figures_html.append(_figure_block(map_figure(snapshot, map_title), "map"))
        png = Path(f"{stem}-map-{assessment.world}.png")
        save_map_png(snapshot, f"{assessment.name} ({comparison.date})", png)
        network_title = f"{assessment.world}: defence pledges, guarantor → protected"
        figures_html.append(
            _figure_block(network_figure(assessment, layout, network_title), "network")
        )
        network_png = Path(f"{stem}-network-{assessment.world}.png")
        save_network_png(assessment, layout, network_title, network_png)
        written += [png, network_png]
    delta_html = []
    if len(comparison.assessments) > 1:
        for field, (title, unit, scale) in DELTA_MEASURES.items():
            states, series = _delta_series(comparison, field, scale)
            delta_html.append(
                _figure_block(delta_figure(states, series, f"Change: {title}", unit), "delta")
            )
            png = Path(f"{stem}-delta-{field}.png")
            save_delta_png(states, series, f"Change: {title}", unit, png)
            written.append(png)
    written += _write_tables(comparison, stem)
    write_text_atomic(out, _page(comparison, figures_html, delta_html))
    return [out, *written]


def _delta_series(
    comparison: Comparison,
    field: str,
    scale: float,
) -> tuple[list[str], dict[str, list[float]]]:
    names = [a.world for a in comparison.assessments[1:]]
    states = [
        s
        for s in comparison.base.graph.states
        if any(abs(comparison.delta(n, s, field)) > 1e-9 for n in names)
    ]
    return states, {n: [comparison.delta(n, s, field) * scale for s in states] for n in names}


def _figure_block(figure: Any, kind: str) -> str:
    body = figure.to_html(
        full_html=False, include_plotlyjs=False, config={"displaylogo": False, "responsive": True}
    )
    return f'<div class="figure {kind}">{body}</div>'


def _page(comparison: Comparison, figures: list[str], deltas: list[str]) -> str:
    import plotly.offline

    names = [a.name for a in comparison.assessments]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Alliance architectures compared, {comparison.date}</title>",
        f"<style>{_STYLE}</style>",
        f"<script>{plotly.offline.get_plotlyjs()}</script></head><body>",
        "<h1>Alliance architectures compared</h1>",
        "<ul>"
        + "".join(
            f"<li><code>{html.escape(a.world)}</code>: {html.escape(a.name)}</li>"
            for a in comparison.assessments
        )
        + "</ul>",
        f"<p class='muted'>On {comparison.date}. Changes are measured against "
        f"<b>{html.escape(names[0])}</b>; ▲ marks an increase and ▼ a decrease, not a "
        "judgement. Capability is "
        f"<code>{comparison.base.parameters.capability}</code>. Formulas: docs/metrics.md of "
        "the alliances project. Every treaty and figure is sourced in the data files.</p>",
        "<h2>Summary</h2>",
        _summary_table(comparison),
        "<h2>Key actors</h2>",
        _actors_table(comparison),
        "<h2>Scorecards: protection and entrapment per state</h2>",
        "<div class='scroll'>",
        _scorecard_table(comparison),
        "</div>",
    ]
    if deltas:
        parts += ["<h2>What changes for each state</h2>", *deltas]
    parts += ["<h2>Maps and networks</h2>", *figures]
    if comparison.diffs:
        parts += ["<h2>What each proposal changes</h2>", _diff_lists(comparison)]
    parts += [
        "<p class='muted'>Country outlines: Natural Earth 1:110m via world-atlas 2.0.2 "
        "(ISC licence); made with alliances.</p></body></html>"
    ]
    return "\n".join(parts)


def _number(value: Any, delta: float | None = None) -> str:
    if isinstance(value, float):
        shown = f"{value:,.3g}" if abs(value) < 1e4 else f"{value:,.0f}"
    else:
        shown = html.escape(str(value)) if value is not None else "–"
    if delta is None or abs(delta) < 1e-12:
        return shown
    css, arrow = ("up", "▲") if delta > 0 else ("down", "▼")
    return f"{shown} <span class='{css}'>{arrow}{delta:+.3g}</span>"


def _summary_table(comparison: Comparison) -> str:
    rows = summary_rows(list(comparison.assessments))
    head = "".join(f"<th>{html.escape(a.world)}</th>" for a in comparison.assessments)
    body = "".join(
        f"<tr><td>{html.escape(row['metric'].replace('_', ' '))}</td>"
        + "".join(
            f"<td>{_number(v, d if i else None)}</td>"
            for i, (v, d) in enumerate(zip(row["values"], row["deltas"], strict=True))
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><tr><th>metric</th>{head}</tr>{body}</table>"


def _actors_table(comparison: Comparison) -> str:
    rows: list[tuple[str, list[Any]]] = []
    for assessment in comparison.assessments:
        usa = assessment.scorecard("USA") if "USA" in assessment.graph.states else None
        jpn = assessment.scorecard("JPN")
        forces = jpn.foreign_forces.by_command if jpn.foreign_forces else {}
        rows.append(
            (
                assessment.name,
                [
                    usa.degree if usa else None,
                    assessment.hub.hub_share if assessment.hub.hub == "USA" else 0.0,
                    jpn.protection_weighted / 1e9,
                    jpn.autonomy,
                    forces.get("national", 0) + forces.get("shared", 0),
                    forces.get("shared", 0),
                    assessment.encirclement.share,
                ],
            )
        )
    heads = [
        "architecture",
        "US defence ties",
        "US share of pledges",
        "Japan: protection (US$ bn)",
        "Japan: autonomy (1 - largest guarantor share)",
        "Japan: foreign personnel under foreign or shared command",
        "of which shared",
        f"{comparison.base.encirclement.observer}: encirclement",
    ]
    return _table(heads, rows)


def _scorecard_table(comparison: Comparison) -> str:
    heads = ["state"]
    for assessment in comparison.assessments:
        heads += [f"{assessment.world}: protection (US$ bn)", "entrapment (crises)"]
    rows = []
    for state in comparison.base.graph.states:
        if not any(
            a.scorecard(state).protection_weighted or a.scorecard(state).entrapment.crises
            for a in comparison.assessments
        ):
            continue
        cells: list[Any] = []
        for index, assessment in enumerate(comparison.assessments):
            card = assessment.scorecard(state)
            base = comparison.base.scorecard(state)
            cells += [
                _number(
                    card.protection_weighted / 1e9,
                    (card.protection_weighted - base.protection_weighted) / 1e9 if index else None,
                ),
                _number(
                    card.entrapment.crises,
                    card.entrapment.crises - base.entrapment.crises if index else None,
                ),
            ]
        rows.append((state, cells))
    return _table(heads, rows, escape=False)


def _table(
    heads: Sequence[str], rows: Sequence[tuple[str, Sequence[Any]]], escape: bool = True
) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    body = "".join(
        f"<tr><td>{html.escape(label)}</td>"
        + "".join(f"<td>{_number(c) if escape else c}</td>" for c in cells)
        + "</tr>"
        for label, cells in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _diff_lists(comparison: Comparison) -> str:
    parts = []
    for diff in comparison.diffs:
        items = (
            [
                f"+ {p.owed_by} owes {p.owed_to} {p.kind.value} ({p.treaty}, "
                f"{p.obligation.article.ref})"
                for p in diff.pledges_added
            ]
            + [
                f"− {p.owed_by} no longer owes {p.owed_to} {p.kind.value} ({p.treaty})"
                for p in diff.pledges_removed
            ]
            + [
                f"~ {b.owed_by} to {b.owed_to}: {b.treaty} {a.obligation.article.ref} becomes "
                f"{b.obligation.article.ref}"
                for a, b in diff.pledges_changed
            ]
            + [
                f"+ {d.guest} forces in {d.host} ({d.command.value} command)"
                for d in diff.deployments_added
            ]
            + [f"− {d.guest} forces leave {d.host}" for d in diff.deployments_removed]
            + [
                f"~ {b.guest} forces in {b.host}: {a.command.value} → {b.command.value} command"
                for a, b in diff.deployments_changed
            ]
        )
        listed = "".join(f"<li>{html.escape(i)}</li>" for i in items[:60])
        more = f"<li>… and {len(items) - 60} more</li>" if len(items) > 60 else ""
        parts.append(f"<h3>{html.escape(diff.other)}</h3><ul>{listed}{more}</ul>")
    return "".join(parts)


def _write_tables(comparison: Comparison, stem: Path) -> list[Path]:
    summary = io.StringIO()
    writer = csv.writer(summary)
    writer.writerow(["metric", *[a.world for a in comparison.assessments]])
    for row in summary_rows(list(comparison.assessments)):
        writer.writerow([row["metric"], *row["values"]])
    cards = io.StringIO()
    fields = ["architecture", *comparison.base.scorecards[0].to_dict()]
    card_writer = csv.DictWriter(cards, fieldnames=fields)
    card_writer.writeheader()
    for assessment in comparison.assessments:
        for card in assessment.scorecards:
            record = {
                k: json.dumps(v) if isinstance(v, dict | list) else v
                for k, v in card.to_dict().items()
            }
            card_writer.writerow({"architecture": assessment.world, **record})
    paths = [Path(f"{stem}-summary.csv"), Path(f"{stem}-scorecards.csv"), Path(f"{stem}.json")]
    write_text_atomic(paths[0], summary.getvalue())
    write_text_atomic(paths[1], cards.getvalue())
    write_text_atomic(paths[2], json.dumps(comparison.to_dict(), indent=2, default=str) + "\n")
    return paths
