"""Reading and writing scenario files."""

from alliances.io.loader import DEFAULT_WORLD, check_file, load_world
from alliances.io.schema import scenario_json_schema
from alliances.io.sources import embedded_world_names

__all__ = [
    "DEFAULT_WORLD",
    "check_file",
    "embedded_world_names",
    "load_world",
    "scenario_json_schema",
]
