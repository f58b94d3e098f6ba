"""Prices in providers' own `/models` lists: USD per 1M tokens in, exact `Decimal` per 1M tokens out.

Pure. A price is read from its JSON value without float arithmetic: a decimal string as written
(``"0.28"``), an integer as is, and a float through its shortest round-trip text rounded to 15
significant digits, so DeepInfra's ``0.08000000000000002`` is 0.08 and ``2.9999999999999996`` is 3 (a
difference in the 16th digit is float formatting, never a price). ``0`` is free: these lists say so
where a model costs nothing. Anything else (``null``, ``"abc"``, ``"-1"``, a negative number, a
boolean, an object) is not a price: an `ExtractError` naming the key path, so the entry is kept as it
was instead of stored with a guessed or zero price.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

from crawler.extract.jsonfields import ExtractError

#: Significant digits a float price is rounded to (a double carries 15-17; the 16th is noise).
FLOAT_DIGITS = 15


def read_price(value: Any, *, where: str, scale: int = 0) -> Decimal:
    """The price at `where` as an exact `Decimal`, multiplied by 10**`scale` (Novita's integer prices are
    in 1/10,000 USD per 1M tokens: ``scale=-4``); raises `ExtractError` when it is not a price."""
    number = _number(value)
    if number is None or number < 0:
        raise ExtractError(f"{where}: {_shown(value)} is not a price")
    return plain(number.scaleb(scale))


def read_optional_price(obj: dict[str, Any], key: str, *, where: str, scale: int = 0) -> Decimal | None:
    """An optional price (a cache price): absent or ``null`` is not published; present, it must be one."""
    if obj.get(key) is None:
        return None
    return read_price(obj[key], where=f"{where}.{key}", scale=scale)


def plain(value: Decimal) -> Decimal:
    """Trailing zeros stripped without an exponent: 0.270000 -> 0.27, 1E+1 -> 10."""
    if value == 0:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = 60
        value = value.normalize()
        exponent = value.as_tuple().exponent
        return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def _number(value: Any) -> Decimal | None:
    """The value as a finite `Decimal`, or None when it is no number."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        number = Decimal(value.strip()) if isinstance(value, str) else Decimal(repr(value))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    if isinstance(value, float):
        with localcontext() as ctx:
            ctx.prec = FLOAT_DIGITS
            number = +number  # unary plus rounds to the context's precision
    return number


def _shown(value: Any) -> str:
    """A value as the body wrote it (JSON), cut to 40 characters, for messages."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
