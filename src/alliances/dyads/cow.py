"""COW formal alliances (v4.1) as directed dyad-years.

Each non-directed dyad row of ``alliance_v4.1_by_dyad.csv`` covers its start
year to its end year (the data's last year, 2012, when it has none) in both
directions; several alliances in a dyad-year take the maximum of each flag.

Examples
--------
>>> import pandas as pd
>>> dyads = pd.DataFrame({"version4id": [1], "ccode1": [200], "ccode2": [235],
...     "dyad_st_year": [2010], "dyad_end_year": [float("nan")], "defense": [1],
...     "neutrality": [0], "nonaggression": [1], "entente": [0]})
>>> cow_directed(dyads)[["ccode1", "ccode2", "year", "cow_defense"]].values.tolist()[:3]
[[200, 235, 2010, 1], [200, 235, 2011, 1], [200, 235, 2012, 1]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["COW_COLUMNS", "COW_END", "COW_START", "cow_directed"]

COW_COLUMNS = ("cow_defense", "cow_neutrality", "cow_nonaggression", "cow_entente")
COW_START, COW_END = 1816, 2012
_FLAGS = ("defense", "neutrality", "nonaggression", "entente")


def cow_directed(dyads: pd.DataFrame) -> pd.DataFrame:
    """Directed dyad-years (ccode1, ccode2, year, cow_*) inside COW's coverage."""
    first = dyads["dyad_st_year"].clip(lower=COW_START).to_numpy(np.int64)
    last = dyads["dyad_end_year"].fillna(COW_END).clip(upper=COW_END).to_numpy(np.int64)
    keep = last >= first
    first, last, rows = first[keep], last[keep], dyads[keep]
    repeats = last - first + 1
    offsets = np.cumsum(repeats) - repeats
    years = np.repeat(first, repeats) + np.arange(repeats.sum()) - np.repeat(offsets, repeats)
    a = np.repeat(rows["ccode1"].to_numpy(np.int64), repeats)
    b = np.repeat(rows["ccode2"].to_numpy(np.int64), repeats)
    flags = {f"cow_{f}": np.repeat(rows[f].fillna(0).to_numpy(np.int8), repeats) for f in _FLAGS}
    forward = pd.DataFrame({"ccode1": a, "ccode2": b, "year": years, **flags})
    backward = forward.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})
    both = pd.concat([forward, backward], ignore_index=True)
    return both.groupby(["ccode1", "ccode2", "year"], as_index=False, sort=True).max()
