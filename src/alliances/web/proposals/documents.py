"""A user's proposal (YAML or JSON text) read with the project's own validation, safely.

The text is size-checked by the caller, then checked here for alias bombs and
for a ``base`` that is not an embedded world (a file path there would make
the loader open a file), then parsed and validated exactly as
``alliances check`` does, with the same located problems.

Examples
--------
>>> text = '''
... format: alliances/1
... proposal: {id: demo, name: Demo, effective: 2025-01-01}
... edits:
...   - change_deployment: {deployment: usa-in-jpn, command: shared}
... '''
>>> doc = parse_document(text)
>>> doc.proposal.id, len(doc.proposal.edits)
('demo', 1)
>>> try:
...     parse_document(text.replace("usa-in-jpn", "usa-in-jpx"))
... except ScenarioError as error:
...     print(error.problems[0].line, error.problems[0].hint)
5 did you mean 'usa-in-jpn'?
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from alliances.errors import ScenarioError, UnknownEntityError
from alliances.io import DEFAULT_WORLD
from alliances.io.proposals import CURRENT, embedded_proposal_names, parse_proposal
from alliances.io.yaml_source import Document, parse_yaml
from alliances.model import Proposal, World, apply_proposal
from alliances.web.limits import check_yaml_budget

__all__ = [
    "UPLOAD_NAME",
    "ProposalDocument",
    "blank_document",
    "embedded_document",
    "parse_document",
    "to_yaml",
]

UPLOAD_NAME = "upload.yaml"
"""The file name problems in a user's text are located in."""


@dataclass(frozen=True, slots=True)
class ProposalDocument:
    """A validated proposal and the plain data it was read from."""

    proposal: Proposal
    data: dict[str, Any]

    def world(self) -> World:
        """The base world with the proposal's edits applied."""
        from alliances.io import load_world

        return apply_proposal(load_world(self.proposal.base), self.proposal)

    def summary(self) -> dict[str, Any]:
        """Id, name, base, effective date and number of edits."""
        p = self.proposal
        return {
            "id": p.id,
            "name": p.name,
            "description": p.description,
            "base": p.base,
            "effective": p.effective.isoformat(),
            "edits": len(p.edits),
        }


def parse_document(text: str, file: str = UPLOAD_NAME) -> ProposalDocument:
    """Validate a proposal given as YAML (or JSON) text; raise ScenarioError with every problem."""
    check_yaml_budget(text)
    doc = parse_yaml(text, file)
    _check_base(doc)
    return ProposalDocument(proposal=parse_proposal(doc), data=_plain(doc.data))


def _check_base(doc: Document) -> None:
    data = doc.data if isinstance(doc.data, dict) else {}
    info = data.get("proposal")
    base = info.get("base", DEFAULT_WORLD) if isinstance(info, dict) else DEFAULT_WORLD
    if base != DEFAULT_WORLD:
        raise ScenarioError(
            [
                doc.problem(
                    ("proposal", "base"),
                    f"base {str(base)!r} is not a world the web app serves",
                    entity="proposal",
                    hint=f"the web app accepts: {DEFAULT_WORLD}",
                )
            ]
        )


def _plain(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}


def blank_document(effective: dt.date | None = None) -> dict[str, Any]:
    """A new proposal on the embedded world with no edits yet.

    Examples
    --------
    >>> blank_document(dt.date(2025, 1, 1))["proposal"]["effective"]
    '2025-01-01'
    """
    day = effective or dt.date.today()
    return {
        "format": "alliances/1",
        "proposal": {
            "id": "my-proposal",
            "name": "My proposal",
            "base": DEFAULT_WORLD,
            "effective": day.isoformat(),
        },
        "edits": [],
    }


def embedded_document(name: str) -> dict[str, Any]:
    """The plain data of an embedded proposal (``current`` gives a blank one)."""
    if name == CURRENT:
        return blank_document()
    if name not in embedded_proposal_names():
        raise UnknownEntityError("proposal", name, embedded_proposal_names())
    path = resources.files("alliances.data") / "proposals" / f"{name}.yaml"
    return _plain(parse_yaml(path.read_text(encoding="utf-8"), f"{name}.yaml").data)


def to_yaml(data: dict[str, Any]) -> str:
    """A proposal's data as YAML text, in the order it was given.

    Examples
    --------
    >>> print(to_yaml({"format": "alliances/1", "edits": []}), end="")
    format: alliances/1
    edits: []
    """
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
