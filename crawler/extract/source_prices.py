"""Prices read from the numbers of JSON sources (models.dev, LiteLLM, providers' ``/models``): exact decimals.

A price arrives as a JSON number (parsed as `Decimal` from its text, never through float arithmetic) or a
decimal string, and leaves as a `Decimal` rounded to 15 significant digits: the digits a float carries, so
float noise (``2.9999900000000002e-06`` per token) drops away (2.99999 per 1M) and two spellings of one
float (``0.08333333333333334``, ``0.0833333333333333``) give one price.

`None` (JSON null, or the key left out) is "not published". Anything else that is not a finite number >= 0
(``"abc"``, ``"-1"``, ``-0.5``, ``true``, an object) raises `ExtractError` naming the key path: the caller
skips that entry with a problem, so a bad value is never stored, and never as 0.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

from crawler.extract.jsonfields import ExtractError, short

#: Significant digits of a float: what is beyond them is float formatting, not a price.
SIGNIFICANT_DIGITS = 15


def price(value: Any, *, where: str, scale: int = 0) -> Decimal | None:
    """The price at `where` times ``10**scale`` (6 turns per token into per 1M, -4 Novita's 1/10,000 USD),
    or None if null."""
    if value is None:
        return None
    number = _decimal(value, where=where)
    if number < 0:
        raise ExtractError(f"{where}: {_shown(value)} is negative, not a price")
    return plain(number, scale=scale)


def required_price(value: Any, *, where: str, scale: int = 0) -> Decimal:
    """A price that must be there (a list's input and output prices): null or missing is a problem too."""
    found = price(value, where=where, scale=scale)
    if found is None:
        raise ExtractError(f"{where}: no price (null or missing)")
    return found


def optional_price(obj: dict[str, Any], key: str, *, where: str, scale: int = 0) -> Decimal | None:
    """A price that may be left out (a cache price): absent or null is not published; given, a price."""
    return price(obj.get(key), where=f"{where}.{key}", scale=scale)


def plain(value: Decimal, *, scale: int = 0) -> Decimal:
    """`value` times ``10**scale``, to 15 significant digits, without trailing zeros or an exponent."""
    if value == 0:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = SIGNIFICANT_DIGITS
        value = (+value.scaleb(scale)).normalize()  # unary plus rounds to the context's precision
        exponent = value.as_tuple().exponent
        return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def text(value: Decimal | None) -> str | None:
    """A price as the decimal string tiers (`Pricing.overrides`) hold: ``"2.5"``."""
    return None if value is None else format(value, "f")


def _shown(value: Any) -> str:
    """A value as the document wrote it: a JSON number read as `Decimal` shows as its text."""
    return str(value) if isinstance(value, Decimal) else short(value)


def _decimal(value: Any, *, where: str) -> Decimal:
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))  # repr is the shortest text that reads back as this float
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ExtractError(f"{where}: {short(value)} is not a number") from None
    else:
        raise ExtractError(f"{where}: {short(value)} is not a number")
    if not number.is_finite():
        raise ExtractError(f"{where}: {short(value)} is not a number")
    return number
