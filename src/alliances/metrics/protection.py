"""Protection and resilience: capability pledged to defend each state, before and after defection.

Examples
--------
>>> import numpy as np
>>> from alliances.metrics.graph import CommitmentGraph
>>> weights = np.array([[0.0, 1.0, 0.5], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
>>> graph = CommitmentGraph(("USA", "JPN", "PHL"), weights, np.array([900.0, 50.0, 5.0]), ())
>>> p = protection(graph)
>>> p["PHL"].best_case, p["PHL"].weighted
(900.0, 450.0)
>>> resilience(graph, "USA")["PHL"]
0.0
"""

from __future__ import annotations

from dataclasses import dataclass

from alliances.metrics.graph import CommitmentGraph

__all__ = ["Protection", "protection", "resilience"]


@dataclass(frozen=True, slots=True)
class Protection:
    """Capability pledged to a state's defence: all pledges honoured, and weighted by strength."""

    best_case: float
    weighted: float
    guarantors: tuple[str, ...]
    largest_share: float

    @property
    def dependence(self) -> float:
        """Share of the weighted protection that comes from the largest single guarantor."""
        return self.largest_share


def protection(graph: CommitmentGraph) -> dict[str, Protection]:
    """Best case: sum of guarantors' capability; weighted: sum of weight x capability."""
    pledged = graph.weights > 0
    best = (pledged * graph.capability[:, None]).sum(axis=0)
    contributions = graph.weights * graph.capability[:, None]
    weighted = contributions.sum(axis=0)
    largest = contributions.max(axis=0) if len(graph.states) else weighted
    result = {}
    for j, state in enumerate(graph.states):
        guarantors = tuple(graph.states[i] for i in range(len(graph.states)) if pledged[i, j])
        share = float(largest[j] / weighted[j]) if weighted[j] else 0.0
        result[state] = Protection(float(best[j]), float(weighted[j]), guarantors, share)
    return result


def resilience(graph: CommitmentGraph, defector: str) -> dict[str, float | None]:
    """Each state's weighted protection after ``defector`` withdraws, as a share of before.

    None for states with no protection to begin with.
    """
    before = protection(graph)
    after = protection(graph.without(defector))
    return {
        s: (after[s].weighted / before[s].weighted if before[s].weighted else None)
        for s in graph.states
    }
