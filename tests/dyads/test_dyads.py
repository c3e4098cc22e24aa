"""Dyad-year tables: unit tests on files written here, integration tests on ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import alliances
from alliances.dyads import (
    FILES,
    DyadSources,
    atop_directed,
    dyad_years,
    dyads,
    read_atop_members,
    read_states,
    write_table,
)
from alliances.errors import ScenarioError

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
needs_data = pytest.mark.skipif(
    not (SHARED / FILES["atop"]).is_file(), reason="research data not present in ../shared/data"
)

MEMBERS = """\
atopid,member,phase,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul
7,2,1,2000,1,1,0,0,0,1,0,0,0,1
7,20,1,2000,1,1,0,0,0,0,0,0,0,1
8,20,1,2001,6,1,2002,6,1,0,0,0,1,0
8,200,1,2002,6,1,2003,1,1,0,0,0,1,0
"""
STATES = """stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version
USA,2,United States,1816,1,1,2016,12,31,2016
CAN,20,Canada,1920,1,10,2016,12,31,2016
UKG,200,United Kingdom,1816,1,1,2016,12,31,2016
"""


def test_asymmetric_pledge_and_ongoing_alliance(tmp_path: Path) -> None:
    # Alliance 7: the US (2) owes Canada (20) defence and consultation; Canada owes only
    # consultation; in effect from 2000 to the data's end (exit year 0 = 2018).
    path = tmp_path / "m.csv"
    path.write_text(MEMBERS)
    rows = atop_directed(read_atop_members(path)).set_index(["ccode1", "ccode2", "year"])
    assert rows.loc[(2, 20, 2000), "atop_defense"] == 1
    assert rows.loc[(20, 2, 2000), "atop_defense"] == 0
    assert rows.loc[(20, 2, 2018), "atop_consul"] == 1
    # Alliance 8: the UK joins the day Canada leaves: they are never members together.
    assert (20, 200, 2002) not in rows.index


def test_missing_is_not_zero(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text(MEMBERS)
    states = pd.read_csv(pd.io.common.StringIO(STATES))
    atop = atop_directed(read_atop_members(tmp_path / "m.csv"))
    table = dyad_years(states, start=2016, end=2016, sources=DyadSources(atop=atop))
    assert int(table.query("ccode1 == 2 and ccode2 == 200").atop_defense.iloc[0]) == 0
    table = dyad_years(states, start=1816, end=1816, sources=DyadSources(atop=atop))
    assert len(table) == 2  # USA and UK only; Canada not yet a system member
    later = dyad_years(
        states, start=2016, end=2016, sources=DyadSources(atop=atop.assign(year=atop.year + 0))
    )
    assert later.atop_defense.notna().all()


def test_bad_files_name_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / FILES["states"]
    path.write_text(STATES.replace("1920,1,10", "19x0,1,10"))
    with pytest.raises(ScenarioError, match=r"states2016\.csv:3:4: column 'styear': '19x0'"):
        read_states(path)
    path.write_text("stateabb,code,styear,endyear\nUSA,2,1816,2016\n")
    with pytest.raises(ScenarioError, match=r"missing column\(s\) ccode"):
        read_states(path)
    with pytest.raises(ScenarioError, match=r"obtain the ATOP v5\.1 member-level file"):
        read_atop_members(tmp_path / "absent.csv")


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".dta"])
def test_exports_keep_missing_values(tmp_path: Path, suffix: str) -> None:
    frame = pd.DataFrame(
        {
            "ccode1": [2],
            "ccode2": [20],
            "year": [2017],
            "atop_defense": pd.array([None], dtype="Int8"),
        }
    )
    out = tmp_path / f"t{suffix}"
    write_table(frame, out)
    back = {".parquet": pd.read_parquet, ".csv": pd.read_csv, ".dta": pd.read_stata}[suffix](out)
    assert back["atop_defense"].isna().all()


@needs_data
def test_full_directed_table_has_the_expected_size() -> None:
    table = dyads(SHARED, start=1816, end=2018)
    assert len(table) == 1_912_350  # 1816-2016 system dyad-years, as peacesciencer builds
    assert table.attrs["notes"] == [
        "years 2017-2018 dropped: the state system data (states2016.csv) ends in 2016"
    ]
    after_cow = table[table.year > 2012]
    assert after_cow.cow_defense.isna().all()  # COW alliances end in 2012: null, not 0
    assert table[table.year <= 2012].cow_defense.notna().all()


@needs_data
def test_hand_derived_rows_from_the_member_file() -> None:
    """Expected values read off atop5_1m.csv by the codebook's rule (sections 2.6-2.7)."""
    rows = atop_directed(read_atop_members(SHARED / FILES["atop"]))
    rows = rows.set_index(["ccode1", "ccode2", "year"])
    columns = ["atop_defense", "atop_offense", "atop_neutral", "atop_consul"]
    # 1879: only the Dual Alliance (atopid 1335, from 1879-10-07): both owe defence and
    # neutrality, nothing else.
    assert rows.loc[(255, 300, 1879), columns].tolist() == [1, 0, 1, 0]
    assert rows.loc[(300, 255, 1879), columns].tolist() == [1, 0, 1, 0]
    # 1900: the Dual Alliance, the Triple Alliance's third phase (1350: Germany also owes
    # offense; all owe consultation) and the Austro-Romanian alliance (1355: consultation);
    # the maximum over alliances gives Germany [1, 1, 1, 1] and Austria-Hungary [1, 0, 1, 1].
    assert rows.loc[(255, 300, 1900), columns].tolist() == [1, 1, 1, 1]
    assert rows.loc[(300, 255, 1900), columns].tolist() == [1, 0, 1, 1]
    # Triple Alliance (1350): Italy (325) leaves on 1915-05-23: still allied in 1915, not 1916.
    assert (325, 255, 1915) in rows.index
    assert (325, 255, 1916) not in rows.index
    # Austro-Romanian alliance (1355): Italy joins on 1888-05-15 with consultation only.
    assert rows.loc[(325, 360, 1888), ["atop_defense", "atop_consul"]].tolist() == [0, 1]


@needs_data
def test_agreement_with_atops_own_directed_coding() -> None:
    """Every row of ATOP's directed dyad-years (peacesciencer's atop_alliance) is reproduced;
    obligation cells differ only where ATOP corrected multilateral alliances by hand."""
    pyreadr = pytest.importorskip("pyreadr")
    rda = SHARED.parent / "bench" / "peacesciencer" / "atop_alliance.rda"
    if not rda.is_file():
        pytest.skip("peacesciencer's atop_alliance.rda is not present")
    reference = pyreadr.read_r(rda)["atop_alliance"].astype(int)
    ours = atop_directed(read_atop_members(SHARED / FILES["atop"]))
    joined = ours.merge(
        reference,
        on=["ccode1", "ccode2", "year"],
        how="outer",
        suffixes=("", "_ref"),
        indicator=True,
    )
    assert (joined["_merge"] == "both").all()
    cells = ["defense", "offense", "neutral", "nonagg", "consul"]
    differing = sum(int((joined[f"atop_{c}"] != joined[f"atop_{c}_ref"]).sum()) for c in cells)
    assert differing == 436  # 214 defense, 34 offense, 114 neutrality, 74 non-aggression
    # one of them, by hand: Romania's defence duty in the Austro-Romanian alliance does not
    # run to Italy (ATOP corrected it; the member file cannot say so)
    cell = joined.set_index(["ccode1", "ccode2", "year"]).loc[(360, 325, 1888)]
    assert (cell["atop_defense"], cell["atop_defense_ref"]) == (1, 0)


def test_cli_reports_where_to_get_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="obtain the COW State System Membership"):
        alliances.dyads.dyads(tmp_path)  # type: ignore[attr-defined]


def test_atops_own_directed_file_is_used_when_present(tmp_path: Path) -> None:
    (tmp_path / FILES["states"]).write_text(STATES)
    (tmp_path / FILES["atop"]).write_text(MEMBERS)
    (tmp_path / FILES["atop-ddyr"]).write_text(
        "ddyad,stateA,stateB,year,atopally,defense,offense,neutral,nonagg,consul\n"
        "2020,2,20,2000,1,0,0,0,0,1\n20002,20,2,2000,1,0,0,0,0,1\n"
    )
    table = dyads(tmp_path, start=2000, end=2000, with_=("atop",)).set_index(["ccode1", "ccode2"])
    # the official file says no defence in 2000, overriding the member-file derivation
    assert int(table.loc[(2, 20), "atop_defense"]) == 0
    assert int(table.loc[(2, 20), "atop_consul"]) == 1


def test_polars_frames(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    (tmp_path / FILES["states"]).write_text(STATES)
    (tmp_path / FILES["atop"]).write_text(MEMBERS)
    frame = dyads(tmp_path, start=2000, end=2000, with_=("atop",), polars=True)
    assert frame.height == 6
    assert frame.filter((frame["ccode1"] == 2) & (frame["ccode2"] == 20))["atop_defense"][0] == 1


@needs_data
def test_alliance_level_and_cow_member_readers() -> None:
    from alliances.io.research import read_atop_alliances, read_cow_members

    alliances_level = read_atop_alliances(SHARED / "atop5_1a.csv")
    assert len(alliances_level) == 789  # one row per ATOP alliance (data README)
    members = read_cow_members(SHARED / "alliance_v4.1_by_member.csv")
    assert len(members) == 1221
    assert members["version4id"].nunique() == 414
