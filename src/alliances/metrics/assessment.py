"""Every metric of one architecture at a date, per-actor scorecards, and comparisons.

Examples
--------
>>> import alliances
>>> from alliances.io.proposals import proposal_world
>>> base = assess(alliances.load_world(), "2025-06-01")
>>> base.hub.hub, round(base.hub.centralization, 2)
('USA', 0.6)
>>> nato = assess(proposal_world("asian-nato-core"), "2025-06-01")
>>> nato.scorecard("JPN").protection_weighted > base.scorecard("JPN").protection_weighted
True
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Any

from alliances.metrics.asymmetry import (
    Balance,
    ForeignForces,
    foreign_forces,
    state_asymmetry,
    treaty_asymmetry,
)
from alliances.metrics.centrality import HubDominance, hub_dominance
from alliances.metrics.coalitions import crisis_matrix
from alliances.metrics.encirclement import Encirclement, encirclement
from alliances.metrics.exposure import Entrapment, deterrence, entrapment
from alliances.metrics.graph import CommitmentGraph, commitment_graph
from alliances.metrics.parameters import DEFAULT_PARAMETERS, MetricParameters
from alliances.metrics.protection import Protection, protection, resilience
from alliances.model import World, parse_date

__all__ = ["Assessment", "Scorecard", "assess", "summary_rows"]


@dataclass(frozen=True, slots=True)
class Scorecard:
    """One state's position in an architecture."""

    state: str
    degree: int
    balance: Balance
    protection: Protection
    resilience: float | None
    entrapment: Entrapment
    foreign_forces: ForeignForces | None
    deterrence: dict[str, float | None]

    @property
    def protection_weighted(self) -> float:
        """Strength-weighted capability pledged to defend the state."""
        return self.protection.weighted

    @property
    def autonomy(self) -> float | None:
        """1 - the largest single guarantor's share of the state's protection (None if none)."""
        return 1.0 - self.protection.dependence if self.protection.weighted else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        forces = self.foreign_forces
        return {
            "state": self.state,
            "degree": self.degree,
            "defence_owed": self.balance.owed,
            "defence_received": self.balance.received,
            "balance_index": self.balance.index,
            "protection_best_case": self.protection.best_case,
            "protection_weighted": self.protection.weighted,
            "guarantors": list(self.protection.guarantors),
            "autonomy": self.autonomy,
            "resilience_after_hub_defects": self.resilience,
            "entrapment_crises": self.entrapment.crises,
            "entrapment_share": self.entrapment.share,
            "entrapment_against": self.entrapment.against,
            "foreign_personnel": forces.by_command if forces else {},
            "foreign_deployments_without_figure": list(forces.unknown) if forces else [],
            "deterrence_ratio": self.deterrence,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    """All metrics of one world at one date, with the parameters used."""

    world: str
    name: str
    date: dt.date
    parameters: MetricParameters
    graph: CommitmentGraph
    hub: HubDominance
    treaty_asymmetry: dict[str, float]
    encirclement: Encirclement
    deterrence: dict[tuple[str, str], float | None]
    scorecards: tuple[Scorecard, ...]

    def scorecard(self, state: str) -> Scorecard:
        """One state's scorecard."""
        return next(s for s in self.scorecards if s.state == state)

    @property
    def pledges(self) -> int:
        """Directed defence pledges."""
        return int((self.graph.weights > 0).sum())

    def summary(self) -> dict[str, float | int | str | None]:
        """The architecture-level figures, one value each (see docs/metrics.md)."""
        resilient = [
            s.resilience
            for s in self.scorecards
            if s.resilience is not None and s.state != self.hub.hub
        ]
        entrapped = [s.entrapment.share for s in self.scorecards]
        ratios = [r for r in self.deterrence.values() if r is not None]
        return {
            "defence_pledges": self.pledges,
            "hub": self.hub.hub,
            "freeman_centralization": self.hub.centralization,
            "hub_share_of_pledges": self.hub.hub_share,
            "spoke_to_spoke_ties": self.hub.spoke_ties,
            "spoke_share_of_ties": self.hub.spoke_share,
            "mean_treaty_asymmetry": statistics.fmean(self.treaty_asymmetry.values())
            if self.treaty_asymmetry
            else 0.0,
            "states_protected": sum(1 for s in self.scorecards if s.protection.weighted),
            "mean_resilience_after_hub_defects": statistics.fmean(resilient) if resilient else None,
            "mean_entrapment_share": statistics.fmean(entrapped) if entrapped else 0.0,
            f"encirclement_of_{self.encirclement.observer}": self.encirclement.share,
            "median_deterrence_ratio": statistics.median(ratios) if ratios else None,
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "world": self.world,
            "name": self.name,
            "date": self.date.isoformat(),
            "summary": self.summary(),
            "treaty_asymmetry": self.treaty_asymmetry,
            "encirclement": {
                "observer": self.encirclement.observer,
                "neighbours": list(self.encirclement.neighbours),
                "aligned": list(self.encirclement.aligned),
                "share": self.encirclement.share,
            },
            "deterrence": [
                {"aggressor": a, "target": t, "ratio": r} for (a, t), r in self.deterrence.items()
            ],
            "scorecards": [s.to_dict() for s in self.scorecards],
            "capability_missing": list(self.graph.missing),
        }


def assess(
    world: World, day: dt.date | str, parameters: MetricParameters = DEFAULT_PARAMETERS
) -> Assessment:
    """Compute every metric of ``world`` on ``day``."""
    snapshot = world.at(parse_date(day))
    graph = commitment_graph(snapshot, parameters)
    hub = hub_dominance(graph, parameters.hub)
    crises = crisis_matrix(snapshot)
    ratios = deterrence(snapshot, parameters, crises)
    protections = protection(graph)
    resiliences = resilience(graph, hub.hub) if hub.hub else {}
    trapped = entrapment(snapshot, crises)
    balances = state_asymmetry(graph)
    forces = foreign_forces(snapshot)
    cards = tuple(
        Scorecard(
            state=state,
            degree=hub.degree.get(state, 0),
            balance=balances[state],
            protection=protections[state],
            resilience=resiliences.get(state),
            entrapment=trapped[state],
            foreign_forces=forces.get(state),
            deterrence={a: r for (a, t), r in ratios.items() if t == state},
        )
        for state in graph.states
    )
    return Assessment(
        world=world.id,
        name=world.name,
        date=snapshot.day,
        parameters=parameters,
        graph=graph,
        hub=hub,
        treaty_asymmetry=treaty_asymmetry(snapshot, parameters),
        encirclement=encirclement(snapshot, parameters),
        deterrence=ratios,
        scorecards=cards,
    )


def summary_rows(assessments: list[Assessment]) -> list[dict[str, Any]]:
    """One row per summary metric: its value in each architecture and the change from the first."""
    summaries = [a.summary() for a in assessments]
    rows = []
    for metric in summaries[0]:
        values = [s.get(metric) for s in summaries]
        first = values[0]
        deltas = [
            v - first if isinstance(v, int | float) and isinstance(first, int | float) else None
            for v in values
        ]
        rows.append({"metric": metric, "values": values, "deltas": deltas})
    return rows
