"""Column types that keep the data model's promises on every backend.

- `Money`: `Decimal` in, `Decimal` out. NUMERIC on PostgreSQL; on SQLite (which has no decimal type and
  would round-trip through float) the canonical decimal string, so no float ever touches a price.
- `UTCDateTime`: timezone-aware UTC in, aware UTC out (SQLite hands back naive datetimes).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
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
