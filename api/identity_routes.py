"""Identity across sources: the provider model ids that matched no canonical model."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.http import ERRORS, MAX_COUNT, SAFE_TEXT, cached, state_of
from api.schemas import UnmatchedList
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.unmatched import list_unmatched

router = APIRouter(prefix="/api/v1", tags=["catalog"])


@router.get(
    "/unmatched",
    response_model=UnmatchedList,
    responses=ERRORS,
    summary="Provider model ids matched to no canonical model",
)
async def unmatched(
    request: Request,
    provider: Annotated[
        str | None,
        Query(max_length=200, pattern=SAFE_TEXT, description="in any spelling", examples=["DeepInfra"]),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="page size (at most 1000)")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_COUNT, description="items to skip")] = 0,
) -> Response:
    """Provider model ids that no matching rule tied to a canonical model (OpenRouter's id), by provider,
    each with its endpoints, the sources listing it and the nearest canonical ids: add one as an alias,
    `"Provider:model-id" = "canonical/id"` under `[models.aliases]`, and the next crawl joins them. An
    alias added since the last crawl shows as the first candidate."""
    state = state_of(request)

    def build(_snapshot: CatalogSnapshot) -> dict[str, Any]:
        rows, total = list_unmatched(
            engine=state.engine, provider=provider, limit=limit, offset=offset, aliases=state.aliases
        )
        data = [
            {
                "provider": row.provider,
                "provider_model_id": row.provider_model_id,
                "endpoint_ids": row.endpoint_ids,
                "sources": row.sources,
                "candidates": row.candidates,
            }
            for row in rows
        ]
        return {"data": data, "total": total, "limit": limit, "offset": offset}

    return await cached(request, build, in_thread=True)
