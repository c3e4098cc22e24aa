"""Propensities from the model's data, component by component."""

from __future__ import annotations

import alliances
from alliances.alignment import PropensityWeights, align, landscape_of

WORLD = alliances.load_world().at("2024-10-01")


def _p(problem: alliances.alignment.Landscape, a: str, b: str) -> float:
    return float(problem.propensity[problem.actors.index(a), problem.actors.index(b)])


def test_components_by_hand() -> None:
    problem, left_out = landscape_of(WORLD)
    # USA-JPN: defence pledge (+1) and both Free (+0.5); no dispute.
    assert _p(problem, "USA", "JPN") == 1.5
    # JPN-CHN: Senkaku dispute (-1), Free vs Not Free (-0.5).
    assert _p(problem, "JPN", "CHN") == -1.5
    # IND-JPN: Quad forum tie only (+0.25), both... India's status is Partly Free (0).
    assert _p(problem, "IND", "JPN") == 0.25
    assert "PRK" in left_out  # SIPRI publishes no figure for North Korea


def test_weights_are_parameters() -> None:
    problem, _ = landscape_of(WORLD, PropensityWeights(alliance=2.0, regime=0.0))
    assert _p(problem, "USA", "JPN") == 2.0


def test_world_alignment_separates_china_from_the_us_allies() -> None:
    problem, _ = landscape_of(WORLD)
    result = align(problem)
    groups = result.solution.coalitions(problem.actors)
    with_japan = next(g for g in groups if "JPN" in g)
    assert {"USA", "KOR", "PHL", "AUS"} <= set(with_japan)
    assert "CHN" not in with_japan
    assert result.solution.optimal
