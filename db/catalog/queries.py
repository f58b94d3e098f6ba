"""Read-side query functions: the only way the CLI, API and dashboard read the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from db.models import Change, CrawlRun, Endpoint, Model, PricePeriod, Provider


@dataclass(frozen=True)
class CatalogCounts:
    providers: int
    models: int
    endpoints: int
    removed_endpoints: int
    price_periods: int
    changes: int


def catalog_counts(*, engine: Engine) -> CatalogCounts:
    """How much the store holds."""
    with Session(engine) as s:

        def count(query: object) -> int:
            return int(s.exec(query).one())  # type: ignore[call-overload]

        return CatalogCounts(
            providers=count(select(func.count()).select_from(Provider)),
            models=count(select(func.count()).select_from(Model)),
            endpoints=count(
                select(func.count()).select_from(Endpoint).where(col(Endpoint.removed_at).is_(None))
            ),
            removed_endpoints=count(
                select(func.count()).select_from(Endpoint).where(col(Endpoint.removed_at).is_not(None))
            ),
            price_periods=count(select(func.count()).select_from(PricePeriod)),
            changes=count(select(func.count()).select_from(Change)),
        )


def last_runs(*, engine: Engine) -> dict[str, CrawlRun]:
    """The most recent finished run of each source."""
    with Session(engine) as s:
        runs: dict[str, CrawlRun] = {}
        query = select(CrawlRun).where(col(CrawlRun.finished).is_not(None)).order_by(col(CrawlRun.started))
        for run in s.exec(query):
            runs[run.source] = run
        return runs


@dataclass(frozen=True)
class Offer:
    """An endpoint's current offer, flattened for listings."""

    endpoint_id: int
    provider: str
    model: str
    provider_model_id: str
    tag: str | None
    context_length: int | None
    input: Decimal | None
    output: Decimal | None
    currency: str
    since: datetime | None


def current_offers(*, engine: Engine, model: str | None = None) -> list[Offer]:
    """Active endpoints with their open price period, cheapest output first (unpriced last)."""
    with Session(engine) as s:
        query = (
            select(Endpoint, Provider.name, Model.canonical_id, PricePeriod)
            .join(Provider, col(Provider.id) == Endpoint.provider_id)
            .join(Model, col(Model.id) == Endpoint.model_id)
            .outerjoin(
                PricePeriod,
                (col(PricePeriod.endpoint_id) == Endpoint.id) & col(PricePeriod.valid_to).is_(None),
            )
            .where(col(Endpoint.removed_at).is_(None))
        )
        if model is not None:
            query = query.where(Model.canonical_id == model)
        offers = [
            Offer(
                endpoint_id=e.id or 0,
                provider=provider,
                model=canonical,
                provider_model_id=e.provider_model_id,
                tag=e.tag,
                context_length=e.context_length,
                input=p.input if p else None,
                output=p.output if p else None,
                currency=p.currency if p else e.currency,
                since=p.valid_from if p else None,
            )
            for e, provider, canonical, p in s.exec(query)
        ]
    big = Decimal("1e12")
    return sorted(offers, key=lambda o: (o.output is None, o.output or big, o.input or big, o.provider))
