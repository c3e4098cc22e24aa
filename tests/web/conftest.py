"""Fixtures of the web tests: an app on an in-memory database and its test client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from fastapi.testclient import TestClient

from alliances.web import Settings, create_app


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """One app for the session: the engines' caches make repeated queries cheap."""
    with TestClient(create_app(Settings(database_url="sqlite://"))) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def ishiba_yaml(client: TestClient) -> str:
    """A shipped proposal's YAML, as a user would upload it."""
    text: str = client.get("/api/proposals/ishiba-reform/document").json()["yaml"]
    return text
