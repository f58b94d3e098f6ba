"""The query parameters of the busiest routes, each set as one pydantic model.

FastAPI validates a query model in one pydantic call, where separate parameters cost it a round of
type introspection each (a third of a millisecond for a dozen of them, on every request). The OpenAPI
document lists the fields as ordinary query parameters all the same.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, Field

from api.http import MAX_COUNT
from api.schemas import Status
from db.catalog.changes import CHANGE_KINDS
from db.catalog.listing import SORT_KEYS
from db.recommend.constraints import INDEX_RANGE, QUANTIZATIONS

TERMINUS = "deepseek/deepseek-v3.1-terminus"
Sort = Literal[
    "price", "-price", "input_price", "-input_price", "output_price", "-output_price", "context", "-context",
    "provider", "-provider", "model", "-model", "ttft", "-ttft", "uptime", "-uptime", "first_seen",
    "-first_seen", "last_seen", "-last_seen", "id", "-id",
]  # fmt: skip
assert {s.lstrip("-") for s in Sort.__args__} == set(SORT_KEYS)  # type: ignore[attr-defined]

#: The kinds of change events (`?kind=` of /api/v1/changes and its Atom feed); any other is a 422 naming them.
ChangeKind = Literal[
    "new_model", "new_endpoint", "endpoint_removed", "price_up", "price_down", "price_added",
    "price_removed", "context_changed", "parameters_changed", "endpoint_changed", "parser_broken",
    "parser_fixed", "sources_disagree", "sources_agree",
]  # fmt: skip
assert get_args(ChangeKind) == CHANGE_KINDS

#: The range of an index minimum, in the schema; the job checks it (a 422 naming the parameter and range)
_INDEX_RANGE: dict[str, Any] = {"minimum": INDEX_RANGE[0], "maximum": INDEX_RANGE[1]}
_MODEL = "canonical model id, a provider's model id, or a configured alias"


class EndpointFilters(BaseModel):
    model: str | None = Field(None, max_length=300, description=_MODEL, examples=[TERMINUS])
    provider: str | None = Field(None, max_length=200, description="provider name", examples=["DeepInfra"])
    min_context: int | None = Field(None, ge=0, le=MAX_COUNT, examples=[150000])
    param: list[str] | None = Field(
        None, description="required request parameters (repeat)", examples=[["tools"]]
    )
    max_input_price: float | None = Field(
        None, ge=0, allow_inf_nan=False, description="per 1M tokens", examples=[0.3]
    )
    max_output_price: float | None = Field(
        None, ge=0, allow_inf_nan=False, description="per 1M tokens", examples=[1.0]
    )
    quantization: list[str] | None = Field(None, description="allowed (repeat)", examples=[["fp8"]])
    status: list[Status] | None = Field(None, description="our probes' verdict (repeat)", examples=[["up"]])
    currency: str | None = Field(None, max_length=20, examples=["USD"])
    include_removed: bool = Field(False, description="also endpoints no longer listed", examples=[False])
    sort: Sort = Field(
        "price", description="order; '-' in front: descending; unknown values last", examples=["-context"]
    )
    limit: int = Field(100, ge=1, le=1000, description="page size (at most 1000)", examples=[20])
    offset: int = Field(0, ge=0, le=MAX_COUNT, description="items to skip", examples=[0])


class RecommendQuery(BaseModel):
    model: str | None = Field(
        None, max_length=300, description=_MODEL + "; default: any", examples=[TERMINUS]
    )
    min_context: int | None = Field(None, ge=0, le=MAX_COUNT, examples=[150000])
    param: list[str] | None = Field(
        None,
        description="required parameters (repeat): tools, structured_outputs, reasoning...",
        examples=[["tools"]],
    )
    input_tokens: int = Field(
        1000, ge=0, le=MAX_COUNT, description="prompt tokens per request", examples=[4000]
    )
    output_tokens: int = Field(
        1000, ge=0, le=MAX_COUNT, description="output tokens per request", examples=[500]
    )
    requests_per_day: int = Field(1000, ge=0, le=MAX_COUNT, examples=[10000])
    cached_input_tokens: int = Field(
        0, ge=0, le=MAX_COUNT, description="of input_tokens, read from cache", examples=[3000]
    )
    cache_write_tokens: int = Field(
        0, ge=0, le=MAX_COUNT, description="of input_tokens, written to cache", examples=[0]
    )
    max_ttft_ms: float | None = Field(
        None, gt=0, allow_inf_nan=False, description="TTFT p90 at most", examples=[2000]
    )
    min_uptime: float | None = Field(
        None, ge=0, le=100, allow_inf_nan=False, description="percent over 7 days", examples=[99.0]
    )
    quantization: list[str] | None = Field(None, description="allowed (repeat)", examples=[["fp8"]])
    include_free: bool = Field(False, description="count free (rate-limited) endpoints", examples=[False])
    currency: str | None = Field(None, max_length=20, description="only this currency", examples=["USD"])
    limit: int = Field(100, ge=1, le=1000, description="ranked endpoints returned", examples=[5])
    # issue 13: quality, quantization order, providers, monthly volume, the Pareto view
    requests_per_month: int | None = Field(
        None,
        ge=0,
        le=MAX_COUNT,
        description="the month's requests; default: requests_per_day x 30 (30,000)",
        examples=[50000],
    )
    min_intelligence: float | None = Field(
        None,
        allow_inf_nan=False,
        description="Artificial Analysis intelligence index, 0 to 100",
        examples=[50],
        json_schema_extra=_INDEX_RANGE,
    )
    min_coding: float | None = Field(
        None,
        allow_inf_nan=False,
        description="Artificial Analysis coding index, 0 to 100",
        examples=[40],
        json_schema_extra=_INDEX_RANGE,
    )
    min_agentic: float | None = Field(
        None,
        allow_inf_nan=False,
        description="Artificial Analysis agentic index, 0 to 100",
        examples=[40],
        json_schema_extra=_INDEX_RANGE,
    )
    include_unrated: bool = Field(
        False, description="keep (and mark) models without an index a minimum asks for", examples=[False]
    )
    min_quantization: str | None = Field(
        None,
        max_length=20,
        description="fp32 > bf16 = fp16 > fp8 > int8 > fp6 > fp4 = int4; unknown ones allowed and marked",
        examples=["fp8"],
        json_schema_extra={"enum": list(QUANTIZATIONS)},
    )
    only_providers: list[str] | None = Field(
        None,
        description="only these providers, any spelling (repeat, or comma-separated)",
        examples=[["DeepInfra"]],
    )
    exclude_providers: list[str] | None = Field(
        None,
        description="not these providers, any spelling (repeat, or comma-separated)",
        examples=[["Novita"]],
    )
    frontier: bool = Field(
        False,
        description="only the endpoints no other beats on both cost and frontier_axis",
        examples=[False],
    )
    excluded_limit: int = Field(
        100,
        ge=0,
        le=100000,
        description="endpoints left out returned, by name (their total is excluded_total); a model's are "
        "a handful, a whole catalog's thousands",
    )
    frontier_axis: Literal["quality", "ttft"] = Field(
        "quality", description="quality: intelligence index; ttft: TTFT p90", examples=["quality"]
    )
