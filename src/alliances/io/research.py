"""Readers for the research datasets users bring: COW state system, ATOP, COW alliances, NMC.

The files are not shipped (the COW maintainers ask that their data be
obtained from them): each reader says where to get its file. Missing or
renamed columns and non-numeric codes are errors naming the file, the line
and the column.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "states2016.csv"
>>> _ = path.write_text("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,"
...                     "version\\nUSA,2,United States,1816,1,1,2016,12,31,2016\\n")
>>> read_states(path)["ccode"].tolist()
[2]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from alliances.errors import Problem, ScenarioError

__all__ = [
    "WHERE",
    "read_atop_alliances",
    "read_atop_directed",
    "read_atop_members",
    "read_cow_dyads",
    "read_cow_members",
    "read_nmc",
    "read_states",
]

WHERE = {
    "states": "COW State System Membership v2016 (states2016.csv), correlatesofwar.org",
    "atop": "ATOP v5.1 member-level file (atop5_1m.csv), www.atopdata.org",
    "atop-ddyr": "ATOP v5.1 directed dyad-year file (atop5_1ddyr.csv), www.atopdata.org",
    "cow": "COW Formal Alliances v4.1, by dyad (alliance_v4.1_by_dyad.csv), correlatesofwar.org",
    "cow-members": "COW Formal Alliances v4.1, by member (alliance_v4.1_by_member.csv), "
    "correlatesofwar.org",
    "atop-alliances": "ATOP v5.1 alliance-level file (atop5_1a.csv), www.atopdata.org",
    "nmc": "COW National Material Capabilities v6.0 (NMC-60-abridged.csv), correlatesofwar.org",
}
"""Where to obtain each file."""


def read_states(path: Path | str, names: bool = False) -> pd.DataFrame:
    """COW system membership spells: ccode, styear, endyear (and stateabb, statenme)."""
    frame = _read(path, "states", ["ccode", "styear", "endyear"], ["ccode", "styear", "endyear"])
    if names:
        text = pd.read_csv(path, usecols=["stateabb", "statenme"], dtype=str)
        frame = frame.assign(stateabb=text["stateabb"].str.strip(), statenme=text["statenme"])
    return frame


def read_atop_members(path: Path | str, extra: Sequence[str] = ()) -> pd.DataFrame:
    """ATOP member-level rows with entry/exit dates, the five obligation flags and ``extra``
    numeric columns (e.g. the condition codes)."""
    columns = [
        "atopid",
        "member",
        "phase",
        "yrent",
        "moent",
        "dayent",
        "yrexit",
        "moexit",
        "dayexit",
        "defense",
        "offense",
        "neutral",
        "nonagg",
        "consul",
    ]
    return _read(path, "atop", [*columns, *extra], ["atopid", "member", "yrent", "yrexit"])


def read_atop_directed(path: Path | str) -> pd.DataFrame:
    """ATOP's own directed dyad-year file as ``ccode1, ccode2, year, atop_*``.

    Column names are matched without regard to case (STATEA, STATEB, YEAR,
    DEFENSE, OFFENSE, NEUTRAL, NONAGG, CONSUL).
    """
    path = Path(path)
    flags = ["defense", "offense", "neutral", "nonagg", "consul"]
    wanted = ["statea", "stateb", "year", *flags]
    header = pd.read_csv(path, nrows=0).columns if path.is_file() else pd.Index(wanted)
    actual = {str(c).lower(): str(c) for c in header}
    frame = _read(
        path,
        "atop-ddyr",
        [actual.get(c, c) for c in wanted],
        [actual.get(c, c) for c in ("statea", "stateb", "year")],
    )
    frame.columns = [str(c).lower() for c in frame.columns]
    result = pd.DataFrame(
        {
            "ccode1": frame["statea"].astype("int64"),
            "ccode2": frame["stateb"].astype("int64"),
            "year": frame["year"].astype("int64"),
        }
    )
    for flag in flags:
        result[f"atop_{flag}"] = frame[flag].fillna(0).astype("int8")
    return result


def read_atop_alliances(path: Path | str) -> pd.DataFrame:
    """ATOP alliance-level rows: dates, the obligation flags, asymmetry and threats."""
    columns = [
        "atopid",
        "begyr",
        "begmo",
        "begday",
        "endyr",
        "endmo",
        "endday",
        "bilat",
        "defense",
        "offense",
        "neutral",
        "nonagg",
        "consul",
        "asymm",
        "statthr1",
        "statthr2",
    ]
    return _read(path, "atop-alliances", columns, ["atopid", "begyr"])


def read_cow_members(path: Path | str) -> pd.DataFrame:
    """COW alliance memberships with their dates and the four type flags."""
    columns = [
        "version4id",
        "ccode",
        "mem_st_day",
        "mem_st_month",
        "mem_st_year",
        "mem_end_day",
        "mem_end_month",
        "mem_end_year",
        "defense",
        "neutrality",
        "nonaggression",
        "entente",
    ]
    return _read(path, "cow-members", columns, ["version4id", "ccode", "mem_st_year"])


def read_cow_dyads(path: Path | str) -> pd.DataFrame:
    """COW alliance dyads with start/end years and the four type flags."""
    columns = [
        "version4id",
        "ccode1",
        "ccode2",
        "dyad_st_year",
        "dyad_end_year",
        "defense",
        "neutrality",
        "nonaggression",
        "entente",
    ]
    return _read(path, "cow", columns, ["version4id", "ccode1", "ccode2", "dyad_st_year"])


def read_nmc(path: Path | str) -> pd.DataFrame:
    """NMC state-years: ccode, year, cinc (the release's -9 becomes missing)."""
    frame = _read(path, "nmc", ["ccode", "year", "cinc"], ["ccode", "year"])
    frame.loc[frame["cinc"] < 0, "cinc"] = float("nan")
    return frame


def _read(
    path: Path | str, dataset: str, columns: Sequence[str], required_values: Sequence[str]
) -> pd.DataFrame:
    path = Path(path)
    if not path.is_file():
        raise ScenarioError(
            [Problem(message="file not found", file=str(path), hint=f"obtain the {WHERE[dataset]}")]
        )
    try:
        header = pd.read_csv(path, nrows=0, encoding="utf-8").columns
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise ScenarioError(
            [Problem(message=f"cannot read as CSV: {error}", file=str(path), line=1)]
        ) from None
    missing = [c for c in columns if c not in header]
    if missing:
        raise ScenarioError(
            [
                Problem(
                    message=f"missing column(s) {', '.join(missing)}",
                    file=str(path),
                    line=1,
                    hint=f"expected the {WHERE[dataset]}",
                )
            ]
        )
    frame = pd.read_csv(path, usecols=list(columns), encoding="utf-8", dtype=str)
    problems = []
    for column in columns:
        values = pd.to_numeric(frame[column].str.strip(), errors="coerce")
        bad = values.isna() & frame[column].notna() & (frame[column].str.strip() != "")
        if column in required_values:
            bad |= values.isna()
        if bad.any():
            row = int(bad.to_numpy().argmax())
            column_number = list(header).index(column) + 1
            problems.append(
                Problem(
                    message=f"column {column!r}: {frame[column].iloc[row]!r} is not a number",
                    file=str(path),
                    line=row + 2,
                    column=column_number,
                )
            )
        frame[column] = values
    if problems:
        raise ScenarioError(problems)
    return frame
