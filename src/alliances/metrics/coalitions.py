"""Every (aggressor, target) crisis at once: defending coalitions as a boolean array.

The obligation engine follows one crisis at a time; the metrics need all
n(n-1) of them. When a world has no offense or neutrality pledges (so, under
the default cascade rules, the attacking side is the aggressor alone and no
state is torn between sides), the defending coalition of "a attacks t at t's
home" is the set of states reachable from t along defence pledges that trigger
there, never entering a. This module computes that closure for all aggressors
of a target at once with boolean matrix products, using the engine's own
condition checks for every pledge; tests check it against the engine crisis
by crisis.

Examples
--------
>>> import alliances
>>> world = alliances.load_world().at("2024-10-01")
>>> matrix = crisis_matrix(world)
>>> sorted(matrix.coalition("PRK", "KOR"))
['AUS', 'KOR', 'NZL', 'PHL', 'USA']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from alliances.model import OWED_BY, ObligationKind, Place, Pledge, World
from alliances.obligations import CascadeRules, Engine, Strike
from alliances.obligations.conditions import adversary_checks, place_holds

__all__ = ["CrisisMatrix", "crisis_matrix", "crisis_matrix_by_engine", "supports_fast_cascade"]

_DEFAULT = CascadeRules()


@dataclass(frozen=True, eq=False)
class CrisisMatrix:
    """Both coalitions of every crisis "a attacks t at t's home".

    ``defending[a, t, s]`` (``attacking[a, t, s]``): state s is on the defending
    (attacking) side; rows with a == t are empty.
    """

    states: tuple[str, ...]
    defending: NDArray[np.bool_]
    attacking: NDArray[np.bool_]

    def coalition(self, aggressor: str, target: str) -> tuple[str, ...]:
        """The defending coalition of one crisis (the target included)."""
        a, t = self.states.index(aggressor), self.states.index(target)
        inside = self.defending[a, t]
        return tuple(s for s, member in zip(self.states, inside, strict=True) if member)


def supports_fast_cascade(world: World, rules: CascadeRules = _DEFAULT) -> bool:
    """True when the closure equals the engine's cascade (no offense or neutrality pledges,
    default rules)."""
    kinds = {p.obligation.kind for p in world.pledges}
    return rules == _DEFAULT and not kinds & {ObligationKind.OFFENSE, ObligationKind.NEUTRALITY}


def crisis_matrix(world: World) -> CrisisMatrix:
    """The defending coalition of every crisis; falls back to the engine when needed."""
    states = tuple(s.id for s in world.existing_states())
    if not supports_fast_cascade(world):
        return crisis_matrix_by_engine(world, states)
    index = {s: i for i, s in enumerate(states)}
    pledges = _Pledges.sort(world, states, index)
    n = len(states)
    defending = np.zeros((n, n, n), dtype=bool)
    for t, target in enumerate(states):
        defending[:, t, :] = pledges.closure(world.place(target), t)
        defending[t, t, :] = False
    attacking = np.zeros((n, n, n), dtype=bool)
    attacking[np.arange(n), :, np.arange(n)] = True  # no offense pledges: the aggressor alone
    attacking[np.arange(n), np.arange(n), :] = False
    return CrisisMatrix(states, defending, attacking)


@dataclass(frozen=True, eq=False)
class _Pledges:
    """Defence pledges sorted by what their triggering depends on."""

    base: NDArray[np.float32]  # base[i, j] = 1: j owes i, triggers anywhere against anyone
    scoped: list[tuple[int, int, Pledge]]  # depend on the place only
    conditional: list[tuple[int, int, Pledge, NDArray[np.bool_]]]  # and on the aggressor

    @staticmethod
    def sort(world: World, states: tuple[str, ...], index: dict[str, int]) -> _Pledges:
        n = len(states)
        base = np.zeros((n, n), dtype=np.float32)
        scoped: list[tuple[int, int, Pledge]] = []
        conditional: list[tuple[int, int, Pledge, NDArray[np.bool_]]] = []
        for pledge in world.pledges:
            if (
                pledge.obligation.kind is not ObligationKind.DEFENSE
                or pledge.owed_by not in index
                or pledge.owed_to not in index
            ):
                continue
            i, j = index[pledge.owed_to], index[pledge.owed_by]
            conditions = pledge.obligation.conditions
            if (
                conditions.adversaries
                or conditions.excluded_adversaries
                or conditions.non_member_adversary
            ):
                allowed = np.array(
                    [all(c.met for c in adversary_checks(world, pledge, a)) for a in states]
                )
                conditional.append((i, j, pledge, allowed))
            elif conditions.scopes:
                scoped.append((i, j, pledge))
            else:
                base[i, j] = 1.0
        return _Pledges(base, scoped, conditional)

    def closure(self, place: Place, target: int) -> NDArray[np.bool_]:
        """Rows: aggressors; columns: states defending when that aggressor attacks the target."""
        plain = self.base.copy()
        covered: dict[tuple[int, str, str], bool] = {}
        for i, j, pledge in self.scoped:
            # the verdict depends on the obligation, its creditor and the place, not on who
            # owes it (unless a scope names the debtor's administration)
            key = (
                id(pledge.obligation),
                pledge.owed_to,
                pledge.owed_by if _names_debtor(pledge) else "",
            )
            verdict = covered.get(key)
            if verdict is None:
                verdict = covered[key] = _covers(pledge, place)
            if verdict:
                plain[i, j] = 1.0
        conditional = [
            (i, j, allowed) for i, j, pledge, allowed in self.conditional if _covers(pledge, place)
        ]
        n = plain.shape[0]
        diagonal = np.arange(n)
        members = np.zeros((n, n), dtype=bool)
        members[:, target] = True
        members[diagonal, diagonal] = False
        while True:
            reached = (members.astype(np.float32) @ plain) > 0
            for i, j, allowed in conditional:
                reached[:, j] |= members[:, i] & allowed
            reached |= members
            reached[diagonal, diagonal] = False  # the aggressor never defends
            if (reached == members).all():
                return members
            members = reached


def _names_debtor(pledge: Pledge) -> bool:
    return any(scope.administered_by == OWED_BY for scope in pledge.obligation.conditions.scopes)


def _covers(pledge: Pledge, place: Place) -> bool:
    """Whether the pledge's place scopes cover its creditor struck at ``place``."""
    return place_holds(pledge, Strike(attacker="", attacked=pledge.owed_to, place=place))


def crisis_matrix_by_engine(world: World, states: tuple[str, ...]) -> CrisisMatrix:
    """The reference: one engine cascade per crisis (any pledges, default rules)."""
    from alliances.obligations import Attack, Side

    engine = Engine(world)
    n = len(states)
    sides = {
        Side.DEFENDER: np.zeros((n, n, n), dtype=bool),
        Side.ATTACKER: np.zeros((n, n, n), dtype=bool),
    }
    for a, aggressor in enumerate(states):
        for t, target in enumerate(states):
            if a == t:
                continue
            report = engine.evaluate(
                Attack(aggressor=aggressor, target=target, place=target, date=world.day),
                cascade=True,
            )
            for state, side in report.sides.items():
                sides[side][a, t, states.index(state)] = True
    return CrisisMatrix(states, sides[Side.DEFENDER], sides[Side.ATTACKER])
