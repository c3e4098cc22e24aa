"""The JSON API: every endpoint answers in the CLI's --json shape; bad input gets a 4xx.

Expected values are those the CLI prints for the same query (``alliances attack
... --json`` etc.), so the web layer is checked to add nothing and lose nothing.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from alliances.cli import app as cli_app

SENKAKU = {"by": "CHN", "on": "JPN", "at": "Senkaku Islands", "date": "2024-10-01"}


def _cli_json(*args: str) -> object:
    result = CliRunner().invoke(cli_app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_attack_matches_cli_json(client: TestClient) -> None:
    response = client.get("/api/attack", params=SENKAKU)
    assert response.status_code == 200
    expected = _cli_json(
        "attack", "--by", "CHN", "--on", "JPN", "--at", "Senkaku Islands",
        "--date", "2024-10-01", "--cascade",
    )  # fmt: skip
    assert response.json() == expected


def test_attack_without_cascade_and_with_counterattack_reading(client: TestClient) -> None:
    plain = client.get("/api/attack", params={**SENKAKU, "cascade": "false"}).json()
    assert "cascade" not in plain
    entrapment = client.get("/api/attack", params={**SENKAKU, "counterattack": "true"})
    assert entrapment.json()["rules"]["counterattack_is_armed_attack"] is True


def test_attack_on_a_proposal_world(client: TestClient) -> None:
    """Under Ishiba's reform Japan owes the US defence of Guam (revised Art. V)."""
    params = {"by": "CHN", "on": "USA", "at": "guam", "date": "2025-01-01", "cascade": "false"}
    before = client.get("/api/attack", params=params).json()
    after = client.get("/api/attack", params={**params, "architecture": "ishiba-reform"}).json()
    defending = {s["state"] for s in after["states"] if s["duty"] == "defend"}
    assert "JPN" in defending
    assert "JPN" not in {s["state"] for s in before["states"] if s["duty"] == "defend"}


def test_crises_match_cli_json(client: TestClient) -> None:
    assert client.get("/api/crises").json() == _cli_json("crises")


def test_compare_and_diff_match_cli_json(client: TestClient) -> None:
    compared = client.get("/api/compare", params={"architectures": ["current", "ishiba-reform"]})
    assert compared.json() == _cli_json("compare", "current", "ishiba-reform")
    diff = client.get("/api/diff", params={"proposal": "ishiba-reform"})
    assert diff.json() == _cli_json("diff", "current", "ishiba-reform")


def test_align_matches_cli_json(client: TestClient) -> None:
    response = client.get("/api/align", params={"date": "2024-10-01"})
    assert response.json() == _cli_json("align", "--date", "2024-10-01")


def test_list_matches_cli_json(client: TestClient) -> None:
    for kind in ("states", "places", "treaties", "crises"):
        response = client.get(f"/api/list/{kind}", params={"date": "1975-01-01"})
        assert response.json() == _cli_json("list", kind, "--date", "1975-01-01")


def test_architectures_lists_current_then_proposals(client: TestClient) -> None:
    rows = client.get("/api/architectures").json()
    assert rows[0]["id"] == "current"
    assert "asian-nato-core" in {r["id"] for r in rows}


def test_map_layers_show_suspension_and_pending_treaties(client: TestClient) -> None:
    """ANZUS US-NZ is suspended since 1986; Russia-DPRK (2024) binds from 4 Dec 2024."""
    layers = client.get("/api/map", params={"date": "2024-10-01"}).json()
    status = {(link["a"], link["b"], link["status"]) for link in layers["links"]}
    assert ("NZL", "USA", "suspended") in status
    assert ("PRK", "RUS", "not-yet-in-force") in status
    japan = next(link for link in layers["links"] if (link["a"], link["b"]) == ("JPN", "USA"))
    treaty = next(t for t in japan["treaties"] if t["id"] == "US-JPN-1960")
    assert treaty["article"] == "Art. V"
    assert treaty["source"]
    assert {d["command"] for d in layers["deployments"]} >= {"national"}


def test_map_replays_history(client: TestClient) -> None:
    """In 1960 there is no Russia-DPRK tie and SEATO's era ties exist; NZ is not suspended."""
    layers = client.get("/api/map", params={"date": "1960-12-31"}).json()
    pairs = {(link["a"], link["b"], link["status"]) for link in layers["links"]}
    assert ("NZL", "USA", "in-force") in {(a, b, s) for a, b, s in pairs}
    assert not any(a == "PRK" and b == "RUS" for a, b, _ in pairs)
    events = client.get("/api/map/timeline").json()
    assert events["from"] == "1951-01-01"
    assert any(e["treaty"] == "ANZUS" and e["event"] == "signed" for e in events["events"])


def test_shapes_and_static_assets_are_served_locally(client: TestClient) -> None:
    shapes = client.get("/api/map/shapes")
    assert shapes.status_code == 200
    assert len(shapes.json()["x"]) > 1000
    page = client.get("/")
    assert page.status_code == 200
    assert "http://" not in page.text
    assert "https://" not in page.text
    assert client.get("/vendor/plotly.min.js").text.startswith("/**")
    assert client.get("/static/app.css").status_code == 200
    docs = client.get("/docs")
    assert "https://" not in docs.text
    assert client.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "alliances"


def test_pages_carry_a_content_security_policy(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert client.get("/api/architectures").headers["x-content-type-options"] == "nosniff"


def test_probabilities_hook_says_unavailable_without_an_engine(client: TestClient) -> None:
    answer = client.get("/api/attack/probabilities", params=SENKAKU).json()
    assert answer["available"] is False
    assert "simulation" in answer["reason"]


def test_probabilities_hook_calls_the_plugged_in_engine() -> None:
    from alliances.web import Settings, create_app

    seen = []

    def engine(world: object, attack: object, rules: object) -> dict[str, object]:
        seen.append(attack)
        return {"p_defend": {"USA": 0.9}}

    app = create_app(Settings(database_url="sqlite://"), probabilities=engine)
    answer = TestClient(app).get("/api/attack/probabilities", params=SENKAKU).json()
    assert answer == {"available": True, "result": {"p_defend": {"USA": 0.9}}}
    assert seen[0].place == "senkaku-islands"


@pytest.mark.parametrize(
    ("url", "params", "status", "message"),
    [
        (
            "/api/attack",
            {"by": "CHN", "on": "JPX"},
            404,
            "unknown state 'JPX' (did you mean 'JPN'?)",
        ),
        ("/api/attack", {"by": "CHN", "on": "JPN", "at": "Atlantis"}, 404, "unknown place"),
        ("/api/attack", {"by": "CHN", "on": "JPN", "date": "2024-02-30"}, 400, "not a valid date"),
        (
            "/api/attack",
            {"by": "CHN", "on": "JPN", "date": "1900-01-01"},
            400,
            "before the coverage",
        ),
        ("/api/attack", {"by": "CHN"}, 422, "on: Field required"),
        ("/api/attack", {"by": "x" * 65, "on": "JPN"}, 422, "at most 64 characters"),
        (
            "/api/attack",
            {"by": "CHN", "on": "JPN", "architecture": "../etc"},
            404,
            "unknown architecture",
        ),
        ("/api/map", {"architecture": "/etc/passwd"}, 404, "unknown architecture"),
        ("/api/map", {"date": "yesterday"}, 400, "not a valid date"),
        ("/api/list/weapons", {}, 404, "unknown list 'weapons'"),
        (
            "/api/compare",
            {"architectures": ["current", "asian-nato-corr"]},
            404,
            "did you mean 'asian-nato-core'?",
        ),
        ("/api/compare", {"architectures": ["current"] * 9}, 400, "compare 1 to 8 architectures"),
        # names are checked before anything is loaded: a path never reaches the file system
        ("/api/diff", {"proposal": "/etc/passwd"}, 404, "unknown architecture '/etc/passwd'"),
        ("/api/diff", {"proposal": "ishiba-reform", "base": "/etc/hosts"}, 404, "'/etc/hosts'"),
        ("/api/compare", {"architectures": ["/etc/passwd"]}, 404, "unknown architecture"),
        ("/api/align", {"k": 99}, 422, "less than or equal to 8"),
        ("/api/proposals/nope/document", {}, 404, "unknown proposal 'nope'"),
        ("/api/scenarios/not-a-real-id", {}, 404, "no saved scenario 'not-a-real-id'"),
        ("/api/scenarios/AAAAAAAAAAAAAAAAAAAAAA", {}, 404, "no saved scenario"),
    ],
)
def test_bad_queries_get_a_clear_4xx(
    client: TestClient, url: str, params: dict[str, object], status: int, message: str
) -> None:
    response = client.get(url, params=params)
    assert response.status_code == status
    assert message in response.json()["error"]
    assert "Traceback" not in response.text


def test_unknown_share_link_is_a_404_page(client: TestClient) -> None:
    response = client.get("/s/%3Cscript%3Ealert(1)%3C")
    assert response.status_code == 404
    assert "Scenario not found" in response.text
    assert "<script>" not in response.text


def test_unknown_url_is_a_json_404(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"error": "Not Found"}
