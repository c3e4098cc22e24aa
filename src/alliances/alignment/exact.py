"""Exact two-coalition global minimum by depth-first branch and bound (compiled).

Actors are fixed one at a time, strongest first (largest sum of |w|). At a
node with fixed actors F and free actors U the energy is bounded below by

    E(F) + sum_{u in U} min over sides of (u's frustration against F)
         + sum_{u<v in U} min(0, w_uv),

which is exact once U is empty. The incumbent starts from the annealing
heuristic, so the search only has to prove it or find better. Actor 0 of the
order is fixed to coalition 0 (mirror symmetry). The tree is split below the
first few actors and its subtrees searched in parallel threads.

Examples
--------
>>> import numpy as np
>>> from alliances.alignment.landscape import Landscape
>>> problem = Landscape.from_arrays("ABC", [1, 1, 2], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> solution = branch_and_bound(problem)
>>> solution.coalitions(problem.actors), solution.energy, solution.optimal
([['A', 'B'], ['C']], -4.0, True)
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numba import njit
from numpy.typing import NDArray

from alliances.alignment.heuristic import anneal
from alliances.alignment.landscape import Landscape, Solution

__all__ = ["branch_and_bound"]


@njit(cache=True, nogil=True)
def _fix(  # noqa: PLR0917 - numba takes positional arguments
    w: NDArray[np.float64],
    labels: NDArray[np.int64],
    linear: NDArray[np.float64],
    energy: NDArray[np.float64],
    negative: NDArray[np.float64],
    depth: int,
    side: int,
) -> float:  # pragma: no cover
    """Put actor ``depth`` on ``side``, update the running sums; the new node's lower bound."""
    n = w.shape[0]
    labels[depth] = side
    energy[depth + 1] = energy[depth] + linear[depth, side]
    removed = 0.0
    for v in range(depth + 1, n):
        removed += min(0.0, w[depth, v])
        linear[v, 1 - side] += w[v, depth]
    negative[depth + 1] = negative[depth] - removed
    bound = energy[depth + 1] + negative[depth + 1]
    for v in range(depth + 1, n):
        bound += min(linear[v, 0], linear[v, 1])
    return float(bound)


@njit(cache=True, nogil=True)
def _search(  # noqa: PLR0912, PLR0917 - one compiled loop (numba: positional)
    w: NDArray[np.float64],
    incumbent: float,
    incumbent_labels: NDArray[np.int64],
    prefix: NDArray[np.int64],
    budget: NDArray[np.int64],
    batch_size: int,
) -> tuple[float, NDArray[np.int64], int, bool]:  # pragma: no cover
    """Search the subtree below ``prefix`` (the sides of the first actors).

    ``budget[0]`` is a node budget shared by concurrent searches: each takes
    from it every ``batch_size`` nodes and stops once it is spent (races
    between threads only blur the count).
    """
    n = w.shape[0]
    start = prefix.shape[0]
    best = incumbent
    best_labels = incumbent_labels.copy()
    labels = np.zeros(n, dtype=np.int64)
    linear = np.zeros((n, 2))  # linear[u, s]: u's frustration against fixed actors on side s
    energy = np.zeros(n + 1)  # energy among the first d fixed actors
    negative = np.zeros(n + 1)  # sum of min(0, w) over pairs of still-free actors
    for u in range(n):
        for v in range(u + 1, n):
            negative[0] += min(0.0, w[u, v])
    bound = -np.inf
    for depth in range(start):  # fix the prefix
        bound = _fix(w, labels, linear, energy, negative, depth, int(prefix[depth]))
    if bound >= best - 1e-12:
        return best, best_labels, 0, True
    if budget[0] <= 0:
        return best, best_labels, 0, False
    tried = np.zeros(n + 1, dtype=np.int64)  # branches tried at each depth
    first = np.zeros(n, dtype=np.int64)
    nodes = 0
    batch = 0
    depth = start
    while depth >= start:
        if depth == n:
            if energy[n] < best - 1e-12:
                best = float(energy[n])
                best_labels[:] = labels
            depth -= 1
            continue
        if tried[depth] > 0:  # undo the side tried last at this depth
            for v in range(depth + 1, n):
                linear[v, 1 - labels[depth]] -= w[v, depth]
        if tried[depth] == 2:  # actor 0 is fixed by every prefix (mirror symmetry)
            tried[depth] = 0
            depth -= 1
            continue
        if batch == batch_size:
            budget[0] -= batch
            batch = 0
            if budget[0] <= 0:
                return best, best_labels, nodes, False
        if tried[depth] == 0:
            first[depth] = 0 if linear[depth, 0] <= linear[depth, 1] else 1
            side = int(first[depth])
        else:
            side = int(1 - first[depth])
        tried[depth] += 1
        nodes += 1
        batch += 1
        if _fix(w, labels, linear, energy, negative, depth, side) < best - 1e-12:
            depth += 1
            tried[depth] = 0
    budget[0] -= batch
    return best, best_labels, nodes, True


PREFIX_DEPTH = 6
"""Actors fixed before the search splits: 2^5 = 32 subtrees (actor 0 is on side 0)."""


def branch_and_bound(
    problem: Landscape,
    *,
    node_limit: int = 2_000_000_000,
    seed: int = 0,
    workers: int | None = None,
) -> Solution:
    """The exact global minimum for two coalitions (``optimal`` False if the node limit hit).

    The tree is split below the first :data:`PREFIX_DEPTH` actors and the
    subtrees are searched by ``workers`` threads (default: one per core; the
    compiled search releases the GIL), all pruning against the annealing
    incumbent and sharing ``node_limit``.
    """
    n = problem.n
    if n < 2:
        return Solution(np.zeros(n, dtype=np.int64), 0.0, True, "branch-and-bound")
    start = time.perf_counter()
    w = problem.weights
    order = np.argsort(-np.abs(w).sum(axis=1), kind="stable")
    ordered = np.ascontiguousarray(w[np.ix_(order, order)])
    incumbent = anneal(problem, seed=seed)
    initial = incumbent.labels[order].astype(np.int64)
    if initial[0] == 1:
        initial = 1 - initial
    budget = np.array([node_limit], dtype=np.int64)
    batch_size = min(1 << 16, max(1, node_limit // 64))  # nodes between looks at the budget
    depth = min(PREFIX_DEPTH, n)
    prefixes = [
        np.array([0, *((k >> i) & 1 for i in range(depth - 1))], dtype=np.int64)
        for k in range(1 << (depth - 1))
    ]
    threads = workers or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=threads) as pool:
        found = list(
            pool.map(
                lambda prefix: _search(
                    ordered, incumbent.energy + 1e-9, initial, prefix, budget, batch_size
                ),
                prefixes,
            )
        )
    _, labels, _, _ = min(found, key=lambda result: result[0])
    nodes = sum(result[2] for result in found)
    complete = all(result[3] for result in found)
    result = np.empty(n, dtype=np.int64)
    result[order] = labels
    if result[0] == 1:
        result = 1 - result
    elapsed = time.perf_counter() - start
    proof = "proved optimal" if complete else f"stopped at the node limit ({node_limit:,})"
    return Solution(
        result,
        float(problem.energy(result)),
        complete,
        "branch-and-bound",
        f"{nodes:,} nodes in {elapsed:.2f} s on {threads} thread(s); {proof}; "
        f"incumbent from annealing {incumbent.energy:.6g}",
    )
