"""SQLModel tables of the catalog: providers, models, endpoints and their history.

Current state lives in `Provider`, `Model`, `Endpoint`. History is append-only and named for what a row
is: `PricePeriod` (effective-dated prices), `EndpointRevision` (effective-dated attributes: context,
parameters...), `ReportedStat` (what an aggregator said, with its time), `Change` (events), `CrawlRun`
and `CrawlProblem`. Money is `Decimal` per 1M tokens (`db.types.Money`); times are aware UTC.

Probes: `ProbeTarget` (a probed endpoint and its outage state), `ProbeSample` (raw samples, kept for
days), `ProbeRollup` (hourly and daily buckets, kept for a year or more) and `Incident`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import JSON, Column, Index, LargeBinary, Table, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.types import Money, UTCDateTime


def table(entity: Any) -> Table:
    """The Core table of a table class, for statements that skip the ORM (bulk reads and writes)."""
    return cast(Table, entity.__table__)


def _money() -> Any:
    return Field(default=None, sa_column=Column(Money(), nullable=True))


def _time(*, nullable: bool = False, index: bool = False) -> Any:
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def _json(default: Any = None) -> Any:
    factory = (lambda: list(default)) if isinstance(default, list) else (lambda: dict(default or {}))
    if default is None:
        return Field(default=None, sa_column=Column(JSON, nullable=True))
    return Field(default_factory=factory, sa_column=Column(JSON, nullable=False))


class ProviderBase(SQLModel):
    name: str = Field(index=True, unique=True, max_length=200)
    slug: str | None = Field(default=None, max_length=200)


class Provider(ProviderBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    meta: dict[str, Any] = _json({})
    first_seen: datetime = _time()


class ModelBase(SQLModel):
    canonical_id: str = Field(index=True, unique=True, max_length=300)
    name: str | None = Field(default=None, max_length=300)
    description: str | None = None
    context_length: int | None = None
    released: date | None = None
    hugging_face_id: str | None = Field(default=None, max_length=300)


class Model(ModelBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    input_modalities: list[str] = _json([])
    output_modalities: list[str] = _json([])
    meta: dict[str, Any] = _json({})
    first_seen: datetime = _time()
    last_seen: datetime = _time()


class EndpointBase(SQLModel):
    key: str = Field(index=True, unique=True, max_length=600)
    source: str = Field(index=True, max_length=100)
    provider_model_id: str = Field(max_length=300)
    url: str = Field(max_length=1000)
    protocol: str = Field(default="openai", max_length=20)
    tag: str | None = Field(default=None, max_length=200)
    name: str | None = Field(default=None, max_length=400)
    page_url: str | None = Field(default=None, max_length=1000)
    context_length: int | None = None
    max_output_tokens: int | None = None
    max_prompt_tokens: int | None = None
    quantization: str | None = Field(default=None, max_length=50)
    currency: str = Field(default="USD", max_length=20)
    released: date | None = None


class Endpoint(EndpointBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    provider_id: int = Field(foreign_key="provider.id", index=True)
    model_id: int = Field(foreign_key="model.id", index=True)
    parameters: list[str] = _json([])
    parameter_defaults: dict[str, Any] = _json({})
    #: why each field has its value, for sources that read pages: {field: {where, snippet, method,
    #: confidence}} (`crawler.extract.evidence`); null where the source is an API
    evidence: dict[str, Any] | None = _json()
    #: how the provider's model id was matched to the canonical model (`db.catalog.matching`: alias,
    #: exact, hugging_face, normalised, vendor_prefix, version_dots, date_suffix; "own" when nothing
    #: matched and the id stands alone)
    match_rule: str | None = Field(default=None, max_length=20)
    first_seen: datetime = _time()
    last_seen: datetime = _time()
    removed_at: datetime | None = _time(nullable=True)


class PricePeriod(SQLModel, table=True):
    """One endpoint's prices over one period. A new row only when a value changes."""

    __table_args__ = (Index("ix_priceperiod_endpoint_from", "endpoint_id", "valid_from"),)

    id: int | None = Field(default=None, primary_key=True)
    endpoint_id: int = Field(foreign_key="endpoint.id")
    valid_from: datetime = _time()
    valid_to: datetime | None = _time(nullable=True)
    currency: str = Field(default="USD", max_length=20)
    input: Decimal | None = _money()
    output: Decimal | None = _money()
    cache_read: Decimal | None = _money()
    cache_write: Decimal | None = _money()
    request: Decimal | None = _money()
    image: Decimal | None = _money()
    web_search: Decimal | None = _money()
    internal_reasoning: Decimal | None = _money()
    audio: Decimal | None = _money()
    discount: Decimal | None = _money()
    # One unit of `currency` in USD as the provider's page states it (``1 credit = $1.00``); None: not stated.
    usd_rate: Decimal | None = _money()
    overrides: list[dict[str, Any]] | None = _json(None)
    run_id: int | None = Field(default=None, foreign_key="crawlrun.id")


class EndpointRevision(SQLModel, table=True):
    """An endpoint's non-price attributes over one period. A new row only when one changes."""

    __table_args__ = (Index("ix_endpointrevision_endpoint_from", "endpoint_id", "valid_from"),)

    id: int | None = Field(default=None, primary_key=True)
    endpoint_id: int = Field(foreign_key="endpoint.id")
    valid_from: datetime = _time()
    valid_to: datetime | None = _time(nullable=True)
    url: str = Field(max_length=1000)
    context_length: int | None = None
    max_output_tokens: int | None = None
    max_prompt_tokens: int | None = None
    quantization: str | None = Field(default=None, max_length=50)
    parameters: list[str] = _json([])
    run_id: int | None = Field(default=None, foreign_key="crawlrun.id")


class ReportedStat(SQLModel, table=True):
    """What an aggregator reported about an endpoint, labelled by source; a new row when it changes."""

    __table_args__ = (Index("ix_reportedstat_endpoint_at", "endpoint_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    endpoint_id: int = Field(foreign_key="endpoint.id")
    source: str = Field(max_length=100)
    at: datetime = _time()
    seen_until: datetime = _time()
    uptime_5m: float | None = None
    uptime_30m: float | None = None
    uptime_1d: float | None = None
    latency_30m: dict[str, float] | None = _json(None)
    throughput_30m: dict[str, float] | None = _json(None)
    status: int | None = None


class Observation(SQLModel, table=True):
    """One source's view of one endpoint over one period (`db.catalog.observations`): what that source
    says the prices and limits are. A new row only when the source's values change; `seen` is the last
    crawl of the source that listed it; `valid_to` is set when its values change or when the source stops
    listing the endpoint (`ended` then says so). The endpoint's own columns and its `PricePeriod` rows hold
    the current values, from the most authoritative source that lists it."""

    __table_args__ = (
        Index("ix_observation_endpoint_source_from", "endpoint_id", "source", "valid_from"),
        Index("ix_observation_source_to", "source", "valid_to"),
    )

    id: int | None = Field(default=None, primary_key=True)
    endpoint_id: int = Field(foreign_key="endpoint.id")
    source: str = Field(max_length=100)
    valid_from: datetime = _time()
    valid_to: datetime | None = _time(nullable=True)
    seen: datetime = _time()
    ended: bool = False  # the period ended because the source stopped listing the endpoint
    #: the source's place in the order of authority when it last listed the endpoint (0 first: a
    #: provider's own API or page; then models.dev, then LiteLLM, unless `[catalog] authority` says)
    authority: int = 0
    currency: str = Field(default="USD", max_length=20)
    input: Decimal | None = _money()
    output: Decimal | None = _money()
    cache_read: Decimal | None = _money()
    cache_write: Decimal | None = _money()
    request: Decimal | None = _money()
    overrides: list[dict[str, Any]] | None = _json(None)
    context_length: int | None = None
    max_output_tokens: int | None = None
    max_prompt_tokens: int | None = None  # an input limit below the context (models.dev limit.input)
    parameters: list[str] | None = _json(None)
    run_id: int | None = Field(default=None, foreign_key="crawlrun.id")


class Disagreement(SQLModel, table=True):
    """Sources that disagree about one field of one endpoint (a price beyond rounding, a context length,
    an output limit): `values` holds every source's value; open while `closed_at` is null."""

    __table_args__ = (
        Index("ix_disagreement_endpoint_field", "endpoint_id", "field"),
        Index("ix_disagreement_closed", "closed_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    endpoint_id: int = Field(foreign_key="endpoint.id")
    field: str = Field(max_length=40)
    values: dict[str, Any] = _json({})
    opened_at: datetime = _time()
    updated_at: datetime = _time()
    closed_at: datetime | None = _time(nullable=True)


class CrawlRun(SQLModel, table=True):
    """One crawl of one source. `status`: running, ok, partial, failed, interrupted."""

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(index=True, max_length=100)
    started: datetime = _time(index=True)
    finished: datetime | None = _time(nullable=True)
    status: str = Field(default="running", max_length=20)
    complete: bool = False
    pages: int = 0
    items: int = 0
    problems: int = 0
    endpoints_seen: int = 0
    rows_written: int = 0
    message: str | None = None


class CrawlProblem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="crawlrun.id", index=True)
    source: str = Field(max_length=100)
    at: datetime = _time()
    kind: str = Field(max_length=50)
    url: str | None = Field(default=None, max_length=1000)
    message: str
    parser: bool = False


class Change(SQLModel, table=True):
    """An event: new/removed endpoint or model, price up/down, context or parameters changed,
    parser broken or fixed."""

    __table_args__ = (Index("ix_change_at_kind", "at", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _time()
    kind: str = Field(max_length=40)
    source: str = Field(max_length=100)
    run_id: int | None = Field(default=None, foreign_key="crawlrun.id")
    endpoint_id: int | None = Field(default=None, foreign_key="endpoint.id", index=True)
    model: str | None = Field(default=None, max_length=300)
    provider: str | None = Field(default=None, max_length=200)
    field: str | None = Field(default=None, max_length=100)
    old: str | None = None
    new: str | None = None
    percent: float | None = None
    subject: str | None = Field(default=None, max_length=1000)  # page URL or endpoint key for parser_broken


class ParserState(SQLModel, table=True):
    """Which parsed things (a source's API, a page URL) are currently broken, so that a breakage
    raises one `parser_broken` change, not one per run."""

    __table_args__ = (UniqueConstraint("source", "subject"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=100)
    subject: str = Field(max_length=1000)
    broken_since: datetime = _time()
    message: str


class ModelQuality(SQLModel, table=True):
    """A quality fact of a model as one crawl source gives it (`db.catalog.quality`): who measured it
    (`publisher`: artificial_analysis, design_arena), what (`name`: intelligence_index,
    design_arena:website) and the value, over one period. A new row only when the value changes."""

    __table_args__ = (Index("ix_modelquality_model_source", "model_id", "source", "valid_to"),)

    id: int | None = Field(default=None, primary_key=True)
    model_id: int = Field(foreign_key="model.id")
    source: str = Field(max_length=100)  # the crawl source (openrouter)
    publisher: str = Field(max_length=100)
    name: str = Field(max_length=200)
    value: float
    valid_from: datetime = _time()
    valid_to: datetime | None = _time(nullable=True)


# -- probes ------------------------------------------------------------------------------------------
class ProbeTarget(SQLModel, table=True):
    """A probed endpoint (one `[[probes]]` entry) and its outage state (`db.probes.outage`)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)  # the probe's configured name
    protocol: str = Field(max_length=20)
    url: str = Field(max_length=1000)
    model: str | None = Field(default=None, max_length=300)
    provider_tag: str | None = Field(default=None, max_length=200)
    endpoint_id: int | None = Field(default=None, foreign_key="endpoint.id", index=True)
    status: str = Field(default="unknown", max_length=20)  # unknown, up, down, degraded
    status_since: datetime | None = _time(nullable=True)
    fail_streak: int = 0
    ok_streak: int = 0
    streak_since: datetime | None = _time(nullable=True)  # the first sample of the current streak
    recent_ttft_ms: list[float] = _json([])  # TTFT of the last ok samples (the degraded window)
    last_sample_at: datetime | None = _time(nullable=True)
    # Samples before this time (present when the last rollup ran) are in the rollups; the read side
    # adds the raw samples from here on.
    rolled_until: datetime | None = _time(nullable=True)
    first_seen: datetime = _time()


class ProbeSample(SQLModel, table=True):
    """One probe of one target (`db.probes.samples.Sample`), kept for a bounded window (days)."""

    __table_args__ = (
        Index("ix_probesample_target_at", "target_id", "at"),
        Index("ix_probesample_at", "at"),  # retention, and the tail after the last rollup
    )

    id: int | None = Field(default=None, primary_key=True)
    target_id: int = Field(foreign_key="probetarget.id")
    at: datetime = _time()
    ok: bool
    status: int | None = None
    error_class: str | None = Field(default=None, max_length=20)
    connect_ms: float | None = None
    ttft_ms: float | None = None
    total_ms: float | None = None
    output_tokens: int | None = None
    tokens_per_s: float | None = None
    in_maintenance: bool = False
    message: str | None = Field(default=None, max_length=500)


class ProbeBucket(SQLModel):
    """The sums of a set of samples (`db.probes.buckets.Bucket`): the columns of `ProbeRollup` and
    `ProbeWindow`.

    `count` = `ok` + `failures` + `excluded` + `maintenance`: a sample inside a maintenance window counts
    only in `maintenance`; uptime is ok / (count - excluded - maintenance). The `err_<class>` columns
    count the samples outside maintenance that were not ok, by error class (`db.probes.samples`; `err_unknown`
    for a failure without a known class): one integer column per class rather than a JSON object, so
    a window sums them in SQL instead of decoding an object per row. Latency figures (sum, min, max,
    and the `db.probes.histogram` blobs) are over the ok samples outside maintenance.
    """

    count: int = 0
    ok: int = 0
    failures: int = 0
    excluded: int = 0
    maintenance: int = 0
    err_timeout: int = 0
    err_connect: int = 0
    err_http_5xx: int = 0
    err_rate_limited: int = 0
    err_client_error: int = 0
    err_stream_error: int = 0
    err_bad_response: int = 0
    err_unknown: int = 0
    ttft_count: int = 0
    ttft_sum: float = 0.0
    ttft_min: float | None = None
    ttft_max: float | None = None
    ttft_hist: bytes | None = Field(default=None, sa_type=LargeBinary)
    total_count: int = 0
    total_sum: float = 0.0
    total_min: float | None = None
    total_max: float | None = None
    total_hist: bytes | None = Field(default=None, sa_type=LargeBinary)
    tps_count: int = 0
    tps_sum: float = 0.0


class _RollupKey(SQLModel):
    target_id: int = Field(foreign_key="probetarget.id", primary_key=True)
    period: str = Field(primary_key=True, max_length=4)  # "hour" or "day"
    start: datetime = Field(sa_column=Column(UTCDateTime(), primary_key=True))


class ProbeRollup(ProbeBucket, _RollupKey, table=True):  # columns: the key's, then the bucket's
    """One target's samples over one hour or one UTC day (the columns: `ProbeBucket`)."""

    # The key is the primary key: rows of one target and period lie together, in time order. On
    # SQLite the table is clustered on it (WITHOUT ROWID), so a chart or a window is one range read.
    __table_args__ = {"sqlite_with_rowid": False}


class _WindowKey(SQLModel):
    target_id: int = Field(foreign_key="probetarget.id", primary_key=True)
    name: str = Field(primary_key=True, max_length=10)  # the window: "1d", "7d", "30d"
    start: datetime = _time()
    rolled_until: datetime = _time()


class ProbeWindow(ProbeBucket, _WindowKey, table=True):
    """A cache, rebuilt by every rollup run (`db.probes.windows`): one target's rollups of one health
    window, from `start` to the run's cutoff `rolled_until` (TTFT histogram only: `total_hist` is
    null). Never the only copy of anything."""


class Incident(SQLModel, table=True):
    """An outage (`down`) or a slow spell (`degraded`) of one target; `ended` is null while it lasts."""

    __table_args__ = (
        Index("ix_incident_target_started", "target_id", "started"),
        Index("ix_incident_ended", "ended"),  # the open ones: ended IS NULL
    )

    id: int | None = Field(default=None, primary_key=True)
    target_id: int = Field(foreign_key="probetarget.id")
    kind: str = Field(max_length=20)
    started: datetime = _time(index=True)
    ended: datetime | None = _time(nullable=True)
    cause: str = Field(max_length=100)  # an error class, or "ttft p90 above N ms"
    message: str | None = Field(default=None, max_length=500)
    failures: int = 0
