"""Where sources disagree about the same endpoint: kept, shown, alertable, ended when they agree.

After a crawl, the endpoints it observed are compared across every source's open observation. A field
(a price, the context length, the output limit) on which two sources give different values opens a
`Disagreement` holding every source's value, with a `sources_disagree` change; it stays open (its values
updated, no new change) while they differ, and closes with a `sources_agree` change when they agree or
only one source still says anything. Differences that are only formatting never count: prices are
compared to a relative tolerance of `PRICE_TOLERANCE` (float noise and rounding to a cent of a cent),
a context of 128K given as 128,000 by one source and 131,072 by another is the same context, and a context
that is another source's input limit (LiteLLM's `max_input_tokens` against models.dev's `limit.input`) is
no disagreement about the context.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, select, update

from db.bulk import insert_rows
from db.catalog import changes as ch
from db.catalog.batch import IngestBatch, chunks
from db.catalog.observations import open_observations
from db.models import Disagreement, table
from db.types import normalise_decimal

#: The fields compared across sources.
FIELDS = ("input", "output", "cache_read", "cache_write", "context_length", "max_output_tokens")
#: Prices within this share of each other agree (a rounding difference, not a disagreement).
PRICE_TOLERANCE = Decimal("0.005")
_PRICES = frozenset({"input", "output", "cache_read", "cache_write"})


def _same_price(a: Decimal, b: Decimal) -> bool:
    if a == b:
        return True
    if a == 0 or b == 0:
        return False  # free against a price is never rounding
    return abs(a - b) <= PRICE_TOLERANCE * max(abs(a), abs(b))


#: Token limits within this share of each other agree (1,048,575 against 1,048,576; 262,140 against 262,144).
TOKEN_TOLERANCE = 0.001


def _same_tokens(a: int, b: int) -> bool:
    """Equal within `TOKEN_TOLERANCE`, or the same number of K written as thousands by one and as 1,024s by
    the other."""
    if abs(a - b) <= TOKEN_TOLERANCE * max(a, b):
        return True
    small, large = sorted((a, b))
    return small % 1000 == 0 and large % 1024 == 0 and small // 1000 == large // 1024


def disagree(field: str, values: Mapping[str, Any]) -> bool:
    """Whether the sources' `values` of `field` (None: not said) differ beyond formatting."""
    given = [v for v in values.values() if v is not None]
    if len(given) < 2:
        return False
    first = given[0]
    if field in _PRICES:
        return any(not _same_price(Decimal(first), Decimal(v)) for v in given[1:])
    return any(not _same_tokens(int(first), int(v)) for v in given[1:])


def _input_limit_explains(rows: list[Row[Any]]) -> bool:
    """Whether every source's context is another's context or input limit: LiteLLM's
    `max_input_tokens` is models.dev's `limit.input` (272K of GPT-5's 400K context), not a context."""
    limits = [
        {v for v in (row.context_length, row.max_prompt_tokens) if v is not None}
        for row in rows
        if row.context_length is not None
    ]
    return all(
        any(_same_tokens(a, b) for a in mine for b in theirs)
        for i, mine in enumerate(limits)
        for theirs in limits[i + 1 :]
    )


def _shown(value: Any) -> Any:
    """A value as a disagreement keeps it (JSON): prices as decimal strings."""
    return format(normalise_decimal(value), "f") if isinstance(value, Decimal) else value


def compare_sources(observations: Iterable[Any]) -> dict[int, dict[str, dict[str, Any]]]:
    """Open disagreements by endpoint id and field: `{source: value}` of every source that says one."""
    by_endpoint: dict[int, list[Any]] = {}
    for row in observations:
        by_endpoint.setdefault(row.endpoint_id, []).append(row)
    found: dict[int, dict[str, dict[str, Any]]] = {}
    for endpoint_id, rows in by_endpoint.items():
        if len(rows) < 2:
            continue
        for field in FIELDS:
            # Prices in different currencies are not compared (credits against USD say nothing).
            currencies = {row.currency for row in rows if getattr(row, field) is not None}
            if field in _PRICES and len(currencies) > 1:
                continue
            values = {row.source: getattr(row, field) for row in rows if getattr(row, field) is not None}
            if field == "context_length" and _input_limit_explains(rows):
                continue
            if disagree(field, values):
                found.setdefault(endpoint_id, {})[field] = {k: _shown(v) for k, v in sorted(values.items())}
    return found


def update_disagreements(
    batch: IngestBatch,
    endpoint_ids: Iterable[int],
    *,
    labels: Mapping[int, tuple[str, str]],
    observations: Iterable[Any] | None = None,
) -> None:
    """Open, update or close the disagreements of `endpoint_ids` after this crawl's observations.

    `labels` gives each endpoint's (canonical model, provider) for the changes; `observations`, every
    source's open observations of them when the caller has them (else they are read)."""
    ids = sorted(set(endpoint_ids))
    if not ids:
        return
    found = compare_sources(open_observations(batch, ids) if observations is None else observations)
    t = table(Disagreement)
    current: dict[tuple[int, str], Row[Any]] = {}
    for chunk in chunks(ids):
        query = select(t).where(t.c.closed_at.is_(None), t.c.endpoint_id.in_(chunk))
        current.update(((row.endpoint_id, row.field), row) for row in batch.s.execute(query))
    new_rows: list[dict[str, Any]] = []
    for endpoint_id, fields in found.items():
        model, provider = labels.get(endpoint_id, (None, None))
        for field, values in fields.items():
            row = current.pop((endpoint_id, field), None)
            if row is not None:
                if row.values != values:
                    batch.s.execute(
                        update(t).where(t.c.id == row.id).values(values=values, updated_at=batch.now)
                    )
                continue
            new_rows.append(
                {
                    "endpoint_id": endpoint_id,
                    "field": field,
                    "values": values,
                    "opened_at": batch.now,
                    "updated_at": batch.now,
                    "closed_at": None,
                }
            )
            batch.change(
                ch.SOURCES_DISAGREE,
                endpoint_id=endpoint_id,
                model=model,
                provider=provider,
                field=field,
                new=", ".join(f"{source} {value}" for source, value in values.items()),
            )
            batch.report.disagreements_opened += 1
    for (endpoint_id, field), row in current.items():  # open, no longer found: the sources agree
        batch.s.execute(update(t).where(t.c.id == row.id).values(closed_at=batch.now, updated_at=batch.now))
        model, provider = labels.get(endpoint_id, (None, None))
        batch.change(
            ch.SOURCES_AGREE,
            endpoint_id=endpoint_id,
            model=model,
            provider=provider,
            field=field,
            old=", ".join(f"{source} {value}" for source, value in row.values.items()),
        )
        batch.report.disagreements_closed += 1
    insert_rows(batch.s, t, new_rows)
