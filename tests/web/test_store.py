"""Saved scenarios in a real SQLite file: migrations applied at start-up, ids unguessable."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from alliances.web.settings import DEFAULT_DATABASE_URL, Settings
from alliances.web.store import ScenarioStore, UnknownScenarioError, new_scenario_id


def test_migration_creates_the_table_in_a_new_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'scenarios.db'}"
    store = ScenarioStore.open(url)
    inspector = sa.inspect(store.engine)
    assert "scenarios" in inspector.get_table_names()
    assert "alembic_version" in inspector.get_table_names()
    with store.engine.connect() as connection:
        assert (
            connection.execute(sa.text("select version_num from alembic_version")).scalar()
            == "0001"
        )


def test_reopening_keeps_saved_scenarios(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'scenarios.db'}"
    saved = ScenarioStore.open(url).save("Demo", "edits: []\n")
    assert ScenarioStore.open(url).load(saved.id).name == "Demo"


def test_unknown_and_malformed_ids(tmp_path: Path) -> None:
    store = ScenarioStore.open(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(UnknownScenarioError, match="no saved scenario"):
        store.load(new_scenario_id())
    with pytest.raises(UnknownScenarioError, match="no saved scenario"):
        store.load("'; drop table scenarios; --")
    assert "scenarios" in sa.inspect(store.engine).get_table_names()


def test_ids_are_random_url_safe_tokens() -> None:
    ids = {new_scenario_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) == 22 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


def test_database_url_setting() -> None:
    assert Settings.from_env({}).database_url == DEFAULT_DATABASE_URL
    env = {"ALLIANCES_DATABASE_URL": "postgresql://u@h/db", "ALLIANCES_MAX_UPLOAD_BYTES": "1024"}
    settings = Settings.from_env(env)
    assert settings.database_url == "postgresql://u@h/db"
    assert settings.max_upload_bytes == 1024
