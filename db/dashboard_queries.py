"""Read queries the dashboard needs beyond the catalog snapshot: probe targets, freshness, daily uptime.

The dashboard reads the catalog through `db.catalog` (snapshots), history through `db.catalog`,
`db.catalog_probes` and `db.probe_queries`; what is here is what none of those answers in one query:
which probe target speaks for which endpoint, when the newest sample landed, and every target's
uptime per UTC day (the status heatmap: one query over the daily rollups plus the samples not
rolled up yet).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from db.models import ProbeRollup, ProbeSample, ProbeTarget
from db.rollups import DAY, Bucket, floor_day, sample_columns, table


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


def daily_uptime(*, engine: Engine, start: datetime, end: datetime) -> list[DayUptime]:
    """Every target's counts per UTC day over [start, end): the daily rollups plus the samples after
    each target's `rolled_until`."""
    r, s, t = table(ProbeRollup), table(ProbeSample), table(ProbeTarget)
    first = floor_day(start)
    days: dict[tuple[int, datetime], Bucket] = {}
    columns = (r.c.target_id, r.c.start, r.c.count, r.c.ok, r.c.failures, r.c.excluded, r.c.maintenance)
    with engine.connect() as connection:
        query = select(*columns).where(r.c.period == DAY, r.c.start >= first, r.c.start < end)
        for target_id, day, count, ok, failures, excluded, maintenance in connection.execute(query):
            bucket = days[(target_id, day)] = Bucket()
            bucket.count, bucket.ok, bucket.failures = count, ok, failures
            bucket.excluded, bucket.maintenance = excluded, maintenance
        marks: dict[int, datetime | None] = {
            row.id: row.rolled_until for row in connection.execute(select(t.c.id, t.c.rolled_until))
        }
        known = [mark for mark in marks.values() if mark is not None]
        since = max(first, min(known)) if known and None not in marks.values() else first
        tail = select(s.c.target_id, s.c.at, *sample_columns()).where(s.c.at >= since, s.c.at < end)
        for target_id, at, *values in connection.execute(tail):
            mark = marks.get(target_id)
            if mark is not None and at < mark:
                continue
            key = (target_id, floor_day(at))
            found = days.get(key)
            if found is None:
                found = days[key] = Bucket()
            found.add_sample(*values)
    return [
        DayUptime(key[0], key[1], b.count, b.ok, b.failures, b.excluded, b.maintenance)
        for key, b in sorted(days.items())
    ]
