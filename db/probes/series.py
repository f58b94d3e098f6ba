"""Our probes' charts: one target's samples, or its hourly or daily buckets, over a time range.

Buckets are read from the rollups plus the samples not rolled up yet, as the health windows are
(`db.probes.health`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.models import ProbeRollup, ProbeSample, ProbeTarget, table
from db.probes.buckets import VALUE_COLUMNS, Bucket, error_name, mean
from db.probes.rollups import DAY, HOUR, floor_to, sample_columns
from db.probes.samples import EXCLUDED_CLASSES

#: Chart ranges up to this long are drawn from raw samples, up to SERIES_HOURLY_UP_TO from hourly rollups.
SERIES_RAW_UP_TO = timedelta(days=1)
SERIES_HOURLY_UP_TO = timedelta(days=60)
SAMPLE = "sample"


@dataclass(frozen=True)
class SeriesPoint:
    """One point of a chart: one sample, or one hourly or daily bucket (then latencies are means and
    percentiles over its ok samples)."""

    start: datetime
    resolution: str  # "sample", "hour" or "day"
    count: int
    ok: int
    failures: int
    excluded: int
    maintenance: int
    uptime: float | None
    errors: dict[str, int]
    ttft_ms: float | None
    ttft_p50_ms: float | None
    ttft_p90_ms: float | None
    total_ms: float | None
    total_p50_ms: float | None
    total_p90_ms: float | None
    tokens_per_s: float | None
    error_class: str | None = None  # a sample's
    status: int | None = None  # a sample's HTTP status


def series_resolution(start: datetime, end: datetime) -> str:
    span = end - start
    if span <= SERIES_RAW_UP_TO:
        return SAMPLE
    return HOUR if span <= SERIES_HOURLY_UP_TO else DAY


def probe_series(
    engine: Engine, target_id: int, *, start: datetime, end: datetime, resolution: str | None = None
) -> list[SeriesPoint]:
    """A target's chart over [start, end): raw samples for a day or less, hourly rollups up to 60 days,
    daily ones beyond (or the `resolution` asked: "sample", "hour", "day"). Buckets include the
    samples not rolled up yet."""
    resolution = resolution or series_resolution(start, end)
    if resolution not in (SAMPLE, HOUR, DAY):
        raise ValueError(f"invalid resolution {resolution!r} (sample, hour or day)")
    s, r, t = table(ProbeSample), table(ProbeRollup), table(ProbeTarget)
    with Session(engine) as session:
        if resolution == SAMPLE:
            columns = [s.c.at, s.c.ok, s.c.status, s.c.error_class, s.c.ttft_ms, s.c.total_ms]
            columns += [s.c.tokens_per_s, s.c.in_maintenance]
            query = (
                select(*columns)
                .where(s.c.target_id == target_id, s.c.at >= start, s.c.at < end)
                .order_by(s.c.at, s.c.id)
            )
            return [_sample_point(row) for row in session.execute(query)]
        first = floor_to(resolution, start)
        buckets: dict[datetime, Bucket] = {}
        query = select(r.c.start, *(r.c[name] for name in VALUE_COLUMNS)).where(
            r.c.target_id == target_id, r.c.period == resolution, r.c.start >= first, r.c.start < end
        )
        for bucket_start, *values in session.execute(query).all():
            buckets[bucket_start] = Bucket.of_values(values)
        mark = session.execute(select(t.c.rolled_until).where(t.c.id == target_id)).scalar()
        since = first if mark is None else max(mark, first)
        tail = select(s.c.at, *sample_columns()).where(
            s.c.target_id == target_id, s.c.at >= since, s.c.at < end
        )
        for at, *values in session.execute(tail):
            key = floor_to(resolution, at)
            found = buckets.get(key)
            if found is None:
                found = buckets[key] = Bucket()
            found.add_sample(*values)
    return [_bucket_point(key, resolution, buckets[key]) for key in sorted(buckets)]


def _sample_point(row: Any) -> SeriesPoint:
    maintenance = bool(row.in_maintenance)
    excluded = not row.ok and not maintenance and row.error_class in EXCLUDED_CLASSES
    failed = not row.ok and not maintenance and not excluded
    counted = not maintenance and not excluded
    return SeriesPoint(
        start=row.at,
        resolution=SAMPLE,
        count=1,
        ok=int(row.ok and not maintenance),
        failures=int(failed),
        excluded=int(excluded),
        maintenance=int(maintenance),
        uptime=(100.0 if row.ok else 0.0) if counted else None,
        errors={error_name(row.error_class): 1} if not row.ok and not maintenance else {},
        ttft_ms=row.ttft_ms,
        ttft_p50_ms=None,
        ttft_p90_ms=None,
        total_ms=row.total_ms,
        total_p50_ms=None,
        total_p90_ms=None,
        tokens_per_s=row.tokens_per_s,
        error_class=row.error_class,
        status=row.status,
    )


def _bucket_point(start: datetime, resolution: str, bucket: Bucket) -> SeriesPoint:
    ttft_p50, ttft_p90 = bucket.ttft_quantiles((0.5, 0.9))
    total_p50, total_p90 = bucket.total_quantiles((0.5, 0.9))
    return SeriesPoint(
        start=start,
        resolution=resolution,
        count=bucket.count,
        ok=bucket.ok,
        failures=bucket.failures,
        excluded=bucket.excluded,
        maintenance=bucket.maintenance,
        uptime=bucket.uptime,
        errors=dict(sorted(bucket.errors.items())),
        ttft_ms=mean(bucket.ttft_sum, bucket.ttft_count),
        ttft_p50_ms=ttft_p50,
        ttft_p90_ms=ttft_p90,
        total_ms=mean(bucket.total_sum, bucket.total_count),
        total_p50_ms=total_p50,
        total_p90_ms=total_p90,
        tokens_per_s=mean(bucket.tps_sum, bucket.tps_count),
    )
