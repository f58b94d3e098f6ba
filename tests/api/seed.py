"""Seeding a store for the catalog API and recommender tests: a small hand-made catalog, or the recorded
OpenRouter fixtures parsed by the real extractors and written by the real ingest (no crawl process)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy.engine import Engine

from crawler.extract.openrouter import parse_endpoints, parse_models, parse_providers
from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing, ReportedStats
from db.catalog.ingest import ingest_run
from db.catalog.report import IngestReport
from db.catalog.runs import start_run
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.snapshot import load_snapshot as load_catalog
from db.probes.samples import Sample
from db.probes.store import record_samples
from db.probes.targets import TargetSpec, ensure_targets
from replica.catalog import load_snapshot

T0 = datetime(2026, 5, 18, 12, 0, tzinfo=UTC)
NOW = T0 + timedelta(minutes=10)
TIERS = [{"min_prompt_tokens": 100000, "input": "1", "output": "3"}]
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


def catalog_offers(*, cheap_input: str = "0.10") -> list[EndpointIn]:
    """The OpenRouter-source endpoints of `seed` (the first is Cheap, at `cheap_input`)."""
    return [
        offer("Cheap", tag="cheap/fp8", price=(cheap_input, "0.40"), context=32768, p90=800, uptime=99.5),
        offer(
            "Wide",
            tag="wide/bf16",
            price=("0.20", "0.60"),
            context=200000,
            quant="bf16",
            params=("tools", "structured_outputs", "reasoning"),
            p90=1500,
            uptime=99.9,
        ),
        offer(
            "Tiered",
            tag="tiered/fp8",
            price=("0.15", "0.45"),
            context=1000000,
            overrides=TIERS,
            p90=1200,
            uptime=99.0,
        ),
        offer("TieSlow", tag="tie-slow/fp8", price=("0.30", "0.90"), p90=2000, uptime=99.9),
        offer("TieFast", tag="tie-fast/fp8", price=("0.30", "0.90"), p90=500, uptime=98.0),
        offer("TieSteady", tag="tie-steady/fp8", price=("0.30", "0.90"), p90=500, uptime=99.99),
        offer("TieBlind", tag="tie-blind/fp8", price=("0.30", "0.90")),
        offer("Cache", tag="cache/fp8", price=("0.50", "0.50"), cache_read="0.05", p90=700, uptime=99.0),
        offer("Down", tag="down/fp8", price=("0.01", "0.01"), p90=100, uptime=100.0),
        offer("Unpriced", tag="unpriced", price=None),
        offer("Gratis", model="acme/m1:free", price=("0", "0"), p90=3000, uptime=97.0),
        offer("Short", tag="short/fp8", price=("0.05", "0.05"), max_output=1500),
    ]


def seed(engine: Engine) -> None:
    """A hand-made catalog of model acme/m1 (and its :free variant) that exercises every rule of the
    recommender: prices, a price tier, cache prices, ties, limits, parameters, quantizations, an
    unpriced, a free and a credits-priced endpoint; then our probes: `Down` down, `Cheap` up."""
    ingest(engine, catalog_offers())
    credits = offer(
        "EigenAI",
        price=("0.05", "0.05"),
        context=None,
        currency="credits",
        quant=None,
        params=("reasoning_effort",),
        url="https://app.eigenai.com/api/v1/generate/stream",
        protocol="eigenai",
    )
    ingest(engine, [credits], source="eigenai")
    catalog = load_catalog(engine=engine, now=NOW)
    probe(engine, catalog, "Down", ok=False)
    probe(engine, catalog, "Cheap", ok=True, ttft=300.0)


def probe(engine: Engine, snapshot: CatalogSnapshot, provider: str, *, ok: bool, ttft: float = 300.0) -> None:
    """Our probe of `provider`'s endpoint: five samples a minute apart, all ok or all failing."""
    endpoint = next(e for e in snapshot.endpoints if e.provider == provider)
    name = f"{provider.lower()}-probe"
    spec = TargetSpec(
        name=name, protocol="openai", url=endpoint.url, model=endpoint.model, endpoint_id=endpoint.id
    )
    ensure_targets(engine, [spec], now=T0)
    samples = [
        Sample(
            probe=name,
            at=T0 + timedelta(minutes=i),
            ok=ok,
            status=200 if ok else 503,
            error_class=None if ok else "http_5xx",
            ttft_ms=ttft if ok else None,
            total_ms=ttft * 2 if ok else 10.0,
        )
        for i in range(5)
    ]
    record_samples(engine, samples, now=NOW)
