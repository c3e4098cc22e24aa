"""Metrics on the tiny scenario and the embedded world, checked by hand or by invariant."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances
from alliances.metrics import assess, commitment_graph
from alliances.metrics.asymmetry import pledge_coverage, treaty_asymmetry
from alliances.metrics.centrality import hub_dominance
from alliances.metrics.encirclement import encirclement
from alliances.metrics.exposure import entrapment
from alliances.metrics.parameters import MetricParameters
from alliances.metrics.protection import protection
from alliances.model import Article, Membership, Obligation, ObligationKind, Strength, Treaty
from tests.conftest import MINIMAL

Write = Callable[..., Path]
WORLD = alliances.load_world()
STATES = sorted(s.id for s in WORLD.states if s.exists_on(dt.date(2025, 6, 1)))


def test_tiny_world_entrapment(write_scenario: Write) -> None:
    # AAA-BBB mutual pact, CCC outside. Of the 2 crises BBB is not party to (CCC->AAA,
    # AAA->CCC), only CCC attacking AAA draws BBB in; likewise for AAA. CCC: never.
    world = alliances.check_file(write_scenario()).at("2000-01-01")
    result = entrapment(world)
    assert (result["BBB"].crises, result["BBB"].possible) == (1, 2)
    assert result["BBB"].against == {"CCC": 1}
    assert result["CCC"].crises == 0


def test_tiny_world_encirclement(write_scenario: Write) -> None:
    # Seen by CCC (capital 30N 120E): AAA (10N 100E) and BBB (20N 110E) lie within 5,000 km
    # and their pact covers attacks by CCC; with equal (unknown -> 0) capability the share is
    # undefined, so give them figures.
    text = MINIMAL.replace(
        "home_tags: [metropolitan, pacific]}",
        "home_tags: [metropolitan, pacific], figures: {military_expenditure_usd:"
        " {value: 10, source: test}}}",
    )
    world = alliances.check_file(write_scenario(text)).at("2000-01-01")
    result = encirclement(world, MetricParameters(observer="CCC"))
    assert result.neighbours == ("AAA", "BBB")
    assert result.aligned == ("AAA", "BBB")
    assert result.share == 1.0


def test_us_japan_asymmetry_is_in_the_scope_not_the_count() -> None:
    # Both directions exist at the same strength, but Japan's covers only Japanese-administered
    # territory: of the US's exposure points it covers only US forces in Japan.
    world = WORLD.at("2025-06-01")
    us_to_japan = next(
        p for p in world.pledges_owed_to("JPN") if p.treaty == "US-JPN-1960" and p.kind == "defense"
    )
    japan_to_us = next(
        p for p in world.pledges_owed_to("USA") if p.treaty == "US-JPN-1960" and p.kind == "defense"
    )
    assert pledge_coverage(world, japan_to_us) < pledge_coverage(world, us_to_japan)
    assert treaty_asymmetry(world)["US-JPN-1960"] > treaty_asymmetry(world)["ANZUS"]
    assert treaty_asymmetry(world)["CHN-PRK-1961"] == 0.0


def test_the_us_is_the_hub_of_the_2024_order() -> None:
    result = hub_dominance(commitment_graph(WORLD.at("2024-10-01")))
    assert result.hub == "USA"
    assert result.centralization > 0.5


def _with_pact(members: list[str]) -> alliances.World:
    pact = Treaty(
        id="EXTRA",
        name="extra",
        source="test",
        in_force=dt.date(1946, 1, 1),
        members=tuple(Membership(state=m) for m in members),
        obligations=(
            Obligation(
                id="o",
                kind=ObligationKind.DEFENSE,
                owed_by=("members",),
                owed_to=("members",),
                strength=Strength.AUTOMATIC,
                article=Article(ref="1", summary="test"),
            ),
        ),
    )
    return replace(WORLD, treaties=(*WORLD.treaties, pact))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(STATES), min_size=2, max_size=6, unique=True))
def test_adding_a_mutual_pact_never_lowers_protection(members: list[str]) -> None:
    before = protection(commitment_graph(WORLD.at("2025-06-01")))
    after = protection(commitment_graph(_with_pact(members).at("2025-06-01")))
    for state in STATES:
        assert after[state].weighted >= before[state].weighted - 1e-6
        assert after[state].best_case >= before[state].best_case - 1e-6


def test_assessment_of_the_embedded_architectures() -> None:
    from alliances.io.proposals import proposal_world

    base = assess(WORLD, "2025-06-01")
    retreat = assess(proposal_world("us-retrenchment"), "2025-06-01")
    assert base.scorecard("JPN").protection.guarantors == ("USA",)
    assert retreat.scorecard("JPN").protection_weighted == 0.0
    assert retreat.encirclement.share < base.encirclement.share
    nato = assess(proposal_world("asian-nato-core"), "2025-06-01")
    assert nato.scorecard("JPN").entrapment.crises > base.scorecard("JPN").entrapment.crises
    assert set(nato.scorecard("JPN").protection.guarantors) == {"USA", "KOR", "PHL"}


def test_parameters_change_the_answer() -> None:
    by_people = assess(WORLD, "2025-06-01", MetricParameters(capability="active_personnel"))
    by_money = assess(WORLD, "2025-06-01")
    assert by_people.scorecard("JPN").protection_weighted == pytest.approx(
        0.75 * WORLD.state("USA").figure("active_personnel")
    )  # type: ignore[operator]
    assert by_money.scorecard("JPN").protection_weighted == pytest.approx(
        0.75 * WORLD.state("USA").figure("military_expenditure_usd")
    )  # type: ignore[operator]
