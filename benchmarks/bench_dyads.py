"""Benchmark the directed dyad-year table 1816-2016 (1.91 million rows) against today's tools.

Side by side in one run:
- ours: read the state system, build every system dyad-year and attach ATOP,
  COW alliance and NMC columns (the inputs are read and prepared beforehand,
  as the R pipeline loads its .rda files before its clock starts); and ours
  end to end from the raw CSV files;
- peacesciencer's pipeline in R/dplyr (``../shared/bench/peacesciencer``),
  when R is installed (this benchmark installs nothing);
- a straightforward pandas merge.
Target: at least 10x faster than the R pipeline. Peak memory (tracemalloc) is
reported for ours and the pandas baseline.

Run: ``python benchmarks/bench_dyads.py``
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from alliances.dyads import FILES, dyad_years, dyads, load_sources, read_states

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"


def measured(work: Callable[[], Any], repeat: int = 3) -> tuple[float, float, Any]:
    """Best wall time of ``repeat`` runs and the peak traced memory (MB) of one run."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return best, peak, result


def pandas_baseline(sources: Any) -> pd.DataFrame:
    """The obvious pandas way: expand state-years, self-join by year, merge each dataset."""
    states = pd.read_csv(DATA / FILES["states"])
    years = [
        (c, y)
        for c, s, e in states[["ccode", "styear", "endyear"]].itertuples(index=False)
        for y in range(s, e + 1)
    ]
    system = pd.DataFrame(years, columns=["ccode", "year"]).drop_duplicates()
    table = system.merge(system, on="year", suffixes=("1", "2"))
    table = table[table.ccode1 != table.ccode2]
    table = table.merge(sources.atop, on=["ccode1", "ccode2", "year"], how="left")
    inside = table.year.between(1815, 2018)
    for column in [c for c in table.columns if c.startswith("atop_")]:
        table.loc[inside, column] = table.loc[inside, column].fillna(0)
    table = table.merge(sources.cow, on=["ccode1", "ccode2", "year"], how="left")
    nmc = sources.nmc[["ccode", "year", "cinc"]]
    table = table.merge(
        nmc.rename(columns={"ccode": "ccode1", "cinc": "cinc1"}), on=["ccode1", "year"], how="left"
    )
    return table.merge(
        nmc.rename(columns={"ccode": "ccode2", "cinc": "cinc2"}), on=["ccode2", "year"], how="left"
    )


def r_pipeline() -> float | None:
    rscript = shutil.which("Rscript")
    if rscript is None:
        return None
    script = SHARED / "bench" / "peacesciencer" / "pipeline.R"
    done = subprocess.run(
        [rscript, str(script), str(DATA / FILES["states"])],
        capture_output=True,
        text=True,
        check=True,
    )
    print("  R:", " | ".join(line.strip() for line in done.stdout.splitlines()))
    found = re.search(r"total ([0-9.]+) s, (\d+) rows", done.stdout)
    return float(found.group(1)) if found else None


def main() -> None:
    if not (DATA / FILES["atop"]).is_file():
        print(f"research data not found in {DATA}; nothing to measure")
        return
    sources = load_sources(DATA)
    ours_s, ours_mb, table = measured(
        lambda: dyad_years(
            read_states(DATA / FILES["states"]), start=1816, end=2016, sources=sources
        )
    )
    raw_s, _, _ = measured(lambda: dyads(DATA, start=1816, end=2016), repeat=1)
    print(
        f"ours: {len(table):,} rows x {len(table.columns)} columns in {ours_s:.3f} s "
        f"(peak {ours_mb:.0f} MB traced); from the raw CSV files {raw_s:.3f} s"
    )
    pandas_s, pandas_mb, baseline = measured(lambda: pandas_baseline(sources), repeat=1)
    print(
        f"pandas merge baseline: {len(baseline):,} rows in {pandas_s:.3f} s (peak "
        f"{pandas_mb:.0f} MB traced); ratio {pandas_s / ours_s:.1f}x"
    )
    r_s = r_pipeline()
    if r_s is None:
        print("R (peacesciencer pipeline): Rscript not installed here; pandas ratio only")
    else:
        ratio = r_s / ours_s
        print(
            f"R peacesciencer pipeline: {r_s:.2f} s; ratio {ratio:.1f}x; target >= 10x "
            f"(under {r_s / 10:.2f} s): {'met' if ratio >= 10 else 'MISSED'}"
        )


if __name__ == "__main__":
    main()
