"""One entry of a provider's OpenAI-style `/models` list, per price shape, into endpoints.

Pure; `crawler.extract.openai_models` picks the shape and counts what is read and skipped. A reader
yields, for one entry, an `EndpointIn` per priced chat offer, a `Skip` per offer left out on purpose
(no price, not a chat model, not live) and raises `ExtractError` (naming the key path) for a value that
is not what the shape documents. Prices are USD per 1M tokens in every shape
(`crawler.extract.source_prices`). The shapes:

- ``deepinfra`` (``GET /v1/openai/models``): ``{"data": [{id, metadata: {description, context_length,
  max_tokens, pricing: {input_tokens, output_tokens, cache_read_tokens?}, tags}}]}``; ``metadata: null``
  is a model without a per-token price (image, embedding ...). Its tags name no quantization (the real
  list has only ``vision``, ``prompt_cache``, ``reasoning_effort``): a tag that is one (``fp8``) is read.
- ``together`` (``GET /v1/models``): a bare array of ``{id, type, display_name, context_length, config:
  {max_output_length}, pricing: {input, output, cached_input?, hourly, base, finetune}}``; only ``chat``,
  ``language`` and ``code`` models are endpoints. Together lists ``0``/``0`` for a chat model it does not
  price per token (Mixture-of-Agents, billed per model it calls; private or dedicated-only models): all
  zeros is "not published" (skipped, counted as without prices) unless the id says free (``-Free``,
  ``-free``: Together's free serverless models), which is free.
- ``novita`` (``GET /v3/openai/models``): ``{"data": [{id, model_type, display_name, context_size,
  max_output_tokens, features, pricing: {prompt: {price_per_m_decimal: "0.28", price_per_m: 2800},
  completion, input_cache_read?, input_cache_write?}, input_token_price_per_m, output_token_price_per_m,
  is_tiered_billing, tiered_billing_configs}]}``. ``price_per_m_decimal`` is USD per 1M (a string);
  the integers (``price_per_m``, ``*_token_price_per_m``) are 1/10,000 USD per 1M and are read only when
  the decimal is absent. No ``pricing`` and integer prices of 0 is Novita's free model. Tiered billing
  bands after the first become ``Pricing.overrides`` (``min_prompt_tokens``).
- ``chutes`` (``GET https://llm.chutes.ai/v1/models``): ``{"data": [{id, context_length, max_output_length,
  quantization, supported_features, supported_sampling_parameters, pricing: {prompt, completion,
  input_cache_read?}, price: {input: {usd, tao}, output: {usd, tao}}}]}``; ``pricing`` is read, else
  ``price.*.usd``.
- ``huggingface`` (``GET https://router.huggingface.co/v1/models``): ``{"data": [{id, providers: [{provider,
  status, context_length, pricing: {input, output}, supports_tools, supports_structured_output,
  first_token_latency_ms?, throughput?}]}]}``: one endpoint per (model, provider) whose status is ``live``,
  named for the provider behind the router (``together`` -> ``Together``), reached at the router's chat URL,
  with tag ``huggingface/<provider>`` (not the provider's direct endpoint, as one behind OpenRouter is not).
  Its ``first_token_latency_ms`` and ``throughput`` are Hugging Face's own recent figures for that provider
  (one number each, no percentile or window given): they are kept as `ReportedStats` labelled with the
  source's name, under the key ``"value"`` of ``latency_30m`` (ms to the first token) and ``throughput_30m``
  (tokens/s), never as a ``p50``/``p90``, so nothing reads them as our probes' or OpenRouter's percentiles
  (the recommender reads only ``p90``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from crawler.extract.jsonfields import ExtractError, JsonFields, short
from crawler.extract.source_prices import optional_price as read_optional_price
from crawler.extract.source_prices import plain
from crawler.extract.source_prices import required_price as read_price
from db.catalog.crawled import EndpointIn, Pricing, ReportedStats

NO_PRICE = "without prices"
NOT_CHAT = "not chat models"
NOT_LIVE = "not live"

TOGETHER_CHAT_TYPES = frozenset({"chat", "language", "code"})
QUANTIZATIONS = frozenset({"fp4", "fp6", "fp8", "fp16", "bf16", "fp32", "int4", "int8"})

# Hugging Face's provider slugs -> the display names the catalog uses for them.
HF_PROVIDERS: dict[str, str] = {
    "cerebras": "Cerebras",
    "cohere": "Cohere",
    "deepinfra": "DeepInfra",
    "featherless-ai": "Featherless",
    "fireworks-ai": "Fireworks",
    "groq": "Groq",
    "hf-inference": "HF Inference",
    "hyperbolic": "Hyperbolic",
    "nebius": "Nebius",
    "novita": "Novita",
    "nscale": "Nscale",
    "ovhcloud": "OVHcloud",
    "publicai": "Public AI",
    "sambanova": "SambaNova",
    "scaleway": "Scaleway",
    "together": "Together",
    "zai-org": "Z.ai",
}


@dataclass(frozen=True)
class Skip:
    """An offer left out on purpose; `reason` is counted (`NO_PRICE`, `NOT_CHAT`, `NOT_LIVE`)."""

    reason: str


@dataclass(frozen=True)
class Bad:
    """An offer that is listed but could not be read (`message` names the key path): left out."""

    message: str


@dataclass(frozen=True)
class Context:
    source: str
    provider: str
    chat_url: str


Outcome = EndpointIn | Skip | Bad
Reader = Callable[[JsonFields, str, Context], Iterator[Outcome]]


def read_deepinfra(fields: JsonFields, model_id: str, ctx: Context) -> Iterator[Outcome]:
    if fields.get("metadata") is None:
        yield Skip(NO_PRICE)
        return
    meta = fields.sub("metadata")
    if meta.get("pricing") is None:
        yield Skip(NO_PRICE)
        return
    pricing = meta.sub("pricing")
    tags = meta.texts("tags")
    yield _endpoint(
        ctx,
        model_id,
        context_length=meta.integer("context_length"),
        max_output_tokens=meta.integer("max_tokens"),
        pricing=Pricing(
            input=read_price(pricing.get("input_tokens"), where=pricing.at("input_tokens")),
            output=read_price(pricing.get("output_tokens"), where=pricing.at("output_tokens")),
            cache_read=read_optional_price(pricing.obj, "cache_read_tokens", where=pricing.where),
        ),
        parameters=("reasoning_effort",) if "reasoning_effort" in tags else (),
        quantization=next((t.lower() for t in tags if t.lower() in QUANTIZATIONS), None),
    )


def read_together(fields: JsonFields, model_id: str, ctx: Context) -> Iterator[Outcome]:
    if fields.text("type") not in TOGETHER_CHAT_TYPES:
        yield Skip(NOT_CHAT)
        return
    if fields.get("pricing") is None:
        yield Skip(NO_PRICE)
        return
    pricing = fields.sub("pricing")
    input_price = read_price(pricing.get("input"), where=pricing.at("input"))
    output_price = read_price(pricing.get("output"), where=pricing.at("output"))
    if input_price == 0 and output_price == 0 and not model_id.lower().endswith("-free"):
        yield Skip(NO_PRICE)  # Together's 0/0 on a model it does not price per token
        return
    yield _endpoint(
        ctx,
        model_id,
        name=fields.text("display_name"),
        context_length=fields.integer("context_length") or None,  # 0 on models without one
        max_output_tokens=fields.sub("config").integer("max_output_length"),
        pricing=Pricing(
            input=input_price,
            output=output_price,
            cache_read=read_optional_price(pricing.obj, "cached_input", where=pricing.where),
        ),
    )


def read_novita(fields: JsonFields, model_id: str, ctx: Context) -> Iterator[Outcome]:
    if fields.text("model_type") not in (None, "chat") or not _outputs_text(fields):
        yield Skip(NOT_CHAT)
        return
    bands = _novita_bands(fields)
    if fields.get("pricing") is None and not bands and fields.get("input_token_price_per_m") is None:
        yield Skip(NO_PRICE)
        return
    base = fields.sub("pricing") if fields.get("pricing") is not None or not bands else bands[0][1]
    pricing = _novita_pricing(base, fields)
    overrides = [
        {"min_prompt_tokens": min_tokens, **_as_texts(_novita_pricing(band, None))}
        for min_tokens, band in bands[1:]
    ]
    features = set(fields.texts("features"))
    yield _endpoint(
        ctx,
        model_id,
        name=fields.text("display_name") or fields.text("title"),
        context_length=fields.integer("context_size") or None,
        max_output_tokens=fields.integer("max_output_tokens") or None,
        pricing=Pricing(
            input=pricing["input"],
            output=pricing["output"],
            cache_read=pricing["cache_read"],
            cache_write=pricing["cache_write"],
            overrides=overrides or None,
        ),
        parameters=_feature_parameters(features, tools="function-calling", schema="structured-outputs"),
    )


def read_chutes(fields: JsonFields, model_id: str, ctx: Context) -> Iterator[Outcome]:
    if not _outputs_text(fields):
        yield Skip(NOT_CHAT)
        return
    if fields.get("pricing") is not None:
        pricing = fields.sub("pricing")
        prices = Pricing(
            input=read_price(pricing.get("prompt"), where=pricing.at("prompt")),
            output=read_price(pricing.get("completion"), where=pricing.at("completion")),
            cache_read=read_optional_price(pricing.obj, "input_cache_read", where=pricing.where),
        )
    elif fields.get("price") is not None:
        price = fields.sub("price")
        prices = Pricing(
            input=_usd(price, "input", required=True),
            output=_usd(price, "output", required=True),
            cache_read=_usd(price, "input_cache_read", required=False),
        )
    else:
        yield Skip(NO_PRICE)
        return
    features = set(fields.texts("supported_features"))
    sampling = fields.texts("supported_sampling_parameters")
    yield _endpoint(
        ctx,
        model_id,
        context_length=fields.integer("context_length") or fields.integer("max_model_len"),
        max_output_tokens=fields.integer("max_output_length"),
        pricing=prices,
        parameters=_feature_parameters(features, tools="tools", schema="structured_outputs", json="json_mode")
        + sampling,
        quantization=(fields.text("quantization") or "").lower() or None,
    )


def read_huggingface(fields: JsonFields, model_id: str, ctx: Context) -> Iterator[Outcome]:
    if not _outputs_text(fields.sub("architecture")):
        yield Skip(NOT_CHAT)
        return
    offers = fields.get("providers")
    if not isinstance(offers, list):
        raise ExtractError(f"{fields.at('providers')}: not a list: {short(offers)}")
    for j, offer in enumerate(offers):
        where = f"{fields.at('providers')}[{j}]"
        try:
            p = JsonFields(offer, where)
            slug = (p.text("provider") or "").strip()
            if not slug:
                raise ExtractError(f"{p.at('provider')}: missing")
            provider = HF_PROVIDERS.get(slug, slug)
            yield from _hf_offer(p, model_id, provider, ctx)
        except ExtractError as exc:
            yield Bad(str(exc))


READERS: dict[str, Reader] = {
    "deepinfra": read_deepinfra,
    "together": read_together,
    "novita": read_novita,
    "chutes": read_chutes,
    "huggingface": read_huggingface,
}


def _hf_offer(p: JsonFields, model_id: str, provider: str, ctx: Context) -> Iterator[Outcome]:
    if p.text("status") not in (None, "live"):
        yield Skip(NOT_LIVE)
        return
    if p.get("pricing") is None:
        yield Skip(NO_PRICE)
        return
    pricing = p.sub("pricing")
    latency, throughput = p.number("first_token_latency_ms"), p.number("throughput")
    reported = None
    if latency is not None or throughput is not None:
        reported = ReportedStats(
            source=ctx.source,
            latency_30m=None if latency is None else {"value": latency},
            throughput_30m=None if throughput is None else {"value": throughput},
        )
    parameters = (("tools",) if p.get("supports_tools") is True else ()) + (
        ("response_format",) if p.get("supports_structured_output") is True else ()
    )
    yield _endpoint(
        ctx,
        model_id,
        provider=provider,
        context_length=p.integer("context_length"),
        pricing=Pricing(
            input=read_price(pricing.get("input"), where=pricing.at("input")),
            output=read_price(pricing.get("output"), where=pricing.at("output")),
        ),
        parameters=parameters,
        reported=reported,
        # reached through Hugging Face's router, it is not the provider's direct endpoint (as one behind
        # OpenRouter carries OpenRouter's tag): `huggingface/<provider>` keeps the two apart
        tag=f"huggingface/{(p.text('provider') or provider).lower()}",
    )


def _endpoint(
    ctx: Context,
    model_id: str,
    *,
    pricing: Pricing,
    provider: str | None = None,
    name: str | None = None,
    context_length: int | None = None,
    max_output_tokens: int | None = None,
    parameters: tuple[str, ...] = (),
    quantization: str | None = None,
    reported: ReportedStats | None = None,
    tag: str | None = None,
) -> EndpointIn:
    return EndpointIn(
        provider=provider or ctx.provider,
        model=model_id,
        provider_model_id=model_id,
        url=ctx.chat_url,
        protocol="openai",
        tag=tag,
        name=name,
        context_length=context_length,
        max_output_tokens=max_output_tokens,
        quantization=quantization,
        parameters=tuple(sorted(set(parameters))),
        pricing=pricing,
        reported=reported,
    )


def _outputs_text(fields: JsonFields) -> bool:
    """Whether the entry outputs text (true when it does not say)."""
    outputs = fields.texts("output_modalities")
    return not outputs or "text" in outputs


def _feature_parameters(
    features: set[str], *, tools: str, schema: str, json: str | None = None
) -> tuple[str, ...]:
    """Request parameters the listed features stand for: tool calling -> tools, structured or JSON
    output -> response_format."""
    out: list[str] = []
    if tools in features:
        out.append("tools")
    if schema in features or (json is not None and json in features):
        out.append("response_format")
    return tuple(out)


def _usd(price: JsonFields, key: str, *, required: bool) -> Decimal | None:
    """Chutes' ``price.<key>``: ``{"usd": ..., "tao": ...}`` (or a bare number)."""
    value = price.get(key)
    if value is None and not required:
        return None
    if isinstance(value, dict):
        return read_price(value.get("usd"), where=f"{price.at(key)}.usd")
    return read_price(value, where=price.at(key))


def _novita_bands(fields: JsonFields) -> list[tuple[int, JsonFields]]:
    """Novita's tiered billing bands (min prompt tokens, pricing), smallest first; [] when not tiered."""
    if fields.get("is_tiered_billing") is not True or fields.get("tiered_billing_configs") is None:
        return []
    raw = fields.get("tiered_billing_configs")
    if not isinstance(raw, list):
        raise ExtractError(f"{fields.at('tiered_billing_configs')}: not a list: {short(raw)}")
    bands = []
    for k, band in enumerate(raw):
        b = JsonFields(band, f"{fields.at('tiered_billing_configs')}[{k}]")
        bands.append((b.integer("min_tokens") or 0, b.sub("pricing")))
    return sorted(bands, key=lambda band: band[0])


def _novita_pricing(pricing: JsonFields, top: JsonFields | None) -> dict[str, Decimal | None]:
    """One Novita pricing object; `top` (the entry) gives the legacy integer prices when it lacks them."""
    return {
        "input": _novita_price(pricing, "prompt", top, "input_token_price_per_m"),
        "output": _novita_price(pricing, "completion", top, "output_token_price_per_m"),
        "cache_read": _novita_price(pricing, "input_cache_read", None, None),
        "cache_write": _novita_price(pricing, "input_cache_write", None, None),
    }


def _novita_price(
    pricing: JsonFields, key: str, top: JsonFields | None, legacy: str | None
) -> Decimal | None:
    bucket = pricing.get(key)
    if bucket is not None:
        b = pricing.sub(key)
        if b.get("price_per_m_decimal") is not None or "price_per_m" not in b.obj:
            return read_price(b.get("price_per_m_decimal"), where=b.at("price_per_m_decimal"))
        return read_price(b.get("price_per_m"), where=b.at("price_per_m"), scale=-4)
    if top is not None and legacy is not None and legacy in top.obj:
        return read_price(top.get(legacy), where=top.at(legacy), scale=-4)
    if legacy is None:
        return None  # an optional (cache) price
    raise ExtractError(f"{pricing.at(key)}: missing")


def _as_texts(prices: dict[str, Decimal | None]) -> dict[str, str]:
    return {name: format(plain(value), "f") for name, value in prices.items() if value is not None}
