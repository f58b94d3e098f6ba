"""Seeding a store for the catalog API and recommender tests: a small hand-made catalog, or the recorded
OpenRouter fixtures parsed by the real extractors and written by the real ingest (no crawl process)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal as D
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy.engine import Engine

from crawler.extract.openrouter import parse_endpoints, parse_models, parse_providers
from db.ingest import IngestReport, ingest_run, start_run
from db.snapshot import CrawlResult, EndpointIn, ModelIn, Pricing, ReportedStats
from replica.catalog import load_snapshot

T0 = datetime(2026, 5, 18, 12, 0, tzinfo=UTC)
MODEL = "acme/m1"
BASE = "https://openrouter.ai/api/v1"


def offer(
    provider: str,
    *,
    tag: str | None = None,
    price: tuple[str, str] | None = ("1", "2"),
    context: int | None = 131072,
    params: Sequence[str] = ("tools", "max_tokens"),
    model: str = MODEL,
    quant: str | None = "fp8",
    p90: float | None = None,
    uptime: float | None = None,
    currency: str = "USD",
    max_output: int | None = None,
    url: str = f"{BASE}/chat/completions",
    protocol: str = "openai",
    **pricing: Any,
) -> EndpointIn:
    """One endpoint; `p90`/`uptime` become the aggregator's reported figures."""
    prices = None
    if price is not None:
        values = {k: D(v) for k, v in pricing.items() if k != "overrides"}
        prices = Pricing(
            input=D(price[0]),
            output=D(price[1]),
            currency=currency,
            overrides=pricing.get("overrides"),
            **values,
        )
    reported = None
    if p90 is not None or uptime is not None:
        reported = ReportedStats(
            source="openrouter",
            uptime_1d=uptime,
            latency_30m={"p50": (p90 or 0) / 2, "p90": p90} if p90 is not None else None,
        )
    return EndpointIn(
        provider=provider,
        model=model,
        provider_model_id=model,
        url=url,
        protocol=protocol,
        tag=tag,
        name=f"{provider} | {model}",
        context_length=context,
        max_output_tokens=max_output,
        quantization=quant,
        parameters=tuple(params),
        pricing=prices,
        reported=reported,
    )


def ingest(
    engine: Engine,
    endpoints: Sequence[EndpointIn],
    *,
    source: str = "openrouter",
    at: datetime = T0,
    models: Sequence[ModelIn] = (),
    aliases: dict[str, str] | None = None,
    with_models: bool = True,
) -> IngestReport:
    """One complete, successful crawl of `source` listing `endpoints` (and, `with_models`, their models,
    as OpenRouter's `/models` lists them; a page source lists none and relies on matching)."""
    names = {e.model for e in endpoints} if with_models else set()
    given = list(models) + [ModelIn(id=m, name=m) for m in sorted(names - {m.id for m in models})]
    result = CrawlResult(source=source, started=at, finished=at, models=given, endpoints=list(endpoints))
    run_id = start_run(engine=engine, source=source, started=at)
    return ingest_run(engine=engine, run_id=run_id, result=result, aliases=aliases, now=at)


def ingest_fixtures(engine: Engine, folder: Path, *, aliases: dict[str, str] | None = None) -> IngestReport:
    """The 2026 OpenRouter recording (models, endpoints of 2026-05-18, providers) into the store."""
    catalog = load_snapshot(
        models=folder / "models-2026-05-22.json",
        endpoints=folder / "endpoints-2026-05-18.json",
        providers=folder / "providers-2026-05.json",
    )
    result = CrawlResult(source="openrouter", started=T0)
    models, endpoints, problems = parse_models(catalog.models_body(output_modalities="all"), base_url=BASE)
    result.models.extend(models)
    result.endpoints.extend(endpoints)
    result.problems.extend(problems)
    result.providers.extend(parse_providers(catalog.providers_body()))
    for model_id in catalog.model_ids:
        status, body = catalog.endpoints_response(model_id)
        if status != 200:
            continue
        _model, found, problems = parse_endpoints(body, model_id=model_id, base_url=BASE)
        result.endpoints.extend(found)
        result.problems.extend(problems)
        result.parsed_ok.append(f"{BASE}/models/{quote(model_id, safe='/:')}/endpoints")
    result.finished = T0
    run_id = start_run(engine=engine, source="openrouter", started=T0)
    return ingest_run(engine=engine, run_id=run_id, result=result, aliases=aliases, now=T0)


def eigenai_offer() -> EndpointIn:
    """EigenAI's DeepSeek V3.1 Terminus as its model page shows it (credits, no context published)."""
    return EndpointIn(
        provider="EigenAI",
        model="deepseek-v31-terminus",
        provider_model_id="deepseek-v31-terminus",
        url="https://app.eigenai.com/api/v1/generate/stream",
        protocol="eigenai",
        parameters=("chat_template_kwargs.thinking", "max_tokens", "reasoning_effort", "temperature"),
        pricing=Pricing(input=D("0.40"), output=D("2.0"), currency="credits"),
        page_url="https://app.eigenai.com/deepseek.html",
    )
