"""Synthetic models.dev and LiteLLM documents for the whole-market benchmark: real shapes, the real sizes.

`generate_documents(catalog, seed=...)` builds, beside a synthetic OpenRouter catalog
(`bench.catalog_gen`), what a bare clone lacks of the recorded market:

- a models.dev ``api.json`` of 141 providers and 5,186 provider models (the 2026-06-11 recording's
  size): the OpenRouter catalog's 82 providers under the same names plus 59 of their own; a third of the
  models are OpenRouter's models (same id), so their canonical model is shared; prices in USD per 1M
  as JSON numbers, some with cache prices or a context tier, some with no ``cost`` at all;
- a LiteLLM cost map of 2,985 keys (the 2026-07-24 recording's size), 2,392 of them chat models: the
  rest embeddings, image generation and the like, which the parser skips. Two in five chat entries
  are a models.dev provider model again (same provider, same model id: one endpoint two sources
  list), one in ten of those at another price (a disagreement); prices in USD per token as floats,
  with the float noise of the real map (``2.9999900000000002e-06``).

Deterministic: the same catalog and seed give byte-identical documents.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

from bench.catalog_gen import SyntheticCatalog

JsonObject = dict[str, Any]

MODELSDEV_PROVIDERS = 141
MODELSDEV_MODELS = 5186
LITELLM_KEYS = 2985
LITELLM_CHAT = 2392
_OTHER_MODES = ("embedding", "image_generation", "audio_transcription", "rerank", "audio_speech")
_CONTEXTS = (8192, 32768, 65536, 128000, 131072, 200000, 262144, 1048576)
_OUTPUTS = (4096, 8192, 16384, 32768, 65536, 128000)
_PRICES = (0.02, 0.05, 0.1, 0.15, 0.2, 0.27, 0.3, 0.5, 0.6, 0.8, 1, 1.25, 2, 2.5, 3, 5, 10, 15)
_FACTORS = (1, 2, 3, 4, 5, 8)
_SUPPORTS = ("function_calling", "tool_choice", "response_schema", "vision", "reasoning", "prompt_caching")


@dataclass(frozen=True)
class MarketDocuments:
    """The two documents as served (UTF-8 JSON bytes)."""

    modelsdev: bytes
    litellm: bytes


def generate_documents(catalog: SyntheticCatalog, *, seed: int = 0) -> MarketDocuments:
    rng = random.Random(f"market-{seed}")
    modelsdev = _modelsdev(rng, catalog)
    litellm = _litellm(rng, modelsdev)
    return MarketDocuments(
        modelsdev=json.dumps(modelsdev, indent=2, sort_keys=True).encode(),
        litellm=json.dumps(litellm, indent=2).encode(),
    )


def _modelsdev(rng: random.Random, catalog: SyntheticCatalog) -> JsonObject:
    names = [p["name"] for p in catalog.providers]
    names += [f"Market{n:03d} Cloud" for n in range(MODELSDEV_PROVIDERS - len(names))]
    shared_ids = [m["id"] for m in catalog.models]
    # models per provider: a long tail like the recording's (most have a few, some have hundreds)
    weights = [rng.paretovariate(1.2) for _ in names]
    total = sum(weights)
    counts = [max(1, int(MODELSDEV_MODELS * w / total)) for w in weights]
    counts[counts.index(max(counts))] += MODELSDEV_MODELS - sum(counts)
    doc: JsonObject = {}
    serial = 0
    for name, count in zip(names, counts, strict=True):
        slug = name.lower().replace(" ", "-")
        models: JsonObject = {}
        while len(models) < count:
            serial += 1
            if rng.random() < 1 / 3:
                model_id = rng.choice(shared_ids)
            else:
                model_id = f"{rng.choice(('open', 'neo', 'tera', 'giga'))}-{serial:05d}-instruct"
            if model_id not in models:
                models[model_id] = _modelsdev_model(rng, model_id)
        doc[slug] = {
            "api": f"https://api.{slug}.example/v1",
            "doc": f"https://{slug}.example/docs/models",
            "env": [f"{slug.upper().replace('-', '_')}_API_KEY"],
            "id": slug,
            "models": models,
            "name": name,
            "npm": "@ai-sdk/openai-compatible",
        }
    return doc


def _modelsdev_model(rng: random.Random, model_id: str) -> JsonObject:
    model: JsonObject = {
        "attachment": rng.random() < 0.3,
        "family": model_id.split("/")[-1].split("-")[0],
        "id": model_id,
        "knowledge": f"202{rng.randint(3, 5)}-{rng.randint(1, 12):02d}",
        "last_updated": f"2026-0{rng.randint(1, 5)}-{rng.randint(10, 28)}",
        "limit": {"context": rng.choice(_CONTEXTS), "output": rng.choice(_OUTPUTS)},
        "modalities": {"input": ["text", "image"] if rng.random() < 0.3 else ["text"], "output": ["text"]},
        "name": model_id.split("/")[-1].replace("-", " ").title(),
        "open_weights": rng.random() < 0.5,
        "reasoning": rng.random() < 0.4,
        "release_date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(10, 28)}",
        "temperature": True,
        "tool_call": rng.random() < 0.7,
    }
    if rng.random() < 0.93:  # the rest publish no cost: not published, never 0
        price = rng.choice(_PRICES)
        cost: JsonObject = {"input": price, "output": price * rng.choice(_FACTORS)}
        if rng.random() < 0.3:
            cost["cache_read"] = round(price / 10, 6)
        if rng.random() < 0.03:
            tier = {"size": 200000, "type": "context"}
            cost["tiers"] = [{"input": price * 2, "output": cost["output"] * 2, "tier": tier}]
        model["cost"] = cost
    return model


def _litellm(rng: random.Random, modelsdev: JsonObject) -> JsonObject:
    listed = [(slug, model) for slug, entry in modelsdev.items() for model in entry["models"].values()]
    rng.shuffle(listed)
    doc: JsonObject = {"sample_spec": {"mode": "one of: chat, embedding, ...", "litellm_provider": "..."}}
    for slug, model in listed[: LITELLM_CHAT * 2 // 5]:  # the same endpoint as models.dev lists
        cost = model.get("cost") or {"input": rng.choice(_PRICES), "output": rng.choice(_PRICES)}
        other = rng.random() < 0.1  # a disagreement with models.dev
        doc[f"{slug}/{model['id']}"] = _litellm_entry(rng, slug, cost, model["limit"], other=other)
    serial = 0
    while len(doc) - 1 < LITELLM_CHAT:
        serial += 1
        slug = rng.choice(list(modelsdev))
        price = rng.choice(_PRICES)
        cost = {"input": price, "output": price * rng.choice(_FACTORS)}
        limit = {"context": rng.choice(_CONTEXTS), "output": rng.choice(_OUTPUTS)}
        doc[f"{slug}/lite-{serial:05d}"] = _litellm_entry(rng, slug, cost, limit, other=False)
    while len(doc) - 1 < LITELLM_KEYS:
        serial += 1
        doc[f"media-{serial:05d}"] = {
            "input_cost_per_token": 1e-07,
            "litellm_provider": rng.choice(list(modelsdev)),
            "max_input_tokens": 8192,
            "mode": rng.choice(_OTHER_MODES),
            "output_cost_per_token": 0.0,
        }
    return doc


def _litellm_entry(
    rng: random.Random, slug: str, cost: JsonObject, limit: JsonObject, *, other: bool
) -> JsonObject:
    factor = 1.2 if other else 1.0
    entry: JsonObject = {
        # per token, as a float computed the way the real map's are (float noise included)
        "input_cost_per_token": cost["input"] * factor / 1e6,
        "litellm_provider": slug,
        "max_input_tokens": limit["context"],
        "max_output_tokens": limit["output"],
        "max_tokens": limit["output"],
        "mode": "chat",
        "output_cost_per_token": cost["output"] * factor / 1e6,
    }
    if "cache_read" in cost:
        entry["cache_read_input_token_cost"] = cost["cache_read"] / 1e6
    for name in _SUPPORTS:
        if rng.random() < 0.5:
            entry[f"supports_{name}"] = True
    return entry
