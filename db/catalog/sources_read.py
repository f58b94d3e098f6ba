"""The read side of sources and their disagreements: what each source says of an endpoint now, and where
sources disagree (written by `db.catalog.observations` and `db.catalog.disagreements`).

`read_sources` and `read_disagreements` read the open rows of every endpoint (or of the ids given) in one
query per table (per chunk of ids), for `db.catalog.snapshot` to hang on each `EndpointState`;
`list_disagreements` then filters and pages the open disagreements of a snapshot in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.catalog.batch import chunks
from db.catalog.disagreements import FIELDS
from db.catalog.state import EndpointState, SourceDisagreement, SourceView
from db.models import Disagreement, Observation, table

if TYPE_CHECKING:
    from db.catalog.snapshot import CatalogSnapshot

#: The fields a disagreement can be about, in the order they are shown.
DISAGREEMENT_FIELDS: tuple[str, ...] = FIELDS
#: The prices a source view shows (per 1M tokens).
SOURCE_PRICES = ("input", "output", "cache_read", "cache_write")
_FIELD_ORDER = {name: i for i, name in enumerate(FIELDS)}
Reader = Session | Connection


def _rows(reader: Reader, query: Select[Any], column: Any, ids: Iterable[int] | None) -> list[Any]:
    if ids is None:
        return list(reader.execute(query))
    rows: list[Any] = []
    for chunk in chunks(sorted(set(ids))):
        rows.extend(reader.execute(query.where(column.in_(chunk))))
    return rows


def read_sources(reader: Reader, endpoint_ids: Iterable[int] | None = None) -> dict[int, list[SourceView]]:
    """Every source's open observation, by endpoint id (of `endpoint_ids`, or of all), the most
    authoritative first (then by source name)."""
    o = table(Observation)
    query = select(
        o.c.endpoint_id,
        o.c.source,
        o.c.currency,
        o.c.seen,
        o.c.valid_from,
        o.c.authority,
        *(o.c[name] for name in (*SOURCE_PRICES, "request")),
        o.c.context_length,
        o.c.max_output_tokens,
    ).where(o.c.valid_to.is_(None))
    found: dict[int, list[SourceView]] = {}
    for row in _rows(reader, query, o.c.endpoint_id, endpoint_ids):
        found.setdefault(row.endpoint_id, []).append(
            SourceView(
                source=row.source,
                currency=row.currency,
                seen=row.seen,
                since=row.valid_from,
                authority=row.authority,
                input=row.input,
                output=row.output,
                cache_read=row.cache_read,
                cache_write=row.cache_write,
                request=row.request,
                context_length=row.context_length,
                max_output_tokens=row.max_output_tokens,
            )
        )
    for views in found.values():
        views.sort(key=lambda v: (v.authority, v.source))
    return found


def disagreement_value(field: str, value: Any) -> Decimal | int | None:
    """A value as a disagreement stores it (prices as decimal strings) as a number: `Decimal` for a
    price, `int` for a token count; None for anything else (never a made-up zero)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if field in SOURCE_PRICES:
            return Decimal(str(value))
        return int(value)
    except (InvalidOperation, ValueError, TypeError):
        return None


def read_disagreements(
    reader: Reader, endpoint_ids: Iterable[int] | None = None
) -> dict[int, list[SourceDisagreement]]:
    """The open disagreements by endpoint id (of `endpoint_ids`, or of all), in field order."""
    d = table(Disagreement)
    query = select(d).where(d.c.closed_at.is_(None))
    found: dict[int, list[SourceDisagreement]] = {}
    for row in _rows(reader, query, d.c.endpoint_id, endpoint_ids):
        values = {
            str(source): number
            for source, value in (row.values or {}).items()
            if (number := disagreement_value(row.field, value)) is not None
        }
        found.setdefault(row.endpoint_id, []).append(
            SourceDisagreement(
                id=row.id,
                endpoint_id=row.endpoint_id,
                field=row.field,
                values=values,
                since=row.opened_at,
                updated_at=row.updated_at,
            )
        )
    for items in found.values():
        items.sort(key=lambda x: (_FIELD_ORDER.get(x.field, len(_FIELD_ORDER)), x.field, x.id))
    return found


def current_first(views: Sequence[SourceView], current: str) -> tuple[SourceView, ...]:
    """`views` with the endpoint's current source first, the others in their order."""
    return tuple(sorted(views, key=lambda v: v.source != current))


def in_source_order(disagreement: SourceDisagreement, sources: Sequence[SourceView]) -> SourceDisagreement:
    """`disagreement` with its values in the order of `sources` (a source no longer observed last)."""
    rank = {view.source: i for i, view in enumerate(sources)}
    ordered = dict(sorted(disagreement.values.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))
    return SourceDisagreement(
        id=disagreement.id,
        endpoint_id=disagreement.endpoint_id,
        field=disagreement.field,
        values=ordered,
        since=disagreement.since,
        updated_at=disagreement.updated_at,
    )


def endpoint_sources(
    *, engine: Engine, endpoint_ids: Iterable[int], current: Mapping[int, str] | None = None
) -> dict[int, tuple[tuple[SourceView, ...], tuple[SourceDisagreement, ...]]]:
    """For `endpoint_ids`: their sources (each endpoint's `current` source first, when given) and open
    disagreements (values in the sources' order). Two queries per chunk of ids."""
    ids = sorted(set(endpoint_ids))
    with engine.connect() as connection:
        sources = read_sources(connection, ids)
        disagreements = read_disagreements(connection, ids)
    out: dict[int, tuple[tuple[SourceView, ...], tuple[SourceDisagreement, ...]]] = {}
    for endpoint_id in ids:
        views = tuple(sources.get(endpoint_id, ()))
        if current is not None and endpoint_id in current:
            views = current_first(views, current[endpoint_id])
        out[endpoint_id] = (
            views,
            tuple(in_source_order(x, views) for x in disagreements.get(endpoint_id, ())),
        )
    return out


@dataclass(frozen=True)
class DisagreementQuery:
    """Filters and page of the open disagreements."""

    model: str | None = None  # canonical id, already resolved
    provider: str | None = None  # case-insensitive name
    field: str | None = None
    limit: int = 100
    offset: int = 0


def list_disagreements(
    snapshot: CatalogSnapshot, query: DisagreementQuery
) -> tuple[list[tuple[EndpointState, SourceDisagreement]], int]:
    """One page of the open disagreements of the snapshot's active endpoints matching `query`, newest
    first (then by provider, model, endpoint and field), and how many match in all."""
    pool = snapshot.endpoints_of(query.model) if query.model is not None else snapshot.endpoints
    wanted = query.provider.casefold() if query.provider is not None else None
    matched = [
        (endpoint, disagreement)
        for endpoint in pool
        if endpoint.removed_at is None
        and endpoint.disagreements
        and (wanted is None or endpoint.provider.casefold() == wanted)
        for disagreement in endpoint.disagreements
        if query.field is None or disagreement.field == query.field
    ]
    matched.sort(
        key=lambda pair: (
            pair[0].provider.casefold(),
            pair[0].model,
            pair[0].id,
            _FIELD_ORDER.get(pair[1].field, len(_FIELD_ORDER)),
        )
    )
    matched.sort(key=lambda pair: pair[1].since, reverse=True)  # stable: ties keep the order above
    return matched[query.offset : query.offset + query.limit], len(matched)


def since_days(since: datetime, now: datetime) -> int:
    """Whole days from `since` to `now` (0 on the first day; never negative)."""
    return max(0, (now - since).days)
