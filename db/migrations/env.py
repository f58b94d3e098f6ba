"""Alembic's environment: run by `db.schema` with the connection it opened (never from an ini file).

The connection arrives in `config.attributes["connection"]`, already inside the one transaction
that holds the whole upgrade: every migration of a run commits together or not at all.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlmodel import SQLModel

from db.schema import include_object, render_item, target_metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by running the alembic CLI by hand
    raise RuntimeError("run migrations through `modelwatch db upgrade`, not the alembic command")

options: dict[str, Any] = {
    "connection": connection,
    "target_metadata": target_metadata(),
    "include_object": include_object,
    "render_item": render_item,
    "compare_type": True,
    "compare_server_default": True,
    # SQLite alters tables by copying them (batch mode); PostgreSQL alters them in place.
    "render_as_batch": connection.dialect.name == "sqlite",
    "transaction_per_migration": False,
    # SQLite runs DDL inside a transaction too (the connection issues BEGIN itself): all or nothing.
    "transactional_ddl": True,
}
context.configure(**options)
assert SQLModel.metadata is options["target_metadata"]
with context.begin_transaction():
    context.run_migrations()
