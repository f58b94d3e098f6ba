"""An endpoint's current state as plain data: what the catalog API lists and the recommender ranks.

Built by `db.catalog.snapshot` from the tables (one row per active endpoint, with its open price period, the
aggregator's latest figures and our own probes' health); read by `db.recommend.ranking` (pure) and the API.
Money stays `Decimal` per 1M tokens (`request` per request, as published); times are aware UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.catalog.quality import Quality

#: Health windows our probes report uptime over.
UPTIME_WINDOWS: tuple[str, ...] = ("1d", "7d", "30d")
STATUSES: tuple[str, ...] = ("up", "down", "degraded", "unknown")


@dataclass(frozen=True)
class Prices:
    """The open price period of an endpoint (token prices per 1M tokens; `request` per request)."""

    currency: str
    since: datetime | None = None
    input: Decimal | None = None
    output: Decimal | None = None
    cache_read: Decimal | None = None
    cache_write: Decimal | None = None
    request: Decimal | None = None
    image: Decimal | None = None
    web_search: Decimal | None = None
    internal_reasoning: Decimal | None = None
    audio: Decimal | None = None
    discount: Decimal | None = None
    # One unit of `currency` in USD as the provider's page states it (``1 credit = $1.00``); None: not stated.
    usd_rate: Decimal | None = None
    # Tiers as published, token prices as per-1M decimal strings (see crawler.extract.openrouter_pricing).
    overrides: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Health:
    """What our own probes measured (never mixed with an aggregator's figures)."""

    status: str = "unknown"  # up, down, degraded, unknown
    uptime: dict[str, float | None] = field(default_factory=dict)  # percent per window (1d, 7d, 30d)
    ttft_p50_ms: float | None = None
    ttft_p90_ms: float | None = None
    probe: str | None = None  # the probe's configured name
    last_sample_at: datetime | None = None

    @property
    def measured(self) -> bool:
        return self.ttft_p90_ms is not None or any(v is not None for v in self.uptime.values())


@dataclass(frozen=True)
class Reported:
    """An aggregator's latest figures about an endpoint, labelled by source."""

    source: str
    at: datetime
    uptime_5m: float | None = None
    uptime_30m: float | None = None
    uptime_1d: float | None = None
    latency_30m: dict[str, float] | None = None  # TTFT in ms: p50, p75, p90, p99
    throughput_30m: dict[str, float] | None = None  # tokens/s
    status: int | None = None


@dataclass(frozen=True)
class SourceView:
    """One source's open observation of an endpoint (`db.models.Observation`): what that source says now.
    Token prices per 1M tokens (`request` per request); None: the source does not say."""

    source: str
    currency: str
    seen: datetime  # the last crawl of the source that listed it
    since: datetime  # since when the source says these values
    authority: int = 0  # 0 first: a provider's own API or page
    input: Decimal | None = None
    output: Decimal | None = None
    cache_read: Decimal | None = None
    cache_write: Decimal | None = None
    request: Decimal | None = None
    context_length: int | None = None
    max_output_tokens: int | None = None


@dataclass(frozen=True)
class SourceDisagreement:
    """An open disagreement of sources about one field of an endpoint (`db.models.Disagreement`):
    `values` by source, prices as `Decimal` per 1M tokens, token counts as `int`."""

    id: int
    endpoint_id: int
    field: str
    values: Mapping[str, Decimal | int]
    since: datetime
    updated_at: datetime


@dataclass(frozen=True)
class EndpointState:
    """One endpoint as it stands now."""

    id: int
    provider: str
    model: str  # canonical id
    provider_model_id: str
    source: str
    url: str
    protocol: str
    currency: str
    first_seen: datetime
    last_seen: datetime
    tag: str | None = None
    name: str | None = None
    page_url: str | None = None
    quantization: str | None = None
    context_length: int | None = None
    max_output_tokens: int | None = None
    max_prompt_tokens: int | None = None
    parameters: tuple[str, ...] = ()
    prices: Prices | None = None
    reported: Reported | None = None
    health: Health | None = None
    removed_at: datetime | None = None
    #: where a page source read each value: {field: {where, snippet, method, confidence}}; None for APIs
    evidence: Mapping[str, Any] | None = field(default=None, compare=False)
    #: every source's open view of it, the endpoint's own `source` first (`db.catalog.sources_read`)
    sources: tuple[SourceView, ...] = field(default=(), compare=False)
    #: the sources' open disagreements about it, by field
    disagreements: tuple[SourceDisagreement, ...] = field(default=(), compare=False)

    @property
    def status(self) -> str:
        return self.health.status if self.health is not None else "unknown"

    @property
    def label(self) -> str:
        """`Provider [tag]`, how people name an endpoint."""
        return f"{self.provider} [{self.tag}]" if self.tag else self.provider


@dataclass(frozen=True)
class ModelState:
    """A model of the catalog with a summary of who serves it now."""

    id: int
    canonical_id: str
    name: str | None
    description: str | None
    context_length: int | None
    released: date | None
    hugging_face_id: str | None
    input_modalities: tuple[str, ...]
    output_modalities: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime
    endpoints: int = 0
    providers: tuple[str, ...] = ()
    #: its open quality facts by name (`db.catalog.quality`: intelligence_index, design_arena:website...)
    quality: Mapping[str, Quality] = field(default_factory=dict, compare=False)
