"""Proposals: named lists of edits to a world, so an "Asian NATO" is data, not code.

Edits take effect on the proposal's ``effective`` date (or their own ``on``
date): the world before it is unchanged, so dated queries still see history.
An amended obligation or deployment ends on that date and its amended copy
(id suffixed ``-as-amended``) starts then.

Examples
--------
>>> import datetime as dt
>>> import alliances
>>> world = alliances.load_world()
>>> retire = Proposal(id="no-anzus", name="ANZUS ends", effective=dt.date(2025, 1, 1),
...                   edits=(EndTreaty(treaty="ANZUS"),))
>>> changed = apply_proposal(world, retire)
>>> changed.at("2025-06-01").members_of("ANZUS"), changed.at("2024-06-01").members_of("ANZUS")
((), ('AUS', 'NZL', 'USA'))
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from alliances.model.deployment import Deployment
from alliances.model.kinds import Command, Strength
from alliances.model.treaty import Article, Conditions, Membership, Obligation, Treaty
from alliances.model.world import World

__all__ = [
    "AMENDED",
    "AddDeployment",
    "AddMembers",
    "AddObligation",
    "AddTreaty",
    "AmendObligation",
    "ChangeDeployment",
    "Edit",
    "EndDeployment",
    "EndObligation",
    "EndTreaty",
    "Proposal",
    "RemoveMembers",
    "apply_proposal",
]

AMENDED = "-as-amended"
"""Suffix of the id of an amended obligation or deployment."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AddTreaty:
    """Add a treaty (its ``in_force`` defaults to the proposal's effective date)."""

    treaty: Treaty


@dataclass(frozen=True, slots=True, kw_only=True)
class EndTreaty:
    """End a treaty on ``on`` (default: the effective date)."""

    treaty: str
    on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AddObligation:
    """Add an obligation to an existing treaty from the effective date."""

    treaty: str
    obligation: Obligation


@dataclass(frozen=True, slots=True, kw_only=True)
class EndObligation:
    """End one obligation of a treaty."""

    treaty: str
    obligation: str
    on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AmendObligation:
    """Change an obligation from the effective date; None fields stay as they are."""

    treaty: str
    obligation: str
    owed_by: tuple[str, ...] | None = None
    owed_to: tuple[str, ...] | None = None
    strength: Strength | None = None
    conditions: Conditions | None = None
    article: Article | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AddMembers:
    """Add members to a treaty from the effective date."""

    treaty: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class RemoveMembers:
    """Members leave a treaty (their obligations, and those owed to them, end)."""

    treaty: str
    members: tuple[str, ...]
    on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AddDeployment:
    """Station forces (``since`` defaults to the effective date)."""

    deployment: Deployment


@dataclass(frozen=True, slots=True, kw_only=True)
class EndDeployment:
    """Withdraw a deployment."""

    deployment: str
    on: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeDeployment:
    """Change a deployment's command arrangement or personnel from the effective date."""

    deployment: str
    command: Command | None = None
    personnel: int | None = None
    note: str | None = None


Edit = (
    AddTreaty
    | EndTreaty
    | AddObligation
    | EndObligation
    | AmendObligation
    | AddMembers
    | RemoveMembers
    | AddDeployment
    | EndDeployment
    | ChangeDeployment
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:
    """A named list of edits to a base world, effective from a date."""

    id: str
    name: str
    effective: dt.date
    edits: tuple[Edit, ...] = ()
    base: str = "indo-pacific-2024"
    description: str | None = None
    source: str | None = None


def apply_proposal(world: World, proposal: Proposal) -> World:
    """The world with every edit of ``proposal`` applied, as a new timeline."""
    treaties = {t.id: t for t in world.treaties}
    deployments = {d.id: d for d in world.deployments}
    for edit in proposal.edits:
        _apply(edit, proposal.effective, treaties, deployments)
    return replace(
        world,
        id=proposal.id,
        name=proposal.name,
        description=proposal.description,
        treaties=tuple(treaties.values()),
        deployments=tuple(deployments.values()),
        date=None,
    )


def _apply(
    edit: Edit, effective: dt.date, treaties: dict[str, Treaty], deployments: dict[str, Deployment]
) -> None:
    if isinstance(edit, AddTreaty):
        treaties[edit.treaty.id] = (
            edit.treaty if edit.treaty.in_force else replace(edit.treaty, in_force=effective)
        )
    elif isinstance(edit, EndTreaty):
        treaties[edit.treaty] = replace(treaties[edit.treaty], ended=edit.on or effective)
    elif isinstance(edit, AddObligation | EndObligation | AmendObligation):
        treaty = treaties[edit.treaty]
        treaties[edit.treaty] = replace(treaty, obligations=_obligations(treaty, edit, effective))
    elif isinstance(edit, AddMembers):
        treaty = treaties[edit.treaty]
        added = tuple(Membership(state=s, joined=effective) for s in edit.members)
        treaties[edit.treaty] = replace(treaty, members=(*treaty.members, *added))
    elif isinstance(edit, RemoveMembers):
        treaty = treaties[edit.treaty]
        leaving = set(edit.members)
        members = tuple(
            replace(m, left=edit.on or effective) if m.state in leaving else m
            for m in treaty.members
        )
        treaties[edit.treaty] = replace(treaty, members=members)
    elif isinstance(edit, AddDeployment):
        deployment = edit.deployment
        deployments[deployment.id] = (
            deployment if deployment.since else replace(deployment, since=effective)
        )
    elif isinstance(edit, EndDeployment):
        deployments[edit.deployment] = replace(
            deployments[edit.deployment], until=edit.on or effective
        )
    else:
        _change_deployment(edit, effective, deployments)


def _obligations(
    treaty: Treaty, edit: AddObligation | EndObligation | AmendObligation, effective: dt.date
) -> tuple[Obligation, ...]:
    if isinstance(edit, AddObligation):
        added = (
            edit.obligation
            if edit.obligation.in_force
            else replace(edit.obligation, in_force=effective)
        )
        return (*treaty.obligations, added)
    result: list[Obligation] = []
    for obligation in treaty.obligations:
        if obligation.id != edit.obligation:
            result.append(obligation)
            continue
        end = edit.on if isinstance(edit, EndObligation) and edit.on else effective
        result.append(replace(obligation, ended=end))
        if isinstance(edit, AmendObligation):
            result.append(_amended(obligation, edit, effective))
    return tuple(result)


def _amended(obligation: Obligation, edit: AmendObligation, effective: dt.date) -> Obligation:
    return replace(
        obligation,
        id=obligation.id + AMENDED,
        in_force=effective,
        ended=None,
        owed_by=edit.owed_by or obligation.owed_by,
        owed_to=edit.owed_to or obligation.owed_to,
        strength=edit.strength or obligation.strength,
        conditions=edit.conditions or obligation.conditions,
        article=edit.article or obligation.article,
        note=edit.note or obligation.note,
    )


def _change_deployment(
    edit: ChangeDeployment, effective: dt.date, deployments: dict[str, Deployment]
) -> None:
    old = deployments[edit.deployment]
    deployments[edit.deployment] = replace(old, until=effective)
    new = replace(
        old,
        id=old.id + AMENDED,
        since=effective,
        until=None,
        command=edit.command or old.command,
        personnel=old.personnel if edit.personnel is None else edit.personnel,
        note=edit.note or old.note,
    )
    deployments[new.id] = new
