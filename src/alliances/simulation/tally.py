"""Integer counts from sampled cascades, mergeable in any order with identical results.

Examples
--------
>>> import numpy as np
>>> keys = np.array([[0b010110], [0b000110]], dtype=np.uint64)  # states 0..2: 2 1 1 / 2 1 0
>>> joined = np.array([[0, 2], [2, 0], [1, 0]])
>>> tally = Tally.of_block(keys, joined, np.zeros(3, np.int64), np.zeros((3, 2, 2), np.int64))
>>> tally.samples, sorted(tally.outcomes.values()), decode_outcome(max(tally.outcomes), 3)
(2, [1, 1], (2, 1, 1))
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["Tally", "decode_outcome"]

Counts = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True, eq=False)
class Tally:
    """Counts over samples of one crisis.

    ``joined[i] = (defender, attacker)`` samples of state i on each side;
    ``conflicted[i]`` samples where i had conflicting obligations;
    ``defect_tally[i, d, w]`` samples by whether state i honoured none of
    its commitments (d) and whether the defenders were stronger (w);
    ``outcomes`` maps each distinct outcome (the kernel's packed key, as
    little-endian bytes; see :func:`decode_outcome`) to its number of samples.
    """

    samples: int
    joined: Counts
    conflicted: Counts
    defect_tally: Counts
    outcomes: Counter[bytes]

    @staticmethod
    def empty(states: int) -> Tally:
        """The tally of no samples."""
        return Tally(
            samples=0,
            joined=np.zeros((states, 2), dtype=np.int64),
            conflicted=np.zeros(states, dtype=np.int64),
            defect_tally=np.zeros((states, 2, 2), dtype=np.int64),
            outcomes=Counter(),
        )

    @staticmethod
    def of_block(
        keys: npt.NDArray[np.uint64], joined: Counts, conflicted: Counts, defect_tally: Counts
    ) -> Tally:
        """Tally one block from the kernel's packed outcome keys and its counts."""
        if keys.shape[1] == 1:
            distinct, counts = np.unique(keys[:, 0], return_counts=True)
            found = {
                int(k).to_bytes(8, "little"): int(c) for k, c in zip(distinct, counts, strict=True)
            }
        else:
            rows = np.ascontiguousarray(keys).view(np.dtype((np.void, 8 * keys.shape[1])))
            distinct, counts = np.unique(rows[:, 0], return_counts=True)
            found = {bytes(k): int(c) for k, c in zip(distinct, counts, strict=True)}
        return Tally(
            samples=int(keys.shape[0]),
            joined=joined.astype(np.int64),
            conflicted=conflicted.astype(np.int64),
            defect_tally=defect_tally.astype(np.int64),
            outcomes=Counter(found),
        )

    def merge(self, other: Tally) -> Tally:
        """The tally of both sets of samples."""
        return Tally(
            samples=self.samples + other.samples,
            joined=self.joined + other.joined,
            conflicted=self.conflicted + other.conflicted,
            defect_tally=self.defect_tally + other.defect_tally,
            outcomes=self.outcomes + other.outcomes,
        )

    def same_as(self, other: Tally) -> bool:
        """True when every count is equal (bit-identical results)."""
        return (
            self.samples == other.samples
            and np.array_equal(self.joined, other.joined)
            and np.array_equal(self.conflicted, other.conflicted)
            and np.array_equal(self.defect_tally, other.defect_tally)
            and self.outcomes == other.outcomes
        )


def decode_outcome(key: bytes, states: int) -> tuple[int, ...]:
    """The side of each state (0 out, 1 defender, 2 attacker) packed in an outcome key."""
    packed = int.from_bytes(key, "little")  # word w holds states 32w..32w+31, low bits first
    return tuple((packed >> (2 * i)) & 3 for i in range(states))
