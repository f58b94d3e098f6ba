"""`GET /api/v1/recommend`: which endpoint to use for a job, ranked and explained (`db.recommend.ranking`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api import render
from api.http import ERRORS, MAX_COUNT, NotFound, ParameterError, cached, state_of
from api.query_models import RecommendQuery
from api.schemas import Recommendation
from db.catalog.snapshot import CatalogSnapshot
from db.recommend.job import JobError, build_job, recommend_in

router = APIRouter(prefix="/api/v1", tags=["recommend"])

Tokens = Annotated[int, Query(ge=0, le=MAX_COUNT)]


@router.get(
    "/recommend", response_model=Recommendation, responses=ERRORS, summary="Recommend endpoints for a job"
)
async def recommend_endpoints(request: Request, q: Annotated[RecommendQuery, Query()]) -> Response:
    """The endpoints able to do the job, cheapest per request first (ties: lower TTFT p90, then higher
    uptime), with the cost per request and per month; and every other endpoint of the model with the
    reason it was left out. Endpoints down now are left out; endpoints without figures are ranked but
    marked (`measured: false`). Without `model`, every model's endpoints compete.

    Quality (`min_intelligence`, `min_coding`, `min_agentic`: the model's Artificial Analysis indices),
    `min_quantization`, `only_providers`/`exclude_providers` narrow the field; each ranked endpoint gives
    its model's `quality`, what the job costs a month and `why` it ranks before the next; each excluded
    one the constraints that left it out (`codes` name them). Offers in a currency with a configured
    rate (`[currencies]`) are converted to USD (`conversion`). `frontier=true`: only the endpoints no
    other beats on both the monthly cost and `frontier_axis` (intelligence index, or TTFT p90)."""
    try:  # checked before the catalog is read: the model is resolved against it below
        job = build_job(
            min_context=q.min_context,
            parameters=q.param or (),
            input_tokens=q.input_tokens,
            output_tokens=q.output_tokens,
            requests_per_day=q.requests_per_day,
            cached_input_tokens=q.cached_input_tokens,
            cache_write_tokens=q.cache_write_tokens,
            max_ttft_ms=q.max_ttft_ms,
            min_uptime=q.min_uptime,
            quantizations=q.quantization or (),
            include_free=q.include_free,
            currency=q.currency,
            requests_per_month=q.requests_per_month,
            min_intelligence=q.min_intelligence,
            min_coding=q.min_coding,
            min_agentic=q.min_agentic,
            include_unrated=q.include_unrated,
            min_quantization=q.min_quantization,
            only_providers=q.only_providers or (),
            exclude_providers=q.exclude_providers or (),
            rates=state_of(request).rates,
        )
    except JobError as exc:
        raise ParameterError(exc.parameter, str(exc)) from None

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        canonical = snapshot.resolve_model(q.model) if q.model is not None else None
        if q.model is not None and canonical is None:
            raise NotFound(f"no model {q.model!r} (a canonical id, a provider's model id or an alias)")
        result = recommend_in(snapshot, replace(job, model=canonical), explain_all=False)  # render explains
        frontier = q.frontier_axis if q.frontier else None
        return render.recommendation(
            result, limit=q.limit, frontier=frontier, excluded_limit=q.excluded_limit
        )

    return await cached(request, build)
