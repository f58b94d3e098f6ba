"""Pieces every route uses: the app's state, JSON answers from cached bytes, and errors that name
the parameter at fault."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Request
from fastapi.responses import Response
from pydantic import BeforeValidator
from starlette.concurrency import run_in_threadpool

from api.render import dumps
from api.schemas import Problem, ValidationProblem
from api.state import ApiState, json_cache_key
from db.catalog.snapshot import CatalogSnapshot

JSON = "application/json"
#: The largest offset or count a query takes: beyond what any store holds, within a 64-bit integer.
MAX_COUNT = 1_000_000_000
#: Text that reaches SQL: no NUL (PostgreSQL refuses it in text), bounded.
SAFE_TEXT = r"^[^\x00]*$"
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "no such thing (the message says what)"},
    422: {"model": ValidationProblem, "description": "a parameter is invalid (the message names it)"},
}


class ParameterError(Exception):
    """A parameter that passed its type check but not the route's own rules: answered 422."""

    def __init__(self, parameter: str, message: str, *, location: str = "query") -> None:
        super().__init__(message)
        self.parameter = parameter
        self.location = location
        self.message = message


class NotFound(Exception):
    """Answered 404 with `detail`."""


def state_of(request: Request) -> ApiState:
    state: ApiState = request.app.state.modelwatch
    return state


def json_response(body: bytes, status_code: int = 200) -> Response:
    return Response(body, status_code=status_code, media_type=JSON)


async def cached(
    request: Request, build: Callable[[CatalogSnapshot], Any], *, in_thread: bool = False
) -> Response:
    """The JSON answer for this route and query string at the current catalog version: from the cache,
    or built (by `build(snapshot)`, in a worker thread when it does I/O) and kept."""
    state = state_of(request)
    snapshot = await state.snapshot()
    key = json_cache_key(request.scope)
    body = state.cache.get(snapshot.version, key)
    if body is None:
        value = await run_in_threadpool(build, snapshot) if in_thread else build(snapshot)
        body = dumps(value)
        state.cache.put(snapshot.version, key, body)
    return json_response(body)


_NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")


def _iso_only(value: Any) -> Any:
    """Refuse a bare number, which pydantic would take as a Unix time: times here are ISO 8601."""
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        raise ValueError("expected an ISO 8601 time, e.g. 2026-05-01T00:00:00Z")
    return value


#: A time in a query: ISO 8601 (a time without offset is taken as UTC).
IsoTime = Annotated[datetime | None, BeforeValidator(_iso_only)]


def utc(value: datetime | None, parameter: str) -> datetime | None:
    """A time given in a query as aware UTC (a naive time is taken as UTC), or a 422 naming it."""
    if value is None:
        return None
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ParameterError(parameter, "time out of range") from None
