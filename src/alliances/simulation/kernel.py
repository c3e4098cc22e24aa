"""The compiled cascade: one crisis replayed for a block of honour/defect draws.

:func:`cascade_block` follows :class:`alliances.obligations.engine._War`
step by step (same join order, clash and neutrality rules), for every sample
of a block, with the commitments each sample honours. Tests check it against
the engine on every subset of commitments of the flagship crises.
"""

from __future__ import annotations

import numba
import numpy as np
import numpy.typing as npt

__all__ = ["Cascaded", "cascade_block"]

Cascaded = tuple[
    npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]
]
"""What :func:`cascade_block` returns: outcome keys, joined, conflicted and defect counts."""


@numba.njit(cache=True, nogil=True)
def cascade_block(  # noqa: PLR0912, PLR0915, PLR0917 - one flat kernel is the point
    honoured: npt.NDArray[np.bool_],
    pair_guarantor: npt.NDArray[np.int32],
    capability: npt.NDArray[np.float64],
    defender_slot: npt.NDArray[np.int32],
    attacker_slot: npt.NDArray[np.int32],
    initial_slots: npt.NDArray[np.int32],
    edge_start: npt.NDArray[np.int32],
    edge_state: npt.NDArray[np.int32],
    edge_side: npt.NDArray[np.int32],
    edge_pair: npt.NDArray[np.int32],
    neutral_start: npt.NDArray[np.int32],
    neutral_owner: npt.NDArray[np.int32],
    neutral_towards: npt.NDArray[np.int32],
    abstain: bool,
) -> Cascaded:
    """Sides of every state in every sample, plus the integer tallies.

    Returns ``(keys, joined, conflicted, defect_tally)``: ``keys[s]`` packs
    every state's side in sample s, two bits per state (0 out, 1 defender,
    2 attacker; state i in word i // 32, bits 2 * (i % 32)); ``joined[i, k]``
    counts samples with state i on side k + 1; ``conflicted[i]`` counts the
    samples where state i had conflicting obligations; ``defect_tally[i, d, w]``
    counts samples by whether state i honoured none of its commitments (d)
    and whether the defenders' capability exceeded the attackers' (w).
    """
    samples, n_pairs = honoured.shape
    n = capability.shape[0]
    n_slots = edge_start.shape[0] - 1
    keys = np.zeros((samples, (n + 31) // 32), dtype=np.uint64)
    joined = np.zeros((n, 2), dtype=np.int64)
    conflicted_count = np.zeros(n, dtype=np.int64)
    defect_tally = np.zeros((n, 2, 2), dtype=np.int64)
    kept = np.zeros(n, dtype=np.bool_)

    sides = np.zeros(n, dtype=np.int8)
    join_side = np.zeros(n, dtype=np.int8)
    clashed = np.zeros(n, dtype=np.bool_)
    conflicted = np.zeros(n, dtype=np.bool_)
    order = np.empty(n, dtype=np.int32)
    strikes = np.empty(n_slots, dtype=np.int32)
    next_strikes = np.empty(n_slots, dtype=np.int32)
    evaluated = np.empty(n_slots, dtype=np.int32)

    for s in range(samples):
        sides[:] = 0
        clashed[:] = False
        conflicted[:] = False
        sides[0] = 2
        sides[1] = 1
        n_strikes = initial_slots.shape[0]
        for k in range(n_strikes):
            strikes[k] = initial_slots[k]
        n_evaluated = 0
        while n_strikes > 0:
            # evaluate the round's strikes: candidate joins in first-seen order
            n_order = 0
            for k in range(n_strikes):
                slot = strikes[k]
                evaluated[n_evaluated] = slot
                n_evaluated += 1
                for e in range(edge_start[slot], edge_start[slot + 1]):
                    if not honoured[s, edge_pair[e]]:
                        continue
                    state = edge_state[e]
                    side = edge_side[e]
                    if join_side[state] == 0:
                        join_side[state] = side
                        order[n_order] = state
                        n_order += 1
                        if sides[state] != 0 and sides[state] != side:
                            clashed[state] = True
                            conflicted[state] = True
                    elif join_side[state] != side:
                        clashed[state] = True
                        conflicted[state] = True
            # join in that order, abstaining on conflict
            n_next = 0
            for k in range(n_order):
                state = order[k]
                side = join_side[state]
                join_side[state] = 0
                if sides[state] != 0:
                    continue
                owes = False
                for v in range(n_evaluated):
                    slot = evaluated[v]
                    for q in range(neutral_start[slot], neutral_start[slot + 1]):
                        if neutral_owner[q] == state:
                            other = sides[neutral_towards[q]]
                            if other != 0 and other != side:  # noqa: PLR1714 - numba
                                owes = True
                if owes:
                    conflicted[state] = True
                if (owes or clashed[state]) and abstain:
                    continue
                sides[state] = side
                follow = defender_slot[state] if side == 1 else attacker_slot[state]
                if follow >= 0:
                    next_strikes[n_next] = follow
                    n_next += 1
            for k in range(n_next):
                strikes[k] = next_strikes[k]
            n_strikes = n_next

        defence = 0.0
        offence = 0.0
        for i in range(n):
            side = sides[i]
            if side == 1:
                defence += capability[i]
            elif side == 2:
                offence += capability[i]
            if side != 0:
                joined[i, side - 1] += 1
                keys[s, i // 32] |= np.uint64(side) << np.uint64(2 * (i % 32))
            if conflicted[i]:
                conflicted_count[i] += 1
        win = defence > offence
        kept[:] = False
        for j in range(n_pairs):
            if honoured[s, j]:
                kept[pair_guarantor[j]] = True
        for i in range(n):
            defect_tally[i, 0 if kept[i] else 1, 1 if win else 0] += 1
    return keys, joined, conflicted_count, defect_tally
