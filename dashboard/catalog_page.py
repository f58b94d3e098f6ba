"""Catalog: every active endpoint, searchable, filterable and sortable, with a CSV download.

The first rows show before the interactive table: when more than `PREVIEW_ROWS` endpoints match, the
first of them (in the chosen sort) come first as a light static table (a markdown table in the container
keyed `FIRST_ROWS_KEY`: drawn by the markdown renderer the page has already loaded, where `st.table`
and the grid fetch their own code first), then every matching endpoint in the interactive grid
(`st.dataframe`: about a second more on a 2-core machine). The table is built once per
catalog snapshot for every session (`context.catalog_frame`), the CSV only when asked for.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from dashboard import context, freshness
from dashboard.frames import CATALOG_COLUMNS, catalog_preview, markdown_table
from db.catalog.state import STATUSES

SORTS = {
    "output price": ["output", "input"],
    "input price": ["input", "output"],
    "context (largest first)": ["context"],
    "TTFT p50": ["TTFT p50 ms"],
    "uptime 7d (highest first)": ["uptime 7d %"],
    "model": ["model", "provider"],
    "provider": ["provider", "model"],
}
_DESCENDING = {"context (largest first)", "uptime 7d (highest first)"}
#: Rows of the static table shown above the interactive one (when more endpoints than this match).
PREVIEW_ROWS = 25
#: The static table's container (its CSS class is ``st-key-<key>``: bench/dashboard_first_rows.py).
FIRST_ROWS_KEY = "catalog_first_rows"
FIRST_ROWS_HEIGHT = 400  # pixels: about six rows, the interactive table's top in the first screen


def render() -> None:
    snap = freshness.page("Catalog")
    if snap is None:
        return
    st.caption(
        "Who serves which model at what price (per 1M tokens). Status, uptime and TTFT are our own "
        "probes' (7 days); blank where an endpoint is not probed. Click a column header to sort."
    )
    frame = context.catalog_frame(snap)
    counts = Counter(p for params in frame["_parameters"] for p in params)
    common = [name for name, _ in counts.most_common(40)]
    left, middle, right = st.columns([3, 2, 2])
    query = left.text_input("Search model, provider or provider's model id", key="catalog_q")
    providers = middle.multiselect("Provider", sorted(frame["_provider"].unique(), key=str.casefold))
    statuses = right.multiselect("Status", list(STATUSES))
    left, middle, right = st.columns([3, 2, 2])
    params = left.multiselect("Required parameters", common)
    min_context = middle.number_input("Minimum context (tokens)", min_value=0, value=0, step=8192)
    sort = right.selectbox("Sort by", list(SORTS))
    shown = filter_rows(frame, query, providers, statuses, params, int(min_context))
    shown = shown.sort_values(
        SORTS[sort], ascending=sort not in _DESCENDING, na_position="last", kind="stable"
    )
    models = shown["model"].nunique()
    st.markdown(f"**{len(shown)}** endpoints of **{models}** models (of {len(frame)} endpoints)")
    if len(shown) > PREVIEW_ROWS:
        st.caption(f"The first {PREVIEW_ROWS} by {sort}; all {len(shown)} in the interactive table below.")
        first_rows = st.container(key=FIRST_ROWS_KEY, height=FIRST_ROWS_HEIGHT)  # scrolls: the grid in view
        first_rows.markdown(markdown_table(catalog_preview(shown.head(PREVIEW_ROWS))))
        st.caption(f"All {len(shown)} endpoints (click a column header to sort)")
    st.dataframe(
        shown[CATALOG_COLUMNS],
        hide_index=True,
        width="stretch",
        height="auto" if len(shown) <= 15 else 560,
        column_config={
            "context": st.column_config.NumberColumn(format="%d"),
            "input": st.column_config.NumberColumn("input /1M", format="%.4g"),
            "output": st.column_config.NumberColumn("output /1M", format="%.4g"),
            "capabilities": st.column_config.ListColumn("capabilities", width="small"),
            "provider": st.column_config.TextColumn("provider", width="medium"),
            "uptime 7d %": st.column_config.NumberColumn(format="%.2f"),
            "TTFT p50 ms": st.column_config.NumberColumn(format="%.0f"),
            "page": st.column_config.LinkColumn("model page", display_text="open"),
        },
    )
    table = shown[CATALOG_COLUMNS].drop(columns=["page"])
    st.download_button(
        "Download CSV",
        lambda: table.to_csv(index=False).encode(),  # written when clicked, not on every run
        file_name="modelwatch-catalog.csv",
        mime="text/csv",
    )


def filter_rows(
    frame: pd.DataFrame,
    query: str,
    providers: list[str],
    statuses: list[str],
    params: list[str],
    min_context: int,
) -> pd.DataFrame:
    """The rows matching every filter given (a search matches model, provider or provider's id)."""
    mask = pd.Series(True, index=frame.index)
    needle = query.strip().casefold()
    if needle:
        text = frame["model"] + " " + frame["provider"] + " " + frame["provider model id"]
        mask &= text.str.casefold().str.contains(needle, regex=False)
    if providers:
        mask &= frame["_provider"].isin(providers)
    if statuses:
        mask &= frame["_status"].isin(statuses)
    if params:
        wanted = set(params)
        mask &= frame["_parameters"].map(lambda have: wanted <= set(have))
    if min_context:
        mask &= frame["context"].fillna(0) >= min_context
    return frame[mask]
