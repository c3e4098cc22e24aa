"""Dyad-year tables for research from ATOP, COW alliances, NMC and the COW state system.

Examples
--------
>>> import pathlib
>>> folder = pathlib.Path("../shared/data")
>>> table = dyads(folder, start=1914, end=1914, with_=("atop",)) if folder.is_dir() else None
>>> table is None or int(table.query("ccode1 == 255 and ccode2 == 300").atop_defense.iloc[0]) == 1
True
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from alliances.dyads.atop import ATOP_COLUMNS, atop_directed
from alliances.dyads.build import DyadSources, dyad_years
from alliances.dyads.cow import COW_COLUMNS, cow_directed
from alliances.dyads.export import EXPORT_SUFFIXES, write_table
from alliances.errors import AlliancesError
from alliances.io.research import (
    WHERE,
    read_atop_directed,
    read_atop_members,
    read_cow_dyads,
    read_nmc,
    read_states,
)

__all__ = [
    "ATOP_COLUMNS",
    "COW_COLUMNS",
    "DATASETS",
    "EXPORT_SUFFIXES",
    "FILES",
    "WHERE",
    "DyadSources",
    "atop_directed",
    "cow_directed",
    "dyad_years",
    "dyads",
    "load_sources",
    "read_atop_directed",
    "read_atop_members",
    "read_cow_dyads",
    "read_nmc",
    "read_states",
    "write_table",
]

DATASETS = ("atop", "cow", "nmc")
FILES = {
    "states": "states2016.csv",
    "atop": "atop5_1m.csv",
    "atop-ddyr": "atop5_1ddyr.csv",
    "cow": "alliance_v4.1_by_dyad.csv",
    "nmc": "NMC-60-abridged.csv",
}
"""The official file names looked for in the data folder."""


def load_sources(folder: Path | str, with_: Sequence[str] = DATASETS) -> DyadSources:
    """Read and prepare the requested datasets from ``folder`` (official file names).

    ATOP's own directed dyad-year file is used when present; otherwise the
    directed coding is derived from the member file (docs/dyads.md).
    """
    unknown = [d for d in with_ if d not in DATASETS]
    if unknown:
        raise AlliancesError(
            f"unknown dataset(s) {', '.join(unknown)}; choose from {', '.join(DATASETS)}"
        )
    folder = Path(folder)
    atop = None
    if "atop" in with_:
        official = folder / FILES["atop-ddyr"]
        atop = (
            read_atop_directed(official)
            if official.is_file()
            else atop_directed(read_atop_members(folder / FILES["atop"]))
        )
    return DyadSources(
        atop=atop,
        cow=cow_directed(read_cow_dyads(folder / FILES["cow"])) if "cow" in with_ else None,
        nmc=read_nmc(folder / FILES["nmc"]) if "nmc" in with_ else None,
    )


def dyads(
    folder: Path | str,
    *,
    start: int = 1816,
    end: int = 2016,
    directed: bool = True,
    with_: Sequence[str] = DATASETS,
    polars: bool = False,
) -> Any:
    """The dyad-year table of system members, ``start`` to ``end``, with the chosen datasets.

    Years after the state system data's last year are dropped, with a note in
    ``table.attrs["notes"]``. ``polars=True`` returns a polars frame instead of pandas.
    """
    folder = Path(folder)
    states = read_states(folder / FILES["states"])
    last = int(states["endyear"].max())
    sources = load_sources(folder, with_)
    if end > last:
        sources.notes.append(
            f"years {last + 1}-{end} dropped: the state system data "
            f"({FILES['states']}) ends in {last}"
        )
        end = last
    table = dyad_years(states, start=start, end=end, directed=directed, sources=sources)
    if not polars:
        return table
    try:
        import polars as pl
    except ImportError:
        raise AlliancesError("polars is not installed: pip install 'alliances[polars]'") from None
    return pl.from_pandas(table)
