"""The scenario file format as pydantic models: validation and JSON Schema.

These models check shape and types at the boundary; cross-references
(unknown states, dangling places, dates out of order) are checked in
:mod:`alliances.io.validate`. Field names are those of the YAML files.

Examples
--------
>>> schema = scenario_json_schema()
>>> sorted(schema["properties"])[:4]
['crises', 'deployments', 'extends', 'format']
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "MAX_PERSONNEL",
    "AdministrationIn",
    "ArticleIn",
    "CapitalIn",
    "ConditionsIn",
    "CrisisIn",
    "DeploymentIn",
    "FigureIn",
    "MembershipIn",
    "ObligationIn",
    "PlaceIn",
    "ScenarioFileIn",
    "ScopeIn",
    "StateIn",
    "StrictModel",
    "SuspensionIn",
    "TreatyIn",
    "WorldInfoIn",
    "scenario_json_schema",
]

ConfidenceIn = Literal["high", "medium", "low"]
StateId = str
MAX_PERSONNEL = 10_000_000
"""The most personnel a deployment may state: five times the largest active armed
forces today (about 2 million). It catches typos, and numbers too large to encode."""

_STATE_ID = r"^[A-Z]{3}$"
_SLUG = r"^[a-z0-9][a-z0-9-]*$"
_TREATY_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


class StrictModel(BaseModel):
    """Base of the file-format models: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class FigureIn(StrictModel):
    """A value with the year it describes and its source."""

    value: float | int | str | None
    year: int | None = Field(default=None, ge=1800, le=2100)
    source: str = Field(min_length=1)
    confidence: ConfidenceIn = "high"
    note: str | None = None


class CapitalIn(StrictModel):
    """A capital city with coordinates in decimal degrees."""

    name: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class StateIn(StrictModel):
    """A state: ISO 3166-1 alpha-3 id, COW code, capital, home tags, figures."""

    id: StateId = Field(pattern=_STATE_ID)
    cow: int | None = Field(default=None, ge=1, le=999)
    name: str = Field(min_length=1)
    capital: CapitalIn
    home_tags: list[str] = Field(default_factory=lambda: ["metropolitan"])
    exists_since: dt.date | None = None
    exists_until: dt.date | None = None
    figures: dict[str, FigureIn] = Field(default_factory=dict)


class AdministrationIn(StrictModel):
    """Who administered a place over a period (overrides ``administered_by`` then)."""

    by: StateId | None
    since: dt.date | None = None
    until: dt.date | None = None
    source: str | None = None


class PlaceIn(StrictModel):
    """A territory or area: administration, claimants, tags, coordinates."""

    id: str = Field(pattern=_SLUG)
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    administered_by: StateId | None = None
    administration: list[AdministrationIn] = Field(
        default_factory=list, description="earlier or later administrators, by period"
    )
    claimants: list[StateId] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    note: str | None = None
    source: str = Field(min_length=1)
    confidence: ConfidenceIn = "high"


class ScopeIn(StrictModel):
    """One way an attack falls inside an obligation (all set fields must hold)."""

    target: Literal["territory", "forces", "either"] = "either"
    administered_by: str | None = Field(
        default=None, description="a state id, 'owed-to' or 'owed-by'"
    )
    territory_types: list[str] = Field(default_factory=list)
    areas: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    max_latitude: float | None = Field(default=None, ge=-90, le=90)


class ConditionsIn(StrictModel):
    """When an obligation applies."""

    adversaries: list[StateId] = Field(default_factory=list, description="empty: any state")
    excluded_adversaries: list[StateId] = Field(default_factory=list)
    non_member_adversary: bool = False
    scopes: list[ScopeIn] = Field(default_factory=list, description="empty: anywhere")
    non_provocation: bool = False


class ArticleIn(StrictModel):
    """The article an obligation comes from, paraphrased in our own words."""

    ref: str = Field(min_length=1)
    summary: str = Field(min_length=1)


def _parties(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class ObligationIn(StrictModel):
    """An obligation of a treaty (ATOP kinds plus access and forum)."""

    id: str = Field(pattern=_SLUG)
    kind: Literal[
        "defense", "offense", "neutrality", "nonaggression", "consultation", "access", "forum"
    ]
    owed_by: list[str] = Field(min_length=1, description="state ids, or 'members'")
    owed_to: list[str] = Field(min_length=1, description="state ids, or 'members'")
    article: ArticleIn
    conditions: ConditionsIn = ConditionsIn()
    strength: Literal["automatic", "constitutional-processes", "consult-first", "none"] = "none"
    in_force: dt.date | None = None
    ended: dt.date | None = None
    note: str | None = None
    confidence: ConfidenceIn = "high"

    _normalise_parties = field_validator("owed_by", "owed_to", mode="before")(_parties)


class MembershipIn(StrictModel):
    """A member, with entry and exit dates where they differ from the treaty's."""

    state: StateId
    joined: dt.date | None = None
    left: dt.date | None = None
    note: str | None = None


class SuspensionIn(StrictModel):
    """A pair whose obligations are suspended for a period (ANZUS US-NZ since 1986)."""

    owed_by: StateId
    owed_to: StateId
    since: dt.date
    until: dt.date | None = None
    note: str | None = None
    source: str | None = None


class TreatyIn(StrictModel):
    """A treaty, statute or arrangement with its members and obligations."""

    id: str = Field(pattern=_TREATY_ID)
    name: str = Field(min_length=1)
    short_name: str | None = None
    instrument: Literal[
        "treaty", "executive-agreement", "political-commitment", "statute", "forum"
    ] = "treaty"
    signed: dt.date | None = None
    in_force: dt.date | None = None
    ended: dt.date | None = None
    members: list[StateId | MembershipIn] = Field(min_length=1)
    obligations: list[ObligationIn] = Field(default_factory=list)
    suspensions: list[SuspensionIn] = Field(default_factory=list)
    source: str = Field(min_length=1)
    note: str | None = None
    confidence: ConfidenceIn = "high"
    atop_id: int | None = None


class DeploymentIn(StrictModel):
    """A guest state's forces in a host state."""

    id: str = Field(pattern=_SLUG)
    guest: StateId
    host: StateId
    place: str | None = None
    personnel: int | None = Field(default=None, ge=0, le=MAX_PERSONNEL)
    personnel_year: int | None = Field(default=None, ge=1800, le=2100)
    command: Literal["national", "integrated", "shared"] = "national"
    since: dt.date | None = None
    until: dt.date | None = None
    source: str = Field(min_length=1)
    confidence: ConfidenceIn = "high"
    note: str | None = None


class CrisisIn(StrictModel):
    """A named attack to evaluate."""

    id: str = Field(pattern=_SLUG)
    name: str = Field(min_length=1)
    aggressor: StateId
    target: StateId
    place: str | None = None
    date: dt.date
    note: str | None = None


class WorldInfoIn(StrictModel):
    """What the world is and which dates it covers."""

    id: str = Field(pattern=_SLUG)
    name: str = Field(min_length=1)
    description: str | None = None
    coverage_from: dt.date = dt.date(1945, 1, 1)


SECTION_MODELS: dict[str, type[StrictModel]] = {
    "states": StateIn,
    "places": PlaceIn,
    "treaties": TreatyIn,
    "deployments": DeploymentIn,
    "crises": CrisisIn,
}
"""Every list section of a scenario file and the model of its items."""


class ScenarioFileIn(StrictModel):
    """A scenario file. Included files may hold only the list sections and ``tags``."""

    format: Literal["alliances/1"] = "alliances/1"
    world: WorldInfoIn | None = None
    extends: str | None = Field(
        default=None, description="an embedded world's id or a path to a world file"
    )
    include: list[str] = Field(default_factory=list, description="paths relative to this file")
    tags: dict[str, str] = Field(default_factory=dict, description="tag vocabulary")
    states: list[StateIn] = Field(default_factory=list)
    places: list[PlaceIn] = Field(default_factory=list)
    treaties: list[TreatyIn] = Field(default_factory=list)
    deployments: list[DeploymentIn] = Field(default_factory=list)
    crises: list[CrisisIn] = Field(default_factory=list)


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file (``alliances schema`` prints it)."""
    schema = ScenarioFileIn.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "alliances scenario file"
    return schema
