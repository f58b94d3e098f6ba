"""An endpoint's history rows: price periods, revisions and the aggregator's reported figures.

Each is effective-dated: the open row (`valid_to` null; for stats the newest) is compared with what
the crawl gives, and a new row is queued only when a value changed, closing the old one. A crawl
that found no price keeps the old one: never nulls over a published price. Reported figures that did
not change extend their row's `seen_until` instead of adding one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, Table, func, select
from sqlmodel import Session

from db.catalog import changes as ch
from db.catalog.batch import IngestBatch, chunks
from db.catalog.crawled import PRICE_FIELDS, EndpointIn, Pricing, ReportedStats
from db.models import EndpointRevision, PricePeriod, ReportedStat, table


def open_rows(session: Session, table: Table, ids: list[int]) -> dict[int, Row[Any]]:
    """The open (valid_to null) row of each endpoint in `ids`, as Core rows."""
    rows: dict[int, Row[Any]] = {}
    for chunk in chunks(ids):
        query = select(table).where(table.c.endpoint_id.in_(chunk), table.c.valid_to.is_(None))
        for row in session.execute(query):
            current = rows.get(row.endpoint_id)
            if current is None or row.valid_from >= current.valid_from:
                rows[row.endpoint_id] = row
    return rows


def latest_stats(session: Session, ids: list[int]) -> dict[int, Row[Any]]:
    """The newest reported stat of each endpoint in `ids` (rows are appended in time order)."""
    t = table(ReportedStat)
    rows: dict[int, Row[Any]] = {}
    for chunk in chunks(ids):
        newest = select(func.max(t.c.id)).where(t.c.endpoint_id.in_(chunk)).group_by(t.c.endpoint_id)
        for row in session.execute(select(t).where(t.c.id.in_(newest))):
            rows[row.endpoint_id] = row
    return rows


def add_period(batch: IngestBatch, endpoint_id: int, pricing: Pricing) -> None:
    """Queue a new open price period."""
    values: dict[str, Any] = {name: getattr(pricing, name) for name in PRICE_FIELDS}
    values.update(
        endpoint_id=endpoint_id,
        valid_from=batch.now,
        valid_to=None,
        currency=pricing.currency,
        discount=pricing.discount,
        usd_rate=pricing.usd_rate,
        overrides=pricing.overrides,
        run_id=batch.run_id,
    )
    batch.pending[PricePeriod].append(values)
    batch.report.price_rows += 1


def add_revision(batch: IngestBatch, endpoint_id: int, values: dict[str, Any]) -> None:
    """Queue a new open revision with `values` (see `revision_values`)."""
    batch.pending[EndpointRevision].append(
        dict(values, endpoint_id=endpoint_id, valid_from=batch.now, valid_to=None, run_id=batch.run_id)
    )
    batch.report.revision_rows += 1


def add_stat(batch: IngestBatch, endpoint_id: int, reported: ReportedStats) -> None:
    """Queue a new row of reported figures."""
    batch.pending[ReportedStat].append(
        dict(_stat_values(reported), endpoint_id=endpoint_id, at=batch.now, seen_until=batch.now)
    )
    batch.report.stat_rows += 1


def update_prices(
    batch: IngestBatch,
    row: Row[Any],
    given: EndpointIn,
    period: Row[Any] | None,
    canonical: str,
    *,
    record: bool = True,
) -> bool:
    """A new price period when the crawl's prices differ from `period`; True if one was queued.

    `record=False` writes the period without price changes: the values now come from another source
    (`db.catalog.observations`), which is not the market moving."""
    # A crawl that found no price keeps the old one: never write nulls over a published price.
    if given.pricing is None:
        return False
    new = ch.pricing_values(given.pricing)
    if period is not None:
        diffs = ch.diff_pricing(_period_values(period), new)
        if not diffs:
            return False
        batch.closed[PricePeriod].append(period.id)
        if record:
            _record_diffs(batch, row, given, canonical, diffs)
    assert row.id is not None
    add_period(batch, row.id, given.pricing)
    return True


def update_revision(
    batch: IngestBatch,
    row: Row[Any],
    given: EndpointIn,
    revision: Row[Any] | None,
    canonical: str,
    *,
    record: bool = True,
) -> bool:
    """A new revision when the crawl's attributes differ from `revision`; True if one was queued
    (`record=False`: without changes, as for `update_prices`)."""
    new = revision_values(given)
    old = {name: getattr(revision, name) for name in ch.REVISION_FIELDS} if revision else {}
    diffs = ch.diff_revision(old, new)
    if not diffs:
        return False
    if revision is not None:
        batch.closed[EndpointRevision].append(revision.id)
        if record:
            _record_diffs(batch, row, given, canonical, diffs)
    assert row.id is not None
    add_revision(batch, row.id, new)
    return True


def update_stat(
    batch: IngestBatch, row: Row[Any], reported: ReportedStats | None, latest: Row[Any] | None
) -> None:
    """Extend `latest` when the figures are the same, else queue a new row."""
    if reported is None:
        return
    assert row.id is not None
    values = _stat_values(reported)
    if latest is not None and all(getattr(latest, k) == v for k, v in values.items()):
        batch.closed[ReportedStat].append(latest.id)  # the same figures: extend their time
        return
    add_stat(batch, row.id, reported)


def close_superseded(batch: IngestBatch) -> None:
    """Close the replaced price periods and revisions, and extend the unchanged stats, in bulk."""
    for entity, column in (
        (PricePeriod, "valid_to"),
        (EndpointRevision, "valid_to"),
        (ReportedStat, "seen_until"),
    ):
        t = table(entity)
        batch.touch(t, t.c[column], batch.closed[entity])
        batch.closed[entity].clear()


def revision_values(given: EndpointIn) -> dict[str, Any]:
    """The attributes an `EndpointRevision` keeps, as the crawl gives them."""
    return {
        "url": given.url,
        "context_length": given.context_length,
        "max_output_tokens": given.max_output_tokens,
        "max_prompt_tokens": given.max_prompt_tokens,
        "quantization": given.quantization,
        "parameters": sorted(given.parameters),
    }


def _record_diffs(
    batch: IngestBatch, row: Row[Any], given: EndpointIn, canonical: str, diffs: list[ch.FieldChange]
) -> None:
    for diff in diffs:
        batch.change(
            diff.kind,
            endpoint_id=row.id,
            model=canonical,
            provider=given.provider,
            field=diff.field,
            old=diff.old,
            new=diff.new,
            percent=diff.percent,
        )


def _period_values(period: Row[Any]) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(period, name) for name in PRICE_FIELDS}
    values["currency"] = period.currency
    values["discount"] = period.discount
    values["usd_rate"] = period.usd_rate
    values["overrides"] = period.overrides or None
    return values


def _stat_values(reported: ReportedStats) -> dict[str, Any]:
    return {
        "source": reported.source,
        "uptime_5m": reported.uptime_5m,
        "uptime_30m": reported.uptime_30m,
        "uptime_1d": reported.uptime_1d,
        "latency_30m": dict(reported.latency_30m) if reported.latency_30m else None,
        "throughput_30m": dict(reported.throughput_30m) if reported.throughput_30m else None,
        "status": reported.status,
    }
