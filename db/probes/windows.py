"""Health windows over the rollups, and the `ProbeWindow` cache the rollup job keeps of them.

A window "Nd" or "Nh" covers [start, now], its start aligned to its buckets: windows up to two days
read hourly rollups from the start of the hour N ago; longer ones read daily rollups from the start of
the UTC day N ago (so "1d" spans 24-25 hours and "30d" 30-31 days: at most one bucket more than asked).
Daily rows include the current day's partial bucket, so a long window needs one row per target and
day, never hourly rows.

Summing 1,000 targets' 25 hourly and 31 daily rows costs about half a second on a small machine, so
every rollup run (`db.probes.rollups.roll`) also stores each target's sums of the usual windows (1d, 7d,
30d) as of its cutoff in `ProbeWindow`. A reader takes those rows when they match the target's
`rolled_until`; when its window start has moved on since the run (an hour or a day boundary passed),
it subtracts the rollup rows that fell out (one per target); anything else (other windows, targets
added since the run, a `now` before the run's) is summed from the rollups. Either way the raw samples
after `rolled_until` are added by the caller, so the answer is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlmodel import Session

from db.bulk import insert_rows
from db.models import ProbeRollup, ProbeTarget, ProbeWindow, table
from db.probes import histogram
from db.probes.buckets import ERROR_COLUMNS, SCALAR_COLUMNS, VALUE_COLUMNS, Bucket
from db.probes.rollups import DAY, HOUR, floor_to

#: Windows up to this long read hourly rollups; longer ones read daily rollups.
HOURLY_WINDOWS_UP_TO = timedelta(days=2)
#: The windows every rollup run stores in `ProbeWindow`.
CACHED_WINDOWS = ("1d", "7d", "30d")
_WINDOW = re.compile(r"(\d+)\s*([hd])")
Buckets = dict[str, dict[int, Bucket]]  # window name -> target id -> sums


def parse_window(text: str) -> timedelta:
    """``"30d"`` -> 30 days, ``"6h"`` -> 6 hours."""
    match = _WINDOW.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"invalid window {text!r} (use e.g. 6h, 1d, 30d)")
    n = int(match[1])
    return timedelta(hours=n) if match[2] == "h" else timedelta(days=n)


@dataclass(frozen=True)
class WindowSpec:
    name: str
    period: str  # the rollups it reads
    start: datetime


def window_spec(name: str, now: datetime) -> WindowSpec:
    length = parse_window(name)
    period = HOUR if length <= HOURLY_WINDOWS_UP_TO else DAY
    return WindowSpec(name, period, floor_to(period, now - length))


def sum_rollups(
    session: Session, specs: Sequence[WindowSpec], ids: list[int] | None, buckets: Buckets
) -> None:
    """Add each window's rollup rows (of every target, or of `ids`) to `buckets`."""
    for period in (HOUR, DAY):
        chosen = [spec for spec in specs if spec.period == period]
        if chosen:
            _sum_period(session, period, chosen, ids, buckets)


def _sum_period(
    session: Session, period: str, windows: list[WindowSpec], ids: list[int] | None, buckets: Buckets
) -> None:
    """Sums in SQL, histograms in Python. The windows' starts cut the rows into disjoint segments
    ([30d, 7d), [7d, now]...), each read once; a window is the sum of the segments from its start on."""
    starts = sorted({w.start for w in windows})
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else None
        mine = [buckets[w.name] for w in windows if w.start <= start]
        for target_id, bucket in _sum_range(session, period, start, end, ids).items():
            for target_buckets in mine:
                target_buckets.setdefault(target_id, Bucket()).merge(bucket)


def _sum_range(
    session: Session, period: str, start: datetime, end: datetime | None, ids: list[int] | None
) -> dict[int, Bucket]:
    """Each target's sum of its `period` rollups with start in [start, end)."""
    r, t = table(ProbeRollup), table(ProbeTarget)
    # A target id first: the rows are read as one short range of the primary key per target.
    targets = select(t.c.id) if ids is None else select(t.c.id).where(t.c.id.in_(ids))
    where = [r.c.target_id.in_(targets), r.c.period == period, r.c.start >= start]
    if end is not None:
        where.append(r.c.start < end)
    sums = [_aggregate(r.c[name]) for name in SCALAR_COLUMNS]
    sums += [func.coalesce(func.sum(r.c[name]), 0) for name in ERROR_COLUMNS.values()]
    out: dict[int, Bucket] = {}
    for target_id, *values in session.execute(
        select(r.c.target_id, *sums).where(*where).group_by(r.c.target_id)
    ):
        out[target_id] = Bucket.of_values((*values, None, None))
    # The TTFT histograms (the windows report no total-time percentiles): a big-integer addition a row.
    decode = histogram.decode
    packed: dict[int, int] = {}
    query = select(r.c.target_id, r.c.ttft_hist).where(*where, r.c.ttft_hist.is_not(None))
    for target_id, blob in session.execute(query).all():
        packed[target_id] = packed.get(target_id, 0) + decode(blob)
    for target_id, value in packed.items():
        out[target_id].ttft_hist = value
    return out


def _aggregate(column: Any) -> Any:
    if column.name.endswith("_min"):
        return func.min(column)
    if column.name.endswith("_max"):
        return func.max(column)
    return func.coalesce(func.sum(column), 0)


def refresh(
    session: Session, *, now: datetime, rolled_until: datetime, names: Iterable[str] = CACHED_WINDOWS
) -> int:
    """Store every target's sums of the windows `names` as of a rollup run (cutoff `rolled_until`)."""
    specs = [window_spec(name, now) for name in names]
    buckets: Buckets = {spec.name: {} for spec in specs}
    sum_rollups(session, specs, None, buckets)
    w = table(ProbeWindow)
    session.execute(delete(w).where(w.c.name.in_([spec.name for spec in specs])))
    target_ids = session.execute(select(table(ProbeTarget).c.id)).scalars().all()
    rows = []
    for spec in specs:
        mine = buckets[spec.name]
        for target_id in target_ids:
            columns = (mine.get(target_id) or Bucket()).columns()
            rows.append(
                dict(
                    target_id=target_id,
                    name=spec.name,
                    start=spec.start,
                    rolled_until=rolled_until,
                    **columns,
                )
            )
    return insert_rows(session, w, rows)


def read_cached(
    session: Session, specs: Sequence[WindowSpec], targets: Sequence[Any], buckets: Buckets
) -> dict[str, list[int]]:
    """Fill `buckets` from `ProbeWindow` where it holds the answer; returns, per window, the target
    ids it could not answer for (to be summed from the rollups)."""
    wanted = {spec.name: spec for spec in specs if spec.name in CACHED_WINDOWS}
    marks = {row.id: row.rolled_until for row in targets}
    misses = {spec.name: [] if spec.name in wanted else list(marks) for spec in specs}
    if not wanted:
        return misses
    w = table(ProbeWindow)
    stale: dict[tuple[str, datetime], list[int]] = {}  # (window, cached start) -> targets
    found: dict[str, set[int]] = {name: set() for name in wanted}
    columns = [w.c.target_id, w.c.name, w.c.start, w.c.rolled_until, *(w.c[n] for n in VALUE_COLUMNS)]
    for target_id, name, start, rolled_until, *values in session.execute(
        select(*columns).where(w.c.name.in_(list(wanted)))
    ).all():
        spec = wanted[name]
        if target_id not in marks or rolled_until != marks[target_id] or start > spec.start:
            continue
        buckets[name][target_id] = Bucket.of_values(values)
        found[name].add(target_id)
        if start < spec.start:
            stale.setdefault((name, start), []).append(target_id)
    for name in wanted:
        misses[name] = [target_id for target_id in marks if target_id not in found[name]]
    # The window moved on since the run: take out the rows that fell out of it.
    for (name, start), ids in stale.items():
        spec = wanted[name]
        gone = _sum_range(session, spec.period, start, spec.start, ids)
        for target_id, bucket in gone.items():
            buckets[name][target_id].subtract(bucket)
    return misses
