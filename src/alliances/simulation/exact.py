"""Exact outcome probabilities by enumerating every combination of decisions (small crises).

The Monte Carlo answer's reference. Under guarantor coupling a state's one
draw only matters through which of its commitments' probabilities it falls
below, so each state has a handful of decision intervals; under pair
coupling each commitment is honoured or not. Every combination is replayed
by the same kernel and weighted by its probability.

Examples
--------
>>> import alliances
>>> from alliances.obligations import Attack
>>> from alliances.simulation import Crisis, preset
>>> world = alliances.load_world().at("2024-10-01")
>>> crisis = Crisis.of(world, Attack(aggressor="PRK", target="KOR", place="KOR",
...                                  date=world.date), preset("leeds2000"))
>>> exact = exact_outcomes(crisis)
>>> round(sum(exact.values()), 12)
1.0
"""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt

from alliances.errors import AlliancesError
from alliances.simulation.sampling import Crisis, replay
from alliances.simulation.tally import decode_outcome

__all__ = ["MAX_COMBINATIONS", "decision_table", "exact_outcomes", "exact_state_odds"]

MAX_COMBINATIONS = 1 << 20


def decision_table(crisis: Crisis) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Every combination of decisions: (honoured[combination, pair], probability[combination])."""
    program, p = crisis.program, crisis.probabilities
    if crisis.coupling == "pair":
        choices = [
            [(np.array([j]), True, p[j]), (np.array([j]), False, 1.0 - p[j])]
            for j in range(len(program.pairs))
        ]
    else:
        choices = []
        for guarantor in sorted(set(program.pair_guarantor.tolist())):
            own = np.flatnonzero(program.pair_guarantor == guarantor)
            cuts = sorted({0.0, 1.0, *p[own].tolist()})
            options = []
            for low, high in itertools.pairwise(cuts):
                if high > low:  # a draw in [low, high) honours the pairs whose p exceeds it
                    options.append((own, p[own] >= high, high - low))
            choices.append(options)
    count = int(np.prod([len(c) for c in choices], dtype=np.float64))
    if count > MAX_COMBINATIONS:
        raise AlliancesError(f"{count} decision combinations: too many to enumerate exactly")
    honoured = np.zeros((count, len(program.pairs)), dtype=np.bool_)
    weight = np.ones(count, dtype=np.float64)
    for row, combination in enumerate(itertools.product(*choices)):
        for pairs, value, probability in combination:
            honoured[row, pairs] = value
            weight[row] *= probability
    return honoured, weight


def exact_outcomes(crisis: Crisis) -> dict[tuple[int, ...], float]:
    """Probability of every outcome (each state's side: 0 out, 1 defender, 2 attacker)."""
    program = crisis.program
    honoured, weight = decision_table(crisis)
    keys, *_ = replay(crisis, honoured)
    result: dict[tuple[int, ...], float] = {}
    for row, w in zip(keys, weight, strict=True):
        sides = decode_outcome(row.tobytes(), program.size)
        result[sides] = result.get(sides, 0.0) + float(w)
    return result


def exact_state_odds(crisis: Crisis) -> dict[str, tuple[float, float]]:
    """Exact (P(defender), P(attacker)) of every state of the crisis."""
    outcomes = exact_outcomes(crisis)
    return {
        name: (
            sum(w for sides, w in outcomes.items() if sides[i] == 1),
            sum(w for sides, w in outcomes.items() if sides[i] == 2),
        )
        for i, name in enumerate(crisis.program.states)
    }
