"""The comparison report and the exports, as a user receives them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

import alliances
from alliances.io.proposals import proposal_world
from alliances.metrics import compare
from alliances.report.exports import export_world
from alliances.report.html import write_report


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    result = compare([alliances.load_world(), proposal_world("asian-nato-core")], "2025-06-01")
    out = tmp_path_factory.mktemp("out") / "nested" / "report.html"
    return out, write_report(result, out)


def test_report_is_self_contained(report: tuple[Path, list[Path]]) -> None:
    out, _ = report
    page = out.read_text(encoding="utf-8")
    assert "Alliance architectures compared" in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=[\"']https?:", page)
    assert "cdn.plot.ly" not in page.replace("https://cdn.plot.ly", "")  # no loader URL used
    assert page.count("Plotly.newPlot") >= 4  # two maps and two networks


def test_png_csv_and_json_beside_the_page(report: tuple[Path, list[Path]]) -> None:
    out, files = report
    assert all(f.parent == out.parent for f in files)
    pngs = [f for f in files if f.suffix == ".png"]
    assert len(pngs) == 2 * 2 + 2  # map and network per architecture, two delta charts
    assert all(f.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for f in pngs)
    data = json.loads(Path(f"{out.with_suffix('')}.json").read_text())
    assert data["architectures"] == ["indo-pacific-2024", "asian-nato-core"]
    summary = Path(f"{out.with_suffix('')}-summary.csv").read_text().splitlines()
    assert summary[0] == "metric,indo-pacific-2024,asian-nato-core"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_exports_read_back(tmp_path: Path, fmt: str) -> None:
    world = alliances.load_world().at("2024-10-01")
    out = tmp_path / f"world.{fmt}"
    export_world(world, fmt, out)
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert graph.number_of_edges() == len(world.pledges)
    assert graph.has_edge("USA", "JPN")


def test_geojson_and_json_exports(tmp_path: Path) -> None:
    world = alliances.load_world().at("2024-10-01")
    export_world(world, "geojson", tmp_path / "w.geojson")
    export_world(world, "json", tmp_path / "w.json")
    features = json.loads((tmp_path / "w.geojson").read_text())["features"]
    lines = [f for f in features if f["geometry"]["type"] == "LineString"]
    assert len(lines) == len(world.pledges)
    assert json.loads((tmp_path / "w.json").read_text())["date"] == "2024-10-01"


def test_unknown_export_format(tmp_path: Path) -> None:
    with pytest.raises(alliances.AlliancesError, match="unknown export format 'svg'"):
        export_world(alliances.load_world().at("2024-10-01"), "svg", tmp_path / "x.svg")
