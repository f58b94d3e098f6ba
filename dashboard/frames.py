"""Catalog snapshots and query results as the tables the pages show (pure: no Streamlit, no I/O)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote

import pandas as pd

from dashboard.badges import badges
from dashboard.text import md, number
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.state import EndpointState

STATUS_ICONS = {"up": "● up", "down": "✖ down", "degraded": "▲ degraded", "unknown": "○ unknown"}
MODEL_PAGE = "model"


def model_link(canonical_id: str) -> str:
    """The model page's deep link (relative to the dashboard's root)."""
    return f"/{MODEL_PAGE}?id={quote(canonical_id, safe='')}"


def _uptime(e: EndpointState, window: str = "7d") -> float | None:
    return e.health.uptime.get(window) if e.health is not None else None


def catalog_rows(snapshot: CatalogSnapshot, endpoints: Iterable[EndpointState] | None = None) -> pd.DataFrame:
    """One row per active endpoint: what the catalog table shows (prices per 1M tokens)."""
    modalities = {m.canonical_id: m.input_modalities for m in snapshot.models}
    rows: list[dict[str, Any]] = []
    for e in snapshot.active if endpoints is None else endpoints:
        prices = e.prices
        rows.append(
            {
                "id": e.id,
                "model": e.model,
                "provider": e.label,
                "provider model id": e.provider_model_id,
                "context": e.context_length,
                "input": number(prices.input) if prices is not None else None,
                "output": number(prices.output) if prices is not None else None,
                "currency": e.currency,
                "capabilities": badges(e, modalities.get(e.model, ())),
                "status": STATUS_ICONS.get(e.status, e.status),
                "uptime 7d %": _uptime(e),
                "TTFT p50 ms": e.health.ttft_p50_ms if e.health is not None else None,
                "page": model_link(e.model),
                "_provider": e.provider,
                "_parameters": e.parameters,
                "_status": e.status,
            }
        )
    return pd.DataFrame(rows, columns=CATALOG_COLUMNS + HIDDEN_COLUMNS)


CATALOG_COLUMNS = [
    "model",
    "provider",
    "context",
    "input",
    "output",
    "currency",
    "capabilities",
    "status",
    "uptime 7d %",
    "TTFT p50 ms",
    "page",
    "provider model id",
    "id",
]
HIDDEN_COLUMNS = ["_provider", "_parameters", "_status"]
#: The light static table's columns (`catalog_preview`): what a row needs to be read at a glance.
PREVIEW_COLUMNS = CATALOG_COLUMNS[: CATALOG_COLUMNS.index("TTFT p50 ms") + 1]


def _cell(value: Any, format_: str = "{}") -> str:
    """A preview cell: blank for a missing value, crawled text escaped (`st.table` renders markdown)."""
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return ""
    return md(format_.format(value))


def catalog_preview(rows: pd.DataFrame) -> pd.DataFrame:
    """`rows` (of `catalog_rows`, already filtered and sorted) as text cells for a markdown table
    (`markdown_table`): every cell a string escaped by `md` (provider and model names are crawled text:
    a model named in HTML or markdown shows as text), numbers formatted as the interactive table formats
    them, blank where not published."""
    formats = {
        "context": "{:.0f}",
        "input": "{:.4g}",
        "output": "{:.4g}",
        "uptime 7d %": "{:.2f}",
        "TTFT p50 ms": "{:.0f}",
    }
    preview = pd.DataFrame(index=range(len(rows)))
    for column in PREVIEW_COLUMNS:
        values = rows[column].tolist()
        if column == "capabilities":
            preview[column] = [md(", ".join(v)) if v else "" for v in values]
        else:
            preview[column] = [_cell(v, formats.get(column, "{}")) for v in values]
    return preview.rename(columns={"input": "input /1M", "output": "output /1M"})


#: The preview's columns aligned right (numbers).
_RIGHT = {"context", "input /1M", "output /1M", "uptime 7d %", "TTFT p50 ms"}


def markdown_table(cells: pd.DataFrame) -> str:
    """`cells` (escaped text, as `catalog_preview` makes them) as a GitHub-flavoured markdown table: drawn
    by the markdown renderer the page has loaded already (a `st.table` first fetches its own code)."""
    head = "| " + " | ".join(md(column) for column in cells.columns) + " |"
    rule = "|" + "|".join("---:" if column in _RIGHT else "---" for column in cells.columns) + "|"
    body = ["| " + " | ".join(row) + " |" for row in cells.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def offers_rows(endpoints: Sequence[EndpointState]) -> pd.DataFrame:
    """A model's current offers side by side (cheapest output first)."""
    rows = []
    for e in endpoints:
        p = e.prices
        rows.append(
            {
                "provider": e.label,
                "provider model id": e.provider_model_id,
                "source": e.source,
                "context": e.context_length,
                "max output": e.max_output_tokens,
                "quantization": e.quantization,
                "input": number(p.input) if p else None,
                "output": number(p.output) if p else None,
                "cache read": number(p.cache_read) if p else None,
                "currency": e.currency,
                "price since": p.since if p else None,
                "status": STATUS_ICONS.get(e.status, e.status),
                "uptime 7d %": _uptime(e),
                "TTFT p50 ms": e.health.ttft_p50_ms if e.health is not None else None,
                "TTFT p90 ms": e.health.ttft_p90_ms if e.health is not None else None,
                "parameters": ", ".join(e.parameters),
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.sort_values(["output", "input"], na_position="last", kind="stable")
    return frame


def evidence_rows(endpoints: Sequence[EndpointState]) -> pd.DataFrame:
    """Where a page source read each value of each endpoint: one row per endpoint and field."""
    rows = [
        {
            "provider": e.label,
            "field": name,
            "read from": why.get("where"),
            "text": why.get("snippet"),
            "how": why.get("method"),
            "sure": why.get("confidence"),
            "page": e.page_url,
        }
        for e in endpoints
        for name, why in sorted((e.evidence or {}).items())
        if isinstance(why, dict)
    ]
    columns = ["provider", "field", "read from", "text", "how", "sure", "page"]
    return pd.DataFrame(rows, columns=columns)


def measured_vs_reported(endpoints: Sequence[EndpointState]) -> pd.DataFrame:
    """Our probes' figures beside the aggregator's, each column labelled by who measured it."""
    rows = []
    for e in endpoints:
        h, r = e.health, e.reported
        latency = (r.latency_30m or {}) if r is not None else {}
        throughput = (r.throughput_30m or {}) if r is not None else {}
        rows.append(
            {
                "provider": e.label,
                "ours: probe": h.probe if h is not None else None,
                "ours: status": h.status if h is not None else None,
                "ours: uptime 1d %": h.uptime.get("1d") if h is not None else None,
                "ours: uptime 7d %": h.uptime.get("7d") if h is not None else None,
                "ours: TTFT p50 ms (7d)": h.ttft_p50_ms if h is not None else None,
                "ours: TTFT p90 ms (7d)": h.ttft_p90_ms if h is not None else None,
                "reported by": r.source if r is not None else None,
                "reported: uptime 30m %": r.uptime_30m if r is not None else None,
                "reported: uptime 1d %": r.uptime_1d if r is not None else None,
                "reported: latency p50 ms (30m)": latency.get("p50"),
                "reported: latency p90 ms (30m)": latency.get("p90"),
                "reported: throughput p50 tok/s (30m)": throughput.get("p50"),
                "reported at": r.at if r is not None else None,
            }
        )
    return pd.DataFrame(rows)


def price_steps(periods: Sequence[tuple[str, Any]], now: datetime) -> pd.DataFrame:
    """Price periods as step-chart points: (provider, time, kind, price); each period contributes its
    start, and the last one is carried to its end (or now)."""
    rows = []
    for label, period in periods:
        end = period.valid_to or now
        for kind in ("input", "output"):
            value = number(getattr(period, kind))
            if value is None:
                continue
            rows.append({"provider": label, "at": period.valid_from, "kind": kind, "price": value})
            rows.append({"provider": label, "at": end, "kind": kind, "price": value})
    return pd.DataFrame(rows, columns=["provider", "at", "kind", "price"])
