"""`modelwatch demo`: the whole product offline, on the provider replica.

Starts the replica with the built-in demo catalog and the project's own model pages, crawls it into a
fresh SQLite file and prints what was found.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from db.engine import make_engine
from db.queries import catalog_counts, current_offers
from monitor.config import Config, Models, OpenRouterSource, PagesSource
from replica.catalog import demo_catalog
from replica.server import ReplicaServer

logger = logging.getLogger(__name__)

DEMO_DB = "modelwatch-demo.db"
DEMO_MODEL = "deepseek/deepseek-v3.1-terminus"


def demo_config(replica_url: str) -> Config:
    """The configuration the demo crawls: the replica's OpenRouter API and its EigenAI page."""
    return Config(
        sources=[
            OpenRouterSource(
                name="openrouter",
                kind="openrouter",
                base_url=f"{replica_url}/api/v1",
                every=timedelta(minutes=10),
            ),
            PagesSource(
                name="eigenai",
                kind="pages",
                provider="EigenAI",
                urls=[f"{replica_url}/deepseek.html"],
                every=timedelta(minutes=10),
            ),
        ],
        models=Models(aliases={"deepseek-v31-terminus": DEMO_MODEL}),
    )


def fresh_sqlite(path: Path) -> str:
    """Delete a previous demo database (and its WAL files) and return the URL of a new one."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def start_replica(port: int = 0) -> ReplicaServer:
    return ReplicaServer(demo_catalog(), port=port).start()


def _money(value: Decimal | None) -> str:
    """At least two decimals, as prices are published ("0.30", "1.00", "0.135")."""
    if value is None:
        return "—"
    return f"{value:.2f}" if value == value.quantize(Decimal("0.01")) else str(value)


def demo_highlights(db_url: str) -> str:
    """What a new user should see first: the counts and who serves the demo model, cheapest first."""
    engine = make_engine(db_url)
    counts = catalog_counts(engine=engine)
    offers = current_offers(engine=engine, model=DEMO_MODEL)
    engine.dispose()
    lines = [
        f"catalog: {counts.providers} providers, {counts.models} models, {counts.endpoints} endpoints, "
        f"{counts.price_periods} price periods",
        f"who serves {DEMO_MODEL} (per 1M tokens, input / output):",
    ]
    for offer in offers:
        unit = "credits" if offer.currency == "credits" else "USD"
        where = f"{offer.provider}" + (f" [{offer.tag}]" if offer.tag else "")
        price = f"{_money(offer.input):>6} / {_money(offer.output):<6} {unit:<7}"
        lines.append(f"  {where:<34} {price} context {offer.context_length or '?'}")
    return "\n".join(lines)
