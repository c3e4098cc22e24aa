"""A sweep's YAML spec: crises x proposals x reliability parameters, validated with locations.

Examples
--------
>>> spec = parse_spec('''
... sweep: {samples: 5000, seed: 3}
... crises: [korea-dmz, {aggressor: CHN, target: PHL, place: second-thomas-shoal, date: 2024-10-01}]
... proposals: [current, asian-nato-core]
... parameters: {base_rate: [0.5, 0.745]}
... ''', "demo.yaml")
>>> len(spec.cells())
8
>>> spec.cells()[0].label
'korea-dmz'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator

from alliances.errors import AlliancesError, Problem, ScenarioError, suggest
from alliances.io.schema import StrictModel
from alliances.io.sources import Item
from alliances.io.validate import parse_entry
from alliances.io.yaml_source import Document, parse_yaml
from alliances.simulation.reliability import PRESETS, ReliabilityModel, parse_overrides, preset

__all__ = ["PARAMETERS", "Cell", "SweepSpec", "load_spec", "parse_spec"]

PARAMETERS = (
    "preset",
    "base_rate",
    "tripwire_odds",
    "odds_per_1000km",
    "exposure_odds",
    "exposure_km",
    "coupling",
    "overrides",
)
"""Reliability parameters a sweep can vary (a list of values each)."""


class _SweepIn(StrictModel):
    samples: int = Field(default=20_000, ge=1, le=100_000_000)
    seed: int = Field(default=0, ge=0)
    world: str | None = None
    capability: str = "military_expenditure_usd"
    counterattack_triggers: bool = False


class _CrisisIn(StrictModel):
    """A crisis spelled out, with the field names of a scenario file's ``crises``."""

    aggressor: str
    target: str
    place: str | None = None
    date: dt.date | None = None
    name: str | None = None


class _ParametersIn(StrictModel):
    preset: list[str] = Field(default_factory=lambda: ["leeds2000"], min_length=1)
    base_rate: list[float] | None = Field(default=None, min_length=1)
    tripwire_odds: list[float] | None = Field(default=None, min_length=1)
    odds_per_1000km: list[float] | None = Field(default=None, min_length=1)
    exposure_odds: list[float] | None = Field(default=None, min_length=1)
    exposure_km: list[float] | None = Field(default=None, min_length=1)
    coupling: list[Literal["guarantor", "pair"]] | None = Field(default=None, min_length=1)
    overrides: list[dict[str, float]] | None = Field(default=None, min_length=1)

    @field_validator("preset")
    @classmethod
    def _known(cls, values: list[str]) -> list[str]:
        for value in values:
            if value not in PRESETS:
                raise ValueError(f"unknown preset {value!r} (known: {', '.join(PRESETS)})")
        return values

    @field_validator("overrides")
    @classmethod
    def _pairs(cls, values: list[dict[str, float]] | None) -> list[dict[str, float]] | None:
        for mapping in values or []:
            try:
                _parsed(mapping)
            except AlliancesError as error:
                raise ValueError(str(error)) from None
        return values


@dataclass(frozen=True, slots=True)
class Cell:
    """One simulation of a sweep: a crisis in a proposal's world under one reliability model."""

    index: int
    label: str
    by: str
    on: str
    at: str | None
    date: dt.date | None
    crisis_id: str | None
    proposal: str
    parameters: tuple[tuple[str, Any], ...]

    def model(self) -> ReliabilityModel:
        """The reliability model of this cell (its preset, then its parameter values)."""
        values = dict(self.parameters)
        chosen = preset(values.pop("preset"))
        if "overrides" in values:
            chosen = chosen.with_overrides(_parsed(values.pop("overrides")))
        return replace(chosen, **values)

    def columns(self) -> dict[str, Any]:
        """The cell's identifying columns in the sweep's table."""
        values = dict(self.parameters)
        if "overrides" in values:
            values["overrides"] = json.dumps(values["overrides"], sort_keys=True)
        return {
            "cell": self.index,
            "crisis": self.label,
            "by": self.by,
            "on": self.on,
            "at": self.at,
            "date": self.date.isoformat() if self.date else None,
            "proposal": self.proposal,
            **values,
        }


def _parsed(mapping: dict[str, float]) -> dict[tuple[str, str], float]:
    """A spec's ``{"USA->TWN": 0.4}`` overrides, read as ``--override`` reads them."""
    return parse_overrides([f"{key}={probability}" for key, probability in mapping.items()])


@dataclass(frozen=True, slots=True)
class SweepSpec:
    """A validated sweep spec and the grid of cells it defines."""

    file: str
    samples: int
    seed: int
    world: str | None
    capability: str
    counterattack_triggers: bool
    crises: tuple[_CrisisIn | str, ...]
    proposals: tuple[str, ...]
    grid: tuple[tuple[str, tuple[Any, ...]], ...]

    def cells(self) -> list[Cell]:
        """Every cell, in a fixed order: crisis, then proposal, then parameters."""
        names = [name for name, _ in self.grid]
        combinations = list(itertools.product(*(values for _, values in self.grid)))
        cells: list[Cell] = []
        for crisis, proposal, combination in itertools.product(
            self.crises, self.proposals, combinations
        ):
            if isinstance(crisis, str):
                crisis_id, label, by, on, at, date = crisis, crisis, "", "", None, None
            else:
                crisis_id, label = None, crisis.name or f"{crisis.aggressor}->{crisis.target}"
                by, on, at, date = crisis.aggressor, crisis.target, crisis.place, crisis.date
            cells.append(
                Cell(
                    index=len(cells),
                    label=label,
                    by=by,
                    on=on,
                    at=at,
                    date=date,
                    crisis_id=crisis_id,
                    proposal=proposal,
                    parameters=tuple(zip(names, combination, strict=True)),
                )
            )
        return cells

    def fingerprint(self) -> str:
        """A hash of everything that determines the results (checkpoints must match it)."""
        canonical = json.dumps(
            {
                "samples": self.samples,
                "seed": self.seed,
                "world": self.world,
                "capability": self.capability,
                "counterattack_triggers": self.counterattack_triggers,
                "cells": [c.columns() for c in self.cells()],
            },
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def load_spec(path: Path | str) -> SweepSpec:
    """Read and validate a sweep spec file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError([Problem(message=f"cannot read: {error}", file=str(path))]) from None
    return parse_spec(text, str(path))


def parse_spec(text: str, file: str) -> SweepSpec:
    """Validate a sweep spec's text; every problem is reported with its line."""
    doc = parse_yaml(text, file)
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []
    sections = ("sweep", "crises", "proposals", "parameters")
    for key in data:
        if key not in sections:
            problems.append(
                doc.problem((key,), f"unknown section {key!r}", hint=suggest(str(key), sections))
            )
    sweep = parse_entry(Item(doc, ("sweep",), data.get("sweep", {}), "sweep"), _SweepIn, problems)
    parameters = parse_entry(
        Item(doc, ("parameters",), data.get("parameters", {}), "parameters"),
        _ParametersIn,
        problems,
    )
    crises = _crises(doc, data.get("crises"), problems)
    proposals = _proposals(doc, data.get("proposals", ["current"]), problems)
    if problems or not isinstance(sweep, _SweepIn) or not isinstance(parameters, _ParametersIn):
        raise ScenarioError(problems)
    grid = tuple(
        (name, tuple(values))
        for name in PARAMETERS
        if (values := getattr(parameters, name)) is not None
    )
    return SweepSpec(
        file=file,
        samples=sweep.samples,
        seed=sweep.seed,
        world=sweep.world,
        capability=sweep.capability,
        counterattack_triggers=sweep.counterattack_triggers,
        crises=tuple(crises),
        proposals=tuple(proposals),
        grid=grid,
    )


def _crises(doc: Document, raw: Any, problems: list[Problem]) -> list[_CrisisIn | str]:
    if not isinstance(raw, list) or not raw:
        problems.append(doc.problem(("crises",), "'crises' must be a non-empty list"))
        return []
    found: list[_CrisisIn | str] = []
    for index, entry in enumerate(raw):
        if isinstance(entry, str):
            found.append(entry)
            continue
        parsed = parse_entry(Item(doc, ("crises", index), entry, "crisis"), _CrisisIn, problems)
        if isinstance(parsed, _CrisisIn):
            found.append(parsed)
    return found


def _proposals(doc: Document, raw: Any, problems: list[Problem]) -> list[str]:
    if not isinstance(raw, list) or not raw or not all(isinstance(p, str) for p in raw):
        problems.append(doc.problem(("proposals",), "'proposals' must be a list of names"))
        return []
    return list(raw)
