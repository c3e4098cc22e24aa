"""Entrapment exposure and deterrence ratios, from the obligation engine's cascades.

Every ordered (aggressor, target) pair of states existing at the date is run
as an attack on the target's home territory, with cascade.

Examples
--------
>>> import alliances
>>> world = alliances.load_world().at("2024-10-01")
>>> exposure = entrapment(world)
>>> exposure["USA"].crises > exposure["IND"].crises
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from alliances.metrics.parameters import DEFAULT_PARAMETERS, MetricParameters
from alliances.model import World
from alliances.obligations import Attack, Engine, ObligationReport, Side

__all__ = ["Entrapment", "deterrence", "entrapment", "pairwise_wars"]


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


def pairwise_wars(world: World) -> dict[tuple[str, str], ObligationReport]:
    """The cascade report for every ordered (aggressor, target) pair, attack at home."""
    engine = Engine(world)
    states = [s.id for s in world.existing_states()]
    return {
        (a, t): engine.evaluate(
            Attack(aggressor=a, target=t, place=t, date=world.day), cascade=True
        )
        for a in states
        for t in states
        if a != t
    }


def entrapment(
    world: World,
    wars: dict[tuple[str, str], ObligationReport] | None = None,
) -> dict[str, Entrapment]:
    """Per state: the (aggressor, target) crises it is not party to but must fight in."""
    wars = wars if wars is not None else pairwise_wars(world)
    states = [s.id for s in world.existing_states()]
    drawn: dict[str, Counter[str]] = {s: Counter() for s in states}
    for (aggressor, target), report in wars.items():
        for state, side in report.sides.items():
            if state in (aggressor, target):
                continue
            enemy = aggressor if side is Side.DEFENDER else target
            drawn[state][enemy] += 1
    possible = (len(states) - 1) * (len(states) - 2)
    return {
        s: Entrapment(sum(drawn[s].values()), possible, dict(drawn[s].most_common()))
        for s in states
    }


def deterrence(
    world: World,
    parameters: MetricParameters = DEFAULT_PARAMETERS,
    wars: dict[tuple[str, str], ObligationReport] | None = None,
) -> dict[tuple[str, str], float | None]:
    """Defender over attacker coalition capability after cascade, per (aggressor, target).

    Only the parameters' aggressors that exist at the date; None when the
    attacking coalition's capability is unknown (zero).
    """
    wars = wars if wars is not None else pairwise_wars(world)
    ratios: dict[tuple[str, str], float | None] = {}
    for (aggressor, target), report in wars.items():
        if aggressor not in parameters.aggressors:
            continue
        defence = report.coalition(Side.DEFENDER).total(parameters.capability).value
        attack = report.coalition(Side.ATTACKER).total(parameters.capability).value
        ratios[(aggressor, target)] = defence / attack if attack else None
    return ratios
