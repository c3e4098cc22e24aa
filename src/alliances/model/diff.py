"""What differs between two worlds at a date: pledges and deployments added, removed, changed.

Examples
--------
>>> import alliances
>>> from alliances.io.proposals import proposal_world
>>> change = world_diff(alliances.load_world(), proposal_world("asian-nato-core"), "2025-06-01")
>>> sorted({(p.owed_by, p.owed_to) for p in change.pledges_added if p.kind == "defense"})[:3]
[('JPN', 'KOR'), ('JPN', 'PHL'), ('KOR', 'JPN')]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from alliances.model.deployment import Deployment
from alliances.model.proposal import AMENDED
from alliances.model.treaty import Obligation, Pledge
from alliances.model.world import World, parse_date

__all__ = ["WorldDiff", "world_diff"]


@dataclass(frozen=True, slots=True, kw_only=True)
class WorldDiff:
    """The differences between ``base`` and ``other`` on ``date``."""

    base: str
    other: str
    date: dt.date
    pledges_added: tuple[Pledge, ...]
    pledges_removed: tuple[Pledge, ...]
    pledges_changed: tuple[tuple[Pledge, Pledge], ...]
    deployments_added: tuple[Deployment, ...]
    deployments_removed: tuple[Deployment, ...]
    deployments_changed: tuple[tuple[Deployment, Deployment], ...]

    @property
    def empty(self) -> bool:
        """True when nothing differs."""
        return not (
            self.pledges_added
            or self.pledges_removed
            or self.pledges_changed
            or self.deployments_added
            or self.deployments_removed
            or self.deployments_changed
        )


def world_diff(base: World, other: World, day: dt.date | str) -> WorldDiff:
    """Compare two worlds (timelines or snapshots) on ``day``."""
    day = parse_date(day)
    before, after = base.at(day), other.at(day)
    old = {_pledge_key(p): p for p in before.pledges}
    new = {_pledge_key(p): p for p in after.pledges}
    old_forces = {d.id.removesuffix(AMENDED): d for d in before.deployments_in_force()}
    new_forces = {d.id.removesuffix(AMENDED): d for d in after.deployments_in_force()}
    return WorldDiff(
        base=base.id,
        other=other.id,
        date=day,
        pledges_added=tuple(new[k] for k in new if k not in old),
        pledges_removed=tuple(old[k] for k in old if k not in new),
        pledges_changed=tuple(
            (old[k], new[k])
            for k in new
            if k in old and _content(old[k].obligation) != _content(new[k].obligation)
        ),
        deployments_added=tuple(new_forces[k] for k in new_forces if k not in old_forces),
        deployments_removed=tuple(old_forces[k] for k in old_forces if k not in new_forces),
        deployments_changed=tuple(
            (old_forces[k], new_forces[k])
            for k in new_forces
            if k in old_forces
            and (old_forces[k].command, old_forces[k].personnel)
            != (new_forces[k].command, new_forces[k].personnel)
        ),
    )


def _pledge_key(pledge: Pledge) -> tuple[str, str, str, str]:
    return (
        pledge.treaty,
        pledge.obligation.id.removesuffix(AMENDED),
        pledge.owed_by,
        pledge.owed_to,
    )


def _content(obligation: Obligation) -> Obligation:
    """An obligation without its id and dates, to compare what it asks."""
    return replace(obligation, id="", in_force=None, ended=None, note=None)
