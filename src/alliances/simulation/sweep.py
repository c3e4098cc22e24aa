"""Run a sweep: every cell on a backend, one checkpoint file per finished cell, then Parquet.

A cell's checkpoint is written atomically (a whole file or none) when its
result arrives, so a sweep killed at any moment loses at most the cells in
flight; ``resume=True`` skips every cell already checkpointed and computes
each missing one exactly once. The checkpoint folder (``OUT.partial``) is
removed once the table is written.

Examples
--------
>>> import tempfile, pathlib
>>> from alliances.simulation.spec import parse_spec
>>> spec = parse_spec("crises: [korea-dmz]\\nsweep: {samples: 2000}", "demo.yaml")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "sweep.parquet"
>>> table = run_sweep(spec, out, backend="inline")
>>> len(table), out.exists()
(1, True)
"""

from __future__ import annotations

import functools
import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from alliances.errors import AlliancesError
from alliances.io.atomic import write_text_atomic
from alliances.model import World
from alliances.obligations import Attack, CascadeRules, resolve_attack
from alliances.simulation.backends import Backend, use_backend
from alliances.simulation.estimates import estimate
from alliances.simulation.program import CrisisProgram, compile_crisis
from alliances.simulation.sampling import Crisis, sample_blocks
from alliances.simulation.spec import Cell, SweepSpec

__all__ = ["checkpoint_folder", "run_cell", "run_cells", "run_sweep"]

Progress = Callable[[int, int], None]
MAX_BATCH = 8
"""Most cells per backend task."""


def checkpoint_folder(out: Path) -> Path:
    """Where the cells of a sweep writing ``out`` are checkpointed."""
    return out.with_name(out.name + ".partial")


@functools.lru_cache(maxsize=32)
def _world(world: str | None, proposal: str) -> World:
    from alliances.io import load_world
    from alliances.io.proposals import CURRENT, proposal_world

    if proposal == CURRENT:
        return load_world(world)
    return proposal_world(proposal)


@functools.lru_cache(maxsize=256)
def _program(snapshot: World, attack: Attack, rules: CascadeRules) -> CrisisProgram:
    """A crisis compiled once per worker: cells differing only in parameters share it."""
    return compile_crisis(snapshot, attack, rules)


def run_cell(task: tuple[SweepSpec, Cell]) -> dict[str, Any]:
    """Simulate one cell; the row of the sweep's table (estimates and standard errors)."""
    spec, cell = task
    started = time.perf_counter()
    world, attack = _attack(spec, cell)
    rules = CascadeRules(counterattack_is_armed_attack=spec.counterattack_triggers)
    snapshot = world.at(attack.date)
    program = _program(snapshot, attack, rules)
    crisis = Crisis.priced(program, snapshot, cell.model(), capability=spec.capability)
    estimates = estimate(crisis, sample_blocks(crisis, seed=spec.seed, samples=spec.samples))
    balance = estimates.balance
    pivotal = estimates.most_pivotal
    row: dict[str, Any] = {
        **cell.columns(),
        "by": attack.aggressor,
        "on": attack.target,
        "at": attack.place,
        "date": attack.date.isoformat(),
        "samples": estimates.samples,
        "seed": spec.seed,
        "defenders_stronger": balance.defenders_stronger,
        "defenders_stronger_se": balance.defenders_stronger_se,
        "balance_mean": balance.mean,
        "balance_mean_se": balance.mean_se,
        **{f"balance_q{round(q * 100):02d}": value for q, value in balance.quantiles},
        "most_pivotal": pivotal.state if pivotal else None,
        "most_pivotal_loss": pivotal.loss if pivotal else None,
        "most_pivotal_loss_se": pivotal.loss_se if pivotal else None,
    }
    for odds in estimates.states:
        row[f"defender_{odds.state}"] = odds.defender
        row[f"defender_{odds.state}_se"] = odds.defender_se
        row[f"attacker_{odds.state}"] = odds.attacker
        row[f"attacker_{odds.state}_se"] = odds.attacker_se
    row["seconds"] = time.perf_counter() - started
    return row


def run_cells(task: tuple[SweepSpec, list[Cell]]) -> list[dict[str, Any]]:
    """Simulate a batch of cells (one task on a backend)."""
    spec, batch = task
    return [run_cell((spec, cell)) for cell in batch]


def _attack(spec: SweepSpec, cell: Cell) -> tuple[World, Attack]:
    """The cell's world and its attack, with names resolved as ``alliances attack`` does."""
    world = _world(spec.world, cell.proposal)
    if cell.crisis_id is None:
        return world, resolve_attack(world, by=cell.by, on=cell.on, at=cell.at, date=cell.date)
    return world, Attack.of_crisis(world.crisis(cell.crisis_id))


def run_sweep(
    spec: SweepSpec,
    out: Path | str,
    *,
    backend: str | Backend = "local",
    workers: int | None = None,
    address: str | None = None,
    resume: bool = False,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Run every cell of ``spec`` not yet checkpointed and write the table to ``out``."""
    out = Path(out)
    folder = checkpoint_folder(out)
    cells = spec.cells()
    for cell in cells:  # fail on a bad crisis or parameter before any file is written
        _attack(spec, cell)
        cell.model()
    done = _resume(folder, spec, resume, len(cells))
    todo = [cell for cell in cells if cell.index not in done]
    if progress:
        progress(len(done), len(cells))
    if todo:
        with use_backend(backend, workers=workers, address=address) as runner:
            # a few cells per task: per-task overhead (pickling, scheduling) stays small,
            # and each finished task's cells are checkpointed one file each
            size = max(1, min(MAX_BATCH, len(todo) // (8 * runner.workers)))
            batches = [todo[i : i + size] for i in range(0, len(todo), size)]
            for _, rows in runner.map(run_cells, [(spec, batch) for batch in batches]):
                for row in rows:
                    index = int(row["cell"])
                    write_text_atomic(folder / f"cell-{index:06d}.json", json.dumps(row))
                    done[index] = row
                if progress:
                    progress(len(done), len(cells))
    table = pd.DataFrame([done[cell.index] for cell in cells])
    _write_parquet(table, out)
    shutil.rmtree(folder, ignore_errors=True)
    return table


def _resume(folder: Path, spec: SweepSpec, resume: bool, cells: int) -> dict[int, dict[str, Any]]:
    """The rows already checkpointed (after checking they belong to this spec)."""
    manifest = folder / "spec.json"
    fingerprint = spec.fingerprint()
    if folder.exists() and not resume:
        raise AlliancesError(
            f"{folder} holds an unfinished sweep: add --resume to finish it, or delete the folder"
        )
    if not folder.exists():
        write_text_atomic(manifest, json.dumps({"fingerprint": fingerprint, "cells": cells}))
        return {}
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))["fingerprint"]
    except (OSError, ValueError, KeyError):
        raise AlliancesError(f"{manifest} is missing or damaged: delete {folder}") from None
    if recorded != fingerprint:
        raise AlliancesError(
            f"{folder} was made by a different spec (fingerprint {recorded}, now {fingerprint}):"
            " run the same spec, or delete the folder"
        )
    rows = {}
    for path in sorted(folder.glob("cell-*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        rows[int(row["cell"])] = row
    return rows


def _write_parquet(table: pd.DataFrame, out: Path) -> None:
    """Write the table so that ``out`` is never a partial file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.tmp")
    table.to_parquet(temporary, index=False)
    temporary.replace(out)
