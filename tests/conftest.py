"""Shared fixtures: real SQLite files, a real PostgreSQL schema per test, the replica on a free port."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
POSTGRES_ENV = "MODELWATCH_TEST_POSTGRES_URL"
CI_ENV = "CI"


def in_ci() -> bool:
    """True when ``$CI`` is set to anything but empty, ``0`` or ``false`` (CI services and .ci/run set it)."""
    return os.environ.get(CI_ENV, "").strip().lower() not in ("", "0", "false")


def no_postgres(reason: str) -> NoReturn:
    """Skip a PostgreSQL test with the reason; in CI fail it: a green run means both stores were tested."""
    if in_ci():
        pytest.fail(
            f"{reason}; {CI_ENV} is set, so a PostgreSQL test fails instead of skipping "
            f"(start the server, or point {POSTGRES_ENV} at one that answers)",
            pytrace=False,
        )
    pytest.skip(reason)


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test with the reason (a bare clone has no ../shared)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not found: {path} is absent (only developers and CI have it)")
    return path


def _postgres_base() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        return None
    from db.engine import normalise_url

    return normalise_url(url)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The PostgreSQL server CI provides, or skip with the reason (in CI: fail, see ``no_postgres``)."""
    url = _postgres_base()
    if url is None:
        no_postgres(f"{POSTGRES_ENV} is not set: no PostgreSQL to run the store tests on")
    problem = None
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 10})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:
        problem = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    if problem is not None:
        no_postgres(f"PostgreSQL at {POSTGRES_ENV} does not answer: {problem}")
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'modelwatch.db'}"


@pytest.fixture
def pg_schema_url(postgres_url: str) -> Iterator[str]:
    """A fresh schema on the test server, dropped afterwards; the URL selects it by search_path."""
    schema = f"mw_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url)
    with admin.begin() as connection:
        connection.execute(text(f'create schema "{schema}"'))
    separator = "&" if "?" in postgres_url else "?"
    yield f"{postgres_url}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f'drop schema "{schema}" cascade'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every store test runs on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'modelwatch.db'}"
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def engine(db_url: str) -> Iterator[object]:
    from db.engine import make_engine

    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def replica() -> Iterator[object]:
    """The provider replica with the built-in demo catalog, on a free port."""
    from replica.catalog import demo_catalog
    from replica.server import ReplicaServer

    with ReplicaServer(demo_catalog()) as server:
        yield server
