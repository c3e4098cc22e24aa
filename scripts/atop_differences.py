"""List every cell where our member-file ATOP coding differs from ATOP's own directed file.

Reads ``../shared/data/atop5_1m.csv`` and peacesciencer's ``atop_alliance.rda``
(ATOP's directed dyad-year coding) and writes ``docs/atop-ddyr-differences.csv``:
one row per differing (ccode1, ccode2, year, obligation), with both values and
the ATOP alliances that cover the directed dyad that year.

Run: ``python scripts/atop_differences.py``
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyreadr

from alliances.dyads import atop_directed, read_atop_members

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> None:
    members = read_atop_members(SHARED / "data" / "atop5_1m.csv")
    ours = atop_directed(members)
    reference = pyreadr.read_r(SHARED / "bench" / "peacesciencer" / "atop_alliance.rda")
    atop = reference["atop_alliance"].astype(int)
    joined = ours.merge(atop, on=["ccode1", "ccode2", "year"], suffixes=("", "_atop"))
    rows = []
    for flag in ("defense", "offense", "neutral", "nonagg", "consul"):
        differing = joined[joined[f"atop_{flag}"] != joined[f"atop_{flag}_atop"]]
        rows += [
            (
                r.ccode1,
                r.ccode2,
                r.year,
                flag,
                getattr(r, f"atop_{flag}"),
                getattr(r, f"atop_{flag}_atop"),
            )
            for r in differing.itertuples()
        ]
    table = pd.DataFrame(rows, columns=["ccode1", "ccode2", "year", "obligation", "ours", "atop"])
    spans = members.assign(last=members["yrexit"].where(members["yrexit"] > 0, 2018))
    covering = []
    for row in table.itertuples():
        a = spans[
            (spans.member == row.ccode1) & (spans.yrent <= row.year) & (spans["last"] >= row.year)
        ]
        b = spans[
            (spans.member == row.ccode2) & (spans.yrent <= row.year) & (spans["last"] >= row.year)
        ]
        covering.append(" ".join(str(i) for i in sorted(set(a.atopid) & set(b.atopid))))
    table["atopids"] = covering
    table.sort_values(["ccode1", "ccode2", "year", "obligation"]).to_csv(
        ROOT / "docs" / "atop-ddyr-differences.csv", index=False
    )
    print(f"{len(table)} differing cells written")


if __name__ == "__main__":
    main()
