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
from pathlib import Path

from alliances.alignment.landscape import Landscape
from alliances.errors import AlliancesError, Problem, ScenarioError

__all__ = ["read_landscape"]


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
