"""A filled database for the dashboard tests, the screenshots and the demo: the provider replica crawled
by the real crawler (in a child process), a few probe rounds of its simulated endpoints (one goes down
and comes back: an incident), rollups; and, with `hostile`, a source whose model and provider names are
markup (they must show as text), crawled twice so a price moves. A small extra provider of the demo
model (`ACME`) is crawled twice too, its price going down: price history and change feed have a step."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from sqlalchemy.engine import Engine

from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing
from db.catalog.ingest import ingest_run
from db.catalog.runs import start_run
from db.engine import make_engine
from db.probes.samples import Sample
from db.probes.store import record_samples
from db.probes.targets import TargetSpec, ensure_targets
from db.types import utcnow
from monitor.crawling.run import crawl_in_child, source_specs
from monitor.demo import DEMO_MODEL, DEMO_PROBES, FLAKY, demo_config, probe_rounds, start_replica

HOSTILE_MODEL = "<img src=x onerror=alert(1)>"
HOSTILE_PROVIDER = "**Bold** [Evil](javascript:alert(1))"
HOSTILE_SOURCE = "hostile"
ACME = "Acme Cloud"
__all__ = ["ACME", "DEMO_MODEL", "HOSTILE_MODEL", "HOSTILE_PROVIDER", "seed_database"]


def seed_database(db_url: str, *, hostile: bool = True, rounds: int = 8, history_days: int = 14) -> None:
    """Fill `db_url` (a fresh database) as described above."""
    replica = start_replica()
    try:
        config = demo_config(replica.url)
        outcome = crawl_in_child(db_url=db_url, sources=source_specs(config), aliases=config.models.aliases)
        if outcome.all_failed:
            raise RuntimeError(f"the seed crawl failed: {outcome.errors}")
        engine = make_engine(db_url)
        try:
            seed_probe_history(engine, replica.url, days=history_days)
        finally:
            engine.dispose()
        probe_rounds(replica, config, db_url, rounds=rounds)
    finally:
        replica.stop()
    engine = make_engine(db_url)
    try:
        seed_price_move(engine)
        if hostile:
            seed_hostile(engine)
    finally:
        engine.dispose()


def seed_probe_history(engine: Engine, replica_url: str, *, days: int) -> None:
    """`days` of hourly samples of the demo probes before the live rounds (the rollups then hold them):
    each at its simulated TTFT with some jitter; the flaky one down for five hours four days ago, and
    rate limited now and then."""
    now = utcnow().replace(minute=0, second=0, microsecond=0)
    specs = [
        TargetSpec(name=name, protocol=protocol, url=f"{replica_url}{path}", model=model, provider_tag=tag)
        for name, protocol, path, model, tag, _behaviour in DEMO_PROBES
    ]
    ensure_targets(engine, specs, now=now - timedelta(days=days))
    rng = random.Random(6)
    samples = []
    for hours in range(days * 24, 1, -1):
        at = now - timedelta(hours=hours)
        for name, _protocol, _path, _model, _tag, behaviour in DEMO_PROBES:
            down = name == FLAKY and 4 * 24 - 5 < hours <= 4 * 24
            limited = not down and rng.random() < 0.01
            ttft = behaviour.ttft_ms * rng.uniform(0.85, 1.3)
            ok = not down and not limited
            samples.append(
                Sample(
                    probe=name,
                    at=at,
                    ok=ok,
                    status=200 if ok else (429 if limited else 503),
                    error_class=None if ok else ("rate_limited" if limited else "http_5xx"),
                    ttft_ms=ttft if ok else None,
                    total_ms=ttft + 8000 / behaviour.tokens_per_s if ok else 40.0,
                    output_tokens=8 if ok else None,
                    tokens_per_s=behaviour.tokens_per_s * rng.uniform(0.9, 1.1) if ok else None,
                )
            )
    record_samples(engine, samples, now=now)


def seed_price_move(engine: Engine) -> None:
    """`ACME` serves the demo model; a day later it cuts its prices (a `price_down` change)."""
    now = utcnow()
    for at, prices in (
        (now - timedelta(days=3), ("0.32", "1.20")),
        (now - timedelta(days=1), ("0.28", "1.05")),
    ):
        endpoint = EndpointIn(
            provider=ACME,
            model=DEMO_MODEL,
            provider_model_id="deepseek-v3.1-terminus",
            url="https://api.acme-cloud.example/v1/chat/completions",
            context_length=131072,
            parameters=("tools", "max_tokens", "temperature", "response_format"),
            pricing=Pricing(input=Decimal(prices[0]), output=Decimal(prices[1])),
        )
        result = CrawlResult(source="acmecloud", started=at, finished=at, endpoints=[endpoint])
        run_id = start_run(engine=engine, source="acmecloud", started=at)
        ingest_run(engine=engine, run_id=run_id, result=result, now=at)


def seed_hostile(engine: Engine) -> None:
    """Two crawls of a source naming its model and provider in markup; the second raises the price."""
    now = utcnow()
    for at, output in ((now - timedelta(days=3), "2.00"), (now - timedelta(days=1), "2.50")):
        endpoint = EndpointIn(
            provider=HOSTILE_PROVIDER,
            model=HOSTILE_MODEL,
            provider_model_id=HOSTILE_MODEL,
            url="https://hostile.invalid/v1/chat/completions",
            name=HOSTILE_MODEL,
            context_length=8192,
            parameters=("tools", "max_tokens"),
            pricing=Pricing(input=Decimal("1.00"), output=Decimal(output)),
        )
        model = ModelIn(id=HOSTILE_MODEL, name=HOSTILE_MODEL, description="<script>alert(1)</script>")
        result = CrawlResult(
            source=HOSTILE_SOURCE, started=at, finished=at, models=[model], endpoints=[endpoint]
        )
        run_id = start_run(engine=engine, source=HOSTILE_SOURCE, started=at)
        ingest_run(engine=engine, run_id=run_id, result=result, now=at)
