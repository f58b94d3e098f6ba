"""Altair charts of the pages (pure: DataFrames in, charts out)."""

from __future__ import annotations

import altair as alt
import pandas as pd

_TIME = alt.X("at:T", title=None, axis=alt.Axis(format="%b %d %H:%M"))


def price_history(frame: pd.DataFrame, kind: str) -> alt.Chart:
    """Price per 1M tokens over time per provider, as steps (a price holds until it changes)."""
    data = frame[frame["kind"] == kind]
    return (
        alt.Chart(data, title=f"{kind} price per 1M tokens")
        .mark_line(interpolate="step-after", point=True)
        .encode(
            x=_TIME,
            y=alt.Y("price:Q", title="per 1M tokens"),
            color=alt.Color("provider:N", title="provider"),
            tooltip=["provider:N", alt.Tooltip("at:T", format="%Y-%m-%d %H:%M"), "price:Q"],
        )
        .properties(height=260)
    )


def series(frame: pd.DataFrame, field: str, title: str, unit: str) -> alt.Chart:
    """One probe figure (`field`) over time per endpoint."""
    data = frame.dropna(subset=[field])
    return (
        alt.Chart(data, title=title)
        .mark_line(point=len(data) <= 200)  # dots only where they can be told apart
        .encode(
            x=_TIME,
            y=alt.Y(f"{field}:Q", title=unit),
            color=alt.Color("provider:N"),
            tooltip=["provider:N", alt.Tooltip("at:T", format="%Y-%m-%d %H:%M"), f"{field}:Q"],
        )
        .properties(height=240)
    )


def incidents(frame: pd.DataFrame) -> alt.Chart:
    """Incidents as bars on a timeline: one row per probe, coloured by kind."""
    return (
        alt.Chart(frame, title="incidents")
        .mark_bar(height=14)
        .encode(
            x=alt.X("started:T", title=None),
            x2="until:T",
            y=alt.Y("endpoint:N", title=None, axis=alt.Axis(labelLimit=320)),
            color=alt.Color(
                "kind:N", scale=alt.Scale(domain=["down", "degraded"], range=["#d62728", "#ff7f0e"])
            ),
            tooltip=["endpoint:N", "kind:N", "cause:N", "started:T", "ended:T"],
        )
        .properties(height=alt.Step(24))
    )


def uptime_heatmap(frame: pd.DataFrame) -> alt.Chart:
    """Endpoint (rows) by UTC day (columns), coloured by uptime; grey where nothing was counted."""
    return (
        alt.Chart(frame, title="uptime by day (our probes)")
        .mark_rect()
        .encode(
            x=alt.X(
                "day:O", title=None, timeUnit="yearmonthdate", axis=alt.Axis(format="%b %d", labelAngle=-45)
            ),
            y=alt.Y(
                "endpoint:N",
                title=None,
                sort=alt.EncodingSortField("order", op="min"),
                axis=alt.Axis(labelLimit=420),
            ),
            color=alt.Color(
                "uptime:Q",
                title="uptime %",
                scale=alt.Scale(domain=[90, 99, 100], range=["#d62728", "#ffdd57", "#2ca02c"], clamp=True),
            ),
            tooltip=[
                "endpoint:N",
                alt.Tooltip("day:T", format="%Y-%m-%d"),
                alt.Tooltip("uptime:Q", format=".2f"),
                "samples:Q",
                "failures:Q",
            ],
        )
        .properties(height=alt.Step(20), width=alt.Step(26))
    )


def cost_vs_ttft(frame: pd.DataFrame, currency: str) -> alt.Chart:
    """Monthly cost against TTFT p90 per ranked endpoint: lower left is better."""
    return (
        alt.Chart(frame, title="monthly cost vs TTFT p90 (lower left is better)")
        .mark_circle(size=90)
        .encode(
            x=alt.X("TTFT p90 ms:Q", title="TTFT p90 (ms)"),
            y=alt.Y("per month:Q", title=f"per month ({currency})"),
            color=alt.Color("model:N", legend=None),
            tooltip=["endpoint:N", "model:N", "per month:Q", "TTFT p90 ms:Q", "TTFT from:N", "uptime %:Q"],
        )
        .properties(height=320)
    )
