"""Each condition of an obligation, checked against a strike, with its reason in words.

These functions are the single source of truth: the engine's fast path
memoises their verdicts, and reports call them again for the explanations.

Examples
--------
>>> import alliances
>>> world = alliances.load_world().at("2024-10-01")
>>> pledge = next(p for p in world.pledges_owed_to("JPN") if p.treaty == "US-JPN-1960"
...               and p.kind == "defense")
>>> strike = Strike(attacker="CHN", attacked="JPN", place=world.place("senkaku-islands"))
>>> [check.met for check in check_pledge(world, pledge, strike)]
[True]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from alliances.model import (
    OWED_BY,
    OWED_TO,
    ObligationKind,
    Place,
    PlaceScope,
    Pledge,
    ScopeTarget,
    World,
    derived,
)
from alliances.obligations.attack import Strike

__all__ = [
    "CheckCache",
    "ConditionCheck",
    "adversary_checks",
    "check_pledge",
    "memo_for_pledge",
    "place_check",
    "place_holds",
    "roles",
    "scope_holds",
]


@dataclass(frozen=True, slots=True)
class ConditionCheck:
    """One condition of an obligation and whether it held, in plain English."""

    text: str
    met: bool


def roles(pledge: Pledge, strike: Strike) -> tuple[str, bool]:
    """Whom the obligation is directed against, and whether the protected state started the war.

    Defence and consultation protect the attacked state against the attacker;
    offense (and neutrality owed to an attacker) side with the attacker
    against the attacked state, and the attacker started the war.
    """
    kind = pledge.obligation.kind
    if kind is ObligationKind.OFFENSE or (
        kind is ObligationKind.NEUTRALITY and pledge.owed_to == strike.attacker
    ):
        return strike.attacked, True
    return strike.attacker, strike.provoked


def check_pledge(
    world: World, pledge: Pledge, strike: Strike, cache: CheckCache | None = None
) -> tuple[ConditionCheck, ...]:
    """Every condition of ``pledge`` checked against ``strike``.

    With a ``cache`` (of ``world``), the adversary and place parts are
    computed once per pledge and opponent, and per pledge, attacked state and place.
    """
    if pledge.obligation.kind is ObligationKind.NONAGGRESSION:
        return (nonaggression_check(pledge, strike),)
    opponent, started = roles(pledge, strike)
    if cache is None:
        checks = [*adversary_checks(world, pledge, opponent), place_check(pledge, strike)]
    else:
        checks = [*cache.adversary_checks(pledge, opponent), cache.place_check(pledge, strike)]
    if pledge.obligation.conditions.non_provocation:
        checks.append(
            ConditionCheck(
                f"{pledge.owed_to} did not start the war (non-provocation clause)", not started
            )
        )
    return tuple(checks)


class CheckCache:
    """One snapshot's condition checks, their parts computed once and kept.

    An explanation depends on the pledge and the whole strike, but its costly
    parts on less: the place part on the attacked state and the place, the
    adversary part on the opponent. Queries that differ only in the aggressor
    share them. Pledges are keyed by identity and kept alive by the cache:
    give it only the snapshot's own pledges.

    Examples
    --------
    >>> import alliances
    >>> world = alliances.load_world().at("2024-10-01")
    >>> cache = CheckCache(world)
    >>> pledge = next(p for p in world.pledges_owed_to("JPN") if p.treaty == "US-JPN-1960")
    >>> strike = Strike(attacker="CHN", attacked="JPN", place=world.place("senkaku-islands"))
    >>> cache.checks(pledge, strike) == check_pledge(world, pledge, strike)
    True
    >>> cache.place_check(pledge, strike) is cache.place_check(pledge, strike)
    True
    """

    __slots__ = ("_adversaries", "_places", "world")

    def __init__(self, world: World) -> None:
        self.world = world
        self._adversaries: dict[tuple[int, str], tuple[Pledge, tuple[ConditionCheck, ...]]] = {}
        self._places: dict[tuple[int, str, str], tuple[Pledge, ConditionCheck]] = {}

    @staticmethod
    def of(world: World) -> CheckCache:
        """The snapshot's own cache, shared by its engines and reports."""
        return derived(world, CheckCache, lambda: CheckCache(world))

    def checks(self, pledge: Pledge, strike: Strike) -> tuple[ConditionCheck, ...]:
        """:func:`check_pledge` for this snapshot, from memoised parts."""
        return check_pledge(self.world, pledge, strike, self)

    def adversary_checks(self, pledge: Pledge, opponent: str) -> tuple[ConditionCheck, ...]:
        """:func:`adversary_checks` for this snapshot, memoised."""
        return memo_for_pledge(
            self._adversaries,
            (id(pledge), opponent),
            pledge,
            lambda: adversary_checks(self.world, pledge, opponent),
        )

    def place_check(self, pledge: Pledge, strike: Strike) -> ConditionCheck:
        """:func:`place_check` (which reads only the attacked state and the place), memoised."""
        key = (id(pledge), strike.attacked, strike.place.id)
        return memo_for_pledge(self._places, key, pledge, lambda: place_check(pledge, strike))


_Key = TypeVar("_Key")
_Checked = TypeVar("_Checked")


def memo_for_pledge(
    table: dict[_Key, tuple[Pledge, _Checked]],
    key: _Key,
    pledge: Pledge,
    compute: Callable[[], _Checked],
) -> _Checked:
    """``table``'s result for ``key`` (which holds ``pledge``'s id), computed when missing.

    Tables keyed by ``id(pledge)`` are fast, but an id can be reused once its
    pledge is gone: each entry keeps its pledge, and a different one misses.
    """
    kept = table.get(key)
    if kept is None or kept[0] is not pledge:
        kept = table[key] = (pledge, compute())
    return kept[1]


def nonaggression_check(pledge: Pledge, strike: Strike) -> ConditionCheck:
    """A non-aggression pledge is breached when its owner attacks the state it is owed to."""
    return ConditionCheck(
        f"{pledge.owed_by} attacks {pledge.owed_to}, which it pledged not to attack",
        (pledge.owed_by, pledge.owed_to) == (strike.attacker, strike.attacked),
    )


def adversary_checks(world: World, pledge: Pledge, opponent: str) -> tuple[ConditionCheck, ...]:
    """Conditions on whom the obligation is directed against."""
    conditions = pledge.obligation.conditions
    checks = [
        ConditionCheck(
            f"{pledge.owed_by} is not itself the adversary ({opponent})", pledge.owed_by != opponent
        )
    ]
    if conditions.adversaries:
        named = ", ".join(conditions.adversaries)
        checks.append(
            ConditionCheck(
                f"the adversary {opponent} is one of those named ({named})",
                opponent in conditions.adversaries,
            )
        )
    if conditions.excluded_adversaries:
        excluded = ", ".join(conditions.excluded_adversaries)
        checks.append(
            ConditionCheck(
                f"the adversary {opponent} is not excluded ({excluded})",
                opponent not in conditions.excluded_adversaries,
            )
        )
    if conditions.non_member_adversary:
        members = world.members_of(pledge.treaty)
        checks.append(
            ConditionCheck(
                f"the adversary {opponent} is not a member of {pledge.treaty}",
                opponent not in members,
            )
        )
    return tuple(checks[1:]) if checks[0].met else tuple(checks)


def place_check(pledge: Pledge, strike: Strike) -> ConditionCheck:
    """Whether the place and object of the attack fall inside any of the obligation's scopes."""
    scopes = pledge.obligation.conditions.scopes
    what = _object_of_attack(strike)
    if not scopes:
        return ConditionCheck(f"{what}; the obligation applies wherever the attack happens", True)
    reasons = [_scope_reasons(scope, pledge, strike) for scope in scopes]
    for scope, failures in zip(scopes, reasons, strict=True):
        if not failures:
            return ConditionCheck(f"{what}, which is {_describe(scope, pledge)}", True)
    if len(scopes) == 1:
        return ConditionCheck(
            f"{what}, but the obligation covers only "
            f"{_describe(scopes[0], pledge)} ({'; '.join(reasons[0])})",
            False,
        )
    covered = "; or ".join(_describe(scope, pledge) for scope in scopes)
    return ConditionCheck(f"{what}, but the obligation covers only {covered}", False)


def _object_of_attack(strike: Strike) -> str:
    place = strike.place
    if place.administered_by == strike.attacked:
        return f"the attack on {place.name} is on territory administered by {strike.attacked}"
    holder = (
        f"administered by {place.administered_by}"
        if place.administered_by
        else "administered by no state"
    )
    return (
        f"the attack at {place.name} ({holder}) is on {strike.attacked}'s armed forces, "
        "public vessels or aircraft there"
    )


def place_holds(pledge: Pledge, strike: Strike) -> bool:
    """Whether any scope covers the strike: :func:`place_check`'s verdict without its text."""
    scopes = pledge.obligation.conditions.scopes
    return not scopes or any(scope_holds(scope, pledge, strike) for scope in scopes)


def scope_holds(scope: PlaceScope, pledge: Pledge, strike: Strike) -> bool:
    """Whether one scope covers the strike (no text built: the engine's fast path)."""
    return not _scope_failures(scope, pledge, strike)


def _scope_failures(scope: PlaceScope, pledge: Pledge, strike: Strike) -> list[str]:
    """Codes of the parts of ``scope`` that do not hold (empty when it holds)."""
    place: Place = strike.place
    own = place.administered_by == strike.attacked
    failures = []
    if scope.target is ScopeTarget.TERRITORY and not own:
        failures.append("not-territory")
    if scope.target is ScopeTarget.FORCES and own:
        failures.append("own-territory")
    admin = _administrator(scope, pledge)
    if admin is not None and place.administered_by != admin:
        failures.append("administrator")
    if scope.territory_types and not place.has_any_tag(scope.territory_types):
        failures.append("territory-type")
    if scope.areas and not place.has_any_tag(scope.areas):
        failures.append("area")
    if scope.places and place.id not in scope.places:
        failures.append("place")
    if scope.max_latitude is not None and place.lat > scope.max_latitude:
        failures.append("latitude")
    return failures


def _scope_reasons(scope: PlaceScope, pledge: Pledge, strike: Strike) -> list[str]:
    """Why ``scope`` does not hold, in words (an empty list when it holds)."""
    place, attacked = strike.place, strike.attacked
    words = {
        "not-territory": f"{place.name} is not territory of {attacked}",
        "own-territory": f"{place.name} is {attacked}'s own territory",
        "administrator": f"{place.name} is not administered by {_administrator(scope, pledge)}",
        "territory-type": f"{place.name} is not {' or '.join(scope.territory_types)}",
        "area": f"{place.name} is not in the {' or '.join(scope.areas)} area",
        "place": f"{place.name} is not one of the named places",
        "latitude": f"{place.name} lies at {place.lat:.2f} N, north of {scope.max_latitude} N",
    }
    return [words[code] for code in _scope_failures(scope, pledge, strike)]


def _administrator(scope: PlaceScope, pledge: Pledge) -> str | None:
    if scope.administered_by == OWED_TO:
        return pledge.owed_to
    if scope.administered_by == OWED_BY:
        return pledge.owed_by
    return scope.administered_by


def _describe(scope: PlaceScope, pledge: Pledge) -> str:
    """A scope in words: 'territory of JPN in the pacific area', etc."""
    subject = {
        ScopeTarget.TERRITORY: f"{pledge.owed_to}'s territory",
        ScopeTarget.FORCES: f"{pledge.owed_to}'s armed forces, public vessels or aircraft",
        ScopeTarget.EITHER: f"an attack on {pledge.owed_to}",
    }[scope.target]
    parts = [subject]
    if scope.territory_types:
        parts.append(f"({' or '.join(scope.territory_types)})")
    admin = _administrator(scope, pledge)
    own_territory = scope.target is ScopeTarget.TERRITORY and admin == pledge.owed_to
    if admin is not None and not own_territory:
        parts.append(f"in territory administered by {admin}")
    if scope.areas:
        parts.append(f"in the {' or '.join(scope.areas)} area")
    if scope.places:
        parts.append(f"at {', '.join(scope.places)}")
    if scope.max_latitude is not None:
        parts.append(f"south of {scope.max_latitude} N")
    return " ".join(parts)
