"""Endpoints a source no longer lists, marked removed, and only when that is safe.

An endpoint is marked removed only after a complete, successful run of its source no longer lists it
(a failed or partial crawl never removes anything), and never when the run lists fewer than half of
what the source had: that is a `listing_shrunk` problem instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Row, select

from db.catalog import changes as ch
from db.catalog.batch import IngestBatch
from db.catalog.crawled import CrawlResult, Problem
from db.catalog.problems import record_problem
from db.models import Endpoint, Model, Provider, table

# A complete run that lists fewer than this share of the endpoints the source had removes nothing.
MIN_LISTED_SHARE = 0.5


def remove_missing(
    batch: IngestBatch, result: CrawlResult, existing: dict[str, Row[Any]], listed: Mapping[str, Any]
) -> None:
    """Mark removed (with an `endpoint_removed` change each) the active endpoints `listed` lacks."""
    active = [e for e in existing.values() if e.removed_at is None]
    unread = {item.key for item in result.unread}  # shown, but not read whole: kept
    missing = [e for e in active if e.key not in listed and e.key not in unread]
    if not missing:
        return
    if not result.complete or any(not p.warning for p in result.problems):
        return  # a partial run never removes anything
    if len(listed) < MIN_LISTED_SHARE * len(active):
        message = (
            f"the source listed {len(listed)} endpoints, fewer than half of the {len(active)} it had: "
            "nothing was marked removed"
        )
        problem = Problem(kind="listing_shrunk", message=message)
        record_problem(batch, problem)
        result.problems.append(problem)
        return
    s, providers, models = batch.s, table(Provider), table(Model)
    provider_names = dict(s.execute(select(providers.c.id, providers.c.name)).tuples().all())
    model_ids = dict(s.execute(select(models.c.id, models.c.canonical_id)).tuples().all())
    endpoints = table(Endpoint)
    batch.touch(endpoints, endpoints.c.removed_at, [e.id for e in missing])
    for endpoint in missing:
        batch.change(
            ch.ENDPOINT_REMOVED,
            endpoint_id=endpoint.id,
            model=model_ids.get(endpoint.model_id),
            provider=provider_names.get(endpoint.provider_id),
            old=endpoint.url,
            subject=endpoint.tag,
        )
        batch.report.removed_endpoints += 1
