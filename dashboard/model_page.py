"""Model: one model's quality facts (labelled and dated), its offers side by side, the same model at
other quantizations, price history, TTFT and uptime, incidents, and the aggregator's figures beside ours.
Deep link: ``/model?id=<canonical id>``."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from dashboard import charts, context, freshness, history
from dashboard.frames import evidence_rows, measured_vs_reported, offers_rows
from dashboard.quality_frames import (
    gives_up,
    price_pair,
    quality_rows,
    quantization_label,
    quantization_rows,
)
from dashboard.sources_frames import highlight, source_rows
from dashboard.text import md
from db.catalog.quality import quality_history
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.state import EndpointState, ModelState
from db.recommend.quantizations import quantizations_of

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
    _quality(model)

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

    _quantizations(snap, model_id)

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


def _quality(model: ModelState | None) -> None:
    """The model's quality facts, each labelled with who measured it, where it came from and since when;
    earlier values in an expander."""
    st.subheader("Quality")
    facts = model.quality if model is not None else {}
    if model is None or not facts:
        st.caption(
            "No source publishes a quality index for this model (OpenRouter's benchmarks: Artificial "
            "Analysis' indices, Design Arena's Elo). The recommender's quality minimums leave it out "
            "unless unrated models count."
        )
        return
    rows = quality_rows(facts.values())
    labels = list(dict.fromkeys(rows["label"]))
    st.caption(
        "Artificial Analysis' indices are 0 to 100 (higher is better); Design Arena's Elo compares models "
        "by votes in each category. " + ("Every value: " + md(labels[0]) + "." if len(labels) == 1 else "")
    )
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_order=["measure", "value", "scale", "label"],
        column_config={
            "value": st.column_config.NumberColumn(format="%g"),
            "label": st.column_config.TextColumn("published by"),
        },
    )
    past = [fact for fact in quality_history(context.engine(), model.canonical_id) if fact.until is not None]
    if past:
        with st.expander(f"Earlier values ({len(past)})"):
            st.dataframe(
                quality_rows(past),
                hide_index=True,
                width="stretch",
                column_order=["measure", "value", "label"],
                column_config={"label": st.column_config.TextColumn("published by")},
            )


def _quantizations(snap: CatalogSnapshot, model_id: str) -> None:
    """Same model, other quantization: each offer's quantization, price and TTFT side by side, cheapest
    first, so a user sees what a cheaper price gives up."""
    offers = quantizations_of(snap, model_id)
    if not offers:
        return
    st.subheader("Same model, other quantization")
    rows = quantization_rows(offers)
    unknown = int(rows["quantization"].str.startswith("?").sum())
    words = [
        "Cheapest first (per 1M tokens). The order: fp32 > bf16 = fp16 > fp8 > int8 > fp6 > fp4 = int4; "
        "**?** marks a quantization the provider does not publish or that is not in the order "
        f"({unknown} of {len(rows)}). TTFT p90 from our probes (7 days) where measured, else the "
        "aggregator's."
    ]
    compared = gives_up(offers)
    if compared is not None:
        cheap, best = compared.cheapest, compared.best
        words.append(
            f"Cheapest: **{md(cheap.endpoint.label)}** ({md(quantization_label(cheap))}) at "
            f"{md(price_pair(cheap))} {md(cheap.currency)}; cheapest at {md(best.quantization)}, the best "
            f"published here: **{md(best.endpoint.label)}** at {md(price_pair(best))} {md(best.currency)}."
        )
    st.caption(" ".join(words))
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_config={
            "input /1M": st.column_config.NumberColumn(format="%.4g"),
            "output /1M": st.column_config.NumberColumn(format="%.4g"),
            "TTFT p90 ms": st.column_config.NumberColumn(format="%.0f"),
        },
    )


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
