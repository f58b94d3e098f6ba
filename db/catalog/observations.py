"""Each source's view of an endpoint, kept as that source's `Observation`, with its own history.

One provider serving one model is one endpoint however many sources list it (OpenRouter's API, the
provider's own list or page, models.dev, LiteLLM's map). What each source says is an observation: a new
row only when the source's values change, its `seen` moved on every crawl that lists it, ended when a
complete crawl of the source no longer lists it. The endpoint's own columns and price periods hold the
current values, from the most authoritative source that lists it (`authority`: 0 first).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row, select, update

from db.bulk import insert_rows
from db.catalog.batch import IngestBatch, chunks
from db.catalog.crawled import EndpointIn
from db.models import Observation, table
from db.types import clean_price

#: The prices an observation keeps (per 1M tokens; `request` per request).
PRICES = ("input", "output", "cache_read", "cache_write", "request")
#: Everything compared to tell whether a source's view changed.
VALUE_FIELDS = (
    *PRICES,
    "currency",
    "overrides",
    "context_length",
    "max_output_tokens",
    "max_prompt_tokens",
    "parameters",
)


@dataclass(frozen=True)
class Identity:
    """What makes two listings the same endpoint: provider, the provider's model id (case aside), the
    OpenRouter tag (an endpoint behind OpenRouter is not the provider's direct one) and the protocol."""

    provider_id: int
    model_id: str
    tag: str
    protocol: str

    @classmethod
    def of(cls, provider_id: int, provider_model_id: str, tag: str | None, protocol: str) -> Identity:
        return cls(provider_id, provider_model_id.strip().lower(), tag or "", protocol)


def view_values(given: EndpointIn) -> dict[str, Any]:
    """An observation's values as the crawl gives them (`None`: the source does not say)."""
    pricing = given.pricing
    values: dict[str, Any] = {name: getattr(pricing, name) if pricing else None for name in PRICES}
    values["currency"] = pricing.currency if pricing else "USD"
    values["overrides"] = list(pricing.overrides) if pricing and pricing.overrides else None
    values["context_length"] = given.context_length
    values["max_output_tokens"] = given.max_output_tokens
    values["max_prompt_tokens"] = given.max_prompt_tokens
    values["parameters"] = sorted(given.parameters) if given.parameters else None
    return values


def same_view(row: Row[Any], values: dict[str, Any]) -> bool:
    """Whether an observation row holds `values` (prices compared without float noise)."""
    for name in VALUE_FIELDS:
        old, new = getattr(row, name), values[name]
        if name in PRICES:
            if (old is None) != (new is None):
                return False
            if old is not None and clean_price(Decimal(old)) != clean_price(Decimal(new)):
                return False
        elif name == "parameters":
            if sorted(old or []) != sorted(new or []):
                return False
        elif (old or None) != (new or None) if name == "overrides" else old != new:
            return False
    return True


def open_observations(
    batch: IngestBatch, endpoint_ids: Iterable[int] | None = None, *, source: str | None = None
) -> list[Row[Any]]:
    """The open observations (`valid_to` null) of `source` or of every source, for `endpoint_ids` or all."""
    t = table(Observation)
    query = select(t).where(t.c.valid_to.is_(None))
    if source is not None:
        query = query.where(t.c.source == source)
    if endpoint_ids is None:
        return list(batch.s.execute(query))
    rows: list[Row[Any]] = []
    for chunk in chunks(sorted(set(endpoint_ids))):
        rows.extend(batch.s.execute(query.where(t.c.endpoint_id.in_(chunk))))
    return rows


class Observer:
    """The observations one ingest writes: new rows, closed rows and rows only seen again, in bulk."""

    def __init__(self, batch: IngestBatch, *, authority: int) -> None:
        self.batch = batch
        self.authority = authority
        self.new: list[dict[str, Any]] = []
        self.closed: list[int] = []  # their values changed: valid_to = now
        self.ended: list[int] = []  # the source no longer lists them: valid_to = now, ended
        self.seen: list[int] = []  # unchanged: seen = now
        self.reranked: list[int] = []  # unchanged, but the source's authority moved
        #: every source's open observations of the listed endpoints, as read before this crawl's
        self.known: dict[int, dict[str, Row[Any]]] = {}

    def observe(self, endpoint_id: int, given: EndpointIn, current: Row[Any] | None) -> bool:
        """Record what the source says of one endpoint; True when its view is new or changed."""
        values = view_values(given)
        if current is not None and same_view(current, values):
            self.seen.append(current.id)
            if current.authority != self.authority:
                self.reranked.append(current.id)
            return False
        if current is not None:
            self.closed.append(current.id)
        self.new.append(
            dict(
                values,
                endpoint_id=endpoint_id,
                source=self.batch.source,
                valid_from=self.batch.now,
                valid_to=None,
                seen=self.batch.now,
                ended=False,
                authority=self.authority,
                run_id=self.batch.run_id,
            )
        )
        return True

    def end(self, rows: Iterable[Row[Any]]) -> None:
        self.ended.extend(row.id for row in rows)

    def open_now(self, endpoint_ids: Iterable[int]) -> list[Any]:
        """Every source's open observations of `endpoint_ids` as this crawl leaves them (before `write`:
        the rows read, less those closed or ended, plus the new ones), without reading them again."""
        gone = set(self.closed) | set(self.ended)
        wanted = set(endpoint_ids)
        rows: list[Any] = [
            row
            for endpoint_id in wanted
            for row in self.known.get(endpoint_id, {}).values()
            if row.id not in gone
        ]
        rows.extend(SimpleNamespace(**new) for new in self.new if new["endpoint_id"] in wanted)
        return rows

    def write(self) -> None:
        """Write what `observe` and `end` gathered, in bulk."""
        s, t, now = self.batch.s, table(Observation), self.batch.now
        for chunk in chunks(self.closed):
            s.execute(update(t).where(t.c.id.in_(chunk)).values(valid_to=now))
        for chunk in chunks(self.ended):
            s.execute(update(t).where(t.c.id.in_(chunk)).values(valid_to=now, seen=now, ended=True))
        for chunk in chunks(self.seen):
            s.execute(update(t).where(t.c.id.in_(chunk)).values(seen=now))
        for chunk in chunks(self.reranked):
            s.execute(update(t).where(t.c.id.in_(chunk)).values(authority=self.authority))
        insert_rows(s, t, self.new)
        self.batch.report.observation_rows += len(self.new)
        self.new, self.closed, self.ended, self.seen, self.reranked = [], [], [], [], []
