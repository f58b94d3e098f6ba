"""Model: one model's offers side by side, price history, TTFT and uptime, incidents, and the
aggregator's figures beside ours. Deep link: ``/model?id=<canonical id>``."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from dashboard import charts, context, freshness, history
from dashboard.frames import evidence_rows, measured_vs_reported, offers_rows
from dashboard.sources_frames import highlight, source_rows
from dashboard.text import md
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.state import EndpointState

RANGES = {
    "24h": timedelta(hours=24),
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
    "1y": timedelta(days=365),
}


def render() -> None:
    snap = freshness.page("Model")
    if snap is None:
        return
    now = context.now()
    model_id = _chosen_model(snap)
    if model_id is None:
        st.info("Choose a model above.")
        return
    model = snap.model(model_id)
    endpoints = [e for e in snap.endpoints_of(model_id) if e.removed_at is None]
    st.header(md(model.name if model is not None and model.name else model_id))
    facts = [f"id {md(model_id)}"]
    if model is not None:
        if model.context_length:
            facts.append(f"context {model.context_length:,}")
        if model.released:
            facts.append(f"released {model.released:%Y-%m-%d}")
        facts.append(f"{len(endpoints)} endpoints from {len(model.providers)} providers")
    st.markdown(" · ".join(facts))
    if model is not None and model.description:
        with st.expander("Description (as the source gives it)"):
            st.text(model.description)
    url = context.db_url()

    st.subheader("Current offers (per 1M tokens)")
    st.caption(
        "The provider model id is what the provider calls the model; it was matched to this canonical id."
    )
    st.dataframe(
        offers_rows(endpoints),
        hide_index=True,
        width="stretch",
        column_config={
            "input": st.column_config.NumberColumn(format="%.4g"),
            "output": st.column_config.NumberColumn(format="%.4g"),
            "cache read": st.column_config.NumberColumn(format="%.4g"),
            "uptime 7d %": st.column_config.NumberColumn(format="%.2f"),
            "TTFT p50 ms": st.column_config.NumberColumn(format="%.0f"),
            "TTFT p90 ms": st.column_config.NumberColumn(format="%.0f"),
        },
    )

    st.subheader("Price history")
    ids = tuple(e.id for e in endpoints)
    steps = history.price_steps(url, ids, now)
    if steps.empty:
        st.caption("No published prices.")
    else:
        left, right = st.columns(2)
        left.altair_chart(charts.price_history(steps, "input"), width="stretch")
        right.altair_chart(charts.price_history(steps, "output"), width="stretch")

    st.subheader("Speed and reliability (our probes)")
    span = st.radio("Range", list(RANGES), index=1, horizontal=True, key="model_range")
    start = now - RANGES[span]
    points = history.probe_points(url, ids, start, now)
    if points.empty:
        st.caption("None of these endpoints is probed (add a [[probes]] entry to modelwatch.toml).")
    else:
        left, right = st.columns(2)
        left.altair_chart(charts.series(points, "ttft_ms", "TTFT (mean per bucket)", "ms"), width="stretch")
        right.altair_chart(charts.series(points, "uptime", "uptime", "%"), width="stretch")
        st.caption(
            f"From {'hourly' if span != '1y' else 'daily'} rollups plus the samples not rolled up yet."
        )

    found = history.incident_rows(url, ids, start, now)
    if not found.empty:  # within one model, the provider says which endpoint
        labels = {e.id: e.label for e in endpoints}
        found["endpoint"] = [
            labels.get(i, name) for i, name in zip(found["endpoint_id"], found["endpoint"], strict=True)
        ]
    st.subheader("Incidents")
    if found.empty:
        st.caption(f"No incidents in the last {span}.")
    else:
        st.altair_chart(charts.incidents(found), width="stretch")
        st.dataframe(found.drop(columns=["until", "endpoint_id"]), hide_index=True, width="stretch")

    st.subheader("Measured by us vs reported by the aggregator")
    st.caption(
        "Columns starting **ours** are our own probes; **reported** columns are what the aggregator "
        "(OpenRouter) publishes about the endpoint over its last 30 minutes or day. They are never mixed."
    )
    st.dataframe(measured_vs_reported(endpoints), hide_index=True, width="stretch")

    read = evidence_rows(endpoints)
    if not read.empty:
        with st.expander(f"Where each value was read ({len(read)} values from model pages)"):
            st.caption(
                "For offers read from providers' pages: the place on the page, the text the value was "
                "read from, how it was read and how sure the extractor is (0-1)."
            )
            st.dataframe(
                read,
                hide_index=True,
                width="stretch",
                column_config={
                    "sure": st.column_config.NumberColumn(format="%.2f"),
                    "page": st.column_config.LinkColumn(),
                },
            )

    _sources(endpoints)  # last: the tables above keep their places


def _sources(endpoints: list[EndpointState]) -> None:
    """Each endpoint listed by more than one source: what every source says, side by side, the values
    the sources disagree on highlighted."""
    shared = [e for e in endpoints if len(e.sources) > 1]
    if not shared:
        return
    st.subheader("What each source says (per 1M tokens)")
    disputed = sum(len(e.disagreements) for e in shared)
    st.caption(
        f"{len(shared)} of these endpoints are listed by more than one source; the current source gives "
        "the offer's values. "
        + (
            f"Highlighted: the values of {disputed} disagreement{'s' if disputed != 1 else ''} "
            "between sources (beyond rounding)."
            if disputed
            else "They agree (differences of rounding aside)."
        )
    )
    rows = source_rows(shared)
    prices = ["input", "output", "cache read", "cache write"]
    styled = (
        rows.style.apply(highlight, axis=None)
        .format("{:.4g}", subset=prices, na_rep="—")
        .format("{:,.0f}", subset=["context", "max output"], na_rep="—")
        .format("{:%Y-%m-%d %H:%M}", subset=["seen"])
    )
    st.dataframe(styled, hide_index=True, width="stretch")


def _chosen_model(snap: CatalogSnapshot) -> str | None:
    """The model of the URL's ``id`` (resolved like the API does), else the one picked here; the pick
    goes back into the URL so the page can be shared."""
    given = st.query_params.get("id")
    resolved = snap.resolve_model(given) if given else None
    if given and resolved is None:
        st.warning(f"No model {md(given)} in the catalog.")
    served = sorted(m.canonical_id for m in snap.models if m.endpoints)
    if not served:
        return None
    index = served.index(resolved) if resolved in served else None
    picked = st.selectbox("Model", served, index=index, placeholder="Choose a model (type to search)")
    if picked is not None and picked != given:
        st.query_params["id"] = picked
    return picked
