"""Endpoint and model listings over a catalog snapshot: filters, sort orders, pages (pure, in memory)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import Any

from db.catalog.provider_names import provider_key
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.state import EndpointState, ModelState
from db.recommend.ranking import DEFAULT_CURRENCY

SORT_KEYS: tuple[str, ...] = (
    "price",
    "input_price",
    "output_price",
    "context",
    "provider",
    "model",
    "ttft",
    "uptime",
    "first_seen",
    "last_seen",
    "id",
)


@dataclass(frozen=True)
class EndpointQuery:
    """Filters, order and page of an endpoint listing."""

    model: str | None = None  # canonical id, already resolved
    provider: str | None = None  # case-insensitive name
    min_context: int | None = None
    parameters: tuple[str, ...] = ()
    max_input_price: Decimal | None = None
    max_output_price: Decimal | None = None
    quantizations: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    currency: str | None = None
    include_removed: bool = False
    sort: str = "price"  # one of SORT_KEYS, "-" in front for descending
    limit: int = 100
    offset: int = 0


def select_endpoints(snapshot: CatalogSnapshot, query: EndpointQuery) -> tuple[list[EndpointState], int]:
    """One page of the endpoints matching `query`, and how many match in all."""
    descending = query.sort.startswith("-")
    name = query.sort.lstrip("-")
    if query.model is None and _unfiltered(query):  # the default list: its order, kept, is the answer
        ordered = _catalog_order(snapshot, name, descending, active=not query.include_removed)
    elif query.model is None:
        # The whole catalog: filtering its order (kept per snapshot) keeps the order of what matches,
        # the same as ordering the matches, without sorting ~10,000 endpoints on every request.
        ordered = [e for e in _catalog_order(snapshot, name, descending) if _matches(e, query)]
    else:
        matched = [e for e in snapshot.endpoints_of(query.model) if _matches(e, query)]
        ordered = _order(matched, _SORTS[name], descending)
    return ordered[query.offset : query.offset + query.limit], len(ordered)


def _order(
    endpoints: Iterable[EndpointState], key: Callable[[EndpointState], Any], descending: bool
) -> list[EndpointState]:
    """By `key` (ties by id), unknown values last either way; each key computed once."""
    keyed = [(key(e), e) for e in endpoints]
    present = [pair for pair in keyed if pair[0] is not None]
    present.sort(key=lambda pair: pair[1].id)
    present.sort(key=itemgetter(0), reverse=descending)
    return [e for _, e in present] + [e for value, e in keyed if value is None]


def _unfiltered(q: EndpointQuery) -> bool:
    """Whether `q` filters on nothing but removal (the model aside)."""
    return not (
        q.provider is not None
        or q.min_context is not None
        or q.parameters
        or q.max_input_price is not None
        or q.max_output_price is not None
        or q.quantizations
        or q.statuses
        or q.currency is not None
    )


#: The newest snapshot and its endpoints in each order asked for (a new snapshot starts afresh).
_orders: tuple[CatalogSnapshot | None, dict[tuple[str, bool, bool], list[EndpointState]]] = (None, {})


def _catalog_order(
    snapshot: CatalogSnapshot, name: str, descending: bool, *, active: bool = False
) -> list[EndpointState]:
    """Every endpoint of `snapshot` (`active`: those not removed) in one order, kept (never mutate it)."""
    global _orders
    held, orders = _orders
    if held is not snapshot:
        orders = {}
        _orders = (snapshot, orders)
    found = orders.get((name, descending, active))
    if found is None:  # two threads may both compute it: the same list
        found = _order(snapshot.endpoints, _SORTS[name], descending)
        if active:
            found = [e for e in found if e.removed_at is None]
        orders[(name, descending, active)] = found
    return found


#: A provider named as any source spells it (`deepinfra`, `Deep Infra`): a few hundred names, cached.
_provider_key = lru_cache(maxsize=4096)(provider_key)


def _matches(e: EndpointState, q: EndpointQuery) -> bool:
    if e.removed_at is not None and not q.include_removed:
        return False
    if q.provider is not None and _provider_key(e.provider) != _provider_key(q.provider):
        return False
    if q.min_context is not None and (e.context_length is None or e.context_length < q.min_context):
        return False
    if q.parameters and not set(q.parameters) <= set(e.parameters):
        return False
    if q.quantizations and (e.quantization or "").casefold() not in {x.casefold() for x in q.quantizations}:
        return False
    if q.statuses and e.status not in q.statuses:
        return False
    if q.currency is not None and e.currency != q.currency:
        return False
    if q.max_input_price is not None and not _within(_price(e, "input"), q.max_input_price):
        return False
    return q.max_output_price is None or _within(_price(e, "output"), q.max_output_price)


def _within(price: Decimal | None, limit: Decimal | None) -> bool:
    """No limit, or a published price at most `limit` (an unpublished price never passes a limit)."""
    return limit is None or (price is not None and price <= limit)


def _price(e: EndpointState, name: str) -> Decimal | None:
    return getattr(e.prices, name) if e.prices is not None else None


def _priced(*names: str) -> Callable[[EndpointState], tuple[Any, ...] | None]:
    """A price order: USD first (other currencies, e.g. credits, do not compare), then the prices named."""

    def key(e: EndpointState) -> tuple[Any, ...] | None:
        values = [_price(e, name) for name in names]
        if any(v is None for v in values):
            return None
        return (e.currency != DEFAULT_CURRENCY, *values)

    return key


def _uptime(e: EndpointState) -> float | None:
    return e.health.uptime.get("7d") if e.health is not None else None


_SORTS: dict[str, Callable[[EndpointState], Any]] = {
    "price": _priced("output", "input"),
    "input_price": _priced("input"),
    "output_price": _priced("output"),
    "context": lambda e: e.context_length,
    "provider": lambda e: (e.provider.casefold(), e.tag or ""),
    "model": lambda e: (e.model, e.provider.casefold()),
    "ttft": lambda e: e.health.ttft_p90_ms if e.health is not None else None,
    "uptime": _uptime,
    "first_seen": lambda e: e.first_seen,
    "last_seen": lambda e: e.last_seen,
    "id": lambda e: e.id,
}
assert set(_SORTS) == set(SORT_KEYS)


def select_models(
    snapshot: CatalogSnapshot, *, provider: str | None = None, q: str | None = None, limit: int, offset: int
) -> tuple[list[ModelState], int]:
    """One page of the models (served by `provider`, id or name containing `q`), and the total."""
    models: Iterable[ModelState] = snapshot.models
    if provider is not None:
        wanted = _provider_key(provider)
        models = [m for m in models if any(_provider_key(p) == wanted for p in m.providers)]
    if q:
        needle = q.casefold()
        models = [
            m for m in models if needle in m.canonical_id.casefold() or needle in (m.name or "").casefold()
        ]
    matched = list(models)
    return matched[offset : offset + limit], len(matched)
