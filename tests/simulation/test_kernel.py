"""The compiled cascade against the rules engine, decision combination by combination.

For every shipped crisis of both embedded worlds, under both cascade
readings, every combination of honour/defect decisions (or a fixed random
subset where there are too many) is replayed by the kernel and by
:class:`~alliances.obligations.Engine` with the defecting pairs removed; the
sides and the conflict counts must agree exactly.
"""

from __future__ import annotations

import numpy as np
import pytest

import alliances
from alliances.model import World
from alliances.obligations import Attack, CascadeRules, Engine, Side
from alliances.simulation import Crisis, preset
from alliances.simulation.exact import decision_table
from alliances.simulation.sampling import replay
from alliances.simulation.tally import decode_outcome

CODES = {Side.DEFENDER: 1, Side.ATTACKER: 2}
WORLDS = ("indo-pacific-2024", "europe-1914")
MAX_ROWS = 256


def _crises() -> list[tuple[str, str]]:
    return [(w, c.id) for w in WORLDS for c in alliances.load_world(w).crises]


def _kernel(crisis: Crisis, honoured: np.ndarray) -> tuple[list[tuple[int, ...]], np.ndarray]:
    keys, _, conflicted, _ = replay(crisis, honoured)
    return [decode_outcome(k.tobytes(), crisis.program.size) for k in keys], conflicted


def _rows(crisis: Crisis) -> np.ndarray:
    honoured, _ = decision_table(crisis)
    pair_coupled = Crisis(
        program=crisis.program,
        probabilities=np.full(len(crisis.program.pairs), 0.5),
        coupling="pair",
        capability=crisis.capability,
        capability_figure=crisis.capability_figure,
        missing_capability=(),
    )
    if len(crisis.program.pairs) <= 8:  # every subset of commitments
        honoured = np.vstack([honoured, decision_table(pair_coupled)[0]])
    random = np.random.default_rng(11).random((MAX_ROWS, len(crisis.program.pairs))) < 0.5
    return np.vstack([honoured[:MAX_ROWS], random])


@pytest.mark.parametrize("counterattack", [False, True], ids=["plain", "counterattack"])
@pytest.mark.parametrize(("world_id", "crisis_id"), _crises())
def test_kernel_replays_the_engine(world_id: str, crisis_id: str, counterattack: bool) -> None:
    world: World = alliances.load_world(world_id)
    found = world.crisis(crisis_id)
    snapshot = world.at(found.date)
    attack = Attack.of_crisis(found)
    rules = CascadeRules(counterattack_is_armed_attack=counterattack)
    crisis = Crisis.of(snapshot, attack, preset("leeds2000"), rules=rules)
    honoured = _rows(crisis)
    sampled, conflicted = _kernel(crisis, honoured)
    engine = Engine(snapshot, rules)
    states = crisis.program.states
    expected_conflicted = np.zeros(len(states), dtype=np.int64)
    for row, sides in zip(honoured, sampled, strict=True):
        defections = frozenset(
            p for p, kept in zip(crisis.program.pairs, row, strict=True) if not kept
        )
        report = engine.evaluate(attack, cascade=True, defections=defections)
        assert set(report.sides) <= set(states)
        assert sides == tuple(CODES.get(report.sides.get(s), 0) for s in states)  # type: ignore[arg-type]
        for state in report.conflicted:
            expected_conflicted[states.index(state)] += 1
    assert np.array_equal(conflicted, expected_conflicted)


def test_every_honoured_reproduces_the_deterministic_cascade(world: World) -> None:
    found = world.crisis("second-thomas-shoal")
    attack = Attack.of_crisis(found)
    crisis = Crisis.of(world, attack, preset("certain"))
    sides, _ = _kernel(crisis, np.ones((1, len(crisis.program.pairs)), dtype=np.bool_))
    report = alliances.attack(
        world, by="CHN", on="PHL", at=found.place, date=found.date, cascade=True
    )
    assert sides[0] == tuple(CODES.get(report.sides.get(s), 0) for s in crisis.program.states)  # type: ignore[arg-type]
    assert len(report.sides) > 2  # the case is not trivial
