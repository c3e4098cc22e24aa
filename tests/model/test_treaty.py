"""Treaties resolve into directed pledges at a date: membership, suspension, dates."""

from __future__ import annotations

import datetime as dt

from alliances.model import (
    MEMBERS,
    Article,
    Membership,
    Obligation,
    ObligationKind,
    Suspension,
    Treaty,
)

ART = Article(ref="Art. 1", summary="test")


def _pact(**changes: object) -> Treaty:
    base: dict[str, object] = {
        "id": "T",
        "name": "T",
        "source": "test",
        "members": (
            Membership(state="AAA"),
            Membership(state="BBB"),
            Membership(state="CCC", joined=dt.date(1960, 1, 1), left=dt.date(1970, 1, 1)),
        ),
        "signed": dt.date(1950, 1, 1),
        "in_force": dt.date(1950, 6, 1),
        "obligations": (
            Obligation(
                id="o",
                kind=ObligationKind.DEFENSE,
                owed_by=(MEMBERS,),
                owed_to=(MEMBERS,),
                article=ART,
            ),
        ),
    }
    base.update(changes)
    return Treaty(**base)  # type: ignore[arg-type]


def _pairs(treaty: Treaty, day: dt.date) -> set[tuple[str, str]]:
    return {(p.owed_by, p.owed_to) for p in treaty.pledges_on(day)}


def test_collective_pact_gives_every_ordered_pair_of_members() -> None:
    assert _pairs(_pact(), dt.date(1965, 1, 1)) == {
        ("AAA", "BBB"),
        ("BBB", "AAA"),
        ("AAA", "CCC"),
        ("CCC", "AAA"),
        ("BBB", "CCC"),
        ("CCC", "BBB"),
    }


def test_member_outside_its_membership_period_owes_and_gets_nothing() -> None:
    assert _pairs(_pact(), dt.date(1955, 1, 1)) == {("AAA", "BBB"), ("BBB", "AAA")}
    assert _pairs(_pact(), dt.date(1970, 1, 1)) == {("AAA", "BBB"), ("BBB", "AAA")}


def test_signed_is_not_binding_until_in_force() -> None:
    treaty = _pact()
    assert treaty.pledges_on(dt.date(1950, 3, 1)) == ()
    assert treaty.signed_not_in_force_on(dt.date(1950, 3, 1))
    assert not treaty.signed_not_in_force_on(dt.date(1950, 6, 1))


def test_ended_treaty_binds_nobody_from_its_end_date() -> None:
    treaty = _pact(ended=dt.date(1980, 1, 1))
    assert treaty.pledges_on(dt.date(1979, 12, 31))
    assert treaty.pledges_on(dt.date(1980, 1, 1)) == ()


def test_suspension_removes_one_direction_only() -> None:
    treaty = _pact(
        suspensions=(Suspension(owed_by="AAA", owed_to="BBB", since=dt.date(1986, 8, 11)),)
    )
    after = _pairs(treaty, dt.date(1990, 1, 1))
    assert ("AAA", "BBB") not in after
    assert ("BBB", "AAA") in after
    assert ("AAA", "BBB") in _pairs(treaty, dt.date(1985, 1, 1))


def test_asymmetric_obligation_runs_one_way() -> None:
    one_way = Obligation(
        id="o", kind=ObligationKind.DEFENSE, owed_by=("AAA",), owed_to=("BBB",), article=ART
    )
    assert _pairs(_pact(obligations=(one_way,)), dt.date(1965, 1, 1)) == {("AAA", "BBB")}


def test_obligation_dates_narrow_the_treaty_dates() -> None:
    late = Obligation(
        id="o",
        kind=ObligationKind.DEFENSE,
        owed_by=(MEMBERS,),
        owed_to=(MEMBERS,),
        article=ART,
        in_force=dt.date(1991, 12, 26),
    )
    treaty = _pact(obligations=(late,))
    assert treaty.pledges_on(dt.date(1991, 12, 25)) == ()
    assert treaty.pledges_on(dt.date(1991, 12, 26))
