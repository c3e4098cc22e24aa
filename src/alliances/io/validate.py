"""Check a gathered scenario: shapes (pydantic), then cross-references and dates.

Every problem is collected and located (file:line:column, entity) before
anything is built, so a world is loaded whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from alliances.errors import Problem, suggest
from alliances.io.schema import (
    SECTION_MODELS,
    CrisisIn,
    DeploymentIn,
    PlaceIn,
    StateIn,
    TreatyIn,
    WorldInfoIn,
)
from alliances.io.sources import Bundle, Item

__all__ = ["Checked", "check_bundle"]

_ROLES = ("owed-to", "owed-by")
_MEMBERS = "members"


@dataclass(slots=True)
class Checked:
    """The validated entries of each section, paired with where they came from."""

    info: WorldInfoIn
    tags: dict[str, str]
    entries: dict[str, list[tuple[Item, Any]]] = field(default_factory=dict)

    def models(self, section: str) -> list[Any]:
        """The validated models of one section."""
        return [model for _, model in self.entries[section]]


def check_bundle(bundle: Bundle, default_id: str) -> tuple[Checked | None, list[Problem]]:
    """Validate a bundle; return the checked entries or the problems found."""
    problems: list[Problem] = []
    info = _check_info(bundle, default_id, problems)
    checked = Checked(info=info, tags=dict(bundle.tags))
    for section, model in SECTION_MODELS.items():
        checked.entries[section] = [
            (item, parsed)
            for item in bundle.items[section]
            if (parsed := parse_entry(item, model, problems)) is not None
        ]
    Referee.of(checked, problems).run(checked)
    return (None if problems else checked), problems


def _check_info(bundle: Bundle, default_id: str, problems: list[Problem]) -> WorldInfoIn:
    fallback = WorldInfoIn(id=default_id, name=default_id)
    if bundle.info_item is None:
        return fallback
    parsed = parse_entry(bundle.info_item, WorldInfoIn, problems)
    return parsed if isinstance(parsed, WorldInfoIn) else fallback


def parse_entry(item: Item, model: type[BaseModel], problems: list[Problem]) -> Any:
    """Validate one entry's shape; on failure add located problems and return None."""
    if not isinstance(item.raw, dict):
        problems.append(item.problem(f"expected a mapping, found {type(item.raw).__name__}"))
        return None
    try:
        return model.model_validate(item.raw)
    except ValidationError as error:
        for detail in error.errors():
            loc = tuple(part for part in detail["loc"] if isinstance(part, str | int))
            path = item.doc.resolve(item.path, loc)
            field_name = ".".join(str(p) for p in loc if not _is_type_tag(p)) or "entry"
            found = detail.get("input")
            shown = "" if isinstance(found, dict | list) else f", found {found!r}"
            message = f"{field_name}: {detail['msg'].lower()}{shown}"
            problems.append(item.doc.problem(path, message, entity=item.label))
        return None


def _is_type_tag(part: object) -> bool:
    return isinstance(part, str) and (part[:1].isupper() or part in ("str", "int", "float"))


class Referee:
    """Cross-reference and date checks over the validated entries."""

    def __init__(
        self,
        *,
        states: set[str],
        places: set[str],
        tags: dict[str, str],
        coverage_from: dt.date,
        problems: list[Problem],
    ) -> None:
        self.problems = problems
        self.states = states
        self.places = places
        self.tags = tags
        self.coverage_from = coverage_from

    @classmethod
    def of(cls, checked: Checked, problems: list[Problem]) -> Referee:
        """A referee for the entries of one scenario."""
        return cls(
            states={s.id for s in checked.models("states")},
            places={p.id for p in checked.models("places")},
            tags=checked.tags,
            coverage_from=checked.info.coverage_from,
            problems=problems,
        )

    def run(self, checked: Checked) -> None:
        """Check every entry of a scenario."""
        for section in SECTION_MODELS:
            self._unique_ids(checked, section)
        for item, state in checked.entries["states"]:
            self._check_state(item, state)
        for item, place in checked.entries["places"]:
            self._check_place(item, place)
        for item, treaty in checked.entries["treaties"]:
            TreatyReferee(self, item, treaty).run()
        for item, deployment in checked.entries["deployments"]:
            self.check_deployment(item, deployment)
        for item, crisis in checked.entries["crises"]:
            self._check_crisis(item, crisis)

    def report(
        self, item: Item, path: tuple[str | int, ...], message: str, hint: str | None = None
    ) -> None:
        self.problems.append(item.problem(message, path, hint))

    def state_ref(self, item: Item, path: tuple[str | int, ...], state: str, role: str) -> bool:
        if state in self.states:
            return True
        self.report(
            item, path, f"{role} {state!r} is not a known state", suggest(state, self.states)
        )
        return False

    def place_ref(self, item: Item, path: tuple[str | int, ...], place: str) -> None:
        if place not in self.places and place not in self.states:
            self.report(
                item, path, f"place {place!r} is not a known place", suggest(place, self.places)
            )

    def tag_refs(self, item: Item, path: tuple[str | int, ...], tags: Iterable[str]) -> None:
        for index, tag in enumerate(tags):
            if tag not in self.tags:
                self.report(
                    item,
                    (*path, index),
                    f"tag {tag!r} is not in the tag vocabulary",
                    suggest(tag, self.tags) or "declare it under 'tags'",
                )

    def ordered(
        self,
        item: Item,
        earlier: tuple[str, dt.date | None],
        later: tuple[str, dt.date | None],
        path: tuple[str | int, ...] = (),
    ) -> None:
        (first_name, first), (second_name, second) = earlier, later
        if first is not None and second is not None and second < first:
            self.report(
                item,
                (*path, second_name),
                f"{second_name} {second.isoformat()} is before {first_name} {first.isoformat()}",
            )

    def _unique_ids(self, checked: Checked, section: str) -> None:
        seen: dict[str, Item] = {}
        for item, model in checked.entries[section]:
            first = seen.setdefault(model.id, item)
            if first is not item:
                where = f"{first.doc.file}:{(first.doc.position(first.path) or ('?',))[0]}"
                self.report(item, ("id",), f"duplicate id {model.id!r} (first defined at {where})")
        if section == "places":
            for item, model in checked.entries[section]:
                if model.id.upper() in self.states:
                    self.report(item, ("id",), f"place id {model.id!r} clashes with a state id")

    def _check_state(self, item: Item, state: StateIn) -> None:
        self.tag_refs(item, ("home_tags",), state.home_tags)
        self.ordered(
            item, ("exists_since", state.exists_since), ("exists_until", state.exists_until)
        )

    def _check_place(self, item: Item, place: PlaceIn) -> None:
        if place.administered_by is not None:
            self.state_ref(item, ("administered_by",), place.administered_by, "administering state")
        for index, claimant in enumerate(place.claimants):
            self.state_ref(item, ("claimants", index), claimant, "claimant")
        for index, period in enumerate(place.administration):
            path: tuple[str | int, ...] = ("administration", index)
            if period.by is not None:
                self.state_ref(item, (*path, "by"), period.by, "administering state")
            self.ordered(item, ("since", period.since), ("until", period.until), path)
        self.tag_refs(item, ("tags",), place.tags)

    def check_deployment(self, item: Item, deployment: DeploymentIn) -> None:
        self.state_ref(item, ("guest",), deployment.guest, "guest")
        self.state_ref(item, ("host",), deployment.host, "host")
        if deployment.guest == deployment.host and deployment.place is None:
            self.report(
                item, ("host",), "forces in their own state need a place (e.g. an island territory)"
            )
        if deployment.place is not None:
            self.place_ref(item, ("place",), deployment.place)
        self.ordered(item, ("since", deployment.since), ("until", deployment.until))

    def _check_crisis(self, item: Item, crisis: CrisisIn) -> None:
        self.state_ref(item, ("aggressor",), crisis.aggressor, "aggressor")
        self.state_ref(item, ("target",), crisis.target, "target")
        if crisis.aggressor == crisis.target:
            self.report(item, ("target",), "a state cannot attack itself")
        if crisis.place is not None:
            self.place_ref(item, ("place",), crisis.place)
        if crisis.date < self.coverage_from:
            self.report(
                item,
                ("date",),
                f"date {crisis.date.isoformat()} is before the world's "
                f"coverage ({self.coverage_from.isoformat()})",
            )


class TreatyReferee:
    """The checks of one treaty: members, obligations, suspensions, dates."""

    def __init__(self, referee: Referee, item: Item, treaty: TreatyIn) -> None:
        self.referee = referee
        self.item = item
        self.treaty = treaty
        self.members = {m if isinstance(m, str) else m.state for m in treaty.members}

    def run(self) -> None:
        referee, item, treaty = self.referee, self.item, self.treaty
        referee.ordered(item, ("signed", treaty.signed), ("in_force", treaty.in_force))
        referee.ordered(item, ("in_force", treaty.in_force), ("ended", treaty.ended))
        referee.ordered(item, ("signed", treaty.signed), ("ended", treaty.ended))
        seen: set[str] = set()
        for index, member in enumerate(treaty.members):
            state = member if isinstance(member, str) else member.state
            path: tuple[str | int, ...] = ("members", index)
            if state in seen:
                referee.report(item, path, f"member {state!r} is listed twice")
            seen.add(state)
            referee.state_ref(item, path, state, "member")
            if not isinstance(member, str):
                referee.ordered(item, ("joined", member.joined), ("left", member.left), path)
        obligation_ids: set[str] = set()
        for index, obligation in enumerate(treaty.obligations):
            if obligation.id in obligation_ids:
                referee.report(
                    item, ("obligations", index, "id"), f"duplicate obligation id {obligation.id!r}"
                )
            obligation_ids.add(obligation.id)
            self._check_obligation(index, obligation)
        for index, suspension in enumerate(treaty.suspensions):
            for role in ("owed_by", "owed_to"):
                self._party(("suspensions", index, role), getattr(suspension, role), role)
            referee.ordered(
                item,
                ("since", suspension.since),
                ("until", suspension.until),
                ("suspensions", index),
            )

    def _party(self, path: tuple[str | int, ...], state: str, role: str) -> None:
        if state == _MEMBERS:
            return
        if (
            self.referee.state_ref(self.item, path, state, role.replace("_", " "))
            and state not in self.members
        ):
            self.referee.report(
                self.item,
                path,
                f"{role.replace('_', ' ')} {state!r} is not a member of treaty {self.treaty.id}",
            )

    def _check_obligation(self, index: int, obligation: Any) -> None:
        base: tuple[str | int, ...] = ("obligations", index)
        referee, item = self.referee, self.item
        for role in ("owed_by", "owed_to"):
            for position, state in enumerate(getattr(obligation, role)):
                self._party((*base, role, position), state, role)
        referee.ordered(item, ("in_force", obligation.in_force), ("ended", obligation.ended), base)
        conditions = obligation.conditions
        for key in ("adversaries", "excluded_adversaries"):
            for position, state in enumerate(getattr(conditions, key)):
                referee.state_ref(item, (*base, "conditions", key, position), state, "adversary")
        for position, scope in enumerate(conditions.scopes):
            path = (*base, "conditions", "scopes", position)
            admin = scope.administered_by
            if admin is not None and admin not in _ROLES:
                referee.state_ref(item, (*path, "administered_by"), admin, "administering state")
            referee.tag_refs(item, (*path, "areas"), scope.areas)
            referee.tag_refs(item, (*path, "territory_types"), scope.territory_types)
            for place_index, place in enumerate(scope.places):
                referee.place_ref(item, (*path, "places", place_index), place)
