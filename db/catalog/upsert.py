"""The catalog's current rows from one crawl: providers, models and endpoints, inserted or updated.

Only what a source states is written, and only where it differs (no needless UPDATEs). Providers are
one however sources spell them (`db.catalog.provider_names`); endpoints name their model by the
provider's id, resolved to the canonical model (`db.catalog.matching`). An endpoint is one provider
serving one model (`db.catalog.observations.Identity`) whichever sources list it: each source's view
is its observation; the endpoint's current values and history (prices, revisions, reported figures,
`db.catalog.history`) follow the most authoritative source that lists it. A new endpoint gets its first
history rows and, unless this is the source's first crawl (its baseline), a `new_endpoint` change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import Row, select, update

from db.bulk import insert_rows
from db.catalog import changes as ch
from db.catalog import history
from db.catalog.batch import IngestBatch, chunks
from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn
from db.catalog.matching import PROVISIONAL, Match, ModelMatcher, normalise_model_id
from db.catalog.observations import Identity, Observer, open_observations
from db.catalog.provider_names import ProviderNames, provider_key
from db.catalog.quality import record_quality
from db.models import Endpoint, EndpointRevision, Model, Observation, PricePeriod, Provider, table

#: An endpoint of the crawl by key, with the canonical id of its model and how it was matched.
Listed = dict[str, tuple[EndpointIn, str, str]]

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
    """Whether this is the first crawl of the source that lists anything: it raises no `new_*` changes
    (a catalog's first import of 5,000 models is not 5,000 news)."""
    t = table(Observation)
    query = select(t.c.id).where(t.c.source == batch.source).limit(1)
    return batch.s.execute(query).first() is None


def upsert_providers(batch: IngestBatch, result: CrawlResult) -> dict[str, int]:
    """Insert the new providers, update the slug and meta of known ones; returns every id by name,
    under every spelling the crawl uses (`db.catalog.provider_names`: `deepinfra` is `DeepInfra`)."""
    s, t = batch.s, table(Provider)
    known = {r.name: r for r in s.execute(select(t.c.id, t.c.name, t.c.slug, t.c.meta))}
    if result.canonical_models:
        _take_canonical_spellings(batch, result, known)
    names = ProviderNames(known)
    wanted: dict[str, Any] = {}
    spellings: dict[str, str] = {}  # as the crawl spells it -> the stored name
    for given in result.providers:
        stored = names.add(given.name)
        spellings[given.name] = stored
        wanted[stored] = given if stored == given.name or stored not in wanted else wanted[stored]
    for endpoint in result.endpoints:
        stored = names.add(endpoint.provider)
        spellings[endpoint.provider] = stored
        wanted.setdefault(stored, None)
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
        if given is None or batch.authority > 0 or not result.canonical_models:
            continue  # another source's description of a known provider does not re-describe it
        values: dict[str, Any] = {}
        if given.slug and row.slug != given.slug:
            values["slug"] = given.slug
        if given.meta and row.meta != given.meta:
            values["meta"] = dict(given.meta)
        if values:
            s.execute(update(t).where(t.c.id == row.id).values(**values))
    insert_rows(s, t, new_rows)
    batch.report.providers = len(wanted)
    ids = {name: row_id for row_id, name in s.execute(select(t.c.id, t.c.name))}
    ids.update((spelling, ids[stored]) for spelling, stored in spellings.items())
    return ids


def _take_canonical_spellings(batch: IngestBatch, result: CrawlResult, known: dict[str, Row[Any]]) -> None:
    """Providers stored under another source's spelling (models.dev's `Deep Infra`, LiteLLM's
    `deepinfra`) take the canonical catalog's (OpenRouter's `DeepInfra`); `known` follows."""
    t = table(Provider)
    # the crawl's spellings of each provider, its own list's (/providers) first, then by use
    uses = Counter(e.provider for e in result.endpoints)
    spellings: dict[str, list[str]] = {}
    for name in [p.name for p in result.providers] + sorted(uses, key=lambda n: (-uses[n], n)):
        group = spellings.setdefault(provider_key(name), [])
        if name not in group:
            group.append(name)
    names = ProviderNames(known)
    for group in spellings.values():
        stored = names.get(group[0])
        if stored is None or stored in group or group[0] in known:
            continue  # new, or already one of the crawl's spellings: nothing to rename (no flip-flop)
        row = known.pop(stored)
        batch.s.execute(update(t).where(t.c.id == row.id).values(name=group[0]))
        known[group[0]] = row
        names = ProviderNames(known)


def upsert_models(
    batch: IngestBatch, result: CrawlResult, aliases: Mapping[str, str], baseline: bool
) -> tuple[dict[str, int], Listed]:
    """Insert the new models (a `new_model` change each, but in a baseline), update what known ones
    state; returns every model id by canonical id, and the crawl's endpoints by key with their model's.

    A source whose model ids are canonical (OpenRouter's API: `CrawlResult.canonical_models`) names
    models by their canonical ids. Any other source names them by the provider's ids: each is matched
    against the known canonical models first (`db.catalog.matching`), and the source's description of
    it fills what that model lacks; an id that matches nothing stands as its own model, marked
    `provisional` in its meta, so that a later crawl can match it to a canonical model when one appears
    (and re-point the endpoint) instead of matching it to itself. A source below the first rank of
    authority (models.dev, LiteLLM) never changes what a known model has."""
    s, t = batch.s, table(Model)
    columns = [t.c.id, t.c.canonical_id, *(t.c[name] for name in _MODEL_FIELDS)]
    known = {r.canonical_id: r for r in s.execute(select(*columns))}
    settled = {canonical: row for canonical, row in known.items() if not (row.meta or {}).get(PROVISIONAL)}
    matcher = ModelMatcher(aliases=aliases, known_ids=settled)
    incoming: dict[str, ModelIn] = {}
    described = {model.id: model for model in result.models}
    if result.canonical_models:
        incoming.update(described)
        for model in result.models:
            matcher.add_known(model.id, hugging_face_id=model.hugging_face_id)
    # Endpoints name their model by the provider's id; resolve each to the canonical one.
    resolved: dict[int, Match] = {}
    # an id that matches nothing stands as its own model, one however sources write its case
    # (models.dev's `sao10K/l3-8b-lunaris` is LiteLLM's `sao10k/l3-8b-lunaris`)
    own: dict[str, str] = {
        normalise_model_id(canonical): canonical
        for canonical, row in known.items()
        if (row.meta or {}).get(PROVISIONAL)
    }
    for index, endpoint in enumerate(result.endpoints):
        match = matcher.match(endpoint.model, provider=endpoint.provider)
        if match.rule == "own" and not result.canonical_models:
            match = replace(
                match, canonical_id=own.setdefault(normalise_model_id(match.canonical_id), match.canonical_id)
            )
        resolved[index] = match
        if match.canonical_id not in incoming:
            given = described.get(endpoint.model)
            incoming[match.canonical_id] = (
                replace(given, id=match.canonical_id) if given else ModelIn(id=match.canonical_id)
            )
    fill_only = batch.authority > 0 or not result.canonical_models
    new_rows: list[dict[str, Any]] = []
    seen_ids: list[int] = []
    for canonical, given in incoming.items():
        row = known.get(canonical)
        if row is None:
            values = {name: default() for name, default in _MODEL_DEFAULTS.items()}
            values.update(_model_changes(None, given))
            if not result.canonical_models:
                values["meta"] = {**values["meta"], PROVISIONAL: True}
            values.update(canonical_id=canonical, first_seen=batch.now, last_seen=batch.now)
            new_rows.append(values)
            if not baseline:
                batch.change(ch.NEW_MODEL, model=canonical, new=given.name or canonical)
            continue
        seen_ids.append(row.id)
        values = _model_changes(row, given, fill_only=fill_only)
        if result.canonical_models and (row.meta or {}).get(PROVISIONAL):
            meta = dict(values.get("meta", row.meta))
            meta.pop(PROVISIONAL, None)
            values["meta"] = meta  # the canonical catalog lists it under this id: settled
        if values:
            s.execute(update(t).where(t.c.id == row.id).values(**values))
            if "hugging_face_id" in values or "canonical_id" in values or PROVISIONAL in (row.meta or {}):
                batch.targets_moved = True
    batch.touch(t, t.c.last_seen, seen_ids)
    insert_rows(s, t, new_rows)
    batch.targets_moved |= bool(new_rows)
    batch.report.models = len(incoming)
    model_ids = {canonical: row_id for row_id, canonical in s.execute(select(t.c.id, t.c.canonical_id))}
    record_quality(batch, incoming, model_ids)  # benchmark indices, effective-dated (db.catalog.quality)
    listed: Listed = {}
    for index, endpoint in enumerate(result.endpoints):
        listed[endpoint.key] = (endpoint, resolved[index].canonical_id, resolved[index].rule)
    return model_ids, listed


def known_endpoints(batch: IngestBatch) -> dict[Identity, Row[Any]]:
    """Every endpoint in the store (removed ones too, of every source), by identity; where two rows
    share one (spellings stored apart before 0.2), the one this source gives its values to wins."""
    t = table(Endpoint)
    found: dict[Identity, Row[Any]] = {}
    for row in batch.s.execute(select(t).order_by(t.c.id)):
        identity = Identity.of(row.provider_id, row.provider_model_id, row.tag, row.protocol)
        if identity not in found or row.source == batch.source:
            found[identity] = row
    return found


def upsert_endpoints(
    batch: IngestBatch,
    existing: dict[Identity, Row[Any]],
    listed: Listed,
    provider_ids: dict[str, int],
    model_ids: dict[str, int],
    baseline: bool,
    observer: Observer,
) -> dict[int, tuple[EndpointIn, str]]:
    """Record this source's view of every endpoint it lists (`observer`), and where it is the most
    authoritative source listing one, update the endpoint's current values and history; then insert
    the new endpoints. Returns the endpoints the crawl listed, by id."""
    s, t = batch.s, table(Endpoint)
    rows: dict[int, tuple[Row[Any], EndpointIn, str, str]] = {}
    new: list[tuple[EndpointIn, str, str]] = []
    new_identities: set[Identity] = set()
    providers = table(Provider)
    stored_names = dict(s.execute(select(providers.c.id, providers.c.name)).tuples().all())
    for given, canonical, rule in listed.values():
        provider_id = provider_ids[given.provider]
        if given.provider != stored_names[provider_id]:  # changes and alerts name the stored provider
            given = replace(given, provider=stored_names[provider_id])
        identity = Identity.of(provider_id, given.provider_model_id, given.tag, given.protocol)
        row = existing.get(identity)
        if row is None:
            if identity not in new_identities:  # two spellings of one endpoint: inserted once
                new_identities.add(identity)
                new.append((given, canonical, rule))
        elif row.id not in rows:
            rows[row.id] = (row, given, canonical, rule)
    ids = list(rows)
    views = _views_by_endpoint(open_observations(batch, ids))
    observer.known.update(views)
    current = [i for i, (row, *_rest) in rows.items() if _gives_current(batch, row, views.get(i, {}))]
    periods = history.open_rows(s, table(PricePeriod), current)
    revisions = history.open_rows(s, table(EndpointRevision), current)
    stats = history.latest_stats(s, current)
    batch.report.endpoints_seen = len(listed)
    current_ids = set(current)
    for endpoint_id, (row, given, canonical, rule) in rows.items():
        observer.observe(endpoint_id, given, views.get(endpoint_id, {}).get(batch.source))
        if endpoint_id not in current_ids:
            continue
        switching = row.source != batch.source and row.removed_at is None
        values = _endpoint_changes(row, given)
        if row.source != batch.source:
            values["source"] = batch.source
        if rule != row.match_rule:
            values["match_rule"] = rule
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
        record = not switching
        changed = history.update_prices(batch, row, given, periods.get(row.id), canonical, record=record)
        changed |= history.update_revision(batch, row, given, revisions.get(row.id), canonical, record=record)
        history.update_stat(batch, row, given.reported, stats.get(row.id))
        if changed:
            batch.report.changed_endpoints += 1
    batch.touch(t, t.c.last_seen, ids)
    history.close_superseded(batch)
    inserted = _insert_endpoints(batch, new, provider_ids, model_ids, baseline, observer)
    listed_by_id = {endpoint_id: (given, canonical) for endpoint_id, (_, given, canonical, _) in rows.items()}
    listed_by_id.update(inserted)
    return listed_by_id


def _views_by_endpoint(observations: list[Row[Any]]) -> dict[int, dict[str, Row[Any]]]:
    views: dict[int, dict[str, Row[Any]]] = {}
    for row in observations:
        views.setdefault(row.endpoint_id, {})[row.source] = row
    return views


def _gives_current(batch: IngestBatch, row: Row[Any], views: dict[str, Row[Any]]) -> bool:
    """Whether this source's values become the endpoint's current ones: it already gives them, or the
    source that does no longer lists the endpoint, or this one ranks before it."""
    if row.removed_at is not None or row.source == batch.source:
        return True
    holder = views.get(row.source)
    return holder is None or batch.authority < holder.authority


def _insert_endpoints(
    batch: IngestBatch,
    new: list[tuple[EndpointIn, str, str]],
    provider_ids: dict[str, int],
    model_ids: dict[str, int],
    baseline: bool,
    observer: Observer,
) -> dict[int, tuple[EndpointIn, str]]:
    """Insert new endpoints in one executemany, read their ids back by key, then their history."""
    if not new:
        return {}
    s, t = batch.s, table(Endpoint)
    rows = []
    keys: list[str] = []
    for given, canonical, rule in new:
        provider_id = provider_ids[given.provider]
        key = given.key  # `upsert_endpoints` named the provider as stored: the key spells it so
        keys.append(key)
        values = _endpoint_values(given)
        values.update(
            key=key,
            source=batch.source,
            provider_id=provider_id,
            model_id=model_ids[canonical],
            match_rule=rule,
            first_seen=batch.now,
            last_seen=batch.now,
            removed_at=None,
        )
        rows.append(values)
    insert_rows(s, t, rows)
    # (RETURNING over many rows costs SQLAlchemy a quadratic re-sort on SQLite; one SELECT does not)
    ids: dict[str, int] = {}
    for chunk in chunks(keys):
        ids.update(
            (key, row_id) for row_id, key in s.execute(select(t.c.id, t.c.key).where(t.c.key.in_(chunk)))
        )
    inserted: dict[int, tuple[EndpointIn, str]] = {}
    for key, (given, canonical, _) in zip(keys, new, strict=True):
        endpoint_id = ids[key]
        inserted[endpoint_id] = (given, canonical)
        observer.observe(endpoint_id, given, None)
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
    return inserted


def _model_changes(row: Row[Any] | None, given: ModelIn, *, fill_only: bool = False) -> dict[str, Any]:
    """A model's attributes that a source states and that differ from `row` (only what it says);
    `fill_only`: only those `row` lacks."""
    values: dict[str, Any] = {}
    for name in _MODEL_FIELDS[:5]:
        value = getattr(given, name)
        if value is not None and (row is None or getattr(row, name) != value):
            values[name] = value
    for name in ("input_modalities", "output_modalities"):
        value = list(getattr(given, name))
        if value and (row is None or getattr(row, name) != value):
            values[name] = value
    if given.meta:
        # merged, never replaced: what another source added stays (replacing it made each source's crawl
        # undo the other's, an UPDATE per model per crawl); `fill_only`: the row's own keys win
        old = dict(row.meta or {}) if row is not None else {}
        merged = {**given.meta, **old} if fill_only else {**old, **given.meta}
        if row is None or merged != old:
            values["meta"] = merged
    if fill_only and row is not None:
        values = {name: value for name, value in values.items() if name == "meta" or not getattr(row, name)}
        if values.get("meta") == row.meta:
            del values["meta"]
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
