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


def pareto(frame: pd.DataFrame, value_title: str, currency: str, *, higher_better: bool) -> alt.LayerChart:
    """Monthly cost (x) against a second axis (y: quality, higher better, or TTFT p90, lower better) per
    ranked endpoint: the frontier's points (no other is both cheaper and better) joined and highlighted,
    the others faded."""
    title = (
        f"monthly cost vs {value_title}: the frontier joined ("
        + ("upper left" if higher_better else "lower left")
        + " is better)"
    )
    tooltip = [
        "provider:N",
        "endpoint:N",
        "model:N",
        alt.Tooltip("per month:Q", title=f"per month ({currency})", format=",.2f"),
        alt.Tooltip("value:Q", title=value_title, format=",.1f"),
        alt.Tooltip("frontier:N", title="on the frontier"),
    ]
    # symlog: costs span orders of magnitude (a 1 USD model beside a 500 USD one) and may be 0 (free)
    x = alt.X("per month:Q", title=f"per month ({currency}, symlog scale)", scale=alt.Scale(type="symlog"))
    y = alt.Y("value:Q", title=value_title, scale=alt.Scale(zero=False))
    base = alt.Chart(frame)
    points = base.mark_circle(size=90).encode(
        x=x,
        y=y,
        color=alt.Color(
            "frontier:N",
            title="on the frontier",
            scale=alt.Scale(domain=[True, False], range=["#d62728", "#9e9e9e"]),
        ),
        opacity=alt.condition(alt.datum.frontier, alt.value(1.0), alt.value(0.35)),
        tooltip=tooltip,
    )
    line = (
        base.transform_filter(alt.datum.frontier)
        .mark_line(color="#d62728", strokeWidth=2)
        .encode(x=x, y=y, order=alt.Order("per month:Q"))
    )
    return alt.LayerChart(layer=[line, points], title=title).properties(height=340)
