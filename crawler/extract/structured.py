"""Model facts from a page's structured data: schema.org JSON-LD and embedded JSON (``__NEXT_DATA__``,
``application/json`` blobs).

JSON-LD: a Product/SoftwareApplication/WebAPI/Service with ``offers`` (``Offer`` or
``UnitPriceSpecification`` with ``unitText``/``referenceQuantity``) and ``additionalProperty``.
Embedded JSON: any object with a model id and a pricing or context key. Price keys name their unit where
they can (``input_price_per_million``, ``input_cost_per_token``); a ``pricing`` object with ``prompt``/
``completion`` keys is OpenRouter's shape, per token; otherwise values all below 0.001 are taken as per
token and the rest as per 1M tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from crawler.extract.prices import per_million, role_of, scale_of
from crawler.extract.quantities import date_from_json, parse_token_count, plausible_context, tidy, to_decimal

_LD_TYPES = {"product", "softwareapplication", "webapplication", "webapi", "service", "aimodel"}
_ID_KEYS = ("model_id", "modelId", "slug", "id", "model", "sku", "productID")
_NAME_KEYS = ("display_name", "displayName", "name", "title")
_CONTEXT_KEYS: tuple[str, ...] = ("context_length", "contextLength", "context_window", "contextWindow")
_CONTEXT_KEYS += ("max_context_length", "maxContextLength", "max_model_len", "context_size", "context")
_OUTPUT_KEYS: tuple[str, ...] = (
    "max_completion_tokens",
    "max_output_tokens",
    "maxOutputTokens",
    "max_output_length",
)
_OUTPUT_KEYS += ("output_token_limit", "maxCompletionTokens")
_PRICE_DICTS = ("pricing", "prices", "price", "cost")
_PARAM_KEYS = ("supported_parameters", "supportedParameters", "parameters")
_DATE_KEYS = ("release_date", "releaseDate", "released", "launch_date", "created", "created_at", "createdAt")
_MAX_NODES = 200_000


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
                found.currency = _read_ld_offer(offer, prices) or found.currency
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


def read_json_records(blobs: list[Any]) -> list[Found]:
    """Every object in the embedded JSON that names a model and gives a price or a context length."""
    records: list[Found] = []
    stack: list[Any] = list(blobs)
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop(0)
        seen += 1
        if isinstance(node, dict):
            found = _read_record(node)
            if found is not None and found.model not in {r.model for r in records}:
                records.append(found)
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, dict | list))
    return records


def _read_record(node: dict[str, Any]) -> Found | None:
    model = next((v for k in _ID_KEYS if _is_id(v := node.get(k))), None)
    if model is None:
        return None
    found = Found(model=str(model))
    found.name = next((str(node[k]) for k in _NAME_KEYS if isinstance(node.get(k), str)), None)
    found.context_length = _first_count(node, _CONTEXT_KEYS)
    top = node.get("top_provider")
    found.max_output_tokens = _first_count(node, _OUTPUT_KEYS) or (
        _first_count(top, _OUTPUT_KEYS) if isinstance(top, dict) else None
    )
    price_dict = next((node[k] for k in _PRICE_DICTS if isinstance(node.get(k), dict)), None)
    flat = {
        k: v for k, v in node.items() if re.search("price|cost", k, re.I) and not isinstance(v, dict | list)
    }
    found.pricing = _read_price_dict(price_dict if price_dict is not None else flat)
    if found.pricing is None and found.context_length is None:
        return None
    params: list[Any] = next((node[k] for k in _PARAM_KEYS if isinstance(node.get(k), list)), [])
    found.parameters = [p for p in params if isinstance(p, str)]
    found.released = next((d for k in _DATE_KEYS if (d := date_from_json(node.get(k)))), None)
    currency = str(node.get("currency") or (price_dict or {}).get("currency") or "USD")
    found.currency = "credits" if "credit" in currency.lower() else "USD"
    return found


def _read_price_dict(prices: dict[str, Any]) -> dict[str, Decimal] | None:
    raw: dict[str, tuple[Decimal, int | None]] = {}
    for key, value in prices.items():
        words = re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", key)
        role = role_of(words)
        amount = to_decimal(value)
        if role is None or amount is None or amount < 0 or role in raw:
            continue
        raw[role] = (amount, scale_of(words) or (1 if "token" in words.lower() else None))
    if not raw:
        return None
    token_values = [a for role, (a, s) in raw.items() if role != "request" and s is None and a > 0]
    openrouter = "prompt" in prices or "completion" in prices
    default = 1 if openrouter or (token_values and max(token_values) < Decimal("0.001")) else 10**6
    return {
        role: tidy(amount) if role == "request" else per_million(amount, scale or default)
        for role, (amount, scale) in raw.items()
    }


def _read_ld_offer(offer: dict[str, Any], prices: dict[str, Decimal]) -> str | None:
    specs = offer.get("priceSpecification")
    specs = [specs] if isinstance(specs, dict) else specs if isinstance(specs, list) else [offer]
    currency = None
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
        if code.upper() != "USD" and "credit" not in code.lower():
            continue
        currency = "credits" if "credit" in code.lower() else "USD"
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
    )


def _text(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("value") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None
