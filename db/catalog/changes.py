"""Change detection: pure comparisons of what the store holds with what a crawl found.

No I/O here: `db.catalog.ingest` loads the old state, calls these, and writes what they return.

Prices are compared cleaned on both sides (`db.types.same_price`): a store written before prices were
cleaned holds ``0.08333333333333334`` where a crawl now gives ``0.0833333333333333``, and that is no change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from db.catalog.crawled import PRICE_FIELDS, SURCHARGE_FIELDS, Pricing, clean_overrides
from db.types import clean_price, same_price

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
ENDPOINT_CHANGED = "endpoint_changed"  # url, quantization, currency, usd_rate
PARSER_BROKEN = "parser_broken"
PARSER_FIXED = "parser_fixed"
SOURCES_DISAGREE = "sources_disagree"  # two sources give different values for one field of an endpoint
SOURCES_AGREE = "sources_agree"  # ... and no longer do

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
    SOURCES_DISAGREE,
    SOURCES_AGREE,
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
    """The comparable content of a price period: the price fields, currency, discount, the stated rate
    of the currency to USD, overrides."""
    values: dict[str, Any] = {name: _norm(v) for name, v in pricing.values().items()}
    values["currency"] = pricing.currency
    values["discount"] = _norm(pricing.discount)
    values["usd_rate"] = _norm(pricing.usd_rate)
    values["overrides"] = pricing.overrides or None
    return values


def _norm(value: Decimal | None) -> Decimal | None:
    return None if value is None else clean_price(value)


def _same_price(field: str, old: Decimal | None, new: Decimal | None) -> bool:
    if field in SURCHARGE_FIELDS:
        # No surcharge published and a zero surcharge cost the same.
        old = old if old is not None else Decimal(0)
        new = new if new is not None else Decimal(0)
    if old is None or new is None:
        return old is new
    return same_price(old, new)


def percent_change(old: Decimal, new: Decimal) -> float | None:
    """Percent from old to new; None when old is 0 (infinite).

    Two decimals (``28.57``) from 0.01 % up; below, two significant digits (``-0.0004``, ``1.2e-12``), so a
    real change never reads as 0.0 %.
    """
    if old == 0:
        return None
    percent = (new - old) / old * 100
    if percent == 0:
        return 0.0
    if abs(percent) >= Decimal("0.01"):
        return float(round(percent, 2))
    return float(round(percent, 1 - percent.adjusted()))


def percent_text(percent: float) -> str:
    """A percent for people: ``+28.57%``, ``+100%``, ``-0.0004%``; a real change never reads ``0.00%``."""
    if percent == 0 or abs(percent) >= 0.01:
        return f"{percent:+.2f}%".replace(".00%", "%")
    digits = format(abs(Decimal(repr(percent))), "f")  # 1.2e-12 -> 0.0000000000012
    return f"{'+' if percent > 0 else '-'}{digits}%"


def diff_pricing(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """Changes between two `pricing_values` dicts; empty when they are equal in meaning.

    Either side may hold values from before cleaning (a stored period): both are cleaned here.
    """
    changes: list[FieldChange] = []
    for field in PRICE_FIELDS:
        before, after = _norm(old.get(field)), _norm(new.get(field))
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
    before_discount, after_discount = _norm(old.get("discount")), _norm(new.get("discount"))
    if not (
        before_discount is after_discount is None
        or (
            before_discount is not None
            and after_discount is not None
            and same_price(before_discount, after_discount)
        )
    ):
        changes.append(
            FieldChange(ENDPOINT_CHANGED, "discount", _text(before_discount), _text(after_discount))
        )
    before_rate, after_rate = _norm(old.get("usd_rate")), _norm(new.get("usd_rate"))
    if before_rate != after_rate:  # the page's stated rate moved: not a price change
        changes.append(FieldChange(ENDPOINT_CHANGED, "usd_rate", _text(before_rate), _text(after_rate)))
    before_tiers, after_tiers = _tiers(old.get("overrides")), _tiers(new.get("overrides"))
    if before_tiers != after_tiers:
        changes.append(FieldChange(ENDPOINT_CHANGED, "overrides", _dump(before_tiers), _dump(after_tiers)))
    return changes


def _tiers(overrides: Any) -> list[dict[str, Any]] | None:
    """Overrides as compared: cleaned like `Pricing` cleans them; none and an empty list are the same."""
    return clean_overrides(overrides) if overrides else None


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
        return format(clean_price(value), "f")
    return str(value)


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, default=str)
