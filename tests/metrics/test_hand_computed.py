"""Metrics on small graphs whose values are computed by hand in each test."""

from __future__ import annotations

import numpy as np
import pytest

from alliances.metrics.asymmetry import state_asymmetry
from alliances.metrics.centrality import freeman_centralization, hub_dominance
from alliances.metrics.graph import CommitmentGraph
from alliances.metrics.protection import protection, resilience


def _graph(
    states: str,
    edges: dict[tuple[str, str], float],
    capability: list[float],
) -> CommitmentGraph:
    names = tuple(states)
    weights = np.zeros((len(names), len(names)))
    for (a, b), w in edges.items():
        weights[names.index(a), names.index(b)] = w
    return CommitmentGraph(names, weights, np.array(capability, dtype=float), ())


def test_pure_star() -> None:
    # H owes A, B, C: degrees (3,1,1,1); sum(3 - d) = 0+2+2+2 = 6; (m-1)(m-2) = 6 -> 1.0.
    star = _graph("HABC", {("H", "A"): 1, ("H", "B"): 1, ("H", "C"): 1}, [10, 1, 1, 1])
    result = hub_dominance(star)
    assert result.hub == "H"
    assert result.centralization == pytest.approx(1.0)
    assert result.hub_share == pytest.approx(1.0)  # all 3 pledges involve H
    assert result.spoke_ties == 0


def test_complete_mutual_pact() -> None:
    # 4 states, every ordered pair: degrees all 3 -> centralization 0; 12 pledges, 6 involve
    # the hub (3 owed, 3 received) -> share 0.5; 6 undirected ties, 3 without the hub.
    edges = {(a, b): 1.0 for a in "ABCD" for b in "ABCD" if a != b}
    complete = _graph("ABCD", edges, [4, 3, 2, 1])
    result = hub_dominance(complete)
    assert result.hub == "A"  # tie on degree broken by capability
    assert result.centralization == 0.0
    assert result.hub_share == pytest.approx(0.5)
    assert (result.spoke_ties, result.ties) == (3, 6)


def test_asymmetric_pair() -> None:
    # Only U owes J (weight 0.75): J receives 0.75 and owes 0 -> index +1; U -> -1.
    pair = _graph("UJ", {("U", "J"): 0.75}, [900, 50])
    balance = state_asymmetry(pair)
    assert (balance["J"].received, balance["J"].owed, balance["J"].index) == (0.75, 0.0, 1.0)
    assert balance["U"].index == -1.0
    # protection of J: best case 900 (U's capability), weighted 0.75 * 900 = 675; U gets none.
    assert protection(pair)["J"].best_case == 900.0
    assert protection(pair)["J"].weighted == pytest.approx(675.0)
    assert protection(pair)["U"].weighted == 0.0


def test_resilience_after_the_hub_defects() -> None:
    # A and B both owe C: C's weighted protection 1*10 + 0.5*4 = 12; without A: 2 -> 1/6.
    graph = _graph("ABC", {("A", "C"): 1.0, ("B", "C"): 0.5}, [10, 4, 1])
    assert resilience(graph, "A")["C"] == pytest.approx(2 / 12)
    assert resilience(graph, "A")["A"] is None  # nothing to lose
    assert protection(graph)["C"].dependence == pytest.approx(10 / 12)


def test_freeman_ignores_isolated_states() -> None:
    assert freeman_centralization(np.array([3, 1, 1, 1, 0, 0])) == pytest.approx(1.0)
    assert freeman_centralization(np.array([1, 1])) == 0.0
