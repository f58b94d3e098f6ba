"""A synthetic OpenRouter catalog for the benchmarks: the real shape, made-up content, same size.

`generate_catalog(seed=..., scale=...)` builds what the replica serves from recorded files: `/models`
objects (2026 shape: zero prices left out, per-token prices as decimal strings, `links`,
`knowledge_cutoff`), `/providers` objects and one `/models/{id}/endpoints` body per model. At
`scale=1` it has the size of the 2026-05 recording: 356 models, 832 provider endpoints over 343 of
them (13 models, like router aliases, have none and answer 404), 82 providers. The number of
endpoints per model follows the recording's histogram; `scale=N` repeats it N times with new ids.

Deterministic: the same seed and scale give byte-identical bodies.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from replica.catalog import Catalog, build_endpoints_body

JsonObject = dict[str, Any]

MODELS_PER_UNIT = 356
PROVIDERS = 82
# Endpoints per model in the 2026-05-18 recording: {endpoints: models}; sums to 832 over 343 models.
ENDPOINTS_HISTOGRAM: dict[int, int] = {
    0: 13, 1: 198, 2: 58, 3: 27, 4: 19, 5: 9, 6: 9, 7: 4, 8: 4, 9: 1, 10: 2,
    11: 1, 12: 4, 13: 1, 15: 2, 17: 2, 18: 1, 19: 1,
}  # fmt: skip
ENDPOINTS_PER_UNIT = sum(n * count for n, count in ENDPOINTS_HISTOGRAM.items())

_VENDORS = (
    "acme", "borealis", "cirrus", "deltaforge", "ember", "fathom", "glyph", "helios", "ionic",
    "juniper", "kestrel", "lumen", "meridian", "nimbus", "orchid", "paragon", "quasar", "rook",
)  # fmt: skip
_FAMILIES = ("chat", "coder", "instruct", "vision", "reason", "mini", "flash", "pro", "turbo", "lite")
_SYLLABLES = ("ar", "bel", "cor", "dax", "en", "fi", "gra", "hy", "io", "ka", "lo", "mu", "no", "per", "qu",
              "ra", "sil", "tor", "ul", "vex", "wyn", "xa", "yo", "zen")  # fmt: skip
_QUANTIZATIONS = (
    ("unknown", 434),
    ("fp8", 253),
    ("bf16", 73),
    ("fp4", 35),
    ("int4", 19),
    ("fp16", 13),
    ("int8", 5),
)
_PARAMETERS = (
    "max_tokens", "temperature", "top_p", "response_format", "seed", "tools", "stop", "tool_choice",
    "structured_outputs", "presence_penalty", "frequency_penalty", "include_reasoning", "reasoning",
    "top_k", "repetition_penalty", "logit_bias", "min_p", "logprobs", "top_logprobs",
)  # fmt: skip
_MODALITIES = (
    (("text",), ("text",)),
    (("text", "image", "file"), ("text",)),
    (("text", "image"), ("text",)),
    (("text", "image", "video"), ("text",)),
)
_CONTEXTS = (4096, 8192, 32768, 65536, 131072, 163840, 200000, 262144, 1000000)
# Per-token prices in USD, as OpenRouter publishes them (decimal strings).
_INPUT_PRICES = (
    "0.00000002", "0.00000005", "0.0000001", "0.00000015", "0.0000002", "0.00000027", "0.0000003",
    "0.0000005", "0.0000008", "0.000001", "0.000002", "0.000003", "0.000015",
)  # fmt: skip
_OUTPUT_FACTORS = (1, 2, 3, 4, 5, 8)
_CREATED_2024 = 1_704_067_200


@dataclass(frozen=True)
class SyntheticCatalog:
    """The three kinds of body, as JSON objects."""

    models: list[JsonObject]
    providers: list[JsonObject]
    endpoints: dict[str, JsonObject]  # model id -> body of GET /models/{id}/endpoints

    @property
    def endpoint_count(self) -> int:
        return sum(len(body["data"]["endpoints"]) for body in self.endpoints.values())

    def to_catalog(self) -> Catalog:
        """A replica `Catalog` serving these bodies."""
        return Catalog(
            models=self.models, providers=self.providers, endpoints=self.endpoints, name="synthetic"
        )


def generate_catalog(*, seed: int = 0, scale: int = 1) -> SyntheticCatalog:
    """A catalog of `356 * scale` models and `832 * scale` provider endpoints (see the module docstring)."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    rng = random.Random(seed)
    providers = _providers(rng)
    counts = [n for n, models in ENDPOINTS_HISTOGRAM.items() for _ in range(models)] * scale
    rng.shuffle(counts)
    models: list[JsonObject] = []
    endpoints: dict[str, JsonObject] = {}
    for index, count in enumerate(counts):
        model = _model(rng, index)
        models.append(model)
        if count:
            chosen = rng.sample(providers, count)
            items = [_endpoint(rng, model, provider) for provider in chosen]
            endpoints[model["id"]] = build_endpoints_body(model, items)
    return SyntheticCatalog(models=models, providers=providers, endpoints=endpoints)


def _providers(rng: random.Random) -> list[JsonObject]:
    names: set[str] = set()
    while len(names) < PROVIDERS:
        names.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize())
    providers = []
    for name in sorted(names):
        slug = name.lower()
        providers.append(
            {
                "name": name,
                "slug": slug,
                "privacy_policy_url": f"https://{slug}.example/privacy" if rng.random() < 0.7 else None,
                "terms_of_service_url": f"https://{slug}.example/terms" if rng.random() < 0.7 else None,
                "status_page_url": f"https://status.{slug}.example" if rng.random() < 0.3 else None,
                "headquarters": rng.choice(("US", "CN", "DE", "FR", "SG", None)),
                "datacenters": rng.sample(["US", "DE", "FR", "SG", "JP", "CA"], rng.randint(1, 3)),
            }
        )
    return providers


def _model(rng: random.Random, index: int) -> JsonObject:
    vendor = rng.choice(_VENDORS)
    family = rng.choice(_FAMILIES)
    model_id = f"{vendor}/{family}-{rng.choice((3, 7, 8, 14, 32, 70, 235, 480))}b-{index:05d}"
    name = f"{vendor.capitalize()}: {family.capitalize()} {index}"
    inputs, outputs = rng.choice(_MODALITIES)
    context = rng.choice(_CONTEXTS)
    created = _CREATED_2024 + rng.randrange(0, 2 * 365 * 86400)
    pricing = _pricing(rng, extras=True)
    return {
        "id": model_id,
        "canonical_slug": f"{model_id}-{created % 100000}",
        "hugging_face_id": model_id if rng.random() < 0.4 else None,
        "name": name,
        "created": created,
        "description": f"{name} is a synthetic model for benchmarks. " * rng.randint(2, 6),
        "context_length": context,
        "architecture": {
            "modality": "+".join(inputs) + "->" + "+".join(outputs),
            "input_modalities": list(inputs),
            "output_modalities": list(outputs),
            "tokenizer": rng.choice(("Other", "GPT", "Qwen3", "Mistral", "Llama3", "Gemini")),
            "instruct_type": None,
        },
        "pricing": pricing,
        "top_provider": {
            "context_length": context,
            "max_completion_tokens": rng.choice((4096, 8192, 16384, 32768, None)),
            "is_moderated": rng.random() < 0.2,
        },
        "per_request_limits": None,
        "supported_parameters": _parameters(rng),
        "default_parameters": {"temperature": rng.choice((None, 0.7, 1.0)), "top_p": None, "top_k": None},
        "supported_voices": None,
        "knowledge_cutoff": None,
        "expiration_date": None,
        "links": {"details": f"/api/v1/models/{model_id}/endpoints"},
    }


def _endpoint(rng: random.Random, model: JsonObject, provider: JsonObject) -> JsonObject:
    quantization = rng.choices([q for q, _ in _QUANTIZATIONS], weights=[w for _, w in _QUANTIZATIONS])[0]
    tag = provider["slug"] if quantization == "unknown" else f"{provider['slug']}/{quantization}"
    pricing = _pricing(rng, extras=False)
    pricing["discount"] = 0
    measured = rng.random() < 0.6
    return {
        "name": f"{provider['name']} | {model['id']}",
        "model_id": model["id"],
        "model_name": model["name"],
        "context_length": min(model["context_length"], rng.choice(_CONTEXTS)),
        "pricing": pricing,
        "provider_name": provider["name"],
        "tag": tag,
        "quantization": quantization,
        "max_completion_tokens": rng.choice((4096, 8192, 16384, None)),
        "max_prompt_tokens": None,
        "supported_parameters": _parameters(rng),
        "status": rng.choices((0, -2, -5), weights=(777, 39, 16))[0],
        "uptime_last_5m": round(rng.uniform(90, 100), 2) if measured else None,
        "uptime_last_30m": round(rng.uniform(90, 100), 2) if measured else None,
        "uptime_last_1d": round(rng.uniform(95, 100), 2) if measured else None,
        "latency_last_30m": _percentiles(rng, 200, 3000) if measured else None,
        "throughput_last_30m": _percentiles(rng, 10, 200) if measured else None,
        "supports_implicit_caching": rng.random() < 0.3,
    }


def _pricing(rng: random.Random, *, extras: bool) -> JsonObject:
    prompt = rng.choice(_INPUT_PRICES)
    factor = rng.choice(_OUTPUT_FACTORS)
    # Scale the decimal text exactly (no float): "0.0000003" * 4 -> "0.0000012".
    digits = prompt.split(".")[1]
    completion = f"0.{int(digits) * factor:0{len(digits)}d}"
    pricing: JsonObject = {"prompt": prompt, "completion": completion}
    if extras:
        if rng.random() < 0.42:
            pricing["input_cache_read"] = f"0.{int(digits):0{len(digits) + 1}d}"  # a tenth of the input
        if rng.random() < 0.2:
            pricing["web_search"] = "0.01"
        if rng.random() < 0.05:
            pricing["image"] = "0.001"
    return pricing


def _parameters(rng: random.Random) -> list[str]:
    return [p for p in _PARAMETERS if rng.random() < 0.6] or ["max_tokens"]


def _percentiles(rng: random.Random, low: float, high: float) -> dict[str, float]:
    p50 = rng.uniform(low, high)
    return {"p50": round(p50), "p75": round(p50 * 1.2), "p90": round(p50 * 1.5, 1), "p99": round(p50 * 3, 2)}
