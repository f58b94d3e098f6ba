"""Status: how every probed endpoint is doing now, its uptime by day (a heatmap), and the open incidents."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pandas as pd
import streamlit as st

from dashboard import charts, context, freshness, history
from dashboard.text import md

SPANS = {"7 days": 7, "14 days": 14, "30 days": 30, "90 days": 90}


def render() -> None:
    snap = freshness.page("Status")
    if snap is None:
        return
    now = context.now()
    url = context.db_url()
    probed = [e for e in snap.active if e.health is not None]
    counts = Counter(e.status for e in probed)
    cells = st.columns(5)
    cells[0].metric("probed endpoints", len(probed))
    for cell, status in zip(cells[1:], ("up", "degraded", "down", "unknown"), strict=True):
        cell.metric(status, counts.get(status, 0))

    st.subheader("Open incidents")
    open_now = history.incident_rows(url, None, now - timedelta(days=3650), now, open_only=True)
    if open_now.empty:
        st.success("No open incidents.", icon=":material/check_circle:")
    else:
        st.dataframe(
            open_now.drop(columns=["until", "ended", "endpoint_id"]), hide_index=True, width="stretch"
        )

    st.subheader("Uptime by day")
    left, middle, right = st.columns([2, 3, 2])
    span = left.selectbox("Range", list(SPANS), index=1, key="status_span")
    needle = middle.text_input("Filter endpoints", key="status_q")
    limit = right.number_input("Endpoints shown (worst first)", min_value=5, max_value=500, value=40, step=5)
    start = (now - timedelta(days=SPANS[span])).replace(hour=0, minute=0, second=0, microsecond=0)
    totals = history.uptime_totals(url, start, now)
    if totals.empty:
        st.caption("No probe samples in this range (add [[probes]] to modelwatch.toml).")
        return
    shown = worst_first(totals, needle, int(limit))
    days = history.uptime_days(url, start, now, tuple(int(i) for i in shown["target_id"]))
    order = {target: n for n, target in enumerate(shown["target_id"])}
    days = days.assign(order=days["target_id"].map(order))
    st.altair_chart(charts.uptime_heatmap(days), width="content")
    st.caption(
        f"{len(shown)} of {len(totals)} probed endpoints, lowest {md(span)} uptime first; grey: no counted "
        "samples. Rate-limited and misconfigured answers do not count against uptime."
    )


def worst_first(totals: pd.DataFrame, needle: str, limit: int) -> pd.DataFrame:
    """The `limit` probes (whose label contains `needle`) with the most failures per sample."""
    if needle.strip():
        totals = totals[
            totals["endpoint"].str.casefold().str.contains(needle.strip().casefold(), regex=False)
        ]
    rate = totals["failures"] / totals["samples"].where(totals["samples"] > 0)
    ranked = totals.assign(rate=rate).sort_values(
        ["rate", "failures", "endpoint"], ascending=[False, False, True]
    )
    return ranked.head(limit)
