"""Alembic environment: runs on the connection :func:`alliances.web.store.migrate` passes."""

from __future__ import annotations

from alembic import context

from alliances.web.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
