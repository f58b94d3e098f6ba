"""Our probes' figures as the catalog API shows them: health per endpoint, chart series, metric windows.

Read side only, over `db.probes.health`, `db.probes.series` and the rollup tables; a probe counts for
the catalog endpoint its target is linked to (`ProbeTarget.endpoint_id`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.catalog.state import UPTIME_WINDOWS, Health
from db.models import ProbeRollup, ProbeSample, ProbeTarget, table
from db.probes.buckets import Bucket
from db.probes.health import endpoint_health
from db.probes.rollups import HOUR, floor_to, sample_columns
from db.probes.series import SeriesPoint, probe_series, series_resolution

#: The window our probes' TTFT percentiles are given over (the recommender's "TTFT p90").
TTFT_WINDOW = "7d"
_NEVER = datetime.min.replace(tzinfo=UTC)


def probe_health(
    engine: Engine, now: datetime, *, windows: tuple[str, ...] = UPTIME_WINDOWS
) -> dict[int, Health]:
    """Our probes' status, uptime per window and TTFT p50/p90 (over `TTFT_WINDOW`), per catalog endpoint.

    A probe counts for the endpoint its target is linked to (`ProbeTarget.endpoint_id`); of two probes
    of one endpoint, the one with the latest sample speaks for it.
    """
    found: dict[int, Health] = {}
    for target in endpoint_health(engine, now=now, windows=windows).values():
        if target.endpoint_id is None:
            continue
        known = found.get(target.endpoint_id)
        if known is not None and (known.last_sample_at or _NEVER) >= (target.last_sample_at or _NEVER):
            continue
        ttft = target.windows.get(TTFT_WINDOW)
        found[target.endpoint_id] = Health(
            status=target.status,
            uptime={name: window.uptime for name, window in target.windows.items()},
            ttft_p50_ms=ttft.ttft_p50_ms if ttft is not None else None,
            ttft_p90_ms=ttft.ttft_p90_ms if ttft is not None else None,
            probe=target.probe,
            last_sample_at=target.last_sample_at,
        )
    return found


@dataclass(frozen=True)
class ProbeSeries:
    """One probe's chart of one endpoint."""

    probe: str | None
    resolution: str  # sample, hour or day
    points: list[SeriesPoint]


def endpoint_probe_series(
    *,
    engine: Engine,
    endpoint_id: int,
    start: datetime,
    end: datetime,
    resolution: str | None = None,
    probe: str | None = None,
) -> ProbeSeries:
    """The samples or rollups over [start, end) of the probe of `endpoint_id` (or the one named
    `probe`; by default the one sampled last). No probe: no points."""
    t = table(ProbeTarget)
    query = select(t.c.id, t.c.name).where(t.c.endpoint_id == endpoint_id)
    if probe is not None:
        query = query.where(t.c.name == probe)
    with Session(engine) as session:
        query = query.order_by(t.c.last_sample_at.desc().nulls_last(), t.c.id)
        target = session.execute(query.limit(1)).first()
    chosen = resolution or series_resolution(start, end)
    if target is None:
        return ProbeSeries(probe=None, resolution=chosen, points=[])
    points = probe_series(engine, target.id, start=start, end=end, resolution=chosen)
    return ProbeSeries(probe=target.name, resolution=chosen, points=points)


@dataclass(frozen=True)
class MetricWindow:
    """One probe target's samples since a time, summed (for metrics: status and latency histograms).

    Not the `db.models.ProbeWindow` table, which caches a target's 1d/7d/30d sums for the rollups."""

    target_id: int
    probe: str
    endpoint_id: int | None
    status: str
    last_sample_at: datetime | None
    bucket: Bucket


def probe_windows(*, engine: Engine, since: datetime) -> list[MetricWindow]:
    """Every target with its hourly rollups from `since` (floored to the hour) plus the samples not
    rolled up yet: one query per table."""
    t, r, s = table(ProbeTarget), table(ProbeRollup), table(ProbeSample)
    first = floor_to(HOUR, since)
    with Session(engine) as session:
        targets = session.execute(
            select(
                t.c.id, t.c.name, t.c.endpoint_id, t.c.status, t.c.last_sample_at, t.c.rolled_until
            ).order_by(t.c.id)
        ).all()
        buckets = {row.id: Bucket() for row in targets}
        rollups = select(r).where(r.c.period == HOUR, r.c.start >= first)
        for row in session.execute(rollups):
            if row.target_id in buckets:
                buckets[row.target_id].add_row(row)
        marks = {row.id: max(row.rolled_until or first, first) for row in targets}
        oldest = min(marks.values(), default=first)
        tail = select(s.c.target_id, s.c.at, *sample_columns()).where(s.c.at >= oldest)
        for target_id, at, *values in session.execute(tail):
            if target_id in buckets and at >= marks[target_id]:
                buckets[target_id].add_sample(*values)
    return [
        MetricWindow(row.id, row.name, row.endpoint_id, row.status, row.last_sample_at, buckets[row.id])
        for row in targets
    ]
