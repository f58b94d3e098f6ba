"""OpenRouter's ``pricing`` objects into `Pricing`: USD per token in, exact `Decimal` per 1M tokens out.

Prices arrive as USD per token (decimal strings, sometimes numbers) and leave as `Decimal` per 1M
tokens, converted exactly through their decimal text, never through float arithmetic. Which OpenRouter
price keys are per token and which per unit:

- per token, stored per 1M tokens: ``prompt`` (input), ``completion`` (output), ``input_cache_read``
  (cache_read), ``input_cache_write`` (cache_write), ``internal_reasoning``, ``audio``;
- per unit, stored as USD per unit as published: ``request`` (per request), ``image`` (per image),
  ``web_search`` (per search).

A negative price (``"-1"``, the ``openrouter/auto`` family) means "variable" and becomes ``None``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

from crawler.extract.jsonfields import ExtractError, short
from db.catalog.crawled import Pricing

# OpenRouter price key -> (Pricing field, per token?)
PRICE_KEYS: dict[str, tuple[str, bool]] = {
    "prompt": ("input", True),
    "completion": ("output", True),
    "input_cache_read": ("cache_read", True),
    "input_cache_write": ("cache_write", True),
    "internal_reasoning": ("internal_reasoning", True),
    "audio": ("audio", True),
    "request": ("request", False),
    "image": ("image", False),
    "web_search": ("web_search", False),
}


def price_per_million(value: str | int | float | None) -> Decimal | None:
    """Turn a per-token price (decimal string or number) into an exact `Decimal` per 1M tokens.

    ``None`` and negative prices (variable pricing) give ``None``; anything not a finite number raises
    `ExtractError`.
    """
    price = _decimal(value)
    return None if price is None else _normal(price, scale=6)


def parse_pricing(obj: dict[str, Any] | None, *, where: str) -> Pricing | None:
    """Turn an OpenRouter ``pricing`` object into `Pricing` (see the module docstring for units).

    ``where`` names the object in error messages (e.g. ``"models body: data[3].pricing"``). Keys left out
    (OpenRouter's 2026 shape omits zero prices) become ``None``; unknown keys are ignored.
    """
    if obj is None:
        return None
    if not isinstance(obj, dict):
        raise ExtractError(f"{where}: not an object: {obj!r}")
    values: dict[str, Any] = {}
    for key, (name, per_token) in PRICE_KEYS.items():
        values[name] = _price(obj.get(key), per_token=per_token, where=f"{where}.{key}")
    discount = obj.get("discount")
    if discount is not None:
        values["discount"] = _number(discount, where=f"{where}.discount")
    overrides = obj.get("overrides")
    if overrides is not None:
        if not isinstance(overrides, list):
            raise ExtractError(f"{where}.overrides: not a list: {overrides!r}")
        values["overrides"] = [
            _override(item, where=f"{where}.overrides[{i}]") for i, item in enumerate(overrides)
        ] or None
    return Pricing(**values)


def _decimal(value: Any) -> Decimal | None:
    """A price as published, or None for unpublished/variable (negative); raises if not a number."""
    if value is None:
        return None
    price = _finite(value)
    return None if price < 0 else price


def _finite(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ExtractError(f"not a number: {value!r}")
    try:
        # repr of a float is its shortest round-trip decimal text: 2.7e-07 -> "2.7e-07", exact.
        number = Decimal(value.strip() if isinstance(value, str) else repr(value))
    except InvalidOperation:
        raise ExtractError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise ExtractError(f"not a number: {value!r}")
    return number


def _normal(value: Decimal, *, scale: int = 0) -> Decimal:
    """Scale by 10**scale exactly, then strip trailing zeros without an exponent: 0.270000 -> 0.27."""
    if value == 0:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = 100  # exact for any price text a body can reasonably carry
        value = value.scaleb(scale).normalize()
        exponent = value.as_tuple().exponent
        return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def _price(value: Any, *, per_token: bool, where: str) -> Decimal | None:
    try:
        return price_per_million(value) if per_token else _maybe(_decimal(value))
    except ExtractError as exc:
        raise ExtractError(f"{where}: {exc}") from None


def _maybe(value: Decimal | None) -> Decimal | None:
    return None if value is None else _normal(value)


def _number(value: Any, *, where: str) -> Decimal:
    """A plain decimal (e.g. a discount, which may be negative)."""
    try:
        return _normal(_finite(value))
    except ExtractError as exc:
        raise ExtractError(f"{where}: {exc}") from None


def _override(item: Any, *, where: str) -> dict[str, Any]:
    """One tier: known price keys renamed to `Pricing` fields as decimal strings, the rest as-is."""
    if not isinstance(item, dict):
        raise ExtractError(f"{where}: not an object: {short(item)}")
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in PRICE_KEYS:
            name, per_token = PRICE_KEYS[key]
            price = _price(value, per_token=per_token, where=f"{where}.{key}")
            out[name] = None if price is None else format(price, "f")
        elif isinstance(value, dict):
            out[key] = _override(value, where=f"{where}.{key}")
        else:
            out[key] = value
    return out
