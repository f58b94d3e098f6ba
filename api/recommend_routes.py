"""`GET /api/v1/recommend`: which endpoint to use for a job, ranked and explained (`db.recommend`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api import render
from api.catalog_routes import ModelParam
from api.http import ERRORS, MAX_COUNT, NotFound, ParameterError, cached
from api.schemas import Recommendation
from db.catalog import CatalogSnapshot
from db.cost import Workload
from db.recommend import FREE_SUFFIX, Job, recommend

router = APIRouter(prefix="/api/v1", tags=["recommend"])

Tokens = Annotated[int, Query(ge=0, le=MAX_COUNT)]


@router.get(
    "/recommend", response_model=Recommendation, responses=ERRORS, summary="Recommend endpoints for a job"
)
async def recommend_endpoints(
    request: Request,
    model: ModelParam = None,
    min_context: Annotated[int | None, Query(ge=0, le=MAX_COUNT, examples=[150000])] = None,
    param: Annotated[
        list[str] | None,
        Query(
            description="required parameters (repeat): tools, structured_outputs, reasoning...",
            examples=[["tools"]],
        ),
    ] = None,
    input_tokens: Annotated[int, Query(ge=0, le=MAX_COUNT, description="prompt tokens per request")] = 1000,
    output_tokens: Annotated[int, Query(ge=0, le=MAX_COUNT, description="output tokens per request")] = 1000,
    requests_per_day: Annotated[int, Query(ge=0, le=MAX_COUNT)] = 1000,
    cached_input_tokens: Annotated[
        int, Query(ge=0, le=MAX_COUNT, description="of input_tokens, cache reads")
    ] = 0,
    cache_write_tokens: Annotated[
        int, Query(ge=0, le=MAX_COUNT, description="of input_tokens, cache writes")
    ] = 0,
    max_ttft_ms: Annotated[
        float | None, Query(gt=0, allow_inf_nan=False, description="TTFT p90 at most")
    ] = None,
    min_uptime: Annotated[
        float | None,
        Query(ge=0, le=100, allow_inf_nan=False, description="percent over 7 days", examples=[99.0]),
    ] = None,
    quantization: Annotated[
        list[str] | None, Query(description="allowed (repeat)", examples=[["fp8"]])
    ] = None,
    include_free: Annotated[bool, Query(description="count free (rate-limited) endpoints")] = False,
    currency: Annotated[
        str | None, Query(max_length=20, description="only this currency", examples=["USD"])
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="ranked endpoints returned")] = 100,
) -> Response:
    """The endpoints able to do the job, cheapest per request first (ties: lower TTFT p90, then higher
    uptime), with the cost per request and per month; and every other endpoint of the model with the
    reason it was left out. Endpoints down now are left out; endpoints without figures are ranked but
    marked (`measured: false`). Without `model`, every model's endpoints compete."""
    try:
        workload = Workload(
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            requests_per_day=requests_per_day,
            cached_input_tokens=cached_input_tokens,
            cache_write_tokens=cache_write_tokens,
        )
    except ValueError as exc:  # the cache tokens are part of the input tokens
        blamed = "cache_write_tokens" if cached_input_tokens <= input_tokens else "cached_input_tokens"
        raise ParameterError(blamed, str(exc)) from None

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        canonical = snapshot.resolve_model(model) if model is not None else None
        if model is not None and canonical is None:
            raise NotFound(f"no model {model!r} (a canonical id, a provider's model id or an alias)")
        job = Job(
            model=canonical,
            min_context=min_context,
            parameters=tuple(param or ()),
            workload=workload,
            max_ttft_ms=max_ttft_ms,
            min_uptime=min_uptime,
            quantizations=tuple(quantization or ()),
            include_free=include_free,
            currency=currency,
        )
        candidates = snapshot.endpoints_of(canonical) if canonical is not None else list(snapshot.endpoints)
        if canonical is not None and not canonical.endswith(FREE_SUFFIX):
            candidates += snapshot.endpoints_of(canonical + FREE_SUFFIX)  # counted when free ones count
        active = [e for e in candidates if e.removed_at is None]
        return render.recommendation(recommend(active, job), limit=limit)

    return await cached(request, build)
