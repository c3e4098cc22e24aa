"""Sizes and propensities from a world snapshot, with documented, weighted components.

propensity p_ij = alliance * A_ij + consultation * C_ij + ties * T_ij
                  - dispute * D_ij + regime * R_ij

A_ij: 1 when either owes the other defence; C_ij: 1 when either owes the
other consultation (and no defence); T_ij: 1 when they share only access or
forum ties; D_ij: 1 when one administers a place the other claims, or both
claim one that a third state administers; R_ij: +1 when both have the same
Freedom House status, -1 when one is free and the other not free, else 0.
Sizes: each state's share of the snapshot's total capability (SIPRI military
expenditure by default); states without a figure are left out and listed.

Examples
--------
>>> import alliances
>>> problem, left_out = landscape_of(alliances.load_world().at("2024-10-01"))
>>> float(problem.propensity[problem.actors.index("JPN"), problem.actors.index("USA")])
1.5
>>> float(problem.propensity[problem.actors.index("JPN"), problem.actors.index("CHN")])
-1.5
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from alliances.alignment.landscape import Landscape
from alliances.model import ObligationKind, World

__all__ = ["PropensityWeights", "landscape_of"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PropensityWeights:
    """Weights of the propensity components (our assumptions; see docs/alignment.md)."""

    alliance: float = 1.0
    consultation: float = 0.5
    ties: float = 0.25
    dispute: float = 1.0
    regime: float = 0.5
    capability: str = "military_expenditure_usd"


DEFAULT_WEIGHTS = PropensityWeights()


def landscape_of(
    world: World,
    weights: PropensityWeights = DEFAULT_WEIGHTS,
) -> tuple[Landscape, tuple[str, ...]]:
    """The landscape of a snapshot, and the states left out for want of a size."""
    present = world.existing_states()
    sized = [s for s in present if (s.figure(weights.capability) or 0.0) > 0.0]
    left_out = tuple(s.id for s in present if s not in sized)
    ids = [s.id for s in sized]
    index = {s: i for i, s in enumerate(ids)}
    n = len(ids)
    kinds = np.zeros((n, n, 3))  # defence, consultation, other ties
    for pledge in world.pledges:
        i, j = index.get(pledge.owed_by), index.get(pledge.owed_to)
        if i is None or j is None:
            continue
        slot = {ObligationKind.DEFENSE: 0, ObligationKind.CONSULTATION: 1}.get(
            pledge.obligation.kind, 2
        )
        kinds[i, j, slot] = kinds[j, i, slot] = 1.0
    defence = kinds[:, :, 0]
    consult = kinds[:, :, 1] * (1 - defence)
    ties = kinds[:, :, 2] * (1 - np.maximum(defence, consult))
    propensity = (
        weights.alliance * defence
        + weights.consultation * consult
        + weights.ties * ties
        - weights.dispute * _disputes(world, index)
        + weights.regime * _regimes(world, ids)
    )
    np.fill_diagonal(propensity, 0.0)
    capability = np.array([s.figure(weights.capability) or 0.0 for s in sized])
    sizes = capability / capability.sum() if n else capability
    return Landscape.from_arrays(ids, sizes, propensity), left_out


def _disputes(world: World, index: dict[str, int]) -> np.ndarray:
    n = len(index)
    disputes = np.zeros((n, n))
    for place in world.places:
        holder = world.place(place.id).administered_by
        parties = {c for c in place.claimants if c in index}
        if holder in index:
            parties.add(holder)
        for a in parties:
            for b in parties:
                if a != b:
                    disputes[index[a], index[b]] = 1.0
    return disputes


def _regimes(world: World, ids: list[str]) -> np.ndarray:
    status = []
    for state in ids:
        figure = world.state(state).figures.get("regime")
        status.append(str(figure.value) if figure else None)
    n = len(ids)
    regime = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if status[i] is None or status[j] is None:
                continue
            if status[i] == status[j]:
                regime[i, j] = 1.0
            elif {status[i], status[j]} == {"free", "not-free"}:
                regime[i, j] = -1.0
    return regime
