"""A filled database for the dashboard tests, the screenshots and the demo: the provider replica crawled
by the real crawler (in a child process), a few probe rounds of its simulated endpoints (one goes down
and comes back: an incident), rollups; and, with `hostile`, a source whose model and provider names are
markup (they must show as text), crawled twice so a price moves."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy.engine import Engine

from db.engine import make_engine
from db.ingest import ingest_run, start_run
from db.snapshot import CrawlResult, EndpointIn, ModelIn, Pricing
from db.types import utcnow
from monitor.crawl import crawl_in_child, source_specs
from monitor.demo import DEMO_MODEL, demo_config, probe_rounds, start_replica

HOSTILE_MODEL = "<img src=x onerror=alert(1)>"
HOSTILE_PROVIDER = "**Bold** [Evil](javascript:alert(1))"
HOSTILE_SOURCE = "hostile"
__all__ = ["DEMO_MODEL", "HOSTILE_MODEL", "HOSTILE_PROVIDER", "seed_database"]


def seed_database(db_url: str, *, hostile: bool = True, rounds: int = 8) -> None:
    """Fill `db_url` (a fresh database) as described above."""
    replica = start_replica()
    try:
        config = demo_config(replica.url)
        outcome = crawl_in_child(db_url=db_url, sources=source_specs(config), aliases=config.models.aliases)
        if outcome.all_failed:
            raise RuntimeError(f"the seed crawl failed: {outcome.errors}")
        probe_rounds(replica, config, db_url, rounds=rounds)
    finally:
        replica.stop()
    if hostile:
        engine = make_engine(db_url)
        try:
            seed_hostile(engine)
        finally:
            engine.dispose()


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
