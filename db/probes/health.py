"""Our probes' health per target: status, open incident, and uptime, errors and latency per window.

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
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from db.models import Incident, ProbeSample, ProbeTarget, table
from db.probes import histogram
from db.probes.buckets import Bucket, mean
from db.probes.rollups import sample_columns
from db.probes.windows import Buckets, WindowSpec, read_cached, sum_rollups, window_spec

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
        ttft_mean_ms=mean(bucket.ttft_sum, bucket.ttft_count),
        tokens_per_s=mean(bucket.tps_sum, bucket.tps_count),
    )
