"""Model facts from a page's structured data: schema.org JSON-LD and the data its scripts carry for its
framework (`crawler.extract.embedded`: ``__NEXT_DATA__``, Next.js payloads, ``__NUXT__``, JSON scripts,
object literals).

JSON-LD: a Product/SoftwareApplication/WebAPI/Service with ``offers`` (``Offer`` or
``UnitPriceSpecification`` with ``unitText``/``referenceQuantity``) and ``additionalProperty``.
Embedded data: any object with a model id and a pricing or context key is a record, read where it sits
(``next_f payload, row 4: [3].model``). The id is an id-like key (``slug``, ``id``, ``model_id``), or
``name`` when the object also has a display name (Fireworks' ``accounts/.../models/...``). Price keys name
their unit where they can (``input_price_per_million``, ``input_cost_per_token``), or a unit key does
(``priceUnit: "per 1M tokens"``); a ``pricing`` object with ``prompt``/``completion`` keys is OpenRouter's
shape, per token; otherwise values all below 0.001 are taken as per token and the rest as per 1M tokens.
A per-request price of 0 is no per-request fee, not a price.

`pick_records` says which records a page is about: the one its address or text names, else every item
of a list when the page's first record is one of several in one array (a list page), else the first.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from crawler.extract.embedded import Embedded
from crawler.extract.prices import per_million, role_of, scale_of
from crawler.extract.quantities import date_from_json, parse_token_count, plausible_context, tidy, to_decimal

_LD_TYPES = {"product", "softwareapplication", "webapplication", "webapi", "service", "aimodel"}
_ID_KEYS = ("model_id", "modelId", "slug", "id", "model", "sku", "productID")
_NAME_KEYS = ("display_name", "displayName", "name", "title")
_DISPLAY_KEYS = ("display_name", "displayName", "title", "label")
_CONTEXT_KEYS: tuple[str, ...] = ("context_length", "contextLength", "context_window", "contextWindow")
_CONTEXT_KEYS += ("max_context_length", "maxContextLength", "max_model_len", "context_size", "context")
_CONTEXT_KEYS += ("context_window_tokens", "contextWindowTokens", "max_input_tokens", "maxInputTokens")
_OUTPUT_KEYS: tuple[str, ...] = (
    "max_completion_tokens",
    "max_output_tokens",
    "maxOutputTokens",
    "max_output_length",
)
_OUTPUT_KEYS += ("output_token_limit", "maxCompletionTokens", "outputTokenLimit", "max_output")
_PRICE_DICTS = ("pricing", "prices", "price", "cost")
_UNIT_KEYS = ("price_unit", "priceUnit", "pricing_unit", "pricingUnit", "unit")
_PARAM_KEYS: tuple[str, ...] = (
    "supported_parameters",
    "supportedParameters",
    "supported_params",
    "supportedParams",
)
_PARAM_KEYS += ("parameters",)
_DATE_KEYS: tuple[str, ...] = (
    "release_date",
    "releaseDate",
    "released",
    "released_at",
    "releasedAt",
    "launch_date",
)
_DATE_KEYS += ("launchDate", "created", "created_at", "createdAt", "createTime", "create_time")
_ENDPOINT_KEYS: tuple[str, ...] = (
    "endpoint",
    "endpoints",
    "endpoint_url",
    "endpointUrl",
    "api_endpoint",
    "apiEndpoint",
)
_ENDPOINT_KEYS += ("api_url", "apiUrl")
_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "元": "CNY", "rmb": "CNY"}
_HEX_ID = re.compile(
    r"^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$", re.I
)
_MAX_NODES = 200_000
_MAX_NESTED_JSON = 1_000_000  # characters of JSON held in a string (a fetched body) read as structure
_JSON_STARTS = ('{"', "[{", "[[")
_PATH_PARTS = 4  # the locator keeps the last few steps of a record's path


@dataclass
class Found:
    """Facts about one model offer read from one place on the page; None where that place is silent."""

    model: str | None = None
    name: str | None = None
    provider: str | None = None
    context_length: int | None = None
    max_output_tokens: int | None = None
    pricing: dict[str, Decimal] | None = None
    currency: str | None = None
    parameters: list[str] = field(default_factory=list)
    released: date | None = None
    #: how and where it was read (`crawler.extract.evidence`): a method and a short locator
    method: str = "embedded"
    where: str = "embedded JSON"
    #: API URLs the record gives (``endpoint: "https://api.../v1/chat/completions"``)
    endpoints: list[str] = field(default_factory=list)
    #: the array the record is an item of (records of one list share it); "" when it is no array item
    group: str = ""


def read_json_ld(items: list[dict[str, Any]]) -> Found | None:
    """The first schema.org product-like item that names a model or prices, as `Found`."""
    for item in items:
        kinds = item.get("@type")
        kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
        if not {str(k).lower() for k in kinds} & _LD_TYPES:
            continue
        found = Found(name=_text(item.get("name")), method="json-ld", where=f"json-ld {kinds[0]}")
        for key in ("sku", "productID", "identifier", "mpn", "alternateName"):
            value = _text(item.get(key))
            if value and " " not in value:
                found.model = value
                break
        offers = item.get("offers")
        offers = offers.get("offers", [offers]) if isinstance(offers, dict) else offers
        prices: dict[str, Decimal] = {}
        for offer in offers if isinstance(offers, list) else []:
            if isinstance(offer, dict):
                found.currency = _read_ld_offer(offer, prices, found.currency)
                seller = offer.get("seller")
                found.provider = found.provider or (
                    _text(seller.get("name")) if isinstance(seller, dict) else None
                )
        found.pricing = prices or None
        provider = item.get("provider")
        found.provider = found.provider or (
            _text(provider.get("name")) if isinstance(provider, dict) else None
        )
        _read_ld_properties(item, found)
        for key in ("releaseDate", "datePublished", "dateCreated"):
            found.released = found.released or date_from_json(item.get(key))
        return found
    return None


def read_json_records(blobs: Sequence[Embedded | Any]) -> list[Found]:
    """Every object in the embedded data that names a model and gives a price or a context length, in
    breadth-first order (the shallowest first), one per model id; `Embedded` values are read with their
    label in the locator, other values as "embedded JSON"."""
    records: list[Found] = []
    ids: set[str | None] = set()
    queue: deque[tuple[Any, str, tuple[str | int, ...]]] = deque()
    for blob in blobs:
        if isinstance(blob, Embedded):
            queue.append((blob.value, blob.label, ()))
        else:
            queue.append((blob, "embedded JSON", ()))
    seen = 0
    while queue and seen < _MAX_NODES:
        node, label, path = queue.popleft()
        seen += 1
        if isinstance(node, dict):
            found = _read_record(node)
            if found is not None and found.model not in ids:
                ids.add(found.model)
                found.where = f"{label}: {_path(path)}" if path else label
                found.group = f"{label}: {_path(path[:-1])}" if path and isinstance(path[-1], int) else ""
                records.append(found)
            queue.extend((v, label, (*path, k)) for k, v in node.items() if _walkable(v))
        elif isinstance(node, list):
            queue.extend((v, label, (*path, i)) for i, v in enumerate(node) if _walkable(v))
        elif isinstance(node, str):
            nested = _nested_json(node)
            if nested is not None:
                queue.append((nested, label, (*path, "(json)")))
    return records


def pick_records(records: list[Found], *, text_model: str | None, url: str) -> list[Found]:
    """The records the page is about: the one its address or text names; else, when its first record is
    one of several items of one array, all of them (a list page); else the first."""
    if len(records) <= 1:
        return records
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html").lower()
    for record in records:
        model = (record.model or "").lower()
        if last and (model == last or model.rsplit("/", 1)[-1] == last):
            return [record]
    first = records[0]
    items = [r for r in records if first.group and r.group == first.group]
    if len(items) >= 2:
        return items
    for record in records:
        if text_model and record.model == text_model:
            return [record]
    return [first]


def _path(path: tuple[str | int, ...]) -> str:
    """A record's place in its data: ``data[0].model``, cut to its last steps."""
    text = ""
    for step in path[-_PATH_PARTS:]:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else str(step)
    return ("…" if len(path) > _PATH_PARTS else "") + text


def _walkable(value: Any) -> bool:
    return isinstance(value, dict | list) or (isinstance(value, str) and value[:2] in _JSON_STARTS)


def _nested_json(text: str) -> Any:
    """JSON held in a string (a fetched response body, a serialised prop), or None."""
    if not 20 <= len(text) <= _MAX_NESTED_JSON or text[:2] not in _JSON_STARTS:
        return None
    if text[-1] not in "}]":
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict | list) else None


def _read_record(node: dict[str, Any]) -> Found | None:
    model = next((v for k in _ID_KEYS if _is_id(v := node.get(k))), None)
    display = next((node[k] for k in _DISPLAY_KEYS if isinstance(node.get(k), str)), None)
    name = node.get("name")
    if model is None and display is not None and _is_id(name) and _looks_like_id(str(name)):
        model = name  # Fireworks: name "accounts/fireworks/models/...", displayName "Kimi K2 ..."
    if model is None:
        return None
    found = Found(model=str(model))
    found.name = display or next((str(node[k]) for k in _NAME_KEYS if isinstance(node.get(k), str)), None)
    found.context_length = _first_count(node, _CONTEXT_KEYS)
    top = node.get("top_provider")
    found.max_output_tokens = _first_count(node, _OUTPUT_KEYS) or (
        _first_count(top, _OUTPUT_KEYS) if isinstance(top, dict) else None
    )
    price_dict = next((node[k] for k in _PRICE_DICTS if isinstance(node.get(k), dict)), None)
    flat = {
        k: v for k, v in node.items() if re.search("price|cost", k, re.I) and not isinstance(v, dict | list)
    }
    unit = next((str(v) for k in _UNIT_KEYS if isinstance(v := node.get(k), str)), "")
    found.pricing = _read_price_dict(price_dict if price_dict is not None else flat, unit=unit)
    if found.pricing is None and found.context_length is None:
        return None
    params: list[Any] = next((node[k] for k in _PARAM_KEYS if isinstance(node.get(k), list)), [])
    found.parameters = [p for p in params if isinstance(p, str)]
    found.released = next((d for k in _DATE_KEYS if (d := date_from_json(node.get(k)))), None)
    found.currency = _currency(node.get("currency") or (price_dict or {}).get("currency"))
    found.endpoints = _endpoints(node)
    return found


def _currency(value: object) -> str:
    """A record's currency: an ISO code as given, credits, or USD when it does not say."""
    text = str(value or "").strip()
    if "credit" in text.lower():
        return "credits"
    if re.fullmatch(r"[A-Za-z]{3}", text):
        return "CNY" if text.lower() == "rmb" else text.upper()
    return _CURRENCIES.get(text.lower(), "USD")


def _endpoints(node: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for key in _ENDPOINT_KEYS:
        value = node.get(key)
        for url in value if isinstance(value, list) else [value]:
            if isinstance(url, str) and url.startswith(("https://", "http://")) and url not in found:
                found.append(url)
    return found


def _read_price_dict(prices: dict[str, Any], *, unit: str = "") -> dict[str, Decimal] | None:
    raw: dict[str, tuple[Decimal, int | None]] = {}
    unit_scale = scale_of(unit) if unit else None
    for key, value in prices.items():
        words = re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", key)
        role = role_of(words)
        amount = to_decimal(value)
        if role is None or amount is None or amount < 0 or role in raw:
            continue
        if role == "request" and amount == 0:
            continue  # no per-request fee
        raw[role] = (amount, scale_of(words) or (1 if "token" in words.lower() else None) or unit_scale)
    if not raw:
        return None
    token_values = [a for role, (a, s) in raw.items() if role != "request" and s is None and a > 0]
    openrouter = "prompt" in prices or "completion" in prices
    default = 1 if openrouter or (token_values and max(token_values) < Decimal("0.001")) else 10**6
    return {
        role: tidy(amount) if role == "request" else per_million(amount, scale or default)
        for role, (amount, scale) in raw.items()
    }


def _read_ld_offer(offer: dict[str, Any], prices: dict[str, Decimal], currency: str | None) -> str | None:
    """Read one schema.org offer's prices into `prices` (in `currency` once one is set: the first wins);
    returns the currency of the prices read so far."""
    specs = offer.get("priceSpecification")
    specs = [specs] if isinstance(specs, dict) else specs if isinstance(specs, list) else [offer]
    for spec in specs:
        if not isinstance(spec, dict):
            continue
        label = " ".join(_text(offer.get(k)) or "" for k in ("name", "description", "category"))
        label += " " + " ".join(_text(spec.get(k)) or "" for k in ("name", "description", "unitText"))
        amount = to_decimal(spec.get("price", offer.get("price")))
        code = str(spec.get("priceCurrency") or offer.get("priceCurrency") or "USD")
        role = role_of(label)
        if amount is None or amount < 0 or role is None or role in prices:
            continue
        if currency is not None and _currency(code) != currency:
            continue  # one offer's prices are in one currency: the first one's
        currency = _currency(code)
        quantity = spec.get("referenceQuantity")
        reference = to_decimal(quantity.get("value")) if isinstance(quantity, dict) else None
        tokens = int(reference) if reference and reference > 0 else scale_of(label) or 10**6
        prices[role] = tidy(amount) if role == "request" else per_million(amount, tokens)
    return currency


def _read_ld_properties(item: dict[str, Any], found: Found) -> None:
    properties = item.get("additionalProperty")
    for prop in properties if isinstance(properties, list) else []:
        if not isinstance(prop, dict):
            continue
        name = (_text(prop.get("name")) or "").lower()
        value = prop.get("value")
        if "context" in name and found.context_length is None:
            found.context_length = _count(value)
        elif "output" in name and found.max_output_tokens is None:
            found.max_output_tokens = _count(value)
        elif "release" in name and found.released is None:
            found.released = date_from_json(value)
        elif "model" in name and "id" in name and found.model is None:
            found.model = _text(value)


def _first_count(node: dict[str, Any], keys: tuple[str, ...]) -> int | None:
    return next((c for k in keys if (c := _count(node.get(k)))), None)


def _count(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return plausible_context(int(value))
    text = str(value)
    return plausible_context(parse_token_count(text)) if len(text) <= 20 else None


def _is_id(value: object) -> bool:
    return (
        isinstance(value, str)
        and 1 < len(value) <= 120
        and " " not in value
        and bool(re.search(r"[a-z]", value))
        and not _HEX_ID.match(value)
        and not value.startswith(("http://", "https://", "$"))
    )


def _looks_like_id(value: str) -> bool:
    """A name that reads as an id rather than a display name: a path or a lowercase slug with a digit."""
    return "/" in value or (value == value.lower() and "-" in value and any(c.isdigit() for c in value))


def _text(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("value") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None
