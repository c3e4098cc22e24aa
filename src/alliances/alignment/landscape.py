"""Landscape theory's inputs and energy: sizes, propensities, frustration of a configuration.

Axelrod and Bennett (1993) define each actor's frustration as
F_i = sum_j s_j p_ij d_ij(X) and the energy of configuration X as
E(X) = sum_i s_i F_i, which counts every pair twice; we use the pair form
E(X) = sum_{i<j} s_i s_j p_ij d_ij(X), half of theirs, so minima and their
order are the same. d_ij = 0 when i and j are in the same coalition, 1
otherwise; a positive propensity means the two prefer to be together; stable
configurations minimise E. See docs/alignment.md.

References
----------
Axelrod, R. and Bennett, D. S. (1993). A landscape theory of aggregation.
*British Journal of Political Science* 23(2), 211-233.

Examples
--------
>>> import numpy as np
>>> problem = Landscape.from_arrays(["A", "B", "C"], [1.0, 1.0, 2.0],
...                                 [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
>>> problem.energy(np.array([0, 0, 1]))   # A and B together, apart from their enemy C
-4.0
>>> problem.energy(np.array([0, 0, 0]))   # everyone together
0.0
>>> problem.energy(np.array([0, 1, 1]))   # A alone: apart from friend B (+1), enemy C (-2)
-1.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from alliances.errors import AlliancesError

__all__ = ["Landscape", "Solution"]


@dataclass(frozen=True, eq=False)
class Landscape:
    """Actors, their sizes and pairwise propensities (symmetric, zero diagonal)."""

    actors: tuple[str, ...]
    sizes: NDArray[np.float64]
    propensity: NDArray[np.float64]

    @classmethod
    def from_arrays(
        cls, actors: Sequence[str], sizes: ArrayLike, propensity: ArrayLike
    ) -> Landscape:
        """Validate and build: square, symmetric, finite, non-negative sizes.

        Raises
        ------
        AlliancesError
            With what is wrong and where (which row and column).
        """
        names = tuple(str(a) for a in actors)
        s = np.asarray(sizes, dtype=float)
        p = np.asarray(propensity, dtype=float)
        n = len(names)
        if len(set(names)) != n:
            raise AlliancesError("actor names must be unique")
        if s.shape != (n,):
            raise AlliancesError(f"sizes has {s.size} values for {n} actors")
        if p.shape != (n, n):
            raise AlliancesError(f"propensity must be {n} x {n}, found shape {p.shape}")
        for label, values in (("sizes", s), ("propensity", p)):
            bad = np.argwhere(~np.isfinite(values))
            if bad.size:
                raise AlliancesError(f"{label} has a non-finite value at {tuple(bad[0])}")
        if (s < 0).any():
            i = int(np.argmax(s < 0))
            raise AlliancesError(f"size of {names[i]!r} is negative ({s[i]})")
        asymmetric = np.argwhere(~np.isclose(p, p.T))
        if asymmetric.size:
            i, j = asymmetric[0]
            raise AlliancesError(
                f"propensity is not symmetric: [{i}][{j}] = {p[i, j]} but "
                f"[{j}][{i}] = {p[j, i]} ({names[i]} / {names[j]})"
            )
        p = p.copy()
        np.fill_diagonal(p, 0.0)
        return cls(names, s, p)

    @property
    def n(self) -> int:
        """Number of actors."""
        return len(self.actors)

    @property
    def weights(self) -> NDArray[np.float64]:
        """w_ij = s_i s_j p_ij (zero diagonal)."""
        return np.outer(self.sizes, self.sizes) * self.propensity

    def energy(self, labels: NDArray[np.int64]) -> float:
        """E(X): sum over pairs in different coalitions of s_i s_j p_ij."""
        different = labels[:, None] != labels[None, :]
        return float((self.weights * different).sum() / 2.0)

    def move_deltas(self, labels: NDArray[np.int64], k: int) -> NDArray[np.float64]:
        """Energy change of moving each actor to each of ``k`` coalitions: shape (n, k)."""
        w = self.weights
        one_hot = np.zeros((self.n, k))
        one_hot[np.arange(self.n), labels] = 1.0
        together = w @ one_hot  # together[i, c] = sum of w_ij over j in coalition c
        total = w.sum(axis=1)
        cost = total[:, None] - together  # frustration of i if it sat in coalition c
        deltas: NDArray[np.float64] = cost - cost[np.arange(self.n), labels][:, None]
        return deltas

    def is_local_minimum(self, labels: NDArray[np.int64], k: int = 2) -> bool:
        """True when no single actor can lower the energy by moving (ties do not count)."""
        return bool((self.move_deltas(labels, k) >= -1e-12).all())


@dataclass(frozen=True, eq=False)
class Solution:
    """A configuration with its energy and how it was found."""

    labels: NDArray[np.int64]
    energy: float
    optimal: bool
    solver: str
    detail: str = ""

    def coalitions(self, actors: Sequence[str]) -> list[list[str]]:
        """The coalitions as lists of actor names, largest first, the first actor's first."""
        groups: dict[int, list[str]] = {}
        for actor, label in zip(actors, self.labels, strict=True):
            groups.setdefault(int(label), []).append(actor)
        return sorted(groups.values(), key=lambda g: (-len(g), list(actors).index(g[0])))
