"""Asymmetry: obligations owed against received, per state and per treaty; foreign forces on soil.

Examples
--------
>>> import numpy as np
>>> from alliances.metrics.graph import CommitmentGraph
>>> one_way = np.array([[0.0, 1.0], [0.0, 0.0]])
>>> graph = CommitmentGraph(("USA", "JPN"), one_way, np.ones(2), ())
>>> state_asymmetry(graph)["JPN"].index, state_asymmetry(graph)["USA"].index
(1.0, -1.0)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from alliances.metrics.graph import CommitmentGraph
from alliances.metrics.parameters import DEFAULT_PARAMETERS, MetricParameters
from alliances.model import Command, ObligationKind, Place, Pledge, World
from alliances.obligations import Strike
from alliances.obligations.conditions import place_check

__all__ = [
    "Balance",
    "ForeignForces",
    "exposure_points",
    "foreign_forces",
    "pledge_coverage",
    "state_asymmetry",
    "treaty_asymmetry",
]


@dataclass(frozen=True, slots=True)
class Balance:
    """Pledge-weighted defence obligations a state owes and receives."""

    owed: float
    received: float

    @property
    def index(self) -> float:
        """(received - owed) / (received + owed): 1 only receives, -1 only gives, 0 balanced."""
        total = self.owed + self.received
        return (self.received - self.owed) / total if total else 0.0


@dataclass(frozen=True, slots=True)
class ForeignForces:
    """Foreign personnel stationed on a state's soil, by who commands them."""

    by_command: dict[str, int]
    unknown: tuple[str, ...]

    @property
    def total(self) -> int:
        """All foreign personnel with a published figure."""
        return sum(self.by_command.values())


def state_asymmetry(graph: CommitmentGraph) -> dict[str, Balance]:
    """Each state's weighted pledges owed (row sums) and received (column sums)."""
    owed, received = graph.weights.sum(axis=1), graph.weights.sum(axis=0)
    return {s: Balance(float(owed[i]), float(received[i])) for i, s in enumerate(graph.states)}


def exposure_points(world: World, state: str) -> tuple[Place, ...]:
    """Where a state can be attacked: its territory (home and administered places), the
    places where its forces are stationed abroad, and the sea areas."""
    own = [world.place(state)]
    own += [world.place(p.id) for p in world.places if world.place(p.id).administered_by == state]
    abroad = [
        world.place(d.place or d.host)
        for d in world.deployments_in_force()
        if d.guest == state and d.host != state
    ]
    seas = [world.place(p.id) for p in world.places if p.is_sea_area]
    return tuple({p.id: p for p in (*own, *abroad, *seas)}.values())


def pledge_coverage(world: World, pledge: Pledge) -> float:
    """Share of the protected state's exposure points that the pledge's scopes cover."""
    points = exposure_points(world, pledge.owed_to)
    covered = sum(
        place_check(pledge, Strike(attacker="", attacked=pledge.owed_to, place=p)).met
        for p in points
    )
    return covered / len(points)


def treaty_asymmetry(
    world: World,
    parameters: MetricParameters = DEFAULT_PARAMETERS,
) -> dict[str, float]:
    """Per treaty with defence pledges: sum|owed_i - received_i| / sum(owed_i + received_i).

    Each pledge counts its strength weight times its scope coverage (the share
    of the protected state's exposure points it covers), so a pledge limited to
    one's own territory (Japan's under US-Japan Art. V) weighs less than one
    covering all of the partner's territory and forces. 0 when every member
    gives as much as it gets; 1 when pledges run one way.
    """
    owed: defaultdict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    received: defaultdict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for pledge in world.pledges:
        if pledge.obligation.kind is ObligationKind.DEFENSE:
            weight = parameters.strength_weight(pledge.obligation.strength.value) * pledge_coverage(
                world, pledge
            )
            owed[pledge.treaty][pledge.owed_by] += weight
            received[pledge.treaty][pledge.owed_to] += weight
    result = {}
    for treaty in owed:
        members = set(owed[treaty]) | set(received[treaty])
        gap = sum(abs(owed[treaty][m] - received[treaty][m]) for m in members)
        volume = sum(owed[treaty][m] + received[treaty][m] for m in members)
        result[treaty] = gap / volume if volume else 0.0
    return result


def foreign_forces(world: World) -> dict[str, ForeignForces]:
    """Foreign personnel on each state's soil at the snapshot's date, by command arrangement."""
    counts: defaultdict[str, dict[str, int]] = defaultdict(lambda: {c.value: 0 for c in Command})
    unknown: defaultdict[str, list[str]] = defaultdict(list)
    for deployment in world.deployments_in_force():
        if deployment.guest == deployment.host:
            continue
        if deployment.personnel is None:
            unknown[deployment.host].append(deployment.id)
        else:
            counts[deployment.host][deployment.command.value] += deployment.personnel
    hosts = set(counts) | set(unknown)
    return {h: ForeignForces(dict(counts[h]), tuple(unknown[h])) for h in sorted(hosts)}
