"""Exhaustive enumeration of two-coalition configurations in Gray-code order (compiled).

Actor 0 is fixed to coalition 0 (a configuration and its mirror image are the
same split), so n actors give 2^(n-1) configurations. Consecutive
configurations differ by one actor, so the energy and every actor's move gain
are updated in O(n) per step. Each configuration also records its steepest
single-actor descent move, so basins of attraction follow by pointer jumping.

Examples
--------
>>> import numpy as np
>>> from alliances.alignment.landscape import Landscape
>>> problem = Landscape.from_arrays("ABC", [1, 1, 2], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> result = enumerate_landscape(problem)
>>> result.best.coalitions(problem.actors), result.best.energy
([['A', 'B'], ['C']], -4.0)
>>> [(m.energy, m.basin_size) for m in result.minima]
[(-4.0, 4)]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit
from numpy.typing import NDArray

from alliances.alignment.landscape import Landscape, Solution
from alliances.errors import AlliancesError

__all__ = ["MAX_ENUMERATION", "Enumeration", "LocalMinimum", "enumerate_landscape", "labels_of"]

MAX_ENUMERATION = 26
"""Largest n enumerated (2^25 configurations: about 30 s; basins need 4 bytes each)."""
_TOLERANCE = 1e-12


@dataclass(frozen=True, eq=False)
class LocalMinimum:
    """A stable configuration and the number of configurations whose descent ends there."""

    labels: NDArray[np.int64]
    energy: float
    basin_size: int


@dataclass(frozen=True, eq=False)
class Enumeration:
    """The global minimum and every local minimum (with basin sizes) of a landscape."""

    best: Solution
    minima: tuple[LocalMinimum, ...]
    configurations: int


def labels_of(config: int, n: int) -> NDArray[np.int64]:
    """Coalition labels of configuration ``config`` (bit i-1 is actor i; actor 0 is 0)."""
    labels = np.zeros(n, dtype=np.int64)
    for actor in range(1, n):
        labels[actor] = (config >> (actor - 1)) & 1
    return labels


@njit(cache=True)
def _ctz(value: int) -> int:  # pragma: no cover - compiled
    count = 0
    while (value & 1) == 0:
        value >>= 1
        count += 1
    return count


@njit(cache=True)
def _walk(  # noqa: PLR0912 - one compiled loop; splitting it costs speed
    w: NDArray[np.float64],
    successors: NDArray[np.int64],
    record: bool,
) -> tuple[float, int, NDArray[np.int64], NDArray[np.float64]]:  # pragma: no cover
    n = w.shape[0]
    total = 1 << (n - 1)
    mask = total - 1
    labels = np.zeros(n, dtype=np.int64)
    gain = np.zeros(n)  # energy change if the actor switched coalition
    for i in range(n):
        for j in range(n):
            gain[i] += w[i, j]
    energy = 0.0
    best_energy = 0.0
    best_config = 0
    minima_configs = np.empty(0, dtype=np.int64)
    minima_energy = np.empty(0)
    found_configs = np.empty(1024, dtype=np.int64)
    found_energy = np.empty(1024)
    found = 0
    for t in range(total):
        if t > 0:
            actor = _ctz(t) + 1
            energy += gain[actor]
            side = labels[actor]
            for j in range(n):
                if j != actor:
                    if labels[j] == side:
                        gain[j] -= 2.0 * w[j, actor]
                    else:
                        gain[j] += 2.0 * w[j, actor]
            gain[actor] = -gain[actor]
            labels[actor] = 1 - side
        config = t ^ (t >> 1)
        steepest = 0
        for i in range(1, n):
            if gain[i] < gain[steepest]:
                steepest = i
        stable = gain[steepest] >= -1e-12
        if stable:
            if found == found_configs.shape[0]:
                found_configs = np.concatenate((found_configs, np.empty(found, dtype=np.int64)))
                found_energy = np.concatenate((found_energy, np.empty(found)))
            found_configs[found] = config
            found_energy[found] = energy
            found += 1
        if record:
            if stable:
                successors[config] = config
            elif steepest == 0:
                successors[config] = config ^ mask
            else:
                successors[config] = config ^ (1 << (steepest - 1))
        if energy < best_energy - 1e-12:
            best_energy = energy
            best_config = config
    minima_configs = found_configs[:found].copy()
    minima_energy = found_energy[:found].copy()
    return best_energy, best_config, minima_configs, minima_energy


def enumerate_landscape(problem: Landscape, *, basins: bool = True) -> Enumeration:
    """Every configuration of two coalitions: the exact global minimum and all local minima.

    Raises
    ------
    AlliancesError
        When n exceeds :data:`MAX_ENUMERATION`.
    """
    n = problem.n
    if n > MAX_ENUMERATION:
        raise AlliancesError(
            f"exhaustive enumeration is limited to {MAX_ENUMERATION} actors "
            f"(2^{MAX_ENUMERATION - 1} configurations); got {n}"
        )
    if n < 2:
        labels = np.zeros(n, dtype=np.int64)
        best = Solution(labels, 0.0, True, "enumeration")
        return Enumeration(best, (LocalMinimum(labels, 0.0, 1),), 1)
    total = 1 << (n - 1)
    successors = np.empty(total if basins else 1, dtype=np.int64)
    best_energy, best_config, configs, energies = _walk(problem.weights, successors, basins)
    sizes = _basin_sizes(successors, configs) if basins else np.zeros(len(configs), np.int64)
    minima = tuple(
        sorted(
            (
                LocalMinimum(labels_of(int(c), n), float(e), int(b))
                for c, e, b in zip(configs, energies, sizes, strict=True)
            ),
            key=lambda m: m.energy,
        )
    )
    best = Solution(
        labels_of(best_config, n),
        float(best_energy),
        True,
        "enumeration",
        f"Gray-code enumeration of {total:,} configurations",
    )
    return Enumeration(best, minima, total)


def _basin_sizes(successors: NDArray[np.int64], minima: NDArray[np.int64]) -> NDArray[np.int64]:
    """Follow steepest-descent pointers to their fixed points, then count per minimum."""
    roots = successors.copy()
    while True:
        jumped = roots[roots]
        if np.array_equal(jumped, roots):
            break
        roots = jumped
    counts = np.bincount(roots, minlength=len(roots))
    return counts[minima]
