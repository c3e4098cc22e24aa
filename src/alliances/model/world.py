"""The world: every state, place, treaty and deployment, seen at a date.

A world loaded from files is a timeline (``date`` is None). ``world.at(day)``
derives the snapshot at a date in microseconds: it shares the entities and
adds the pledges in force and lookup indexes.

Examples
--------
>>> import alliances
>>> world = alliances.load_world().at("2024-10-01")
>>> world.state("JPN").name
'Japan'
>>> sorted({p.treaty for p in world.pledges_owed_to("JPN") if p.kind == "defense"})
['US-JPN-1960']
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar, cast
from weakref import WeakKeyDictionary

from alliances.errors import DateOutOfCoverageError, UnknownEntityError
from alliances.model.crisis import Crisis
from alliances.model.deployment import Deployment
from alliances.model.place import Place
from alliances.model.state import State
from alliances.model.treaty import Pledge, Treaty

__all__ = ["World", "derived", "parse_date"]

_T = TypeVar("_T")


_SNAPSHOTS_PER_WORLD = 64
"""Snapshots kept per world, so that ``world.at(day)`` is the same object each time
(engines cached per snapshot are then reused); the oldest taken is dropped first."""

_DERIVED: WeakKeyDictionary[World, dict[Hashable, Any]] = WeakKeyDictionary()
"""Data computed from a world once and kept while it lives (see :func:`derived`)."""


def parse_date(value: dt.date | str) -> dt.date:
    """Read an ISO date (``YYYY-MM-DD``) or pass a date through.

    Examples
    --------
    >>> parse_date("1914-07-28")
    datetime.date(1914, 7, 28)
    """
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DateOutOfCoverageError(
            f"{value!r} is not a valid date (expected YYYY-MM-DD)"
        ) from None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False, weakref_slot=True)
class World:
    """States, places, treaties and deployments, optionally fixed at a date.

    Worlds compare and hash by identity, so engines can cache per snapshot.
    """

    id: str
    name: str
    states: tuple[State, ...]
    places: tuple[Place, ...] = ()
    treaties: tuple[Treaty, ...] = ()
    deployments: tuple[Deployment, ...] = ()
    crises: tuple[Crisis, ...] = ()
    tags: dict[str, str] = field(default_factory=dict, hash=False)
    coverage_from: dt.date = dt.date(1945, 1, 1)
    date: dt.date | None = None
    description: str | None = None
    _index: _Index = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index.build(self))

    def at(self, day: dt.date | str) -> World:
        """The snapshot of this world on ``day``.

        Raises
        ------
        DateOutOfCoverageError
            When ``day`` is before the data's coverage.
        """
        day = parse_date(day)
        if day < self.coverage_from:
            raise DateOutOfCoverageError(
                f"{day.isoformat()} is before the coverage of world {self.id!r}, "
                f"which starts on {self.coverage_from.isoformat()}"
            )
        if day == self.date:
            return self
        known: dict[dt.date, World] = derived(self, World.at, dict)
        snapshot = known.get(day)
        if snapshot is None:
            if len(known) >= _SNAPSHOTS_PER_WORLD:
                known.pop(next(iter(known)))
            snapshot = known[day] = replace(self, date=day)
        return snapshot

    @property
    def day(self) -> dt.date:
        """The snapshot's date; a timeline has none."""
        if self.date is None:
            raise DateOutOfCoverageError(f"world {self.id!r} is a timeline; call .at(date) first")
        return self.date

    @property
    def pledges(self) -> tuple[Pledge, ...]:
        """Every directed obligation in force at the snapshot's date."""
        return self._index.pledges

    def pledges_owed_to(self, state: str) -> tuple[Pledge, ...]:
        """The pledges in force that ``state`` receives."""
        return self._index.pledges_to.get(state, ())

    def pledges_owed_by(self, state: str) -> tuple[Pledge, ...]:
        """The pledges in force that ``state`` owes."""
        return self._index.pledges_by.get(state, ())

    def treaties_in_force(self) -> tuple[Treaty, ...]:
        """Treaties that bind at the snapshot's date."""
        _ = self.day
        return self._index.in_force

    def members_of(self, treaty: str) -> tuple[str, ...]:
        """Members at the snapshot's date of a treaty in force (empty if not in force)."""
        return self._index.members.get(treaty, ())

    def treaties_of(self, state: str) -> tuple[Treaty, ...]:
        """Treaties in force at the snapshot's date of which ``state`` is a member."""
        return self._index.treaties_of.get(state, ())

    def deployments_in_force(self) -> tuple[Deployment, ...]:
        """Deployments present at the snapshot's date."""
        return tuple(d for d in self.deployments if d.in_force_on(self.day))

    def state(self, key: str) -> State:
        """Find a state by id, COW code or name (case-insensitive)."""
        found = self._index.states.get(key.casefold())
        if found is None:
            raise UnknownEntityError("state", key, [s.id for s in self.states])
        return found

    def existing_state(self, key: str) -> State:
        """Find a state that exists at the snapshot's date."""
        found = self.state(key)
        if not found.exists_on(self.day):
            raise DateOutOfCoverageError(
                f"state {found.id} ({found.name}) did not exist on {self.day.isoformat()}"
            )
        return found

    def place(self, key: str) -> Place:
        """Find a place by id, name or alias; a state's id gives its home territory."""
        found = self._index.places.get(key.casefold())
        if found is None:
            names = [p.name for p in self.places] + [p.id for p in self.places]
            raise UnknownEntityError("place", key, names)
        return found

    def treaty(self, key: str) -> Treaty:
        """Find a treaty by id."""
        found = self._index.treaties.get(key.casefold())
        if found is None:
            raise UnknownEntityError("treaty", key, [t.id for t in self.treaties])
        return found

    def crisis(self, key: str) -> Crisis:
        """Find a shipped crisis by id."""
        for crisis in self.crises:
            if crisis.id.casefold() == key.casefold():
                return crisis
        raise UnknownEntityError("crisis", key, [c.id for c in self.crises])

    def existing_states(self) -> tuple[State, ...]:
        """States that exist at the snapshot's date."""
        _ = self.day  # raises for a timeline, which has no date
        return self._index.existing


def derived(world: World, key: Hashable, build: Callable[[], _T]) -> _T:
    """``build()`` computed once per world object and ``key``, kept while the world lives.

    For data that several reports on one snapshot share (explanations, lookup
    tables). ``key`` must name what ``build`` computes for this world.

    Examples
    --------
    >>> world = World(id="w", name="W", states=())
    >>> derived(world, "answer", lambda: 6 * 7)
    42
    >>> derived(world, "answer", lambda: 0)  # kept from the first call
    42
    """
    table = _DERIVED.get(world)
    if table is None:
        table = _DERIVED[world] = {}
    if key in table:
        return cast(_T, table[key])
    value = table[key] = build()
    return value


@dataclass(frozen=True, slots=True)
class _Index:
    states: dict[str, State]
    places: dict[str, Place]
    treaties: dict[str, Treaty]
    pledges: tuple[Pledge, ...]
    pledges_to: dict[str, tuple[Pledge, ...]]
    pledges_by: dict[str, tuple[Pledge, ...]]
    in_force: tuple[Treaty, ...]
    members: dict[str, tuple[str, ...]]
    treaties_of: dict[str, tuple[Treaty, ...]]
    existing: tuple[State, ...]

    @staticmethod
    def build(world: World) -> _Index:
        states = _lookup(world.states, lambda s: (s.id, str(s.cow), s.name))
        homes = [s.home_place() for s in world.states]
        dated = (
            world.places if world.date is None else tuple(p.at(world.date) for p in world.places)
        )
        places = _lookup((*homes, *dated), lambda p: (p.id, p.name, *p.aliases))
        treaties = {t.id.casefold(): t for t in world.treaties}
        pledges = _pledges_on(world.treaties, world.date)
        day = world.date
        in_force = tuple(t for t in world.treaties if day is not None and t.in_force_on(day))
        members = {t.id: t.members_on(day) for t in in_force} if day is not None else {}
        treaties_of: defaultdict[str, list[Treaty]] = defaultdict(list)
        for treaty in in_force:
            for member in members[treaty.id]:
                treaties_of[member].append(treaty)
        return _Index(
            states=states,
            places=places,
            treaties=treaties,
            pledges=pledges,
            pledges_to=_group(pledges, by_creditor=True),
            pledges_by=_group(pledges, by_creditor=False),
            in_force=in_force,
            members=members,
            treaties_of={state: tuple(found) for state, found in treaties_of.items()},
            existing=tuple(s for s in world.states if day is not None and s.exists_on(day)),
        )


def _pledges_on(treaties: tuple[Treaty, ...], day: dt.date | None) -> tuple[Pledge, ...]:
    if day is None:
        return ()
    return tuple(pledge for treaty in treaties for pledge in treaty.pledges_on(day))


def _lookup(items: Iterable[_T], keys_of: Callable[[_T], Iterable[str]]) -> dict[str, _T]:
    table: dict[str, _T] = {}
    for item in items:
        for key in keys_of(item):
            table.setdefault(key.casefold(), item)
    return table


def _group(pledges: tuple[Pledge, ...], *, by_creditor: bool) -> dict[str, tuple[Pledge, ...]]:
    groups: defaultdict[str, list[Pledge]] = defaultdict(list)
    for pledge in pledges:
        groups[pledge.owed_to if by_creditor else pledge.owed_by].append(pledge)
    return {key: tuple(value) for key, value in groups.items()}
