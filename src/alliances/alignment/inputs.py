"""Raw landscape input: a JSON file of actors, sizes and a propensity matrix.

Examples
--------
>>> import json, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "in.json"
>>> _ = path.write_text(json.dumps({"actors": ["A", "B"], "sizes": [1, 2],
...                                 "propensity": [[0, -1], [-1, 0]]}))
>>> read_landscape(path).actors
('A', 'B')
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from alliances.alignment.landscape import Landscape
from alliances.errors import AlliancesError, Problem, ScenarioError

__all__ = ["embedded_landscape_names", "load_landscape_spec", "read_landscape"]


def read_landscape(path: Path | str) -> Landscape:
    """Read and validate ``{"actors": [...], "sizes": [...], "propensity": [[...]]}``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScenarioError([Problem(message="file not found", file=str(path))]) from None
    except json.JSONDecodeError as error:
        raise ScenarioError(
            [
                Problem(
                    message=f"not valid JSON: {error.msg}",
                    file=str(path),
                    line=error.lineno,
                    column=error.colno,
                )
            ]
        ) from None
    except (UnicodeDecodeError, OSError) as error:
        raise ScenarioError([Problem(message=f"cannot read: {error}", file=str(path))]) from None
    if not isinstance(data, dict):
        raise ScenarioError(
            [
                Problem(
                    message="expected a JSON object with actors, sizes and propensity",
                    file=str(path),
                )
            ]
        )
    missing = [key for key in ("actors", "sizes", "propensity") if key not in data]
    if missing:
        raise ScenarioError(
            [Problem(message=f"missing key(s): {', '.join(missing)}", file=str(path))]
        )
    try:
        return Landscape.from_arrays(data["actors"], data["sizes"], data["propensity"])
    except (AlliancesError, ValueError, TypeError) as error:
        raise ScenarioError([Problem(message=str(error), file=str(path))]) from None


def embedded_landscape_names() -> tuple[str, ...]:
    """Ids of the landscapes shipped in the package (``data/landscapes``)."""
    folder = resources.files("alliances.data") / "landscapes"
    return tuple(
        sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))
    )


def load_landscape_spec(source: str | Path) -> tuple[Landscape, dict[str, Any]]:
    """A landscape built from a component file (e.g. ``europe-1936``), and the file's data.

    Each component scores every unordered pair (``scoring``: ``pairs``,
    ``same-group`` or ``same-or-different-group``); p_ij is the sum over
    components of weight x sign x score.
    """
    if str(source) in embedded_landscape_names():
        path = Path(str(resources.files("alliances.data") / "landscapes" / f"{source}.yaml"))
    else:
        path = Path(source)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ScenarioError(
            [Problem(message=f"cannot read landscape: {error}", file=str(path))]
        ) from None
    actors = list(data["actors"])
    index = {a: i for i, a in enumerate(actors)}
    propensity = np.zeros((len(actors), len(actors)))
    for name, component in data["components"].items():
        scores = _component_scores(component, index, name, str(path))
        propensity += float(component["weight"]) * float(component["sign"]) * scores
    sizes = [float(data["sizes"][a]["value"]) for a in actors]
    return Landscape.from_arrays(actors, sizes, propensity), data


def _component_scores(
    component: dict[str, Any], index: dict[str, int], name: str, file: str
) -> np.ndarray:
    n = len(index)
    scores = np.zeros((n, n))
    scoring = component.get("scoring")
    if scoring == "pairs":
        for first, second, *_ in component.get("pairs") or []:
            scores[index[first], index[second]] = scores[index[second], index[first]] = 1.0
    elif scoring in ("same-group", "same-or-different-group"):
        group = {a: g for g, members in component["groups"].items() for a in members}
        unmatched = set(component.get("unmatched", []))
        for a, i in index.items():
            for b, j in index.items():
                if i == j:
                    continue
                if group[a] == group[b] and group[a] not in unmatched:
                    scores[i, j] = 1.0
                elif group[a] != group[b] and scoring == "same-or-different-group":
                    scores[i, j] = -1.0
    else:
        raise ScenarioError(
            [
                Problem(
                    message=f"component {name!r}: unknown scoring {scoring!r}",
                    file=file,
                    hint="pairs, same-group or same-or-different-group",
                )
            ]
        )
    return scores
