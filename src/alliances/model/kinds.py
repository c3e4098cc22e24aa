"""The controlled vocabularies of the model, named as in the ATOP codebook.

Examples
--------
>>> ObligationKind("defense").fights
True
>>> ObligationKind("forum").fights
False
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "Command",
    "Confidence",
    "Instrument",
    "ObligationKind",
    "ScopeTarget",
    "Strength",
]


class ObligationKind(StrEnum):
    """What an obligation asks of the state that owes it (ATOP: defense ... consul)."""

    DEFENSE = "defense"
    OFFENSE = "offense"
    NEUTRALITY = "neutrality"
    NONAGGRESSION = "nonaggression"
    CONSULTATION = "consultation"
    ACCESS = "access"
    FORUM = "forum"

    @property
    def fights(self) -> bool:
        """True for the kinds that can oblige a state to go to war."""
        return self in (ObligationKind.DEFENSE, ObligationKind.OFFENSE)

    @property
    def binds_in_crisis(self) -> bool:
        """True for kinds the engine evaluates in a crisis (not access or forum ties)."""
        return self not in (ObligationKind.ACCESS, ObligationKind.FORUM)


class Strength(StrEnum):
    """How firmly the pledge binds, from strongest to weakest."""

    AUTOMATIC = "automatic"
    CONSTITUTIONAL_PROCESSES = "constitutional-processes"
    CONSULT_FIRST = "consult-first"
    NONE = "none"


class Instrument(StrEnum):
    """The legal form of the text that creates the obligations."""

    TREATY = "treaty"
    EXECUTIVE_AGREEMENT = "executive-agreement"
    POLITICAL_COMMITMENT = "political-commitment"
    STATUTE = "statute"
    FORUM = "forum"

    @property
    def legally_binding(self) -> bool:
        """True when the instrument creates obligations in international law."""
        return self in (Instrument.TREATY, Instrument.EXECUTIVE_AGREEMENT)


class ScopeTarget(StrEnum):
    """What a place scope protects: territory, armed forces abroad, or either."""

    TERRITORY = "territory"
    FORCES = "forces"
    EITHER = "either"


class Command(StrEnum):
    """Who commands a deployment's forces."""

    NATIONAL = "national"
    INTEGRATED = "integrated"
    SHARED = "shared"


class Confidence(StrEnum):
    """How sure the data's authors are of an entry."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
