"""The rules engine: an attack, the obligations it triggers, and the cascade.

Examples
--------
>>> import alliances
>>> world = alliances.load_world()
>>> report = attack(world, by="CHN", on="USA", at="guam", date="2024-10-01", cascade=True)
>>> report.coalition(Side.DEFENDER).states
('USA', 'KOR', 'PHL', 'AUS', 'NZL')
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

from alliances.errors import AlliancesError
from alliances.model import ObligationKind, Pledge, World, parse_date
from alliances.obligations.attack import Attack, Strike
from alliances.obligations.conditions import (
    adversary_checks,
    nonaggression_check,
    place_check,
    roles,
)
from alliances.obligations.report import Finding, ObligationReport, Side
from alliances.obligations.rules import DEFAULT_RULES, CascadeRules
from alliances.obligations.verdicts import summarise

__all__ = ["Engine", "attack", "evaluate"]

_DEFENSE, _OFFENSE = ObligationKind.DEFENSE, ObligationKind.OFFENSE
_NEUTRALITY, _NONAGGRESSION = ObligationKind.NEUTRALITY, ObligationKind.NONAGGRESSION
_PROTECTING = (ObligationKind.DEFENSE, ObligationKind.CONSULTATION, ObligationKind.NEUTRALITY)


class Engine:
    """Evaluates attacks on one world snapshot, memoising condition verdicts.

    Build one per snapshot when evaluating many attacks (see the benchmark);
    :func:`evaluate` keeps a few engines cached.
    """

    def __init__(self, world: World, rules: CascadeRules = DEFAULT_RULES) -> None:
        self.world = world
        self.rules = rules
        self._adversary_ok: dict[tuple[int, str], bool] = {}
        self._place_ok: dict[tuple[int, str, str], bool] = {}

    def evaluate(self, attack: Attack, *, cascade: bool = False) -> ObligationReport:
        """The report for ``attack`` (whose date must be the snapshot's)."""
        if attack.date != self.world.date:
            raise AlliancesError(f"engine is for {self.world.date}, attack is on {attack.date}")
        war = _War(self, attack)
        war.run(cascade=cascade)
        return summarise(
            self.world,
            attack,
            findings=war.findings,
            sides=war.sides,
            steps=war.steps,
            conflicts=tuple(war.conflicts),
            cascade=cascade,
            rules=self.rules,
        )

    def decide(self, pledge: Pledge, strike: Strike) -> bool:
        """Whether ``pledge`` triggers for ``strike`` (memoised; same checks as the report)."""
        if pledge.obligation.kind is _NONAGGRESSION:
            return nonaggression_check(pledge, strike).met
        opponent, started = roles(pledge, strike)
        if started and pledge.obligation.conditions.non_provocation:
            return False
        key = (id(pledge), opponent)
        ok = self._adversary_ok.get(key)
        if ok is None:
            ok = all(c.met for c in adversary_checks(self.world, pledge, opponent))
            self._adversary_ok[key] = ok
        if not ok:
            return False
        place_key = (id(pledge), strike.place.id, strike.attacked)
        ok = self._place_ok.get(place_key)
        if ok is None:
            ok = place_check(pledge, strike).met
            self._place_ok[place_key] = ok
        return ok

    def pledges_for(self, strike: Strike) -> Iterator[Pledge]:
        """The pledges a strike can trigger: owed to either party, or breached by the attacker."""
        for pledge in self.world.pledges_owed_to(strike.attacked):
            if pledge.obligation.kind in _PROTECTING:
                yield pledge
        for pledge in self.world.pledges_owed_to(strike.attacker):
            if pledge.obligation.kind in (_OFFENSE, _NEUTRALITY):
                yield pledge
        for pledge in self.world.pledges_owed_by(strike.attacker):
            if pledge.obligation.kind is _NONAGGRESSION and pledge.owed_to == strike.attacked:
                yield pledge


class _War:
    """The state of one evaluation: who is on which side, and what was found."""

    def __init__(self, engine: Engine, attack: Attack) -> None:
        self.engine = engine
        self.attack = attack
        self.place = engine.world.place(attack.place)
        self.findings: list[Finding] = []
        self.sides: dict[str, Side] = {
            attack.aggressor: Side.ATTACKER,
            attack.target: Side.DEFENDER,
        }
        self.steps: list[tuple[int, str, Side, Finding | None]] = [
            (0, attack.aggressor, Side.ATTACKER, None),
            (0, attack.target, Side.DEFENDER, None),
        ]
        self.conflicts: list[str] = []
        self.clashed: set[str] = set()
        self.neutral_towards: dict[str, set[str]] = {}

    def run(self, *, cascade: bool) -> None:
        strikes = [
            Strike(attacker=self.attack.aggressor, attacked=self.attack.target, place=self.place)
        ]
        if cascade and self.engine.rules.counterattack_is_armed_attack:
            strikes.append(self._counterstrike(self.attack.aggressor))
        round_number = 1
        while strikes:
            joins = self._evaluate_round(strikes, round_number)
            if not cascade:
                return
            strikes = self._join(joins, round_number)
            round_number += 1

    def _evaluate_round(self, strikes: list[Strike], round_number: int) -> dict[str, Finding]:
        joins: dict[str, Finding] = {}
        engine = self.engine
        for strike in strikes:
            for pledge in engine.pledges_for(strike):
                triggered = engine.decide(pledge, strike)
                finding = Finding(engine.world, pledge, strike, triggered, round_number)
                self.findings.append(finding)
                if not triggered:
                    continue
                kind = pledge.obligation.kind
                if kind is _NEUTRALITY:
                    self.neutral_towards.setdefault(pledge.owed_by, set()).add(pledge.owed_to)
                elif kind in (_DEFENSE, _OFFENSE):
                    joins.setdefault(pledge.owed_by, finding)
                    self._note_clash(pledge.owed_by, self._side_of(finding), joins)
        return joins

    def _side_of(self, finding: Finding) -> Side:
        strike = finding.strike
        ally = strike.attacked if finding.pledge.obligation.kind is _DEFENSE else strike.attacker
        return self.sides[ally]

    def _note_clash(self, state: str, side: Side, joins: dict[str, Finding]) -> None:
        first = self._side_of(joins[state])
        current = self.sides.get(state)
        if (
            first != side or (current is not None and current != side)
        ) and state not in self.clashed:
            self.clashed.add(state)
            self.conflicts.append(f"{state} is obliged to both sides")

    def _join(self, joins: dict[str, Finding], round_number: int) -> list[Strike]:
        strikes: list[Strike] = []
        for state, finding in joins.items():
            if state in self.sides:
                continue
            side = self._side_of(finding)
            if self._abstains(state, side):
                continue
            self.sides[state] = side
            self.steps.append((round_number, state, side, finding))
            if side is Side.DEFENDER:
                strikes.append(
                    Strike(attacker=self.attack.aggressor, attacked=state, place=self.place)
                )
            elif self.engine.rules.counterattack_is_armed_attack:
                strikes.append(self._counterstrike(state))
        return strikes

    def _abstains(self, state: str, side: Side) -> bool:
        enemies = {s for s, their_side in self.sides.items() if their_side != side}
        owed_neutrality = self.neutral_towards.get(state, set()) & enemies
        if owed_neutrality:
            self.conflicts.append(
                f"{state} owes neutrality to {', '.join(sorted(owed_neutrality))}"
                f" but is obliged to fight on the {side.value} side"
            )
        conflicted = bool(owed_neutrality) or state in self.clashed
        return conflicted and self.engine.rules.on_conflict == "abstain"

    def _counterstrike(self, state: str) -> Strike:
        """The defending side strikes an attacker-side state at home (entrapment reading)."""
        return Strike(
            attacker=self.attack.target,
            attacked=state,
            place=self.engine.world.place(state),
            provoked=True,
        )


@functools.lru_cache(maxsize=16)
def _engine(world: World, rules: CascadeRules) -> Engine:
    return Engine(world, rules)


def evaluate(
    world: World, attack: Attack, *, cascade: bool = False, rules: CascadeRules = DEFAULT_RULES
) -> ObligationReport:
    """Evaluate an attack on ``world`` (a timeline or a snapshot) at the attack's date."""
    return _engine(world.at(attack.date), rules).evaluate(attack, cascade=cascade)


def attack(
    world: World,
    *,
    by: str,
    on: str,
    at: str | None = None,
    date: dt.date | str | None = None,
    cascade: bool = False,
    rules: CascadeRules = DEFAULT_RULES,
) -> ObligationReport:
    """Resolve names and evaluate "``by`` attacks ``on`` at ``at`` on ``date``".

    ``at`` defaults to the target's home territory and ``date`` to today.

    Raises
    ------
    UnknownEntityError
        For an unknown state or place.
    DateOutOfCoverageError
        For a date before the world's coverage or a state that did not exist then.
    """
    day = parse_date(date) if date is not None else dt.date.today()
    snapshot = world.at(day)
    aggressor = snapshot.existing_state(by).id
    target = snapshot.existing_state(on).id
    if aggressor == target:
        raise AlliancesError(f"{aggressor} cannot attack itself")
    place = snapshot.place(at if at is not None else target).id
    return evaluate(
        snapshot,
        Attack(aggressor=aggressor, target=target, place=place, date=day),
        cascade=cascade,
        rules=rules,
    )
