"""The probe history store, read side: uptime and latency windows, chart series, incidents.

**Windows** (`endpoint_health`). A window "Nd" or "Nh" covers [start, now], its start aligned to its
buckets: windows up to two days read hourly rollups from the start of the hour N ago; longer ones read
daily rollups from the start of the UTC day N ago (so "1d" spans 24-25 hours and "30d" 30-31 days: at
most one bucket more than asked). Daily rows include the current day's partial bucket, so a long window
needs one row per target and day, never hourly rows or raw samples. To every window the query adds the
raw samples not rolled up yet (`at` >= the target's `rolled_until`, a few minutes when the rollup job
runs every few minutes), so the current hour counts however often the rollups run, and no sample is
counted twice. Sums are aggregated in SQL, one pass per period for every window; the histograms are
merged in Python, one big-integer addition per row (`db.histogram`).

Uptime = ok / (count - excluded - maintenance), as a percent; None without counted samples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from db import histogram
from db.models import Incident, ProbeRollup, ProbeSample, ProbeTarget
from db.rollups import DAY, ERROR_COLUMNS, HOUR, Bucket, error_name, floor_to, sample_columns, table
from db.samples import EXCLUDED_CLASSES

#: Windows up to this long read hourly rollups; longer ones read daily rollups.
HOURLY_WINDOWS_UP_TO = timedelta(days=2)
#: Chart ranges up to this long are drawn from raw samples, up to SERIES_HOURLY_UP_TO from hourly rollups.
SERIES_RAW_UP_TO = timedelta(days=1)
SERIES_HOURLY_UP_TO = timedelta(days=60)
SAMPLE = "sample"
_WINDOW = re.compile(r"(\d+)\s*([hd])")
_SUMS = (
    *ERROR_COLUMNS.values(),
    "count",
    "ok",
    "failures",
    "excluded",
    "maintenance",
    "ttft_count",
    "ttft_sum",
    "total_count",
    "total_sum",
    "tps_count",
    "tps_sum",
)
_LEAST = ("ttft_min", "total_min")
_MOST = ("ttft_max", "total_max")
_CHUNK = 500


def parse_window(text: str) -> timedelta:
    """``"30d"`` -> 30 days, ``"6h"`` -> 6 hours."""
    match = _WINDOW.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"invalid window {text!r} (use e.g. 6h, 1d, 30d)")
    n = int(match[1])
    return timedelta(hours=n) if match[2] == "h" else timedelta(days=n)


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
    total_mean_ms: float | None
    tokens_per_s: float | None  # mean

    @property
    def rate_limited(self) -> int:
        return self.errors.get("rate_limited", 0)

    @property
    def misconfigured(self) -> int:
        return self.errors.get("client_error", 0)


@dataclass(frozen=True)
class Health:
    target_id: int
    probe: str
    endpoint_id: int | None
    status: str
    status_since: datetime | None
    last_sample_at: datetime | None
    open_incident: Incident | None
    windows: dict[str, WindowHealth]


@dataclass(frozen=True)
class _Window:
    name: str
    period: str
    start: datetime


def endpoint_health(
    engine: Engine,
    *,
    now: datetime,
    windows: Sequence[str] = ("1d", "7d", "30d"),
    target_ids: Iterable[int] | None = None,
) -> dict[int, Health]:
    """Status, open incident, and uptime / errors / TTFT percentiles per window, of every target
    (or of `target_ids`)."""
    specs = []
    for name in windows:
        length = parse_window(name)
        period = HOUR if length <= HOURLY_WINDOWS_UP_TO else DAY
        specs.append(_Window(name, period, floor_to(period, now - length)))
    t = table(ProbeTarget)
    wanted = None if target_ids is None else sorted(set(target_ids))
    with Session(engine) as session:
        query = select(t.c.id, t.c.name, t.c.endpoint_id, t.c.status, t.c.status_since, t.c.last_sample_at)
        query = query.add_columns(t.c.rolled_until)
        if wanted is not None:
            query = query.where(t.c.id.in_(wanted))
        targets = session.execute(query.order_by(t.c.id)).all()
        ids = None if wanted is None else [row.id for row in targets]
        buckets: dict[str, dict[int, Bucket]] = {spec.name: {} for spec in specs}
        for period in (HOUR, DAY):
            chosen = [spec for spec in specs if spec.period == period]
            if chosen:
                _read_rollups(session, period, chosen, ids, buckets)
        _read_tail(session, targets, specs, now, buckets)
        incidents = _open_incidents(session, ids)
    health: dict[int, Health] = {}
    for row in targets:
        health[row.id] = Health(
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


def _read_rollups(
    session: Session,
    period: str,
    windows: list[_Window],
    ids: list[int] | None,
    buckets: dict[str, dict[int, Bucket]],
) -> None:
    """Add the rollup rows of `period` to each window's buckets: sums in SQL, histograms in Python.

    The windows' starts cut the rows into disjoint segments ([30d, 7d), [7d, now]...), each read
    once; a window is the sum of the segments from its start on.
    """
    r, t = table(ProbeRollup), table(ProbeTarget)
    # A target id first: the rows are read as one short range of the primary key per target.
    targets = select(t.c.id) if ids is None else select(t.c.id).where(t.c.id.in_(ids))
    starts = sorted({w.start for w in windows})
    sums = [func.coalesce(func.sum(r.c[name]), 0).label(name) for name in _SUMS]
    sums += [func.min(r.c[name]).label(name) for name in _LEAST]
    sums += [func.max(r.c[name]).label(name) for name in _MOST]
    for n, start in enumerate(starts):
        where = [r.c.target_id.in_(targets), r.c.period == period, r.c.start >= start]
        if n + 1 < len(starts):
            where.append(r.c.start < starts[n + 1])
        mine = [buckets[w.name] for w in windows if w.start <= start]
        query = select(r.c.target_id, *sums).where(*where).group_by(r.c.target_id)
        for row in session.execute(query).all():
            for target_buckets in mine:
                target_buckets.setdefault(row.target_id, Bucket()).add_sums(row)
        # Histograms: one big-integer addition per row.
        hists: dict[int, int] = {}
        query = select(r.c.target_id, r.c.ttft_hist).where(*where, r.c.ttft_hist.is_not(None))
        for target_id, blob in session.execute(query).all():
            hists[target_id] = hists.get(target_id, 0) + histogram.decode(blob)
        for target_id, packed in hists.items():
            for target_buckets in mine:
                target_buckets[target_id].ttft_hist += packed


def _read_tail(
    session: Session,
    targets: Sequence[Any],
    windows: list[_Window],
    now: datetime,
    buckets: dict[str, dict[int, Bucket]],
) -> None:
    """Add the samples not rolled up yet (at >= the target's `rolled_until`) to the windows."""
    s = table(ProbeSample)
    earliest = min(w.start for w in windows)
    groups: dict[datetime | None, list[int]] = {}
    for row in targets:
        groups.setdefault(row.rolled_until, []).append(row.id)
    everyone = len(groups) == 1
    flags = [s.c.at >= w.start for w in windows]
    tail: dict[tuple[int, tuple[bool, ...]], Bucket] = {}
    for mark, ids in groups.items():
        since = earliest if mark is None else max(mark, earliest)
        if since > now:
            continue
        chunks = (
            [None]
            if everyone and mark is not None
            else [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
        )
        for chunk in chunks:
            query = select(s.c.target_id, *sample_columns(), *flags).where(s.c.at >= since, s.c.at <= now)
            if chunk is not None:
                query = query.where(s.c.target_id.in_(chunk))
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


def _open_incidents(session: Session, ids: list[int] | None) -> dict[int, Incident]:
    query = select(Incident).where(col(Incident.ended).is_(None)).order_by(col(Incident.started))
    if ids is not None:
        query = query.where(col(Incident.target_id).in_(ids))
    return {incident.target_id: incident for incident in session.execute(query).scalars()}


def _window_health(window: _Window, bucket: Bucket) -> WindowHealth:
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
        total_mean_ms=_mean(bucket.total_sum, bucket.total_count),
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
        query = select(r).where(
            r.c.target_id == target_id, r.c.period == resolution, r.c.start >= first, r.c.start < end
        )
        for row in session.execute(query):
            bucket = buckets[row.start] = Bucket()
            bucket.add_row(row)
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
