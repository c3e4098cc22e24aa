"""A world built from the COW formal alliances (v4.1, by member) over the COW state system.

Each COW alliance becomes a treaty ``COW-<version4id>``; each membership a
member with its dates (a missing end: in force at the data's end, 2012); the
alliance type becomes obligations every member owes every other member:
defence pact -> defense, neutrality -> neutrality, non-aggression ->
nonaggression, entente -> consultation (COW's entente: consult in a crisis).
COW codes no conditions, so none are modelled.

Examples
--------
>>> import pathlib
>>> data = pathlib.Path("../shared/data")
>>> world = (cow_world(data / "alliance_v4.1_by_member.csv", data / "states2016.csv")
...          if data.is_dir() else None)
>>> world is None or "GMY" in world.at("1914-07-28").members_of("COW-64")
True
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alliances.io.research import read_cow_members, read_states
from alliances.model import (
    Article,
    Capital,
    Membership,
    Obligation,
    ObligationKind,
    State,
    Treaty,
    World,
)

__all__ = ["cow_world"]

_KINDS = {
    "defense": ObligationKind.DEFENSE,
    "neutrality": ObligationKind.NEUTRALITY,
    "nonaggression": ObligationKind.NONAGGRESSION,
    "entente": ObligationKind.CONSULTATION,
}
_SOURCE = "COW Formal Alliances v4.1 (Gibler 2009), alliance_v4.1_by_member.csv"


def cow_world(members_file: Path | str, states_file: Path | str) -> World:
    """The COW formal alliances 1816-2012 as a world timeline."""
    states = read_states(states_file, names=True).drop_duplicates("ccode")
    ids = {int(c): str(a) for c, a in zip(states["ccode"], states["stateabb"], strict=True)}
    names = {int(c): str(n) for c, n in zip(states["ccode"], states["statenme"], strict=True)}
    rows = read_cow_members(members_file)
    rows = rows[rows["ccode"].isin(ids.keys())].fillna(0)
    by_alliance: dict[int, list[dict[str, float]]] = {}
    for record in rows.to_dict("records"):
        row = {str(k): float(v) for k, v in record.items()}
        by_alliance.setdefault(int(row["version4id"]), []).append(row)
    treaties = tuple(
        _treaty(alliance, group, ids) for alliance, group in sorted(by_alliance.items())
    )
    made_states = tuple(
        State(
            id=ids[c],
            cow=c,
            name=names[c],
            capital=Capital(name="", lat=0.0, lon=0.0),
            home_tags=("metropolitan",),
        )
        for c in sorted(ids)
    )
    return World(
        id="cow-4.1",
        name="COW formal alliances v4.1",
        states=made_states,
        treaties=tuple(treaties),
        coverage_from=dt.date(1816, 1, 1),
        tags={"metropolitan": "home territory"},
    )


def _treaty(alliance: int, group: list[dict[str, float]], ids: dict[int, str]) -> Treaty:
    members = tuple(
        Membership(
            state=ids[int(r["ccode"])],
            joined=_date(r["mem_st_year"], r["mem_st_month"], r["mem_st_day"]),
            left=_after(r["mem_end_year"], r["mem_end_month"], r["mem_end_day"]),
        )
        for r in group
    )
    obligations = tuple(
        Obligation(
            id=flag,
            kind=kind,
            owed_by=("members",),
            owed_to=("members",),
            article=Article(
                ref=f"COW {flag}",
                summary=f"COW codes this alliance as {flag} (its text is not in COW).",
            ),
        )
        for flag, kind in _KINDS.items()
        if int(group[0][flag]) == 1
    )
    lefts = [m.left for m in members]
    return Treaty(
        id=f"COW-{alliance}",
        name=f"COW alliance {alliance}",
        members=members,
        obligations=obligations,
        source=_SOURCE,
        in_force=min(m.joined for m in members if m.joined is not None),
        ended=None if any(e is None for e in lefts) else max(e for e in lefts if e),
    )


def _date(year: float, month: float, day: float) -> dt.date:
    month_i = int(month) if month > 0 else 1
    day_i = int(day) if day > 0 else 1
    try:
        return dt.date(int(year), month_i, day_i)
    except ValueError:
        return dt.date(int(year), month_i, 28)


def _after(year: float, month: float, day: float) -> dt.date | None:
    """The day after a membership's last day; None when it ran past the data's end."""
    if year <= 0:
        return None
    return _date(year, month if month > 0 else 12, day if day > 0 else 28) + dt.timedelta(days=1)
