"""A store where sources disagree, written by the real ingest: DeepInfra's own list (authority 0),
models.dev (1) and LiteLLM's map (2) crawled one after the other, for the db, API, dashboard and alert
tests of sources and disagreements.

- GLM-4.7 at DeepInfra: its own list says input 0.43, models.dev 0.60 (a disagreement on input, opened
  by the models.dev crawl), LiteLLM 0.43 (agrees); all three say output 1.75.
- DeepSeek V3.1 at DeepInfra: its own list says a context of 163,840, models.dev 131,072 (a disagreement on
  context_length); 128K written as 131,072 by one and 128,000 by another would be the same context.
- Qwen3 at Together: one source only, so nothing to disagree about.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing
from db.catalog.ingest import ingest_run
from db.catalog.report import IngestReport
from db.catalog.runs import start_run

T0 = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
OWN, MODELSDEV, LITELLM = 0, 1, 2
GLM, GLM_ID = "z-ai/glm-4.7", "zai-org/GLM-4.7"
DEEPSEEK, DEEPSEEK_ID = "deepseek/deepseek-v3.1", "deepseek-ai/DeepSeek-V3.1"
QWEN, QWEN_ID = "qwen/qwen3-235b", "Qwen/Qwen3-235B"
ALIASES = {GLM_ID: GLM, DEEPSEEK_ID: DEEPSEEK, QWEN_ID: QWEN, "glm47": GLM}
MODELS = [ModelIn(id=GLM, name="GLM 4.7"), ModelIn(id=DEEPSEEK, name="DeepSeek V3.1"), ModelIn(id=QWEN)]


def offer(
    provider: str,
    model_id: str,
    *,
    input: str,
    output: str,
    context: int | None = 202752,
    url: str = "https://api.deepinfra.com/v1/openai/chat/completions",
    **extra: Any,
) -> EndpointIn:
    return EndpointIn(
        provider=provider,
        model=model_id,
        provider_model_id=model_id,
        url=url,
        context_length=context,
        pricing=Pricing(input=Decimal(input), output=Decimal(output)),
        **extra,
    )


def crawl(
    engine: Any, source: str, authority: int, endpoints: list[EndpointIn], *, at: datetime
) -> IngestReport:
    """One complete crawl of `source` through the real ingest."""
    run_id = start_run(engine=engine, source=source, started=at)
    result = CrawlResult(
        source=source, started=at, finished=at, endpoints=endpoints, models=MODELS, authority=authority
    )
    return ingest_run(engine=engine, run_id=run_id, result=result, aliases=ALIASES, now=at)


def own_list(*, glm_input: str = "0.43") -> list[EndpointIn]:
    return [
        offer("DeepInfra", GLM_ID, input=glm_input, output="1.75"),
        offer("DeepInfra", DEEPSEEK_ID, input="0.27", output="1.0", context=163840),
    ]


def modelsdev_list(*, glm_input: str = "0.60") -> list[EndpointIn]:
    return [
        offer("Deep Infra", GLM_ID, input=glm_input, output="1.75"),
        offer("deepinfra", DEEPSEEK_ID, input="0.27", output="1.0", context=131072),
        offer(
            "Together", QWEN_ID, input="0.2", output="0.6", url="https://api.together.xyz/v1/chat/completions"
        ),
    ]


def seed_sources(engine: Any, *, at: datetime = T0) -> None:
    """The store described above: the disagreements open at `at` + 1 hour (the models.dev crawl)."""
    crawl(engine, "deepinfra", OWN, own_list(), at=at)
    crawl(engine, "modelsdev", MODELSDEV, modelsdev_list(), at=at + timedelta(hours=1))
    crawl(
        engine,
        "litellm",
        LITELLM,
        [offer("deepinfra", GLM_ID, input="0.43", output="1.75")],
        at=at + timedelta(hours=2),
    )
