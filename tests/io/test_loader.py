"""Loading scenario files: the embedded world, includes, extends, and every error located."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from alliances.errors import ScenarioError
from alliances.io import check_file, embedded_world_names, load_world
from tests.conftest import MINIMAL

Write = Callable[..., Path]


def _problems(path: Path) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        check_file(path)
    return [str(p) for p in caught.value.problems]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_embedded_world_has_the_states_the_issue_lists() -> None:
    world = load_world()
    required = [
        "USA",
        "JPN",
        "KOR",
        "PRK",
        "CHN",
        "TWN",
        "RUS",
        "PHL",
        "VNM",
        "THA",
        "MYS",
        "SGP",
        "IDN",
        "BRN",
        "KHM",
        "LAO",
        "MMR",
        "MNG",
        "AUS",
        "NZL",
        "PNG",
        "IND",
        "GBR",
        "FRA",
        "FSM",
        "MHL",
        "PLW",
    ]
    assert {s.id for s in world.states} >= set(required)
    assert "indo-pacific-2024" in embedded_world_names()


def test_every_embedded_entry_is_sourced() -> None:
    world = load_world()
    assert all(t.source for t in world.treaties)
    assert all(p.source for p in world.places)
    assert all(d.source for d in world.deployments)
    assert all(f.source for s in world.states for f in s.figures.values())


def test_minimal_file_loads(write_scenario: Write) -> None:
    world = check_file(write_scenario())
    assert world.id == "tiny"
    assert [s.id for s in world.states] == ["AAA", "BBB", "CCC"]


def test_unknown_member_is_located_with_a_hint(write_scenario: Write) -> None:
    text = MINIMAL.replace("members: [AAA, BBB]", "members: [AAA, BBX]")
    path = write_scenario(text)
    line = _line_of(text, "members: [AAA, BBX]")
    [problem] = _problems(path)
    assert problem == (
        f"{path}:{line}:{text.splitlines()[line - 1].index('BBX') + 1}: "
        "treaty AB-PACT: member 'BBX' is not a known state (did you mean 'BBB'?)"
    )


def test_all_problems_are_reported_at_once(write_scenario: Write) -> None:
    text = (
        MINIMAL.replace("members: [AAA, BBB]", "members: [AAA, BBX]")
        .replace("in_force: 1950-06-01", "in_force: 1949-06-01")
        .replace("administered_by: null", "administered_by: ZZZ")
        .replace("tags: [pacific], source", "tags: [pacifik], source")
    )
    problems = _problems(write_scenario(text))
    assert len(problems) == 4
    assert any("in_force 1949-06-01 is before signed 1950-01-01" in p for p in problems)
    assert any("administering state 'ZZZ' is not a known state" in p for p in problems)
    assert any(
        "tag 'pacifik' is not in the tag vocabulary (did you mean 'pacific'?)" in p
        for p in problems
    )


def test_duplicate_ids_name_the_first_definition(write_scenario: Write) -> None:
    text = MINIMAL + (
        "  - id: AB-PACT\n    name: again\n    in_force: 1960-01-01\n"
        "    members: [AAA, CCC]\n    source: test\n"
    )
    [problem] = _problems(write_scenario(text))
    assert "duplicate id 'AB-PACT' (first defined at" in problem


def test_obligation_owed_by_a_non_member(write_scenario: Write) -> None:
    text = MINIMAL.replace("owed_by: members", "owed_by: [CCC]")
    [problem] = _problems(write_scenario(text))
    assert re.search(
        r":\d+:\d+: treaty AB-PACT: owed by 'CCC' is not a member of treaty AB-PACT", problem
    )


def test_impossible_date_is_a_located_error(write_scenario: Write) -> None:
    text = MINIMAL.replace("in_force: 1950-06-01", "in_force: 1950-02-30")
    [problem] = _problems(write_scenario(text))
    line = _line_of(text, "in_force: 1950-02-30")
    assert f":{line}:" in problem
    assert "in_force" in problem
    assert "1950-02-30" in problem


def test_misspelt_field_is_rejected_with_its_position(write_scenario: Write) -> None:
    text = MINIMAL.replace("strength: automatic", "strenght: automatic")
    [problem] = _problems(write_scenario(text))
    assert "strenght: extra inputs are not permitted" in problem
    assert f":{_line_of(text, 'strenght')}:" in problem


def test_wrong_value_of_a_controlled_vocabulary(write_scenario: Write) -> None:
    text = MINIMAL.replace("kind: defense", "kind: defence")
    [problem] = _problems(write_scenario(text))
    assert "kind: input should be 'defense'" in problem
    assert "found 'defence'" in problem


def test_invalid_yaml_names_line_and_column(write_scenario: Write) -> None:
    path = write_scenario("states: [\n  - id: AAA\n")
    [problem] = _problems(path)
    assert problem.startswith(f"{path}:")
    assert "not valid YAML" in problem


def test_duplicate_yaml_key_is_an_error(write_scenario: Write) -> None:
    text = MINIMAL.replace(
        "    signed: 1950-01-01\n", "    signed: 1950-01-01\n    signed: 1951-01-01\n"
    )
    [problem] = _problems(write_scenario(text))
    assert "duplicate key 'signed'" in problem


def test_unknown_section_is_an_error(write_scenario: Write) -> None:
    [problem] = _problems(write_scenario(MINIMAL + "treatys: []\n"))
    assert "unknown section 'treatys' (did you mean 'treaties'?)" in problem


def test_dangling_place_in_a_crisis(write_scenario: Write) -> None:
    text = MINIMAL + (
        "crises:\n  - {id: c, name: c, aggressor: AAA, target: BBB, "
        "place: the-reeef, date: 2000-01-01}\n"
    )
    [problem] = _problems(write_scenario(text))
    assert "crisis c: place 'the-reeef' is not a known place (did you mean 'reef'?)" in problem


def test_includes_are_merged_and_errors_name_the_included_file(
    write_scenario: Write, tmp_path: Path
) -> None:
    (tmp_path / "more.yaml").write_text(
        "states:\n  - {id: DDD, cow: 4, name: Delta, capital: {name: D, lat: 1, lon: 1}, "
        "home_tags: [metropolitan, atlantic]}\n",
        encoding="utf-8",
    )
    root = write_scenario(MINIMAL + "include: [more.yaml]\n")
    [problem] = _problems(root)
    assert problem.startswith(f"{tmp_path / 'more.yaml'}:2:")
    assert "state DDD: tag 'atlantic' is not in the tag vocabulary" in problem


def test_missing_include_and_include_cycle(write_scenario: Write, tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").write_text("include: [loop.yaml]\n", encoding="utf-8")
    problems = _problems(write_scenario(MINIMAL + "include: [absent.yaml, loop.yaml]\n"))
    assert any("included file 'absent.yaml' not found" in p for p in problems)
    assert any("'loop.yaml' is included in a cycle" in p for p in problems)


def test_extending_the_embedded_world(write_scenario: Write) -> None:
    text = """\
extends: indo-pacific-2024
world: {id: my-world, name: Mine}
treaties:
  - id: JPN-PHL-PACT
    name: A hypothetical Japan-Philippines defence pact
    in_force: 2025-01-01
    members: [JPN, PHL]
    source: hypothetical
    obligations:
      - id: mutual
        kind: defense
        owed_by: members
        owed_to: members
        article: {ref: "Art. 1", summary: "Each defends the other."}
"""
    world = check_file(write_scenario(text))
    assert world.id == "my-world"
    assert world.treaty("JPN-PHL-PACT").members_on(world.coverage_from) == ("JPN", "PHL")
    assert len(world.states) == len(load_world().states)


def test_extending_an_unknown_world(write_scenario: Write) -> None:
    [problem] = _problems(write_scenario("extends: indo-pacifik-2024\n"))
    assert "no embedded world or file named 'indo-pacifik-2024'" in problem
    assert "did you mean 'indo-pacific-2024'?" in problem


def test_a_file_that_is_not_a_mapping(write_scenario: Write) -> None:
    [problem] = _problems(write_scenario("- just\n- a list\n"))
    assert "must be a mapping of sections" in problem


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: S\xe3o Tom\xe9\n".encode("latin-1"))
    [problem] = _problems(path)
    assert "not UTF-8" in problem
