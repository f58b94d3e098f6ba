"""`modelwatch demo`: the whole product offline, on the provider replica.

Starts the replica with the built-in demo catalog, the project's own model pages and simulated chat
endpoints; crawls it into a fresh SQLite file (with /usr/bin/chromium, also a pricing page drawn only by
JavaScript, in the browser); probes six simulated endpoints for a few rounds while
one of them goes down and comes back and another is slow; prints the catalog, the probe health and
the incidents. With ``--serve`` the service then keeps crawling and probing on schedule (one provider
fails two minutes in every six), until Ctrl-C.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from crawler.browser import CHROMIUM
from db.catalog.queries import catalog_counts, current_offers
from db.engine import make_engine
from db.probes.health import endpoint_health
from db.probes.incidents import incidents
from db.probes.rollups import rollup
from db.types import utcnow
from monitor.config import (
    Config,
    LiteLLMSource,
    Models,
    ModelsDevSource,
    Monitoring,
    OpenAIModelsSource,
    OpenRouterSource,
    PagesSource,
    Probe,
)
from replica.catalog import demo_catalog
from replica.chat.behaviour import ChatBehaviour
from replica.chat.table import ChatTable
from replica.server import ReplicaServer

logger = logging.getLogger(__name__)

DEMO_MODEL = "deepseek/deepseek-v3.1-terminus"


# The simulated endpoints the demo probes: (probe name, protocol, path, model, provider tag, behaviour).
FLAKY = "novita-deepseek-v3.1"
SLOW = "atlascloud-deepseek-v3.1"
_CHAT = "/api/v1/chat/completions"
DEMO_PROBES: tuple[tuple[str, str, str, str, str | None, ChatBehaviour], ...] = (
    (
        "openrouter-deepseek-v3.1",
        "openai",
        _CHAT,
        DEMO_MODEL,
        None,
        ChatBehaviour(ttft_ms=320, tokens_per_s=160),
    ),
    (
        "deepinfra-deepseek-v3.1",
        "openai",
        _CHAT,
        DEMO_MODEL,
        "deepinfra/fp4",
        ChatBehaviour(ttft_ms=180, tokens_per_s=220),
    ),
    (FLAKY, "openai", _CHAT, DEMO_MODEL, "novita/fp8", ChatBehaviour(ttft_ms=260, tokens_per_s=120)),
    (SLOW, "openai", _CHAT, DEMO_MODEL, "atlas-cloud/fp8", ChatBehaviour(ttft_ms=950, tokens_per_s=60)),
    (
        "eigenai-deepseek-v3.1",
        "eigenai",
        "/api/v1/generate/stream",
        "deepseek-v31-terminus",
        None,
        ChatBehaviour(ttft_ms=140, tokens_per_s=300),
    ),
)
#: The slow endpoint counts as degraded above this p90 time to first token.
DEGRADED_TTFT = timedelta(milliseconds=800)
#: Rounds of the quick demo, and the rounds in which the flaky endpoint answers 500.
DEMO_ROUNDS = 8
FLAKY_ROUNDS = range(2, 5)


def _flaky_window(at: datetime) -> bool:
    """While serving: the flaky endpoint fails two minutes in every six."""
    return at.minute % 6 < 2


def demo_chat_table() -> ChatTable:
    """The simulated endpoints' behaviours (all healthy; the demo breaks one as it goes)."""
    table = ChatTable(default=ChatBehaviour(ttft_ms=300, tokens_per_s=150, output_tokens=8))
    for _name, _protocol, _path, model, tag, behaviour in DEMO_PROBES:
        table.set_behaviour(model, behaviour, tag=tag)
    return table


def demo_probes(replica_url: str, *, every: timedelta) -> list[Probe]:
    probes = [
        Probe(
            name=name,
            protocol=protocol,  # type: ignore[arg-type]
            url=f"{replica_url}{path}",
            model=model,
            provider_tag=tag,
            every=every,
            timeout=timedelta(seconds=10),
            max_tokens=8,
            degraded_ttft=DEGRADED_TTFT if name == SLOW else None,
            provider="EigenAI" if protocol == "eigenai" else None,
        )
        for name, protocol, path, model, tag, _behaviour in DEMO_PROBES
    ]
    probes.append(Probe(name="replica-health", protocol="http", url=f"{replica_url}/healthz", every=every))
    return probes


def demo_config(replica_url: str, *, probe_every: timedelta = timedelta(seconds=15)) -> Config:
    """The configuration of the demo: the replica's OpenRouter API, its EigenAI page, its models.dev and
    LiteLLM files, Parasail's page drawn by JavaScript (where Chromium is), six probes."""
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
            ModelsDevSource(
                name="modelsdev",
                kind="modelsdev",
                url=f"{replica_url}/sources/modelsdev/api.json",
                every=timedelta(minutes=10),
            ),
            LiteLLMSource(
                name="litellm",
                kind="litellm",
                url=f"{replica_url}/sources/litellm/model_prices.json",
                every=timedelta(minutes=10),
            ),
            OpenAIModelsSource(
                name="deepinfra",
                kind="openai_models",
                provider="DeepInfra",
                base_url=f"{replica_url}/providers/deepinfra/v1/openai",
                every=timedelta(minutes=10),
            ),
            *_rendered_sources(replica_url),
        ],
        probes=demo_probes(replica_url, every=probe_every),
        monitoring=Monitoring(degraded_window=3, rollup_every=timedelta(minutes=1)),
        models=Models(aliases={"deepseek-v31-terminus": DEMO_MODEL}),
    )


def _rendered_sources(replica_url: str) -> list[PagesSource]:
    """Parasail's pricing, which only its JavaScript draws (the corpus's JS-only page), read in the
    browser: where the system Chromium is installed."""
    if not CHROMIUM.exists():
        logger.info("%s not found: the demo leaves out the page drawn by JavaScript", CHROMIUM)
        return []
    return [
        PagesSource(
            name="parasail",
            kind="pages",
            provider="Parasail",
            urls=[f"{replica_url}/corpus/www.parasail.io/pricing"],
            every=timedelta(minutes=10),
            render="browser",
        )
    ]


def fresh_sqlite(path: Path) -> str:
    """Delete a previous demo database (and its WAL files) and return the URL of a new one."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def start_replica(port: int = 0) -> ReplicaServer:
    return ReplicaServer(demo_catalog(), port=port, chat=demo_chat_table()).start()


def schedule_failures(replica: ReplicaServer) -> None:
    """From now on the flaky endpoint fails by the clock (two minutes in every six)."""
    for name, _protocol, _path, model, tag, behaviour in DEMO_PROBES:
        if name == FLAKY:
            replica.chat.set_behaviour(
                model, replace(behaviour, failure=500, fail_when=_flaky_window), tag=tag
            )


def probe_rounds(replica: ReplicaServer, config: Config, db_url: str, *, rounds: int = DEMO_ROUNDS) -> None:
    """A few probe rounds, back to back; the flaky endpoint answers 500 in `FLAKY_ROUNDS`."""
    from monitor.probes.runner import ProbeRunner

    flaky = next(p for p in DEMO_PROBES if p[0] == FLAKY)
    engine = make_engine(db_url)
    try:
        runner = ProbeRunner(config, engine)
        probes = runner.select()
        for index in range(rounds):
            behaviour = flaky[5] if index not in FLAKY_ROUNDS else replace(flaky[5], failure=500)
            replica.chat.set_behaviour(flaky[3], behaviour, tag=flaky[4])
            runner.round(probes)
        rollup(engine, now=utcnow())
    finally:
        engine.dispose()


def probe_highlights(db_url: str) -> str:
    """Each probe's status, uptime and TTFT, then the incidents."""
    engine = make_engine(db_url)
    try:
        health = endpoint_health(engine, now=utcnow(), windows=("1d",))
        found = incidents(engine)
    finally:
        engine.dispose()
    lines = ["probes (our own measurements, last day):"]
    lines.append(f"  {'probe':<28} {'status':<9} {'uptime':>7} {'ttft p50':>9} {'ttft p90':>9} {'errors'}")
    names = {}
    for item in sorted(health.values(), key=lambda h: h.probe):
        names[item.target_id] = item.probe
        day = item.windows["1d"]
        uptime = "—" if day.uptime is None else f"{day.uptime:.0f}%"
        p50 = "—" if day.ttft_p50_ms is None else f"{day.ttft_p50_ms:.0f} ms"
        p90 = "—" if day.ttft_p90_ms is None else f"{day.ttft_p90_ms:.0f} ms"
        errors = ", ".join(f"{n} {kind}" for kind, n in sorted(day.errors.items())) or "none"
        lines.append(f"  {item.probe:<28} {item.status:<9} {uptime:>7} {p50:>9} {p90:>9} {errors}")
    lines.append("incidents:")
    for incident in found:
        ended = f"ended {incident.ended:%H:%M:%S}" if incident.ended else "ongoing"
        lines.append(
            f"  {names.get(incident.target_id, incident.target_id)}: {incident.kind} from "
            f"{incident.started:%H:%M:%S}, {ended} ({incident.cause})"
        )
    if not found:
        lines.append("  none")
    return "\n".join(lines)


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
