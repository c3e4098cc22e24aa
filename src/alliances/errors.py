"""One exception tree for everything `alliances` raises on purpose.

The command line maps these to exit codes in one place (``cli.py``): every
:class:`AlliancesError` is a user error (exit 2), anything else is a bug.

Examples
--------
>>> problem = Problem(message="member 'JPX' is not a known state", file="world.yaml",
...                   line=41, column=7, entity="treaty US-JPN", hint="did you mean 'JPN'?")
>>> str(problem)
"world.yaml:41:7: treaty US-JPN: member 'JPX' is not a known state (did you mean 'JPN'?)"
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "AlliancesError",
    "DateOutOfCoverageError",
    "Problem",
    "ScenarioError",
    "UnknownEntityError",
    "suggest",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    entity: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ":".join(
            str(part) for part in (self.file, self.line, self.column) if part is not None
        )
        parts = [part for part in (where, self.entity) if part]
        text = ": ".join([*parts, self.message])
        return f"{text} ({self.hint})" if self.hint else text


class AlliancesError(Exception):
    """Base of every error `alliances` raises for bad input or impossible requests."""


class ScenarioError(AlliancesError):
    """A scenario file (or a set of included files) is invalid; holds every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__("\n".join([header, *(str(p) for p in self.problems)]))


class UnknownEntityError(AlliancesError):
    """A query names a state, place, treaty or crisis the world does not know."""

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        hint = suggest(name, known)
        message = f"unknown {kind} {name!r}"
        super().__init__(f"{message} ({hint})" if hint else message)


class DateOutOfCoverageError(AlliancesError):
    """A query date lies outside the period the world's data describes."""


def suggest(name: str, known: Iterable[str]) -> str | None:
    """Return a "did you mean" hint for a misspelt name, or None.

    Examples
    --------
    >>> suggest("JPX", ["JPN", "KOR", "USA"])
    "did you mean 'JPN'?"
    >>> suggest("zzz", ["JPN"]) is None
    True
    """
    by_folded = {candidate.casefold(): candidate for candidate in known}
    close = difflib.get_close_matches(name.casefold(), list(by_folded), n=1, cutoff=0.6)
    return f"did you mean {by_folded[close[0]]!r}?" if close else None
