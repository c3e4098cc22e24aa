"""Shared fixtures: the embedded world and a small hand-made scenario."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import alliances
from alliances.model import World

MINIMAL = textwrap.dedent("""\
    format: alliances/1
    world: {id: tiny, name: Tiny world, coverage_from: 1945-01-01}
    tags:
      metropolitan: home territory
      pacific: Pacific area
    states:
      - {id: AAA, cow: 1, name: Alpha, capital: {name: A, lat: 10, lon: 100}, home_tags: [metropolitan, pacific]}
      - {id: BBB, cow: 2, name: Beta, capital: {name: B, lat: 20, lon: 110}, home_tags: [metropolitan, pacific]}
      - {id: CCC, cow: 3, name: Gamma, capital: {name: C, lat: 30, lon: 120}, home_tags: [metropolitan]}
    places:
      - {id: reef, name: The Reef, lat: 15, lon: 105, administered_by: null, claimants: [AAA, BBB], tags: [pacific], source: test}
    treaties:
      - id: AB-PACT
        name: Alpha-Beta Pact
        signed: 1950-01-01
        in_force: 1950-06-01
        members: [AAA, BBB]
        source: test
        obligations:
          - id: mutual
            kind: defense
            owed_by: members
            owed_to: members
            strength: automatic
            article: {ref: "Art. 1", summary: "Each defends the other."}
    """)


@pytest.fixture(scope="session")
def world() -> World:
    """The embedded Indo-Pacific world (a timeline)."""
    return alliances.load_world()


@pytest.fixture
def write_scenario(tmp_path: Path) -> Callable[..., Path]:
    """Write scenario text to a file in a fresh folder and return its path."""

    def write(text: str = MINIMAL, name: str = "world.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
