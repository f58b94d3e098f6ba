"""LiteLLM's model cost map (``model_prices_and_context_window.json``) into snapshot items.

Pure; no I/O. The map is an object keyed by model (often ``<provider>/<model>``), each entry with
``litellm_provider``, ``mode``, ``max_input_tokens``, ``max_output_tokens``, prices in USD per **token**
and ``supports_*`` booleans. What becomes what:

- only entries of ``mode`` chat, completion or responses become endpoints; the others (embedding,
  image_generation, ...) are counted by mode in one warning; ``sample_spec`` (the map's documentation of
  itself) and keys whose value is not an object (a saved copy's ``last_updated``) are left out;
- provider = ``litellm_provider`` as LiteLLM spells it (a `ProviderIn` of that name); provider_model_id =
  the key without a leading ``<litellm_provider>/`` (``openrouter/deepseek/deepseek-r1`` ->
  ``deepseek/deepseek-r1``; ``bedrock/us-east-1/...`` keeps ``us-east-1/...``); url "" (the map has none);
- per-token prices -> exact `Decimal` per 1M to 15 significant digits (`crawler.extract.source_prices`):
  input_cost_per_token, output_cost_per_token, cache_read_input_token_cost (cache_read),
  cache_creation_input_token_cost (cache_write), output_cost_per_reasoning_token (internal_reasoning),
  input_cost_per_audio_token (audio); input_cost_per_request is per request as published;
- ``<price>_above_<N>k_tokens`` and ``tiered_pricing`` ranges -> `Pricing.overrides` with
  ``min_prompt_tokens`` N*1000, OpenRouter's shape; service-tier variants (``_priority``, ``_flex``,
  ``_batches``) are not the standard offer and are left out;
- ``max_input_tokens`` -> context_length and max_prompt_tokens; ``max_output_tokens``. ``max_tokens`` alone
  is left out: LiteLLM calls it legacy, set to the output limit when the provider gives one and to the
  input limit otherwise, so it cannot say which of the two it is;
- ``supports_*`` -> the request parameters they imply (`SUPPORT_PARAMETERS`), and the model's meta.

Bad input: a body that is not JSON, not an object, or without one listed entry is one problem and an
incomplete listing (nothing removed). A bad entry (a price that is text, negative or ``"-1"``) is skipped
with a problem naming its key path; the rest is read.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Any

from crawler.extract.jsonfields import ExtractError, short
from crawler.extract.listing import Listing, key_path, read_document
from crawler.extract.source_prices import price, text
from db.catalog.crawled import EndpointIn, ModelIn, Pricing, Problem, ProviderIn

SOURCE = "litellm"
#: the modes that are endpoints a chat probe can call
ENDPOINT_MODES = frozenset({"chat", "completion", "responses"})
#: LiteLLM price key -> (Pricing field, per token?)
PRICE_KEYS = {
    "input_cost_per_token": ("input", True),
    "output_cost_per_token": ("output", True),
    "cache_read_input_token_cost": ("cache_read", True),
    "cache_creation_input_token_cost": ("cache_write", True),
    "output_cost_per_reasoning_token": ("internal_reasoning", True),
    "input_cost_per_audio_token": ("audio", True),
    "input_cost_per_request": ("request", False),
}
#: a ``supports_*`` flag -> the request parameters it implies
SUPPORT_PARAMETERS = {
    "supports_function_calling": ("tools", "tool_choice"),
    "supports_tool_choice": ("tool_choice",),
    "supports_parallel_function_calling": ("parallel_tool_calls",),
    "supports_response_schema": ("response_format",),
    "supports_reasoning": ("reasoning",),
    "supports_web_search": ("web_search_options",),
}
_TIER = re.compile(r"(?P<key>[a-z_]+?)_above_(?P<n>\d+)k_tokens")
_IGNORED_KEYS = frozenset({"sample_spec"})


def parse_litellm(body: bytes | str, *, url: str = "", source: str = SOURCE) -> Listing:
    """Parse the cost map's body."""
    listing = Listing()
    doc = read_document(listing, body, source=source, url=url, keyed_by="model")
    if doc is None:
        return listing
    skipped: Counter[str] = Counter()
    providers: dict[str, ProviderIn] = {}
    models: dict[str, ModelIn] = {}
    seen: set[str] = set()
    for key, entry in doc.items():
        if key in _IGNORED_KEYS or not isinstance(entry, dict | list):
            continue
        where = key_path(key)
        try:
            mode = _entry_mode(entry, where)
            if mode not in ENDPOINT_MODES:
                skipped[mode or "no mode"] += 1
                continue
            assert isinstance(entry, dict)  # _entry_mode raised otherwise
            model, endpoint = _entry(key, entry, where=where)
        except ExtractError as exc:
            listing.problems.append(Problem("malformed_json", f"{source}: {exc}", url=url, parser=True))
            continue
        if endpoint.key in seen:
            message = f"{source}: {where}: lists {endpoint.provider} {endpoint.provider_model_id} again"
            listing.problems.append(Problem("duplicate_endpoint", message, url=url, warning=True))
            continue
        seen.add(endpoint.key)
        providers.setdefault(endpoint.provider, ProviderIn(name=endpoint.provider, slug=endpoint.provider))
        models.setdefault(model.id, model)
        listing.endpoints.append(endpoint)
    listing.providers.extend(providers.values())
    listing.models.extend(models.values())
    if skipped:
        counts = ", ".join(
            f"{n:,} {mode}" for mode, n in sorted(skipped.items(), key=lambda i: (-i[1], i[0]))
        )
        message = f"{source}: skipped {sum(skipped.values()):,} entries that are not chat models: {counts}"
        listing.problems.append(Problem("skipped_entries", message, url=url, warning=True))
    if not listing.endpoints:
        listing.fail(Problem("layout_changed", f"{source}: lists no models", url=url, parser=True))
    return listing


def _entry_mode(entry: Any, where: str) -> str | None:
    if not isinstance(entry, dict):
        raise ExtractError(f"{where}: not an object: {short(entry)}")
    mode = entry.get("mode")
    if mode is not None and not isinstance(mode, str):
        raise ExtractError(f"{where}.mode: not a string: {short(mode)}")
    return mode


def _entry(key: str, entry: dict[str, Any], *, where: str) -> tuple[ModelIn, EndpointIn]:
    provider = entry.get("litellm_provider")
    if not isinstance(provider, str) or not provider.strip():
        raise ExtractError(f"{where}.litellm_provider: not a provider: {short(provider)}")
    model_id = key[len(provider) + 1 :] if key.startswith(provider + "/") else key
    supports = {k: v for k, v in entry.items() if k.startswith("supports_")}
    for flag, value in supports.items():
        if not isinstance(value, bool):
            raise ExtractError(f"{where}.{flag}: not true or false: {short(value)}")
    parameters = tuple(
        dict.fromkeys(p for flag, params in SUPPORT_PARAMETERS.items() if supports.get(flag) for p in params)
    )
    max_input = _count(entry, "max_input_tokens", where)
    model = ModelIn(id=model_id, context_length=max_input, meta={"capabilities": supports})
    endpoint = EndpointIn(
        provider=provider,
        model=model_id,
        provider_model_id=model_id,
        url="",
        context_length=max_input,
        max_prompt_tokens=max_input,
        max_output_tokens=_count(entry, "max_output_tokens", where),
        parameters=parameters,
        pricing=_pricing(entry, where=where),
    )
    return model, endpoint


def _pricing(entry: dict[str, Any], *, where: str) -> Pricing | None:
    values: dict[str, Any] = {}
    for key, (field, per_token) in PRICE_KEYS.items():
        values[field] = price(entry.get(key), where=f"{where}.{key}", scale=6 if per_token else 0)
    tiers: dict[int, dict[str, Any]] = {}
    for key, value in entry.items():
        match = _TIER.fullmatch(key)
        if match is None or match["key"] not in PRICE_KEYS or not PRICE_KEYS[match["key"]][1]:
            continue
        tier_price = text(price(value, where=f"{where}.{key}", scale=6))
        if tier_price is not None:
            size = int(match["n"]) * 1000
            tier = tiers.setdefault(size, {"min_prompt_tokens": size})
            tier[PRICE_KEYS[match["key"]][0]] = tier_price
    _tiered_pricing(entry.get("tiered_pricing"), values, tiers, where=f"{where}.tiered_pricing")
    overrides = [tiers[size] for size in sorted(tiers)] or None
    pricing = Pricing(**values, overrides=overrides)
    return None if pricing.is_empty() and overrides is None else pricing


def _tiered_pricing(
    raw: Any, values: dict[str, Any], tiers: dict[int, dict[str, Any]], *, where: str
) -> None:
    """``tiered_pricing: [{"range": [start, end], "input_cost_per_token": ...}]``: the range from 0 gives
    the base prices the entry leaves out, each later range an override from its start."""
    if raw is None:
        return
    if not isinstance(raw, list):
        raise ExtractError(f"{where}: not a list: {short(raw)}")
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        bounds = item.get("range") if isinstance(item, dict) else None
        if not isinstance(bounds, list) or not bounds or not isinstance(bounds[0], int | Decimal):
            raise ExtractError(f"{at}: not a priced range: {short(item)}")
        start = int(bounds[0])
        for key, (field, per_token) in PRICE_KEYS.items():
            if not per_token or key not in item:
                continue
            value = price(item[key], where=f"{at}.{key}", scale=6)
            if start == 0:
                if values[field] is None:
                    values[field] = value
            elif value is not None:
                tiers.setdefault(start, {"min_prompt_tokens": start}).setdefault(field, text(value))


def _count(entry: dict[str, Any], key: str, where: str) -> int | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ExtractError(f"{where}.{key}: not a token count: {short(value)}")
    return value or None
