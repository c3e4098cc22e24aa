"""Settings of the web app, read once from the environment.

Examples
--------
>>> Settings().database_url
'sqlite:///alliances-web.db'
>>> Settings.from_env({"ALLIANCES_DATABASE_URL": "sqlite:///:memory:"}).database_url
'sqlite:///:memory:'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["DEFAULT_DATABASE_URL", "MAX_UPLOAD_BYTES", "Settings"]

DEFAULT_DATABASE_URL = "sqlite:///alliances-web.db"
"""A SQLite file named ``alliances-web.db`` in the current working directory."""

MAX_UPLOAD_BYTES = 256 * 1024
"""The largest proposal a user may send (256 KiB); larger bodies get 413 unread."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Where saved scenarios live and how large an upload may be."""

    database_url: str = DEFAULT_DATABASE_URL
    max_upload_bytes: int = MAX_UPLOAD_BYTES

    @staticmethod
    def from_env(environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``ALLIANCES_DATABASE_URL`` and ``ALLIANCES_MAX_UPLOAD_BYTES``."""
        env = os.environ if environ is None else environ
        return Settings(
            database_url=env.get("ALLIANCES_DATABASE_URL", DEFAULT_DATABASE_URL),
            max_upload_bytes=int(env.get("ALLIANCES_MAX_UPLOAD_BYTES", MAX_UPLOAD_BYTES)),
        )
