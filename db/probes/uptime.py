"""Read queries the dashboard needs beyond the catalog snapshot: probe targets, freshness, daily uptime.

The dashboard reads the catalog through `db.catalog.snapshot` (snapshots and history),
`db.probes.figures`, `db.probes.health`, `db.probes.series` and `db.probes.incidents`; what is here is
what none of those answers in one query: which probe target speaks for which endpoint, when the newest
sample landed, and every target's uptime per UTC day (the status heatmap: one query over the daily rollups
plus the samples not rolled up yet).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from db.catalog.state import Health
from db.models import ProbeRollup, ProbeSample, ProbeTarget, table
from db.probes.buckets import Bucket
from db.probes.figures import probe_health
from db.probes.rollups import DAY, floor_day, sample_columns


@dataclass(frozen=True)
class TargetInfo:
    """A probe target as the dashboard lists it."""

    id: int
    name: str
    endpoint_id: int | None
    status: str
    status_since: datetime | None
    last_sample_at: datetime | None


def probe_targets(*, engine: Engine) -> list[TargetInfo]:
    """Every probe target, by name."""
    t = table(ProbeTarget)
    query = select(t.c.id, t.c.name, t.c.endpoint_id, t.c.status, t.c.status_since, t.c.last_sample_at)
    with engine.connect() as connection:
        return [TargetInfo(*row) for row in connection.execute(query.order_by(t.c.name))]


def last_probe_at(*, engine: Engine) -> datetime | None:
    """When the newest probe sample was taken (None: never probed)."""
    t = table(ProbeTarget)
    with engine.connect() as connection:
        value: datetime | None = connection.execute(select(func.max(t.c.last_sample_at))).scalar()
    return value  # max() keeps the column's type: an aware UTC datetime


@dataclass(frozen=True)
class DayUptime:
    """One target's samples over one UTC day."""

    target_id: int
    day: datetime
    count: int
    ok: int
    failures: int
    excluded: int
    maintenance: int

    @property
    def uptime(self) -> float | None:
        counted = self.count - self.excluded - self.maintenance
        return 100.0 * self.ok / counted if counted > 0 else None


def daily_uptime(
    *, engine: Engine, start: datetime, end: datetime, target_ids: Iterable[int] | None = None
) -> list[DayUptime]:
    """Each target's counts (or those of `target_ids`) per UTC day over [start, end): the daily rollups
    plus the samples after each target's `rolled_until`."""
    r, t = table(ProbeRollup), table(ProbeTarget)
    wanted = None if target_ids is None else sorted(set(target_ids))
    found: dict[tuple[int, datetime], DayUptime] = {}
    columns = (r.c.target_id, r.c.start, r.c.count, r.c.ok, r.c.failures, r.c.excluded, r.c.maintenance)
    with engine.connect() as connection:
        # A target id first: the primary key (target_id, period, start) is then read as one short
        # range per target, not scanned whole (a year of hourly rows is millions).
        targets = select(t.c.id) if wanted is None else select(t.c.id).where(t.c.id.in_(wanted))
        query = select(*columns).where(
            r.c.target_id.in_(targets), r.c.period == DAY, r.c.start >= floor_day(start), r.c.start < end
        )
        for row in connection.execute(query):
            found[(row[0], row[1])] = DayUptime(*row)
        tail = _tail(connection, floor_day(start), end, wanted)
    for key, bucket in tail.items():
        found[key] = _plus(found.get(key), key, bucket)
    return [found[key] for key in sorted(found)]


def range_uptime(*, engine: Engine, start: datetime, end: datetime) -> list[DayUptime]:
    """Each target's counts summed over the UTC days of [start, end) (`day` is the first): one
    aggregate over the daily rollups plus the samples not rolled up yet."""
    r, t = table(ProbeRollup), table(ProbeTarget)
    first = floor_day(start)
    found: dict[int, DayUptime] = {}
    sums = [func.coalesce(func.sum(r.c[name]), 0) for name in _COUNTS]
    with engine.connect() as connection:
        query = (
            select(r.c.target_id, *sums)
            .where(r.c.target_id.in_(select(t.c.id)), r.c.period == DAY, r.c.start >= first, r.c.start < end)
            .group_by(r.c.target_id)
        )
        for target_id, *counts in connection.execute(query):
            found[target_id] = DayUptime(target_id, first, *counts)
        tail = _tail(connection, first, end, None)
    for (target_id, _day), bucket in tail.items():
        found[target_id] = _plus(found.get(target_id), (target_id, first), bucket)
    return [found[key] for key in sorted(found)]


_COUNTS = ("count", "ok", "failures", "excluded", "maintenance")


def _tail(
    connection: Connection, first: datetime, end: datetime, wanted: list[int] | None
) -> dict[tuple[int, datetime], Bucket]:
    """The samples at or after each target's `rolled_until` (not in the rollups yet), per target and day."""
    s, t = table(ProbeSample), table(ProbeTarget)
    marks: dict[int, datetime | None] = {
        row.id: row.rolled_until for row in connection.execute(select(t.c.id, t.c.rolled_until))
    }
    known = [mark for mark in marks.values() if mark is not None]
    since = max(first, min(known)) if known and None not in marks.values() else first
    query = select(s.c.target_id, s.c.at, *sample_columns()).where(s.c.at >= since, s.c.at < end)
    if wanted is not None:
        query = query.where(s.c.target_id.in_(wanted))
    tail: dict[tuple[int, datetime], Bucket] = {}
    for target_id, at, *values in connection.execute(query):
        mark = marks.get(target_id)
        if mark is not None and at < mark:
            continue
        key = (target_id, floor_day(at))
        bucket = tail.get(key)
        if bucket is None:
            bucket = tail[key] = Bucket()
        bucket.add_sample(*values)
    return tail


def _plus(day: DayUptime | None, key: tuple[int, datetime], bucket: Bucket) -> DayUptime:
    counts = [bucket.count, bucket.ok, bucket.failures, bucket.excluded, bucket.maintenance]
    if day is not None:
        counts = [
            a + b
            for a, b in zip(
                counts, (day.count, day.ok, day.failures, day.excluded, day.maintenance), strict=True
            )
        ]
    return DayUptime(key[0], key[1], *counts)


#: The health windows the dashboard shows (the API's snapshot also reads 30d: a third of its cost).
DASHBOARD_WINDOWS: tuple[str, ...] = ("1d", "7d")


def dashboard_health(engine: Engine, now: datetime) -> dict[int, Health]:
    """`db.probes.figures.probe_health` over the windows the dashboard shows: our probes' status, 1-day
    and 7-day uptime and 7-day TTFT p50/p90 per catalog endpoint (of two probes of one endpoint, the
    one sampled last speaks for it). A `db.catalog.snapshot.HealthLoader`."""
    return probe_health(engine, now, windows=DASHBOARD_WINDOWS)
