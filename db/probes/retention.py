"""Retention: raw probe samples are kept for days, rollups for a year or more; incidents always."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from db.engine import session_scope
from db.models import ProbeRollup, ProbeSample, ProbeTarget, table
from db.probes.rollups import DAY, HOUR, SETTLE, floor_day, floor_hour

logger = logging.getLogger(__name__)
_CHUNK = 500


@dataclass(frozen=True)
class RetentionReport:
    raw_deleted: int
    rollups_deleted: int
    raw_before: datetime | None  # raw samples before this time were deleted (None: none could be)
    rollups_before: datetime


def apply_retention(
    engine: Engine,
    *,
    now: datetime,
    raw_days: float = 7,
    rollup_days: float = 400,
    hourly_days: float | None = None,
) -> RetentionReport:
    """Delete raw samples older than `raw_days` and rollups older than `rollup_days`.

    Raw samples go by whole hours, and only those already in the rollups (before every target's
    `rolled_until`, less the time `db.probes.rollups` may re-read): a sample is never lost unrolled.
    `hourly_days` (default: `rollup_days`) keeps hourly rollups for less time than daily ones: charts
    read hourly rows up to 60 days back and the windows up to 2 days, so 90 days of them make the
    database about four times smaller than a year's. Incidents are kept.
    """
    t, s, r = table(ProbeTarget), table(ProbeSample), table(ProbeRollup)
    with session_scope(engine) as session:
        marks = session.execute(select(t.c.id, t.c.rolled_until)).all()
        rolled = [(target_id, mark) for target_id, mark in marks if mark is not None]
        raw_before = None
        raw_deleted = 0
        if rolled:
            raw_before = min(
                floor_hour(now - timedelta(days=raw_days)), floor_hour(min(m for _, m in rolled) - SETTLE)
            )
            if len(rolled) == len(marks):
                raw_deleted = _rowcount(session.execute(delete(s).where(s.c.at < raw_before)))
            else:  # targets never rolled keep all their samples
                for chunk in _chunks([target_id for target_id, _ in rolled]):
                    query = delete(s).where(s.c.at < raw_before, s.c.target_id.in_(chunk))
                    raw_deleted += _rowcount(session.execute(query))
        rollups_before = floor_day(now - timedelta(days=rollup_days))
        hourly_before = floor_day(now - timedelta(days=rollup_days if hourly_days is None else hourly_days))
        rollups_deleted = 0
        for period, before in ((HOUR, max(hourly_before, rollups_before)), (DAY, rollups_before)):
            # By the key's prefix (target, period): one short range per target, not a table scan.
            query = delete(r).where(
                r.c.target_id.in_(select(t.c.id)), r.c.period == period, r.c.start < before
            )
            rollups_deleted += _rowcount(session.execute(query))
    logger.info("retention: %d raw samples and %d rollups deleted", raw_deleted, rollups_deleted)
    return RetentionReport(raw_deleted, rollups_deleted, raw_before, rollups_before)


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    return (items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK))
