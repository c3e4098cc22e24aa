"""The commitment graph: an edge from A to B when A owes B defence, weighted by strength.

Examples
--------
>>> import alliances
>>> graph = commitment_graph(alliances.load_world().at("2024-10-01"))
>>> graph.weight("USA", "JPN"), graph.weight("JPN", "USA")
(0.75, 0.75)
>>> graph.weight("USA", "TWN")
0.0
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from alliances.metrics.parameters import DEFAULT_PARAMETERS, MetricParameters
from alliances.model import ObligationKind, World

__all__ = ["CommitmentGraph", "commitment_graph"]


@dataclass(frozen=True, eq=False)
class CommitmentGraph:
    """States (in a fixed order), pledge weights and capabilities at one date.

    ``weights[i, j]`` is the weight of the strongest defence pledge state i
    owes state j (0 when none). ``capability[i]`` is state i's capability
    (0 when unknown; ``missing`` lists those states).
    """

    states: tuple[str, ...]
    weights: NDArray[np.float64]
    capability: NDArray[np.float64]
    missing: tuple[str, ...]

    def index(self, state: str) -> int:
        """The row of ``state``."""
        return self.states.index(state)

    def weight(self, owed_by: str, owed_to: str) -> float:
        """The weight of the pledge ``owed_by`` owes ``owed_to``."""
        return float(self.weights[self.index(owed_by), self.index(owed_to)])

    @property
    def ties(self) -> NDArray[np.bool_]:
        """Undirected defence ties: a pledge in either direction."""
        directed = self.weights > 0
        return directed | directed.T

    def without(self, state: str) -> CommitmentGraph:
        """The graph after ``state`` defects: its pledges to others are gone."""
        weights = self.weights.copy()
        weights[self.index(state), :] = 0.0
        return CommitmentGraph(self.states, weights, self.capability, self.missing)


def commitment_graph(
    world: World,
    parameters: MetricParameters = DEFAULT_PARAMETERS,
) -> CommitmentGraph:
    """Build the commitment graph of a world snapshot."""
    states = tuple(s.id for s in world.existing_states())
    position = {state: i for i, state in enumerate(states)}
    weights = np.zeros((len(states), len(states)))
    for pledge in world.pledges:
        if pledge.obligation.kind is not ObligationKind.DEFENSE:
            continue
        i, j = position.get(pledge.owed_by), position.get(pledge.owed_to)
        if i is None or j is None:
            continue
        weight = parameters.strength_weight(pledge.obligation.strength.value)
        weights[i, j] = max(weights[i, j], weight)
    values = [world.state(s).figure(parameters.capability) for s in states]
    capability = np.array([v if v is not None else 0.0 for v in values])
    missing = tuple(s for s, v in zip(states, values, strict=True) if v is None)
    return CommitmentGraph(states, weights, capability, missing)
