"""Invariants of the engine, checked on random attacks and random edits of the real world."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alliances
from alliances.model import Article, Membership, Obligation, ObligationKind, Treaty, World
from alliances.obligations import Attack, Side, evaluate

WORLD = alliances.load_world()
STATES = sorted(s.id for s in WORLD.states)
PLACES = sorted(p.id for p in WORLD.places)
DAYS = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2026, 12, 31))


@st.composite
def attacks(draw: st.DrawFn) -> Attack:
    day = draw(DAYS)
    alive = [s for s in STATES if WORLD.state(s).exists_on(day)]
    aggressor = draw(st.sampled_from(alive))
    target = draw(st.sampled_from([s for s in alive if s != aggressor]))
    place = draw(st.sampled_from([target, *PLACES]))
    return Attack(aggressor=aggressor, target=target, place=place, date=day)


def _triggered(world: World, attack: Attack) -> set[tuple[str, str, str]]:
    report = evaluate(world, attack)
    return {(f.state, f.pledge.owed_to, f.pledge.kind.value) for f in report.triggered(None)}


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(attacks())
def test_an_obligation_never_binds_a_non_member(attack: Attack) -> None:
    report = evaluate(WORLD, attack, cascade=True)
    for finding in report.findings:
        members = finding.treaty.members_on(attack.date)
        assert finding.state in members
        assert finding.pledge.owed_to in members
        assert finding.treaty.in_force_on(attack.date)


@SETTINGS
@given(attacks(), st.sampled_from([t.id for t in WORLD.treaties]))
def test_ending_a_treaty_never_adds_obligations(attack: Attack, treaty_id: str) -> None:
    ended = tuple(
        dataclasses.replace(t, ended=dt.date(1946, 1, 1), signed=None, in_force=dt.date(1945, 6, 1))
        if t.id == treaty_id
        else t
        for t in WORLD.treaties
    )
    smaller = dataclasses.replace(WORLD, treaties=ended)
    assert _triggered(smaller, attack) <= _triggered(WORLD, attack)


@st.composite
def extra_pacts(draw: st.DrawFn) -> Treaty:
    members = draw(st.lists(st.sampled_from(STATES), min_size=2, max_size=5, unique=True))
    return Treaty(
        id="EXTRA",
        name="A random mutual defence pact",
        source="test",
        members=tuple(Membership(state=m) for m in members),
        in_force=dt.date(1945, 1, 1),
        obligations=(
            Obligation(
                id="mutual",
                kind=ObligationKind.DEFENSE,
                owed_by=("members",),
                owed_to=("members",),
                article=Article(ref="1", summary="test"),
            ),
        ),
    )


@SETTINGS
@given(attacks(), extra_pacts())
def test_cascade_is_monotone_in_defence_pacts(attack: Attack, pact: Treaty) -> None:
    bigger = dataclasses.replace(WORLD, treaties=(*WORLD.treaties, pact))
    before = evaluate(WORLD, attack, cascade=True)
    after = evaluate(bigger, attack, cascade=True)
    assert set(before.coalition(Side.DEFENDER).states) <= set(after.coalition(Side.DEFENDER).states)


@SETTINGS
@given(attacks())
def test_cascade_terminates_and_contains_the_first_strike(attack: Attack) -> None:
    single = evaluate(WORLD, attack)
    full = evaluate(WORLD, attack, cascade=True)
    defenders = set(full.coalition(Side.DEFENDER).states)
    first_strike = {f.state for f in single.triggered()} - full.conflicted
    assert first_strike - {attack.aggressor} <= defenders | full.conflicted
    assert max(s.round for s in full.steps) <= len(STATES)
    assert not set(full.coalition(Side.ATTACKER).states) & defenders
