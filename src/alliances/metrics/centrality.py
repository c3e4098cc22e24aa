"""Hub dominance: Freeman degree centralization, the hub's share of pledges, spoke-to-spoke ties.

References
----------
Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
*Social Networks* 1(3), 215-239.

Examples
--------
>>> import numpy as np
>>> from alliances.metrics.graph import CommitmentGraph
>>> star = np.zeros((4, 4)); star[0, 1:] = 1.0
>>> graph = CommitmentGraph(("H", "A", "B", "C"), star, np.ones(4), ())
>>> hub_dominance(graph).centralization
1.0
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from alliances.metrics.graph import CommitmentGraph

__all__ = ["HubDominance", "freeman_centralization", "hub_dominance", "most_central"]


@dataclass(frozen=True, slots=True)
class HubDominance:
    """How far the defence network is organised around one state."""

    hub: str | None
    centralization: float
    hub_share: float
    spoke_ties: int
    ties: int
    degree: dict[str, int]

    @property
    def spoke_share(self) -> float:
        """Share of undirected ties that do not involve the hub."""
        return self.spoke_ties / self.ties if self.ties else 0.0


def freeman_centralization(degrees: np.ndarray) -> float:
    """Freeman degree centralization of an undirected network's degree sequence.

    ``sum(max(d) - d_i) / ((m - 1)(m - 2))`` over the m states with at least one
    tie: 1 for a star, 0 when every state has the same degree.

    Examples
    --------
    >>> freeman_centralization(np.array([3, 1, 1, 1]))
    1.0
    >>> freeman_centralization(np.array([2, 2, 2]))
    0.0
    """
    active = degrees[degrees > 0]
    m = len(active)
    if m < 3:
        return 0.0
    return float((active.max() - active).sum() / ((m - 1) * (m - 2)))


def most_central(graph: CommitmentGraph) -> str | None:
    """The state with most defence ties (ties broken by capability, then id)."""
    degrees = graph.ties.sum(axis=1)
    if not degrees.any():
        return None
    ranked = sorted(
        range(len(graph.states)), key=lambda i: (-degrees[i], -graph.capability[i], graph.states[i])
    )
    return graph.states[ranked[0]]


def hub_dominance(graph: CommitmentGraph, hub: str | None = None) -> HubDominance:
    """Centralization, the hub's share of directed pledges, and ties among spokes."""
    ties = graph.ties
    degrees = ties.sum(axis=1)
    hub = hub or most_central(graph)
    directed = graph.weights > 0
    pledges = int(directed.sum())
    undirected = int(np.triu(ties, 1).sum())
    if hub is None:
        return HubDominance(None, 0.0, 0.0, undirected, undirected, {})
    h = graph.index(hub)
    involving = int(directed[h, :].sum() + directed[:, h].sum() - directed[h, h])
    spokes = undirected - int(ties[h, :].sum())
    return HubDominance(
        hub=hub,
        centralization=freeman_centralization(degrees),
        hub_share=involving / pledges if pledges else 0.0,
        spoke_ties=spokes,
        ties=undirected,
        degree={s: int(d) for s, d in zip(graph.states, degrees, strict=True) if d},
    )
