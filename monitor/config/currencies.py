"""``[currencies]``: what a unit of another currency is worth in USD, so the recommender can compare offers
priced in it (EigenAI's credits) with the others.

    [currencies]
    credits = { provider = "EigenAI", usd = 1.0 }     # EigenAI's credits: 1.0 USD each
    eur = { usd = 1.08 }                              # any provider's euros
    points = [{ provider = "A", usd = 0.01 }, { provider = "B", usd = 0.02 }]

A currency's name is matched case-insensitively; `provider` (any spelling of the name) limits the rate to
that provider's offers, and a provider's own rate comes before a general one. An offer in a currency
without a rate is ranked apart, as before. Unknown keys and bad values name the key.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field, model_validator

from db.recommend.cost import Rate
from monitor.config.errors import KeyedError
from monitor.config.values import STRICT

_CURRENCY = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_KEYS = ("provider", "usd")


class CurrencyRate(BaseModel):
    """One rate: `currency` to USD, for one provider's offers or any (None)."""

    model_config = STRICT

    currency: str
    usd: float
    provider: str | None = None

    def rate(self) -> Rate:
        return Rate(currency=self.currency, usd=Decimal(str(self.usd)), provider=self.provider)


class Currencies(BaseModel):
    """``[currencies]``: every configured rate (`rates`), read from ``name = { provider, usd }`` keys."""

    model_config = STRICT

    rates: tuple[CurrencyRate, ...] = Field(default=())

    @model_validator(mode="before")
    @classmethod
    def _from_table(cls, data: Any) -> Any:
        if isinstance(data, dict) and set(data) <= {"rates"} and _built(data.get("rates", ())):
            return data  # built in code: Currencies(rates=(...))
        if not isinstance(data, dict):
            raise ValueError("must be a table")
        rates: list[CurrencyRate] = []
        for name, value in data.items():
            if not _CURRENCY.fullmatch(name):
                raise KeyedError((name,), f"invalid currency name {name!r} (letters, digits, '.', '_', '-')")
            if isinstance(value, dict):
                rates.append(_rate(name, value, (name,)))
            elif isinstance(value, list) and value:
                rates.extend(_rate(name, item, (name, i)) for i, item in enumerate(value))
            else:
                raise KeyedError((name,), "must be a table { provider = ..., usd = ... } or an array of them")
        return {"rates": tuple(rates)}

    def to_rates(self) -> tuple[Rate, ...]:
        """The rates as the recommender takes them (`db.recommend.cost.Rate`)."""
        return tuple(r.rate() for r in self.rates)


def _built(items: Any) -> bool:
    return isinstance(items, list | tuple) and all(isinstance(item, CurrencyRate) for item in items)


def _rate(name: str, value: Any, key: tuple[str | int, ...]) -> CurrencyRate:
    if not isinstance(value, dict):
        raise KeyedError(key, "must be a table { provider = ..., usd = ... }")
    for unknown in value:
        if unknown not in _KEYS:
            raise KeyedError((*key, unknown), "unknown key (expected provider, usd)")
    usd = value.get("usd")
    if usd is None:
        raise KeyedError((*key, "usd"), "required key missing (what one unit is worth in USD)")
    if isinstance(usd, bool) or not isinstance(usd, int | float) or not math.isfinite(usd) or usd <= 0:
        raise KeyedError((*key, "usd"), f"must be a number above 0 (USD per unit), not {usd!r}")
    provider = value.get("provider")
    if provider is not None and (not isinstance(provider, str) or not provider.strip()):
        raise KeyedError((*key, "provider"), "must be a provider's name")
    return CurrencyRate(currency=name, usd=float(usd), provider=provider.strip() if provider else None)
