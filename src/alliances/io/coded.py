"""Pieces shared by the worlds built from coded research data (ATOP, COW).

Examples
--------
>>> coded_date(1914, 0, 0), coded_date(1914, 0, 0, last=True)
(datetime.date(1914, 1, 1), datetime.date(1914, 12, 31))
>>> latest([dt.date(1900, 1, 1), None]) is None
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from alliances.io.research import read_states
from alliances.model import Capital, State

__all__ = ["coded_date", "cow_states", "latest", "rows_by"]


def coded_date(year: float, month: float, day: float, *, last: bool = False) -> dt.date:
    """A date from coded year, month and day; 0 or missing month and day mean the start
    of the period (or, with ``last``, December and its 31st)."""
    month_i = int(month) if month > 0 else (12 if last else 1)
    day_i = int(day) if day > 0 else (31 if last and month_i == 12 else 1)
    try:
        return dt.date(int(year), month_i, day_i)
    except ValueError:  # e.g. an end of month coded as day 31
        return dt.date(int(year), month_i, 28)


def latest(ends: Iterable[dt.date | None]) -> dt.date | None:
    """The latest end date, or None when any period is still running."""
    known = list(ends)
    if any(end is None for end in known):
        return None
    return max(end for end in known if end is not None)


def cow_states(states_file: Path | str) -> tuple[dict[int, str], tuple[State, ...]]:
    """COW codes mapped to abbreviations, and the states (no capitals or figures)."""
    states = read_states(states_file, names=True).drop_duplicates("ccode")
    ids = {int(c): str(a) for c, a in zip(states["ccode"], states["stateabb"], strict=True)}
    names = {int(c): str(n) for c, n in zip(states["ccode"], states["statenme"], strict=True)}
    made = tuple(
        State(
            id=ids[c],
            cow=c,
            name=names[c],
            capital=Capital(name="", lat=0.0, lon=0.0),
            home_tags=("metropolitan",),
        )
        for c in sorted(ids)
    )
    return ids, made


def rows_by(frame: pd.DataFrame, key: str) -> dict[int, list[dict[str, float]]]:
    """The rows of ``frame`` as float dicts, grouped by the integer column ``key``."""
    groups: dict[int, list[dict[str, float]]] = {}
    for record in frame.to_dict("records"):
        row = {str(k): float(v) for k, v in record.items()}
        groups.setdefault(int(row[key]), []).append(row)
    return groups
