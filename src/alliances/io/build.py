"""Turn validated scenario entries into the immutable domain model."""

from __future__ import annotations

from alliances.io.schema import (
    ConditionsIn,
    CrisisIn,
    DeploymentIn,
    FigureIn,
    ObligationIn,
    PlaceIn,
    StateIn,
    TreatyIn,
)
from alliances.io.validate import Checked
from alliances.model import (
    Administration,
    Article,
    Capital,
    Command,
    Conditions,
    Confidence,
    Crisis,
    Deployment,
    Figure,
    Instrument,
    Membership,
    Obligation,
    ObligationKind,
    Place,
    PlaceScope,
    ScopeTarget,
    State,
    Strength,
    Suspension,
    Treaty,
    World,
)

__all__ = [
    "build_conditions",
    "build_deployment",
    "build_obligation",
    "build_treaty",
    "build_world",
]


def build_world(checked: Checked) -> World:
    """Build a :class:`World` timeline from validated entries."""
    info = checked.info
    return World(
        id=info.id,
        name=info.name,
        description=info.description,
        coverage_from=info.coverage_from,
        tags=dict(checked.tags),
        states=tuple(_state(s) for s in checked.models("states")),
        places=tuple(_place(p) for p in checked.models("places")),
        treaties=tuple(build_treaty(t) for t in checked.models("treaties")),
        deployments=tuple(build_deployment(d) for d in checked.models("deployments")),
        crises=tuple(_crisis(c) for c in checked.models("crises")),
    )


def _figure(figure: FigureIn) -> Figure:
    return Figure(
        value=figure.value,
        year=figure.year,
        source=figure.source,
        confidence=Confidence(figure.confidence),
        note=figure.note,
    )


def _state(state: StateIn) -> State:
    capital = Capital(name=state.capital.name, lat=state.capital.lat, lon=state.capital.lon)
    return State(
        id=state.id,
        cow=state.cow,
        name=state.name,
        capital=capital,
        home_tags=tuple(state.home_tags),
        exists_since=state.exists_since,
        exists_until=state.exists_until,
        figures={name: _figure(f) for name, f in state.figures.items()},
    )


def _place(place: PlaceIn) -> Place:
    return Place(
        id=place.id,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        administered_by=place.administered_by,
        administration=tuple(
            Administration(by=a.by, since=a.since, until=a.until, source=a.source)
            for a in place.administration
        ),
        claimants=tuple(place.claimants),
        tags=tuple(place.tags),
        aliases=tuple(place.aliases),
        note=place.note,
        source=place.source,
        confidence=Confidence(place.confidence),
    )


def build_conditions(conditions: ConditionsIn) -> Conditions:
    scopes = tuple(
        PlaceScope(
            target=ScopeTarget(s.target),
            administered_by=s.administered_by,
            territory_types=tuple(s.territory_types),
            areas=tuple(s.areas),
            places=tuple(s.places),
            max_latitude=s.max_latitude,
        )
        for s in conditions.scopes
    )
    return Conditions(
        adversaries=tuple(conditions.adversaries),
        excluded_adversaries=tuple(conditions.excluded_adversaries),
        non_member_adversary=conditions.non_member_adversary,
        scopes=scopes,
        non_provocation=conditions.non_provocation,
    )


def build_obligation(obligation: ObligationIn) -> Obligation:
    return Obligation(
        id=obligation.id,
        kind=ObligationKind(obligation.kind),
        owed_by=tuple(obligation.owed_by),
        owed_to=tuple(obligation.owed_to),
        article=Article(ref=obligation.article.ref, summary=obligation.article.summary),
        conditions=build_conditions(obligation.conditions),
        strength=Strength(obligation.strength),
        in_force=obligation.in_force,
        ended=obligation.ended,
        note=obligation.note,
        confidence=Confidence(obligation.confidence),
    )


def build_treaty(treaty: TreatyIn) -> Treaty:
    members = tuple(
        Membership(state=m)
        if isinstance(m, str)
        else Membership(state=m.state, joined=m.joined, left=m.left, note=m.note)
        for m in treaty.members
    )
    suspensions = tuple(
        Suspension(
            owed_by=s.owed_by,
            owed_to=s.owed_to,
            since=s.since,
            until=s.until,
            note=s.note,
            source=s.source,
        )
        for s in treaty.suspensions
    )
    return Treaty(
        id=treaty.id,
        name=treaty.name,
        short_name=treaty.short_name,
        members=members,
        obligations=tuple(build_obligation(o) for o in treaty.obligations),
        instrument=Instrument(treaty.instrument),
        signed=treaty.signed,
        in_force=treaty.in_force,
        ended=treaty.ended,
        suspensions=suspensions,
        source=treaty.source,
        note=treaty.note,
        confidence=Confidence(treaty.confidence),
        atop_id=treaty.atop_id,
    )


def build_deployment(deployment: DeploymentIn) -> Deployment:
    return Deployment(
        id=deployment.id,
        guest=deployment.guest,
        host=deployment.host,
        place=deployment.place,
        personnel=deployment.personnel,
        personnel_year=deployment.personnel_year,
        command=Command(deployment.command),
        since=deployment.since,
        until=deployment.until,
        source=deployment.source,
        confidence=Confidence(deployment.confidence),
        note=deployment.note,
    )


def _crisis(crisis: CrisisIn) -> Crisis:
    return Crisis(
        id=crisis.id,
        name=crisis.name,
        aggressor=crisis.aggressor,
        target=crisis.target,
        place=crisis.place,
        date=crisis.date,
        note=crisis.note,
    )
