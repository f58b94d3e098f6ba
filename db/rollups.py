"""Rollups: raw probe samples folded into hourly buckets, and hourly buckets into daily ones.

A run recomputes whole buckets, never increments them, so running it twice gives the same rows:

1. the samples with ``at`` in [first hour, cutoff) are read, where cutoff = now - `settle` and the first
   hour is that of the previous cutoff minus `settle` (or of the oldest sample, the first time; or of
   `since`, to rebuild older hours);
2. each (target, hour) that has samples there is recomputed from all of them and replaces its row;
3. each (target, day) touched is recomputed from its hourly rows and replaces its row;
4. every target's `rolled_until` becomes the cutoff.

Only buckets that have raw samples are touched, so an hour whose samples retention already deleted keeps
its row. The read side (`db.probe_queries`) adds the samples at or after `rolled_until` from the raw
table, so a window counts every sample exactly once however often this runs. `settle` is the time a
probe may take to record its sample: a sample recorded later than that after its `at` is missing from
the windows until the next run, which re-reads its hour. The cutoff never moves backwards.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db import histogram
from db.bulk import insert_rows
from db.engine import session_scope
from db.models import ProbeRollup, ProbeSample, ProbeTarget
from db.samples import ERROR_CLASSES, EXCLUDED_CLASSES

logger = logging.getLogger(__name__)

HOUR = "hour"
DAY = "day"
PERIODS = {HOUR: timedelta(hours=1), DAY: timedelta(days=1)}
#: How long after its `at` a sample may still be recorded and be rolled up on time.
SETTLE = timedelta(minutes=5)
QUANTILES = (0.5, 0.9, 0.99)
UNKNOWN = "unknown"  # a failure whose class is not one of `db.samples.ERROR_CLASSES`
#: The rollup column counting each error class.
ERROR_COLUMNS = {name: f"err_{name}" for name in (*ERROR_CLASSES, UNKNOWN)}
_KNOWN = frozenset(ERROR_CLASSES)
_error_counts = attrgetter(*ERROR_COLUMNS.values())
_CHUNK = 500


def floor_hour(at: datetime) -> datetime:
    return at.replace(minute=0, second=0, microsecond=0)


def floor_day(at: datetime) -> datetime:
    return at.replace(hour=0, minute=0, second=0, microsecond=0)


def floor_to(period: str, at: datetime) -> datetime:
    return floor_hour(at) if period == HOUR else floor_day(at)


def table(entity: Any) -> Table:
    return cast(Table, entity.__table__)


class Bucket:
    """The sums of a set of samples: built from samples, from rollup rows, or from other buckets."""

    __slots__ = (
        "count",
        "ok",
        "failures",
        "excluded",
        "maintenance",
        "errors",
        "ttft_count",
        "ttft_sum",
        "ttft_min",
        "ttft_max",
        "ttft_hist",
        "total_count",
        "total_sum",
        "total_min",
        "total_max",
        "total_hist",
        "tps_count",
        "tps_sum",
        "bounds_known",
    )

    def __init__(self) -> None:
        self.count = self.ok = self.failures = self.excluded = self.maintenance = 0
        self.errors: dict[str, int] = {}
        self.ttft_count = self.total_count = self.tps_count = 0
        self.ttft_sum = self.total_sum = self.tps_sum = 0.0
        self.ttft_min: float | None = None
        self.ttft_max: float | None = None
        self.total_min: float | None = None
        self.total_max: float | None = None
        self.ttft_hist = self.total_hist = 0  # packed `db.histogram` counts
        # False once a part was subtracted: the minimum and maximum are then unknown, and stay None.
        self.bounds_known = True

    # -- filling ---------------------------------------------------------------------------------
    def add_sample(
        self,
        ok: bool,
        error_class: str | None,
        ttft_ms: float | None,
        total_ms: float | None,
        tokens_per_s: float | None,
        in_maintenance: bool,
    ) -> None:
        self.count += 1
        if in_maintenance:
            self.maintenance += 1
            return
        if not ok:
            name = error_class if error_class is not None and error_class in _KNOWN else UNKNOWN
            self.errors[name] = self.errors.get(name, 0) + 1
            if name in EXCLUDED_CLASSES:
                self.excluded += 1
            else:
                self.failures += 1
            return
        self.ok += 1
        if ttft_ms is not None:
            self.ttft_count += 1
            self.ttft_sum += ttft_ms
            if self.bounds_known:
                self.ttft_min = ttft_ms if self.ttft_min is None else min(self.ttft_min, ttft_ms)
                self.ttft_max = ttft_ms if self.ttft_max is None else max(self.ttft_max, ttft_ms)
            self.ttft_hist += histogram.unit(ttft_ms)
        if total_ms is not None:
            self.total_count += 1
            self.total_sum += total_ms
            if self.bounds_known:
                self.total_min = total_ms if self.total_min is None else min(self.total_min, total_ms)
                self.total_max = total_ms if self.total_max is None else max(self.total_max, total_ms)
            self.total_hist += histogram.unit(total_ms)
        if tokens_per_s is not None:
            self.tps_count += 1
            self.tps_sum += tokens_per_s

    def add_group(
        self,
        ok: bool,
        error_class: str | None,
        in_maintenance: bool,
        n: int,
        ttft_sum: float,
        ttft_count: int,
        total_sum: float,
        total_count: int,
        tps_sum: float,
        tps_count: int,
        ttft_min: float | None,
        ttft_max: float | None,
    ) -> None:
        """Add `n` samples that share `ok`, `error_class` and `in_maintenance`, given their sums (as a
        GROUP BY over raw samples gives them). The TTFT histogram is left to the caller."""
        self.count += n
        if in_maintenance:
            self.maintenance += n
            return
        if not ok:
            name = error_name(error_class)
            self.errors[name] = self.errors.get(name, 0) + n
            if name in EXCLUDED_CLASSES:
                self.excluded += n
            else:
                self.failures += n
            return
        self.ok += n
        self.ttft_count += ttft_count
        self.ttft_sum += ttft_sum
        if self.bounds_known:
            self.ttft_min = _least(self.ttft_min, ttft_min)
            self.ttft_max = _most(self.ttft_max, ttft_max)
        self.total_count += total_count
        self.total_sum += total_sum
        self.tps_count += tps_count
        self.tps_sum += tps_sum

    def add_row(self, row: Any) -> None:
        """Add a `ProbeRollup` row (a Core row or anything with its column names as attributes)."""
        self.add_sums(row)
        self.ttft_hist += histogram.decode(row.ttft_hist)
        self.total_hist += histogram.decode(row.total_hist)

    def add_sums(self, row: Any) -> None:
        """Add the scalar columns (error counts included) of a rollup row or of sums of rollup rows."""
        self._add_scalars(row)
        errors = self.errors
        for name, n in zip(ERROR_COLUMNS, _error_counts(row), strict=True):
            if n:
                errors[name] = errors.get(name, 0) + n

    def _add_scalars(self, row: Any) -> None:
        self.count += row.count
        self.ok += row.ok
        self.failures += row.failures
        self.excluded += row.excluded
        self.maintenance += row.maintenance
        self.ttft_count += row.ttft_count
        self.ttft_sum += row.ttft_sum
        self.total_count += row.total_count
        self.total_sum += row.total_sum
        self.tps_count += row.tps_count
        self.tps_sum += row.tps_sum
        if self.bounds_known:
            self.ttft_min = _least(self.ttft_min, row.ttft_min)
            self.ttft_max = _most(self.ttft_max, row.ttft_max)
            self.total_min = _least(self.total_min, row.total_min)
            self.total_max = _most(self.total_max, row.total_max)

    def add_errors(self, errors: Mapping[str, int] | None) -> None:
        if errors:
            for name, n in errors.items():
                self.errors[name] = self.errors.get(name, 0) + n

    def merge(self, other: Bucket) -> None:
        if not other.bounds_known:
            self._forget_bounds()
        self._add_scalars(other)
        self.add_errors(other.errors)
        self.ttft_hist += other.ttft_hist
        self.total_hist += other.total_hist

    def subtract(self, other: Bucket) -> None:
        """Take out `other`, a part of this bucket. The minimum and maximum become unknown (None)."""
        for name in ("count", "ok", "failures", "excluded", "maintenance", "ttft_count", "ttft_sum"):
            setattr(self, name, getattr(self, name) - getattr(other, name))
        for name in ("total_count", "total_sum", "tps_count", "tps_sum", "ttft_hist", "total_hist"):
            setattr(self, name, getattr(self, name) - getattr(other, name))
        for name, n in other.errors.items():
            left = self.errors.get(name, 0) - n
            if left:
                self.errors[name] = left
            else:
                self.errors.pop(name, None)
        self._forget_bounds()

    def _forget_bounds(self) -> None:
        self.bounds_known = False
        self.ttft_min = self.ttft_max = self.total_min = self.total_max = None

    # -- reading ---------------------------------------------------------------------------------
    @property
    def counted(self) -> int:
        """Samples that count for uptime: neither excluded (429, client errors) nor in maintenance."""
        return self.count - self.excluded - self.maintenance

    @property
    def uptime(self) -> float | None:
        """Percent of the counted samples that were ok; None when none counted."""
        counted = self.counted
        return 100.0 * self.ok / counted if counted else None

    def ttft_quantiles(self, qs: tuple[float, ...] = QUANTILES) -> list[float | None]:
        return histogram.quantiles(self.ttft_hist, qs, low=self.ttft_min, high=self.ttft_max)

    def total_quantiles(self, qs: tuple[float, ...] = QUANTILES) -> list[float | None]:
        return histogram.quantiles(self.total_hist, qs, low=self.total_min, high=self.total_max)

    def row(self, target_id: int, period: str, start: datetime) -> dict[str, Any]:
        """The `ProbeRollup` row of this bucket."""
        return {"target_id": target_id, "period": period, "start": start, **self.columns()}

    def columns(self) -> dict[str, Any]:
        """The `ProbeBucket` columns of this bucket."""
        return {
            "count": self.count,
            "ok": self.ok,
            "failures": self.failures,
            "excluded": self.excluded,
            "maintenance": self.maintenance,
            **{column: self.errors.get(name, 0) for name, column in ERROR_COLUMNS.items()},
            "ttft_count": self.ttft_count,
            "ttft_sum": self.ttft_sum,
            "ttft_min": self.ttft_min,
            "ttft_max": self.ttft_max,
            "ttft_hist": histogram.encode(self.ttft_hist),
            "total_count": self.total_count,
            "total_sum": self.total_sum,
            "total_min": self.total_min,
            "total_max": self.total_max,
            "total_hist": histogram.encode(self.total_hist),
            "tps_count": self.tps_count,
            "tps_sum": self.tps_sum,
        }


def _least(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def _most(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else max(a, b)


#: The raw-sample columns a bucket needs, in `Bucket.add_sample`'s order (after target_id and at).
def error_name(error_class: str | None) -> str:
    """The error class a failed sample is counted under."""
    return error_class if error_class is not None and error_class in _KNOWN else UNKNOWN


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
    from db.probe_windows import refresh  # (it reads rollups through this module: imported late)

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
        query = select(r).where(
            r.c.target_id.in_(chunk), r.c.period == HOUR, r.c.start >= first, r.c.start < end
        )
        for row in session.execute(query):
            key = (row.target_id, floor_day(row.start))
            if key not in keys:
                continue
            bucket = buckets.get(key)
            if bucket is None:
                bucket = buckets[key] = Bucket()
            bucket.add_row(row)
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
