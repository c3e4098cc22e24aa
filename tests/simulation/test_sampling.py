"""Sampling: reproducible by seed whatever the chunking, unbiased against exact enumeration."""

from __future__ import annotations

import math

import numpy as np
import pytest

import alliances
from alliances.model import World
from alliances.obligations import Attack
from alliances.simulation import BLOCK, Crisis, blocks_of, estimate, preset, sample_blocks, simulate
from alliances.simulation.exact import exact_outcomes, exact_state_odds
from alliances.simulation.sampling import tally_blocks


def _crisis(
    world: World, crisis_id: str, model_name: str = "leeds2000", **changes: object
) -> Crisis:
    attack = Attack.of_crisis(world.crisis(crisis_id))
    return Crisis.of(world, attack, preset(model_name).adjusted(**changes))  # type: ignore[arg-type]


def test_blocks_cover_the_samples_exactly() -> None:
    assert blocks_of(1) == [(0, 1)]
    assert blocks_of(2 * BLOCK + 5) == [(0, BLOCK), (1, BLOCK), (2, 5)]
    with pytest.raises(ValueError, match="at least 1"):
        blocks_of(0)


def test_same_seed_same_counts_whatever_the_grouping(world: World) -> None:
    crisis = _crisis(world, "second-thomas-shoal")
    samples = 3 * BLOCK + 1000
    whole = sample_blocks(crisis, seed=9, samples=samples)
    blocks = blocks_of(samples)
    reversed_parts = [tally_blocks(crisis, seed=9, blocks=[b]) for b in reversed(blocks)]
    merged = reversed_parts[0]
    for part in reversed_parts[1:]:
        merged = merged.merge(part)
    assert merged.same_as(whole)
    assert not sample_blocks(crisis, seed=10, samples=samples).same_as(whole)


def test_certain_commitments_give_the_treaty_answer(world: World) -> None:
    for crisis_id in ("second-thomas-shoal", "korea-dmz", "senkaku"):
        crisis = _crisis(world, crisis_id, "certain")
        odds = estimate(crisis, sample_blocks(crisis, seed=1, samples=2000))
        found = world.crisis(crisis_id)
        report = alliances.attack(
            world,
            by=found.aggressor,
            on=found.target,
            at=found.place,
            date=found.date,
            cascade=True,
        )
        for state in odds.states:
            side = report.sides.get(state.state)
            assert state.defender == (1.0 if side and side.value == "defender" else 0.0)
            assert state.attacker == (1.0 if side and side.value == "attacker" else 0.0)


@pytest.mark.parametrize("coupling", ["guarantor", "pair"])
@pytest.mark.parametrize("crisis_id", ["second-thomas-shoal", "korea-dmz", "taiwan-strait-us-navy"])
def test_estimates_agree_with_exact_enumeration(
    world: World, crisis_id: str, coupling: str
) -> None:
    crisis = _crisis(world, crisis_id, coupling=coupling)
    if coupling == "pair" and len(crisis.program.pairs) > 16:
        crisis = _crisis(world, crisis_id, coupling="guarantor")
    exact = exact_state_odds(crisis)
    odds = estimate(crisis, sample_blocks(crisis, seed=4, samples=60_000))
    for state in odds.states:
        want_defender, want_attacker = exact[state.state]
        assert abs(state.defender - want_defender) <= 5 * state.defender_se + 1e-12
        assert abs(state.attacker - want_attacker) <= 5 * state.attacker_se + 1e-12
    stronger = sum(
        w
        for sides, w in exact_outcomes(crisis).items()
        if _capability(crisis, sides, 1) > _capability(crisis, sides, 2)
    )
    balance = odds.balance
    assert abs(balance.defenders_stronger - stronger) <= 5 * balance.defenders_stronger_se + 1e-12


def _capability(crisis: Crisis, sides: tuple[int, ...], side: int) -> float:
    return sum(float(crisis.capability[i]) for i, s in enumerate(sides) if s == side)


def test_pivotality_matches_a_world_where_the_state_surely_defects(world: World) -> None:
    crisis = _crisis(world, "second-thomas-shoal")
    odds = estimate(crisis, sample_blocks(crisis, seed=2, samples=60_000))
    pivot = odds.most_pivotal
    assert pivot is not None
    assert pivot.state == "USA"
    forced = _crisis(world, "second-thomas-shoal")
    usa = forced.program.states.index("USA")
    probabilities = np.where(forced.program.pair_guarantor == usa, 0.0, forced.probabilities)
    without = Crisis(
        program=forced.program,
        probabilities=probabilities,
        coupling=forced.coupling,
        capability=forced.capability,
        capability_figure=forced.capability_figure,
        missing_capability=(),
    )
    exact_without = sum(
        w
        for sides, w in exact_outcomes(without).items()
        if _capability(without, sides, 1) > _capability(without, sides, 2)
    )
    assert pivot.stronger_if_defects is not None
    assert pivot.stronger_if_defects_se is not None
    assert abs(pivot.stronger_if_defects - exact_without) <= 5 * max(
        pivot.stronger_if_defects_se, 1e-3
    )


def test_simulate_reports_per_state_odds_with_standard_errors(world: World) -> None:
    result = simulate(
        world,
        by="CHN",
        on="PHL",
        at="Second Thomas Shoal",
        date="2024-10-01",
        samples=20_000,
        seed=1,
        backend="inline",
    )
    data = result.to_dict()
    usa = next(s for s in data["states"] if s["state"] == "USA")
    assert usa["obliged_side"] == "defender"
    assert 0 < usa["defender"] < 1
    assert usa["defender_se"] == pytest.approx(
        math.sqrt(usa["defender"] * (1 - usa["defender"]) / 20_000)
    )
    assert data["attack"] == {
        "by": "CHN",
        "on": "PHL",
        "at": "second-thomas-shoal",
        "date": "2024-10-01",
    }
    assert sum(o["probability"] for o in data["outcomes"]) <= 1.0
    assert data["most_pivotal"] == "USA"
