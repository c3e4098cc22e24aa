"""Benchmark the landscape solvers on random dense instances.

Instances: propensities uniform in [-1, 1], sizes uniform in [0.1, 1], one
seeded instance per n. Prints, each measured in this run:
- the exhaustive enumeration rate (configurations per second) against a plain
  NumPy baseline (blocks of configurations, energy by matrix products);
- the exact solver's time for n = 20, 30, 40, 60, 80 (with a time cap) and the
  enumerator's where it can finish; targets: n = 30 under 1 s, n = 60 under 60 s;
- the heuristic's gap to the exact optimum and its time at n = 60 (target:
  within 1% in under 1 s).

Run: ``python benchmarks/bench_alignment.py``
"""

from __future__ import annotations

import os
import time

import numpy as np

from alliances.alignment import Landscape, anneal, branch_and_bound, enumerate_landscape

NODES_PER_SECOND = 7e6  # one thread, measured here; converts a time cap into a node limit
# (the search runs on every core, so a cap in seconds is generous by that factor)


def instance(n: int, seed: int) -> Landscape:
    rng = np.random.default_rng(seed)
    p = np.triu(rng.uniform(-1, 1, (n, n)), 1)
    return Landscape.from_arrays([f"a{i}" for i in range(n)], rng.uniform(0.1, 1, n), p + p.T)


def numpy_enumeration(problem: Landscape, block: int = 1 << 14) -> float:
    """Plain NumPy baseline: every configuration's energy by matrix products, in blocks."""
    n = problem.n
    w = problem.weights
    total = w.sum() / 2.0
    best = np.inf
    bits = np.arange(n - 1)
    for start in range(0, 1 << (n - 1), block):
        configs = np.arange(start, min(start + block, 1 << (n - 1)))
        spins = np.ones((len(configs), n))
        spins[:, 1:] = 1 - 2 * ((configs[:, None] >> bits) & 1)
        energies = total / 2.0 - 0.25 * np.einsum("ci,ij,cj->c", spins, w, spins)
        best = min(best, float(energies.min()))
    return best


def enumeration_rate() -> None:
    problem = instance(24, 1)
    enumerate_landscape(instance(8, 0))  # compile outside the timing
    start = time.perf_counter()
    ours = enumerate_landscape(problem, basins=False)
    ours_s = time.perf_counter() - start
    start = time.perf_counter()
    with_basins = enumerate_landscape(problem)
    basins_s = time.perf_counter() - start
    small = instance(20, 1)
    start = time.perf_counter()
    baseline_best = numpy_enumeration(small)
    numpy_s = time.perf_counter() - start
    assert abs(baseline_best - enumerate_landscape(small, basins=False).best.energy) < 1e-9
    ours_rate = ours.configurations / ours_s
    numpy_rate = (1 << 19) / numpy_s
    print(
        f"enumeration, n = 24 ({ours.configurations:,} configurations): {ours_rate:,.0f} "
        f"configurations/s ({with_basins.configurations / basins_s:,.0f}/s with local minima "
        f"and basins: {len(with_basins.minima)} minima); NumPy blocks (n = 20): "
        f"{numpy_rate:,.0f}/s; ratio {ours_rate / numpy_rate:.0f}x"
    )


def exact_times(cap_seconds: float = 90.0, cap_beyond_60: float = 90.0) -> dict[int, float]:
    """Branch and bound per n; n <= 60 may run to ``cap_seconds``, n = 80 to the second cap."""
    branch_and_bound(instance(8, 0))  # compile
    optimum = {}
    for n in (20, 30, 40, 60, 80):
        problem = instance(n, 100 + n)
        start = time.perf_counter()
        cap = cap_seconds if n <= 60 else cap_beyond_60
        threads = os.cpu_count() or 1
        solution = branch_and_bound(
            problem, node_limit=int(cap * NODES_PER_SECOND), workers=threads
        )
        elapsed = time.perf_counter() - start
        proof = "proved optimal" if solution.optimal else f"NOT proved within the ~{cap:.0f} s cap"
        line = f"exact n = {n}: {elapsed:.2f} s on {threads} threads, "
        line += f"energy {solution.energy:.6f}, {proof}"
        if n <= 24:
            start = time.perf_counter()
            enumerate_landscape(problem, basins=False)
            line += f"; enumeration {time.perf_counter() - start:.2f} s"
        else:
            line += f"; enumeration would visit 2^{n - 1} configurations"
        target = {30: 1.0, 60: 60.0}.get(n)
        if target is not None:
            met = solution.optimal and elapsed < target
            line += f"; target < {target:.0f} s: {'met' if met else 'MISSED'}"
        print(line)
        if solution.optimal:
            optimum[n] = solution.energy
    return optimum


def heuristic_gap(optimum: dict[int, float]) -> None:
    for n in (40, 60, 80):
        problem = instance(n, 100 + n)
        anneal(instance(8, 0), starts=1)  # compile
        start = time.perf_counter()
        solution = anneal(problem)
        elapsed = time.perf_counter() - start
        if n in optimum:
            gap = (solution.energy - optimum[n]) / abs(optimum[n])
            verdict = "met" if gap <= 0.01 and elapsed < 1 else "MISSED"
            target = f"; target within 1% in < 1 s: {verdict}" if n == 60 else ""
            print(
                f"heuristic n = {n}: {elapsed:.3f} s, gap to optimum {gap:.2%} "
                f"({solution.detail}){target}"
            )
        else:
            print(
                f"heuristic n = {n}: {elapsed:.3f} s, energy {solution.energy:.6f} "
                "(no proved optimum to compare)"
            )


if __name__ == "__main__":
    enumeration_rate()
    # CI keeps the unprovable n = 80 run short; n <= 60 always gets more than its 60 s target
    heuristic_gap(
        exact_times(cap_seconds=90.0, cap_beyond_60=20.0 if os.environ.get("CI") else 90.0)
    )
