"""The catalog API as a FastAPI app: `create_app(...)`.

Routes (OpenAPI at `/openapi.json`, docs at `/docs`):

- `GET /api/v1/endpoints`, `/api/v1/endpoints/{id}`, `/api/v1/endpoints/{id}/prices`,
  `/api/v1/endpoints/{id}/probes`, `/api/v1/models`, `/api/v1/models/{model_id}`, `/api/v1/changes`,
  `/api/v1/changes.atom`, `/api/v1/recommend`, `/api/v1/unmatched` (`api.identity_routes`): the catalog,
  open to read;
- `POST /api/v1/crawl`, `POST /api/v1/probe`: the admin side (`api.admin`), behind a bearer token;
- `GET /healthz`, `GET /metrics`.

Invalid parameters are answered 422 with a message naming the parameter; unknown ids 404; a database
that does not answer 503. Nothing reads the environment here: the caller (`monitor`) hands settings in.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from api import admin, catalog_routes, identity_routes, ops_routes, recommend_routes
from api.http import NotFound, ParameterError, json_response
from api.render import dumps
from api.state import AdminActions, ApiState, CachedAnswers
from db.catalog.reader import CatalogReader
from db.engine import make_engine
from db.recommend.cost import Rate
from db.types import utcnow

logger = logging.getLogger(__name__)

DESCRIPTION = """A self-hosted catalog of LLM API endpoints: who serves a model, at what price, how fast
and how reliably, with the whole history.

Money is a number per 1M tokens (`request`, `image`, `web_search`: per unit) in the endpoint's
`currency`; null means not published, 0 means free. Times are ISO 8601 in UTC. List routes take `limit`
(at most 1000) and `offset` and answer `{"data": [...], "total": N}`. Figures measured by our own probes
(`status`, `uptime`, `ttft_ms`) are kept apart from what an aggregator reports (`reported`)."""


def create_app(
    *,
    engine: Engine | None = None,
    db_url: str | None = None,
    admin_token: str | None = None,
    actions: AdminActions | None = None,
    aliases: Mapping[str, str] | None = None,
    rates: Sequence[Rate] = (),
    refresh_s: float = 1.0,
    probe_refresh_s: float = 15.0,
    background_refresh: bool = True,
    expect_scheduler: bool = False,
    heartbeat_max_age_s: float = 120.0,
    clock: Callable[[], datetime] = utcnow,
) -> FastAPI:
    """The catalog API over `engine` (or a new engine on `db_url`, disposed when the app stops).

    - `admin_token`: the bearer token of the admin routes; None or empty turns them off (403 to a request
      that brings a token, 401 to one without).
    - `actions`: what the admin routes start (`AdminActions`); None: they answer 503.
    - `aliases`: provider model id -> canonical id, so `?model=` takes either (the config's aliases).
    - `rates`: other currencies to USD for the recommender (the config's ``[currencies]``).
    - `refresh_s`: how often, at most, the store's version is checked; `probe_refresh_s`: how often,
      at most, new probe samples alone rebuild the snapshot (a crawl's changes show at once);
      `background_refresh`: rebuild the snapshot in a background thread while serving the previous one.
    - `expect_scheduler`: this process runs the scheduler (`modelwatch run`): a heartbeat older than
      `heartbeat_max_age_s` makes `/healthz` answer 503.
    - `clock`: the time (injected in tests).
    """
    if engine is None:
        if db_url is None:
            raise ValueError("create_app needs an engine or a db_url")
        engine = make_engine(db_url, create=False)  # a reader: never creates nor migrates the schema
        owned = True
    else:
        owned = False
    state = ApiState(
        engine=engine,
        reader=CatalogReader(
            engine,
            aliases=aliases,
            refresh_s=refresh_s,
            probe_refresh_s=probe_refresh_s,
            background=background_refresh,
            now=clock,
        ),
        admin_token=admin_token or None,
        actions=actions,
        clock=clock,
        expect_scheduler=expect_scheduler,
        heartbeat_max_age_s=heartbeat_max_age_s,
        aliases=dict(aliases or {}),
        rates=tuple(rates),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.reader.wait(timeout_s=10)
        if owned:
            state.engine.dispose()

    app = FastAPI(
        title="modelwatch catalog API",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "catalog", "description": "endpoints, models, prices, probe history, changes"},
            {"name": "recommend", "description": "which endpoint to use for a job"},
            {"name": "admin", "description": "start work now (bearer token)"},
            {"name": "operations", "description": "health and metrics"},
        ],
    )
    app.state.modelwatch = state
    routers = (
        catalog_routes.router,
        identity_routes.router,
        recommend_routes.router,
        admin.router,
        ops_routes.router,
    )
    for router in routers:
        app.include_router(router)
    _document_parameters_as_sent(app)
    _add_error_handlers(app)
    app.add_middleware(CachedAnswers, state=state)  # repeated questions skip routing and parsing
    return app


def _document_parameters_as_sent(app: FastAPI) -> None:
    """Parameters in the OpenAPI document as they travel: a query string or a path has no null, so an
    optional parameter (`float | None = None`) is documented as its type, not required, rather than as
    `anyOf: [type, null]`, which no request can send (`?max_input_price=null` is a 422)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        fresh = app.openapi_schema is None
        document = build()
        if fresh:
            for path_item in document.get("paths", {}).values():
                for operation in path_item.values():
                    for parameter in operation.get("parameters", []):
                        parameter["schema"] = _without_null(parameter.get("schema", {}))
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    branches = schema.get("anyOf")
    if not isinstance(branches, list) or {"type": "null"} not in branches:
        return schema
    rest = [branch for branch in branches if branch != {"type": "null"}]
    outer = {key: value for key, value in schema.items() if key != "anyOf"}
    if len(rest) == 1:
        return {**rest[0], **outer}
    return {**outer, "anyOf": rest}


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> Response:
        errors = []
        for error in exc.errors():
            location = error.get("loc", ())
            where = str(location[0]) if location else "request"
            name = str(location[1]) if len(location) > 1 else where
            message = str(error.get("msg", "invalid"))
            if len(location) > 2:  # an item of a repeated parameter, or a key inside a body
                message = f"{'.'.join(str(part) for part in location[2:])}: {message}"
            errors.append({"parameter": name, "location": where, "message": message})
        first = errors[0] if errors else {"parameter": "request", "location": "request", "message": "invalid"}
        detail = f"invalid parameter {first['parameter']}: {first['message']}"
        return json_response(dumps({"detail": detail, "errors": errors}), status_code=422)

    @app.exception_handler(ParameterError)
    async def invalid_value(_request: Request, exc: ParameterError) -> Response:
        error = {"parameter": exc.parameter, "location": exc.location, "message": exc.message}
        body = {"detail": f"invalid parameter {exc.parameter}: {exc.message}", "errors": [error]}
        return json_response(dumps(body), status_code=422)

    @app.exception_handler(NotFound)
    async def not_found(_request: Request, exc: NotFound) -> Response:
        return json_response(dumps({"detail": str(exc)}), status_code=404)

    @app.exception_handler(DBAPIError)
    async def database_down(_request: Request, exc: DBAPIError) -> Response:
        logger.warning(
            "database error: %s", type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__
        )
        return json_response(dumps({"detail": "the database is unavailable; try again"}), status_code=503)
