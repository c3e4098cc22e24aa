"""Benchmark the obligation engine on every (aggressor, target, place) triple of the embedded world.

Prints queries per second with and without cascade, the same work done the
straightforward way (a fresh engine per query, no shared memo) as the
in-process baseline, and the command line's cold start against a bare
``python -c pass``. Targets (issue 2): all triples in under 1 s; ``alliances
--help`` under 0.3 s.

Run: ``python benchmarks/bench_obligations.py``
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import alliances
from alliances.obligations import Attack, Engine

DATE = "2024-10-01"


def triples(world: alliances.World) -> list[Attack]:
    """Every aggressor, target and place (named places plus the target's home) at DATE."""
    states = [s.id for s in world.existing_states()]
    places = [p.id for p in world.places]
    return [
        Attack(aggressor=a, target=t, place=place, date=world.day)
        for a in states
        for t in states
        if a != t
        for place in (t, *places)
    ]


def timed(work: Callable[[], object], repeat: int = 5) -> float:
    """Best wall time of ``repeat`` runs, in seconds (the best is robust to a noisy VM)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def engine_runs(world: alliances.World, attacks: list[Attack], *, cascade: bool) -> float:
    def run() -> None:
        engine = Engine(world)
        for attack in attacks:
            engine.evaluate(attack, cascade=cascade)

    return timed(run)


def baseline_runs(world: alliances.World, attacks: list[Attack], *, cascade: bool) -> float:
    """The straightforward way: a fresh engine (no memo shared across queries) per query."""

    def run() -> None:
        for attack in attacks:
            Engine(world).evaluate(attack, cascade=cascade)

    return timed(run, repeat=1)


def cold_start(command: list[str], runs: int = 15) -> float:
    """Median wall time of a fresh process, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    world = alliances.load_world().at(DATE)
    attacks = triples(world)
    n = len(attacks)
    print(
        f"world {world.id} at {DATE}: {len(world.existing_states())} states, "
        f"{len(world.places)} places, {len(world.pledges)} pledges; {n:,} triples"
    )
    results: dict[str, float] = {}
    for cascade in (False, True):
        label = "cascade" if cascade else "no cascade"
        ours = engine_runs(world, attacks, cascade=cascade)
        base = baseline_runs(world, attacks, cascade=cascade)
        results[f"{label}_s"] = ours
        print(
            f"{label:>10}: all triples in {ours:.3f} s ({n / ours:,.0f} queries/s); "
            f"fresh engine per query {base:.3f} s ({n / base:,.0f} queries/s); "
            f"ratio {base / ours:.1f}x; target < 1 s: {'met' if ours < 1 else 'MISSED'}"
        )
    sample = attacks[:: max(1, n // 500)]
    engine = Engine(world)
    explain = timed(
        lambda: [json.dumps(engine.evaluate(a, cascade=True).to_dict()) for a in sample], repeat=1
    )
    print(
        f"full JSON explanations (cascade): {len(sample) / explain:,.0f} reports/s "
        f"({len(sample)} sampled triples)"
    )
    script = shutil.which("alliances")
    command = [script, "--help"] if script else [sys.executable, "-m", "alliances", "--help"]
    ours = cold_start(command)
    bare = cold_start([sys.executable, "-c", "pass"])
    print(
        f"cold start: `alliances --help` {ours * 1000:.0f} ms (median of 15); bare python "
        f"{bare * 1000:.0f} ms; ratio {ours / bare:.1f}x; target < 300 ms: "
        f"{'met' if ours < 0.3 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
