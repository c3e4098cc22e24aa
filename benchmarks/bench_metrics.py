"""Benchmark the architecture metrics and the comparison report.

1. The 4-architecture comparison of the embedded world end to end (metrics
   and the HTML/PNG/CSV/JSON report), target < 5 s; and its metrics with the
   crisis-by-crisis engine instead of the all-crises closure (ratio).
2. Every metric on a synthetic world of 250 states and 2,000 treaties,
   target < 10 s, against a naive implementation in the same run: pure-Python
   loops for the graph metrics, and one engine cascade per crisis for
   entrapment and deterrence, timed on a sample of aggressors and
   extrapolated (stated as such) because the full run takes hours.

Run: ``python benchmarks/bench_metrics.py``
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import alliances
from alliances.io.proposals import proposal_world
from alliances.metrics import MetricParameters, assess, compare
from alliances.metrics import assessment as assessment_module
from alliances.metrics.coalitions import crisis_matrix_by_engine
from alliances.report.html import write_report
from synthetic import synthetic_world

ARCHITECTURES = ["current", "asian-nato-core", "ishiba-reform", "us-retrenchment"]


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def four_way() -> None:
    worlds = [proposal_world(name) for name in ARCHITECTURES]
    with tempfile.TemporaryDirectory() as folder:
        metrics_s, result = timed(lambda: compare(worlds, "2025-01-01"))
        report_s, files = timed(lambda: write_report(result, Path(folder) / "report.html"))
    total = metrics_s + report_s
    original = assessment_module.crisis_matrix
    assessment_module.crisis_matrix = lambda world: crisis_matrix_by_engine(  # type: ignore[assignment]
        world, tuple(s.id for s in world.existing_states())
    )
    try:
        engine_s, _ = timed(lambda: compare(worlds, "2025-01-01"))
    finally:
        assessment_module.crisis_matrix = original
    print(
        f"4-way comparison ({', '.join(ARCHITECTURES)}): metrics {metrics_s:.2f} s + report "
        f"{report_s:.2f} s ({len(files)} files) = {total:.2f} s; target < 5 s: "
        f"{'met' if total < 5 else 'MISSED'}"
    )
    print(
        f"  metrics with one engine cascade per crisis instead: {engine_s:.2f} s "
        f"(ratio {engine_s / metrics_s:.1f}x)"
    )


def naive_graph_metrics(world: alliances.World) -> dict[str, float]:
    """Protection and degree by looping over pledges for each state (the obvious way)."""
    states = [s.id for s in world.existing_states()]
    capability = {s: world.state(s).figure("military_expenditure_usd") or 0.0 for s in states}
    protection = {}
    degree = {}
    for state in states:
        guarantors = {
            p.owed_by for p in world.pledges if p.owed_to == state and p.kind == "defense"
        }
        protection[state] = sum(capability[g] for g in guarantors)
        partners = {p.owed_to for p in world.pledges if p.owed_by == state and p.kind == "defense"}
        degree[state] = len(guarantors | partners)
    return {"protection": sum(protection.values()), "max_degree": max(degree.values())}


def synthetic() -> None:
    build_s, world = timed(lambda: synthetic_world().at("2000-01-01"))
    states = len(world.existing_states())
    parameters = MetricParameters(observer="AAA", aggressors=("AAA", "AAB", "AAC"))
    ours_s, result = timed(lambda: assess(world, "2000-01-01", parameters))
    naive_graph_s, _ = timed(lambda: naive_graph_metrics(world))
    sample = [s.id for s in world.existing_states()][:1]
    engine_sample_s, targets = timed(lambda: _engine_sample(world, sample, TARGETS_MEASURED))
    per_aggressor = engine_sample_s * (states - 1) / targets
    naive_total = naive_graph_s + per_aggressor * states
    print(
        f"synthetic world: {states} states, {len(world.treaties)} treaties, "
        f"{len(world.pledges):,} pledges (built in {build_s:.2f} s)"
    )
    print(
        f"  all metrics: {ours_s:.2f} s; target < 10 s: {'met' if ours_s < 10 else 'MISSED'}; "
        f"hub {result.hub.hub}, centralization {result.hub.centralization:.3f}"
    )
    print(
        f"  naive: graph loops {naive_graph_s:.2f} s; engine cascades "
        f"{per_aggressor:.1f} s per aggressor (measured on {targets} of the {states - 1} "
        f"targets of 1 of {states} aggressors), "
        f"extrapolated total {naive_total / 60:.0f} min; ratio about "
        f"{naive_total / ours_s:,.0f}x"
    )


TARGETS_MEASURED = 25
"""Targets of the one aggressor the naive engine baseline is timed on (then extrapolated)."""


def _engine_sample(world: alliances.World, aggressors: list[str], limit: int) -> int:
    """One engine cascade per (aggressor, target) for the first ``limit`` targets."""
    from alliances.obligations import Attack, Engine

    engine = Engine(world)
    done = 0
    for aggressor in aggressors:
        targets = [s for s in world.existing_states() if s.id != aggressor][:limit]
        for state in targets:
            engine.evaluate(
                Attack(aggressor=aggressor, target=state.id, place=state.id, date=world.day),
                cascade=True,
            )
            done += 1
    return done


if __name__ == "__main__":
    four_way()
    synthetic()
