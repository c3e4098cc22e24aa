"""Proposal documents over HTTP: check, compare, map, download, save and share; and the
guards on what users send (size, YAML bombs, unsafe tags, file paths)."""

from __future__ import annotations

import pytest
import yaml
from fastapi.testclient import TestClient

from alliances.web.limits import MAX_NODES

YAML = {"Content-Type": "application/yaml"}


def test_shipped_document_round_trips_through_check(client: TestClient, ishiba_yaml: str) -> None:
    answer = client.post("/api/proposals/check", content=ishiba_yaml, headers=YAML).json()
    assert answer["ok"] is True
    assert answer["proposal"]["id"] == "ishiba-reform"
    assert answer["proposal"]["edits"] == 3


def test_blank_document_for_current(client: TestClient) -> None:
    blank = client.get("/api/proposals/current/document").json()["document"]
    assert blank["edits"] == []
    assert blank["proposal"]["base"] == "indo-pacific-2024"


def test_json_documents_are_accepted(client: TestClient) -> None:
    """The editor sends JSON (which is YAML); edits from its forms validate."""
    doc = client.get("/api/proposals/current/document").json()["document"]
    doc["edits"] = [
        {"add_members": {"treaty": "ANZUS", "members": ["JPN"]}},
        {"change_deployment": {"deployment": "usa-in-kor", "command": "shared"}},
    ]
    answer = client.post("/api/proposals/check", json=doc)
    assert answer.status_code == 200, answer.text
    assert answer.json()["proposal"]["edits"] == 2


def test_compare_posted_proposal_matches_compare_of_the_shipped_one(
    client: TestClient, ishiba_yaml: str
) -> None:
    posted = client.post("/api/proposals/compare", content=ishiba_yaml, headers=YAML).json()
    shipped = client.get(
        "/api/compare", params={"architectures": ["current", "ishiba-reform"]}
    ).json()
    assert posted["summary"] == shipped["summary"]
    assert posted["changes"] == shipped["changes"]


def test_proposal_map_shows_the_changed_command(client: TestClient, ishiba_yaml: str) -> None:
    layers = client.post("/api/proposals/map", content=ishiba_yaml, headers=YAML).json()
    japan = [d for d in layers["deployments"] if d["guest"] == "USA" and d["host"] == "JPN"]
    assert {d["command"] for d in japan} == {"shared"}


def test_download_is_yaml_that_loads_back(client: TestClient, ishiba_yaml: str) -> None:
    response = client.post("/api/proposals/yaml", content=ishiba_yaml, headers=YAML)
    assert response.headers["content-disposition"] == 'attachment; filename="ishiba-reform.yaml"'
    again = client.post("/api/proposals/check", content=response.text, headers=YAML)
    assert again.json()["document"] == yaml.safe_load(ishiba_yaml) | {
        "proposal": again.json()["document"]["proposal"]
    }


def test_invalid_proposal_gets_the_same_located_problems_as_check(client: TestClient) -> None:
    text = (
        "format: alliances/1\n"
        "proposal: {id: bad, name: Bad, effective: 2025-01-01}\n"
        "edits:\n"
        "  - add_members: {treaty: ANZUZ, members: [JPN]}\n"
        "  - change_deployment: {deployment: usa-in-jpn, command: joint}\n"
    )
    response = client.post("/api/proposals/check", content=text, headers=YAML)
    assert response.status_code == 422
    texts = [p["text"] for p in response.json()["problems"]]
    assert any(t.startswith("upload.yaml:4:") and "did you mean 'ANZUS'?" in t for t in texts)
    assert any(t.startswith("upload.yaml:5:") and "command" in t for t in texts)


def test_saved_scenario_round_trip_and_share_page(client: TestClient, ishiba_yaml: str) -> None:
    saved = client.post("/api/scenarios", content=ishiba_yaml, headers=YAML)
    assert saved.status_code == 201
    body = saved.json()
    assert len(body["id"]) == 22
    assert body["url"] == f"/s/{body['id']}"
    loaded = client.get(f"/api/scenarios/{body['id']}").json()
    assert loaded["proposal"]["id"] == "ishiba-reform"
    assert client.get(body["url"]).status_code == 200
    other = client.post("/api/scenarios", content=ishiba_yaml, headers=YAML).json()
    assert other["id"] != body["id"]


def test_invalid_proposal_is_not_saved(client: TestClient) -> None:
    response = client.post("/api/scenarios", content="proposal: {id: Bad!}", headers=YAML)
    assert response.status_code == 422
    assert response.json()["problems"]


def test_oversized_upload_is_refused_before_parsing(client: TestClient) -> None:
    big = "# " + "x" * (300 * 1024)
    for url in ("/api/proposals/check", "/api/scenarios", "/api/proposals/compare"):
        response = client.post(url, content=big, headers=YAML)
        assert response.status_code == 413
        assert "the limit is 262,144 bytes" in response.json()["error"]


def test_yaml_bomb_is_refused(client: TestClient) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    response = client.post("/api/proposals/check", content="\n".join(lines), headers=YAML)
    assert response.status_code == 413
    assert f"more than {MAX_NODES:,} YAML nodes" in response.json()["error"]


@pytest.mark.parametrize("url", ["/api/proposals/check", "/api/scenarios"])
def test_a_recursive_alias_is_refused_with_its_line(client: TestClient, url: str) -> None:
    text = "format: alliances/1\nedits: &a [*a]\n"  # expanding it would never end
    response = client.post(url, content=text, headers=YAML)
    assert response.status_code == 400
    assert "line 2, column 12: the alias *a repeats a collection" in response.json()["error"]


def test_deep_nesting_is_refused(client: TestClient) -> None:
    nested = "[" * 900 + "]" * 900  # libyaml itself stops at 1000 levels
    response = client.post("/api/proposals/check", content=nested, headers=YAML)
    assert response.status_code == 413
    assert "nests deeper" in response.json()["error"]


@pytest.mark.parametrize(
    "text",
    [
        "!!python/object/apply:os.system ['touch /tmp/alliances-pwned']",
        "proposal: !!python/object/apply:os.system ['touch /tmp/alliances-pwned']\n",
        "format: alliances/1\nproposal: {id: x, name: X, effective: 2025-01-01}\n"
        "edits:\n  - !!python/name:os.system {}\n",
    ],
)
def test_python_tags_are_plain_text_never_executed(client: TestClient, text: str) -> None:
    from pathlib import Path

    response = client.post("/api/proposals/check", content=text, headers=YAML)
    assert response.status_code == 422
    assert not Path("/tmp/alliances-pwned").exists()


def test_base_world_cannot_be_a_file_path(client: TestClient, ishiba_yaml: str) -> None:
    text = ishiba_yaml.replace("base: indo-pacific-2024", "base: /etc/passwd")
    response = client.post("/api/proposals/check", content=text, headers=YAML)
    assert response.status_code == 422
    assert "is not a world the web app serves" in response.json()["problems"][0]["text"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"proposal: [unclosed", "not valid YAML"),
        (b"", "expected a mapping"),
        (b"[" * 5000, "not valid YAML"),
    ],
)
def test_garbage_bodies_get_a_4xx(client: TestClient, body: bytes, message: str) -> None:
    response = client.post("/api/proposals/check", content=body, headers=YAML)
    assert 400 <= response.status_code < 500
    assert message in response.text


def test_an_absurd_personnel_figure_is_refused_where_it_stands(client: TestClient) -> None:
    text = (
        "format: alliances/1\n"
        "proposal: {id: big, name: Big, effective: 2025-01-01}\n"
        "edits:\n"
        "  - add_deployment: {id: x, guest: USA, host: JPN, command: national,\n"
        "      source: typo, personnel: 99999999999999999999999}\n"
    )
    for url in ("/api/proposals/check", "/api/scenarios", "/api/proposals/compare"):
        response = client.post(url, content=text, headers=YAML)
        assert response.status_code == 422, url
        problems = response.json()["problems"]
        assert [(p["line"], p["column"]) for p in problems] == [(5, 32)], problems
        assert "less than or equal to 10000000" in problems[0]["message"]
