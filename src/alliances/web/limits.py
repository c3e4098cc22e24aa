"""Guards on what users send: body size, YAML size after alias expansion, nesting depth.

Checked before the project's own parser sees the text, because that parser
expands aliases (a "billion laughs" document would exhaust memory) and
recurses once per nesting level.

Examples
--------
>>> check_yaml_budget("a: [1, 2, 3]\\n")
>>> bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\\n" + "".join(
...     f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\\n"
...     for p, c in zip("abcdefgh", "bcdefghi"))
>>> try:
...     check_yaml_budget(bomb)
... except TooLargeError as error:
...     print(str(error)[:48])
the document expands to more than 50,000 YAML no
"""

from __future__ import annotations

from typing import Any

import yaml

from alliances.errors import AlliancesError

__all__ = ["MAX_DEPTH", "MAX_NODES", "TooLargeError", "check_yaml_budget", "decode_text"]

MAX_NODES = 50_000
"""Largest number of YAML nodes a proposal may expand to (the biggest shipped has ~300)."""

MAX_DEPTH = 40
"""Deepest nesting a proposal may have (the shipped ones reach 8)."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TooLargeError(AlliancesError):
    """A request body is larger than the app accepts (HTTP 413)."""


def decode_text(body: bytes, limit: int) -> str:
    """The body as UTF-8 text, refusing bodies over ``limit`` bytes or not UTF-8.

    Examples
    --------
    >>> decode_text(b"edits: []", 100)
    'edits: []'
    """
    if len(body) > limit:
        raise TooLargeError(f"the upload is {len(body):,} bytes; the limit is {limit:,} bytes")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise AlliancesError(f"the upload is not UTF-8 text (byte {error.start})") from None


def check_yaml_budget(text: str, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> None:
    """Raise :class:`TooLargeError` if ``text`` expands past ``max_nodes`` or ``max_depth``.

    Walks the event stream (which never expands aliases), counting each alias
    as the size of the node it repeats, and refuses an alias inside the
    collection it names (:class:`AlliancesError`): expanding it never ends.
    Syntax errors pass through: the project's parser reports them with their
    position.
    """
    budget = _Budget(max_nodes, max_depth)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            budget.see(event)
    except yaml.YAMLError:
        return


class _Budget:
    """Running count of expanded nodes; open collections and anchored sizes."""

    def __init__(self, max_nodes: int, max_depth: int) -> None:
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.total = 0
        self.sizes: dict[str, int] = {}
        self.open: list[list[Any]] = []  # [anchor, expanded size so far] per open collection

    def see(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.AliasEvent):
            if any(anchor == event.anchor for anchor, _ in self.open):
                mark = event.start_mark
                where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
                raise AlliancesError(
                    f"{where}the alias *{event.anchor} repeats a collection from inside "
                    "itself; a proposal cannot be recursive"
                )
            self._add(self.sizes.get(event.anchor or "", 1))
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                self.sizes[event.anchor] = 1
            self._add(1)
        elif isinstance(event, yaml.CollectionStartEvent):
            self.open.append([event.anchor, 1])
            if len(self.open) > self.max_depth:
                raise TooLargeError(f"the document nests deeper than {self.max_depth} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = self.open.pop()
            if anchor:
                self.sizes[anchor] = size
            if self.open:
                self.open[-1][1] += size

    def _add(self, size: int) -> None:
        self.total += size
        if self.open:
            self.open[-1][1] += size
        if self.total > self.max_nodes or size > self.max_nodes:
            raise TooLargeError(
                f"the document expands to more than {self.max_nodes:,} YAML nodes "
                "(aliases included); proposals are far smaller"
            )
