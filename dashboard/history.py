"""History the pages chart, read through `db` query functions and cached for a short while per URL.

Each loader takes the database URL first so that `st.cache_data` keys on it; results are DataFrames
(cheap to cache and to copy). Endpoint labels come from the current catalog snapshot.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import streamlit as st

from dashboard import context
from dashboard.frames import price_steps as steps_of
from db.catalog.timeline import list_changes, price_periods
from db.probes.figures import endpoint_probe_series
from db.probes.incidents import incidents
from db.probes.rollups import DAY, HOUR
from db.probes.uptime import daily_uptime, probe_targets, range_uptime

TTL_S = 30.0
#: Charts over more than this read daily rollups; shorter ones hourly rollups (never raw samples).
DAILY_FROM = timedelta(days=60)


def _labels(endpoint_ids: tuple[int, ...] | None = None) -> dict[int, str]:
    snap = context.snapshot()
    if endpoint_ids is None:
        return {e.id: f"{e.label} · {e.model}" for e in snap.endpoints}
    found = (snap.endpoint(i) for i in endpoint_ids)
    return {e.id: e.label for e in found if e is not None}


def _minute(at: datetime) -> datetime:
    """A range's start to the minute: cache keys move once a minute, not on every rerun."""
    return at.replace(second=0, microsecond=0)


def _next_minute(at: datetime) -> datetime:
    """A range's end (or now) up to the next minute, so that the newest samples stay in it."""
    return _minute(at) + timedelta(minutes=1)


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _price_steps(url: str, endpoint_ids: tuple[int, ...], now: datetime) -> pd.DataFrame:
    engine = context.engine_for(url)
    labels = _labels(endpoint_ids)
    periods = []
    for endpoint_id in endpoint_ids:
        for period in price_periods(engine=engine, endpoint_id=endpoint_id):
            label = labels.get(endpoint_id, str(endpoint_id))
            if period.currency != "USD":
                label = f"{label} ({period.currency})"
            periods.append((label, period))
    return steps_of(periods, now)


def price_steps(url: str, endpoint_ids: tuple[int, ...], now: datetime) -> pd.DataFrame:
    return _price_steps(url, endpoint_ids, _next_minute(now))


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _probe_points(url: str, endpoint_ids: tuple[int, ...], start: datetime, end: datetime) -> pd.DataFrame:
    engine = context.engine_for(url)
    labels = _labels(endpoint_ids)
    resolution = DAY if end - start > DAILY_FROM else HOUR
    rows = []
    for endpoint_id in endpoint_ids:
        found = endpoint_probe_series(
            engine=engine, endpoint_id=endpoint_id, start=start, end=end, resolution=resolution
        )
        for point in found.points:
            rows.append(
                {
                    "provider": labels.get(endpoint_id, str(endpoint_id)),
                    "at": point.start,
                    "ttft_ms": point.ttft_ms,
                    "ttft_p50_ms": point.ttft_p50_ms,
                    "uptime": point.uptime,
                    "samples": point.count,
                    "failures": point.failures,
                }
            )
    return pd.DataFrame(rows)


def probe_points(url: str, endpoint_ids: tuple[int, ...], start: datetime, end: datetime) -> pd.DataFrame:
    return _probe_points(url, endpoint_ids, _minute(start), _next_minute(end))


def _target_labels(url: str) -> dict[int, tuple[str, int | None]]:
    """Probe target id -> (what to call it, its endpoint id)."""
    labels = _labels()
    return {
        t.id: (labels.get(t.endpoint_id, t.name) if t.endpoint_id is not None else t.name, t.endpoint_id)
        for t in probe_targets(engine=context.engine_for(url))
    }


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _incident_rows(
    url: str, endpoint_ids: tuple[int, ...] | None, start: datetime, now: datetime, open_only: bool
) -> pd.DataFrame:
    targets = _target_labels(url)
    wanted = None if endpoint_ids is None else set(endpoint_ids)
    rows = []
    for incident in incidents(context.engine_for(url), since=start):
        label, endpoint_id = targets.get(incident.target_id, (str(incident.target_id), None))
        if wanted is not None and endpoint_id not in wanted:
            continue
        if open_only and incident.ended is not None:
            continue
        rows.append(
            {
                "endpoint": label,
                "endpoint_id": endpoint_id,
                "kind": incident.kind,
                "cause": incident.cause,
                "started": incident.started,
                "ended": incident.ended,
                "until": incident.ended or now,
                "failures": incident.failures,
                "message": incident.message,
            }
        )
    return pd.DataFrame(rows)


def incident_rows(
    url: str, endpoint_ids: tuple[int, ...] | None, start: datetime, now: datetime, *, open_only: bool = False
) -> pd.DataFrame:
    """Incidents open or ended since `start` (of `endpoint_ids`' probes; None: every probe)."""
    return _incident_rows(url, endpoint_ids, _minute(start), _next_minute(now), open_only)


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _uptime_totals(url: str, start: datetime, end: datetime) -> pd.DataFrame:
    targets = _target_labels(url)
    rows = [
        {
            "target_id": d.target_id,
            "endpoint": targets.get(d.target_id, (str(d.target_id), None))[0],
            "uptime": d.uptime,
            "samples": d.count,
            "failures": d.failures,
        }
        for d in range_uptime(engine=context.engine_for(url), start=start, end=end)
    ]
    return pd.DataFrame(rows, columns=["target_id", "endpoint", "uptime", "samples", "failures"])


def uptime_totals(url: str, start: datetime, end: datetime) -> pd.DataFrame:
    """Every probe's samples, failures and uptime over [start, end) (whole UTC days)."""
    return _uptime_totals(url, _minute(start), _next_minute(end))


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _uptime_days(url: str, start: datetime, end: datetime, target_ids: tuple[int, ...]) -> pd.DataFrame:
    targets = _target_labels(url)
    rows = [
        {
            "target_id": d.target_id,
            "endpoint": targets.get(d.target_id, (str(d.target_id), None))[0],
            "day": d.day,
            "uptime": d.uptime,
            "samples": d.count,
            "failures": d.failures,
        }
        for d in daily_uptime(engine=context.engine_for(url), start=start, end=end, target_ids=target_ids)
    ]
    return pd.DataFrame(rows, columns=["target_id", "endpoint", "day", "uptime", "samples", "failures"])


def uptime_days(url: str, start: datetime, end: datetime, target_ids: tuple[int, ...]) -> pd.DataFrame:
    """The probes' (`target_ids`) uptime per UTC day over [start, end)."""
    return _uptime_days(url, _minute(start), _next_minute(end), target_ids)


@st.cache_data(ttl=TTL_S, show_spinner=False)
def changes(
    url: str,
    since: datetime | None,
    kinds: tuple[str, ...],
    model: str | None,
    provider: str | None,
    limit: int,
) -> tuple[pd.DataFrame, int]:
    """The newest change events matching the filters, and how many match in all."""
    found, total = list_changes(
        engine=context.engine_for(url),
        since=since,
        kinds=kinds,
        model=model,
        provider=provider,
        limit=limit,
        newest_first=True,
    )
    rows = [
        {
            "at": c.at,
            "kind": c.kind,
            "model": c.model,
            "provider": c.provider,
            "field": c.field,
            "old": c.old,
            "new": c.new,
            "percent": c.percent,
            "source": c.source,
        }
        for c in found
    ]
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS), total


CHANGE_COLUMNS = ["at", "kind", "model", "provider", "field", "old", "new", "percent", "source"]
