"""Read routes of the catalog: endpoints, their prices and probe history, models, changes, and where
sources disagree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api import render
from api.http import (
    ERRORS,
    MAX_COUNT,
    SAFE_TEXT,
    IsoTime,
    NotFound,
    ParameterError,
    cached,
    json_response,
    state_of,
    utc,
)
from api.query_models import TERMINUS, ChangeKind, EndpointFilters
from api.render import dumps
from api.schemas import (
    ChangeList,
    DisagreementField,
    DisagreementList,
    EndpointList,
    EndpointPublic,
    ModelDetail,
    ModelList,
    PriceList,
    ProbeSeries,
)
from db.catalog.listing import EndpointQuery, select_endpoints, select_models
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.sources_read import DISAGREEMENT_FIELDS, DisagreementQuery, list_disagreements
from db.catalog.timeline import list_changes, price_periods
from db.probes.figures import endpoint_probe_series

router = APIRouter(prefix="/api/v1", tags=["catalog"])

Limit = Annotated[int, Query(ge=1, le=1000, description="page size (at most 1000)")]
Offset = Annotated[int, Query(ge=0, le=MAX_COUNT, description="items to skip")]


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@router.get("/endpoints", response_model=EndpointList, responses=ERRORS, summary="List endpoints")
async def list_endpoints(request: Request, q: Annotated[EndpointFilters, Query()]) -> Response:
    """Endpoints (one provider serving one model at one URL), filtered, sorted and paged."""

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        page = {"limit": q.limit, "offset": q.offset}
        resolved = snapshot.resolve_model(q.model) if q.model is not None else None
        if q.model is not None and resolved is None:
            return {"data": [], "total": 0, **page}
        query = EndpointQuery(
            model=resolved,
            provider=q.provider,
            min_context=q.min_context,
            parameters=tuple(q.param or ()),
            max_input_price=_decimal(q.max_input_price),
            max_output_price=_decimal(q.max_output_price),
            quantizations=tuple(q.quantization or ()),
            statuses=tuple(q.status or ()),
            currency=q.currency,
            include_removed=q.include_removed,
            sort=q.sort,
            limit=q.limit,
            offset=q.offset,
        )
        found, total = select_endpoints(snapshot, query)
        return {"data": [render.endpoint(e) for e in found], "total": total, **page}

    return await cached(request, build)


EndpointId = Annotated[int, Path(ge=1, le=2**62, description="endpoint id", examples=[412])]


@router.get(
    "/endpoints/{endpoint_id}", response_model=EndpointPublic, responses=ERRORS, summary="One endpoint"
)
async def get_endpoint(request: Request, endpoint_id: EndpointId) -> Response:
    snapshot = await state_of(request).snapshot()
    found = snapshot.endpoint(endpoint_id)
    if found is None:
        raise NotFound(f"no endpoint {endpoint_id}")
    return json_response(dumps(render.endpoint(found)))


@router.get(
    "/endpoints/{endpoint_id}/prices",
    response_model=PriceList,
    responses=ERRORS,
    summary="An endpoint's prices",
)
async def endpoint_prices(request: Request, endpoint_id: EndpointId) -> Response:
    """Every price period of the endpoint, oldest first; the open one (`valid_to` null) is current."""
    engine = state_of(request).engine

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        if snapshot.endpoint(endpoint_id) is None:
            raise NotFound(f"no endpoint {endpoint_id}")
        periods = price_periods(engine=engine, endpoint_id=endpoint_id)
        return {
            "endpoint_id": endpoint_id,
            "data": [render.price_period(p) for p in periods],
            "total": len(periods),
        }

    return await cached(request, build, in_thread=True)


def _day_before(moment: datetime) -> datetime:
    """The default start of a probe history: a day before its end, or the earliest time there is."""
    try:
        return moment - timedelta(days=1)
    except OverflowError:  # an end in the first day of year 1
        return datetime.min.replace(tzinfo=UTC)


@router.get(
    "/endpoints/{endpoint_id}/probes",
    response_model=ProbeSeries,
    responses=ERRORS,
    summary="An endpoint's probe history",
)
async def endpoint_probes(
    request: Request,
    endpoint_id: EndpointId,
    start: Annotated[
        IsoTime, Query(description="default: a day before end", examples=["2026-05-01T00:00:00Z"])
    ] = None,
    end: Annotated[IsoTime, Query(description="default: now", examples=["2026-05-22T00:00:00Z"])] = None,
    resolution: Annotated[
        Literal["sample", "hour", "day"] | None,
        Query(
            description="default: samples up to a day, hourly up to 60 days, daily beyond", examples=["hour"]
        ),
    ] = None,
    probe: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=SAFE_TEXT,
            description="default: the latest",
            examples=["eigenai-deepseek"],
        ),
    ] = None,
) -> Response:
    """Our probes' samples (or hourly/daily rollups) of the endpoint over [start, end)."""
    state = state_of(request)
    until = utc(end, "end") or state.clock()
    since = utc(start, "start") or _day_before(until)
    if since >= until:
        raise ParameterError("start", "start must be before end")
    if (until - since).days > 800:
        raise ParameterError("start", "at most 800 days at a time")
    snapshot = await state.snapshot()
    if snapshot.endpoint(endpoint_id) is None:
        raise NotFound(f"no endpoint {endpoint_id}")
    series = await run_in_threadpool(
        lambda: endpoint_probe_series(
            engine=state.engine,
            endpoint_id=endpoint_id,
            start=since,
            end=until,
            resolution=resolution,
            probe=probe,
        )
    )
    return json_response(dumps(render.probe_series(endpoint_id, series, start=since, end=until)))


@router.get("/models", response_model=ModelList, responses=ERRORS, summary="List models")
async def list_models(
    request: Request,
    provider: Annotated[
        str | None, Query(max_length=200, description="served by", examples=["DeepInfra"])
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="id or name contains", examples=["deepseek"])
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Models of the catalog (canonical ids), with how many active endpoints serve each."""

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        page, total = select_models(snapshot, provider=provider, q=q, limit=limit, offset=offset)
        return {"data": [render.model(m) for m in page], "total": total, "limit": limit, "offset": offset}

    return await cached(request, build)


@router.get("/models/{model_id:path}", response_model=ModelDetail, responses=ERRORS, summary="One model")
async def get_model(
    request: Request,
    model_id: Annotated[
        str, Path(description="canonical id (with its '/'), provider id or alias", examples=[TERMINUS])
    ],
) -> Response:
    """A model and its active endpoints, cheapest first."""

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        canonical = snapshot.resolve_model(model_id)
        found = snapshot.model(canonical) if canonical is not None else None
        if found is None:
            raise NotFound(f"no model {model_id!r}")
        page, _ = select_endpoints(snapshot, EndpointQuery(model=found.canonical_id, limit=MAX_COUNT))
        return {**render.model(found), "endpoints": [render.endpoint(e) for e in page]}

    return await cached(request, build)


@router.get("/changes", response_model=ChangeList, responses=ERRORS, summary="List changes")
async def changes(
    request: Request,
    since: Annotated[
        IsoTime, Query(description="at or after (ISO 8601)", examples=["2026-05-01T00:00:00Z"])
    ] = None,
    kind: Annotated[
        list[ChangeKind] | None,
        Query(description="kinds (repeat), e.g. price_up, new_endpoint", examples=[["price_up"]]),
    ] = None,
    model: Annotated[str | None, Query(max_length=300, pattern=SAFE_TEXT, examples=[TERMINUS])] = None,
    provider: Annotated[str | None, Query(max_length=200, pattern=SAFE_TEXT, examples=["OpenRouter"])] = None,
    order: Annotated[Literal["asc", "desc"], Query(description="by time", examples=["desc"])] = "asc",
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Change events (new or removed endpoints, price moves, context and parameter changes, parser
    breakages), oldest first by default."""
    since_utc = utc(since, "since")
    kinds = tuple(kind or ())
    engine = state_of(request).engine

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        rows, total = list_changes(
            engine=engine,
            since=since_utc,
            kinds=kinds,
            model=(snapshot.resolve_model(model) or model) if model is not None else None,
            provider=provider,
            limit=limit,
            offset=offset,
            newest_first=order == "desc",
        )
        return {"data": [render.change(c) for c in rows], "total": total, "limit": limit, "offset": offset}

    return await cached(request, build, in_thread=True)


assert get_args(DisagreementField) == DISAGREEMENT_FIELDS


@router.get(
    "/disagreements",
    response_model=DisagreementList,
    responses=ERRORS,
    summary="Where sources disagree",
)
async def disagreements(
    request: Request,
    provider: Annotated[
        str | None, Query(max_length=200, description="provider name", examples=["DeepInfra"])
    ] = None,
    model: Annotated[
        str | None,
        Query(
            max_length=300,
            description="canonical model id, a provider's model id, or a configured alias",
            examples=[TERMINUS],
        ),
    ] = None,
    field: Annotated[
        DisagreementField | None, Query(description="only this field", examples=["input"])
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Open disagreements: two or more sources giving different values (beyond rounding and formatting)
    for one field of an active endpoint, with every source's value, newest first."""

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        page = {"limit": limit, "offset": offset}
        resolved = snapshot.resolve_model(model) if model is not None else None
        if model is not None and resolved is None:
            return {"data": [], "total": 0, **page}
        query = DisagreementQuery(model=resolved, provider=provider, field=field, limit=limit, offset=offset)
        found, total = list_disagreements(snapshot, query)
        now = snapshot.taken_at
        return {"data": [render.disagreement(e, x, now=now) for e, x in found], "total": total, **page}

    return await cached(request, build)
