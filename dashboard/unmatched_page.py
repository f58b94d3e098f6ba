"""Unmatched models: provider model ids that no matching rule tied to a canonical model
(`db.catalog.unmatched`), with the nearest canonical ids and the `[models.aliases]` line that would join
each to its first candidate. Deep link: ``/unmatched?provider=<name>``."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from dashboard import context, freshness
from dashboard.text import md
from db.catalog.unmatched import UnmatchedId, list_unmatched

#: at most this many ids are listed (by provider, then id)
LIMIT = 1000
TTL_S = 30
COLUMNS = ["provider", "provider model id", "sources", "endpoints", "candidates", "alias"]


def alias_line(provider: str, model_id: str, canonical: str | None) -> str:
    """The TOML line of `[models.aliases]` joining a provider's id to a canonical id (a placeholder
    when there is no candidate); JSON's string escapes are TOML's basic string escapes."""
    return f"{json.dumps(f'{provider}:{model_id}')} = {json.dumps(canonical or '<canonical id>')}"


def unmatched_frame(found: list[UnmatchedId]) -> pd.DataFrame:
    rows = [
        {
            "provider": u.provider,
            "provider model id": u.provider_model_id,
            "sources": ", ".join(u.sources),
            "endpoints": len(u.endpoint_ids),
            "candidates": ", ".join(u.candidates),
            "alias": alias_line(u.provider, u.provider_model_id, u.candidates[0] if u.candidates else None),
        }
        for u in found
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _unmatched(url: str, version: object) -> tuple[pd.DataFrame, int]:
    found, total = list_unmatched(engine=context.engine_for(url), limit=LIMIT)
    return unmatched_frame(found), total


def render() -> None:
    snap = freshness.page("Unmatched models")
    if snap is None:
        return
    st.caption(
        "Provider model ids that no rule matched to a canonical model (OpenRouter's id): each stands as its "
        "own model. Add the alias of the right candidate under `[models.aliases]` in modelwatch.toml and "
        "the next crawl joins them; a variant (`:free`, `-turbo`, `-fp8`) is a model of its own."
    )
    frame, total = _unmatched(context.db_url(), snap.version)
    providers = sorted(set(frame["provider"]), key=str.casefold)
    given = st.query_params.get("provider")
    provider = st.selectbox(
        "Provider",
        providers,
        index=providers.index(given) if given in providers else None,
        placeholder="any provider",
        key="unmatched_provider",
    )
    shown = frame[frame["provider"] == provider] if provider else frame
    more = f" (the first {LIMIT:,} of {total:,})" if total > len(frame) else ""
    where = f" at {md(provider)}" if provider else ""
    st.markdown(f"**{len(shown)}** provider model ids matched no canonical model{where}{more}")
    if shown.empty:
        st.caption("Every provider model id matched a canonical model.")
        return
    st.dataframe(shown, hide_index=True, width="stretch", height="auto" if len(shown) <= 15 else 600)
    st.caption("The aliases of the first candidates, to check and copy into modelwatch.toml:")
    st.code("\n".join(["[models.aliases]", *shown["alias"]]), language="toml")
