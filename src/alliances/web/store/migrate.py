"""Bring a database up to the latest schema with Alembic, from code (no alembic.ini)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

__all__ = ["migrate"]

_SCRIPTS = "alliances.web.store:migrations"


def migrate(engine: Engine) -> None:
    """Apply every migration not yet applied to ``engine``'s database."""
    config = Config()
    config.set_main_option("script_location", _SCRIPTS)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
