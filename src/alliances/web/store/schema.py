"""The database tables (SQLAlchemy Core); changes to them go through a migration."""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["metadata", "scenarios"]

metadata = sa.MetaData()

scenarios = sa.Table(
    "scenarios",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("yaml", sa.Text, nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
)
