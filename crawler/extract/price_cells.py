"""The prices one table cell (or card value) shows, each with what it is: for readers of pricing tables.

A cell may hold several prices, one a line or side by side: ``$1.25, prompts <= 200k tokens`` / ``$2.50,
prompts > 200k tokens`` (tiers), ``$0.4`` / ``€0.37`` (two currencies), ``~~$0.14~~ $0.27`` (an old
price and the price), ``$0.035 (50% OFF)`` (a discount). `read_cell` gives them all, in order, as
`CellPrice`; `standard_of` picks the cell's standard price; the rest are for the offer's notes.

The column header (``Input ($/1M tokens)``, ``输入（元/百万tokens）``) and the row label (``DISCOUNT PRICE``,
``Batch input``) count as the cell's context: they may give its unit, its currency and what it is. A bare
number counts only when it is the whole line and the header gives a currency or a unit. ``Free``, ``Free
of charge`` and ``免费`` are 0; ``-``, ``N/A`` and ``Not available`` are no price; amounts per hour, image,
search or call and storage prices are not token prices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from crawler.extract.amounts import STRUCK, read_amounts
from crawler.extract.currency import currency_in
from crawler.extract.prices import per_million, scale_of
from crawler.extract.qualifiers import CURRENT, OLD, RANGE, STANDARD, TIER, Qualifier, is_range_link, qualify
from crawler.extract.quantities import parse_token_count, tidy, to_decimal

_FREE = re.compile(
    r"^\s*(?:free(?:\s+of\s+charge)?|免费|gratis|no\s+charge|\$?0(?:\.0+)?\s*\(free\))\s*[!.]?\s*$", re.I
)
_NONE = re.compile(r"^\s*(?:[-–—‒]+|n/?a|none|not\s+available|unavailable|tbd|contact\b.*)\s*$", re.I)
_BARE = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*$")
_NOT_TOKENS = re.compile(r"\b(?:storage|per\s+hour|fine[\s-]?tun\w*|training)\b", re.I)
_CJK_THOUSAND = re.compile(r"每千|千\s*tokens", re.I)


@dataclass(frozen=True)
class CellPrice:
    """One price a cell shows: per 1M tokens (per request for a request price), its currency (None when
    neither the cell nor the header gives one), what it is (`crawler.extract.qualifiers`) and the line
    of the cell it was read from."""

    amount: Decimal
    currency: str | None
    kind: str = STANDARD
    words: str = ""  # what the page says it is: "above 200K tokens", "50% OFF", "struck through"
    text: str = ""
    per: str = "tokens"  # or "request"
    #: for a tier above the first, the prompt length it starts above (``> 200k`` -> 200000)
    min_prompt_tokens: int | None = None


def read_cell(text: str, *, header: str = "", row: str = "", struck: str = "") -> list[CellPrice]:
    """Every price in a cell's ``text``, in order. ``header`` is its column's label, ``row`` its row's
    label (both may give the unit, the currency and what the price is); ``struck`` is struck-through text
    the caller took out of the cell (it is read as old prices)."""
    context = f"{row} {header}"
    if _NOT_TOKENS.search(context):
        return []
    lines = [part.strip() for part in text.split("\n") if part.strip() and not _NONE.match(part)]
    if struck.strip():
        lines.append(f"{STRUCK}{struck.strip()}{STRUCK}")
    found: list[CellPrice] = []
    for index, line in enumerate(lines):
        if _FREE.match(line):
            found.append(CellPrice(Decimal(0), currency_in(header), text=line))
            continue
        # a line without a price says something about the price above it ("$0.035" / "(50% OFF)")
        trailing = []
        for below in lines[index + 1 :]:
            if read_amounts(below) or _FREE.match(below):
                break
            trailing.append(below)
        found.extend(_read_line(line, " ".join(trailing), header=header, context=context))
    return found


def standard_of(prices: list[CellPrice]) -> CellPrice | None:
    """The cell's standard price: the first standard one, else the first promotional one (what is paid
    now, unless the cell shows the old price it replaces: that one is the regular price)."""
    standard = next((p for p in prices if p.kind == STANDARD), None)
    if standard is not None:
        return standard
    current = next((p for p in prices if p.kind in CURRENT), None)
    if current is None:
        return None
    return next((p for p in prices if p.kind == OLD), current)


def header_scale(label: str) -> int | None:
    """Tokens per priced unit a header names (``per 1M tokens``, ``百万``, ``/1K``, ``每千 tokens``)."""
    return scale_of(label) or (10**3 if _CJK_THOUSAND.search(label) else None)


def _read_line(line: str, trailing: str, *, header: str, context: str) -> list[CellPrice]:
    amounts = [a for a in read_amounts(line) if a.per != "other"]
    header_currency = currency_in(header)
    scale = header_scale(header) or header_scale(context)
    if not amounts:
        bare = _BARE.match(line.replace(STRUCK, ""))
        value = to_decimal(bare.group(1)) if bare else None
        if value is None or not (header_currency or scale):
            return []
        qualifier = qualify("", trailing, struck=STRUCK in line, context=context)
        return [_price(per_million(value, scale or 10**6), header_currency, qualifier, line)]
    found: list[CellPrice] = []
    for position, amount in enumerate(amounts):
        if not amount.priced:
            continue
        following = amounts[position + 1] if position + 1 < len(amounts) else None
        before = line[amounts[position - 1].end if position else 0 : amount.start]
        after = line[amount.end : following.start] if following else f"{line[amount.end :]} {trailing}"
        ranged = following is not None and is_range_link(line[amount.end : following.start])
        if ranged or (position and is_range_link(before)):
            qualifier = Qualifier(RANGE, "range")
        else:
            qualifier = qualify(before, after, struck=amount.struck, context=context)
        currency = amount.currency or header_currency
        if amount.per == "request":
            found.append(_price(tidy(amount.value), currency, qualifier, line, per="request"))
            continue
        value = per_million(amount.value, amount.tokens or scale or 10**6)
        found.append(_price(value, currency, qualifier, line))
    return found


def _price(
    amount: Decimal, currency: str | None, qualifier: Qualifier, line: str, *, per: str = "tokens"
) -> CellPrice:
    above = parse_token_count(qualifier.words) if qualifier.kind == TIER else None
    return CellPrice(
        amount=amount,
        currency=currency,
        kind=qualifier.kind,
        words=qualifier.words,
        text=line.replace(STRUCK, ""),
        per=per,
        min_prompt_tokens=above,
    )
