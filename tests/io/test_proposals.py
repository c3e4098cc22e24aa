"""Proposal files: embedded ones load and apply; bad edits are located errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import alliances
from alliances.errors import ScenarioError
from alliances.io.proposals import embedded_proposal_names, load_proposal, proposal_world
from alliances.model.diff import world_diff

Write = Callable[..., Path]

HEADER = """\
proposal:
  id: test
  name: Test
  effective: 2025-01-01
edits:
"""


def _problems(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_proposal(path)
    return [str(p) for p in caught.value.problems]


def test_embedded_proposals_include_the_issue_list() -> None:
    names = set(embedded_proposal_names())
    assert {
        "current",
        "asian-nato-core",
        "asian-nato-core-us",
        "asian-nato-broad",
        "asian-nato-broad-us",
        "ishiba-reform",
        "us-retrenchment",
    } <= names
    for name in names - {"current"}:
        assert load_proposal(name).effective.isoformat() == "2025-01-01"


def test_edits_take_effect_on_the_effective_date_only() -> None:
    world = proposal_world("us-retrenchment")
    assert world.at("2024-12-31").members_of("US-JPN-1960") == ("USA", "JPN")
    assert world.at("2025-01-01").members_of("US-JPN-1960") == ()
    assert "USA" not in world.at("2025-01-01").members_of("ANZUS")
    assert world.at("2025-01-01").members_of("ANZUS") == ("AUS", "NZL")


def test_ishiba_reform_diff() -> None:
    change = world_diff(alliances.load_world(), proposal_world("ishiba-reform"), "2025-06-01")
    [(_, after)] = change.pledges_changed
    assert (after.owed_by, after.owed_to) == ("JPN", "USA")
    assert after.obligation.article.ref == "Art. V as revised (proposal)"
    [(old, new)] = change.deployments_changed
    assert (old.command.value, new.command.value) == ("national", "shared")
    assert [d.id for d in change.deployments_added] == ["jpn-on-guam"]
    assert not change.pledges_added


def test_asian_nato_core_adds_the_japan_korea_philippines_pledges() -> None:
    change = world_diff(alliances.load_world(), proposal_world("asian-nato-core"), "2025-06-01")
    defence = {(p.owed_by, p.owed_to) for p in change.pledges_added if p.kind == "defense"}
    assert defence == {
        (a, b) for a in ("JPN", "KOR", "PHL") for b in ("JPN", "KOR", "PHL") if a != b
    }


def test_unknown_treaty_obligation_and_edit(write_scenario: Write) -> None:
    text = (
        HEADER
        + """\
  - end_treaty: {treaty: US-JPN-1961}
  - end_obligation: {treaty: ANZUS, obligation: art9}
  - end_traety: {treaty: ANZUS}
  - remove_members: {treaty: ANZUS, members: [JPN]}
"""
    )
    problems = _problems(write_scenario(text, "p.yaml"))
    assert len(problems) == 4
    assert ":6:" in problems[0]
    assert (
        "treaty 'US-JPN-1961' is not in the base world (did you mean 'US-JPN-1960'?)" in problems[0]
    )
    assert "treaty ANZUS has no obligation 'art9'" in problems[1]
    assert "unknown edit 'end_traety' (did you mean 'end_treaty'?)" in problems[2]
    assert "JPN is not a member of ANZUS" in problems[3]


def test_added_treaty_is_checked_like_a_scenario(write_scenario: Write) -> None:
    text = (
        HEADER
        + """\
  - add_treaty:
      id: NEW
      name: New pact
      members: [JPN, XXX]
      source: test
      obligations:
        - {id: o, kind: defense, owed_by: [GBR], owed_to: members, article: {ref: '1', summary: s}}
"""
    )
    problems = _problems(write_scenario(text, "p.yaml"))
    assert any("treaty NEW: member 'XXX' is not a known state" in p for p in problems)
    assert any("owed by 'GBR' is not a member of treaty NEW" in p for p in problems)


def test_unknown_proposal_name() -> None:
    with pytest.raises(ScenarioError, match="no proposal file or embedded proposal"):
        load_proposal("asian-nato-cor")
