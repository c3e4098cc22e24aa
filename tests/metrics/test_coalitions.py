"""The all-crises closure agrees with the engine's cascade, crisis by crisis."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from alliances.io.proposals import proposal_world
from alliances.metrics.coalitions import crisis_matrix, crisis_matrix_by_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import synthetic_world


@pytest.mark.parametrize(
    "name",
    ["current", "asian-nato-core", "asian-nato-broad-us", "ishiba-reform", "us-retrenchment"],
)
@pytest.mark.parametrize("day", ["1965-01-01", "1985-01-01", "2025-06-01"])
def test_closure_equals_engine_on_the_embedded_architectures(name: str, day: str) -> None:
    world = proposal_world(name).at(day)
    fast = crisis_matrix(world)
    reference = crisis_matrix_by_engine(world, fast.states)
    assert np.array_equal(fast.defending, reference.defending)
    assert np.array_equal(fast.attacking, reference.attacking)


@pytest.mark.slow
def test_closure_equals_engine_on_a_synthetic_world() -> None:
    world = synthetic_world(states=30, treaties=120, seed=7).at("2000-01-01")
    fast = crisis_matrix(world)
    reference = crisis_matrix_by_engine(world, fast.states)
    assert fast.defending.any()
    assert np.array_equal(fast.defending, reference.defending)
