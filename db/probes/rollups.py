"""Rollups: raw probe samples folded into hourly buckets, and hourly buckets into daily ones.

A run recomputes whole buckets, never increments them, so running it twice gives the same rows:

1. the samples with ``at`` in [first hour, cutoff) are read, where cutoff = now - `settle` and the first
   hour is that of the previous cutoff minus `settle` (or of the oldest sample, the first time; or of
   `since`, to rebuild older hours);
2. each (target, hour) that has samples there is recomputed from all of them and replaces its row;
3. each (target, day) touched is recomputed from its hourly rows and replaces its row;
4. every target's `rolled_until` becomes the cutoff.

Only buckets that have raw samples are touched, so an hour whose samples retention already deleted keeps
its row. The read side (`db.probes.health`, `db.probes.series`) adds the samples at or after
`rolled_until` from the raw table, so a window counts every sample exactly once however often this runs.
`settle` is the time a probe may take to record its sample: a sample recorded later than that after its
`at` is missing from the windows until the next run, which re-reads its hour. The cutoff never moves
backwards.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.bulk import insert_rows
from db.engine import session_scope
from db.models import ProbeRollup, ProbeSample, ProbeTarget, table
from db.probes.buckets import VALUE_COLUMNS, Bucket

logger = logging.getLogger(__name__)

HOUR = "hour"
DAY = "day"
PERIODS = {HOUR: timedelta(hours=1), DAY: timedelta(days=1)}
#: How long after its `at` a sample may still be recorded and be rolled up on time.
SETTLE = timedelta(minutes=5)
_CHUNK = 500


def floor_hour(at: datetime) -> datetime:
    return at.replace(minute=0, second=0, microsecond=0)


def floor_day(at: datetime) -> datetime:
    return at.replace(hour=0, minute=0, second=0, microsecond=0)


def floor_to(period: str, at: datetime) -> datetime:
    return floor_hour(at) if period == HOUR else floor_day(at)


#: The raw-sample columns a bucket needs, in `Bucket.add_sample`'s order (after target_id and at).
def sample_columns() -> list[Any]:
    s = table(ProbeSample)
    return [s.c.ok, s.c.error_class, s.c.ttft_ms, s.c.total_ms, s.c.tokens_per_s, s.c.in_maintenance]


@dataclass(frozen=True)
class RollupReport:
    first_hour: datetime | None  # the first hour recomputed (None: nothing to roll)
    cutoff: datetime  # the samples before this time are in the rollups
    samples: int
    hourly: int  # hourly rows written
    daily: int  # daily rows written


def rollup(
    engine: Engine, *, now: datetime, since: datetime | None = None, settle: timedelta = SETTLE
) -> RollupReport:
    """Fold the new raw samples into hourly and daily rollups (idempotent), in one transaction."""
    with session_scope(engine) as session:
        return roll(session, now=now, since=since, settle=settle)


def roll(
    session: Session, *, now: datetime, since: datetime | None = None, settle: timedelta = SETTLE
) -> RollupReport:
    """`rollup` inside the caller's transaction."""
    targets, samples = table(ProbeTarget), table(ProbeSample)
    marks = session.execute(select(targets.c.id, targets.c.rolled_until)).all()
    rolled = [mark for _, mark in marks if mark is not None]
    cutoff = max([now - settle, *rolled])
    starts = [min(rolled) - settle] if rolled else []
    never = [target_id for target_id, mark in marks if mark is None]
    for chunk in _chunks(never):
        oldest = session.execute(
            select(func.min(samples.c.at)).where(samples.c.target_id.in_(chunk))
        ).scalar()
        if oldest is not None:
            starts.append(oldest)
    if since is not None:
        starts.append(since)
    first = floor_hour(min(starts)) if starts else None
    hourly: dict[tuple[int, datetime], Bucket] = {}
    count = 0
    if first is not None and first < cutoff:
        query = select(samples.c.target_id, samples.c.at, *sample_columns()).where(
            samples.c.at >= first, samples.c.at < cutoff
        )
        for target_id, at, *values in session.execute(query):
            key = (target_id, floor_hour(at))
            bucket = hourly.get(key)
            if bucket is None:
                bucket = hourly[key] = Bucket()
            bucket.add_sample(*values)
            count += 1
    _replace(session, HOUR, hourly)
    daily = _days(session, {(target_id, floor_day(start)) for target_id, start in hourly})
    _replace(session, DAY, daily)
    session.execute(update(targets).values(rolled_until=cutoff))
    from db.probes.windows import refresh  # (it reads rollups through this module: imported late)

    refresh(session, now=now, rolled_until=cutoff)
    logger.debug("rolled %d samples into %d hourly and %d daily rows", count, len(hourly), len(daily))
    return RollupReport(first_hour=first, cutoff=cutoff, samples=count, hourly=len(hourly), daily=len(daily))


def _days(session: Session, keys: set[tuple[int, datetime]]) -> dict[tuple[int, datetime], Bucket]:
    """The daily buckets `keys`, each recomputed from all its hourly rows."""
    if not keys:
        return {}
    r = table(ProbeRollup)
    first = min(day for _, day in keys)
    end = max(day for _, day in keys) + PERIODS[DAY]
    buckets: dict[tuple[int, datetime], Bucket] = {}
    for chunk in _chunks(sorted({target_id for target_id, _ in keys})):
        query = select(r.c.target_id, r.c.start, *(r.c[name] for name in VALUE_COLUMNS)).where(
            r.c.target_id.in_(chunk), r.c.period == HOUR, r.c.start >= first, r.c.start < end
        )
        for target_id, start, *values in session.execute(query).all():
            key = (target_id, floor_day(start))
            if key not in keys:
                continue
            bucket = buckets.get(key)
            if bucket is None:
                bucket = buckets[key] = Bucket()
            bucket.merge(Bucket.of_values(values))
    return buckets


def _replace(session: Session, period: str, buckets: Mapping[tuple[int, datetime], Bucket]) -> None:
    """Write `buckets` as the rows of `period`, replacing the rows with the same keys."""
    if not buckets:
        return
    r = table(ProbeRollup)
    keys = [{"k_target": t, "k_period": period, "k_start": start} for t, start in buckets]
    statement = delete(r).where(
        r.c.target_id == bindparam("k_target"),
        r.c.period == bindparam("k_period"),
        r.c.start == bindparam("k_start"),
    )
    session.execute(statement, keys)
    insert_rows(session, r, [bucket.row(t, period, start) for (t, start), bucket in sorted(buckets.items())])


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    return (ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK))
