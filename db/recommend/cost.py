"""What one request costs at an endpoint's prices: token prices, cache prices, request fee, tiers.

Pure functions over `Prices` (no I/O). Uncached input tokens pay the input price, cached input tokens
`cache_read` and cache-written ones `cache_write` (the input price where no cache price is published,
with a note), output tokens the output price, plus the per-request fee. A price tier (`overrides`, e.g.
a model's prices above 200K prompt tokens) applies to the whole request when the prompt has at least its
`min_prompt_tokens`; of several, the highest threshold reached wins, and its prices replace the base
prices it names. Per month is per request x the workload's requests a month (`requests_per_month` when
given, else requests per day x 30; the default workload is 1,000 requests a day, 30,000 a month).

Another currency converts to USD at a configured rate (`Rate`: ``[currencies] credits = { provider =
"EigenAI", usd = 1.0 }``), else at the rate the provider's page states: `in_usd` gives the cost in USD
with a note saying the rate used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from db.catalog.state import Prices

MILLION = Decimal(1_000_000)
DAYS_PER_MONTH = 30
_TOKEN_PRICES = ("input", "output", "cache_read", "cache_write", "request")


@dataclass(frozen=True)
class Workload:
    """What one job asks of an endpoint: tokens per request and requests per day."""

    input_tokens: int = 1000
    output_tokens: int = 1000
    requests_per_day: int = 1000
    cached_input_tokens: int = 0  # of input_tokens, read from the provider's prompt cache
    cache_write_tokens: int = 0  # of input_tokens, written to the prompt cache
    requests_per_month: int | None = None  # None: requests_per_day x 30

    def __post_init__(self) -> None:
        for name in ("input_tokens", "output_tokens", "requests_per_day", "cached_input_tokens"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.requests_per_month is not None and self.requests_per_month < 0:
            raise ValueError("requests_per_month must not be negative")
        if self.cache_write_tokens < 0:
            raise ValueError("cache_write_tokens must not be negative")
        if self.cached_input_tokens + self.cache_write_tokens > self.input_tokens:
            raise ValueError(
                "cached_input_tokens + cache_write_tokens must not exceed input_tokens "
                f"({self.cached_input_tokens} + {self.cache_write_tokens} > {self.input_tokens})"
            )

    @property
    def monthly_requests(self) -> int:
        """Requests a month: `requests_per_month` when given, else requests per day x 30."""
        if self.requests_per_month is not None:
            return self.requests_per_month
        return self.requests_per_day * DAYS_PER_MONTH


@dataclass(frozen=True)
class Rate:
    """What one unit of `currency` is worth in USD, for one provider's offers (None: any provider's);
    `stated`: the rate the provider's page states (`Prices.usd_rate`), not a configured one."""

    currency: str
    usd: Decimal
    provider: str | None = None
    stated: bool = False

    @property
    def text(self) -> str:
        """How the answer says it: ``credits at 1.0 USD`` (``..., as the provider's page states``)."""
        said = f"{self.currency} at {self.usd} USD"
        return f"{said}, as the provider's page states" if self.stated else said


#: The environment variable that hands the configured rates (`[currencies]`) to the dashboard's process.
RATES_ENV = "MODELWATCH_CURRENCY_RATES"


def rates_text(rates: Iterable[Rate]) -> str:
    """Rates as JSON, for `RATES_ENV`."""
    return json.dumps([{"currency": r.currency, "usd": str(r.usd), "provider": r.provider} for r in rates])


def rates_from_text(text: str | None) -> tuple[Rate, ...]:
    """The rates `rates_text` wrote; none when `text` is empty or not such JSON."""
    try:
        items = json.loads(text) if text else []
        return tuple(Rate(str(i["currency"]), Decimal(str(i["usd"])), i.get("provider")) for i in items)
    except (ValueError, TypeError, KeyError, InvalidOperation):
        return ()


@dataclass(frozen=True)
class Cost:
    """What one request costs, in the endpoint's currency."""

    per_request: Decimal
    per_month: Decimal
    currency: str
    tier: int | None = None  # min_prompt_tokens of the price tier applied; None: base prices
    parts: dict[str, Decimal] = field(default_factory=dict)  # input, cache_read, cache_write, output, request
    notes: tuple[str, ...] = ()
    rate: Rate | None = None  # set when converted from another currency (`in_usd`)


def request_cost(prices: Prices, workload: Workload) -> Cost | None:
    """What one request of `workload` costs at `prices`; None when input or output is not published."""
    return PreparedPrices(prices).cost(workload)


class PreparedPrices:
    """`prices` read once for many workloads: each tier's threshold and prices parsed, the notes on tiers
    not understood written (`request_cost` over a whole catalog, for one job after another)."""

    __slots__ = ("currency", "base", "tiers", "ignored")

    def __init__(self, prices: Prices) -> None:
        self.currency = prices.currency
        self.base: dict[str, Decimal | None] = {name: getattr(prices, name) for name in _TOKEN_PRICES}
        tiers: list[tuple[int, dict[str, Decimal | None]]] = []
        ignored: list[str] = []
        for item in prices.overrides:
            threshold = tier_threshold(item)
            if threshold is None:
                ignored.append(f"a price tier with a condition not understood was ignored: {_short(item)}")
                continue
            values = dict(self.base)
            for name in _TOKEN_PRICES:
                price = _decimal(item.get(name))
                if price is not None:
                    values[name] = price
            tiers.append((threshold, values))
        self.tiers = tuple(tiers)
        self.ignored = tuple(ignored)

    def tier(self, prompt_tokens: int) -> tuple[int | None, dict[str, Decimal | None], tuple[str, ...]]:
        """As `price_tier`: (the tier's threshold or None, the prices paid, notes)."""
        best: tuple[int, dict[str, Decimal | None]] | None = None
        for threshold, values in self.tiers:
            if prompt_tokens >= threshold and (best is None or threshold > best[0]):
                best = (threshold, values)
        if best is None:
            return None, self.base, self.ignored
        note = f"prompt of {prompt_tokens} tokens: the tier from {best[0]} prompt tokens applies"
        return best[0], best[1], (*self.ignored, note)

    def cost(self, workload: Workload) -> Cost | None:
        """What one request of `workload` costs (`request_cost`)."""
        tier, values, tier_notes = self.tier(workload.input_tokens)
        input_price, output_price = values["input"], values["output"]
        if input_price is None or output_price is None:
            return None
        notes = list(tier_notes)
        cached, written = workload.cached_input_tokens, workload.cache_write_tokens
        read_price = values["cache_read"]
        if cached and read_price is None:
            read_price = input_price
            notes.append("no cache-read price published: cached tokens at the input price")
        write_price = values["cache_write"]
        if written and write_price is None:
            write_price = input_price
            notes.append("no cache-write price published: cache writes at the input price")
        uncached = workload.input_tokens - cached - written
        parts = {
            "input": uncached * input_price / MILLION,
            "cache_read": cached * (read_price or 0) / MILLION,
            "cache_write": written * (write_price or 0) / MILLION,
            "output": workload.output_tokens * output_price / MILLION,
            "request": values["request"] or Decimal(0),
        }
        per_request = sum(parts.values(), Decimal(0))
        per_month = per_request * workload.monthly_requests
        return Cost(
            per_request=per_request,
            per_month=per_month,
            currency=self.currency,
            tier=tier,
            parts=parts,
            notes=tuple(notes),
        )


def in_usd(cost: Cost, rate: Rate) -> Cost:
    """`cost` (in `rate.currency`) in USD at `rate`, saying so in a note."""
    return Cost(
        per_request=cost.per_request * rate.usd,
        per_month=cost.per_month * rate.usd,
        currency="USD",
        tier=cost.tier,
        parts={name: value * rate.usd for name, value in cost.parts.items()},
        notes=(*cost.notes, f"priced in {rate.text}"),
        rate=rate,
    )


def price_tier(
    prices: Prices, prompt_tokens: int
) -> tuple[int | None, dict[str, Decimal | None], tuple[str, ...]]:
    """The prices a prompt of `prompt_tokens` pays: (the tier's threshold or None, prices, notes)."""
    values: dict[str, Decimal | None] = {name: getattr(prices, name) for name in _TOKEN_PRICES}
    best: tuple[int, Mapping[str, Any]] | None = None
    notes: list[str] = []
    for item in prices.overrides:
        threshold = tier_threshold(item)
        if threshold is None:
            notes.append(f"a price tier with a condition not understood was ignored: {_short(item)}")
            continue
        if prompt_tokens >= threshold and (best is None or threshold > best[0]):
            best = (threshold, item)
    if best is None:
        return None, values, tuple(notes)
    threshold, tier = best
    for name in _TOKEN_PRICES:
        price = _decimal(tier.get(name))
        if price is not None:
            values[name] = price
    notes.append(f"prompt of {prompt_tokens} tokens: the tier from {threshold} prompt tokens applies")
    return threshold, values, tuple(notes)


def tier_threshold(item: Mapping[str, Any]) -> int | None:
    """The prompt size from which a tier applies (`min_prompt_tokens`, or under `condition`)."""
    condition = item.get("condition")
    raw = item.get("min_prompt_tokens")
    if raw is None and isinstance(condition, Mapping):
        raw = condition.get("min_prompt_tokens")
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        return int(Decimal(str(raw)))
    except (InvalidOperation, ValueError):
        return None


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _short(item: Mapping[str, Any]) -> str:
    text = repr(dict(item))
    return text if len(text) <= 80 else text[:77] + "..."
