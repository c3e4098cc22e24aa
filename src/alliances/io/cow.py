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

from alliances.io.coded import coded_date, cow_states, latest, rows_by
from alliances.io.research import read_cow_members
from alliances.model import (
    Article,
    Membership,
    Obligation,
    ObligationKind,
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
    ids, made_states = cow_states(states_file)
    rows = read_cow_members(members_file)
    by_alliance = rows_by(rows[rows["ccode"].isin(ids.keys())].fillna(0), "version4id")
    treaties = tuple(
        _treaty(alliance, group, ids) for alliance, group in sorted(by_alliance.items())
    )
    return World(
        id="cow-4.1",
        name="COW formal alliances v4.1",
        states=made_states,
        treaties=treaties,
        coverage_from=dt.date(1816, 1, 1),
        tags={"metropolitan": "home territory"},
    )


def _treaty(alliance: int, group: list[dict[str, float]], ids: dict[int, str]) -> Treaty:
    members = tuple(
        Membership(
            state=ids[int(r["ccode"])],
            joined=coded_date(r["mem_st_year"], r["mem_st_month"], r["mem_st_day"]),
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
    return Treaty(
        id=f"COW-{alliance}",
        name=f"COW alliance {alliance}",
        members=members,
        obligations=obligations,
        source=_SOURCE,
        in_force=min(m.joined for m in members if m.joined is not None),
        ended=latest(m.left for m in members),
    )


def _after(year: float, month: float, day: float) -> dt.date | None:
    """The day after a membership's last day; None when it ran past the data's end."""
    if year <= 0:
        return None
    last = coded_date(year, month if month > 0 else 12, day if day > 0 else 28)
    return last + dt.timedelta(days=1)
