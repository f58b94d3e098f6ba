"""Engines and sessions: SQLite by default, PostgreSQL by URL alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from db.dialect import WRITE_OPTION, configure_sqlite, engine_options
from db.errors import DatabaseError, SchemaError
from db.schema import check_schema, ensure_schema

__all__ = [
    "DEFAULT_DB_URL",
    "DatabaseError",
    "SchemaError",
    "make_engine",
    "normalise_url",
    "safe_url",
    "session_scope",
]

#: The database when none is given: `modelwatch` (no --db, no $MODELWATCH_DB_URL) and the dashboard use
#: this file in the working directory. (The Makefile's DB_URL repeats it: make cannot import it.)
DEFAULT_DB_URL = "sqlite:///modelwatch.db"


def normalise_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def safe_url(url: str) -> str:
    """The URL with any password masked, for messages and logs."""
    try:
        return make_url(normalise_url(url)).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"


def make_engine(url: str, *, create: bool = True, check: bool = True) -> Engine:
    """An engine for `url`.

    With `create`, an empty database gets the schema (at the migrations' head); with `check` alone,
    it must already be there. Either way a schema that is not at head is a `SchemaError` naming the
    command to run (`modelwatch db upgrade`): only `db.schema.upgrade` migrates, never a side effect.
    """
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise DatabaseError(f"invalid database URL {safe_url(url)!r}: {exc}") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseError(f"database folder {folder} does not exist (from {safe_url(url)})")
    engine = create_engine(url, **engine_options(url))
    if parsed.get_backend_name() == "sqlite":
        configure_sqlite(engine)
    if create or check:
        try:
            ensure_schema(engine) if create else check_schema(engine)
        except DatabaseError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            raise DatabaseError(f"cannot open database {safe_url(str(engine.url))}: {exc}") from None
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A write session whose work commits at the end of the block, or rolls back on any error.

    On SQLite it holds the write lock from its first statement, so concurrent writers (a crawl, a
    probe round, the alert jobs, the heartbeat) wait their turn instead of failing.
    """
    with Session(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
