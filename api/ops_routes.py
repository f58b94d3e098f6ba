"""Operations routes: `/healthz`, `/metrics` (Prometheus) and the Atom feed of changes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from api import metrics
from api.feed import ATOM_TYPE, atom_feed
from api.http import ERRORS, SAFE_TEXT, IsoTime, json_response, state_of, utc
from api.query_models import ChangeKind
from api.render import dumps, iso
from api.schemas import HealthCheck
from api.state import ApiState
from db.catalog.runs import run_status
from db.catalog.timeline import list_changes
from db.heartbeat import last_beat

router = APIRouter(tags=["operations"])


def health_report(state: ApiState) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body): 503 when the database does not answer, or when this process runs the
    scheduler (`modelwatch run`) and its heartbeat is older than allowed."""
    now = state.clock()
    try:
        with state.engine.connect() as connection:
            connection.execute(text("select 1"))
        beat = last_beat(state.engine)
        runs = run_status(engine=state.engine)
    except Exception as exc:  # whatever the driver raises: say which kind, never the URL
        database = {"ok": False, "error": type(exc).__name__}
        unknown = {"expected": state.expect_scheduler, "ok": None, "last_beat": None, "age_s": None}
        return 503, {"status": "fail", "database": database, "scheduler": unknown, "catalog": {}}
    age = (now - beat.at).total_seconds() if beat is not None else None
    fresh = age is not None and age <= state.heartbeat_max_age_s
    scheduler: dict[str, Any] = {
        "expected": state.expect_scheduler,
        "ok": fresh if (state.expect_scheduler or beat is not None) else None,
        "last_beat": iso(beat.at) if beat is not None else None,
        "age_s": round(age, 3) if age is not None else None,
        "max_age_s": state.heartbeat_max_age_s,
    }
    catalog = {
        "sources": {
            run.source: {"status": run.status, "started": iso(run.started), "finished": iso(run.finished)}
            for run in runs
        }
    }
    if state.expect_scheduler and not fresh:
        status, code = "fail", 503
    elif beat is not None and not fresh:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return code, {"status": status, "database": {"ok": True}, "scheduler": scheduler, "catalog": catalog}


@router.get(
    "/healthz",
    response_model=HealthCheck,
    responses={503: {"model": HealthCheck, "description": "database unreachable or scheduler stale"}},
    summary="Health",
)
async def healthz(request: Request) -> Response:
    """Is the database reachable, how old is the scheduler's heartbeat, how did the last crawls end."""
    code, body = await run_in_threadpool(health_report, state_of(request))
    return json_response(dumps(body), status_code=code)


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Prometheus text format"}},
    summary="Prometheus metrics",
)
async def prometheus_metrics(request: Request) -> Response:
    """Probe status, uptime and latency histograms, endpoint prices and up/down, crawl run status
    (see `api.metrics`)."""
    state = state_of(request)
    snapshot = await state.snapshot()
    if state.metric_families is None or state.metric_families_version != snapshot.version:
        read = await run_in_threadpool(metrics.read_families, snapshot, state.engine, state.clock())
        state.metric_families, state.metric_families_version = read, snapshot.version
    families = state.metric_families
    heartbeat = await run_in_threadpool(metrics.heartbeat_family, state.engine)
    return Response(metrics.exposition([*families, heartbeat]), media_type=CONTENT_TYPE_LATEST)


@router.get(
    "/api/v1/changes.atom",
    response_class=Response,
    responses={
        200: {"content": {ATOM_TYPE: {}}, "description": "an Atom feed, newest first"},
        422: ERRORS[422],
    },
    tags=["catalog"],
    summary="Atom feed of changes",
)
async def changes_feed(
    request: Request,
    since: Annotated[IsoTime, Query(description="at or after (ISO 8601)")] = None,
    kind: Annotated[
        list[ChangeKind] | None, Query(description="kinds (repeat)", examples=[["price_up"]])
    ] = None,
    model: Annotated[str | None, Query(max_length=300, pattern=SAFE_TEXT)] = None,
    provider: Annotated[str | None, Query(max_length=200, pattern=SAFE_TEXT)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """The latest changes as an Atom feed (the same filters as `/api/v1/changes`)."""
    state = state_of(request)
    since_utc = utc(since, "since")
    kinds = tuple(kind or ())
    snapshot = await state.snapshot()
    # the feed's links name the host asked for: keep one body per host (Host is the client's to say)
    key = ("atom", request.url.path, request.url.query, str(request.base_url))
    body = state.cache.get(snapshot.version, key)
    if body is None:

        def build() -> bytes:
            rows, _ = list_changes(
                engine=state.engine,
                since=since_utc,
                kinds=kinds,
                model=(snapshot.resolve_model(model) or model) if model is not None else None,
                provider=provider,
                limit=limit,
                newest_first=True,
            )
            updated = rows[0].at if rows else state.clock()
            site = str(request.url_for("changes"))
            return atom_feed(rows, self_url=str(request.url), site_url=site, updated=updated)

        body = await run_in_threadpool(build)
        state.cache.put(snapshot.version, key, body)
    return Response(body, media_type=ATOM_TYPE)
