"""The typed answer to "if A attacks B here, who must do what, and why".

Examples
--------
>>> import alliances
>>> report = alliances.attack(alliances.load_world(), by="PRK", on="KOR", date="2024-10-01")
>>> report.verdict("USA").duty
<Duty.DEFEND: 'defend'>
>>> report.to_dict()["obligations"][0]["treaty"]
'US-KOR-1953'
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from alliances.model import ObligationKind, Pledge, Treaty, World, derived
from alliances.obligations.attack import Attack, Strike
from alliances.obligations.conditions import CheckCache, ConditionCheck, memo_for_pledge
from alliances.obligations.rules import DEFAULT_RULES, CascadeRules

if TYPE_CHECKING:
    from alliances.obligations.engine import StrikeOutcome

__all__ = [
    "Coalition",
    "Duty",
    "Finding",
    "ObligationReport",
    "Side",
    "Step",
    "Tie",
    "Total",
    "Verdict",
]


class Side(StrEnum):
    """The two sides of a war."""

    ATTACKER = "attacker"
    DEFENDER = "defender"


class Duty(StrEnum):
    """What a state is obliged to do in the crisis, strongest first."""

    ATTACKER = "attacker"
    ATTACKED = "attacked"
    DEFEND = "defend"
    JOIN_ATTACK = "join-attack"
    CONFLICT = "conflicting-obligations"
    CONSULT = "consult"
    STAY_NEUTRAL = "stay-neutral"
    BREACH = "breach"
    NONE = "no-obligation"


@dataclass(frozen=True, slots=True)
class Finding:
    """One pledge evaluated against one strike: did it trigger, and why."""

    world: World
    pledge: Pledge
    strike: Strike
    triggered: bool
    round: int

    @property
    def state(self) -> str:
        """The state that owes the obligation."""
        return self.pledge.owed_by

    @property
    def treaty(self) -> Treaty:
        """The treaty that creates the obligation."""
        return self.world.treaty(self.pledge.treaty)

    def checks(self) -> tuple[ConditionCheck, ...]:
        """Each condition and whether it held (computed on demand from memoised parts)."""
        return CheckCache.of(self.world).checks(self.pledge, self.strike)

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return _findings_data(self.world, (self,))[0]


def _findings_data(world: World, findings: tuple[Finding, ...]) -> list[dict[str, Any]]:
    """Findings of one snapshot as JSON-ready data (its caches looked up once)."""
    cache = CheckCache.of(world)
    table: dict[int, tuple[Pledge, dict[str, Any]]] = derived(world, _pledge_fields, dict)
    rows = []
    for finding in findings:
        pledge, strike = finding.pledge, finding.strike
        build = functools.partial(_pledge_fields, world, pledge)
        fields = memo_for_pledge(table, id(pledge), pledge, build)
        data = fields.copy()
        data["triggered"] = finding.triggered
        data["round"] = finding.round
        data["attacker"] = strike.attacker
        data["place"] = strike.place.id
        data["conditions"] = [{"text": c.text, "met": c.met} for c in cache.checks(pledge, strike)]
        rows.append(data)
    return rows


def _pledge_fields(world: World, pledge: Pledge) -> dict[str, Any]:
    """A finding's JSON fields that depend only on its pledge, in order (the rest None)."""
    obligation, treaty = pledge.obligation, world.treaty(pledge.treaty)
    return {
        "state": pledge.owed_by,
        "owed_to": pledge.owed_to,
        "kind": obligation.kind.value,
        "triggered": None,
        "treaty": treaty.id,
        "treaty_name": treaty.name,
        "instrument": treaty.instrument.value,
        "legally_binding": treaty.instrument.legally_binding,
        "article": obligation.article.ref,
        "article_summary": obligation.article.summary,
        "strength": obligation.strength.value,
        "round": None,
        "attacker": None,
        "place": None,
        "conditions": None,
        "confidence": obligation.confidence.value,
        "note": obligation.note,
    }


@dataclass(frozen=True, slots=True)
class Tie:
    """A treaty linking a state to a belligerent that obliges it to nothing here."""

    treaty: str
    label: str
    kinds: tuple[str, ...]
    instrument: str
    with_state: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one state must do, with the findings and ties behind it."""

    state: str
    duty: Duty
    findings: tuple[Finding, ...]
    ties: tuple[Tie, ...] = ()
    side: Side | None = None

    def to_dict(self) -> dict[str, Any]:
        """The verdict as JSON-ready data."""
        return {
            "state": self.state,
            "duty": self.duty.value,
            "side": self.side.value if self.side else None,
            "because": [
                f"{f.pledge.treaty} {f.pledge.obligation.article.ref}"
                for f in self.findings
                if f.triggered
            ],
            "ties": [
                {
                    "treaty": t.treaty,
                    "kinds": list(t.kinds),
                    "instrument": t.instrument,
                    "with": t.with_state,
                }
                for t in self.ties
            ],
        }


@dataclass(frozen=True, slots=True)
class Step:
    """A state drawn into the war: when, on which side, and by which pledge."""

    round: int
    state: str
    side: Side
    finding: Finding | None

    def to_dict(self) -> dict[str, Any]:
        """The step as JSON-ready data."""
        pledge = self.finding.pledge if self.finding else None
        return {
            "round": self.round,
            "state": self.state,
            "side": self.side.value,
            "treaty": pledge.treaty if pledge else None,
            "article": pledge.obligation.article.ref if pledge else None,
            "owed_to": pledge.owed_to if pledge else None,
        }


@dataclass(frozen=True, slots=True)
class Total:
    """A coalition's summed capability on one measure, and who had no figure."""

    measure: str
    value: float
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Coalition:
    """One side of the war the treaties call for."""

    side: Side
    states: tuple[str, ...]
    totals: tuple[Total, ...]

    def total(self, measure: str) -> Total:
        """The total for one measure."""
        return next(t for t in self.totals if t.measure == measure)


@dataclass(frozen=True)
class ObligationReport:
    """Everything the engine found for one attack.

    ``outcomes`` (each strike's round and memoised outcome), ``steps`` and
    ``conflicts`` are the engine's raw results; ``findings``, per-state
    ``verdicts``, ``coalitions`` and ``pending`` treaties are derived from
    them on first use.
    """

    attack: Attack
    world: World
    outcomes: tuple[tuple[int, StrikeOutcome], ...]
    cascade: bool
    sides: dict[str, Side] = field(default_factory=dict, hash=False)
    steps: tuple[Step, ...] = ()
    conflicts: tuple[str, ...] = ()
    conflicted: frozenset[str] = frozenset()
    rules: CascadeRules = DEFAULT_RULES

    @functools.cached_property
    def findings(self) -> tuple[Finding, ...]:
        """Every pledge examined, in the order of the strikes that reached it."""
        return tuple(
            Finding(self.world, pledge, outcome.strike, triggered, round_number)
            for round_number, outcome in self.outcomes
            for pledge, triggered in outcome.verdicts
        )

    @functools.cached_property
    def verdicts(self) -> tuple[Verdict, ...]:
        """What each state existing at the date must do, strongest duty first."""
        from alliances.obligations.verdicts import verdicts_of

        return verdicts_of(self)

    @functools.cached_property
    def coalitions(self) -> tuple[Coalition, ...]:
        """The two sides of the war (cascade reports only) with capability totals."""
        from alliances.obligations.verdicts import coalitions_of

        return coalitions_of(self) if self.cascade else ()

    @functools.cached_property
    def pending(self) -> tuple[Treaty, ...]:
        """Treaties of a belligerent that are signed but not yet in force at the date."""
        from alliances.obligations.verdicts import pending_of

        return pending_of(self)

    @property
    def belligerents(self) -> tuple[str, ...]:
        """States at war: both coalitions with cascade, else aggressor and target."""
        if self.cascade:
            return tuple(self.sides)
        return (self.attack.aggressor, self.attack.target)

    @property
    def date(self) -> dt.date:
        """The date of the attack."""
        return self.attack.date

    def triggered(
        self, kind: ObligationKind | None = ObligationKind.DEFENSE
    ) -> tuple[Finding, ...]:
        """Findings that triggered (of one kind; None for all)."""
        return tuple(
            f for f in self.findings if f.triggered and (kind is None or f.pledge.kind == kind)
        )

    def verdict(self, state: str) -> Verdict:
        """The verdict of one state."""
        return next(v for v in self.verdicts if v.state == state)

    def coalition(self, side: Side) -> Coalition:
        """One side's coalition (cascade reports only)."""
        return next(c for c in self.coalitions if c.side == side)

    def to_dict(self) -> dict[str, Any]:
        """The report as one JSON-ready object (the CLI's ``--json``)."""
        place = self.world.place(self.attack.place)
        data: dict[str, Any] = {
            "attack": {
                "aggressor": self.attack.aggressor,
                "target": self.attack.target,
                "place": place.id,
                "place_name": place.name,
                "place_administered_by": place.administered_by,
            },
            "date": self.date.isoformat(),
            "world": self.world.id,
            "obligations": _findings_data(self.world, self.findings),
            "states": [v.to_dict() for v in self.verdicts],
            "not_yet_in_force": [
                {"treaty": t.id, "signed": _iso(t.signed), "in_force": _iso(t.in_force)}
                for t in self.pending
            ],
            "rules": {
                "counterattack_is_armed_attack": self.rules.counterattack_is_armed_attack,
                "on_conflict": self.rules.on_conflict,
            },
        }
        if self.cascade:
            data["coalitions"] = {c.side.value: list(c.states) for c in self.coalitions}
            data["capabilities"] = {
                c.side.value: {
                    t.measure: {"total": t.value, "missing": list(t.missing)} for t in c.totals
                }
                for c in self.coalitions
            }
            data["cascade"] = [s.to_dict() for s in self.steps]
            data["conflicts"] = list(self.conflicts)
        return data


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
