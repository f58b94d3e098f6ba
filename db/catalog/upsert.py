"""The catalog's current rows from one crawl: providers, models and endpoints, inserted or updated.

Only what a source states is written, and only where it differs (no needless UPDATEs). Endpoints name
their model by the provider's id; each is resolved to the canonical model (`db.catalog.matching`). A
known endpoint's history (prices, revisions, reported figures) goes through `db.catalog.history`; a new
one gets its first history rows and, unless this is the source's first crawl (its baseline), a
`new_endpoint` change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Row, select, update

from db.bulk import insert_rows
from db.catalog import changes as ch
from db.catalog import history
from db.catalog.batch import IngestBatch, chunks
from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn
from db.catalog.matching import ModelMatcher
from db.models import Endpoint, EndpointRevision, Model, PricePeriod, Provider, table

#: An endpoint of the crawl by key, with the canonical id of its model.
Listed = dict[str, tuple[EndpointIn, str]]

_MODEL_FIELDS = (
    "name",
    "description",
    "context_length",
    "released",
    "hugging_face_id",
    "input_modalities",
    "output_modalities",
    "meta",
)
_MODEL_DEFAULTS: dict[str, Callable[[], Any]] = {
    **dict.fromkeys(_MODEL_FIELDS[:5], lambda: None),
    "input_modalities": list,
    "output_modalities": list,
    "meta": dict,
}


def is_baseline(batch: IngestBatch) -> bool:
    """Whether this is the first crawl of the source that lists anything: it raises no `new_*` changes."""
    endpoints = table(Endpoint)
    query = select(endpoints.c.id).where(endpoints.c.source == batch.source).limit(1)
    return batch.s.execute(query).first() is None


def upsert_providers(batch: IngestBatch, result: CrawlResult) -> dict[str, int]:
    """Insert the new providers, update the slug and meta of known ones; returns every id by name."""
    s, t = batch.s, table(Provider)
    known = {r.name: r for r in s.execute(select(t.c.id, t.c.name, t.c.slug, t.c.meta))}
    wanted: dict[str, Any] = {p.name: p for p in result.providers}
    for endpoint in result.endpoints:
        wanted.setdefault(endpoint.provider, None)
    new_rows: list[dict[str, Any]] = []
    for name, given in wanted.items():
        row = known.get(name)
        if row is None:
            new_rows.append(
                {
                    "name": name,
                    "slug": given.slug if given is not None else None,
                    "meta": dict(given.meta) if given is not None and given.meta else {},
                    "first_seen": batch.now,
                }
            )
            continue
        if given is None:
            continue
        values: dict[str, Any] = {}
        if given.slug and row.slug != given.slug:
            values["slug"] = given.slug
        if given.meta and row.meta != given.meta:
            values["meta"] = dict(given.meta)
        if values:
            s.execute(update(t).where(t.c.id == row.id).values(**values))
    insert_rows(s, t, new_rows)
    batch.report.providers = len(wanted)
    return {name: row_id for row_id, name in s.execute(select(t.c.id, t.c.name))}


def upsert_models(
    batch: IngestBatch, result: CrawlResult, aliases: Mapping[str, str], baseline: bool
) -> tuple[dict[str, int], Listed]:
    """Insert the new models (a `new_model` change each, but in a baseline), update what known ones
    state; returns every model id by canonical id, and the crawl's endpoints by key with their model's."""
    s, t = batch.s, table(Model)
    columns = [t.c.id, t.c.canonical_id, *(t.c[name] for name in _MODEL_FIELDS)]
    known = {r.canonical_id: r for r in s.execute(select(*columns))}
    matcher = ModelMatcher(aliases=aliases, known_ids=known)
    incoming: dict[str, ModelIn] = {}
    for model in result.models:
        incoming[model.id] = model
        matcher.add_known(model.id)
    # Endpoints name their model by the provider's id; resolve each to the canonical one.
    resolved: dict[int, str] = {}
    for index, endpoint in enumerate(result.endpoints):
        resolved[index] = matcher.match(endpoint.model, provider=endpoint.provider).canonical_id
    for canonical in resolved.values():
        incoming.setdefault(canonical, ModelIn(id=canonical))
    new_rows: list[dict[str, Any]] = []
    seen_ids: list[int] = []
    for canonical, given in incoming.items():
        row = known.get(canonical)
        if row is None:
            values = {name: default() for name, default in _MODEL_DEFAULTS.items()}
            values.update(_model_changes(None, given))
            values.update(canonical_id=canonical, first_seen=batch.now, last_seen=batch.now)
            new_rows.append(values)
            if not baseline:
                batch.change(ch.NEW_MODEL, model=canonical, new=given.name or canonical)
            continue
        seen_ids.append(row.id)
        values = _model_changes(row, given)
        if values:
            s.execute(update(t).where(t.c.id == row.id).values(**values))
    batch.touch(t, t.c.last_seen, seen_ids)
    insert_rows(s, t, new_rows)
    batch.report.models = len(incoming)
    model_ids = {canonical: row_id for row_id, canonical in s.execute(select(t.c.id, t.c.canonical_id))}
    listed: Listed = {}
    for index, endpoint in enumerate(result.endpoints):
        listed[endpoint.key] = (endpoint, resolved[index])
    return model_ids, listed


def known_endpoints(batch: IngestBatch) -> dict[str, Row[Any]]:
    """The source's endpoints in the store (removed ones too), by key."""
    t = table(Endpoint)
    return {r.key: r for r in batch.s.execute(select(t).where(t.c.source == batch.source))}


def upsert_endpoints(
    batch: IngestBatch,
    existing: dict[str, Row[Any]],
    listed: Listed,
    provider_ids: dict[str, int],
    model_ids: dict[str, int],
    baseline: bool,
) -> None:
    """Update the known endpoints the crawl lists (and their history), then insert the new ones."""
    s, t = batch.s, table(Endpoint)
    ids = [e.id for e in existing.values()]
    periods = history.open_rows(s, table(PricePeriod), ids)
    revisions = history.open_rows(s, table(EndpointRevision), ids)
    stats = history.latest_stats(s, ids)
    batch.report.endpoints_seen = len(listed)
    touched: list[int] = []
    new: list[tuple[EndpointIn, str]] = []
    for key, (given, canonical) in listed.items():
        row = existing.get(key)
        if row is None:
            new.append((given, canonical))
            continue
        touched.append(row.id)
        values = _endpoint_changes(row, given)
        if row.removed_at is not None:
            values["removed_at"] = None
            batch.change(
                ch.NEW_ENDPOINT,
                endpoint_id=row.id,
                model=canonical,
                provider=given.provider,
                old="removed",
                new=given.url,
            )
        if row.model_id != model_ids[canonical]:
            values["model_id"] = model_ids[canonical]  # an alias was added: re-point the endpoint
        if values:
            s.execute(update(t).where(t.c.id == row.id).values(**values))
        changed = history.update_prices(batch, row, given, periods.get(row.id), canonical)
        changed |= history.update_revision(batch, row, given, revisions.get(row.id), canonical)
        history.update_stat(batch, row, given.reported, stats.get(row.id))
        if changed:
            batch.report.changed_endpoints += 1
    batch.touch(t, t.c.last_seen, touched)
    history.close_superseded(batch)
    _insert_endpoints(batch, new, provider_ids, model_ids, baseline)


def _insert_endpoints(
    batch: IngestBatch,
    new: list[tuple[EndpointIn, str]],
    provider_ids: dict[str, int],
    model_ids: dict[str, int],
    baseline: bool,
) -> None:
    """Insert new endpoints in one executemany, read their ids back by key, then their history."""
    if not new:
        return
    s, t = batch.s, table(Endpoint)
    rows = []
    for given, canonical in new:
        values = _endpoint_values(given)
        values.update(
            key=given.key,
            source=batch.source,
            provider_id=provider_ids[given.provider],
            model_id=model_ids[canonical],
            first_seen=batch.now,
            last_seen=batch.now,
            removed_at=None,
        )
        rows.append(values)
    insert_rows(s, t, rows)
    # (RETURNING over many rows costs SQLAlchemy a quadratic re-sort on SQLite; one SELECT does not)
    ids: dict[str, int] = {}
    for chunk in chunks([given.key for given, _ in new]):
        ids.update(
            (key, row_id) for row_id, key in s.execute(select(t.c.id, t.c.key).where(t.c.key.in_(chunk)))
        )
    for given, canonical in new:
        endpoint_id = ids[given.key]
        if given.pricing is not None:
            history.add_period(batch, endpoint_id, given.pricing)
        history.add_revision(batch, endpoint_id, history.revision_values(given))
        if given.reported is not None:
            history.add_stat(batch, endpoint_id, given.reported)
        batch.report.new_endpoints += 1
        if not baseline:
            batch.change(
                ch.NEW_ENDPOINT,
                endpoint_id=endpoint_id,
                model=canonical,
                provider=given.provider,
                new=given.url,
                subject=given.tag,
            )


def _model_changes(row: Row[Any] | None, given: ModelIn) -> dict[str, Any]:
    """A model's attributes that a source states and that differ from `row` (only what it says)."""
    values: dict[str, Any] = {}
    for name in _MODEL_FIELDS[:5]:
        value = getattr(given, name)
        if value is not None and (row is None or getattr(row, name) != value):
            values[name] = value
    for name in ("input_modalities", "output_modalities"):
        value = list(getattr(given, name))
        if value and (row is None or getattr(row, name) != value):
            values[name] = value
    if given.meta and (row is None or row.meta != given.meta):
        values["meta"] = dict(given.meta)
    return values


def _endpoint_changes(row: Row[Any], given: EndpointIn) -> dict[str, Any]:
    """An endpoint's current attributes that differ from what the crawl gives (no needless UPDATEs)."""
    return {name: value for name, value in _endpoint_values(given).items() if getattr(row, name) != value}


def _endpoint_values(given: EndpointIn) -> dict[str, Any]:
    """An endpoint's current attributes as the crawl gives them."""
    values: dict[str, Any] = history.revision_values(given)
    values.update(
        provider_model_id=given.provider_model_id,
        protocol=given.protocol,
        tag=given.tag,
        name=given.name,
        page_url=given.page_url,
        released=given.released,
        parameter_defaults=dict(given.parameter_defaults),
        evidence=given.evidence,
    )
    values["currency"] = given.pricing.currency if given.pricing is not None else "USD"
    return values
