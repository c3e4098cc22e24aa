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
from dataclasses import dataclass
from typing import Any

from alliances.errors import AlliancesError
from alliances.model import Crisis, ObligationKind, Place, Pledge, World, parse_date
from alliances.obligations.attack import Attack, Strike
from alliances.obligations.conditions import (
    CheckCache,
    nonaggression_check,
    place_holds,
    roles,
)
from alliances.obligations.report import Finding, ObligationReport, Side, Step
from alliances.obligations.rules import DEFAULT_RULES, CascadeRules

__all__ = [
    "Engine",
    "StrikeOutcome",
    "attack",
    "crisis_rows",
    "engine_for",
    "evaluate",
    "evaluate_crises",
    "resolve_attack",
]

_DEFENSE, _OFFENSE = ObligationKind.DEFENSE, ObligationKind.OFFENSE
_NEUTRALITY, _NONAGGRESSION = ObligationKind.NEUTRALITY, ObligationKind.NONAGGRESSION
_PROTECTING = (ObligationKind.DEFENSE, ObligationKind.CONSULTATION, ObligationKind.NEUTRALITY)


@dataclass(frozen=True, slots=True)
class StrikeOutcome:
    """Every pledge one strike can trigger, and whether it does (memoised per strike)."""

    strike: Strike
    verdicts: tuple[tuple[Pledge, bool], ...]
    fighting: tuple[tuple[str, str, Pledge], ...]  # (obliged state, the ally it joins, pledge)
    neutral: tuple[Pledge, ...]


def _ally(pledge: Pledge, strike: Strike) -> str:
    """The state whose side a triggered defence (or offense) pledge puts its owner on."""
    return strike.attacked if pledge.obligation.kind is _DEFENSE else strike.attacker


class Engine:
    """Evaluates attacks on one world snapshot, memoising each strike's outcome.

    A strike (attacker, attacked, place, provoked) has the same outcome in
    every war it occurs in, so a cascade is a few dictionary look-ups once
    its strikes have been seen. Build one engine per snapshot when
    evaluating many attacks; :func:`evaluate` keeps a few cached.
    """

    def __init__(self, world: World, rules: CascadeRules = DEFAULT_RULES) -> None:
        self.world = world
        self.rules = rules
        self._outcomes: dict[tuple[str, str, str, bool], StrikeOutcome] = {}
        self._adversary_ok: dict[tuple[int, str], bool] = {}
        self._relevant: dict[tuple[str, str], tuple[Pledge, ...]] = {}
        self._places: dict[str, Place] = {}
        self._checks = CheckCache.of(world)  # explanations shared with the snapshot's reports
        self._place_ok: dict[tuple[int, str, str], bool] = {}

    def evaluate(
        self,
        attack: Attack,
        *,
        cascade: bool = False,
        defections: frozenset[tuple[str, str]] = frozenset(),
    ) -> ObligationReport:
        """The report for ``attack`` (whose date must be the snapshot's).

        ``defections`` holds (guarantor, beneficiary) pairs whose fighting
        pledges are not honoured: the guarantor stays out instead of joining
        (the Monte Carlo reference draws them at random).
        """
        if attack.date != self.world.date:
            raise AlliancesError(f"engine is for {self.world.date}, attack is on {attack.date}")
        war = _War(self, attack, defections)
        war.run(cascade=cascade)
        return ObligationReport(
            attack=attack,
            world=self.world,
            outcomes=tuple(war.outcomes),
            cascade=cascade,
            sides=war.sides if cascade else {},
            steps=tuple(war.steps) if cascade else (),
            conflicts=tuple(war.conflicts),
            conflicted=frozenset(war.conflicted),
            rules=self.rules,
        )

    def place(self, key: str) -> Place:
        """A place of the snapshot by id (cached: every query looks its place up)."""
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = self.world.place(key)
        return found

    def outcome(self, strike: Strike) -> StrikeOutcome:
        """The memoised outcome of one strike."""
        key = (strike.attacker, strike.attacked, strike.place.id, strike.provoked)
        found = self._outcomes.get(key)
        if found is None:
            verdicts = tuple((p, self.decide(p, strike)) for p in self.pledges_for(strike))
            found = StrikeOutcome(
                strike=strike,
                verdicts=verdicts,
                fighting=tuple(
                    (p.owed_by, _ally(p, strike), p)
                    for p, ok in verdicts
                    if ok and p.obligation.kind.fights
                ),
                neutral=tuple(p for p, ok in verdicts if ok and p.obligation.kind is _NEUTRALITY),
            )
            self._outcomes[key] = found
        return found

    def decide(self, pledge: Pledge, strike: Strike) -> bool:
        """Whether ``pledge`` triggers for ``strike``: all of :func:`check_pledge`'s checks hold.

        The adversary and place checks are memoised separately, since they
        depend on (pledge, adversary) and (pledge, place, attacked) only.
        """
        if pledge.obligation.kind is _NONAGGRESSION:
            return nonaggression_check(pledge, strike).met
        opponent, started = roles(pledge, strike)
        if started and pledge.obligation.conditions.non_provocation:
            return False
        adversary_key = (id(pledge), opponent)
        ok = self._adversary_ok.get(adversary_key)
        if ok is None:
            ok = all(c.met for c in self._checks.adversary_checks(pledge, opponent))
            self._adversary_ok[adversary_key] = ok
        if not ok:
            return False
        place_key = (id(pledge), strike.place.id, strike.attacked)
        ok = self._place_ok.get(place_key)
        if ok is None:
            ok = place_holds(pledge, strike)
            self._place_ok[place_key] = ok
        return ok

    def pledges_for(self, strike: Strike) -> tuple[Pledge, ...]:
        """The pledges a strike can trigger: owed to either party, or breached by the attacker."""
        key = (strike.attacker, strike.attacked)
        found = self._relevant.get(key)
        if found is None:
            world = self.world
            found = (
                *(
                    p
                    for p in world.pledges_owed_to(strike.attacked)
                    if p.obligation.kind in _PROTECTING
                ),
                *(
                    p
                    for p in world.pledges_owed_to(strike.attacker)
                    if p.obligation.kind in (_OFFENSE, _NEUTRALITY)
                ),
                *(
                    p
                    for p in world.pledges_owed_by(strike.attacker)
                    if p.obligation.kind is _NONAGGRESSION and p.owed_to == strike.attacked
                ),
            )
            self._relevant[key] = found
        return found


class _War:
    """The state of one evaluation: who is on which side, and what was found."""

    def __init__(
        self, engine: Engine, attack: Attack, defections: frozenset[tuple[str, str]] = frozenset()
    ) -> None:
        self.engine = engine
        self.attack = attack
        self.defections = defections
        self.place = engine.place(attack.place)
        self.outcomes: list[tuple[int, StrikeOutcome]] = []
        self.sides: dict[str, Side] = {
            attack.aggressor: Side.ATTACKER,
            attack.target: Side.DEFENDER,
        }
        self.steps: list[Step] = [
            Step(0, attack.aggressor, Side.ATTACKER, None),
            Step(0, attack.target, Side.DEFENDER, None),
        ]
        self.conflicts: list[str] = []
        self.conflicted: set[str] = set()  # the states named in ``conflicts``
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

    def _evaluate_round(
        self, strikes: list[Strike], round_number: int
    ) -> dict[str, tuple[Pledge, Strike, Side]]:
        joins: dict[str, tuple[Pledge, Strike, Side]] = {}
        sides, defections = self.sides, self.defections
        for strike in strikes:
            outcome = self.engine.outcome(strike)
            self.outcomes.append((round_number, outcome))
            for pledge in outcome.neutral:
                self.neutral_towards.setdefault(pledge.owed_by, set()).add(pledge.owed_to)
            for state, ally, pledge in outcome.fighting:
                if defections and (state, pledge.owed_to) in defections:
                    continue
                side = sides[ally]
                first = joins.get(state)
                if first is None:
                    joins[state] = (pledge, strike, side)
                    current = sides.get(state)
                    if current is not None and current != side:
                        self._clash(state)
                elif first[2] != side:
                    self._clash(state)
        return joins

    def _clash(self, state: str) -> None:
        if state not in self.clashed:
            self.clashed.add(state)
            self.conflicts.append(f"{state} is obliged to both sides")
            self.conflicted.add(state)

    def _join(
        self, joins: dict[str, tuple[Pledge, Strike, Side]], round_number: int
    ) -> list[Strike]:
        strikes: list[Strike] = []
        for state, (pledge, strike, side) in joins.items():
            if state in self.sides:
                continue
            if self._abstains(state, side):
                continue
            self.sides[state] = side
            finding = Finding(self.engine.world, pledge, strike, True, round_number)
            self.steps.append(Step(round_number, state, side, finding))
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
            self.conflicted.add(state)
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
def engine_for(snapshot: World, rules: CascadeRules = DEFAULT_RULES) -> Engine:
    """The shared engine of a snapshot and rules (a few kept, so their memos are reused)."""
    return Engine(snapshot, rules)


def evaluate(
    world: World, attack: Attack, *, cascade: bool = False, rules: CascadeRules = DEFAULT_RULES
) -> ObligationReport:
    """Evaluate an attack on ``world`` (a timeline or a snapshot) at the attack's date."""
    return engine_for(world.at(attack.date), rules).evaluate(attack, cascade=cascade)


def evaluate_crises(world: World) -> tuple[tuple[Crisis, ObligationReport], ...]:
    """Every shipped crisis of ``world`` with its report, cascade followed (``alliances crises``).

    Examples
    --------
    >>> import alliances
    >>> crisis, report = evaluate_crises(alliances.load_world())[0]
    >>> report.attack.aggressor == crisis.aggressor
    True
    """
    return tuple((c, evaluate(world, Attack.of_crisis(c), cascade=True)) for c in world.crises)


def crisis_rows(world: World) -> list[dict[str, Any]]:
    """:func:`evaluate_crises` as JSON-ready rows: the crisis id and name, then the report."""
    return [{"crisis": c.id, "name": c.name, **r.to_dict()} for c, r in evaluate_crises(world)]


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
    found = resolve_attack(world, by=by, on=on, at=at, date=date)
    return evaluate(world, found, cascade=cascade, rules=rules)


def resolve_attack(
    world: World, *, by: str, on: str, at: str | None = None, date: dt.date | str | None = None
) -> Attack:
    """The attack "``by`` attacks ``on`` at ``at`` on ``date``", every name checked.

    ``at`` defaults to the target's home territory and ``date`` to today; the
    errors are those of :func:`attack`.
    """
    day = parse_date(date) if date is not None else dt.date.today()
    snapshot = world.at(day)
    aggressor = snapshot.existing_state(by).id
    target = snapshot.existing_state(on).id
    if aggressor == target:
        raise AlliancesError(f"{aggressor} cannot attack itself")
    place = snapshot.place(at if at is not None else target).id
    return Attack(aggressor=aggressor, target=target, place=place, date=day)
