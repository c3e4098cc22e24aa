"""Read YAML into plain Python data while remembering where every value was.

Scalars stay strings when YAML would make them dates, so that an impossible
date (``2024-02-30``) becomes a located validation error, not a crash.

Examples
--------
>>> doc = parse_yaml("a:\\n  - x: 1\\n", "demo.yaml")
>>> doc.data
{'a': [{'x': 1}]}
>>> doc.position(("a", 0, "x"))
(2, 8)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from alliances.errors import Problem, ScenarioError

__all__ = ["Document", "Path", "parse_yaml"]

Path = tuple[str | int, ...]

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed file: its data and the (line, column) of each value, both 1-based."""

    file: str
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict, hash=False)

    def position(self, path: Path) -> tuple[int, int] | None:
        """Where the value at ``path`` starts (or its nearest located parent)."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return None

    def problem(
        self, path: Path, message: str, *, entity: str | None = None, hint: str | None = None
    ) -> Problem:
        """A :class:`Problem` located at ``path`` in this document."""
        line, column = self.position(path) or (None, None)
        return Problem(
            message=message, file=self.file, line=line, column=column, entity=entity, hint=hint
        )

    def resolve(self, path: Path, loc: Sequence[str | int]) -> Path:
        """Extend ``path`` with the parts of a validator's ``loc`` that exist in the data."""
        node = self.value_at(path)
        resolved = list(path)
        for part in loc:
            if _has_child(node, part):
                node = node[part]
                resolved.append(part)
        return tuple(resolved)

    def value_at(self, path: Path) -> Any:
        """The value at ``path`` (which must exist)."""
        node = self.data
        for part in path:
            node = node[part]
        return node


def _has_child(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def parse_yaml(text: str, file: str) -> Document:
    """Parse YAML text into a :class:`Document`; syntax errors become a ScenarioError."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = Problem(
            message=f"not valid YAML: {error.problem}", file=file, line=line, column=column
        )
        raise ScenarioError([problem]) from None
    except yaml.YAMLError as error:
        raise ScenarioError([Problem(message=f"not valid YAML: {error}", file=file)]) from None
    positions: dict[Path, tuple[int, int]] = {}
    problems: list[Problem] = []
    data = _convert(root, (), positions, problems, file) if root is not None else {}
    if problems:
        raise ScenarioError(problems)
    return Document(file=file, data=data, positions=positions)


def _convert(
    node: yaml.Node,
    path: Path,
    positions: dict[Path, tuple[int, int]],
    problems: list[Problem],
    file: str,
) -> Any:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        merged: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merged.update(_merge(value_node, path, positions, problems, file))
                continue
            key = _scalar(key_node)
            if key in result:
                problems.append(
                    Problem(
                        message=f"duplicate key {key!r}",
                        file=file,
                        line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1,
                    )
                )
            result[key] = _convert(value_node, (*path, key), positions, problems, file)
        positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return {**merged, **result}
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, index), positions, problems, file)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node)


def _merge(
    node: yaml.Node,
    path: Path,
    positions: dict[Path, tuple[int, int]],
    problems: list[Problem],
    file: str,
) -> dict[Any, Any]:
    """The mappings of a YAML merge key (``<<: *anchor``), later ones first."""
    sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
    merged: dict[Any, Any] = {}
    for source in reversed(sources):
        value = _convert(source, path, positions, problems, file)
        if isinstance(value, dict):
            merged.update(value)
    return merged


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if node.tag == _TIMESTAMP:
        return node.value
    try:
        return _constructor.construct_object(node)
    except yaml.YAMLError:
        # unknown or unsafe tags (`!python/object`, `=`) stay plain text; validation then
        # reports a wrong type at this position
        return str(node.value)


_constructor = yaml.SafeLoader("")
