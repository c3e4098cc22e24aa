"""Write dyad-year tables as Parquet, CSV or Stata .dta, chosen by the file's suffix, atomically.

Examples
--------
>>> import pandas as pd, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> write_table(pd.DataFrame({"a": [1]}), out)
>>> out.read_text()
'a\\n1\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from alliances.errors import AlliancesError

__all__ = ["EXPORT_SUFFIXES", "write_table"]

EXPORT_SUFFIXES = (".parquet", ".csv", ".dta")


def write_table(frame: pd.DataFrame, out: Path | str) -> None:
    """Write by suffix (.parquet, .csv, .dta); a temporary file is renamed into place."""
    out = Path(out)
    if out.suffix not in EXPORT_SUFFIXES:
        raise AlliancesError(
            f"unknown output format {out.suffix!r}; use one of {', '.join(EXPORT_SUFFIXES)}"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=out.suffix)
    os.close(handle)
    try:
        if out.suffix == ".parquet":
            frame.to_parquet(temporary, index=False)
        elif out.suffix == ".csv":
            frame.to_csv(temporary, index=False)
        else:
            # Stata has no nullable int8: missing stays missing as a float
            frame.astype(dict.fromkeys(frame.columns[3:], "float64")).to_stata(
                temporary, write_index=False, version=118
            )
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
