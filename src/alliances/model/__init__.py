"""The domain model: immutable states, places, treaties, deployments and worlds."""

from alliances.model.crisis import Crisis
from alliances.model.deployment import Deployment
from alliances.model.figures import Figure
from alliances.model.kinds import (
    Command,
    Confidence,
    Instrument,
    ObligationKind,
    ScopeTarget,
    Strength,
)
from alliances.model.place import Administration, Place
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
from alliances.model.world import World, parse_date

__all__ = [
    "MEMBERS",
    "OWED_BY",
    "OWED_TO",
    "Administration",
    "Article",
    "Capital",
    "Command",
    "Conditions",
    "Confidence",
    "Crisis",
    "Deployment",
    "Figure",
    "Instrument",
    "Membership",
    "Obligation",
    "ObligationKind",
    "Place",
    "PlaceScope",
    "Pledge",
    "ScopeTarget",
    "State",
    "Strength",
    "Suspension",
    "Treaty",
    "World",
    "in_period",
    "parse_date",
]
