"""What a source no longer lists: its observations end, and an endpoint no source lists is removed.

Only a complete, successful run of a source ends its observations (a failed or partial crawl never
removes anything), and never when the run lists fewer than half of what the source had: that is a
`listing_shrunk` problem instead. An endpoint another source still lists stays; if the source that
stopped gave its current values, the next most authoritative one does now (without price changes: the
market did not move, the witness did). An endpoint that no source lists any more is marked removed, with
an `endpoint_removed` change.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Row, select, update

from db.catalog import changes as ch
from db.catalog import history
from db.catalog.batch import IngestBatch, chunks
from db.catalog.crawled import CrawlResult, EndpointIn, Pricing, Problem
from db.catalog.observations import PRICES, Observer, open_observations
from db.catalog.problems import record_problem
from db.models import Endpoint, EndpointRevision, Model, Observation, PricePeriod, Provider, table

# A complete run that lists fewer than this share of the endpoints the source had removes nothing.
MIN_LISTED_SHARE = 0.5


def remove_missing(
    batch: IngestBatch, result: CrawlResult, listed_ids: Collection[int], observer: Observer
) -> list[int]:
    """End this source's observations of the endpoints the run no longer lists, then remove or hand
    over those endpoints; returns the ids of the endpoints whose observation ended."""
    t = table(Observation)  # ids only: the values of what is still listed are not needed here
    query = select(t.c.id, t.c.endpoint_id).where(t.c.source == batch.source, t.c.valid_to.is_(None))
    mine = batch.s.execute(query).all()
    if not mine:
        return []
    endpoints = table(Endpoint)
    unread = {item.key for item in result.unread}  # shown, but not read whole: kept
    candidates = [o for o in mine if o.endpoint_id not in listed_ids]
    if not candidates:
        return []
    if not result.complete or any(not p.warning for p in result.problems):
        return []  # a partial run never removes anything
    rows: dict[int, Row[Any]] = {}
    for chunk in chunks([o.endpoint_id for o in candidates]):
        rows.update((r.id, r) for r in batch.s.execute(select(endpoints).where(endpoints.c.id.in_(chunk))))
    missing = [o for o in candidates if o.endpoint_id in rows and rows[o.endpoint_id].key not in unread]
    if not missing:
        return []
    if len(listed_ids) < MIN_LISTED_SHARE * len(mine):
        message = (
            f"the source listed {len(listed_ids)} endpoints, fewer than half of the {len(mine)} it had: "
            "nothing was marked removed"
        )
        problem = Problem(kind="listing_shrunk", message=message)
        record_problem(batch, problem)
        result.problems.append(problem)
        return []
    observer.end(missing)
    ended = [o.endpoint_id for o in missing]
    others: dict[int, list[Row[Any]]] = {}
    for row in open_observations(batch, ended):
        if row.source != batch.source:
            others.setdefault(row.endpoint_id, []).append(row)
    s, providers, models = batch.s, table(Provider), table(Model)
    provider_names = dict(s.execute(select(providers.c.id, providers.c.name)).tuples().all())
    model_ids = dict(s.execute(select(models.c.id, models.c.canonical_id)).tuples().all())
    gone: list[Row[Any]] = []
    handed: list[tuple[Row[Any], Row[Any]]] = []
    for endpoint_id in ended:
        endpoint = rows[endpoint_id]
        still = others.get(endpoint_id)
        if not still:
            if endpoint.removed_at is None:
                gone.append(endpoint)
        elif endpoint.source == batch.source:
            handed.append((endpoint, min(still, key=lambda o: (o.authority, o.source))))
    batch.touch(endpoints, endpoints.c.removed_at, [e.id for e in gone])
    for endpoint in gone:
        batch.change(
            ch.ENDPOINT_REMOVED,
            endpoint_id=endpoint.id,
            model=model_ids.get(endpoint.model_id),
            provider=provider_names.get(endpoint.provider_id),
            old=endpoint.url,
            subject=endpoint.tag,
        )
        batch.report.removed_endpoints += 1
    _hand_over(batch, handed, provider_names, model_ids)
    return ended


def _hand_over(
    batch: IngestBatch,
    handed: list[tuple[Row[Any], Row[Any]]],
    provider_names: dict[int, str],
    model_ids: dict[int, str],
) -> None:
    """The endpoints' current values from the next source's observation, without changes."""
    if not handed:
        return
    s, t = batch.s, table(Endpoint)
    ids = [endpoint.id for endpoint, _ in handed]
    periods = history.open_rows(s, table(PricePeriod), ids)
    revisions = history.open_rows(s, table(EndpointRevision), ids)
    for endpoint, view in handed:
        given = _from_view(endpoint, view, provider_names.get(endpoint.provider_id, ""))
        canonical = model_ids.get(endpoint.model_id, endpoint.provider_model_id)
        values: dict[str, Any] = {
            "source": view.source,
            "context_length": view.context_length,
            "max_output_tokens": view.max_output_tokens,
            "parameters": list(view.parameters or []),
            "currency": view.currency,
            "evidence": None,
        }
        s.execute(update(t).where(t.c.id == endpoint.id).values(**values))
        history.update_prices(batch, endpoint, given, periods.get(endpoint.id), canonical, record=False)
        history.update_revision(batch, endpoint, given, revisions.get(endpoint.id), canonical, record=False)
    history.close_superseded(batch)


def _from_view(endpoint: Row[Any], view: Row[Any], provider: str) -> EndpointIn:
    """The endpoint as the source of `view` (an observation) gives it."""
    prices = {name: getattr(view, name) for name in PRICES}
    pricing = None
    if any(value is not None for value in prices.values()):
        pricing = Pricing(**prices, currency=view.currency, overrides=view.overrides or None)
    return EndpointIn(
        provider=provider,
        model=endpoint.provider_model_id,
        provider_model_id=endpoint.provider_model_id,
        url=endpoint.url,
        protocol=endpoint.protocol,
        tag=endpoint.tag,
        name=endpoint.name,
        context_length=view.context_length,
        max_output_tokens=view.max_output_tokens,
        max_prompt_tokens=endpoint.max_prompt_tokens,
        quantization=endpoint.quantization,
        parameters=tuple(view.parameters or ()),
        pricing=pricing,
        released=endpoint.released,
        page_url=endpoint.page_url,
    )
