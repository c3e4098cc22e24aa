"""One entry point: the best configuration, by the fastest method that can prove it.

Examples
--------
>>> from alliances.alignment.landscape import Landscape
>>> problem = Landscape.from_arrays("ABC", [1, 1, 2], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> result = align(problem)
>>> result.solution.solver, result.solution.optimal, len(result.minima)
('enumeration', True, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alliances.alignment.enumerate import LocalMinimum, enumerate_landscape
from alliances.alignment.exact import branch_and_bound
from alliances.alignment.heuristic import anneal
from alliances.alignment.landscape import Landscape, Solution

__all__ = ["ENUMERATE_UP_TO", "EXACT_UP_TO", "Alignment", "align"]

ENUMERATE_UP_TO = 24
"""Largest n for which every configuration (and so every local minimum) is enumerated."""
EXACT_UP_TO = 64
"""Largest n for which branch and bound is tried for k = 2 (beyond: annealing)."""


@dataclass(frozen=True, eq=False)
class Alignment:
    """The predicted configuration, and the local minima when they were enumerated."""

    problem: Landscape
    k: int
    solution: Solution
    minima: tuple[LocalMinimum, ...] | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``alliances align --json``."""
        actors = self.problem.actors
        data: dict[str, Any] = {
            "actors": list(actors),
            "k": self.k,
            "coalitions": self.solution.coalitions(actors),
            "energy": self.solution.energy,
            "optimal": self.solution.optimal,
            "solver": self.solution.solver,
            "detail": self.solution.detail,
        }
        if self.minima is not None:
            data["local_minima"] = [
                {
                    "coalitions": Solution(m.labels, m.energy, False, "").coalitions(actors),
                    "energy": m.energy,
                    "basin_size": m.basin_size,
                }
                for m in self.minima
            ]
        return data


def align(problem: Landscape, *, k: int = 2, seed: int = 0) -> Alignment:
    """Enumerate (k = 2, n <= 24), else branch and bound (k = 2, n <= 64), else anneal."""
    if k == 2 and problem.n <= ENUMERATE_UP_TO:
        enumeration = enumerate_landscape(problem)
        return Alignment(problem, k, enumeration.best, enumeration.minima)
    if k == 2 and problem.n <= EXACT_UP_TO:
        return Alignment(problem, k, branch_and_bound(problem, seed=seed), None)
    return Alignment(problem, k, anneal(problem, k=k, seed=seed), None)
