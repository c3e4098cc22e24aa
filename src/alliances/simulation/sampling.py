"""Honour probabilities per commitment, and the sampler that draws blocks of samples.

Randomness is keyed by block, not by worker: block ``b`` of a run with seed
``S`` always draws from ``SeedSequence(S, spawn_key=(b,))`` (the same child
``SeedSequence(S).spawn`` would give), so a seed gives the same samples
whatever the backend, the number of workers or how blocks are grouped into
chunks. Everything a block returns is an integer count, so merging blocks
in any order gives bit-identical totals.

Examples
--------
>>> import alliances
>>> from alliances.obligations import Attack
>>> world = alliances.load_world().at("2024-10-01")
>>> crisis = Crisis.of(world, Attack(aggressor="PRK", target="KOR", place="KOR",
...                                  date=world.date), preset("certain"))
>>> tally = sample_blocks(crisis, seed=1, samples=1000)
>>> int(tally.joined[crisis.program.states.index("USA"), 0])  # USA defends in every sample
1000
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from alliances.metrics.encirclement import distance_km
from alliances.model import World, great_circle_km
from alliances.obligations import Attack, CascadeRules
from alliances.obligations.rules import DEFAULT_RULES
from alliances.simulation.kernel import Cascaded, cascade_block
from alliances.simulation.program import CrisisProgram, compile_crisis
from alliances.simulation.reliability import ReliabilityModel, preset
from alliances.simulation.tally import Tally

__all__ = [
    "BLOCK",
    "Crisis",
    "blocks_of",
    "pair_probabilities",
    "replay",
    "sample_blocks",
    "tally_blocks",
]

BLOCK = 16_384
"""Samples per block: the unit of randomness (fixed, so results never depend on chunking)."""


@dataclass(frozen=True, slots=True, eq=False)
class Crisis:
    """A compiled crisis with each commitment's honour probability and each state's capability."""

    program: CrisisProgram
    probabilities: npt.NDArray[np.float64]
    coupling: str
    capability: npt.NDArray[np.float64]
    capability_figure: str
    missing_capability: tuple[str, ...]

    @staticmethod
    def of(
        world: World,
        attack: Attack,
        model: ReliabilityModel | None = None,
        *,
        rules: CascadeRules = DEFAULT_RULES,
        capability: str = "military_expenditure_usd",
    ) -> Crisis:
        """Compile ``attack`` on ``world`` and price its commitments with ``model``."""
        snapshot = world.at(attack.date)
        program = compile_crisis(snapshot, attack, rules)
        return Crisis.priced(program, snapshot, model, capability=capability)

    @staticmethod
    def priced(
        program: CrisisProgram,
        snapshot: World,
        model: ReliabilityModel | None = None,
        *,
        capability: str = "military_expenditure_usd",
    ) -> Crisis:
        """An already compiled crisis with its commitments priced by ``model``."""
        values = [snapshot.state(s).figure(capability) for s in program.states]
        model = model or preset("leeds2000")
        return Crisis(
            program=program,
            probabilities=pair_probabilities(snapshot, program, model),
            coupling=model.coupling,
            capability=np.array([v or 0.0 for v in values], dtype=np.float64),
            capability_figure=capability,
            missing_capability=tuple(
                s for s, v in zip(program.states, values, strict=True) if v is None
            ),
        )


def pair_probabilities(
    snapshot: World, program: CrisisProgram, model: ReliabilityModel
) -> npt.NDArray[np.float64]:
    """Honour probability of each (guarantor, beneficiary) pair of ``program``.

    A pair with several triggered pledges takes its firmest (most probable)
    one; a user override replaces the model's value.
    """
    attack = program.attack
    place = snapshot.place(attack.place)
    aggressor = snapshot.state(attack.aggressor)
    stationed = {(d.guest, d.host) for d in snapshot.deployments_in_force()}
    result = np.empty(len(program.pairs), dtype=np.float64)
    for index, ((guarantor, beneficiary), pledges) in enumerate(
        zip(program.pairs, program.pair_pledges, strict=True)
    ):
        fixed = model.override(guarantor, beneficiary)
        if fixed is not None:
            result[index] = fixed
            continue
        state = snapshot.state(guarantor)
        distance = great_circle_km(state.capital.lat, state.capital.lon, place.lat, place.lon)
        exposed = distance_km(state, aggressor) <= model.exposure_km
        tripwire = (guarantor, beneficiary) in stationed
        result[index] = max(
            model.probability(
                strength=p.obligation.strength.value,
                tripwire=tripwire,
                distance_km=distance,
                exposed=exposed,
            )
            for p in pledges
        )
    return result


def blocks_of(samples: int) -> list[tuple[int, int]]:
    """(block number, samples in it) for a run of ``samples``: full blocks, then the remainder."""
    if samples < 1:
        raise ValueError(f"samples must be at least 1, got {samples}")
    full, rest = divmod(samples, BLOCK)
    return [(b, BLOCK) for b in range(full)] + ([(full, rest)] if rest else [])


def draw_block(crisis: Crisis, seed: int, block: int, size: int) -> npt.NDArray[np.bool_]:
    """Which commitments each sample of block ``block`` honours (``size`` x pairs).

    With guarantor coupling one uniform draw per state and sample decides all
    that state's commitments; with pair coupling, one per commitment.
    """
    generator = np.random.Generator(
        np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(block,)))
    )
    program = crisis.program
    if crisis.coupling == "pair":
        return generator.random((size, len(program.pairs))) < crisis.probabilities
    uniform = generator.random((size, program.size))
    return uniform[:, program.pair_guarantor] < crisis.probabilities


def replay(crisis: Crisis, honoured: npt.NDArray[np.bool_]) -> Cascaded:
    """The compiled cascade of ``crisis`` for each row of decisions (see :func:`cascade_block`)."""
    program = crisis.program
    return cascade_block(
        honoured,
        program.pair_guarantor,
        crisis.capability,
        program.defender_slot,
        program.attacker_slot,
        program.initial_slots,
        program.edge_start,
        program.edge_state,
        program.edge_side,
        program.edge_pair,
        program.neutral_start,
        program.neutral_owner,
        program.neutral_towards,
        program.rules.on_conflict == "abstain",
    )


def run_block(crisis: Crisis, seed: int, block: int, size: int) -> Tally:
    """Draw and cascade one block; integer tallies only."""
    return Tally.of_block(*replay(crisis, draw_block(crisis, seed, block, size)))


def tally_blocks(crisis: Crisis, *, seed: int, blocks: list[tuple[int, int]]) -> Tally:
    """The merged tally of some ``(block, size)`` blocks of a run (any grouping, same counts)."""
    tally = Tally.empty(crisis.program.size)
    for block, size in blocks:
        tally = tally.merge(run_block(crisis, seed, block, size))
    return tally


def sample_blocks(crisis: Crisis, *, seed: int, samples: int) -> Tally:
    """The tally of a whole run of ``samples``."""
    return tally_blocks(crisis, seed=seed, blocks=blocks_of(samples))
