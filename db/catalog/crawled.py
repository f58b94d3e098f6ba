"""What a crawl hands to the store: plain, typed data with no database in it.

Spiders and extractors build these; `db.catalog.ingest` turns a run's worth of them into rows. Money is
`Decimal` per 1M tokens; `None` means "not published", `Decimal(0)` means free. Times are aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from db.types import clean_price

# Price fields of an offer, in the order they are shown. `input`/`output` are per 1M tokens,
# `request` is per request, `image` per image, `web_search` per search: all as published.
PRICE_FIELDS: tuple[str, ...] = (
    "input",
    "output",
    "cache_read",
    "cache_write",
    "request",
    "image",
    "web_search",
    "internal_reasoning",
    "audio",
)
# Surcharges: a zero surcharge and an unpublished one cost the same, so a change between the two
# (OpenRouter's 2026 shape leaves zero keys out) is not a price change.
SURCHARGE_FIELDS: frozenset[str] = frozenset(
    {"request", "image", "web_search", "internal_reasoning", "audio"}
)


@dataclass(frozen=True)
class Pricing:
    """One offer's prices. Token prices per 1M tokens."""

    input: Decimal | None = None
    output: Decimal | None = None
    cache_read: Decimal | None = None
    cache_write: Decimal | None = None
    request: Decimal | None = None
    image: Decimal | None = None
    web_search: Decimal | None = None
    internal_reasoning: Decimal | None = None
    audio: Decimal | None = None
    currency: str = "USD"
    discount: Decimal | None = None
    # Tiered prices (e.g. above 200K prompt tokens), kept as published but with token prices
    # converted to per-1M decimal strings.
    overrides: list[dict[str, Any]] | None = None
    # The USD value of one unit of `currency` as the provider's page states it (``1 credit = $1.00``);
    # None: not stated. Kept with the prices (a changed rate is a new price period), never a price itself.
    usd_rate: Decimal | None = None

    def __post_init__(self) -> None:
        # Float noise is never a price: every source's values are cleaned here, once (db.types.clean_price).
        for name in (*PRICE_FIELDS, "discount"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, clean_price(value))
        if self.overrides is not None:
            object.__setattr__(self, "overrides", clean_overrides(self.overrides))
        if self.usd_rate is not None:
            object.__setattr__(self, "usd_rate", clean_price(self.usd_rate))

    def values(self) -> dict[str, Decimal | None]:
        return {name: getattr(self, name) for name in PRICE_FIELDS}

    def is_empty(self) -> bool:
        return all(v is None for v in self.values().values())


def clean_overrides(overrides: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tiers with their per-1M price strings cleaned (`clean_price`), nested tiers too; the rest as is."""
    return [_clean_tier(tier) if isinstance(tier, dict) else tier for tier in overrides]


def _clean_tier(tier: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in tier.items():
        if isinstance(value, dict):
            out[key] = _clean_tier(value)
        elif key in PRICE_FIELDS and isinstance(value, str):
            out[key] = _clean_text(value)
        else:
            out[key] = value
    return out


def _clean_text(text: str) -> str:
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text  # not a number: kept as published
    return format(clean_price(number), "f") if number.is_finite() else text


@dataclass(frozen=True)
class ReportedStats:
    """What an aggregator reports about an endpoint (never mixed with our own probes)."""

    source: str
    uptime_5m: float | None = None
    uptime_30m: float | None = None
    uptime_1d: float | None = None
    latency_30m: dict[str, float] | None = None  # time to first token, ms: p50/p75/p90/p99
    throughput_30m: dict[str, float] | None = None  # tokens/s: p50/p75/p90/p99
    status: int | None = None


@dataclass(frozen=True)
class ProviderIn:
    name: str
    slug: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class QualityFact:
    """One quality measure of a model as a source publishes it: who measured it (`publisher`, e.g.
    ``artificial_analysis``), what (`name`: ``intelligence_index``, ``design_arena:website``), the value."""

    publisher: str
    name: str
    value: float


@dataclass(frozen=True)
class ModelIn:
    """A model as a source describes it. `id` is the canonical id (OpenRouter's where one exists)."""

    id: str
    name: str | None = None
    description: str | None = None
    context_length: int | None = None
    released: date | None = None
    input_modalities: tuple[str, ...] = ()
    output_modalities: tuple[str, ...] = ()
    hugging_face_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: the quality facts the source publishes for it (`db.catalog.quality`); None: the source says nothing
    #: of quality here (or could not be read), so what is stored stays; (): it publishes none now
    quality: tuple[QualityFact, ...] | None = None


@dataclass(frozen=True)
class EndpointIn:
    """One provider serving one model at one URL with one protocol.

    `model` is the canonical model id; `provider_model_id` is the id the provider uses. `tag` is
    OpenRouter's provider tag (e.g. ``deepinfra/fp4``) for endpoints behind OpenRouter.
    """

    provider: str
    model: str
    provider_model_id: str
    url: str
    protocol: str = "openai"
    tag: str | None = None
    name: str | None = None
    context_length: int | None = None
    max_output_tokens: int | None = None
    max_prompt_tokens: int | None = None
    quantization: str | None = None
    parameters: tuple[str, ...] = ()
    parameter_defaults: dict[str, Any] = field(default_factory=dict)
    pricing: Pricing | None = None
    released: date | None = None
    page_url: str | None = None
    reported: ReportedStats | None = None
    #: where each value was read on a page: {field: {where, snippet, method, confidence}}; None for APIs
    evidence: dict[str, Any] | None = None

    @property
    def key(self) -> str:
        """The endpoint's identity across crawls (the API URL may move, e.g. a replica's port)."""
        return "|".join((self.provider, self.provider_model_id, self.tag or "", self.protocol))


@dataclass(frozen=True)
class Problem:
    """Something that went wrong in a crawl: it becomes a `CrawlProblem` row, never a row of zeros."""

    kind: str  # http_error, timeout, connect, malformed_json, malformed_html, too_large, layout_changed, ...
    message: str
    url: str | None = None
    # Problems that mean "our parser no longer understands this page/API" (layout_changed,
    # malformed_json on a 200) raise one `parser_broken` change while they last.
    parser: bool = False
    # A warning is recorded but neither makes the run partial nor holds back removals
    # (e.g. a source listing the same endpoint twice).
    warning: bool = False


@dataclass(frozen=True)
class Unread:
    """An endpoint a source still shows but could not read whole this run (a row of a pricing page whose
    price vanished). The store keeps its last values and does not remove it; if it is a known endpoint,
    that is a changed layout: a parser problem (`db.catalog.unread`)."""

    key: str  # `EndpointIn.key` of the endpoint as it would have been read
    label: str  # how the source shows it (the page's model id)
    url: str  # where: the page
    reason: str  # what was not found: "no price found"


@dataclass
class CrawlResult:
    """Everything one crawl of one source produced."""

    source: str
    started: datetime
    finished: datetime | None = None
    providers: list[ProviderIn] = field(default_factory=list)
    models: list[ModelIn] = field(default_factory=list)
    endpoints: list[EndpointIn] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    # Subjects (page or API URLs) that parsed cleanly this run: a parser breakage on them is over.
    parsed_ok: list[str] = field(default_factory=list)
    # True when the source's listing was read whole (every page/API call that lists endpoints
    # succeeded). Only a complete run may mark endpoints removed.
    complete: bool = True
    fatal: str | None = None  # set when nothing usable came back (every request failed)
    # Endpoints shown but not read whole this run: kept as they are, never removed.
    unread: list[Unread] = field(default_factory=list)
    #: the source's rank of authority: 0 first (a provider's own API or page, OpenRouter), then
    #: models.dev, then LiteLLM (`db.catalog.observations`; `[catalog] authority` reorders)
    authority: int = 0
    #: whether the source's model ids are canonical ids (OpenRouter's API), or providers' own ids to
    #: match to canonical ones (every other source: `db.catalog.upsert.upsert_models`)
    canonical_models: bool = True
