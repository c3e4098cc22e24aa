"""A world built from ATOP's member-level file and the COW state system (time-varying).

Mapping (docs/dyads.md, "ATOP as a world"):

- each ATOP alliance becomes a treaty ``ATOP-<atopid>`` whose members join on
  their first entry and leave the day after their last exit (exit year 0:
  still in effect);
- each member row (a member in one phase) with an obligation flag set
  (DEFENSE, OFFENSE, NEUTRAL, NONAGG, CONSUL) becomes an obligation owed by
  that member to every other member, in force for the row's dates;
- conditions: a non-provocation code (DEFCONPR, NEUCONPR) becomes the
  non-provocation condition; an adversary code (DEFCOADV, OFFCOADV, NEUCOADV,
  CONCOADV) names the alliance's threat states (STATTHR1, STATTHR2) when ATOP
  records them, and is otherwise left open; location, ongoing-conflict,
  number and demand conditions are not modelled (the engine then applies the
  obligation more widely than ATOP's text codes);
- states: COW system members, identified by their COW abbreviation, with no
  capitals or figures (coordinates 0, 0).

Examples
--------
>>> import pathlib
>>> data = pathlib.Path("../shared/data")
>>> world = atop_world(data / "atop5_1m.csv", data / "states2016.csv") if data.is_dir() else None
>>> world is None or world.at("1914-07-28").members_of("ATOP-1335") == ("GMY", "AUH")
True
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alliances.io.coded import coded_date, cow_states, latest, rows_by
from alliances.io.research import read_atop_members
from alliances.model import (
    Article,
    Conditions,
    Membership,
    Obligation,
    ObligationKind,
    Treaty,
    World,
)

__all__ = ["atop_world"]

_KINDS = {
    "defense": (ObligationKind.DEFENSE, "defcoadv", "defconpr"),
    "offense": (ObligationKind.OFFENSE, "offcoadv", None),
    "neutral": (ObligationKind.NEUTRALITY, "neucoadv", "neuconpr"),
    "nonagg": (ObligationKind.NONAGGRESSION, None, None),
    "consul": (ObligationKind.CONSULTATION, "concoadv", None),
}
_SOURCE = "ATOP 5.1 member-level file (Leeds et al.), atop5_1m.csv"


def atop_world(members_file: Path | str, states_file: Path | str) -> World:
    """The ATOP alliances 1815-2018 as a world timeline over the COW state system."""
    ids, made_states = cow_states(states_file)
    conditions = [c for _, a, p in _KINDS.values() for c in (a, p) if c]
    frame = read_atop_members(members_file, extra=[*conditions, "statthr1", "statthr2"])
    by_alliance = rows_by(frame[frame["member"].isin(ids.keys())].fillna(0), "atopid")
    treaties = tuple(_treaty(atopid, rows, ids) for atopid, rows in sorted(by_alliance.items()))
    return World(
        id="atop-5.1",
        name="ATOP 5.1 alliances",
        states=made_states,
        treaties=treaties,
        coverage_from=dt.date(1815, 1, 1),
        tags={"metropolitan": "home territory"},
    )


def _treaty(atopid: int, rows: list[dict[str, float]], ids: dict[int, str]) -> Treaty:
    spells: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    for row in rows:
        spells.setdefault(ids[int(row["member"])], []).append((_start(row), _end(row)))
    memberships = tuple(
        Membership(state=member, joined=min(s for s, _ in dates), left=latest(e for _, e in dates))
        for member, dates in spells.items()
    )
    return Treaty(
        id=f"ATOP-{atopid}",
        name=f"ATOP alliance {atopid}",
        members=memberships,
        obligations=tuple(o for row in rows for o in _obligations(row, ids)),
        in_force=min(m.joined for m in memberships if m.joined is not None),
        ended=latest(m.left for m in memberships),
        source=_SOURCE,
        atop_id=atopid,
    )


def _obligations(row: dict[str, float], ids: dict[int, str]) -> list[Obligation]:
    made = []
    member = ids[int(row["member"])]
    for flag, (kind, adversary_code, provocation_code) in _KINDS.items():
        if int(row[flag]) != 1:
            continue
        adversaries: tuple[str, ...] = ()
        if adversary_code and int(row[adversary_code]) == 1:
            threats = (int(row["statthr1"]), int(row["statthr2"]))
            adversaries = tuple(ids[t] for t in threats if t in ids)
        conditions = Conditions(
            adversaries=adversaries,
            non_provocation=bool(provocation_code and int(row[provocation_code]) == 1),
        )
        made.append(
            Obligation(
                id=f"{flag}-{member}-phase{int(row['phase'])}",
                kind=kind,
                owed_by=(member,),
                owed_to=("members",),
                conditions=conditions,
                article=Article(
                    ref=f"ATOP {flag.upper()}",
                    summary=f"ATOP codes a {flag} "
                    "obligation of this member (its text is not in ATOP).",
                ),
                in_force=_start(row),
                ended=_end(row),
            )
        )
    return made


def _start(row: dict[str, float]) -> dt.date:
    return coded_date(row["yrent"], row["moent"], row["dayent"])


def _end(row: dict[str, float]) -> dt.date | None:
    """The day after the last day in effect; None when still in effect in 2018."""
    if int(row["yrexit"]) == 0:
        return None
    return coded_date(row["yrexit"], row["moexit"], row["dayexit"], last=True) + dt.timedelta(
        days=1
    )
