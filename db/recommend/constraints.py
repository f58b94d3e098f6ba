"""The recommender's constraints beyond limits and prices: quality indices, the quantization order,
providers in or out, currency rates. Pure data and small checks; `db.recommend.ranking` applies them.

- **Quality**: `min_intelligence`, `min_coding`, `min_agentic` read the model's Artificial Analysis
  indices (0 to 100, `db.catalog.quality`); a model without the index is excluded, or kept and marked
  unrated when the job says `include_unrated`.
- **Quantization order**: fp32 > bf16 = fp16 > fp8 > int8 > fp6 > fp4 = int4. `min_quantization` excludes
  what ranks below it; an endpoint whose quantization is not published or not in the order is allowed
  and marked (beside the job's list of allowed ones, which excludes it).
- **Providers**: `only_providers` / `exclude_providers` match any spelling of a provider's name
  (`db.catalog.provider_names.provider_key`: ``deepinfra``, ``Deep Infra``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from db.catalog.provider_names import provider_key
from db.catalog.quality import AGENTIC, CODING, INTELLIGENCE
from db.recommend.cost import Rate

#: Each quantization's place in the order (higher is closer to the full weights).
QUANTIZATION_RANK: dict[str, int] = {
    "fp32": 7,
    "bf16": 6,
    "fp16": 6,
    "fp8": 5,
    "int8": 4,
    "fp6": 3,
    "fp4": 2,
    "int4": 2,
}
QUANTIZATIONS: tuple[str, ...] = tuple(QUANTIZATION_RANK)

#: The job's quality constraints: parameter -> (index name, how it reads in a sentence).
QUALITY_PARAMETERS: dict[str, tuple[str, str]] = {
    "min_intelligence": (INTELLIGENCE, "intelligence index"),
    "min_coding": (CODING, "coding index"),
    "min_agentic": (AGENTIC, "agentic index"),
}
INDEX_RANGE = (0.0, 100.0)


def quantization_rank(quantization: str | None) -> int | None:
    """The place of `quantization` in the order; None when not published or not in it (``unknown``)."""
    if quantization is None:
        return None
    return QUANTIZATION_RANK.get(quantization.strip().casefold())


@lru_cache(maxsize=4096)
def provider_of(name: str) -> str:
    """The key every spelling of a provider's name shares (cached: a ranking asks once per endpoint)."""
    return provider_key(name)


def provider_keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(provider_of(name) for name in names if name.strip())


@dataclass(frozen=True)
class Rates:
    """Currency rates to USD by currency (case-insensitive); a provider's own rate before the general one."""

    rates: tuple[Rate, ...] = ()

    def __post_init__(self) -> None:
        by: dict[tuple[str, str | None], Rate] = {}
        for rate in self.rates:
            key = (rate.currency.casefold(), provider_of(rate.provider) if rate.provider else None)
            by.setdefault(key, rate)
        object.__setattr__(self, "_by", by)

    def of(self, currency: str, provider: str, stated: Decimal | None = None) -> Rate | None:
        """The rate `provider`'s offers in `currency` convert at: the configured one, else the one its page
        states (`stated`, the USD value of one unit: `Prices.usd_rate`); None: no rate."""
        by: Mapping[tuple[str, str | None], Rate] = self._by  # type: ignore[attr-defined]
        if by:
            key = currency.casefold()
            configured = by.get((key, provider_of(provider))) or by.get((key, None))
            if configured is not None:
                return configured
        if stated is None or stated <= 0:
            return None
        return Rate(currency, stated, provider, stated=True)

    def __bool__(self) -> bool:
        return bool(self.rates)
