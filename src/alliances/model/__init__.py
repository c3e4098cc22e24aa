"""The domain model: immutable states, places, treaties, deployments and worlds."""

from alliances.model.crisis import Crisis
from alliances.model.deployment import Deployment
from alliances.model.figures import Figure
from alliances.model.geo import great_circle_km
from alliances.model.kinds import (
    Command,
    Confidence,
    Instrument,
    ObligationKind,
    ScopeTarget,
    Strength,
)
from alliances.model.place import Administration, Place
from alliances.model.proposal import (
    AMENDED,
    AddDeployment,
    AddMembers,
    AddObligation,
    AddTreaty,
    AmendObligation,
    ChangeDeployment,
    Edit,
    EndDeployment,
    EndObligation,
    EndTreaty,
    Proposal,
    RemoveMembers,
    apply_proposal,
)
from alliances.model.state import Capital, State
from alliances.model.treaty import (
    MEMBERS,
    OWED_BY,
    OWED_TO,
    Article,
    Conditions,
    Membership,
    Obligation,
    PlaceScope,
    Pledge,
    Suspension,
    Treaty,
    in_period,
)
from alliances.model.world import World, derived, parse_date

__all__ = [
    "AMENDED",
    "MEMBERS",
    "OWED_BY",
    "OWED_TO",
    "AddDeployment",
    "AddMembers",
    "AddObligation",
    "AddTreaty",
    "Administration",
    "AmendObligation",
    "Article",
    "Capital",
    "ChangeDeployment",
    "Command",
    "Conditions",
    "Confidence",
    "Crisis",
    "Deployment",
    "Edit",
    "EndDeployment",
    "EndObligation",
    "EndTreaty",
    "Figure",
    "Instrument",
    "Membership",
    "Obligation",
    "ObligationKind",
    "Place",
    "PlaceScope",
    "Pledge",
    "Proposal",
    "RemoveMembers",
    "ScopeTarget",
    "State",
    "Strength",
    "Suspension",
    "Treaty",
    "World",
    "apply_proposal",
    "derived",
    "great_circle_km",
    "in_period",
    "parse_date",
]
