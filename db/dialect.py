"""The only place that knows SQLite from PostgreSQL.

SQLite needs per-connection pragmas (WAL for readers beside a writer, foreign keys, a busy timeout
so a second process waits instead of failing); PostgreSQL needs nothing beyond its URL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

SQLITE_BUSY_TIMEOUT_MS = 30_000
#: Execution option of write transactions (`db.engine.session_scope`): on SQLite they BEGIN IMMEDIATE.
WRITE_OPTION = "modelwatch_write"


def configure_sqlite(engine: Engine) -> None:
    """Set WAL, foreign keys and a busy timeout on every new SQLite connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling issues BEGIN lazily and never for SELECTs; take it
        # over so that a write transaction starts with BEGIN IMMEDIATE-free semantics we control.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # NORMAL is durable across application crashes in WAL mode (only an OS crash may lose the
        # last transactions), and much faster than FULL.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A write transaction takes the write lock at once: one that reads first and writes later
        # fails at once ("database is locked", no busy wait) when another writer committed in between.
        immediate = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def engine_options(url: str) -> dict[str, Any]:
    """Keyword arguments for `create_engine` that suit the backend."""
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}}
    return {"pool_pre_ping": True}
