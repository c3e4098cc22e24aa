"""From an evaluation's findings to per-state verdicts, coalitions and capability totals."""

from __future__ import annotations

from collections.abc import Iterable

from alliances.model import ObligationKind, Treaty, World, derived
from alliances.obligations.report import (
    Coalition,
    Duty,
    Finding,
    ObligationReport,
    Side,
    Tie,
    Total,
    Verdict,
)

__all__ = ["CAPABILITY_MEASURES", "coalitions_of", "pending_of", "verdicts_of"]

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


def verdicts_of(report: ObligationReport) -> tuple[Verdict, ...]:
    """One verdict per state existing at the date: belligerents in order, then the rest."""
    world = report.world
    order = [step.state for step in report.steps] or list(report.belligerents)
    states = sorted(
        world.existing_states(),
        key=lambda s: (order.index(s.id) if s.id in order else len(order), s.id),
    )
    by_state: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_state.setdefault(finding.state, []).append(finding)
    ties = _ties(world, report.belligerents, report.findings)
    sides = report.sides if report.cascade else {}
    return tuple(
        Verdict(
            state=state.id,
            duty=_duty(report, state.id, by_state.get(state.id, ()), report.conflicted),
            findings=tuple(by_state.get(state.id, ())),
            side=sides.get(state.id),
            ties=tuple(ties.get(state.id, ())),
        )
        for state in states
    )


def _duty(
    report: ObligationReport, state: str, own: Iterable[Finding], conflicted: frozenset[str]
) -> Duty:
    if state == report.attack.aggressor:
        return Duty.ATTACKER
    if state == report.attack.target:
        return Duty.ATTACKED
    if report.cascade and state in report.sides:
        return Duty.DEFEND if report.sides[state] is Side.DEFENDER else Duty.JOIN_ATTACK
    if state in conflicted:
        return Duty.CONFLICT
    duties = [_DUTY_OF_KIND[f.pledge.obligation.kind] for f in own if f.triggered]
    return min(duties, key=_RANK.index, default=Duty.NONE)


def _ties(
    world: World, belligerents: tuple[str, ...], findings: tuple[Finding, ...]
) -> dict[str, list[Tie]]:
    """Per state, the treaties in force linking it to a belligerent that triggered nothing
    for it, in the world's treaty order; each names the first such belligerent."""
    used = {(f.state, f.pledge.treaty) for f in findings if f.triggered}
    ties: dict[str, list[Tie]] = {}
    for treaty, members, kinds in _treaties_in_force(world):
        at_war = [b for b in belligerents if b in members]
        if not at_war:
            continue
        for state in members:
            other = next((b for b in at_war if b != state), None)
            if other is None or (state, treaty.id) in used:
                continue
            ties.setdefault(state, []).append(
                Tie(
                    treaty=treaty.id,
                    label=treaty.label,
                    kinds=kinds,
                    instrument=treaty.instrument.value,
                    with_state=other,
                )
            )
    return ties


def _treaties_in_force(world: World) -> tuple[tuple[Treaty, tuple[str, ...], tuple[str, ...]], ...]:
    """Each treaty in force with its members at the date and its obligations' kinds
    (built once per snapshot)."""

    def build() -> tuple[tuple[Treaty, tuple[str, ...], tuple[str, ...]], ...]:
        return tuple(
            (
                treaty,
                world.members_of(treaty.id),
                tuple(sorted({o.kind.value for o in treaty.obligations})) or ("none",),
            )
            for treaty in world.treaties_in_force()
        )

    return derived(world, _treaties_in_force, build)


def coalitions_of(report: ObligationReport) -> tuple[Coalition, ...]:
    """Both sides in the order states joined, with summed capabilities."""
    order = [step.state for step in report.steps]
    return tuple(
        _coalition(report.world, side, [s for s in order if report.sides.get(s) == side])
        for side in Side
    )


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


def pending_of(report: ObligationReport) -> tuple[Treaty, ...]:
    """Treaties with a belligerent member, signed but not yet in force at the date."""
    day = report.world.day
    belligerents = report.belligerents
    return tuple(
        t
        for t in report.world.treaties
        if t.signed_not_in_force_on(day) and any(m.state in belligerents for m in t.members)
    )
