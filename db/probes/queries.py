"""The probe history store, read side: uptime and latency windows, chart series, incidents.

**Windows** (`endpoint_health`; see `db.probes.windows` for how a window is aligned and summed). Each
window is the target's rollups over it, read from the `ProbeWindow` cache the rollup job keeps (or
summed from the rollups when the cache cannot answer), plus the raw samples not rolled up yet (`at` >=
the target's `rolled_until`, a few minutes when the rollup job runs every few minutes). So the current
hour counts however often the rollups run, no sample is counted twice, and no query reads all the raw
samples of a window.

Uptime = ok / (count - excluded - maintenance), as a percent; None without counted samples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from db.models import Incident, ProbeRollup, ProbeSample, ProbeTarget
from db.probes import histogram
from db.probes.buckets import VALUE_COLUMNS, Bucket, error_name
from db.probes.rollups import DAY, HOUR, floor_to, sample_columns, table
from db.probes.samples import EXCLUDED_CLASSES
from db.probes.windows import Buckets, WindowSpec, read_cached, sum_rollups, window_spec

#: Chart ranges up to this long are drawn from raw samples, up to SERIES_HOURLY_UP_TO from hourly rollups.
SERIES_RAW_UP_TO = timedelta(days=1)
SERIES_HOURLY_UP_TO = timedelta(days=60)
SAMPLE = "sample"
_CHUNK = 500


@dataclass(frozen=True)
class WindowHealth:
    """One target over one window. Latencies in milliseconds, over the ok samples outside maintenance."""

    window: str
    start: datetime
    count: int  # every sample
    ok: int
    failures: int  # count against uptime
    excluded: int  # rate limited or misconfigured: shown apart (see `errors`)
    maintenance: int
    uptime: float | None  # percent
    errors: dict[str, int]  # by error class, outside maintenance
    ttft_p50_ms: float | None
    ttft_p90_ms: float | None
    ttft_p99_ms: float | None
    ttft_mean_ms: float | None
    tokens_per_s: float | None  # mean

    @property
    def rate_limited(self) -> int:
        return self.errors.get("rate_limited", 0)


@dataclass(frozen=True)
class TargetHealth:
    """One probe target now: its status, open incident and windows (`db.catalog.state.Health` is the
    summary of it the catalog shows per endpoint)."""

    target_id: int
    probe: str
    endpoint_id: int | None
    status: str
    status_since: datetime | None
    last_sample_at: datetime | None
    open_incident: Incident | None
    windows: dict[str, WindowHealth]


def endpoint_health(
    engine: Engine,
    *,
    now: datetime,
    windows: Sequence[str] = ("1d", "7d", "30d"),
    target_ids: Iterable[int] | None = None,
) -> dict[int, TargetHealth]:
    """Status, open incident, and uptime / errors / TTFT percentiles per window, of every target
    (or of `target_ids`)."""
    specs = [window_spec(name, now) for name in windows]
    t = table(ProbeTarget)
    wanted = None if target_ids is None else sorted(set(target_ids))
    with Session(engine) as session:
        query = select(t.c.id, t.c.name, t.c.endpoint_id, t.c.status, t.c.status_since, t.c.last_sample_at)
        query = query.add_columns(t.c.rolled_until)
        if wanted is not None:
            query = query.where(t.c.id.in_(wanted))
        targets = session.execute(query.order_by(t.c.id)).all()
        ids = None if wanted is None else [row.id for row in targets]
        buckets: Buckets = {spec.name: {} for spec in specs}
        misses = read_cached(session, specs, targets, buckets)
        # What the cache could not answer, from the rollups: windows missed for the same targets together.
        everyone = {row.id for row in targets}
        groups: dict[frozenset[int], list[WindowSpec]] = {}
        for spec in specs:
            if misses[spec.name]:
                groups.setdefault(frozenset(misses[spec.name]), []).append(spec)
        for missed, group in groups.items():
            sum_rollups(
                session, group, None if missed == everyone and ids is None else sorted(missed), buckets
            )
        _read_tail(session, targets, specs, now, buckets)
        incidents = _open_incidents(session, ids)
    health: dict[int, TargetHealth] = {}
    for row in targets:
        health[row.id] = TargetHealth(
            target_id=row.id,
            probe=row.name,
            endpoint_id=row.endpoint_id,
            status=row.status,
            status_since=row.status_since,
            last_sample_at=row.last_sample_at,
            open_incident=incidents.get(row.id),
            windows={
                spec.name: _window_health(spec, buckets[spec.name].get(row.id) or Bucket()) for spec in specs
            },
        )
    return health


def _read_tail(
    session: Session, targets: Sequence[Any], windows: list[WindowSpec], now: datetime, buckets: Buckets
) -> None:
    """Add the samples not rolled up yet (at >= the target's `rolled_until`) to the windows.

    Normally (the rollups ran within the shortest window) every such sample lies in every window: the
    counts are then grouped in SQL and only the TTFT values come to Python, for the histograms.
    """
    groups: dict[datetime | None, list[int]] = {}
    for row in targets:
        groups.setdefault(row.rolled_until, []).append(row.id)
    latest = max(w.start for w in windows)
    for mark, ids in groups.items():
        # One query for every target when they were all rolled together; else by chunks of ids.
        chunks = [None] if len(groups) == 1 and mark is not None else list(_chunks(ids))
        for chunk in chunks:
            if mark is not None and mark >= latest:
                tail = _tail_in_sql(session, chunk, mark, now)
                for target_id, bucket in tail.items():
                    for window in windows:
                        buckets[window.name].setdefault(target_id, Bucket()).merge(bucket)
            else:
                since = min(w.start for w in windows) if mark is None else mark
                _tail_by_sample(session, chunk, since, now, windows, buckets)


def _tail_in_sql(
    session: Session, ids: list[int] | None, since: datetime, now: datetime
) -> dict[int, Bucket]:
    s = table(ProbeSample)
    where = [s.c.at >= since, s.c.at <= now]
    if ids is not None:
        where.append(s.c.target_id.in_(ids))
    keys = [s.c.target_id, s.c.ok, s.c.error_class, s.c.in_maintenance]
    sums: list[Any] = [func.count()]
    for name in ("ttft_ms", "total_ms", "tokens_per_s"):
        sums += [func.coalesce(func.sum(s.c[name]), 0), func.count(s.c[name])]
    sums += [func.min(s.c.ttft_ms), func.max(s.c.ttft_ms)]
    tail: dict[int, Bucket] = {}
    for target_id, ok, error_class, maintenance, n, *values in session.execute(
        select(*keys, *sums).where(*where).group_by(*keys)
    ).all():
        bucket = tail.get(target_id)
        if bucket is None:
            bucket = tail[target_id] = Bucket()
        bucket.add_group(ok, error_class, maintenance, n, *values)
    query = select(s.c.target_id, s.c.ttft_ms).where(
        *where, s.c.ok.is_(True), s.c.in_maintenance.is_(False), s.c.ttft_ms.is_not(None)
    )
    hists: dict[int, int] = {}
    unit = histogram.unit
    for target_id, ttft in session.execute(query).all():
        hists[target_id] = hists.get(target_id, 0) + unit(ttft)
    for target_id, packed in hists.items():
        tail[target_id].ttft_hist += packed
    return tail


def _tail_by_sample(
    session: Session,
    ids: list[int] | None,
    since: datetime,
    now: datetime,
    windows: list[WindowSpec],
    buckets: Buckets,
) -> None:
    """The tail sample by sample, each added to the windows it lies in (the rollups are late)."""
    s = table(ProbeSample)
    flags = [s.c.at >= w.start for w in windows]
    query = select(s.c.target_id, *sample_columns(), *flags).where(s.c.at >= since, s.c.at <= now)
    if ids is not None:
        query = query.where(s.c.target_id.in_(ids))
    tail: dict[tuple[int, tuple[bool, ...]], Bucket] = {}
    for row in session.execute(query).all():
        key = (row[0], tuple(bool(flag) for flag in row[7:]))
        bucket = tail.get(key)
        if bucket is None:
            bucket = tail[key] = Bucket()
        bucket.add_sample(*row[1:7])
    for (target_id, inside), bucket in tail.items():
        for window, within in zip(windows, inside, strict=True):
            if within:
                buckets[window.name].setdefault(target_id, Bucket()).merge(bucket)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    return (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK))


def _open_incidents(session: Session, ids: list[int] | None) -> dict[int, Incident]:
    query = select(Incident).where(col(Incident.ended).is_(None)).order_by(col(Incident.started))
    if ids is not None:
        query = query.where(col(Incident.target_id).in_(ids))
    return {incident.target_id: incident for incident in session.execute(query).scalars()}


def _window_health(window: WindowSpec, bucket: Bucket) -> WindowHealth:
    p50, p90, p99 = bucket.ttft_quantiles()
    return WindowHealth(
        window=window.name,
        start=window.start,
        count=bucket.count,
        ok=bucket.ok,
        failures=bucket.failures,
        excluded=bucket.excluded,
        maintenance=bucket.maintenance,
        uptime=bucket.uptime,
        errors=dict(sorted(bucket.errors.items())),
        ttft_p50_ms=p50,
        ttft_p90_ms=p90,
        ttft_p99_ms=p99,
        ttft_mean_ms=_mean(bucket.ttft_sum, bucket.ttft_count),
        tokens_per_s=_mean(bucket.tps_sum, bucket.tps_count),
    )


def _mean(total: float, n: int) -> float | None:
    return total / n if n else None


# -- charts ------------------------------------------------------------------------------------------
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
        ttft_ms=_mean(bucket.ttft_sum, bucket.ttft_count),
        ttft_p50_ms=ttft_p50,
        ttft_p90_ms=ttft_p90,
        total_ms=_mean(bucket.total_sum, bucket.total_count),
        total_p50_ms=total_p50,
        total_p90_ms=total_p90,
        tokens_per_s=_mean(bucket.tps_sum, bucket.tps_count),
    )


# -- incidents ---------------------------------------------------------------------------------------
def incidents(
    engine: Engine, *, target_id: int | None = None, since: datetime | None = None
) -> list[Incident]:
    """Incidents, oldest first; with `since`, those still open or ended at or after it."""
    query = select(Incident).order_by(col(Incident.started), col(Incident.id))
    if target_id is not None:
        query = query.where(col(Incident.target_id) == target_id)
    if since is not None:
        query = query.where(or_(col(Incident.ended).is_(None), col(Incident.ended) >= since))
    with Session(engine) as session:
        return list(session.execute(query).scalars())
