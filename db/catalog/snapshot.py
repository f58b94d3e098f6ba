"""The read side of the catalog for the API and the recommender: snapshots of the current catalog.

The whole current catalog (a few thousand endpoints at most) is read in five queries (endpoints with
their open prices, the aggregator's latest figures, models, every source's open observation and the open
disagreements: `db.catalog.sources_read`), plus our probes' health, into a `CatalogSnapshot` of plain
`EndpointState`/`ModelState` rows; listing, filtering, sorting
(`db.catalog.listing`) and recommending (`db.recommend.ranking`) then run in memory. `store_version`
says when a snapshot is out of date; `db.catalog.reader.CatalogReader` keeps one. History (price
periods, changes: `db.catalog.timeline`; probe series) is read on demand, one indexed query per page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.catalog.crawled import PRICE_FIELDS
from db.catalog.matching import ModelMatcher, normalise_model_id
from db.catalog.quality import read_quality
from db.catalog.sources_read import current_first, in_source_order, read_disagreements, read_sources
from db.catalog.state import (
    EndpointState,
    Health,
    ModelState,
    Prices,
    Reported,
    SourceDisagreement,
    SourceView,
)
from db.models import (
    Change,
    CrawlRun,
    Endpoint,
    Model,
    PricePeriod,
    ProbeSample,
    ProbeTarget,
    Provider,
    ReportedStat,
    table,
)
from db.probes.figures import probe_health
from db.types import utcnow

#: What the store's version is made of: anything that changes what the API shows.
Version = tuple[Any, ...]
#: The first parts of a version are the catalog's (crawl runs, changes); the rest our probes'.
CATALOG_PARTS = 3
HealthLoader = Callable[[Engine, datetime], Mapping[int, Health]]


def store_version(engine: Engine) -> Version:
    """A value that changes whenever a crawl run starts or finishes, a change or a probe sample lands,
    or a probe is linked to another endpoint. Every part is an indexed max or a scan of a small table;
    the first `CATALOG_PARTS` are the catalog's, the others our probes'."""
    runs, changes, samples, targets = table(CrawlRun), table(Change), table(ProbeSample), table(ProbeTarget)
    query = select(
        select(func.max(runs.c.id)).scalar_subquery(),
        select(func.max(runs.c.finished)).scalar_subquery(),
        select(func.max(changes.c.id)).scalar_subquery(),
        select(func.max(samples.c.id)).scalar_subquery(),
        select(func.count()).select_from(targets).scalar_subquery(),
        select(func.sum(targets.c.endpoint_id)).scalar_subquery(),
    )
    with engine.connect() as connection:
        return tuple(connection.execute(query).one())


class CatalogSnapshot:
    """The catalog at one version: every endpoint (active and removed) and every model, indexed."""

    def __init__(
        self,
        *,
        version: Version,
        endpoints: Sequence[EndpointState],
        models: Sequence[ModelState],
        taken_at: datetime,
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.version = version
        self.endpoints = tuple(endpoints)
        self.models = tuple(models)
        self.taken_at = taken_at
        self._by_id = {e.id: e for e in self.endpoints}
        self._by_model: dict[str, list[EndpointState]] = {}
        self._provider_ids: dict[str, set[str]] = {}
        for endpoint in self.endpoints:
            self._by_model.setdefault(endpoint.model, []).append(endpoint)
            self._provider_ids.setdefault(normalise_model_id(endpoint.provider_model_id), set()).add(
                endpoint.model
            )
        self._models = {m.canonical_id: m for m in self.models}
        self._matcher = ModelMatcher(aliases=aliases, known_ids=self._models)
        #: what a reader derives from the snapshot once and keeps (it never changes): by the deriver's key
        self.derived: dict[str, Any] = {}

    @property
    def active(self) -> list[EndpointState]:
        return [e for e in self.endpoints if e.removed_at is None]

    def endpoint(self, endpoint_id: int) -> EndpointState | None:
        return self._by_id.get(endpoint_id)

    def model(self, canonical_id: str) -> ModelState | None:
        return self._models.get(canonical_id)

    def endpoints_of(self, canonical_id: str) -> list[EndpointState]:
        return list(self._by_model.get(canonical_id, ()))

    def resolve_model(self, given: str) -> str | None:
        """The canonical id for a canonical id, a provider's model id or an alias; None if unknown.

        Order: a known canonical id; a configured alias (or a normalised/suffix match, as the crawl
        matches); the id a provider uses for exactly one canonical model.
        """
        if given in self._models:
            return given
        match = self._matcher.match(given)
        if match.rule != "own" and match.canonical_id in self._models:
            return match.canonical_id
        owners = self._provider_ids.get(normalise_model_id(given), set())
        if len(owners) == 1:
            return next(iter(owners))
        return None


def load_snapshot(
    *,
    engine: Engine,
    aliases: Mapping[str, str] | None = None,
    now: datetime | None = None,
    health: HealthLoader | None = None,
    version: Version | None = None,
) -> CatalogSnapshot:
    """Read the whole catalog (five queries, plus our probes' health) into a snapshot.

    `health` reads our probes' figures per endpoint id (default `probe_health`)."""
    now = now or utcnow()
    version = version if version is not None else store_version(engine)
    health_by_endpoint = (health or probe_health)(engine, now)  # our probes, by endpoint id
    with Session(engine) as session:
        reported = _latest_reported(session)
        sources = _Sources(read_sources(session), read_disagreements(session))
        endpoints = _endpoints(session, reported, health_by_endpoint, sources)
        models = _models(session, endpoints)
    return CatalogSnapshot(version=version, endpoints=endpoints, models=models, taken_at=now, aliases=aliases)


class _Sources:
    """Every endpoint's source views and open disagreements, as `sources_read` reads them."""

    def __init__(
        self, views: Mapping[int, list[SourceView]], disagreements: Mapping[int, list[SourceDisagreement]]
    ) -> None:
        self.views = views
        self.disagreements = disagreements

    def of(
        self, endpoint_id: int, current: str
    ) -> tuple[tuple[SourceView, ...], tuple[SourceDisagreement, ...]]:
        views = current_first(self.views.get(endpoint_id, ()), current)
        found = self.disagreements.get(endpoint_id)
        return views, tuple(in_source_order(x, views) for x in found) if found else ()


def _endpoints(
    session: Session,
    reported: Mapping[int, Reported],
    health: Mapping[int, Health],
    sources: _Sources,
) -> list[EndpointState]:
    e, p, m, pp = table(Endpoint), table(Provider), table(Model), table(PricePeriod)
    query = (
        select(e, p.c.name.label("provider_name"), m.c.canonical_id, *_price_columns(pp))
        .join(p, p.c.id == e.c.provider_id)
        .join(m, m.c.id == e.c.model_id)
        .outerjoin(pp, (pp.c.endpoint_id == e.c.id) & pp.c.valid_to.is_(None))
        .order_by(e.c.id)
    )
    states: list[EndpointState] = []
    for row in session.execute(query).mappings():
        prices = None
        if row["pp_valid_from"] is not None:
            prices = Prices(
                currency=row["pp_currency"],
                since=row["pp_valid_from"],
                overrides=tuple(row["pp_overrides"] or ()),
                usd_rate=row["pp_usd_rate"],
                **{name: row[f"pp_{name}"] for name in _PRICE_NAMES},
            )
        views, disagreements = sources.of(row["id"], row["source"])
        states.append(
            EndpointState(
                id=row["id"],
                provider=row["provider_name"],
                model=row["canonical_id"],
                provider_model_id=row["provider_model_id"],
                source=row["source"],
                url=row["url"],
                protocol=row["protocol"],
                currency=prices.currency if prices is not None else row["currency"],
                first_seen=row["first_seen"],
                last_seen=row["last_seen"],
                tag=row["tag"],
                name=row["name"],
                page_url=row["page_url"],
                quantization=row["quantization"],
                context_length=row["context_length"],
                max_output_tokens=row["max_output_tokens"],
                max_prompt_tokens=row["max_prompt_tokens"],
                parameters=tuple(row["parameters"] or ()),
                prices=prices,
                reported=reported.get(row["id"]),
                health=health.get(row["id"]),
                removed_at=row["removed_at"],
                evidence=row["evidence"] or None,
                sources=views,
                disagreements=disagreements,
            )
        )
    return states


_PRICE_NAMES = (*PRICE_FIELDS, "discount")


def _price_columns(pp: Table) -> list[Any]:
    names = ("valid_from", "currency", "overrides", "usd_rate", *_PRICE_NAMES)
    return [pp.c[name].label(f"pp_{name}") for name in names]


def _latest_reported(session: Session) -> dict[int, Reported]:
    rs = table(ReportedStat)
    latest = select(func.max(rs.c.id).label("id")).group_by(rs.c.endpoint_id).subquery()
    query = select(rs).join(latest, latest.c.id == rs.c.id)
    return {
        row.endpoint_id: Reported(
            source=row.source,
            at=row.at,
            uptime_5m=row.uptime_5m,
            uptime_30m=row.uptime_30m,
            uptime_1d=row.uptime_1d,
            latency_30m=row.latency_30m,
            throughput_30m=row.throughput_30m,
            status=row.status,
        )
        for row in session.execute(query)
    }


def _models(session: Session, endpoints: Sequence[EndpointState]) -> list[ModelState]:
    serving: dict[str, list[EndpointState]] = {}
    for endpoint in endpoints:
        if endpoint.removed_at is None:
            serving.setdefault(endpoint.model, []).append(endpoint)
    m = table(Model)
    models = []
    quality = read_quality(session)  # benchmark indices by canonical id (db.catalog.quality)
    for row in session.execute(select(m).order_by(m.c.canonical_id)):
        active = serving.get(row.canonical_id, [])
        models.append(
            ModelState(
                id=row.id,
                canonical_id=row.canonical_id,
                name=row.name,
                description=row.description,
                context_length=row.context_length,
                released=row.released,
                hugging_face_id=row.hugging_face_id,
                input_modalities=tuple(row.input_modalities or ()),
                output_modalities=tuple(row.output_modalities or ()),
                first_seen=row.first_seen,
                last_seen=row.last_seen,
                endpoints=len(active),
                providers=tuple(sorted({e.provider for e in active}, key=str.casefold)),
                quality=quality.get(row.canonical_id, {}),
            )
        )
    return models
