"""Pricing tables read down their columns: models as columns (DeepSeek's ``MODEL | deepseek-chat |
deepseek-reasoner`` over ``CONTEXT LENGTH``, ``1M INPUT TOKENS (CACHE HIT)``, ...) and one table per model
(Gemini's ``Input price | Free Tier | Paid Tier`` under a heading and the model's ``<code>`` id).

A cell spanning several model columns (``64K`` under both models) belongs to each; row groups (``STANDARD
PRICE`` / ``DISCOUNT PRICE``, spanning their rows) are part of each row's label, so the discount rows are
noted, never the price. A ``MODEL VERSION`` row gives the display name.

A table whose columns are prompt-length tiers (``≤ 200K input tokens | > 200K input tokens``) and which
names no model applies to the models the text above it names ("When using Claude Sonnet 4 or Sonnet 4.5
..."): its higher tiers become their notes.
"""

from __future__ import annotations

import re

from crawler.extract.context import find_context_length
from crawler.extract.evidence import evidence
from crawler.extract.grid import Grid
from crawler.extract.listed import Listed
from crawler.extract.model_links import is_model_id
from crawler.extract.qualifiers import tier_of
from crawler.extract.struck import unmark
from crawler.extract.table_labels import (
    PRICE_ROLES,
    PRICE_WORD,
    SKIP_COLUMN,
    flat,
    label_role,
    plan_kind,
    row_field,
    row_label,
    set_count,
    short,
)
from crawler.extract.table_prices import OfferPrices


def read_columns(grid: Grid, head: int) -> list[Listed]:
    """Models named by the header's columns, facts by the rows (DeepSeek's pricing table)."""
    header = grid.rows[head - 1]
    label_cols = [c for c in range(grid.width) if header[c].origin == header[0].origin]
    model_cols = [c for c in range(grid.width) if c not in label_cols and header[c].text]
    if len(model_cols) < 2 or len({header[c].origin for c in model_cols}) < len(model_cols):
        return []
    names = [flat(unmark(header[c].text)) for c in model_cols]
    if not all(_is_model_label(n) for n in names):
        return []
    body = grid.rows[head:]
    labels = [row_label(row, label_cols) for row in body]
    fields = [row_field(label) for label in labels]
    if not any(f in _PRICED for f in fields) or sum(1 for f in fields if f) < 2:
        return []
    offers = []
    for column, label in zip(model_cols, names, strict=True):
        offer = Listed(model=label if is_model_id(label) else None, name=label, method="table")
        offer.where = f"table {grid.number}, column {short(label)!r}"
        offer.evidence["model" if offer.model else "name"] = evidence(
            "table", offer.where, header[column].text
        )
        prices = OfferPrices()
        model_read = False
        for row, field_name, label_text in zip(body, fields, labels, strict=True):
            cell = row[column]
            place = f"table {grid.number}, row {short(label_text)!r}, column {short(label)!r}"
            if field_name == "name" and cell.text:
                offer.name = flat(unmark(cell.text))
                offer.evidence["name"] = evidence("table", place, cell.text)
            elif field_name == "model" and not model_read:
                model = next((t for t in unmark(cell.text).split() if is_model_id(t)), None)
                if model:
                    offer.model, model_read = model, True
                    offer.evidence["model"] = evidence("table", place, cell.text)
            elif field_name in ("context_length", "max_output_tokens"):
                set_count(offer, field_name, cell, place)
            elif field_name in _PRICED:
                prices.add(field_name, cell, header=label, row=label_text, place=place)
        prices.settle(offer)
        offers.append(offer)
    return offers


_PRICED = (*PRICE_ROLES, "blended")


def _is_model_label(label: str) -> bool:
    if not label or len(label) > 80 or label_role(label) or plan_kind(label) or PRICE_WORD.search(label):
        return False
    if re.search(r"\b(?:tier|plan|standard|paid|free|batch|enterprise|basic|pro\s+plan)\b", label, re.I):
        return False
    return bool(re.search(r"\d|-|/|[a-z][A-Z]", label))


def read_sheet(grid: Grid, head: int, labels: list[str]) -> Listed | None:
    """A table of one model's facts (rows) by plan (columns), under a heading that names the model."""
    model = next((code for code in grid.lead_codes if is_model_id(code)), None)
    if model is None and not grid.heading:
        return None
    body = grid.rows[head:]
    row_labels = [flat(unmark(row[0].text)) for row in body]
    fields = [row_field(label) for label in row_labels]
    if sum(1 for f in fields if f in PRICE_ROLES) < 2:
        return None
    offer = Listed(model=model, name=grid.heading or model, method="table")
    offer.where = f"table {grid.number} ({short(grid.heading)})"
    offer.evidence["name"] = evidence("table", f"{offer.where}, heading", grid.heading or model)
    if model:
        offer.evidence["model"] = evidence("table", f"{offer.where}, code above the table", model)
    prices = OfferPrices()
    columns = [c for c in range(1, grid.width) if not SKIP_COLUMN.search(labels[c])]
    for row, field_name, label_text in zip(body, fields, row_labels, strict=True):
        for column in columns:
            cell = row[column]
            place = f"table {grid.number}, row {short(label_text)!r}, column {short(labels[column])!r}"
            if field_name in ("context_length", "max_output_tokens") and getattr(offer, field_name) is None:
                set_count(offer, field_name, cell, place)
            elif field_name in PRICE_ROLES:
                kind = plan_kind(labels[column])
                prices.add(field_name, cell, header=labels[column], row=label_text, place=place, kind=kind)
    prices.settle(offer)
    if offer.context_length is None:
        context = find_context_length(grid.lead)
        if context:
            offer.context_length = context
            where = f"{offer.where}, text above the table"
            offer.evidence["context_length"] = evidence("text", where, " ".join(grid.lead))
    return offer if offer.pricing else None


def note_tier_table(grid: Grid, head: int, labels: list[str], offers: list[Listed]) -> None:
    """Notes, on the offers the text above the table names, from a table of prompt-length tiers."""
    tiers = [c for c, label in enumerate(labels) if label and tier_of(label) is not None]
    if len(tiers) < 2 or not grid.lead:
        return
    text = " ".join(grid.lead)
    named = [offer for offer in offers if _mentioned(offer, text)]
    for offer in named:
        prices = OfferPrices()
        for row in grid.rows[head:]:
            for column in tiers:
                cell = row[column]
                role = label_role(unmark(cell.text).split("$")[0]) or label_role(flat(unmark(row[0].text)))
                if role in PRICE_ROLES:
                    place = f"table {grid.number}, column {short(labels[column])!r}"
                    prices.add(role, cell, header=labels[column], row="", place=place, only_noted=True)
        prices.settle(offer)


def _mentioned(offer: Listed, text: str) -> bool:
    """Whether `text` names the offer's model: its id, its name, or its name without the first word
    (``Claude Sonnet 4.5`` as ``Sonnet 4.5``), never a longer version (``Sonnet 4`` is not ``Sonnet 4.5``)."""
    names = [n for n in (offer.model, offer.name) if n]
    if offer.name and len(offer.name.split()) >= 3:
        names.append(offer.name.split(maxsplit=1)[1])
    return any(
        re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-]|\.\d)", text, re.I)
        for name in names
        if re.search(r"\d", name)
    )
