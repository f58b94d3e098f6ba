"""OpenRouter's JSON API into snapshot items: `/models`, `/models/{id}/endpoints`, `/providers`.

Pure functions over response bodies; no I/O. Prices go through `crawler.extract.openrouter_pricing`
(USD per token in, exact `Decimal` per 1M tokens out); typed reads through `crawler.extract.jsonfields`.
A malformed body raises `ExtractError`; one malformed entry becomes a `Problem` and the rest parse.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import Any

from crawler.extract.jsonfields import ExtractError, JsonFields, response_data, short
from crawler.extract.openrouter_pricing import parse_pricing
from db.catalog.crawled import EndpointIn, ModelIn, Problem, ProviderIn, QualityFact, ReportedStats

PROVIDER = "OpenRouter"
SOURCE = "openrouter"

# Model and provider fields kept as metadata when present and not null.
_MODEL_META_KEYS = ("canonical_slug", "knowledge_cutoff", "expiration_date", "links", "top_provider")
_MODEL_META_EXTRA = ("per_request_limits", "supported_voices", "default_parameters")
_ARCH_META_KEYS = ("tokenizer", "instruct_type", "modality")
_PROVIDER_META_KEYS = ("headquarters", "datacenters", "privacy_policy_url", "terms_of_service_url")
_PROVIDER_META_EXTRA = ("status_page_url",)
#: The publishers of `benchmarks`: Artificial Analysis' indices (0 to 100), Design Arena's Elo per category.
ARTIFICIAL_ANALYSIS = "artificial_analysis"
DESIGN_ARENA = "design_arena"


def parse_models(
    body: bytes | str, *, base_url: str
) -> tuple[list[ModelIn], list[EndpointIn], list[Problem]]:
    """Parse a ``GET /models`` body into one model and one routed OpenRouter endpoint per entry."""
    base = base_url.rstrip("/")
    entries = response_data(body, where="models body", kind=list)
    models: list[ModelIn] = []
    endpoints: list[EndpointIn] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where = f"models body: data[{i}]"
        try:
            model, endpoint = _model_entry(entry, base=base, where=where)
        except ExtractError as exc:
            problems.append(Problem("malformed_json", str(exc), url=f"{base}/models", parser=True))
            continue
        try:  # a malformed `benchmarks` is a problem; the model stands, its stored facts stay (None)
            model = replace(
                model, quality=parse_benchmarks(entry.get("benchmarks"), where=f"{where}.benchmarks")
            )
        except ExtractError as exc:
            problems.append(Problem("malformed_json", str(exc), url=f"{base}/models", parser=True))
        if model.id in seen:
            problems.append(
                Problem(
                    "duplicate_model", f"{where}: duplicate id {model.id!r}", f"{base}/models", warning=True
                )
            )
            continue
        seen.add(model.id)
        models.append(model)
        endpoints.append(endpoint)
    return models, endpoints, problems


def parse_endpoints(
    body: bytes | str, *, model_id: str, base_url: str
) -> tuple[ModelIn | None, list[EndpointIn], list[Problem]]:
    """Parse a ``GET /models/{id}/endpoints`` body: one endpoint per provider behind OpenRouter.

    Every endpoint is reached through OpenRouter's chat completions URL, so its ``provider_model_id`` is
    OpenRouter's model id and its ``tag`` pins the provider. The model is ``None`` when the body's model
    fields are malformed (reported as a problem); the endpoints still parse. Of two entries with the same
    provider and tag (one identity), the first is kept and the second reported.
    """
    base = base_url.rstrip("/")
    url = f"{base}/models/{model_id}/endpoints"
    where = f"endpoints body for {model_id}: data"
    data = response_data(body, where=f"endpoints body for {model_id}", kind=dict)
    raw = data.get("endpoints")
    if not isinstance(raw, list):
        raise ExtractError(f"{where}.endpoints: not a list: {short(raw)}")
    problems: list[Problem] = []
    model: ModelIn | None = None
    try:
        model = _model(JsonFields(data, where), model_id=model_id)
    except ExtractError as exc:
        problems.append(Problem("malformed_json", str(exc), url=url, parser=True))
    released = model.released if model else None
    endpoints: list[EndpointIn] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        at = f"{where}.endpoints[{i}]"
        try:
            endpoint = _endpoint_entry(entry, model_id=model_id, base=base, released=released, where=at)
        except ExtractError as exc:
            problems.append(Problem("malformed_json", str(exc), url=url, parser=True))
            continue
        if endpoint.key in seen:
            message = f"{at}: duplicate endpoint {endpoint.provider} {endpoint.tag!r}, kept the first"
            problems.append(Problem("duplicate_endpoint", message, url=url, warning=True))
            continue
        seen.add(endpoint.key)
        endpoints.append(endpoint)
    return model, endpoints, problems


def parse_providers(body: bytes | str) -> list[ProviderIn]:
    """Parse a ``GET /providers`` body; entries without a name are skipped (they name nothing)."""
    providers: list[ProviderIn] = []
    for entry in response_data(body, where="providers body", kind=list):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"]:
            continue
        slug = entry.get("slug")
        meta = {k: entry[k] for k in _PROVIDER_META_KEYS + _PROVIDER_META_EXTRA if entry.get(k) is not None}
        providers.append(
            ProviderIn(name=entry["name"], slug=slug if isinstance(slug, str) else None, meta=meta)
        )
    return providers


def parse_benchmarks(value: Any, *, where: str) -> tuple[QualityFact, ...]:
    """A `/models` entry's ``benchmarks`` as quality facts: every numeric Artificial Analysis index
    (``intelligence_index``, ``coding_index``, ``agentic_index``...) and Design Arena's Elo per category
    (``design_arena:website``; ``design_arena:<arena>:<category>`` for an arena other than ``models``).
    Absent or null: none. A value of the wrong type raises `ExtractError` naming its key path."""
    if value is None:
        return ()
    fields = JsonFields(value, where)
    facts: list[QualityFact] = []
    indices = fields.sub(ARTIFICIAL_ANALYSIS)
    for key in sorted(indices.obj):
        number = indices.number(key) if key.endswith("_index") else _plain_number(indices.get(key))
        if number is not None and math.isfinite(number):
            facts.append(QualityFact(ARTIFICIAL_ANALYSIS, key, number))
    arenas = fields.get(DESIGN_ARENA)
    if arenas is not None and not isinstance(arenas, list):
        raise ExtractError(f"{fields.at(DESIGN_ARENA)}: not a list: {short(arenas)}")
    seen: set[str] = set()
    for i, item in enumerate(arenas or ()):
        entry = JsonFields(item, f"{fields.at(DESIGN_ARENA)}[{i}]")
        category, arena, elo = entry.text("category"), entry.text("arena"), entry.number("elo")
        if not category or elo is None or not math.isfinite(elo):
            continue
        name = (
            f"{DESIGN_ARENA}:{category}"
            if arena in (None, "", "models")
            else f"{DESIGN_ARENA}:{arena}:{category}"
        )
        if name not in seen:
            seen.add(name)
            facts.append(QualityFact(DESIGN_ARENA, name, elo))
    return tuple(facts)


def _plain_number(value: Any) -> float | None:
    """A number, else None (an index's companion fields of other types are not indices)."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _model_entry(entry: Any, *, base: str, where: str) -> tuple[ModelIn, EndpointIn]:
    fields = JsonFields(entry, where)
    model = _model(fields, model_id=None)
    top = fields.sub("top_provider")
    defaults = fields.sub("default_parameters").obj
    endpoint = EndpointIn(
        provider=PROVIDER,
        model=model.id,
        provider_model_id=model.id,
        url=f"{base}/chat/completions",
        protocol="openai",
        name=model.name,
        context_length=top.integer("context_length") or model.context_length,
        max_output_tokens=top.integer("max_completion_tokens"),
        parameters=tuple(sorted(set(fields.texts("supported_parameters")))),
        parameter_defaults={k: v for k, v in defaults.items() if v is not None},
        pricing=parse_pricing(fields.get("pricing"), where=fields.at("pricing")),
        released=model.released,
    )
    return model, endpoint


def _model(fields: JsonFields, *, model_id: str | None) -> ModelIn:
    """The model fields shared by a `/models` entry and an `/endpoints` body (`model_id` wins there)."""
    if model_id is None:
        model_id = (fields.text("id") or "").strip()
        if not model_id:
            raise ExtractError(f"{fields.at('id')}: missing")
    arch = fields.sub("architecture")
    meta = {k: fields.obj[k] for k in _MODEL_META_KEYS + _MODEL_META_EXTRA if fields.get(k) is not None}
    meta.update({k: arch.obj[k] for k in _ARCH_META_KEYS if arch.get(k) is not None})
    return ModelIn(
        id=model_id,
        name=fields.text("name"),
        description=fields.text("description"),
        context_length=fields.integer("context_length"),
        released=fields.day("created"),
        input_modalities=arch.texts("input_modalities"),
        output_modalities=arch.texts("output_modalities"),
        hugging_face_id=fields.text("hugging_face_id") or None,
        meta=meta,
    )


def _endpoint_entry(entry: Any, *, model_id: str, base: str, released: date | None, where: str) -> EndpointIn:
    fields = JsonFields(entry, where)
    provider = (fields.text("provider_name") or "").strip()
    if not provider:
        raise ExtractError(f"{fields.at('provider_name')}: missing")
    reported = ReportedStats(
        source=SOURCE,
        uptime_5m=fields.number("uptime_last_5m"),
        uptime_30m=fields.number("uptime_last_30m"),
        uptime_1d=fields.number("uptime_last_1d"),
        latency_30m=fields.percentiles("latency_last_30m"),
        throughput_30m=fields.percentiles("throughput_last_30m"),
        status=fields.integer("status"),
    )
    return EndpointIn(
        provider=provider,
        model=model_id,
        provider_model_id=model_id,
        url=f"{base}/chat/completions",
        protocol="openai",
        tag=fields.text("tag") or None,
        name=fields.text("name"),
        context_length=fields.integer("context_length"),
        max_output_tokens=fields.integer("max_completion_tokens"),
        max_prompt_tokens=fields.integer("max_prompt_tokens"),
        quantization=fields.text("quantization") or None,
        parameters=tuple(sorted(set(fields.texts("supported_parameters")))),
        pricing=parse_pricing(fields.get("pricing"), where=fields.at("pricing")),
        released=released,
        reported=reported,
    )
