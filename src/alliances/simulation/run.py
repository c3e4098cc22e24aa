"""Simulate one crisis: resolve names, compile, sample on a backend, estimate.

Examples
--------
>>> import alliances
>>> result = simulate(alliances.load_world(), by="PRK", on="KOR", date="2024-10-01",
...                   samples=20_000, seed=7, backend="inline")
>>> 0.6 < result.estimates.state("USA").defender < 0.95
True
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from alliances.errors import AlliancesError
from alliances.model import World
from alliances.obligations import CascadeRules, evaluate, resolve_attack
from alliances.obligations.rules import DEFAULT_RULES
from alliances.simulation.backends import Backend, use_backend
from alliances.simulation.estimates import Estimates, estimate
from alliances.simulation.reliability import ReliabilityModel, preset
from alliances.simulation.sampling import Crisis, blocks_of, tally_blocks
from alliances.simulation.tally import Tally

__all__ = ["Simulation", "simulate"]


@dataclass(frozen=True, slots=True, eq=False)
class Simulation:
    """A simulated crisis: its inputs, what the treaties oblige, and the estimates."""

    crisis: Crisis
    model: ReliabilityModel
    seed: int
    tally: Tally
    estimates: Estimates
    obliged: dict[str, str]
    backend: str
    workers: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """One JSON-ready object; each state's entry carries its odds of joining each side."""
        attack = self.crisis.program.attack
        program = self.crisis.program
        probabilities = dict(zip(program.pairs, self.crisis.probabilities.tolist(), strict=True))
        estimates = self.estimates.to_dict()
        for entry in estimates["states"]:
            entry["obliged_side"] = self.obliged.get(entry["state"])
        return {
            "attack": {
                "by": attack.aggressor,
                "on": attack.target,
                "at": attack.place,
                "date": attack.date.isoformat(),
            },
            "seed": self.seed,
            "reliability": self.model.to_dict(),
            "commitments": [
                {"guarantor": g, "beneficiary": b, "probability": p}
                for (g, b), p in probabilities.items()
            ],
            **estimates,
            "backend": self.backend,
            "workers": self.workers,
            "seconds": self.seconds,
        }


def simulate(
    world: World,
    *,
    by: str,
    on: str,
    at: str | None = None,
    date: dt.date | str | None = None,
    samples: int = 100_000,
    seed: int = 0,
    model: ReliabilityModel | None = None,
    rules: CascadeRules = DEFAULT_RULES,
    capability: str = "military_expenditure_usd",
    backend: str | Backend = "local",
    workers: int | None = None,
    address: str | None = None,
) -> Simulation:
    """Monte Carlo over honour/defect decisions for one crisis (see docs/simulation.md)."""
    if samples < 1:
        raise AlliancesError(f"--samples must be at least 1, got {samples}")
    attack = resolve_attack(world, by=by, on=on, at=at, date=date)
    chosen = model or preset("leeds2000")
    crisis = Crisis.of(world, attack, chosen, rules=rules, capability=capability)
    started = time.perf_counter()
    blocks = blocks_of(samples)
    if len(blocks) == 1 and backend == "local":
        backend = "inline"  # one block: starting processes would cost more than it saves
    with use_backend(backend, workers=workers, address=address) as runner:
        chunks = _chunks(blocks, runner.workers)
        tally = Tally.empty(crisis.program.size)
        for _, part in runner.map(_run_chunk, [(crisis, seed, chunk) for chunk in chunks]):
            tally = tally.merge(part)
        used, name = runner.workers, runner.name
    report = evaluate(world, attack, cascade=True, rules=rules)
    return Simulation(
        crisis=crisis,
        model=chosen,
        seed=seed,
        tally=tally,
        estimates=estimate(crisis, tally),
        obliged={state: side.value for state, side in report.sides.items()},
        backend=name,
        workers=used,
        seconds=time.perf_counter() - started,
    )


def _chunks(blocks: list[tuple[int, int]], workers: int) -> list[list[tuple[int, int]]]:
    """Contiguous groups of blocks, about two per worker (any grouping gives the same result)."""
    count = max(1, min(len(blocks), 2 * workers))
    size = -(-len(blocks) // count)
    return [blocks[i : i + size] for i in range(0, len(blocks), size)]


def _run_chunk(task: tuple[Crisis, int, list[tuple[int, int]]]) -> Tally:
    crisis, seed, blocks = task
    return tally_blocks(crisis, seed=seed, blocks=blocks)
