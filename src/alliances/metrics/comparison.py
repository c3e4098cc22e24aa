"""Several architectures assessed at one date, with what each changes relative to the first.

Examples
--------
>>> import alliances
>>> from alliances.io.proposals import proposal_world
>>> worlds = [alliances.load_world(), proposal_world("us-retrenchment")]
>>> result = compare(worlds, "2025-06-01")
>>> result.delta("us-retrenchment", "JPN", "protection_weighted") < 0
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from alliances.metrics.assessment import Assessment, assess, summary_rows
from alliances.metrics.parameters import DEFAULT_PARAMETERS, MetricParameters
from alliances.model import World, parse_date
from alliances.model.diff import WorldDiff, world_diff

__all__ = ["Comparison", "compare", "diff_dict"]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Assessments of several worlds at one date; the first is the base."""

    date: dt.date
    worlds: tuple[World, ...]
    assessments: tuple[Assessment, ...]
    diffs: tuple[WorldDiff, ...]

    @property
    def base(self) -> Assessment:
        """The first assessment, against which changes are measured."""
        return self.assessments[0]

    def assessment(self, world: str) -> Assessment:
        """The assessment of one world by id."""
        return next(a for a in self.assessments if a.world == world)

    def delta(self, world: str, state: str, field: str) -> float:
        """Change of one numeric scorecard field of ``state`` from the base to ``world``."""
        after = self.assessment(world).scorecard(state).to_dict()[field]
        before = self.base.scorecard(state).to_dict()[field]
        return float(after or 0.0) - float(before or 0.0)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: summary rows with deltas, every assessment, and the diffs."""
        return {
            "date": self.date.isoformat(),
            "architectures": [a.world for a in self.assessments],
            "summary": summary_rows(list(self.assessments)),
            "assessments": [a.to_dict() for a in self.assessments],
            "changes": [diff_dict(d) for d in self.diffs],
        }


def compare(
    worlds: Sequence[World], day: dt.date | str, parameters: MetricParameters = DEFAULT_PARAMETERS
) -> Comparison:
    """Assess each world on ``day`` and diff each against the first."""
    day = parse_date(day)
    assessments = tuple(assess(world, day, parameters) for world in worlds)
    diffs = tuple(world_diff(worlds[0], world, day) for world in worlds[1:])
    return Comparison(date=day, worlds=tuple(worlds), assessments=assessments, diffs=diffs)


def diff_dict(diff: WorldDiff) -> dict[str, Any]:
    """A world diff as JSON-ready data."""

    def pledge(p: Any) -> dict[str, str]:
        return {
            "treaty": p.treaty,
            "kind": p.kind.value,
            "owed_by": p.owed_by,
            "owed_to": p.owed_to,
            "article": p.obligation.article.ref,
        }

    def deployment(d: Any) -> dict[str, Any]:
        return {
            "id": d.id,
            "guest": d.guest,
            "host": d.host,
            "personnel": d.personnel,
            "command": d.command.value,
        }

    return {
        "from": diff.base,
        "to": diff.other,
        "pledges_added": [pledge(p) for p in diff.pledges_added],
        "pledges_removed": [pledge(p) for p in diff.pledges_removed],
        "pledges_changed": [
            {"before": pledge(a), "after": pledge(b)} for a, b in diff.pledges_changed
        ],
        "deployments_added": [deployment(d) for d in diff.deployments_added],
        "deployments_removed": [deployment(d) for d in diff.deployments_removed],
        "deployments_changed": [
            {"before": deployment(a), "after": deployment(b)} for a, b in diff.deployments_changed
        ],
    }
