"""Gather the files of a scenario: the root file, its includes and the world it extends.

Examples
--------
>>> bundle = gather(embedded_world_path("indo-pacific-2024"))
>>> bundle.info["id"]
'indo-pacific-2024'
>>> len(bundle.items["states"]) >= 24
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path as FilePath
from typing import Any

from alliances.errors import Problem, ScenarioError, suggest
from alliances.io.schema import SECTION_MODELS
from alliances.io.yaml_source import Document, Path, parse_yaml

__all__ = ["Bundle", "Item", "embedded_world_names", "embedded_world_path", "gather"]

_ROOT_ONLY = ("format", "world", "extends", "include")
_SHARED = ("tags", *SECTION_MODELS)
MAX_FILE_BYTES = 5_000_000
_ENTITY = {
    "states": "state",
    "places": "place",
    "treaties": "treaty",
    "deployments": "deployment",
    "crises": "crisis",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a list section, with the document and path it came from."""

    doc: Document
    path: Path
    raw: Any
    entity: str | None = None

    @property
    def label(self) -> str:
        """How errors name this entry: ``treaty US-JPN`` or ``treaties[3]``."""
        section = str(self.path[0])
        entity = self.entity or _ENTITY.get(section, section)
        ident = self.raw.get("id") if isinstance(self.raw, dict) else None
        if isinstance(ident, str):
            return f"{entity} {ident}"
        return f"{section}[{self.path[1]}]" if len(self.path) > 1 else entity

    def problem(self, message: str, sub: Path = (), hint: str | None = None) -> Problem:
        """A problem located at ``sub`` within this entry."""
        return self.doc.problem((*self.path, *sub), message, entity=self.label, hint=hint)


@dataclass(slots=True)
class Bundle:
    """Everything read from a scenario's files, before validation."""

    info: dict[str, Any] = field(default_factory=dict)
    info_item: Item | None = None
    tags: dict[str, str] = field(default_factory=dict)
    items: dict[str, list[Item]] = field(default_factory=lambda: {s: [] for s in SECTION_MODELS})
    files: list[str] = field(default_factory=list)


def embedded_world_names() -> tuple[str, ...]:
    """Ids of the worlds shipped in the package."""
    root = resources.files("alliances.data")
    return tuple(
        sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
    )


def embedded_world_path(name: str) -> FilePath:
    """Path of an embedded world's root file."""
    return FilePath(str(resources.files("alliances.data") / name / "world.yaml"))


def gather(path: FilePath) -> Bundle:
    """Read ``path`` with everything it extends and includes; raise every problem at once."""
    bundle = Bundle()
    problems: list[Problem] = []
    _read_root(FilePath(path), bundle, problems, chain=())
    if problems:
        raise ScenarioError(problems)
    return bundle


def _read_root(
    path: FilePath, bundle: Bundle, problems: list[Problem], chain: tuple[FilePath, ...]
) -> None:
    doc = _read(path, problems)
    if doc is None:
        return
    data = doc.data
    base = data.get("extends")
    if isinstance(base, str):
        base_path = _resolve_base(base, path)
        if base_path is None:
            known = embedded_world_names()
            problems.append(
                doc.problem(
                    ("extends",),
                    f"no embedded world or file named {base!r}",
                    hint=suggest(base, known) or f"embedded: {', '.join(known)}",
                )
            )
        elif base_path.resolve() in chain or base_path.resolve() == path.resolve():
            problems.append(doc.problem(("extends",), f"{base!r} extends itself in a cycle"))
        else:
            _read_root(base_path, bundle, problems, (*chain, path.resolve()))
    if isinstance(data.get("world"), dict):
        bundle.info = data["world"]
        bundle.info_item = Item(doc, ("world",), data["world"])
    _take_sections(doc, bundle, problems, root=True)
    _read_includes(doc, path, bundle, problems, (*chain, path.resolve()))


def _read_includes(
    doc: Document,
    path: FilePath,
    bundle: Bundle,
    problems: list[Problem],
    chain: tuple[FilePath, ...],
) -> None:
    includes = doc.data.get("include", [])
    if not isinstance(includes, list):
        problems.append(doc.problem(("include",), "'include' must be a list of file paths"))
        return
    for index, name in enumerate(includes):
        target = path.parent / str(name)
        if target.resolve() in chain:
            problems.append(doc.problem(("include", index), f"{name!r} is included in a cycle"))
            continue
        if not target.is_file():
            problems.append(doc.problem(("include", index), f"included file {name!r} not found"))
            continue
        included = _read(target, problems)
        if included is not None:
            _take_sections(included, bundle, problems, root=False)
            _read_includes(included, target, bundle, problems, (*chain, target.resolve()))


def _read(path: FilePath, problems: list[Problem]) -> Document | None:
    text = _read_text(path, problems)
    if text is None:
        return None
    try:
        doc = parse_yaml(text, str(path))
    except ScenarioError as error:
        problems.extend(error.problems)
        return None
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "a scenario file must be a mapping of sections"))
        return None
    return doc


def _read_text(path: FilePath, problems: list[Problem]) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    message=f"file is {size} bytes; the limit is {MAX_FILE_BYTES}", file=str(path)
                )
            )
            return None
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(message="file not found", file=str(path)))
    except UnicodeDecodeError as error:
        problems.append(Problem(message=f"not UTF-8 text (byte {error.start})", file=str(path)))
    except OSError as error:
        problems.append(Problem(message=f"cannot read: {error.strerror}", file=str(path)))
    return None


def _take_sections(doc: Document, bundle: Bundle, problems: list[Problem], *, root: bool) -> None:
    bundle.files.append(doc.file)
    allowed = (*_ROOT_ONLY, *_SHARED) if root else ("include", *_SHARED)
    for key in doc.data:
        if key not in allowed:
            hint = suggest(str(key), allowed)
            where = "" if root else " in an included file"
            problems.append(doc.problem((key,), f"unknown section {key!r}{where}", hint=hint))
    tags = doc.data.get("tags", {})
    if isinstance(tags, dict):
        bundle.tags.update({str(k): str(v) for k, v in tags.items()})
    else:
        problems.append(doc.problem(("tags",), "'tags' must map each tag to its meaning"))
    for section in SECTION_MODELS:
        entries = doc.data.get(section, [])
        if not isinstance(entries, list):
            problems.append(doc.problem((section,), f"'{section}' must be a list"))
            continue
        bundle.items[section].extend(Item(doc, (section, i), raw) for i, raw in enumerate(entries))


def _resolve_base(base: str, path: FilePath) -> FilePath | None:
    if base in embedded_world_names():
        return embedded_world_path(base)
    candidate = path.parent / base
    return candidate if candidate.is_file() else None
