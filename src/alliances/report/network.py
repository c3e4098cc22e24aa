"""A shared node layout for network diagrams, so architectures can be compared by eye.

Examples
--------
>>> import numpy as np
>>> from alliances.metrics.graph import CommitmentGraph
>>> graph = CommitmentGraph(("A", "B"), np.array([[0.0, 1.0], [0.0, 0.0]]), np.ones(2), ())
>>> sorted(shared_layout([graph]))
['A', 'B']
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from alliances.metrics.graph import CommitmentGraph

__all__ = ["NetworkLayout", "shared_layout"]

NetworkLayout = dict[str, tuple[float, float]]


def shared_layout(graphs: Sequence[CommitmentGraph], seed: int = 7) -> NetworkLayout:
    """Spring layout of the union of the graphs' defence ties (seeded, so reproducible)."""
    union = nx.Graph()
    for graph in graphs:
        for i, source in enumerate(graph.states):
            for j, target in enumerate(graph.states):
                if graph.weights[i, j] > 0:
                    union.add_edge(source, target)
    if not union:
        return {}
    positions = nx.spring_layout(union, seed=seed, k=0.9)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}
