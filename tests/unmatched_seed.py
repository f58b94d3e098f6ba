"""A store four sources wrote through the real ingest, with provider model ids that matched no canonical
model: an OpenRouter crawl (canonical ids, Hugging Face ids), models.dev's DeepInfra (one id matched by
its Hugging Face id, one `-Turbo` variant that matches nothing), DeepInfra's own list (the same variant)
and EigenAI's page (its own spelling of a canonical model). For the API and dashboard tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine

from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn
from db.catalog.ingest import ingest_run
from db.catalog.runs import start_run
from tests.api.seed import T0, ingest, offer

GLM, LLAMA, TERMINUS = "z-ai/glm-4.7", "meta-llama/llama-3.3-70b-instruct", "deepseek/deepseek-v3.1-terminus"
TURBO = "meta-llama/Llama-3.3-70B-Instruct-Turbo"
EIGEN = "deepseek-v31-terminus"


def openrouter_model(model_id: str, hugging_face_id: str) -> ModelIn:
    return ModelIn(id=model_id, hugging_face_id=hugging_face_id, meta={"canonical_slug": model_id})


def catalog_model(model_id: str) -> ModelIn:
    """A model as models.dev describes a provider's id: capabilities, no OpenRouter slug."""
    return ModelIn(id=model_id, name=model_id, meta={"capabilities": {"tool_call": True}})


def crawl(engine: Engine, source: str, endpoints: list[EndpointIn], *, at: datetime, **more: Any) -> None:
    """A crawl of a source that names models by providers' ids (`canonical_models` false)."""
    result = CrawlResult(
        source=source, started=at, finished=at, endpoints=endpoints, canonical_models=False, **more
    )
    run_id = start_run(engine=engine, source=source, started=at)
    ingest_run(engine=engine, run_id=run_id, result=result, now=at)


def crawl_modelsdev(engine: Engine, at: datetime) -> None:
    ids = ["zai-org/GLM-4.7", TURBO]
    endpoints = [offer("Deep Infra", model=i) for i in ids]
    crawl(engine, "modelsdev", endpoints, at=at, models=[catalog_model(i) for i in ids], authority=1)


def seed_unmatched(engine: Engine) -> None:
    models = [
        openrouter_model(GLM, "zai-org/GLM-4.7"),
        openrouter_model(LLAMA, "meta-llama/Llama-3.3-70B-Instruct"),
        openrouter_model(TERMINUS, "deepseek-ai/DeepSeek-V3.1-Terminus"),
    ]
    routed = [offer("DeepInfra", model=GLM), offer("OpenRouter", model=TERMINUS)]
    ingest(engine, routed, source="openrouter", models=models)
    crawl_modelsdev(engine, T0 + timedelta(minutes=1))
    crawl(engine, "deepinfra", [offer("deepinfra", model=TURBO)], at=T0 + timedelta(minutes=2))
    crawl(engine, "eigenai", [offer("EigenAI", model=EIGEN)], at=T0 + timedelta(minutes=3))
