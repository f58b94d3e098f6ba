"""`GET /api/v1/recommend`: which endpoint to use for a job, ranked and explained (`db.recommend.ranking`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api import render
from api.http import ERRORS, MAX_COUNT, NotFound, ParameterError, cached
from api.query_models import RecommendQuery
from api.schemas import Recommendation
from db.catalog.snapshot import CatalogSnapshot
from db.recommend.cost import Workload
from db.recommend.ranking import FREE_SUFFIX, Job, recommend

router = APIRouter(prefix="/api/v1", tags=["recommend"])

Tokens = Annotated[int, Query(ge=0, le=MAX_COUNT)]


@router.get(
    "/recommend", response_model=Recommendation, responses=ERRORS, summary="Recommend endpoints for a job"
)
async def recommend_endpoints(request: Request, q: Annotated[RecommendQuery, Query()]) -> Response:
    """The endpoints able to do the job, cheapest per request first (ties: lower TTFT p90, then higher
    uptime), with the cost per request and per month; and every other endpoint of the model with the
    reason it was left out. Endpoints down now are left out; endpoints without figures are ranked but
    marked (`measured: false`). Without `model`, every model's endpoints compete."""
    try:
        workload = Workload(
            input_tokens=q.input_tokens,
            output_tokens=q.output_tokens,
            requests_per_day=q.requests_per_day,
            cached_input_tokens=q.cached_input_tokens,
            cache_write_tokens=q.cache_write_tokens,
        )
    except ValueError as exc:  # the cache tokens are part of the input tokens
        blamed = "cache_write_tokens" if q.cached_input_tokens <= q.input_tokens else "cached_input_tokens"
        raise ParameterError(blamed, str(exc)) from None

    def build(snapshot: CatalogSnapshot) -> dict[str, Any]:
        canonical = snapshot.resolve_model(q.model) if q.model is not None else None
        if q.model is not None and canonical is None:
            raise NotFound(f"no model {q.model!r} (a canonical id, a provider's model id or an alias)")
        job = Job(
            model=canonical,
            min_context=q.min_context,
            parameters=tuple(q.param or ()),
            workload=workload,
            max_ttft_ms=q.max_ttft_ms,
            min_uptime=q.min_uptime,
            quantizations=tuple(q.quantization or ()),
            include_free=q.include_free,
            currency=q.currency,
        )
        candidates = snapshot.endpoints_of(canonical) if canonical is not None else list(snapshot.endpoints)
        if canonical is not None and not canonical.endswith(FREE_SUFFIX):
            candidates += snapshot.endpoints_of(canonical + FREE_SUFFIX)  # counted when free ones count
        active = [e for e in candidates if e.removed_at is None]
        return render.recommendation(recommend(active, job), limit=q.limit)

    return await cached(request, build)
