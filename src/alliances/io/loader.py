"""Load a world from a scenario file (or the embedded default) in one call.

Examples
--------
>>> world = load_world()
>>> world.id
'indo-pacific-2024'
"""

from __future__ import annotations

import functools
from pathlib import Path

from alliances.errors import ScenarioError
from alliances.io.build import build_world
from alliances.io.sources import embedded_world_names, embedded_world_path, gather
from alliances.io.validate import check_bundle
from alliances.model import World

__all__ = ["DEFAULT_WORLD", "check_file", "load_world"]

DEFAULT_WORLD = "indo-pacific-2024"


def load_world(source: str | Path | None = None) -> World:
    """Load a world: an embedded world's id, a scenario file, ``atop:FOLDER`` or
    ``cow:FOLDER`` (the research files in FOLDER), or the default.

    Raises
    ------
    ScenarioError
        With every problem found, each located at file:line:column.
    """
    if isinstance(source, str) and source.startswith(("atop:", "cow:")):
        return _research_world(source)
    path = _locate(source)
    if source is None or str(source) in embedded_world_names():
        return _load_embedded(str(path))
    return _load_path(path)


def check_file(path: str | Path) -> World:
    """Validate a scenario file fully; return the world it describes."""
    return _load_path(Path(path))


@functools.lru_cache(maxsize=4)
def _research_world(source: str) -> World:
    """``atop:FOLDER`` or ``cow:FOLDER``: a world from the research files in FOLDER."""
    kind, folder = source.split(":", 1)
    base = Path(folder)
    if kind == "atop":
        from alliances.io.atop import atop_world

        return atop_world(base / "atop5_1m.csv", base / "states2016.csv")
    from alliances.io.cow import cow_world

    return cow_world(base / "alliance_v4.1_by_member.csv", base / "states2016.csv")


@functools.lru_cache(maxsize=8)
def _load_embedded(path: str) -> World:
    return _load_path(Path(path))


def _locate(source: str | Path | None) -> Path:
    if source is None:
        return embedded_world_path(DEFAULT_WORLD)
    if str(source) in embedded_world_names():
        return embedded_world_path(str(source))
    return Path(source)


def _load_path(path: Path) -> World:
    bundle = gather(path)
    checked, problems = check_bundle(bundle, default_id=path.stem)
    if checked is None:
        raise ScenarioError(problems)
    return build_world(checked)
