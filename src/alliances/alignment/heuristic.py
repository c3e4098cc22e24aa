"""Multi-start simulated annealing with steepest-descent polish, for any number of coalitions.

Each start draws a random configuration from the seeded generator, anneals
with single-actor moves (Metropolis acceptance on a geometric temperature
schedule), then descends until no move lowers the energy: every result is a
local minimum. The best over the starts is returned with how it was found.

Examples
--------
>>> import numpy as np
>>> from alliances.alignment.landscape import Landscape
>>> problem = Landscape.from_arrays("ABC", [1, 1, 2], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> solution = anneal(problem, k=2, starts=4, seed=1)
>>> solution.coalitions(problem.actors), solution.energy, solution.optimal
([['A', 'B'], ['C']], -4.0, False)
"""

from __future__ import annotations

import numpy as np
from numba import njit
from numpy.typing import NDArray

from alliances.alignment.landscape import Landscape, Solution

__all__ = ["anneal", "descend"]


@njit(cache=True)
def _costs(
    w: NDArray[np.float64],
    labels: NDArray[np.int64],
    k: int,
) -> NDArray[np.float64]:  # pragma: no cover - compiled
    n = w.shape[0]
    cost = np.zeros((n, k))  # cost[i, c]: frustration of i if it sat in coalition c
    for i in range(n):
        for j in range(n):
            for c in range(k):
                if labels[j] != c:
                    cost[i, c] += w[i, j]
    return cost


@njit(cache=True)
def _move(
    w: NDArray[np.float64],
    cost: NDArray[np.float64],
    labels: NDArray[np.int64],
    actor: int,
    to: int,
) -> None:  # pragma: no cover - compiled
    old = labels[actor]
    for j in range(w.shape[0]):
        cost[j, old] += w[j, actor]
        cost[j, to] -= w[j, actor]
    labels[actor] = to


@njit(cache=True)
def _descend(
    w: NDArray[np.float64],
    labels: NDArray[np.int64],
    k: int,
) -> NDArray[np.int64]:  # pragma: no cover - compiled
    cost = _costs(w, labels, k)
    n = w.shape[0]
    while True:
        best_gain, best_actor, best_to = -1e-12, -1, -1
        for i in range(n):
            for c in range(k):
                gain = cost[i, c] - cost[i, labels[i]]
                if gain < best_gain:
                    best_gain, best_actor, best_to = gain, i, c
        if best_actor < 0:
            return labels
        _move(w, cost, labels, best_actor, best_to)


@njit(cache=True)
def _anneal_once(  # noqa: PLR0917 - compiled kernels take positional arrays
    w: NDArray[np.float64],
    labels: NDArray[np.int64],
    k: int,
    sweeps: int,
    t_start: float,
    t_end: float,
    draws: NDArray[np.float64],
) -> NDArray[np.int64]:  # pragma: no cover - compiled
    n = w.shape[0]
    cost = _costs(w, labels, k)
    steps = sweeps * n
    factor = (t_end / t_start) ** (1.0 / max(1, steps - 1))
    temperature = t_start
    for step in range(steps):
        actor = int(draws[3 * step] * n) % n
        to = int(draws[3 * step + 1] * (k - 1)) % (k - 1)
        if to >= labels[actor]:
            to += 1
        gain = cost[actor, to] - cost[actor, labels[actor]]
        if gain <= 0.0 or draws[3 * step + 2] < np.exp(-gain / temperature):
            _move(w, cost, labels, actor, to)
        temperature *= factor
    return _descend(w, labels, k)


def descend(problem: Landscape, labels: NDArray[np.int64], k: int = 2) -> NDArray[np.int64]:
    """Steepest single-actor descent from ``labels`` to a local minimum."""
    return _descend(problem.weights, labels.astype(np.int64).copy(), k)


def anneal(
    problem: Landscape, *, k: int = 2, starts: int = 64, sweeps: int = 60, seed: int = 0
) -> Solution:
    """Best of ``starts`` annealing runs; ``optimal`` is False (no proof)."""
    w = problem.weights
    scale = float(np.abs(w).sum(axis=1).max()) or 1.0
    rng = np.random.default_rng(seed)
    best_labels: NDArray[np.int64] | None = None
    best_energy = np.inf
    hits = 0
    for _ in range(starts):
        labels = rng.integers(0, k, problem.n).astype(np.int64)
        draws = rng.random(3 * sweeps * problem.n)
        result = _anneal_once(w, labels, k, sweeps, scale, scale * 1e-3, draws)
        energy = problem.energy(result)
        if energy < best_energy - 1e-9:
            best_energy, best_labels, hits = energy, result.copy(), 1
        elif abs(energy - best_energy) <= 1e-9:
            hits += 1
    assert best_labels is not None
    return Solution(
        _canonical(best_labels),
        float(best_energy),
        False,
        "annealing",
        f"best of {starts} annealing runs ({sweeps} sweeps each, seed {seed}); "
        f"{hits} of {starts} reached it",
    )


def _canonical(labels: NDArray[np.int64]) -> NDArray[np.int64]:
    """Relabel coalitions in order of first appearance (actor 0 in coalition 0)."""
    mapping: dict[int, int] = {}
    return np.array([mapping.setdefault(int(c), len(mapping)) for c in labels], dtype=np.int64)
