"""History for the alert tests, written the way the product writes it: crawls through `db.catalog.ingest`,
incidents through `db.probes.store.record_samples`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing, ReportedStats
from db.catalog.ingest import ingest_run
from db.catalog.runs import start_run
from db.probes.samples import HTTP_5XX, Sample
from db.probes.store import record_samples
from db.probes.targets import TargetSpec, ensure_targets
from monitor.config import Config, parse_config

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
MODEL = "deepseek/deepseek-v3.1-terminus"


def endpoint(
    provider: str = "DeepInfra", *, input: str = "0.27", output: str = "0.95", **extra: Any
) -> EndpointIn:
    model = extra.pop("model", MODEL)
    return EndpointIn(
        provider=provider,
        model=model,
        provider_model_id=model,
        url="https://openrouter.ai/api/v1/chat/completions",
        tag=extra.pop("tag", f"{provider.lower()}/fp8"),
        context_length=extra.pop("context", 163840),
        parameters=extra.pop("params", ("tools", "top_k")),
        pricing=Pricing(input=Decimal(input), output=Decimal(output)),
        reported=ReportedStats(source="openrouter", uptime_1d=99.9),
        **extra,
    )


def many(n: int, *, input: str) -> list[EndpointIn]:
    """`n` endpoints of `n` providers for one model, each at the same input price."""
    return [endpoint(f"Provider{i:03d}", input=input) for i in range(n)]


def crawl(
    engine: Any,
    endpoints: Sequence[EndpointIn],
    *,
    at: datetime,
    source: str = "openrouter",
    fatal: str | None = None,
) -> int:
    """One crawl run through the real ingest; returns the run id."""
    run_id = start_run(engine=engine, source=source, started=at)
    models = sorted({e.model for e in endpoints}) or [MODEL]
    result = CrawlResult(
        source=source,
        started=at,
        finished=at,
        endpoints=list(endpoints),
        complete=fatal is None,
        fatal=fatal,
        models=[ModelIn(id=model) for model in models],
    )
    ingest_run(engine=engine, run_id=run_id, result=result, now=at)
    return run_id


def probe_target(engine: Any, name: str = "replica-deepseek") -> int:
    ids = ensure_targets(
        engine,
        [TargetSpec(name=name, protocol="openai", url="http://127.0.0.1:1/v1", model=MODEL)],
        now=T0 - timedelta(days=1),
    )
    return ids[name]


def samples(engine: Any, name: str, *, ok: bool, start: datetime, n: int, every: timedelta) -> None:
    """`n` samples of probe `name`, `every` apart from `start`, through the real state machine."""
    batch = [
        Sample(
            probe=name,
            at=start + i * every,
            ok=ok,
            status=200 if ok else 503,
            error_class=None if ok else HTTP_5XX,
            ttft_ms=120.0 if ok else None,
            total_ms=300.0,
            message=None if ok else "HTTP 503",
        )
        for i in range(n)
    ]
    record_samples(engine, batch, now=start + n * every)


def config(text: str) -> Config:
    return parse_config(text, path="modelwatch.toml")


def webhook_config(url: str, *, extra: str = "", secret_env: str | None = None, name: str = "hook") -> Config:
    """A configuration with one JSON webhook channel (and whatever `extra` adds to [alerts])."""
    secret = f'secret_env = "{secret_env}"\n' if secret_env else ""
    return config(
        f"""
[alerts]
{extra}

[[alerts.webhooks]]
name = "{name}"
url = "{url}"
timeout = "2s"
{secret}"""
    )
