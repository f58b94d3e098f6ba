"""Changes: the feed of price, parameter and context changes and incidents, newest first, filterable."""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import streamlit as st

from dashboard import context, freshness, history
from dashboard.history import CHANGE_COLUMNS
from db.catalog.changes import percent_text
from db.catalog.snapshot import CatalogSnapshot

KINDS = (
    "price_up",
    "price_down",
    "price_added",
    "price_removed",
    "context_changed",
    "parameters_changed",
    "endpoint_changed",
    "new_endpoint",
    "endpoint_removed",
    "new_model",
    "parser_broken",
    "parser_fixed",
    "sources_disagree",
    "sources_agree",
)
INCIDENTS = ("incident: down", "incident: degraded")
SINCE = {"24 hours": 1, "7 days": 7, "30 days": 30, "1 year": 365, "all": None}
LIMIT = 500


def render() -> None:
    snap = freshness.page("Changes")
    if snap is None:
        return
    now = context.now()
    url = context.db_url()
    left, middle, right = st.columns([4, 2, 2])
    kinds = left.multiselect("Kinds (none: all)", [*KINDS, *INCIDENTS])
    since_label = middle.selectbox("Since", list(SINCE), index=2)
    days = SINCE[since_label]
    since = now - timedelta(days=days) if days is not None else None
    models = sorted(m.canonical_id for m in snap.models)
    providers = sorted({e.provider for e in snap.endpoints}, key=str.casefold)
    model = right.selectbox("Model", models, index=None, placeholder="any model")
    provider = st.selectbox("Provider", providers, index=None, placeholder="any provider")
    change_kinds = tuple(k for k in kinds if k in KINDS)
    want_changes = not kinds or bool(change_kinds)
    want_incidents = not kinds or any(k in INCIDENTS for k in kinds)
    frames = []
    total = 0
    if want_changes:
        found, total = history.changes(url, since, change_kinds, model, provider, LIMIT)
        frames.append(found)
    if want_incidents:
        frames.append(_incidents(url, snap, since, now, kinds, model, provider))
    feed = (
        pd.concat([f for f in frames if not f.empty], ignore_index=True)
        if any(not f.empty for f in frames)
        else pd.DataFrame(columns=CHANGE_COLUMNS)
    )
    feed = feed.sort_values("at", ascending=False, kind="stable")
    st.markdown(
        f"**{len(feed)}** events" + (f" (the newest {LIMIT} of {total} changes)" if total > LIMIT else "")
    )
    if feed.empty:
        st.caption(
            "Nothing changed in this range. The first crawl of a source is its baseline and raises no events."
        )
        return
    # as text: a real change of -0.0004 % must not read "+0.0%" (`percent_text`)
    feed["percent"] = feed["percent"].map(lambda p: percent_text(float(p)) if pd.notna(p) else None)
    st.dataframe(
        feed,
        hide_index=True,
        width="stretch",
        height="auto" if len(feed) <= 15 else 600,
        column_config={"at": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")},
    )


def _incidents(
    url: str,
    snap: CatalogSnapshot,
    since: datetime | None,
    now: datetime,
    kinds: list[str],
    model: str | None,
    provider: str | None,
) -> pd.DataFrame:
    """Incidents as feed rows (one for the start; the end, if any, in `new`)."""
    start = since or now - timedelta(days=3650)
    ids = tuple(
        e.id
        for e in snap.endpoints
        if (model is None or e.model == model) and (provider is None or e.provider == provider)
    )
    found = history.incident_rows(url, ids, start, now)
    if found.empty:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    wanted = {k.removeprefix("incident: ") for k in kinds if k in INCIDENTS}
    if wanted:
        found = found[found["kind"].isin(wanted)]
    endpoints = [snap.endpoint(int(i)) if pd.notna(i) else None for i in found["endpoint_id"]]
    return pd.DataFrame(
        {
            "at": found["started"],
            "kind": "incident: " + found["kind"],
            "model": [e.model if e is not None else None for e in endpoints],
            "provider": [
                e.label if e is not None else name
                for e, name in zip(endpoints, found["endpoint"], strict=True)
            ],
            "field": found["cause"],
            "old": None,
            "new": found["ended"].map(lambda t: f"ended {t:%Y-%m-%d %H:%M}" if pd.notna(t) else "ongoing"),
            "percent": None,
            "source": "probes",
        }
    )
