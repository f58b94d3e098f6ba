"""Schemathesis against `/openapi.json`: generated requests to every route, on a seeded store (SQLite and
PostgreSQL, where NUL bytes and out-of-range integers are real hazards). No answer may be a server
error, and every answer must match the documented status codes, content types and schemas.

Bounded for `make test`: a few examples per operation, the whole module well under a minute.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi import checks
from sqlalchemy import create_engine, text

from api import create_app
from db.engine import make_engine
from tests.api.client import TestClient  # noqa: F401  (first, so its warning is silenced)
from tests.api.conftest import TOKEN, RecordingActions
from tests.api.seed import NOW, seed

# a deeper run: MODELWATCH_FUZZ_EXAMPLES=200 pytest tests/api/test_openapi_fuzz.py
EXAMPLES = int(os.environ.get("MODELWATCH_FUZZ_EXAMPLES", "12"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzz_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{Path(tmp_path_factory.mktemp('fuzz')) / 'modelwatch.db'}"
        return
    base = str(request.getfixturevalue("postgres_url"))
    schema = f"mw_fuzz_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'create schema "{schema}"'))
    separator = "&" if "?" in base else "?"
    yield f"{base}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f'drop schema "{schema}" cascade'))
    admin.dispose()


class _AppUnderTest:
    """The ASGI app schemathesis calls. Its schema is read when this module loads, before any fixture
    runs, from an app over an engine nothing reads; the fixture then points it at the seeded app."""

    def __init__(self) -> None:
        self.target: Any = create_app(engine=create_engine("sqlite://"))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.target(scope, receive, send)


APP = _AppUnderTest()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def seeded_app(fuzz_db: str) -> Iterator[None]:
    engine = make_engine(fuzz_db)
    seed(engine)
    schema_only = APP.target
    APP.target = create_app(
        engine=engine,
        admin_token=TOKEN,
        actions=RecordingActions(),
        aliases={"m1-local": "acme/m1"},
        refresh_s=60,
        background_refresh=False,
        clock=lambda: NOW,
    )
    yield
    APP.target = schema_only
    engine.dispose()


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_error_and_answers_as_documented(case: Any) -> None:
    # Left out: whether every schema-valid request is accepted (rules across parameters, such as cache
    # tokens within input tokens or start before end, answer 422 by design and can not be written in
    # OpenAPI) and whether every schema-violating one is refused (a query string carries no types:
    # `kind=false` is the text "false", and a repeated single-valued parameter takes its last value).
    # Every other check runs, on valid and invalid requests alike: no server error, documented status
    # codes, content types, headers and response schemas.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {TOKEN}"},
        excluded_checks=[checks.positive_data_acceptance, checks.negative_data_rejection],
    )
