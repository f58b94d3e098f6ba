"""Pricing tables that list several models, one row each (Together-, Fireworks-, DeepInfra-style).

A table counts when its header has a model column (``Model``, ``Model name``, ``Model ID``, ``Name``) and at
least one price column (``Input``, ``Output``, ``Cached input``, or a single ``Price``, which then applies to
input and output alike, as those pages mean it). The unit comes from the cell (``$0.20 / 1M``) or the header
(``Input ($/1M tokens)``, ``Price per 1M tokens``), else per 1M tokens.
"""

from __future__ import annotations

import re
from decimal import Decimal

from crawler.extract.prices import per_million, role_of, scale_of
from crawler.extract.quantities import parse_token_count, plausible_context, to_decimal
from crawler.extract.structured import Found

_AMOUNT = re.compile(
    r"(?P<cur>\$|US\$|USD\s?)?\s*(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*(?P<credits>credits?))?"
)
_FREE = re.compile(r"^\s*free\b", re.I)
_ID = re.compile(r"^[A-Za-z0-9][\w.:@/-]*$")
_MODEL_HEADER = re.compile(r"^(?:name|(?:.{0,20}\b)?models?(?:\s*(?:name|id))?)$")


def read_price_tables(tables: list[list[list[str]]]) -> list[Found]:
    """One `Found` per priced row of every multi-model pricing table, in page order."""
    offers: list[Found] = []
    for number, table in enumerate(tables, 1):
        if len(table) < 2:
            continue
        layout = _layout(table[0])
        if layout is None:
            continue
        model_col, price_cols, context_col = layout
        header_scale = scale_of(" ".join(table[0]))
        for row in table[1:]:
            found = _read_row(row, model_col, price_cols, context_col, header_scale, table[0])
            if found is not None:
                found.method = "table"
                found.where = f"table {number}, row {_row_label(row, model_col)!r}"
                offers.append(found)
    return offers


def _row_label(row: list[str], model_col: int) -> str:
    cell = row[model_col] if model_col < len(row) else ""
    return " ".join(cell.split())[:60]


def _layout(header: list[str]) -> tuple[int, dict[int, str], int | None] | None:
    cells = [cell.strip().lower() for cell in header]
    model_col = next((i for i, c in enumerate(cells) if _MODEL_HEADER.search(c) and "price" not in c), None)
    if model_col is None:
        return None
    price_cols: dict[int, str] = {}
    for index, cell in enumerate(cells):
        if index == model_col or "context" in cell or "batch" in cell:
            continue
        role = role_of(cell)
        if role in ("input", "output", "cache_read", "cache_write", "request"):
            price_cols[index] = role
        elif re.search(r"\b(?:price|cost|pricing)\b", cell):
            price_cols[index] = "blended"
    if not price_cols:
        return None
    context_col = next((i for i, c in enumerate(cells) if "context" in c), None)
    return model_col, price_cols, context_col


def _read_row(
    row: list[str],
    model_col: int,
    price_cols: dict[int, str],
    context_col: int | None,
    header_scale: int | None,
    header: list[str],
) -> Found | None:
    if len(row) <= max(price_cols):
        return None
    pricing: dict[str, Decimal] = {}
    currency = "USD"
    for index, role in price_cols.items():
        amount, credits = _read_cell(row[index], scale_of(header[index]) or header_scale)
        if amount is None:
            continue
        currency = "credits" if credits else currency
        roles = ("input", "output") if role == "blended" else (role,)
        for one in roles:
            pricing.setdefault(one, amount)
    if not pricing:
        return None
    found = Found(pricing=pricing, currency=currency)
    texts = [line.strip() for line in row[model_col].split("\n") if line.strip()]
    ids = [t for t in texts if _ID.match(t) and re.search(r"[\d/-]", t)]
    slashed = [t for t in ids if "/" in t]
    found.model = slashed[0] if slashed else ids[-1] if ids and len(texts) > 1 else None
    found.name = next((t for t in texts if t != found.model), found.model)
    if context_col is not None and context_col < len(row):
        found.context_length = plausible_context(parse_token_count(row[context_col]))
    return found


def _read_cell(cell: str, header_scale: int | None) -> tuple[Decimal | None, bool]:
    if _FREE.match(cell):
        return Decimal(0), False
    match = _AMOUNT.search(cell)
    if not match:
        return None, False
    amount = to_decimal(match.group("num"))
    if amount is None:
        return None, False
    credits = bool(match.group("credits")) or "credit" in cell.lower()
    if not match.group("cur") and not credits and not header_scale:
        return None, False
    return per_million(amount, scale_of(cell) or header_scale or 10**6), credits
