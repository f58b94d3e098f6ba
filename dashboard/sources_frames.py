"""Sources and their disagreements as the tables and lines the pages show (pure: no Streamlit, no I/O).

Source names are shown as the configuration names them (``modelsdev``, ``deepinfra``); prices per 1M
tokens in the endpoint's currency.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

import pandas as pd

from dashboard.frames import model_link
from dashboard.text import number
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.sources_read import DisagreementQuery, list_disagreements, since_days
from db.catalog.state import EndpointState, SourceDisagreement

#: What people call each field.
FIELD_NAMES = {
    "input": "input price",
    "output": "output price",
    "cache_read": "cache read price",
    "cache_write": "cache write price",
    "context_length": "context",
    "max_output_tokens": "output limit",
}
#: The columns of the sources table that show each field a disagreement can be about.
FIELD_COLUMNS = {
    "input": "input",
    "output": "output",
    "cache_read": "cache read",
    "cache_write": "cache write",
    "context_length": "context",
    "max_output_tokens": "max output",
}
SOURCE_COLUMNS = ("endpoint", "source", *FIELD_COLUMNS.values(), "currency", "seen", "disagrees on")
DISAGREEMENT_COLUMNS = (
    "model",
    "provider",
    "field",
    "sources say",
    "since",
    "days",
    "current source",
    "page",
)
_TOKENS = frozenset({"context_length", "max_output_tokens"})


def value_text(field: str, value: Decimal | int) -> str:
    """``0.60`` (a price: at least two decimals), ``131,072`` (tokens)."""
    if field in _TOKENS:
        return f"{int(value):,}"
    price = Decimal(value)
    if price == price.quantize(Decimal("0.01")):
        return format(price.quantize(Decimal("0.01")), "f")
    return format(price.normalize(), "f")


def since_text(days: int) -> str:
    return "since today" if days == 0 else f"since {days} day{'s' if days != 1 else ''}"


def says_text(disagreement: SourceDisagreement, *, currency: str, now: datetime) -> str:
    """``modelsdev says 0.60, deepinfra says 0.43 (USD per 1M tokens), since 3 days``."""
    said = ", ".join(
        f"{source} says {value_text(disagreement.field, value)}"
        for source, value in disagreement.values.items()
    )
    unit = " tokens" if disagreement.field in _TOKENS else f" ({currency} per 1M tokens)"
    return f"{said}{unit}, {since_text(since_days(disagreement.since, now))}"


def disagreement_rows(
    snapshot: CatalogSnapshot, *, now: datetime, provider: str | None = None, fields: Sequence[str] = ()
) -> pd.DataFrame:
    """One row per open disagreement of an active endpoint (of `provider`, about `fields`), newest first."""
    found, _ = list_disagreements(snapshot, DisagreementQuery(provider=provider, limit=10**9))
    rows = [
        {
            "model": e.model,
            "provider": e.label,
            "field": FIELD_NAMES.get(x.field, x.field),
            "sources say": says_text(x, currency=e.currency, now=now),
            "since": x.since,
            "days": since_days(x.since, now),
            "current source": e.source,
            "page": model_link(e.model),
        }
        for e, x in found
        if not fields or x.field in fields
    ]
    return pd.DataFrame(rows, columns=list(DISAGREEMENT_COLUMNS))


def disagreeing_providers(snapshot: CatalogSnapshot) -> list[str]:
    """The providers of active endpoints with an open disagreement, by name."""
    return sorted({e.provider for e in snapshot.active if e.disagreements}, key=str.casefold)


def source_rows(endpoints: Iterable[EndpointState]) -> pd.DataFrame:
    """Each endpoint's sources side by side (its current source first): one row per source, prices per
    1M tokens; ``disagrees on`` names the columns where this source's value is part of a disagreement."""
    rows: list[dict[str, Any]] = []
    for e in endpoints:
        disputed: dict[str, set[str]] = {}
        for x in e.disagreements:
            for source in x.values:
                disputed.setdefault(source, set()).add(FIELD_COLUMNS.get(x.field, x.field))
        for view in e.sources:
            columns = [c for c in FIELD_COLUMNS.values() if c in disputed.get(view.source, ())]
            rows.append(
                {
                    "endpoint": e.label,
                    "source": view.source + (" (current)" if view.source == e.source else ""),
                    "input": number(view.input),
                    "output": number(view.output),
                    "cache read": number(view.cache_read),
                    "cache write": number(view.cache_write),
                    "context": view.context_length,
                    "max output": view.max_output_tokens,
                    "currency": view.currency,
                    "seen": view.seen,
                    "disagrees on": ", ".join(columns),
                }
            )
    return pd.DataFrame(rows, columns=list(SOURCE_COLUMNS))


def highlight(frame: pd.DataFrame, style: str = "background-color: #fde2e1") -> pd.DataFrame:
    """The CSS of each cell of a `source_rows` table: `style` where the source's value is disputed."""
    css = pd.DataFrame("", index=frame.index, columns=frame.columns)
    for index, disputed in frame["disagrees on"].items():
        for column in (c.strip() for c in str(disputed).split(",") if c.strip()):
            if column in css.columns:
                css.loc[index, column] = style
    return css
