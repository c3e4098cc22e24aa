"""ATOP directed dyad-years derived from the member-level file (codebook sections 2.6-2.7).

Every ordered pair of members of the same alliance phase whose membership
dates overlap gives one row per year of the overlap, carrying the first
member's obligation flags; a dyad-year with several alliances takes the
maximum. A member's exit year of 0 means in effect on 2018-12-31.

This reproduces ATOP's own directed dyad-year file on every row, but not on
the obligation cells that ATOP corrected by hand for multilateral alliances
whose members' obligations differ (the member file does not say toward whom
an obligation runs): docs/dyads.md lists them. Members without a COW code
(ATOP's Annam, 8152) are dropped, as ATOP does.

Examples
--------
>>> import pandas as pd
>>> members = pd.DataFrame({"atopid": [1, 1], "member": [200, 220], "phase": [1, 1],
...     "yrent": [1900, 1901], "moent": [1, 6], "dayent": [1, 1], "yrexit": [1903, 0],
...     "moexit": [12, 0], "dayexit": [31, 0], "defense": [1, 0], "offense": [0, 0],
...     "neutral": [0, 0], "nonagg": [0, 0], "consul": [1, 1]})
>>> rows = atop_directed(members)
>>> rows[rows.ccode1 == 200][["year", "atop_defense"]].values.tolist()
[[1901, 1], [1902, 1], [1903, 1]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["ATOP_COLUMNS", "ATOP_END", "ATOP_START", "atop_directed"]

ATOP_COLUMNS = ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")
ATOP_START, ATOP_END = 1815, 2018
_FLAGS = ("defense", "offense", "neutral", "nonagg", "consul")


def atop_directed(members: pd.DataFrame) -> pd.DataFrame:
    """Directed dyad-years (ccode1, ccode2, year, atop_*) with at least one shared alliance."""
    m = members.copy()
    ongoing = m["yrexit"] == 0
    m.loc[ongoing, ["yrexit", "moexit", "dayexit"]] = [ATOP_END, 12, 31]
    m = m.fillna({"phase": 1, "moent": 1, "dayent": 1, "moexit": 12, "dayexit": 31})
    m["start"] = m["yrent"] * 10000 + m["moent"].clip(lower=1) * 100 + m["dayent"].clip(lower=1)
    m["end"] = m["yrexit"] * 10000 + m["moexit"].replace(0, 12) * 100 + m["dayexit"].replace(0, 31)
    m = m[m["member"] < 1000]
    pairs = m.merge(m, on=["atopid", "phase"], suffixes=("1", "2"))
    pairs = pairs[pairs["member1"] != pairs["member2"]]
    low = np.maximum(pairs["start1"].to_numpy(np.int64), pairs["start2"].to_numpy(np.int64))
    high = np.minimum(pairs["end1"].to_numpy(np.int64), pairs["end2"].to_numpy(np.int64))
    keep = low < high  # a member leaving on the day another joins never overlaps
    pairs = pairs[keep]
    first, last = low[keep] // 10000, high[keep] // 10000
    repeats = (last - first + 1).astype(np.int64)
    offsets = np.cumsum(repeats) - repeats  # where each pair's run of years starts
    years = np.repeat(first, repeats) + np.arange(repeats.sum()) - np.repeat(offsets, repeats)
    frame = pd.DataFrame(
        {
            "ccode1": np.repeat(pairs["member1"].to_numpy(np.int64), repeats),
            "ccode2": np.repeat(pairs["member2"].to_numpy(np.int64), repeats),
            "year": years.astype(np.int64),
        }
    )
    for flag, column in zip(_FLAGS, ATOP_COLUMNS, strict=True):
        frame[column] = np.repeat(pairs[f"{flag}1"].fillna(0).to_numpy(np.int8), repeats)
    return frame.groupby(["ccode1", "ccode2", "year"], as_index=False, sort=True).max()
