"""The command line: a thin face over the engines (``alliances --help``)."""

from alliances.cli.app import app, main

__all__ = ["app", "main"]
