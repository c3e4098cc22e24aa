"""Entrapment exposure and deterrence ratios over every (aggressor, target) crisis.

Each ordered pair of states existing at the date is an attack on the target's
home territory, with cascade (see :mod:`alliances.metrics.coalitions`).

Examples
--------
>>> import alliances
>>> world = alliances.load_world().at("2024-10-01")
>>> exposure = entrapment(world)
>>> exposure["USA"].crises > exposure["IND"].crises
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from alliances.metrics.coalitions import CrisisMatrix, crisis_matrix
from alliances.metrics.parameters import DEFAULT_PARAMETERS, MetricParameters
from alliances.model import World

__all__ = ["Entrapment", "deterrence", "entrapment"]


@dataclass(frozen=True, slots=True)
class Entrapment:
    """How many crises oblige a state to fight, out of how many, and against whom."""

    crises: int
    possible: int
    against: dict[str, int]

    @property
    def share(self) -> float:
        """Crises that draw the state in, as a share of crises it is not party to."""
        return self.crises / self.possible if self.possible else 0.0


def entrapment(world: World, matrix: CrisisMatrix | None = None) -> dict[str, Entrapment]:
    """Per state: the (aggressor, target) crises it is not party to but must fight in."""
    matrix = matrix if matrix is not None else crisis_matrix(world)
    n = len(matrix.states)
    outside = np.ones((n, n, n), dtype=bool)
    outside[np.arange(n), :, np.arange(n)] = False  # s is the aggressor
    outside[:, np.arange(n), np.arange(n)] = False  # s is the target
    defends = matrix.defending & outside
    attacks = matrix.attacking & outside
    # against whom: the aggressor when defending, the target when attacking
    enemies = defends.sum(axis=1).T + attacks.sum(axis=0).T  # [s, enemy]
    result = {}
    for s, state in enumerate(matrix.states):
        against = {matrix.states[e]: int(c) for e, c in enumerate(enemies[s]) if c}
        result[state] = Entrapment(
            int(enemies[s].sum()),
            (n - 1) * (n - 2),
            dict(sorted(against.items(), key=lambda kv: -kv[1])),
        )
    return result


def deterrence(
    world: World,
    parameters: MetricParameters = DEFAULT_PARAMETERS,
    matrix: CrisisMatrix | None = None,
) -> dict[tuple[str, str], float | None]:
    """Defender over attacker coalition capability, per (aggressor, target).

    Only the parameters' aggressors that exist at the date; None when the
    attacking coalition's capability is unknown (zero).
    """
    matrix = matrix if matrix is not None else crisis_matrix(world)
    values = [world.state(s).figure(parameters.capability) for s in matrix.states]
    capability = np.array([v or 0.0 for v in values])
    ratios: dict[tuple[str, str], float | None] = {}
    for aggressor in parameters.aggressors:
        if aggressor not in matrix.states:
            continue
        a = matrix.states.index(aggressor)
        defence = matrix.defending[a].astype(float) @ capability
        attack = matrix.attacking[a].astype(float) @ capability
        for t, target in enumerate(matrix.states):
            if t != a:
                ratios[(aggressor, target)] = float(defence[t] / attack[t]) if attack[t] else None
    return ratios
