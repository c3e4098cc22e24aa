"""From findings to per-state verdicts, coalitions and capability totals."""

from __future__ import annotations

from collections.abc import Sequence

from alliances.model import ObligationKind, Treaty, World
from alliances.obligations.attack import Attack
from alliances.obligations.report import (
    Coalition,
    Duty,
    Finding,
    ObligationReport,
    Side,
    Step,
    Tie,
    Total,
    Verdict,
)
from alliances.obligations.rules import CascadeRules

__all__ = ["CAPABILITY_MEASURES", "summarise"]

CAPABILITY_MEASURES = ("military_expenditure_usd", "active_personnel")
"""The state figures summed for each coalition."""

_DUTY_OF_KIND = {
    ObligationKind.DEFENSE: Duty.DEFEND,
    ObligationKind.OFFENSE: Duty.JOIN_ATTACK,
    ObligationKind.CONSULTATION: Duty.CONSULT,
    ObligationKind.NEUTRALITY: Duty.STAY_NEUTRAL,
    ObligationKind.NONAGGRESSION: Duty.BREACH,
}
_RANK = list(Duty)


def summarise(
    world: World,
    attack: Attack,
    *,
    findings: Sequence[Finding],
    sides: dict[str, Side],
    steps: Sequence[tuple[int, str, Side, Finding | None]],
    conflicts: tuple[str, ...],
    cascade: bool,
    rules: CascadeRules,
) -> ObligationReport:
    """Assemble an :class:`ObligationReport` from an evaluation's raw results."""
    belligerents = tuple(sides) if cascade else (attack.aggressor, attack.target)
    order = [state for _, state, _, _ in steps]
    states = sorted(
        world.existing_states(),
        key=lambda s: (order.index(s.id) if s.id in order else len(order), s.id),
    )
    conflicted = {c.split(" ", 1)[0] for c in conflicts}
    verdicts = tuple(
        _verdict(
            world,
            state.id,
            attack=attack,
            findings=findings,
            sides=sides if cascade else {},
            conflicted=conflicted,
            belligerents=belligerents,
        )
        for state in states
    )
    coalitions: tuple[Coalition, ...] = ()
    if cascade:
        coalitions = tuple(
            _coalition(world, side, [s for s in order if sides.get(s) == side]) for side in Side
        )
    return ObligationReport(
        attack=attack,
        world=world,
        findings=tuple(findings),
        verdicts=verdicts,
        pending=_pending(world, belligerents),
        cascade=cascade,
        steps=tuple(Step(r, state, side, finding) for r, state, side, finding in steps)
        if cascade
        else (),
        coalitions=coalitions,
        conflicts=conflicts,
        rules=rules,
    )


def _verdict(
    world: World,
    state: str,
    *,
    attack: Attack,
    findings: Sequence[Finding],
    sides: dict[str, Side],
    conflicted: set[str],
    belligerents: tuple[str, ...],
) -> Verdict:
    own = tuple(f for f in findings if f.state == state)
    duty = _duty(state, attack, own, sides, conflicted)
    return Verdict(
        state=state,
        duty=duty,
        findings=own,
        side=sides.get(state),
        ties=_ties(world, state, own, belligerents),
    )


def _duty(
    state: str,
    attack: Attack,
    own: tuple[Finding, ...],
    sides: dict[str, Side],
    conflicted: set[str],
) -> Duty:
    if state == attack.aggressor:
        return Duty.ATTACKER
    if state == attack.target:
        return Duty.ATTACKED
    if state in sides:
        return Duty.DEFEND if sides[state] is Side.DEFENDER else Duty.JOIN_ATTACK
    if state in conflicted:
        return Duty.CONFLICT
    duties = [_DUTY_OF_KIND[f.pledge.obligation.kind] for f in own if f.triggered]
    return min(duties, key=_RANK.index, default=Duty.NONE)


def _ties(
    world: World, state: str, own: tuple[Finding, ...], belligerents: tuple[str, ...]
) -> tuple[Tie, ...]:
    """Treaties in force linking ``state`` to a belligerent that triggered nothing for it."""
    day = world.day
    used = {f.pledge.treaty for f in own if f.triggered}
    ties = []
    for treaty in world.treaties_in_force():
        if treaty.id in used:
            continue
        members = treaty.members_on(day)
        if state not in members:
            continue
        for other in belligerents:
            if other != state and other in members:
                kinds = sorted({o.kind.value for o in treaty.obligations}) or ["none"]
                ties.append(
                    Tie(
                        treaty=treaty.id,
                        label=treaty.label,
                        kinds=tuple(kinds),
                        instrument=treaty.instrument.value,
                        with_state=other,
                    )
                )
                break
    return tuple(ties)


def _coalition(world: World, side: Side, states: list[str]) -> Coalition:
    totals = []
    for measure in CAPABILITY_MEASURES:
        values = {s: world.state(s).figure(measure) for s in states}
        totals.append(
            Total(
                measure=measure,
                value=sum(v for v in values.values() if v is not None),
                missing=tuple(s for s, v in values.items() if v is None),
            )
        )
    return Coalition(side=side, states=tuple(states), totals=tuple(totals))


def _pending(world: World, belligerents: tuple[str, ...]) -> tuple[Treaty, ...]:
    day = world.day
    return tuple(
        t
        for t in world.treaties
        if t.signed_not_in_force_on(day) and any(m.state in belligerents for m in t.members)
    )
