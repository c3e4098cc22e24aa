"""Landscape solvers against a brute-force reference and hand-computed cases."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances.alignment.exact as exact_module
from alliances.alignment import Landscape, align, anneal, branch_and_bound, enumerate_landscape
from alliances.alignment.landscape import Solution
from alliances.errors import AlliancesError


def _random(n: int, seed: int) -> Landscape:
    rng = np.random.default_rng(seed)
    p = np.triu(rng.uniform(-1, 1, (n, n)), 1)
    return Landscape.from_arrays([f"a{i}" for i in range(n)], rng.uniform(0.1, 1, n), p + p.T)


def _brute_force(problem: Landscape) -> tuple[float, list[tuple[int, ...]]]:
    """Every labelling with actor 0 in coalition 0: minimum energy, and all local minima."""
    best, minima = np.inf, []
    for rest in itertools.product((0, 1), repeat=problem.n - 1):
        labels = np.array((0, *rest))
        energy = problem.energy(labels)
        best = min(best, energy)
        if problem.is_local_minimum(labels):
            minima.append(tuple(labels))
    return best, minima


def test_hand_computed_energy() -> None:
    # Two friends (p=+1, sizes 1, 1) and their common enemy (p=-1, size 2).
    # Splitting {A, B} | {C}: the A-C and B-C pairs are apart: 1*2*(-1) * 2 = -4.
    problem = Landscape.from_arrays("ABC", [1, 1, 2], [[0, 1, -1], [1, 0, -1], [-1, -1, 0]])
    assert problem.energy(np.array([0, 0, 1])) == -4.0
    assert problem.energy(np.array([0, 0, 0])) == 0.0
    # A alone: apart from friend B (+1) and from enemy C (-2) = -1.
    assert problem.energy(np.array([0, 1, 1])) == -1.0


@pytest.mark.parametrize("seed", range(6))
def test_enumeration_matches_brute_force(seed: int) -> None:
    problem = _random(9, seed)
    expected_energy, expected_minima = _brute_force(problem)
    result = enumerate_landscape(problem)
    assert result.best.energy == pytest.approx(expected_energy)
    assert {tuple(m.labels) for m in result.minima} == set(expected_minima)
    assert sum(m.basin_size for m in result.minima) == 2**8


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=18), st.integers(min_value=0, max_value=10_000))
def test_branch_and_bound_equals_enumeration(n: int, seed: int) -> None:
    problem = _random(n, seed)
    exact = branch_and_bound(problem)
    assert exact.optimal
    assert exact.energy == pytest.approx(enumerate_landscape(problem, basins=False).best.energy)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=2, max_value=16),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=1, max_value=3),
)
def test_branch_and_bound_finds_the_optimum_from_a_poor_incumbent_on_any_thread_count(
    n: int, seed: int, workers: int
) -> None:
    problem = _random(n, seed)
    everyone_together = np.zeros(n, dtype=np.int64)
    poor = Solution(everyone_together, problem.energy(everyone_together), False, "test")
    with pytest.MonkeyPatch.context() as patch:  # the subtrees must improve on "all on one side"
        patch.setattr(exact_module, "anneal", lambda *_, **__: poor)
        exact = branch_and_bound(problem, workers=workers)
    assert exact.optimal
    assert exact.energy == pytest.approx(enumerate_landscape(problem, basins=False).best.energy)
    assert exact.energy == pytest.approx(problem.energy(exact.labels))


def test_branch_and_bound_reports_a_spent_node_budget_as_not_optimal() -> None:
    problem = _random(40, 3)
    stopped = branch_and_bound(problem, node_limit=1)
    assert not stopped.optimal
    assert "stopped at the node limit (1)" in stopped.detail
    assert branch_and_bound(problem).optimal


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=3, max_value=16),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=2, max_value=4),
)
def test_annealing_returns_local_minima(n: int, seed: int, k: int) -> None:
    problem = _random(n, seed)
    solution = anneal(problem, k=k, starts=3, sweeps=10, seed=seed)
    assert problem.is_local_minimum(solution.labels, k)
    assert solution.energy == pytest.approx(problem.energy(solution.labels))
    assert not solution.optimal


def test_annealing_is_reproducible_by_seed() -> None:
    problem = _random(30, 3)
    first, second = anneal(problem, seed=11), anneal(problem, seed=11)
    assert np.array_equal(first.labels, second.labels)


def test_align_picks_the_method() -> None:
    assert align(_random(10, 1)).solution.solver == "enumeration"
    assert align(_random(30, 1)).solution.solver == "branch-and-bound"
    assert align(_random(10, 1), k=3).solution.solver == "annealing"


@pytest.mark.parametrize(
    ("sizes", "propensity", "message"),
    [
        ([1, 2], [[0, 1], [1, 0], [0, 0]], "propensity must be 2 x 2"),
        ([1, 2], [[0, 1], [0.5, 0]], "not symmetric"),
        ([1, -2], [[0, 1], [1, 0]], "negative"),
        ([1, float("nan")], [[0, 1], [1, 0]], "non-finite"),
        ([1], [[0, 1], [1, 0]], "sizes has 1 values for 2 actors"),
    ],
)
def test_malformed_input_is_a_clear_error(
    sizes: list[float], propensity: list[list[float]], message: str
) -> None:
    with pytest.raises(AlliancesError, match=message):
        Landscape.from_arrays(["A", "B"], sizes, propensity)


def test_cli_raw_input_json(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(
        json.dumps(
            {
                "actors": ["A", "B", "C"],
                "sizes": [1, 1, 2],
                "propensity": [[0, 1, -1], [1, 0, -1], [-1, -1, 0]],
            }
        )
    )
    done = subprocess.run(
        [sys.executable, "-m", "alliances", "align", "--input", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["coalitions"] == [["A", "B"], ["C"]]
    assert data["energy"] == -4.0
    assert data["optimal"] is True
    assert data["local_minima"] == [
        {"coalitions": [["A", "B"], ["C"]], "energy": -4.0, "basin_size": 4}
    ]


def test_cli_rejects_a_malformed_matrix(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text('{"actors": ["A", "B"], "sizes": [1, 2], "propensity": [[0, 1], [2, 0]]}')
    done = subprocess.run(
        [sys.executable, "-m", "alliances", "align", "--input", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "not symmetric" in done.stderr
