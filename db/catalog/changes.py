"""Change detection: pure comparisons of what the store holds with what a crawl found.

No I/O here: `db.catalog.ingest` loads the old state, calls these, and writes what they return.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from db.catalog.crawled import PRICE_FIELDS, SURCHARGE_FIELDS, Pricing
from db.types import normalise_decimal

# Change kinds, as stored in Change.kind and offered to alert rules and the API.
NEW_MODEL = "new_model"
NEW_ENDPOINT = "new_endpoint"
ENDPOINT_REMOVED = "endpoint_removed"
PRICE_UP = "price_up"
PRICE_DOWN = "price_down"
PRICE_ADDED = "price_added"  # a price that was not published before
PRICE_REMOVED = "price_removed"  # a price no longer published
CONTEXT_CHANGED = "context_changed"
PARAMETERS_CHANGED = "parameters_changed"
ENDPOINT_CHANGED = "endpoint_changed"  # url, quantization, currency
PARSER_BROKEN = "parser_broken"
PARSER_FIXED = "parser_fixed"

CHANGE_KINDS: tuple[str, ...] = (
    NEW_MODEL,
    NEW_ENDPOINT,
    ENDPOINT_REMOVED,
    PRICE_UP,
    PRICE_DOWN,
    PRICE_ADDED,
    PRICE_REMOVED,
    CONTEXT_CHANGED,
    PARAMETERS_CHANGED,
    ENDPOINT_CHANGED,
    PARSER_BROKEN,
    PARSER_FIXED,
)

# Endpoint attributes kept in EndpointRevision, with the change kind a difference raises.
REVISION_FIELDS: dict[str, str] = {
    "url": ENDPOINT_CHANGED,
    "context_length": CONTEXT_CHANGED,
    "max_output_tokens": CONTEXT_CHANGED,
    "max_prompt_tokens": CONTEXT_CHANGED,
    "quantization": ENDPOINT_CHANGED,
    "parameters": PARAMETERS_CHANGED,
}


@dataclass(frozen=True)
class FieldChange:
    """One field of one endpoint that changed."""

    kind: str
    field: str
    old: str | None
    new: str | None
    percent: float | None = None


def pricing_values(pricing: Pricing) -> dict[str, Any]:
    """The comparable content of a price period: the price fields, currency, discount, overrides."""
    values: dict[str, Any] = {name: _norm(v) for name, v in pricing.values().items()}
    values["currency"] = pricing.currency
    values["discount"] = _norm(pricing.discount)
    values["overrides"] = pricing.overrides or None
    return values


def _norm(value: Decimal | None) -> Decimal | None:
    return None if value is None else normalise_decimal(value)


def _same_price(field: str, old: Decimal | None, new: Decimal | None) -> bool:
    if field in SURCHARGE_FIELDS:
        # No surcharge published and a zero surcharge cost the same.
        old = old if old is not None else Decimal(0)
        new = new if new is not None else Decimal(0)
    return old == new


def percent_change(old: Decimal, new: Decimal) -> float | None:
    """Percent from old to new, rounded to 2 decimals; None when old is 0 (infinite)."""
    if old == 0:
        return None
    return float(round((new - old) / old * 100, 2))


def diff_pricing(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """Changes between two `pricing_values` dicts; empty when they are equal in meaning."""
    changes: list[FieldChange] = []
    for field in PRICE_FIELDS:
        before, after = old.get(field), new.get(field)
        if _same_price(field, before, after):
            continue
        if before is None:
            changes.append(FieldChange(PRICE_ADDED, field, None, _text(after)))
        elif after is None:
            changes.append(FieldChange(PRICE_REMOVED, field, _text(before), None))
        else:
            kind = PRICE_UP if after > before else PRICE_DOWN
            changes.append(
                FieldChange(kind, field, _text(before), _text(after), percent_change(before, after))
            )
    if old.get("currency") != new.get("currency"):
        changes.append(FieldChange(ENDPOINT_CHANGED, "currency", old.get("currency"), new.get("currency")))
    if _norm(old.get("discount")) != _norm(new.get("discount")):
        changes.append(
            FieldChange(ENDPOINT_CHANGED, "discount", _text(old.get("discount")), _text(new.get("discount")))
        )
    if (old.get("overrides") or None) != (new.get("overrides") or None):
        changes.append(
            FieldChange(
                ENDPOINT_CHANGED, "overrides", _dump(old.get("overrides")), _dump(new.get("overrides"))
            )
        )
    return changes


def diff_revision(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """Changes between two endpoint attribute dicts (keys of REVISION_FIELDS)."""
    changes: list[FieldChange] = []
    for field, kind in REVISION_FIELDS.items():
        before, after = old.get(field), new.get(field)
        if field == "parameters":
            before_set, after_set = set(before or ()), set(after or ())
            if before_set != after_set:
                added = sorted(after_set - before_set)
                removed = sorted(before_set - after_set)
                changes.append(
                    FieldChange(
                        kind,
                        field,
                        ",".join(removed) or None,
                        ",".join(added) or None,
                    )
                )
            continue
        if before != after:
            percent = None
            if isinstance(before, int) and isinstance(after, int) and before:
                percent = round((after - before) / before * 100, 2)
            changes.append(FieldChange(kind, field, _text(before), _text(after), percent))
    return changes


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(normalise_decimal(value), "f")
    return str(value)


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, default=str)
