"""Provisional models matched again once the canonical catalog has spoken.

A source that names models by providers' ids (models.dev, LiteLLM, a provider's own list) may be
ingested before OpenRouter's API: its ids that match no canonical model yet stand as provisional models
(`db.catalog.upsert.upsert_models`). After a crawl whose ids are canonical, their endpoints are matched
again against the canonical models now known; a match re-points the endpoint (without a change event:
the model did not change, our knowledge of it did), and a provisional model no endpoint points to any
more is deleted. So the catalog never shows `deepseek-ai/DeepSeek-V3.1-Terminus` beside
`deepseek/deepseek-v3.1-terminus` for longer than one crawl, whichever source came first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Column, Table, delete, func, select, update

from db.catalog.batch import IngestBatch, chunks
from db.catalog.matching import PROVISIONAL, ModelMatcher
from db.models import Endpoint, Model, Provider, table


def _references(models: Table) -> list[Column[Any]]:
    """Every column of the schema that points at a model's id."""
    return [
        key.parent
        for other in models.metadata.tables.values()
        for key in other.foreign_keys
        if key.column is models.c.id
    ]


def rematch_provisional(batch: IngestBatch, aliases: Mapping[str, str]) -> int:
    """Re-point the endpoints of provisional models that now match a canonical one; returns how many."""
    s, models, endpoints, providers = batch.s, table(Model), table(Endpoint), table(Provider)
    columns = [models.c.id, models.c.canonical_id, models.c.hugging_face_id, models.c.meta]
    rows = {row.canonical_id: row for row in s.execute(select(*columns))}
    provisional = {row.id: row for row in rows.values() if (row.meta or {}).get(PROVISIONAL)}
    if not provisional:
        return 0
    matcher = ModelMatcher(aliases=aliases, known_ids=rows)
    names = dict(s.execute(select(providers.c.id, providers.c.name)).tuples().all())
    moved = 0
    for chunk in chunks(sorted(provisional)):
        query = select(endpoints.c.id, endpoints.c.provider_id, endpoints.c.provider_model_id).where(
            endpoints.c.model_id.in_(chunk)
        )
        for endpoint in s.execute(query).all():
            match = matcher.match(endpoint.provider_model_id, provider=names.get(endpoint.provider_id))
            target = rows.get(match.canonical_id)
            if match.rule == "own" or target is None or target.id in provisional:
                continue
            values = {"model_id": target.id, "match_rule": match.rule}
            s.execute(update(endpoints).where(endpoints.c.id == endpoint.id).values(**values))
            moved += 1
    if moved:
        still: set[int] = set()
        for column in _references(models):  # endpoints, and anything else that points at a model
            used = select(column).group_by(column).having(func.count() > 0)
            still.update(model_id for (model_id,) in s.execute(used))
        orphans = [model_id for model_id in provisional if model_id not in still]
        for chunk in chunks(orphans):
            s.execute(delete(models).where(models.c.id.in_(chunk)))
    return moved
