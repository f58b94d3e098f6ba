"""OpenRouter's JSON API into snapshot items: `/models`, `/models/{id}/endpoints`, `/providers`.

Pure functions over response bodies; no I/O. Prices arrive as USD per token (decimal strings, sometimes
numbers) and leave as `Decimal` per 1M tokens, converted exactly through their decimal text, never
through float arithmetic. Which OpenRouter price keys are per token and which per unit:

- per token, stored per 1M tokens: ``prompt`` (input), ``completion`` (output), ``input_cache_read``
  (cache_read), ``input_cache_write`` (cache_write), ``internal_reasoning``, ``audio``;
- per unit, stored as USD per unit as published: ``request`` (per request), ``image`` (per image),
  ``web_search`` (per search).

A negative price (``"-1"``, the ``openrouter/auto`` family) means "variable" and becomes ``None``.
A malformed body raises `ExtractError`; one malformed entry becomes a `Problem` and the rest parse.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

from db.catalog.crawled import EndpointIn, ModelIn, Pricing, Problem, ProviderIn, ReportedStats

PROVIDER = "OpenRouter"
SOURCE = "openrouter"

# OpenRouter price key -> (Pricing field, per token?)
PRICE_KEYS: dict[str, tuple[str, bool]] = {
    "prompt": ("input", True),
    "completion": ("output", True),
    "input_cache_read": ("cache_read", True),
    "input_cache_write": ("cache_write", True),
    "internal_reasoning": ("internal_reasoning", True),
    "audio": ("audio", True),
    "request": ("request", False),
    "image": ("image", False),
    "web_search": ("web_search", False),
}
# Model and provider fields kept as metadata when present and not null.
_MODEL_META_KEYS = ("canonical_slug", "knowledge_cutoff", "expiration_date", "links", "top_provider")
_MODEL_META_EXTRA = ("per_request_limits", "supported_voices", "default_parameters")
_ARCH_META_KEYS = ("tokenizer", "instruct_type", "modality")
_PROVIDER_META_KEYS = ("headquarters", "datacenters", "privacy_policy_url", "terms_of_service_url")
_PROVIDER_META_EXTRA = ("status_page_url",)


class ExtractError(ValueError):
    """A body or value that does not have the shape OpenRouter's API documents; says what and where."""


def price_per_million(value: str | int | float | None) -> Decimal | None:
    """Turn a per-token price (decimal string or number) into an exact `Decimal` per 1M tokens.

    ``None`` and negative prices (variable pricing) give ``None``; anything not a finite number raises
    `ExtractError`.
    """
    price = _decimal(value)
    return None if price is None else _normal(price, scale=6)


def parse_pricing(obj: dict[str, Any] | None, *, where: str) -> Pricing | None:
    """Turn an OpenRouter ``pricing`` object into `Pricing` (see the module docstring for units).

    ``where`` names the object in error messages (e.g. ``"models body: data[3].pricing"``). Keys left out
    (OpenRouter's 2026 shape omits zero prices) become ``None``; unknown keys are ignored.
    """
    if obj is None:
        return None
    if not isinstance(obj, dict):
        raise ExtractError(f"{where}: not an object: {obj!r}")
    values: dict[str, Any] = {}
    for key, (name, per_token) in PRICE_KEYS.items():
        values[name] = _price(obj.get(key), per_token=per_token, where=f"{where}.{key}")
    discount = obj.get("discount")
    if discount is not None:
        values["discount"] = _number(discount, where=f"{where}.discount")
    overrides = obj.get("overrides")
    if overrides is not None:
        if not isinstance(overrides, list):
            raise ExtractError(f"{where}.overrides: not a list: {overrides!r}")
        values["overrides"] = [
            _override(item, where=f"{where}.overrides[{i}]") for i, item in enumerate(overrides)
        ] or None
    return Pricing(**values)


def parse_models(
    body: bytes | str, *, base_url: str
) -> tuple[list[ModelIn], list[EndpointIn], list[Problem]]:
    """Parse a ``GET /models`` body into one model and one routed OpenRouter endpoint per entry."""
    base = base_url.rstrip("/")
    entries = _data(body, where="models body", kind=list)
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
    data = _data(body, where=f"endpoints body for {model_id}", kind=dict)
    raw = data.get("endpoints")
    if not isinstance(raw, list):
        raise ExtractError(f"{where}.endpoints: not a list: {_short(raw)}")
    problems: list[Problem] = []
    model: ModelIn | None = None
    try:
        model = _model(_Fields(data, where), model_id=model_id)
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
    for entry in _data(body, where="providers body", kind=list):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"]:
            continue
        slug = entry.get("slug")
        meta = {k: entry[k] for k in _PROVIDER_META_KEYS + _PROVIDER_META_EXTRA if entry.get(k) is not None}
        providers.append(
            ProviderIn(name=entry["name"], slug=slug if isinstance(slug, str) else None, meta=meta)
        )
    return providers


def _model_entry(entry: Any, *, base: str, where: str) -> tuple[ModelIn, EndpointIn]:
    fields = _Fields(entry, where)
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


def _model(fields: _Fields, *, model_id: str | None) -> ModelIn:
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
    fields = _Fields(entry, where)
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


class _Fields:
    """Typed reads of one JSON object's keys; a wrong type raises `ExtractError` naming the key path."""

    def __init__(self, obj: Any, where: str) -> None:
        if not isinstance(obj, dict):
            raise ExtractError(f"{where}: not an object: {_short(obj)}")
        self.obj: dict[str, Any] = obj
        self.where = where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}"

    def get(self, key: str) -> Any:
        return self.obj.get(key)

    def sub(self, key: str) -> _Fields:
        """A nested object; absent or null reads as empty."""
        value = self.obj.get(key)
        return _Fields({} if value is None else value, self.at(key))

    def _bad(self, key: str, what: str) -> ExtractError:
        return ExtractError(f"{self.at(key)}: not {what}: {_short(self.obj[key])}")

    def integer(self, key: str) -> int | None:
        value = self.obj.get(key)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise self._bad(key, "an integer")
        return value

    def number(self, key: str) -> float | None:
        value = self.obj.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise self._bad(key, "a number")
        return None if value is None else float(value)

    def text(self, key: str) -> str | None:
        value = self.obj.get(key)
        if value is not None and not isinstance(value, str):
            raise self._bad(key, "a string")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.obj.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._bad(key, "a list of strings")
        return tuple(value)

    def percentiles(self, key: str) -> dict[str, float] | None:
        """``{"p50": ..., "p90": ...}``; null percentiles are left out, an empty result is None."""
        if self.obj.get(key) is None:
            return None
        sub = self.sub(key)
        out = {str(k): sub.number(k) for k in sub.obj}
        return {k: v for k, v in out.items() if v is not None} or None

    def day(self, key: str) -> date | None:
        """A unix timestamp (seconds) as its UTC date."""
        value = self.obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._bad(key, "a unix timestamp")
        try:
            return datetime.fromtimestamp(value, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            raise self._bad(key, "a unix timestamp") from None


def _data(body: bytes | str, *, where: str, kind: type) -> Any:
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ExtractError(f"{where}: not JSON: {exc}") from None
    if not isinstance(doc, dict) or "data" not in doc:
        raise ExtractError(f"{where}: expected an object with 'data', got {_short(doc)}")
    if not isinstance(doc["data"], kind):
        expected = "a list" if kind is list else "an object"
        raise ExtractError(f"{where}: data: expected {expected}, got {_short(doc['data'])}")
    return doc["data"]


def _decimal(value: Any) -> Decimal | None:
    """A price as published, or None for unpublished/variable (negative); raises if not a number."""
    if value is None:
        return None
    price = _finite(value)
    return None if price < 0 else price


def _finite(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ExtractError(f"not a number: {value!r}")
    try:
        # repr of a float is its shortest round-trip decimal text: 2.7e-07 -> "2.7e-07", exact.
        number = Decimal(value.strip() if isinstance(value, str) else repr(value))
    except InvalidOperation:
        raise ExtractError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise ExtractError(f"not a number: {value!r}")
    return number


def _normal(value: Decimal, *, scale: int = 0) -> Decimal:
    """Scale by 10**scale exactly, then strip trailing zeros without an exponent: 0.270000 -> 0.27."""
    if value == 0:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = 100  # exact for any price text a body can reasonably carry
        value = value.scaleb(scale).normalize()
        exponent = value.as_tuple().exponent
        return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def _price(value: Any, *, per_token: bool, where: str) -> Decimal | None:
    try:
        return price_per_million(value) if per_token else _maybe(_decimal(value))
    except ExtractError as exc:
        raise ExtractError(f"{where}: {exc}") from None


def _maybe(value: Decimal | None) -> Decimal | None:
    return None if value is None else _normal(value)


def _number(value: Any, *, where: str) -> Decimal:
    """A plain decimal (e.g. a discount, which may be negative)."""
    try:
        return _normal(_finite(value))
    except ExtractError as exc:
        raise ExtractError(f"{where}: {exc}") from None


def _override(item: Any, *, where: str) -> dict[str, Any]:
    """One tier: known price keys renamed to `Pricing` fields as decimal strings, the rest as-is."""
    if not isinstance(item, dict):
        raise ExtractError(f"{where}: not an object: {_short(item)}")
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in PRICE_KEYS:
            name, per_token = PRICE_KEYS[key]
            price = _price(value, per_token=per_token, where=f"{where}.{key}")
            out[name] = None if price is None else format(price, "f")
        elif isinstance(value, dict):
            out[key] = _override(value, where=f"{where}.{key}")
        else:
            out[key] = value
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
