"""One crisis compiled to arrays: every strike its cascade can reach and the pledges each triggers.

The cascade of :mod:`alliances.obligations.engine` is deterministic once it
is known which (guarantor, beneficiary) commitments are honoured. Compiling
the crisis once lets the sampler replay that cascade for millions of
honour/defect draws without touching the model again.

Examples
--------
>>> import alliances
>>> from alliances.obligations import Attack
>>> world = alliances.load_world().at("2024-10-01")
>>> program = compile_crisis(world, Attack(aggressor="PRK", target="KOR", place="KOR",
...                                        date=world.date))
>>> ("USA", "KOR") in program.pairs
True
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from alliances.model import Pledge, World
from alliances.obligations import Attack, CascadeRules, engine_for
from alliances.obligations.attack import Strike
from alliances.obligations.rules import DEFAULT_RULES

__all__ = ["ATTACKER", "DEFENDER", "CrisisProgram", "compile_crisis"]

DEFENDER, ATTACKER = 1, 2
"""Side codes in the sampled arrays (0: stays out)."""

IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True, eq=False)
class CrisisProgram:
    """A crisis as flat arrays for the sampling kernel.

    ``states`` are the states the cascade can involve (aggressor first,
    target second). Each strike slot lists its *edges* (a state that a
    triggered fighting pledge would put on a side, and the commitment pair
    whose honour decides it) and its neutrality entries (owner owes
    neutrality to ``towards``).
    """

    attack: Attack
    rules: CascadeRules
    states: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    pair_pledges: tuple[tuple[Pledge, ...], ...]
    defender_slot: IntArray
    attacker_slot: IntArray
    initial_slots: IntArray
    edge_start: IntArray
    edge_state: IntArray
    edge_side: IntArray
    edge_pair: IntArray
    pair_guarantor: IntArray
    neutral_start: IntArray
    neutral_owner: IntArray
    neutral_towards: IntArray

    @property
    def size(self) -> int:
        """Number of states the cascade can involve."""
        return len(self.states)


def compile_crisis(
    world: World, attack: Attack, rules: CascadeRules = DEFAULT_RULES
) -> CrisisProgram:
    """Compile ``attack`` on the snapshot ``world`` (taken at the attack's date) into arrays."""
    snapshot = world.at(attack.date)
    engine = engine_for(snapshot, rules)  # shared with evaluate(): strikes are computed once
    place = engine.place(attack.place)
    counter = rules.counterattack_is_armed_attack

    states: dict[str, int] = {attack.aggressor: 0, attack.target: 1}
    pairs: dict[tuple[str, str], int] = {}
    pair_pledges: list[list[Pledge]] = []
    slots: dict[tuple[str, int], int] = {}
    strikes: list[tuple[Strike, int]] = []  # (strike, side of its struck state)

    def index(state: str) -> int:
        return states.setdefault(state, len(states))

    def slot(state: str, side: int) -> int | None:
        """The strike a state's joining ``side`` provokes (None when it provokes none)."""
        if side == ATTACKER and not counter:
            return None
        key = (state, side)
        if key not in slots:
            slots[key] = len(strikes)
            if side == DEFENDER:
                strike = Strike(attacker=attack.aggressor, attacked=state, place=place)
            else:
                home = snapshot.place(state)
                strike = Strike(attacker=attack.target, attacked=state, place=home, provoked=True)
            strikes.append((strike, side))
        return slots[key]

    initial = [slot(attack.target, DEFENDER)]
    if counter:
        initial.append(slot(attack.aggressor, ATTACKER))

    edges: list[list[tuple[int, int, int]]] = []
    neutrals: list[list[tuple[int, int]]] = []
    done = 0
    while done < len(strikes):
        strike, struck_side = strikes[done]
        outcome = engine.outcome(strike)
        slot_edges: list[tuple[int, int, int]] = []
        for state, ally, pledge in outcome.fighting:
            side = struck_side if ally == strike.attacked else 3 - struck_side
            key = (pledge.owed_by, pledge.owed_to)
            if key not in pairs:
                pairs[key] = len(pairs)
                pair_pledges.append([])
            pair_pledges[pairs[key]].append(pledge)
            slot_edges.append((index(state), side, pairs[key]))
            slot(state, side)
        edges.append(slot_edges)
        neutrals.append([(index(p.owed_by), index(p.owed_to)) for p in outcome.neutral])
        done += 1

    n = len(states)
    defender_slot = np.full(n, -1, dtype=np.int32)
    attacker_slot = np.full(n, -1, dtype=np.int32)
    for (state, side), number in slots.items():
        (defender_slot if side == DEFENDER else attacker_slot)[states[state]] = number
    return CrisisProgram(
        attack=attack,
        rules=rules,
        states=tuple(states),
        pairs=tuple(pairs),
        pair_pledges=tuple(tuple(p) for p in pair_pledges),
        defender_slot=defender_slot,
        attacker_slot=attacker_slot,
        initial_slots=np.array(initial, dtype=np.int32),
        edge_start=_starts(edges),
        edge_state=_column(edges, 0),
        edge_side=_column(edges, 1),
        edge_pair=_column(edges, 2),
        pair_guarantor=np.array([states[g] for g, _ in pairs], dtype=np.int32),
        neutral_start=_starts(neutrals),
        neutral_owner=_column(neutrals, 0),
        neutral_towards=_column(neutrals, 1),
    )


def _starts(groups: Sequence[Sequence[tuple[int, ...]]]) -> IntArray:
    """CSR offsets: group g's rows are ``starts[g]:starts[g + 1]``."""
    return np.cumsum([0, *(len(g) for g in groups)], dtype=np.int64).astype(np.int32)


def _column(groups: Sequence[Sequence[tuple[int, ...]]], position: int) -> IntArray:
    return np.fromiter(_flat(groups, position), dtype=np.int32)


def _flat(groups: Sequence[Sequence[tuple[int, ...]]], position: int) -> Iterator[int]:
    for group in groups:
        for row in group:
            yield row[position]
