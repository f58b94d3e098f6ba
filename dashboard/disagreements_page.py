"""Disagreements: where sources say different things about the same endpoint (a price beyond rounding, a
context length, an output limit), one row per open disagreement, newest first, filterable by provider
and field. Deep link: ``/disagreements?provider=<name>``."""

from __future__ import annotations

import streamlit as st

from dashboard import context, freshness
from dashboard.sources_frames import FIELD_NAMES, disagreeing_providers, disagreement_rows
from dashboard.text import md


def render() -> None:
    snap = freshness.page("Disagreements")
    if snap is None:
        return
    st.caption(
        "Each source's value as it publishes it (prices per 1M tokens); the endpoint's own values come "
        "from its current source, the most authoritative one that lists it."
    )
    providers = disagreeing_providers(snap)
    given = st.query_params.get("provider")
    left, right = st.columns([2, 3])
    provider = left.selectbox(
        "Provider",
        providers,
        index=providers.index(given) if given in providers else None,
        placeholder="any provider",
        key="disagreements_provider",
    )
    names = {name: field for field, name in FIELD_NAMES.items()}
    picked = right.multiselect("Fields (none: all)", list(names), key="disagreements_fields")
    rows = disagreement_rows(
        snap, now=context.now(), provider=provider, fields=tuple(names[name] for name in picked)
    )
    st.markdown(f"**{len(rows)}** open disagreements" + (f" at {md(provider)}" if provider else ""))
    if rows.empty:
        st.caption("The sources agree on every endpoint they share (differences of rounding aside).")
        return
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        height="auto" if len(rows) <= 15 else 600,
        column_config={
            "since": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
            "page": st.column_config.LinkColumn(display_text="model page"),
        },
    )
