"""The shapes the catalog API answers with, for its OpenAPI document (`/openapi.json`).

Routes build their JSON with `api.render` (plain dicts, fast) and declare these models as their response
models, so the document says exactly what comes back; the schemathesis test checks that it does.
Money is a JSON number per 1M tokens (`request`, `image`, `web_search`: per unit, as published), in the
endpoint's `currency`; null means not published, 0 means free. Times are ISO 8601 in UTC.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["up", "down", "degraded", "unknown"]

_ENDPOINT_EXAMPLE: dict[str, Any] = {
    "id": 412,
    "provider": "DeepInfra",
    "model": "deepseek/deepseek-v3.1-terminus",
    "provider_model_id": "deepseek/deepseek-v3.1-terminus",
    "name": "DeepInfra | deepseek/deepseek-v3.1-terminus",
    "tag": "deepinfra/fp4",
    "url": "https://openrouter.ai/api/v1/chat/completions",
    "protocol": "openai",
    "page_url": None,
    "source": "openrouter",
    "quantization": "fp4",
    "context_length": 163840,
    "max_output_tokens": 32768,
    "max_prompt_tokens": None,
    "parameters": ["max_tokens", "reasoning", "response_format", "structured_outputs", "tools"],
    "pricing": {
        "input": 0.27,
        "output": 0.95,
        "cache_read": None,
        "cache_write": None,
        "request": None,
        "image": None,
        "web_search": None,
        "internal_reasoning": None,
        "audio": None,
        "discount": 0,
        "tiers": [],
    },
    "currency": "USD",
    "price_since": "2026-05-18T12:00:00Z",
    "status": "up",
    "uptime": {"1d": 100.0, "7d": 99.93, "30d": 99.9},
    "ttft_ms": {"p50": 640.0, "p90": 1410.0, "window": "7d"},
    "probe": "deepinfra-terminus",
    "reported": {
        "source": "openrouter",
        "at": "2026-05-18T12:00:00Z",
        "uptime": {"5m": 100.0, "30m": 100.0, "1d": 99.98},
        "latency_ms": {"p50": 752.0, "p75": 1142.25, "p90": 1828.0, "p99": 4855.49},
        "throughput": {"p50": 15.0, "p75": 20.0, "p90": 27.0, "p99": 45.37},
        "status": 0,
    },
    "first_seen": "2026-05-18T12:00:00Z",
    "last_seen": "2026-05-22T06:00:00Z",
    "removed_at": None,
    "sources": [
        {
            "source": "openrouter",
            "pricing": {"input": 0.27, "output": 0.95, "cache_read": None, "cache_write": None},
            "currency": "USD",
            "context_length": 163840,
            "max_output_tokens": 32768,
            "authority": 0,
            "seen": "2026-05-22T06:00:00Z",
            "since": "2026-05-18T12:00:00Z",
        },
        {
            "source": "modelsdev",
            "pricing": {"input": 0.27, "output": 1.0, "cache_read": None, "cache_write": None},
            "currency": "USD",
            "context_length": 163840,
            "max_output_tokens": 32768,
            "authority": 1,
            "seen": "2026-05-22T06:00:00Z",
            "since": "2026-05-19T06:00:00Z",
        },
    ],
    "disagreements": [
        {"field": "output", "values": {"openrouter": 0.95, "modelsdev": 1.0}, "since": "2026-05-19T06:00:00Z"}
    ],
}


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Pricing(_Out):
    """Prices per 1M tokens (`request`, `image`, `web_search` per unit); null: not published."""

    input: float | None
    output: float | None
    cache_read: float | None
    cache_write: float | None
    request: float | None = Field(description="per request")
    image: float | None = Field(description="per image")
    web_search: float | None = Field(description="per search")
    internal_reasoning: float | None
    audio: float | None
    discount: float | None
    tiers: list[dict[str, Any]] = Field(
        description="price tiers as published, e.g. {'min_prompt_tokens': 200000, 'input': 2.5}: from that "
        "prompt size the whole request pays the tier's prices"
    )
    usd_rate: float | None = Field(
        None,
        description="what one unit of the currency (credits) is worth in USD, as the provider's page states",
    )


class Uptime(_Out):
    """Our probes' uptime in percent per window (null: no counted samples)."""

    d1: float | None = Field(alias="1d")
    d7: float | None = Field(alias="7d")
    d30: float | None = Field(alias="30d")


class Ttft(_Out):
    """Our probes' time to first token, milliseconds."""

    p50: float | None
    p90: float | None
    window: str


class Reported(_Out):
    """What an aggregator reports about the endpoint (labelled by source, never mixed with ours)."""

    source: str
    at: str
    uptime: dict[str, float | None]
    latency_ms: dict[str, float] | None
    throughput: dict[str, float] | None
    status: int | None


class SourcePricing(_Out):
    """One source's token prices per 1M tokens; null: the source does not say."""

    input: float | None
    output: float | None
    cache_read: float | None
    cache_write: float | None


class SourcePublic(_Out):
    """What one source (a configured crawl source: the provider's own list, OpenRouter, models.dev,
    LiteLLM...) says of the endpoint now."""

    source: str
    pricing: SourcePricing
    currency: str
    context_length: int | None
    max_output_tokens: int | None
    authority: int = Field(description="its rank of authority: the lowest lists the current values")
    seen: str = Field(description="the last crawl of the source that listed the endpoint")
    since: str = Field(description="since when the source says these values")


#: The fields sources can disagree about (`db.catalog.sources_read.DISAGREEMENT_FIELDS`).
DisagreementField = Literal[
    "input", "output", "cache_read", "cache_write", "context_length", "max_output_tokens"
]


class EndpointDisagreement(_Out):
    """Sources that disagree about one field of the endpoint (beyond rounding and formatting)."""

    field: DisagreementField
    values: dict[str, float | int] = Field(
        description="each source's value: prices per 1M tokens, token counts as integers"
    )
    since: str


class EndpointPublic(_Out):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_ENDPOINT_EXAMPLE]})

    id: int
    provider: str
    model: str = Field(description="canonical model id")
    provider_model_id: str
    name: str | None
    tag: str | None = Field(description="the provider tag behind an aggregator, e.g. deepinfra/fp4")
    url: str
    protocol: str
    page_url: str | None
    source: str = Field(description="the crawl source it comes from")
    quantization: str | None
    context_length: int | None
    max_output_tokens: int | None
    max_prompt_tokens: int | None
    parameters: list[str]
    pricing: Pricing | None
    currency: str
    price_since: str | None
    status: Status = Field(description="our probes' verdict now; unknown when not probed")
    uptime: Uptime | None
    ttft_ms: Ttft | None
    probe: str | None = Field(description="the probe measuring it")
    reported: Reported | None
    first_seen: str
    last_seen: str
    removed_at: str | None
    sources: list[SourcePublic] = Field(description="every source's view of it, its `source` first")
    disagreements: list[EndpointDisagreement] = Field(description="open disagreements between its sources")


class EndpointList(_Out):
    data: list[EndpointPublic]
    total: int = Field(description="how many match, over all pages")
    limit: int
    offset: int


# -- issue 13: quality facts (model objects and ranked endpoints) -----------------------------------------
_QUALITY_EXAMPLE: dict[str, Any] = {
    "intelligence_index": {
        "value": 56.0,
        "publisher": "artificial_analysis",
        "source": "openrouter",
        "since": "2026-06-02T06:00:00Z",
    },
    "design_arena:website": {
        "value": 1186.0,
        "publisher": "design_arena",
        "source": "openrouter",
        "since": "2026-06-02T06:00:00Z",
    },
}


class QualityFactPublic(_Out):
    """One quality fact of a model (`db.catalog.quality`)."""

    value: float
    publisher: str = Field(description="who measured it: artificial_analysis, design_arena")
    source: str = Field(description="the crawl source that gave it: openrouter")
    since: str = Field(description="since when this value holds")


# -- end of issue 13's block ------------------------------------------------------------------------------


class ModelPublic(_Out):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": "deepseek/deepseek-v3.1-terminus",
                    "name": "DeepSeek: DeepSeek V3.1 Terminus",
                    "description": "DeepSeek-V3.1 Terminus is an update to DeepSeek V3.1 ...",
                    "context_length": 163840,
                    "released": "2025-09-22",
                    "hugging_face_id": "deepseek-ai/DeepSeek-V3.1-Terminus",
                    "input_modalities": ["text"],
                    "output_modalities": ["text"],
                    "endpoint_count": 5,
                    "providers": ["AtlasCloud", "DeepInfra", "Novita", "OpenRouter", "SiliconFlow"],
                    "first_seen": "2025-12-02T06:00:00Z",
                    "last_seen": "2026-05-22T06:00:00Z",
                    "quality": _QUALITY_EXAMPLE,
                }
            ]
        },
    )

    id: str = Field(description="canonical id")
    name: str | None
    description: str | None
    context_length: int | None
    released: str | None
    hugging_face_id: str | None
    input_modalities: list[str]
    output_modalities: list[str]
    endpoint_count: int = Field(description="active endpoints serving it")
    providers: list[str]
    first_seen: str
    last_seen: str
    quality: dict[str, QualityFactPublic] = Field(
        description="quality facts by name (intelligence_index, coding_index, agentic_index, "
        "design_arena:<category>...); {} when none is published"
    )


class ModelList(_Out):
    data: list[ModelPublic]
    total: int
    limit: int
    offset: int


class ModelDetail(ModelPublic):
    model_config = ConfigDict(extra="forbid", json_schema_extra=None)

    endpoints: list[EndpointPublic] = Field(description="its active endpoints, cheapest first")


class PricePeriodPublic(_Out):
    valid_from: str
    valid_to: str | None = Field(description="null: the current price")
    currency: str
    pricing: Pricing


class PriceList(_Out):
    endpoint_id: int
    data: list[PricePeriodPublic]
    total: int


class ProbePoint(_Out):
    at: str = Field(description="the sample's time, or the start of the bucket")
    count: int
    ok: int
    failures: int
    excluded: int = Field(description="rate limited or misconfigured: neither up nor down")
    maintenance: int
    uptime: float | None
    errors: dict[str, int]
    ttft_ms: float | None = Field(description="a sample's TTFT, or a bucket's mean")
    ttft_p50_ms: float | None
    ttft_p90_ms: float | None
    total_ms: float | None
    total_p50_ms: float | None
    total_p90_ms: float | None
    tokens_per_s: float | None
    error_class: str | None
    status: int | None


class ProbeSeries(_Out):
    endpoint_id: int
    probe: str | None = Field(description="the probe measuring it; null when none does")
    resolution: Literal["sample", "hour", "day"]
    start: str
    end: str
    data: list[ProbePoint]
    total: int


class ChangePublic(_Out):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "id": 77,
                    "at": "2026-05-22T06:00:00Z",
                    "kind": "price_up",
                    "model": "deepseek/deepseek-v3.1-terminus",
                    "provider": "OpenRouter",
                    "endpoint_id": 12,
                    "field": "input",
                    "old": "0.21",
                    "new": "0.27",
                    "percent": 28.57,
                    "source": "openrouter",
                    "subject": None,
                }
            ]
        },
    )

    id: int
    at: str
    kind: str
    model: str | None
    provider: str | None
    endpoint_id: int | None
    field: str | None
    old: str | None
    new: str | None
    percent: float | None
    source: str
    subject: str | None


class ChangeList(_Out):
    data: list[ChangePublic]
    total: int
    limit: int
    offset: int


class DisagreementPublic(EndpointDisagreement):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "endpoint_id": 412,
                    "provider": "DeepInfra",
                    "model": "z-ai/glm-4.7",
                    "provider_model_id": "zai-org/GLM-4.7",
                    "tag": None,
                    "field": "input",
                    "values": {"deepinfra": 1.05, "modelsdev": 1.4},
                    "since": "2026-05-19T06:00:00Z",
                    "updated_at": "2026-05-19T06:00:00Z",
                    "days": 3,
                    "current_source": "deepinfra",
                    "current_value": 1.05,
                    "currency": "USD",
                }
            ]
        },
    )

    endpoint_id: int
    provider: str
    model: str = Field(description="canonical model id")
    provider_model_id: str
    tag: str | None
    updated_at: str = Field(description="when the values last moved")
    days: int = Field(description="whole days open")
    current_source: str = Field(description="the source the endpoint's current values come from")
    current_value: float | int | None = Field(description="the endpoint's current value of the field")
    currency: str = Field(description="of the prices")


class DisagreementList(_Out):
    data: list[DisagreementPublic]
    total: int
    limit: int
    offset: int


class CostParts(_Out):
    input: float
    cache_read: float
    cache_write: float
    output: float
    request: float


_RANKED_EXAMPLE: dict[str, Any] = {
    **_ENDPOINT_EXAMPLE,
    "rank": 1,
    "quality": _QUALITY_EXAMPLE,
    "unrated": [],
    "cost_currency": "USD",
    "conversion": None,
    "why": "0.8 USD a month cheaper than Novita [novita/fp8]",
    "frontier": None,
    "cost_per_request": 0.00122,
    "cost_per_month": 36.6,
    "cost_breakdown": {"input": 0.00027, "cache_read": 0, "cache_write": 0, "output": 0.00095, "request": 0},
    "price_tier": None,
    "ttft_p90_ms": 1410.0,
    "ttft_source": "probe",
    "uptime_percent": 99.93,
    "uptime_window": "7d",
    "uptime_source": "probe",
    "measured": True,
    "notes": [],
}


class RankedEndpoint(EndpointPublic):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_RANKED_EXAMPLE]})

    rank: int
    quality: dict[str, QualityFactPublic] = Field(description="its model's quality facts")
    unrated: list[str] = Field(description="indices asked for that its model lacks (include_unrated)")
    cost_currency: str = Field(description="the costs' currency: USD where a configured rate converted them")
    conversion: str | None = Field(description="the rate used, e.g. 'credits at 1.0 USD'; null: none")
    why: str | None = Field(description="why it ranks before the next, e.g. '0.8 USD a month cheaper than X'")
    frontier: bool | None = Field(description="true on the Pareto frontier (frontier=true); null: not asked")
    cost_per_request: float = Field(description="in cost_currency")
    cost_per_month: float = Field(description="per request x requests_per_month")
    cost_breakdown: CostParts
    price_tier: int | None = Field(description="min_prompt_tokens of the price tier applied")
    ttft_p90_ms: float | None = Field(description="the TTFT judged: our probes' over 7 days, else reported")
    ttft_source: str | None
    uptime_percent: float | None
    uptime_window: str | None
    uptime_source: str | None
    measured: bool = Field(description="false: no TTFT or uptime figure at all (ranked, but unverified)")
    notes: list[str]


class ExcludedEndpoint(_Out):
    id: int
    provider: str
    model: str
    tag: str | None
    reason: str
    codes: list[str]


class Workload(_Out):
    input_tokens: int
    output_tokens: int
    requests_per_day: int
    cached_input_tokens: int
    cache_write_tokens: int
    requests_per_month: int = Field(description="requests_per_month, else requests_per_day x 30")


class Recommendation(_Out):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "model": "deepseek/deepseek-v3.1-terminus",
                    "workload": {
                        "input_tokens": 1000,
                        "output_tokens": 1000,
                        "requests_per_day": 1000,
                        "cached_input_tokens": 0,
                        "cache_write_tokens": 0,
                        "requests_per_month": 30000,
                    },
                    "data": [_RANKED_EXAMPLE],
                    "total": 3,
                    "frontier_axis": None,
                    "excluded_total": 1,
                    "excluded": [
                        {
                            "id": 410,
                            "provider": "Novita",
                            "model": "deepseek/deepseek-v3.1-terminus",
                            "tag": "novita/fp8",
                            "reason": "context 131072 < 150000 required",
                            "codes": ["context"],
                        }
                    ],
                }
            ]
        },
    )

    model: str | None = Field(description="the canonical id the model given resolved to")
    workload: Workload
    data: list[RankedEndpoint]
    total: int = Field(description="how many endpoints are ranked (data holds the first `limit`)")
    frontier_axis: str | None = Field(description="frontier=true: the axis (quality, ttft)")
    excluded: list[ExcludedEndpoint] = Field(description="the first `excluded_limit` left out, by name")
    excluded_total: int = Field(description="how many endpoints were left out")


class HealthCheck(_Out):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "status": "ok",
                    "database": {"ok": True},
                    "scheduler": {
                        "expected": True,
                        "ok": True,
                        "last_beat": "2026-05-22T12:00:05Z",
                        "age_s": 4.2,
                        "max_age_s": 120.0,
                    },
                    "catalog": {
                        "sources": {
                            "openrouter": {
                                "status": "ok",
                                "started": "2026-05-22T06:00:00Z",
                                "finished": "2026-05-22T06:00:04Z",
                            }
                        }
                    },
                }
            ]
        },
    )

    status: Literal["ok", "degraded", "fail"]
    database: dict[str, Any]
    scheduler: dict[str, Any]
    catalog: dict[str, Any]


class Accepted(_Out):
    accepted: bool
    action: Literal["crawl", "probe"]
    detail: dict[str, Any]


class Problem(_Out):
    detail: str


class ParameterError(_Out):
    parameter: str
    location: str
    message: str


class ValidationProblem(_Out):
    detail: str = Field(description="names the parameter, e.g. 'invalid parameter min_context: ...'")
    errors: list[ParameterError]


class UnmatchedPublic(_Out):
    """A provider's model id that no rule matched to a canonical model (`db.catalog.matching`): it
    stands as its own model until an alias (`[models.aliases]`) names its canonical id."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "provider": "EigenAI",
                    "provider_model_id": "deepseek-v31-terminus",
                    "endpoint_ids": [17],
                    "sources": ["eigenai"],
                    "candidates": ["deepseek/deepseek-v3.1-terminus", "deepseek/deepseek-chat-v3.1"],
                }
            ]
        },
    )

    provider: str
    provider_model_id: str
    endpoint_ids: list[int] = Field(description="its active endpoints")
    sources: list[str] = Field(description="the crawl sources listing it now")
    candidates: list[str] = Field(description="the nearest canonical ids, nearest first")


class UnmatchedList(_Out):
    data: list[UnmatchedPublic]
    total: int
    limit: int
    offset: int
