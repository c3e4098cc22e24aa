"""Worlds: snapshots at a date, lookups, coverage."""

from __future__ import annotations

import pickle

import pytest

from alliances.errors import DateOutOfCoverageError, UnknownEntityError
from alliances.model import World


def test_snapshot_is_a_new_immutable_world_sharing_entities(world: World) -> None:
    snapshot = world.at("2024-10-01")
    assert snapshot is not world
    assert snapshot.states is world.states
    assert world.date is None
    with pytest.raises(AttributeError):
        snapshot.date = None  # type: ignore[misc]


def test_date_before_coverage_is_an_error(world: World) -> None:
    with pytest.raises(DateOutOfCoverageError, match="before the coverage"):
        world.at("1944-12-31")


def test_impossible_date_is_an_error(world: World) -> None:
    with pytest.raises(DateOutOfCoverageError, match="not a valid date"):
        world.at("2024-02-30")


def test_timeline_has_no_day(world: World) -> None:
    with pytest.raises(DateOutOfCoverageError, match="timeline"):
        _ = world.day


def test_lookup_by_id_name_cow_code_and_alias(world: World) -> None:
    assert world.state("jpn").id == "JPN"
    assert world.state("Japan").id == "JPN"
    assert world.state("740").id == "JPN"
    assert world.place("Diaoyu Islands").id == "senkaku-islands"
    assert world.place("JPN").is_home


def test_unknown_names_suggest_the_closest(world: World) -> None:
    with pytest.raises(UnknownEntityError, match="did you mean 'JPN'"):
        world.state("JPX")


def test_state_that_did_not_exist_yet(world: World) -> None:
    with pytest.raises(DateOutOfCoverageError, match="PLW"):
        world.at("1980-01-01").existing_state("PLW")


def test_world_pickles_for_distributed_engines(world: World) -> None:
    snapshot = world.at("2024-10-01")
    clone = pickle.loads(pickle.dumps(snapshot))
    assert len(clone.pledges) == len(snapshot.pledges)
    assert clone.state("USA").figure("military_expenditure_usd") == snapshot.state("USA").figure(
        "military_expenditure_usd"
    )
