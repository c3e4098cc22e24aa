"""The JSON Schema of scenario files."""

from __future__ import annotations

import json

from alliances.io import scenario_json_schema


def test_schema_is_json_and_describes_every_section() -> None:
    schema = json.loads(json.dumps(scenario_json_schema()))
    assert schema["title"] == "alliances scenario file"
    assert {
        "states",
        "places",
        "treaties",
        "deployments",
        "crises",
        "include",
        "extends",
        "tags",
        "world",
        "format",
    } <= set(schema["properties"])
    obligation = schema["$defs"]["ObligationIn"]["properties"]
    assert set(obligation["kind"]["enum"]) == {
        "defense",
        "offense",
        "neutrality",
        "nonaggression",
        "consultation",
        "access",
        "forum",
    }
    assert schema["additionalProperties"] is False
