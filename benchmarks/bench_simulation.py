"""Benchmark Monte Carlo over unreliable commitments, side by side with the obvious way.

In one run:
- crisis-samples per second for one crisis (China attacks the Philippines
  at Second Thomas Shoal, 2024-10-01, with cascade) on the Indo-Pacific
  world: ours in this process (one core) and on the local backend (two
  processes), against a straightforward per-sample Python loop that draws
  each commitment and runs the rules engine. Target: >= 1 million per second.
- a 1,000-cell sweep (10 crises x 4 architectures x 25 base rates, 20,000
  samples per cell) on 1 and 2 local workers, and on a local Ray cluster
  with 2 workers when Ray is installed.

Run: ``python benchmarks/bench_simulation.py``
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import alliances
from alliances.obligations import Attack, Engine
from alliances.simulation import Crisis, open_backend, preset, sample_blocks, simulate
from alliances.simulation.spec import parse_spec
from alliances.simulation.sweep import run_sweep

CI = os.environ.get("CI") == "true"
CRISIS = {"by": "CHN", "on": "PHL", "at": "second-thomas-shoal", "date": "2024-10-01"}
BASE_RATES = ", ".join(f"{0.3 + 0.02 * i:.2f}" for i in range(25))
SWEEP = f"""\
sweep: {{samples: 20000, seed: 1}}
crises: [senkaku, second-thomas-shoal, scarborough, taiwan-strait-us-navy, okinawa-strike,
         guam-strike, korea-dmz, hokkaido, darwin, palau]
proposals: [current, asian-nato-core, asian-nato-broad-us, us-retrenchment]
parameters:
  base_rate: [{BASE_RATES}]
"""


def best(work: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs, and the last result."""
    fastest, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def python_loop(crisis: Crisis, samples: int, seed: int) -> dict[str, int]:
    """The obvious way: per sample, draw each state's decision and run the engine's cascade."""
    program = crisis.program
    engine = Engine(alliances.load_world().at(program.attack.date))
    rng = np.random.default_rng(seed)
    defenders: dict[str, int] = {}
    for _ in range(samples):
        draws = rng.random(program.size)
        defections = frozenset(
            pair
            for pair, guarantor, p in zip(
                program.pairs, program.pair_guarantor, crisis.probabilities, strict=True
            )
            if draws[guarantor] >= p
        )
        report = engine.evaluate(program.attack, cascade=True, defections=defections)
        for state, side in report.sides.items():
            if side.value == "defender":
                defenders[state] = defenders.get(state, 0) + 1
    return defenders


def main() -> None:
    world = alliances.load_world()
    attack = Attack(
        aggressor="CHN", target="PHL", place="second-thomas-shoal", date=world.at("2024-10-01").date
    )
    crisis = Crisis.of(world, attack, preset("leeds2000"))
    sample_blocks(crisis, seed=0, samples=1000)  # compile (or load) the kernel first

    samples = 2_000_000
    inline, _ = best(lambda: sample_blocks(crisis, seed=1, samples=samples))
    local, result = best(
        lambda: simulate(world, **CRISIS, samples=samples, seed=1, backend="local", workers=2)
    )
    loop_samples = 2_000
    loop, _ = best(lambda: python_loop(crisis, loop_samples, 1), repeat=1)
    loop_rate = loop_samples / loop
    print("one crisis: CHN attacks PHL at Second Thomas Shoal, cascade, leeds2000 reliability")
    print(
        f"  states that can be involved: {crisis.program.size},"
        f" commitments: {len(crisis.program.pairs)}"
    )
    for label, seconds in (
        ("ours, this process (1 core)", inline),
        ("ours, local backend (2 workers)", local),
    ):
        rate = samples / seconds
        print(
            f"  {label:34s} {samples:,} samples in {seconds:.3f} s = {rate / 1e6:.2f} M/s"
            f"  ({rate / loop_rate:,.0f}x the Python loop; target >= 1 M/s:"
            f" {'met' if rate >= 1e6 else 'MISSED'})"
        )
    print(
        f"  per-sample Python loop over the engine: {loop_samples:,} samples in {loop:.2f} s"
        f" = {loop_rate:,.0f}/s"
    )
    usa = result.estimates.state("USA")
    print(f"  P(USA defends) = {usa.defender:.4f} ± {usa.defender_se:.4f}")

    spec = parse_spec(SWEEP, "bench-sweep.yaml")
    cells = len(spec.cells())
    print(f"\nsweep: {cells:,} cells x {spec.samples:,} samples")
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "sweep.parquet"
        runs: list[tuple[str, str, int]] = [
            ("local, 1 worker", "local", 1),
            ("local, 2 workers", "local", 2),
        ]
        if importlib.util.find_spec("ray") is not None:
            runs.append(("ray, 2 workers (local cluster)", "ray", 2))
        for label, backend, workers in runs:
            with open_backend(backend, workers=workers) as runner:
                warm = parse_spec("crises: [korea-dmz]\nsweep: {samples: 100}", "warm.yaml")
                run_sweep(warm, Path(folder) / "warm.parquet", backend=runner)  # start workers
                start = time.perf_counter()
                run_sweep(spec, out, backend=runner)
                timings[label] = time.perf_counter() - start
            base = timings["local, 1 worker"]
            print(
                f"  {label:32s} {timings[label]:6.2f} s = {cells / timings[label]:6.1f} cells/s"
                f" = {cells * spec.samples / timings[label] / 1e6:.2f} M samples/s"
                f"  (speed-up {base / timings[label]:.2f}x over 1 worker)"
            )


if __name__ == "__main__":
    main()
