"""Column types that keep the data model's promises on every backend.

- `clean_price` / `same_price`: a price as published minus float noise, and the one comparison of two prices
  (a difference in the 15th significant digit is float formatting, never a price change).
- `Money`: `Decimal` in, `Decimal` out. NUMERIC on PostgreSQL; on SQLite (which has no decimal type and
  would round-trip through float) the canonical decimal string, so no float ever touches a price.
- `UTCDateTime`: timezone-aware UTC in, aware UTC out (SQLite hands back naive datetimes).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import Any

from sqlalchemy import Numeric, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import DateTime, TypeDecorator, TypeEngine


def normalise_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros and exponents so equal prices compare and print equal ("0.27", not "2.7E-1")."""
    if value == 0:
        return Decimal(0)
    text = format(value.normalize(), "f")
    return Decimal(text)


#: Significant digits a price keeps: a double carries 15-17, so a 16th or 17th digit is float noise
#: (``0.08333333333333334`` and ``0.0833333333333333`` are one price).
PRICE_DIGITS = 15


def clean_price(value: Decimal) -> Decimal:
    """`value` rounded to `PRICE_DIGITS` significant digits (half-even), then `normalise_decimal`d.

    ``0.08333333333333334`` -> ``0.0833333333333333``; ``2.9999900000000002`` -> ``2.99999``; 0 stays 0.
    Idempotent: a clean price comes back unchanged.
    """
    if value == 0:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = PRICE_DIGITS
        ctx.rounding = ROUND_HALF_EVEN
        rounded = +value  # unary plus applies the context: rounds to PRICE_DIGITS significant digits
    return normalise_decimal(rounded)


def same_price(a: Decimal, b: Decimal) -> bool:
    """Whether two prices are one: equal once cleaned, or apart by one unit of their 15th digit.

    The unit's slack covers noise that straddles a rounding boundary (``0.45454545454545453`` cleans to
    ``...455``, its twin ``0.4545454545454545`` to ``...454``); a difference in the 14th digit or above
    is a change.
    """
    a, b = clean_price(a), clean_price(b)
    if a == b:
        return True
    if a == 0 or b == 0:
        return False  # free against a price is never noise
    largest = max(abs(a), abs(b))
    unit = Decimal(1).scaleb(largest.adjusted() - (PRICE_DIGITS - 1))
    return abs(a - b) <= unit


class Money(TypeDecorator[Decimal]):
    """An exact decimal amount (price per 1M tokens, per request...)."""

    # Unconstrained NUMERIC on PostgreSQL is exact at any scale: a fixed scale would round
    # published prices such as 0.08333333333333334 and make every re-crawl see a "change".
    impl = Numeric()
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"Money columns take Decimal, not {type(value).__name__}: {value!r}")
        value = normalise_decimal(value)
        return format(value, "f") if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return normalise_decimal(Decimal(str(value)) if not isinstance(value, Decimal) else value)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: times must be timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, aware UTC (the one clock the store reads when a caller gives none)."""
    return datetime.now(UTC)
