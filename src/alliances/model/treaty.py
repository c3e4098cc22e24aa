"""Treaties and the obligations they create, in the ATOP vocabulary.

An :class:`Obligation` is owed by some states to others (asymmetry is first
class); at a given date a world resolves it into directed :class:`Pledge`
objects, one per (owed_by, owed_to) pair of current members, minus
suspended pairs.

Examples
--------
>>> import datetime as dt
>>> art5 = Obligation(id="art5-us", kind=ObligationKind.DEFENSE, owed_by=("USA",), owed_to=("JPN",),
...                   article=Article(ref="Art. V", summary="The US acts if Japan is attacked."))
>>> treaty = Treaty(id="US-JPN", name="US-Japan Treaty of Mutual Cooperation and Security",
...                 members=(Membership(state="USA"), Membership(state="JPN")),
...                 signed=dt.date(1960, 1, 19), in_force=dt.date(1960, 6, 23),
...                 obligations=(art5,), source="treaty text")
>>> [(p.owed_by, p.owed_to) for p in treaty.pledges_on(dt.date(2024, 10, 1))]
[('USA', 'JPN')]
>>> treaty.pledges_on(dt.date(1959, 1, 1))
()
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alliances.model.kinds import Confidence, Instrument, ObligationKind, ScopeTarget, Strength

__all__ = [
    "MEMBERS",
    "OWED_BY",
    "OWED_TO",
    "Article",
    "Conditions",
    "Membership",
    "Obligation",
    "PlaceScope",
    "Pledge",
    "Suspension",
    "Treaty",
    "in_period",
]

MEMBERS = "members"
"""In ``owed_by``/``owed_to``: every member of the treaty at the query date."""
OWED_TO = "owed-to"
"""In a scope's ``administered_by``: the state the obligation is owed to (the one attacked)."""
OWED_BY = "owed-by"
"""In a scope's ``administered_by``: the state that owes the obligation."""


def in_period(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """True when ``start <= day < end`` (an open bound always holds).

    Examples
    --------
    >>> in_period(dt.date(2000, 1, 1), dt.date(1990, 1, 1), None)
    True
    >>> in_period(dt.date(2000, 1, 1), None, dt.date(2000, 1, 1))
    False
    """
    return (start is None or start <= day) and (end is None or day < end)


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """Where in the text an obligation comes from, paraphrased in our own words."""

    ref: str
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceScope:
    """One way an attack can fall inside an obligation; every set field must hold.

    ``target``: ``territory`` (the place is administered by the attacked
    state), ``forces`` (its armed forces, public vessels or aircraft at a
    place it does not administer) or ``either``. ``administered_by``: the
    place must be administered by this state, or by the obligation's
    ``owed-to`` / ``owed-by`` party. ``territory_types`` and ``areas``: the
    place carries at least one tag of each list. ``places``: the place is
    one of these. ``max_latitude``: the place lies at or south of it.
    """

    target: ScopeTarget = ScopeTarget.EITHER
    administered_by: str | None = None
    territory_types: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    max_latitude: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Conditions:
    """When an obligation applies: which adversaries, which places, and provocation.

    ``adversaries`` empty means any state; ``excluded_adversaries`` lists
    states it never applies against; ``non_member_adversary`` limits it to
    attacks from outside the treaty; ``scopes`` empty means anywhere, else
    any one scope must hold; ``non_provocation`` means it lapses when the
    protected state started the war.
    """

    adversaries: tuple[str, ...] = ()
    excluded_adversaries: tuple[str, ...] = ()
    non_member_adversary: bool = False
    scopes: tuple[PlaceScope, ...] = ()
    non_provocation: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Obligation:
    """An ATOP obligation: ``kind`` owed by ``owed_by`` to ``owed_to`` under ``conditions``."""

    id: str
    kind: ObligationKind
    owed_by: tuple[str, ...]
    owed_to: tuple[str, ...]
    article: Article
    conditions: Conditions = Conditions()
    strength: Strength = Strength.NONE
    in_force: dt.date | None = None
    ended: dt.date | None = None
    note: str | None = None
    confidence: Confidence = Confidence.HIGH


@dataclass(frozen=True, slots=True, kw_only=True)
class Membership:
    """A state's membership of a treaty, with entry and exit dates when they differ."""

    state: str
    joined: dt.date | None = None
    left: dt.date | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Suspension:
    """A period in which ``owed_by`` does not honour its obligations to ``owed_to``."""

    owed_by: str
    owed_to: str
    since: dt.date
    until: dt.date | None = None
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Pledge:
    """One directed obligation in force at a date: ``owed_by`` owes ``owed_to``."""

    treaty: str
    obligation: Obligation
    owed_by: str
    owed_to: str

    @property
    def kind(self) -> ObligationKind:
        """The obligation's kind."""
        return self.obligation.kind


@dataclass(frozen=True, slots=True, kw_only=True)
class Treaty:
    """A treaty, statute or arrangement: its members, dates and obligations."""

    id: str
    name: str
    members: tuple[Membership, ...]
    obligations: tuple[Obligation, ...] = ()
    instrument: Instrument = Instrument.TREATY
    signed: dt.date | None = None
    in_force: dt.date | None = None
    ended: dt.date | None = None
    suspensions: tuple[Suspension, ...] = ()
    short_name: str | None = None
    source: str
    note: str | None = None
    confidence: Confidence = Confidence.HIGH
    atop_id: int | None = None

    @property
    def label(self) -> str:
        """A short human name."""
        return self.short_name or self.name

    def in_force_on(self, day: dt.date) -> bool:
        """True when the treaty binds on ``day`` (signed is not enough)."""
        return self.in_force is not None and in_period(day, self.in_force, self.ended)

    def signed_not_in_force_on(self, day: dt.date) -> bool:
        """True when signed by ``day`` but not yet in force."""
        signed = self.signed is not None and self.signed <= day
        return signed and (self.in_force is None or day < self.in_force)

    def members_on(self, day: dt.date) -> tuple[str, ...]:
        """The states that are members on ``day``."""
        return tuple(m.state for m in self.members if in_period(day, m.joined, m.left))

    def pledges_on(self, day: dt.date) -> tuple[Pledge, ...]:
        """Every directed obligation in force on ``day``, suspensions applied."""
        if not self.in_force_on(day):
            return ()
        members = self.members_on(day)
        suspended = {
            (s.owed_by, s.owed_to) for s in self.suspensions if in_period(day, s.since, s.until)
        }
        return tuple(
            Pledge(treaty=self.id, obligation=obligation, owed_by=debtor, owed_to=creditor)
            for obligation in self.obligations
            if in_period(day, obligation.in_force, obligation.ended)
            for debtor in _resolve(obligation.owed_by, members)
            for creditor in _resolve(obligation.owed_to, members)
            if debtor != creditor and (debtor, creditor) not in suspended
        )


def _resolve(parties: tuple[str, ...], members: tuple[str, ...]) -> tuple[str, ...]:
    """Expand ``members`` and keep only states that are members at the date."""
    expanded = members if MEMBERS in parties else parties
    return tuple(state for state in expanded if state in members)
