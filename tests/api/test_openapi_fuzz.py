"""Schemathesis against `/openapi.json`: generated requests to every route, on a seeded store (SQLite and
PostgreSQL, where NUL bytes and out-of-range integers are real hazards), with every check schemathesis
has: no server error; documented status codes, content types, headers and response schemas;
schema-valid requests accepted and schema-violating ones refused; a missing `Authorization` answered
401; authentication enforced; and the stateful ones (use after free, resource availability, object
level authorization), which have nothing to act on in a read-only API.

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
from schemathesis.checks import CHECKS, is_check_class, load_all_checks
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from api import create_app
from db.engine import make_engine
from tests.api.client import TestClient  # noqa: F401  (first, so its warning is silenced)
from tests.api.conftest import TOKEN, RecordingActions
from tests.api.seed import NOW, seed

# a deeper run: MODELWATCH_FUZZ_EXAMPLES=200 pytest tests/api/test_openapi_fuzz.py
EXAMPLES = int(os.environ.get("MODELWATCH_FUZZ_EXAMPLES", "12"))
load_all_checks()
#: Every check schemathesis has (its registry, not a list of names kept here).
ALL_CHECKS = [check for check in CHECKS.get_all() if not is_check_class(check)]
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: Rules across parameters, which OpenAPI can not state: a schema-valid request that breaks one is refused
#: with 422 by design, so `positive_data_acceptance` does not apply to it. Only these refusals, with
#: these messages naming these parameters, are let through; any other 422 to a valid request fails.
CROSS_PARAMETER_RULES: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("GET", "/api/v1/endpoints/{endpoint_id}/probes"): {
        "start": ("start must be before end", "at most 800 days at a time")
    },
    ("GET", "/api/v1/recommend"): {
        "cached_input_tokens": ("cached_input_tokens + cache_write_tokens must not exceed input_tokens",),
        "cache_write_tokens": ("cached_input_tokens + cache_write_tokens must not exceed input_tokens",),
    },
}


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
def seeded_app(fuzz_db: str) -> Iterator[Engine]:
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
    yield engine
    APP.target = schema_only
    engine.dispose()


@pytest.fixture
def admin_off(seeded_app: Engine) -> Iterator[None]:
    """The app as `modelwatch api` serves it without MODELWATCH_ADMIN_TOKEN: admin routes off."""
    admin_on = APP.target
    APP.target = create_app(engine=seeded_app, actions=RecordingActions(), refresh_s=60, clock=lambda: NOW)
    yield
    APP.target = admin_on


def _breaks_a_cross_parameter_rule(case: Any, response: Any) -> bool:
    rules = CROSS_PARAMETER_RULES.get((case.method.upper(), case.path))
    if rules is None or response.status_code != 422:
        return False
    errors = response.json()["errors"]
    return bool(errors) and all(e["message"].startswith(rules.get(e["parameter"], ())) for e in errors)


def _credentials(case: Any) -> dict[str, str] | None:
    """The admin token, so that generated requests get past the check of it to the route itself; none
    when the case is about leaving the `Authorization` header out (the answer must then be 401)."""
    sent = {name.lower() for name in case.headers or {}}
    drops_it = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
    return None if drops_it and "authorization" not in sent else AUTH


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_check_on_every_route(case: Any) -> None:
    headers = _credentials(case)
    response = case.call(headers=headers)
    checks = ALL_CHECKS
    if _breaks_a_cross_parameter_rule(case, response):
        checks = [check for check in ALL_CHECKS if check is not positive_data_acceptance]
    transport = {"headers": headers} if headers else None
    case.validate_response(response, checks=checks, headers=headers, transport_kwargs=transport)


@schema.include(tag="admin").parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@pytest.mark.usefixtures("admin_off")
def test_every_check_on_the_admin_routes_when_they_are_off(case: Any) -> None:
    # no credentials of ours: schemathesis sends what it generates, or none (then 401, not 403)
    case.call_and_validate(checks=ALL_CHECKS)
