"""A provider's own OpenAI-style `/models` list that carries prices, into endpoints (source kind
`openai_models`).

Pure: `parse_models_list` takes the body and returns what it read, what it left out and why, and
the problems, without I/O. The five price shapes (DeepInfra, Together, Novita, Chutes, Hugging Face's
router) are read by `crawler.extract.openai_models_shapes`, whose docstring documents each.

``shape = "auto"`` tells the shape from the body (`detect_shape`), first match wins:

1. a bare JSON array: ``together``;
2. ``{"data": [...]}`` whose entries have a ``providers`` list: ``huggingface``;
3. ... a ``metadata`` key (an object or null): ``deepinfra``;
4. ... ``pricing.prompt`` as an object, or ``input_token_price_per_m`` / ``context_size``: ``novita``;
5. ... a ``pricing`` with ``prompt``/``completion`` values, or a ``price`` object: ``chutes``.

A body that is not JSON, is cut short, has no list where the shape puts it, or matches none of these
is one `ExtractError` saying what was expected. Inside a readable body:

- an entry whose price (or another value) is not what the shape documents (``"abc"``, ``"-1"``,
  a negative number, ``null``) is left out; the entries that read well go in. All such entries make one
  parser problem that names the source and the first key path (``deepinfra:
  data[12].metadata.pricing.input_tokens: "-1" is not a price``); being no warning, it makes the run
  partial, so the store keeps the left-out entries' last values and removes nothing;
- entries without a price, or not chat models, are counted in one warning (``deepinfra: skipped 64 of
  142 entries: 64 without prices``);
- an empty list, or one where no entry carries a price where the shape puts it (the shape changed), is
  an incomplete run with one problem: nothing is removed.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from crawler.extract.jsonfields import ExtractError, JsonFields, short
from crawler.extract.openai_models_shapes import READERS, Bad, Context, Skip
from db.catalog.crawled import EndpointIn, Problem

SHAPES: tuple[str, ...] = ("deepinfra", "together", "novita", "chutes", "huggingface")

#: Where each shape puts an entry's price, for messages.
PRICE_PATHS: dict[str, str] = {
    "deepinfra": "data[].metadata.pricing.{input_tokens,output_tokens}",
    "together": "[].pricing.{input,output} of chat models",
    "novita": "data[].pricing.{prompt,completion}.price_per_m_decimal",
    "chutes": "data[].pricing.{prompt,completion} or data[].price.{input,output}.usd",
    "huggingface": "data[].providers[].pricing.{input,output}",
}

EXPECTED = (
    'a bare array of models with "type" and "pricing" (Together), or {"data": [...]} whose entries '
    'have "providers" (Hugging Face), "metadata" (DeepInfra), "pricing.prompt.price_per_m_decimal" '
    '(Novita) or "pricing.prompt"/"price.input.usd" (Chutes)'
)

#: Key paths named in one problem message before "and N more".
_NAMED = 3


@dataclass
class ModelsList:
    """What one `/models` body gave."""

    shape: str
    entries: int = 0
    offers: int = 0  # priced, skipped or unreadable offers (one per entry; per provider on Hugging Face)
    endpoints: list[EndpointIn] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    #: False when the list cannot be trusted to be whole (empty, or no price where the shape puts it)
    complete: bool = True


def parse_models_list(
    body: bytes | str, *, source: str, provider: str, base_url: str, url: str, shape: str = "auto"
) -> ModelsList:
    """Read a ``GET {base_url}/models`` body of `shape` (or the detected one) into endpoints of
    `provider` at ``{base_url}/chat/completions``; `url` is the list's address, for problems."""
    if shape != "auto" and shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r} (known: auto, {', '.join(SHAPES)})")
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ExtractError(f"{source}: the model list is not JSON: {exc}") from None
    found = shape if shape != "auto" else detect_shape(doc)
    if found is None and isinstance(doc, dict) and doc.get("data") == []:
        found = "auto"  # an empty list has no shape to tell: it is empty, below
    if found is None:
        raise ExtractError(f"{source}: cannot tell the shape of the model list: expected {EXPECTED}")
    entries = _entries(doc, shape=found, source=source)
    ctx = Context(source=source, provider=provider, chat_url=f"{base_url.rstrip('/')}/chat/completions")
    result = ModelsList(shape=found, entries=len(entries))
    if not entries:
        result.complete = False
        message = f"{source}: the model list is empty: nothing was read and nothing is removed"
        result.problems.append(Problem(kind="empty_listing", message=message, url=url))
        return result
    bad: list[Bad] = []
    seen: set[str] = set()
    prefix = "" if found == "together" else "data"
    for i, entry in enumerate(entries):
        for outcome in _read_entry(entry, where=f"{prefix}[{i}]", shape=found, ctx=ctx):
            result.offers += 1
            if isinstance(outcome, Skip):
                result.skipped[outcome.reason] += 1
            elif isinstance(outcome, Bad):
                bad.append(outcome)
            elif outcome.key in seen:
                message = (
                    f"{source}: {prefix}[{i}]: {outcome.provider_model_id!r} listed twice, kept the first"
                )
                result.problems.append(Problem("duplicate_model", message, url=url, warning=True))
            else:
                seen.add(outcome.key)
                result.endpoints.append(outcome)
    _summarise(result, bad, source=source, url=url)
    return result


def detect_shape(doc: Any) -> str | None:
    """The price shape of a parsed `/models` body (rules in the module docstring), or None."""
    if isinstance(doc, list):
        return "together"
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), list):
        return None
    entries = [entry for entry in doc["data"] if isinstance(entry, dict)]
    rules = (
        ("huggingface", lambda e: isinstance(e.get("providers"), list)),
        ("deepinfra", lambda e: "metadata" in e),
        ("novita", _looks_novita),
        ("chutes", _looks_chutes),
    )
    for name, test in rules:
        if any(test(entry) for entry in entries):
            return name
    return None


def _looks_novita(entry: dict[str, Any]) -> bool:
    pricing = entry.get("pricing")
    return (
        (isinstance(pricing, dict) and isinstance(pricing.get("prompt"), dict))
        or "input_token_price_per_m" in entry
        or "context_size" in entry
    )


def _looks_chutes(entry: dict[str, Any]) -> bool:
    pricing = entry.get("pricing")
    return (isinstance(pricing, dict) and ("prompt" in pricing or "completion" in pricing)) or isinstance(
        entry.get("price"), dict
    )


def _entries(doc: Any, *, shape: str, source: str) -> list[Any]:
    """The list of model entries where `shape` puts it."""
    if shape == "together":
        if not isinstance(doc, list):
            raise ExtractError(
                f"{source}: the model list: expected a bare array (together), got {short(doc)}"
            )
        return doc
    if not isinstance(doc, dict) or "data" not in doc:
        raise ExtractError(
            f"{source}: the model list: expected an object with 'data' ({shape}), got {short(doc)}"
        )
    if not isinstance(doc["data"], list):
        raise ExtractError(f"{source}: data: expected a list, got {short(doc['data'])}")
    return list(doc["data"])


def _read_entry(entry: Any, *, where: str, shape: str, ctx: Context) -> list[EndpointIn | Skip | Bad]:
    """One entry's outcomes; an unreadable value makes the entry (or, on Hugging Face, the offer) `Bad`."""
    try:
        fields = JsonFields(entry, where)
        model_id = (fields.text("id") or "").strip()
        if not model_id:
            raise ExtractError(f"{fields.at('id')}: missing")
    except ExtractError as exc:
        return [Bad(str(exc))]
    try:
        return list(READERS[shape](fields, model_id, ctx))
    except ExtractError as exc:
        return [Bad(str(exc))]


def _summarise(result: ModelsList, bad: list[Bad], *, source: str, url: str) -> None:
    """The run's problems: unreadable entries (one parser problem), skipped ones (one warning), and a
    list where nothing carries a price (the shape changed: incomplete)."""
    if bad:
        named = "; ".join(item.message for item in bad[:_NAMED])
        more = f" (and {len(bad) - _NAMED} more)" if len(bad) > _NAMED else ""
        kept = "kept as they were" if len(bad) > 1 else "kept as it was"
        message = f"{source}: {named}{more}: {len(bad)} of {result.offers} entries not read, {kept}"
        result.problems.append(Problem(kind="malformed_json", message=message, url=url, parser=True))
    if result.skipped:
        counts = ", ".join(f"{n} {reason}" for reason, n in result.skipped.most_common())
        total = sum(result.skipped.values())
        message = f"{source}: skipped {total} of {result.offers} entries: {counts}"
        result.problems.append(Problem(kind="skipped_entries", message=message, url=url, warning=True))
    if not result.endpoints and not bad:
        result.complete = False
        message = (
            f"{source}: none of the {result.entries} entries carries a price where the {result.shape} shape "
            f"puts it ({PRICE_PATHS[result.shape]}): the list's shape may have changed; nothing is removed"
        )
        result.problems.append(Problem(kind="layout_changed", message=message, url=url, parser=True))
