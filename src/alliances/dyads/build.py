"""Dyad-year tables: every pair of system members in every year, with ATOP, COW and NMC columns.

Like peacesciencer's ``create_dyadyears() %>% add_atop_alliance() %>%
add_cow_alliance() %>% add_nmc()``, but vectorised (NumPy keys and binary
search) and with **missing kept missing**: outside a dataset's coverage (ATOP
after 2018, COW alliances after 2012, NMC after 2016) its columns are null,
never 0; inside it, a dyad-year with no alliance is 0.

Examples
--------
>>> import pandas as pd
>>> states = pd.DataFrame({"ccode": [2, 20, 200], "styear": [1816, 1920, 1816],
...                        "endyear": [2016, 2016, 2016]})
>>> table = dyad_years(states, start=1919, end=1920)
>>> len(table), table.year.tolist().count(1920)
(8, 6)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from alliances.dyads.atop import ATOP_COLUMNS, ATOP_END, ATOP_START
from alliances.dyads.cow import COW_COLUMNS, COW_END, COW_START
from alliances.errors import AlliancesError

__all__ = ["DyadSources", "dyad_years"]

NMC_START, NMC_END = 1816, 2016


@dataclass(frozen=True)
class DyadSources:
    """Prepared inputs (each optional): directed ATOP and COW rows, NMC state-years."""

    atop: pd.DataFrame | None = None
    cow: pd.DataFrame | None = None
    nmc: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)


def _key(a: NDArray[np.int64], b: NDArray[np.int64], year: NDArray[np.int64]) -> NDArray[np.int64]:
    return (a * 1000 + b) * 10000 + year


def dyad_years(
    states: pd.DataFrame,
    *,
    start: int,
    end: int,
    directed: bool = True,
    sources: DyadSources | None = None,
) -> pd.DataFrame:
    """One row per (dyad, year) of system members from ``start`` to ``end``."""
    if end < start:
        raise AlliancesError(f"--to {end} is before --from {start}")
    a, b, years = _system_pairs(states, start, end, directed)
    table: dict[str, object] = {"ccode1": a, "ccode2": b, "year": years}
    sources = sources or DyadSources()
    keys = _key(a, b, years)
    coded = (
        (sources.atop, ATOP_COLUMNS, (ATOP_START, ATOP_END)),
        (sources.cow, COW_COLUMNS, (COW_START, COW_END)),
    )
    for rows, columns, coverage in coded:
        if rows is not None:
            table.update(
                _flags(
                    rows,
                    columns,
                    keys=keys,
                    years=years,
                    coverage=coverage,
                    directed=directed,
                    a=a,
                    b=b,
                )
            )
    if sources.nmc is not None:
        cinc1, cinc2 = _cinc(sources.nmc, a, years), _cinc(sources.nmc, b, years)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = cinc1 / (cinc1 + cinc2)
            ratio = np.where(cinc2 > 0, cinc1 / cinc2, np.nan)
        table.update(
            {
                name: pd.arrays.FloatingArray(values, np.isnan(values))
                for name, values in (
                    ("cinc1", cinc1),
                    ("cinc2", cinc2),
                    ("capability_share", share),
                    ("capability_ratio", ratio),
                )
            }
        )
    frame = pd.DataFrame(table, copy=False)
    frame.attrs["notes"] = list(sources.notes)
    return frame


def _system_pairs(
    states: pd.DataFrame,
    start: int,
    end: int,
    directed: bool,
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
    codes = states["ccode"].to_numpy(np.int64)
    first = states["styear"].to_numpy(np.int64)
    last = states["endyear"].to_numpy(np.int64)
    parts_a, parts_b, parts_y = [], [], []
    for year in range(start, end + 1):
        members = np.unique(codes[(first <= year) & (last >= year)])
        if len(members) < 2:
            continue
        left, right = np.meshgrid(members, members, indexing="ij")
        mask = left != right if directed else left < right
        parts_a.append(left[mask])
        parts_b.append(right[mask])
        parts_y.append(np.full(int(mask.sum()), year, dtype=np.int64))
    if not parts_a:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    return np.concatenate(parts_a), np.concatenate(parts_b), np.concatenate(parts_y)


def _lookup(
    rows: pd.DataFrame,
    keys: NDArray[np.int64],
    columns: tuple[str, ...],
) -> tuple[NDArray[np.bool_], NDArray[np.int64], NDArray[np.int8]]:
    row_keys = _key(
        rows["ccode1"].to_numpy(np.int64),
        rows["ccode2"].to_numpy(np.int64),
        rows["year"].to_numpy(np.int64),
    )
    order = np.argsort(row_keys, kind="stable")
    sorted_keys = row_keys[order]
    position = np.searchsorted(sorted_keys, keys)
    position = np.minimum(position, max(len(sorted_keys) - 1, 0))
    found = sorted_keys[position] == keys if len(sorted_keys) else np.zeros(len(keys), bool)
    values = rows[list(columns)].to_numpy(np.int8)[order]
    return found, position, values


def _flags(
    rows: pd.DataFrame,
    columns: tuple[str, ...],
    *,
    keys: NDArray[np.int64],
    years: NDArray[np.int64],
    coverage: tuple[int, int],
    directed: bool,
    a: NDArray[np.int64],
    b: NDArray[np.int64],
) -> dict[str, pd.arrays.IntegerArray]:
    found, position, values = _lookup(rows, keys, columns)
    hits = np.zeros((len(keys), len(columns)), dtype=np.int8)
    if len(values):
        hits[found] = values[position[found]]
    if not directed:  # either state's obligation toward the other
        back, back_position, _ = _lookup(rows, _key(b, a, years), columns)
        if len(values):
            hits[back] = np.maximum(hits[back], values[back_position[back]])
    outside = (years < coverage[0]) | (years > coverage[1])
    return {
        column: pd.arrays.IntegerArray(np.ascontiguousarray(hits[:, i]), outside)
        for i, column in enumerate(columns)
    }


def _cinc(
    nmc: pd.DataFrame,
    codes: NDArray[np.int64],
    years: NDArray[np.int64],
) -> NDArray[np.float64]:
    table = np.full((1000, NMC_END - NMC_START + 1), np.nan)
    rows = nmc[(nmc["year"] >= NMC_START) & (nmc["year"] <= NMC_END) & (nmc["ccode"] < 1000)]
    table[rows["ccode"].to_numpy(np.int64), rows["year"].to_numpy(np.int64) - NMC_START] = rows[
        "cinc"
    ].to_numpy(float)
    inside = (years >= NMC_START) & (years <= NMC_END)
    result = np.full(len(codes), np.nan)
    result[inside] = table[codes[inside], years[inside] - NMC_START]
    return result
