"""models.dev's ``api.json`` into snapshot items: providers, models and one endpoint per provider model.

Pure; no I/O. The document is an object keyed by provider id (``{id, name, env, npm, doc, api?, models}``);
each provider's ``models`` maps the provider's model id to ``{id, name, release_date, limit, cost,
modalities, tool_call, reasoning, ...}``. What becomes what:

- a provider: `ProviderIn` (name = its display ``name``, slug = its id, meta = doc, api, env, npm);
- a provider model: `EndpointIn` (provider = the display name, model and provider_model_id = the model's
  ``id``, url = the provider's ``api`` or ""), and its `ModelIn` (the first provider listing an id
  describes it; capabilities, knowledge date, and each provider's ``status`` in its meta);
- ``cost`` (USD per 1M) -> `Pricing` (input, output, cache_read, cache_write, reasoning ->
  internal_reasoning, input_audio -> audio); its context tiers (``tiers`` of type context, or else the
  older ``context_over_200k``) -> `Pricing.overrides` as ``{"min_prompt_tokens": N, "input": "...", ...}``
  (OpenRouter's overrides, converted); a missing ``cost`` is not published (pricing None), never 0;
- ``tool_call``, ``structured_output``, ``temperature``, ``reasoning`` -> the request parameters they imply.

A model whose ``status`` is ``deprecated`` (or beta, alpha) is still listed: the provider still serves it
until models.dev drops it, and the drop is what marks it removed. Its status is kept in the model's meta.

Bad input: a body that is not JSON, or not an object of providers, or no models at all, is one problem and
an incomplete listing (nothing removed). A bad provider or model entry (a price that is text, negative or
``"-1"``) skips that entry with a problem naming its key path; the rest is read.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from crawler.extract.jsonfields import ExtractError, short
from crawler.extract.listing import Listing, key_path, read_document
from crawler.extract.source_prices import price, text
from db.catalog.crawled import EndpointIn, ModelIn, Pricing, Problem, ProviderIn

SOURCE = "modelsdev"

#: models.dev cost key -> Pricing field (all USD per 1M tokens)
COST_KEYS = {
    "input": "input",
    "output": "output",
    "cache_read": "cache_read",
    "cache_write": "cache_write",
    "reasoning": "internal_reasoning",
    "input_audio": "audio",
}
#: a capability -> the request parameters it implies
CAPABILITY_PARAMETERS = {
    "tool_call": ("tools", "tool_choice"),
    "structured_output": ("response_format", "structured_outputs"),
    "temperature": ("temperature",),
    "reasoning": ("reasoning",),
}
_CAPABILITIES = ("tool_call", "reasoning", "structured_output", "temperature", "attachment", "open_weights")
_PROVIDER_META = ("doc", "api", "env", "npm")


def parse_modelsdev(
    body: bytes | str, *, url: str = "", source: str = SOURCE, providers: Collection[str] = ()
) -> Listing:
    """Parse an ``api.json`` body; `providers` keeps only those provider ids (empty: all)."""
    listing = Listing()
    doc = read_document(listing, body, source=source, url=url, keyed_by="provider id")
    if doc is None:
        return listing
    wanted = set(providers)
    for missing in sorted(wanted - doc.keys()):
        message = f"{source}: provider {missing!r} (the source's providers filter) is not in the document"
        listing.problems.append(Problem("layout_changed", message, url=url, parser=True))
    models: dict[str, ModelIn] = {}
    seen: set[str] = set()
    for provider_id, entry in doc.items():
        if wanted and provider_id not in wanted:
            continue
        try:
            provider, raw_models = _provider(provider_id, entry)
        except ExtractError as exc:
            listing.problems.append(Problem("malformed_json", f"{source}: {exc}", url=url, parser=True))
            continue
        listing.providers.append(provider)
        for model_key, raw in raw_models.items():
            where = key_path(provider_id, "models", model_key)
            try:
                model, endpoint, warnings = _model(raw, key=model_key, provider=provider, where=where)
            except ExtractError as exc:
                listing.problems.append(Problem("malformed_json", f"{source}: {exc}", url=url, parser=True))
                continue
            if endpoint.key in seen:
                message = f"{source}: {where}: lists {endpoint.provider} {endpoint.provider_model_id} again"
                listing.problems.append(Problem("duplicate_endpoint", message, url=url, warning=True))
                continue
            seen.add(endpoint.key)
            listing.problems.extend(
                Problem("malformed_json", f"{source}: {w}", url=url, warning=True) for w in warnings
            )
            listing.endpoints.append(endpoint)
            _merge(models, model, provider_id=provider_id)
    listing.models.extend(models.values())
    if not listing.endpoints:
        message = f"{source}: lists no models" + (" of the filtered providers" if wanted else "")
        listing.fail(Problem("layout_changed", message, url=url, parser=True))
    return listing


def _provider(provider_id: str, entry: Any) -> tuple[ProviderIn, dict[str, Any]]:
    where = key_path(provider_id)
    if not isinstance(entry, dict):
        raise ExtractError(f"{where}: not a provider object: {short(entry)}")
    models = entry.get("models")
    if not isinstance(models, dict):
        raise ExtractError(f"{key_path(provider_id, 'models')}: not an object of models: {short(models)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ExtractError(f"{key_path(provider_id, 'name')}: not a name: {short(name)}")
    meta = {key: entry[key] for key in _PROVIDER_META if entry.get(key) not in (None, "", [])}
    return ProviderIn(name=name.strip(), slug=provider_id, meta=meta), models


def _model(raw: Any, *, key: str, provider: ProviderIn, where: str) -> tuple[ModelIn, EndpointIn, list[str]]:
    """The model and its endpoint, and warnings (a value left out that the entry can do without)."""
    if not isinstance(raw, dict):
        raise ExtractError(f"{where}: not a model object: {short(raw)}")
    model_id = raw.get("id", key)
    if not isinstance(model_id, str) or not model_id.strip():
        raise ExtractError(f"{where}.id: not a model id: {short(model_id)}")
    name = _text(raw, "name", where)
    limit = _object(raw, "limit", where)
    modalities = _object(raw, "modalities", where)
    flags = {cap: raw[cap] for cap in _CAPABILITIES if cap in raw}
    for cap, value in flags.items():
        if not isinstance(value, bool):
            raise ExtractError(f"{where}.{cap}: not true or false: {short(value)}")
    parameters = tuple(p for cap, params in CAPABILITY_PARAMETERS.items() if flags.get(cap) for p in params)
    warnings: list[str] = []
    try:
        released = _day(raw.get("release_date"), f"{where}.release_date")
    except ExtractError as exc:  # a typo in a date is no reason to drop the model's prices
        released = None
        warnings.append(f"{exc} (left out)")
    meta: dict[str, Any] = {"capabilities": flags}
    for extra in ("family", "knowledge", "last_updated"):
        if isinstance(raw.get(extra), str):
            meta[extra] = raw[extra]
    api = provider.meta.get("api")
    context = _count(limit, "context", f"{where}.limit")
    model = ModelIn(
        id=model_id,
        name=name,
        context_length=context,
        released=released,
        input_modalities=_texts(modalities, "input", f"{where}.modalities"),
        output_modalities=_texts(modalities, "output", f"{where}.modalities"),
        meta=meta,
    )
    endpoint = EndpointIn(
        provider=provider.name,
        model=model_id,
        provider_model_id=model_id,
        url=api if isinstance(api, str) else "",
        name=name,
        context_length=context,
        max_output_tokens=_count(limit, "output", f"{where}.limit"),
        max_prompt_tokens=_count(limit, "input", f"{where}.limit"),
        parameters=parameters,
        pricing=_pricing(raw.get("cost"), where=f"{where}.cost"),
        released=released,
    )
    status = raw.get("status")
    if status is not None:
        model.meta["status"] = {provider.slug: _text(raw, "status", where)}
    return model, endpoint, warnings


def _pricing(cost: Any, *, where: str) -> Pricing | None:
    if cost is None:
        return None  # not published: never 0
    if not isinstance(cost, dict):
        raise ExtractError(f"{where}: not an object: {short(cost)}")
    values: dict[str, Any] = {
        field: price(cost.get(key), where=f"{where}.{key}") for key, field in COST_KEYS.items()
    }
    tiers = _tiers(cost, where=where)
    pricing = Pricing(**values, overrides=tiers or None)
    return None if pricing.is_empty() and not tiers else pricing


def _tiers(cost: dict[str, Any], *, where: str) -> list[dict[str, Any]]:
    """Context tiers as OpenRouter-style overrides, by prompt size: ``tiers`` when given (it supersedes
    the older ``context_over_200k``, which models.dev keeps beside it even for a 272K tier), else
    ``context_over_200k``."""
    out: dict[int, dict[str, Any]] = {}
    raw_tiers = cost.get("tiers")
    if raw_tiers is not None:
        if not isinstance(raw_tiers, list):
            raise ExtractError(f"{where}.tiers: not a list: {short(raw_tiers)}")
        for i, tier in enumerate(raw_tiers):
            at = f"{where}.tiers[{i}]"
            if not isinstance(tier, dict) or not isinstance(tier.get("tier"), dict):
                raise ExtractError(f"{at}: not a tier: {short(tier)}")
            kind, size = tier["tier"].get("type"), tier["tier"].get("size")
            if kind != "context":
                continue  # a tier of another kind has no override shape: its base prices stand
            if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
                raise ExtractError(f"{at}.tier.size: not a token count: {short(size)}")
            out.setdefault(size, _override(size, tier, where=at))
    over = cost.get("context_over_200k")
    if over is not None and raw_tiers is None:
        if not isinstance(over, dict):
            raise ExtractError(f"{where}.context_over_200k: not an object: {short(over)}")
        out[200_000] = _override(200_000, over, where=f"{where}.context_over_200k")
    return [out[size] for size in sorted(out)]


def _override(size: int, prices: dict[str, Any], *, where: str) -> dict[str, Any]:
    override: dict[str, Any] = {"min_prompt_tokens": size}
    for key, field in COST_KEYS.items():
        value = text(price(prices.get(key), where=f"{where}.{key}"))
        if value is not None:
            override[field] = value
    return override


def _merge(models: dict[str, ModelIn], model: ModelIn, *, provider_id: str) -> None:
    """The first provider listing a model id describes it; later ones add their status."""
    first = models.setdefault(model.id, model)
    if first is not model and "status" in model.meta:
        first.meta.setdefault("status", {})[provider_id] = model.meta["status"][provider_id]


def _object(raw: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = raw.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ExtractError(f"{where}.{key}: not an object: {short(value)}")
    return value


def _text(raw: dict[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise ExtractError(f"{where}.{key}: not a string: {short(value)}")
    return value


def _texts(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ExtractError(f"{where}.{key}: not a list of strings: {short(value)}")
    return tuple(value)


def _count(raw: dict[str, Any], key: str, where: str) -> int | None:
    """A token count; 0 and null are not published (models.dev writes 0 for an unknown limit)."""
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ExtractError(f"{where}.{key}: not a token count: {short(value)}")
    return value or None


def _day(value: Any, where: str) -> date | None:
    """``2025-12-22`` or ``2025-12`` (the first of the month); null is unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        parts = value.strip().split("-")
        try:
            if len(parts) in (2, 3) and len(parts[0]) == 4:
                return date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
        except ValueError:
            pass
    raise ExtractError(f"{where}: not a date: {short(value)}")
