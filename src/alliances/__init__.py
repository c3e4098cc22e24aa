"""alliances: military-alliance commitments, machine-readable and computable.

Heavy modules load on first use, so ``import alliances`` (and the command
line's ``--help``) stay fast.

Examples
--------
>>> import alliances
>>> world = alliances.load_world()
>>> report = alliances.attack(world, by="CHN", on="JPN", at="Senkaku Islands", date="2024-10-01")
>>> [f.state for f in report.triggered()]
['USA']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliances.errors import (
        AlliancesError,
        DateOutOfCoverageError,
        Problem,
        ScenarioError,
        UnknownEntityError,
    )
    from alliances.io import check_file, load_world, scenario_json_schema
    from alliances.model import World
    from alliances.obligations import (
        Attack,
        CascadeRules,
        Engine,
        ObligationReport,
        attack,
        evaluate,
    )

__all__ = [
    "AlliancesError",
    "Attack",
    "CascadeRules",
    "DateOutOfCoverageError",
    "Engine",
    "ObligationReport",
    "Problem",
    "ScenarioError",
    "UnknownEntityError",
    "World",
    "attack",
    "check_file",
    "evaluate",
    "load_world",
    "scenario_json_schema",
]

__version__ = "0.6.1"

_HOME = {
    "AlliancesError": "alliances.errors",
    "DateOutOfCoverageError": "alliances.errors",
    "Problem": "alliances.errors",
    "ScenarioError": "alliances.errors",
    "UnknownEntityError": "alliances.errors",
    "check_file": "alliances.io",
    "load_world": "alliances.io",
    "scenario_json_schema": "alliances.io",
    "World": "alliances.model",
    "Attack": "alliances.obligations",
    "CascadeRules": "alliances.obligations",
    "Engine": "alliances.obligations",
    "ObligationReport": "alliances.obligations",
    "attack": "alliances.obligations",
    "evaluate": "alliances.obligations",
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'alliances' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
