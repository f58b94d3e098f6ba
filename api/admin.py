"""The admin side: `POST /api/v1/crawl` and `POST /api/v1/probe` start work now.

They need `Authorization: Bearer <token>` (the `MODELWATCH_ADMIN_TOKEN` the service was started with,
compared in constant time). A request without credentials is 401 with `WWW-Authenticate: Bearer`, as is
a wrong or empty token. With no token configured the routes are off: a request that brings a token is
403, saying how to turn them on (403 rather than 404, so a client learns the route exists and why it
refuses; a request without one is still 401, saying the same). The token is checked before the body is
read, so nothing about the body leaks to a caller without it. The work itself is the injected
`AdminActions`' (the service's crawl and probe jobs); these routes only start it and answer 202 with
what was started.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.exceptions import HTTPException
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from api.http import ParameterError, json_response, state_of
from api.render import dumps
from api.schemas import Accepted, Problem, ValidationProblem
from api.state import ActionRefused

router = APIRouter(prefix="/api/v1", tags=["admin"])
bearer = HTTPBearer(auto_error=False, description="the MODELWATCH_ADMIN_TOKEN the service runs with")
OFF = "admin routes are off: start modelwatch with MODELWATCH_ADMIN_TOKEN set to turn them on"
MAX_BODY = 64 * 1024
CHALLENGE = {"WWW-Authenticate": "Bearer"}

_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {
        "model": Problem,
        "description": "no credentials, or a wrong or empty bearer token",
        "headers": {
            "WWW-Authenticate": {
                "description": "the scheme to use: `Bearer`",
                "required": True,
                "schema": {"type": "string", "enum": ["Bearer"]},
            }
        },
    },
    403: {
        "model": Problem,
        "description": "admin routes are off (no MODELWATCH_ADMIN_TOKEN); a token was sent",
    },
    409: {"model": Problem, "description": "already running"},
    422: {"model": ValidationProblem, "description": "bad body or unknown names"},
    503: {"model": Problem, "description": "this process can not do that work"},
}


def _body_schema(key: str, example: list[str]) -> dict[str, Any]:
    schema = {
        "type": "object",
        "properties": {key: {"type": "array", "items": {"type": "string"}, "description": "default: all"}},
        "additionalProperties": False,
    }
    content = {"application/json": {"schema": schema, "example": {key: example}}}
    return {"requestBody": {"required": False, "content": content}}


def require_admin(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    state = state_of(request)
    if credentials is None:
        detail = "a valid admin token is required" if state.admin_enabled else OFF
        raise HTTPException(401, detail, headers=CHALLENGE)
    if not state.admin_enabled:
        raise HTTPException(403, OFF)
    if not state.token_matches(credentials.credentials):
        raise HTTPException(401, "a valid admin token is required", headers=CHALLENGE)


async def _names(request: Request, key: str) -> list[str] | None:
    """The list under `key` in the JSON body; None when the body (no byte at all) or the key is absent
    (meaning all). A body of blanks is not JSON, so it is refused like any other."""
    raw = await request.body()
    if not raw:
        return None
    if len(raw) > MAX_BODY:
        raise ParameterError("body", f"body larger than {MAX_BODY} bytes", location="body")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ParameterError("body", "not JSON", location="body") from None
    if not isinstance(body, dict) or set(body) - {key}:
        raise ParameterError("body", f'expected an object like {{"{key}": ["name", ...]}}', location="body")
    if key not in body:
        return None
    names = body[key]
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ParameterError(key, "a list of names (strings)", location="body")
    return names


async def _start(request: Request, action: str, names: list[str] | None) -> Response:
    actions = state_of(request).actions
    if actions is None:
        raise HTTPException(503, f"this process can not {action}: no {action} action configured")
    try:
        run = actions.crawl if action == "crawl" else actions.probe
        detail = await run_in_threadpool(run, names)
    except ActionRefused as exc:
        if exc.status_code == 422:
            raise ParameterError(
                "sources" if action == "crawl" else "probes", str(exc), location="body"
            ) from None
        raise HTTPException(exc.status_code, str(exc)) from None
    return json_response(dumps({"accepted": True, "action": action, "detail": detail}), status_code=202)


@router.post(
    "/crawl",
    status_code=202,
    response_model=Accepted,
    responses=_RESPONSES,
    dependencies=[Depends(require_admin)],
    openapi_extra=_body_schema("sources", ["openrouter"]),
    summary="Crawl now",
)
async def crawl_now(request: Request) -> Response:
    """Start a crawl of the named sources (default: every enabled source) now; answers at once."""
    return await _start(request, "crawl", await _names(request, "sources"))


@router.post(
    "/probe",
    status_code=202,
    response_model=Accepted,
    responses=_RESPONSES,
    dependencies=[Depends(require_admin)],
    openapi_extra=_body_schema("probes", ["eigenai-deepseek-v3.1"]),
    summary="Probe now",
)
async def probe_now(request: Request) -> Response:
    """Start a probe round of the named probes (default: every enabled probe) now; answers at once."""
    return await _start(request, "probe", await _names(request, "probes"))
