"""Proposal documents sent by users: checked safely, turned into worlds, written as YAML."""

from alliances.web.proposals.documents import (
    ProposalDocument,
    blank_document,
    embedded_document,
    parse_document,
    to_yaml,
)

__all__ = [
    "ProposalDocument",
    "blank_document",
    "embedded_document",
    "parse_document",
    "to_yaml",
]
