"""Encirclement as seen by one state: the share of its neighbours' capability in pacts against it.

Examples
--------
>>> import alliances
>>> world = alliances.load_world().at("2024-10-01")
>>> result = encirclement(world)
>>> result.observer, 0.0 < result.share < 1.0
('CHN', True)
"""

from __future__ import annotations

from dataclasses import dataclass

from alliances.metrics.parameters import DEFAULT_PARAMETERS, MetricParameters
from alliances.model import ObligationKind, Pledge, State, World
from alliances.model.geo import great_circle_km

__all__ = ["Encirclement", "covers_attacks_by", "distance_km", "encirclement"]


@dataclass(frozen=True, slots=True)
class Encirclement:
    """Neighbours, which of them are in pacts covering the observer's attacks, and the share."""

    observer: str
    neighbours: tuple[str, ...]
    aligned: tuple[str, ...]
    share: float


def distance_km(a: State, b: State) -> float:
    """Great-circle distance between two capitals (haversine).

    Examples
    --------
    >>> import alliances
    >>> world = alliances.load_world()
    >>> round(distance_km(world.state("CHN"), world.state("JPN")), -2)
    2100.0
    """
    return great_circle_km(a.capital.lat, a.capital.lon, b.capital.lat, b.capital.lon)


def covers_attacks_by(world: World, pledge: Pledge, observer: str) -> bool:
    """Whether a defence pledge could apply against an attack by ``observer``."""
    conditions = pledge.obligation.conditions
    if observer in (pledge.owed_by, pledge.owed_to) or observer in conditions.excluded_adversaries:
        return False
    if conditions.adversaries and observer not in conditions.adversaries:
        return False
    return not (conditions.non_member_adversary and observer in world.members_of(pledge.treaty))


def encirclement(world: World, parameters: MetricParameters = DEFAULT_PARAMETERS) -> Encirclement:
    """Sum of capability of neighbours in a defence pact that covers attacks by the observer,
    over the sum of all neighbours' capability."""
    observer = world.state(parameters.observer)
    neighbours = [
        s
        for s in world.existing_states()
        if s.id != observer.id and distance_km(observer, s) <= parameters.neighbourhood_km
    ]
    aligned_ids = {
        party
        for p in world.pledges
        if p.obligation.kind is ObligationKind.DEFENSE and covers_attacks_by(world, p, observer.id)
        for party in (p.owed_by, p.owed_to)
    }
    aligned = [s for s in neighbours if s.id in aligned_ids]
    total = sum(s.figure(parameters.capability) or 0.0 for s in neighbours)
    covered = sum(s.figure(parameters.capability) or 0.0 for s in aligned)
    return Encirclement(
        observer.id,
        tuple(s.id for s in neighbours),
        tuple(s.id for s in aligned),
        covered / total if total else 0.0,
    )
