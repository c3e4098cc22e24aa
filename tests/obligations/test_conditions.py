"""Each condition on a hand-made world, computed by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import alliances
from alliances.obligations import Duty
from tests.conftest import MINIMAL

Write = Callable[..., Path]


def _with_scope(write: Write, scope: str, extra: str = "") -> alliances.World:
    line = next(row for row in MINIMAL.splitlines() if "Each defends the other" in row)
    indent = line[: len(line) - len(line.lstrip())]
    text = MINIMAL.replace(line, f"{line}\n{indent}conditions: {{scopes: [{scope}]{extra}}}")
    assert text != MINIMAL
    return alliances.check_file(write(text))


def _defends(world: alliances.World, by: str, on: str, at: str | None = None) -> bool:
    report = alliances.attack(world, by=by, on=on, at=at, date="2000-01-01")
    return bool(report.triggered())


def test_max_latitude(write_scenario: Write) -> None:
    world = _with_scope(write_scenario, "{max_latitude: 12}")
    assert _defends(world, "CCC", "AAA")  # AAA's home lies at 10 N
    assert not _defends(world, "CCC", "AAA", "reef")  # the reef lies at 15 N


def test_territory_versus_forces(write_scenario: Write) -> None:
    territory = _with_scope(write_scenario, "{target: territory}")
    assert _defends(territory, "CCC", "AAA")
    assert not _defends(territory, "CCC", "AAA", "reef")
    forces = _with_scope(write_scenario, "{target: forces, areas: [pacific]}")
    assert _defends(forces, "CCC", "AAA", "reef")
    assert not _defends(forces, "CCC", "AAA")


def test_named_adversaries_and_non_provocation(write_scenario: Write) -> None:
    world = _with_scope(write_scenario, "", extra=", adversaries: [CCC]")
    assert _defends(world, "CCC", "AAA")
    text = MINIMAL + (
        "  - {id: CA-NAP, name: n, in_force: 1950-01-01, members: [CCC, AAA], "
        "source: test, obligations: [{id: nap, kind: nonaggression, owed_by: [CCC], "
        "owed_to: [AAA], article: {ref: '1', summary: 'no attack'}}]}\n"
    )
    report = alliances.attack(
        alliances.check_file(write_scenario(text, "nap.yaml")),
        by="CCC",
        on="AAA",
        date="2000-01-01",
    )
    breach = [f for f in report.findings if f.pledge.kind == "nonaggression"]
    assert [f.triggered for f in breach] == [True]
    assert report.verdict("CCC").duty is Duty.ATTACKER


def test_member_cannot_be_obliged_against_itself(write_scenario: Write) -> None:
    world = alliances.check_file(write_scenario())
    report = alliances.attack(world, by="BBB", on="AAA", date="2000-01-01")
    assert not report.triggered()
    [finding] = [f for f in report.findings if f.state == "BBB"]
    assert not finding.checks()[0].met
    assert "BBB is not itself the adversary" in finding.checks()[0].text
