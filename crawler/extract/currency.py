"""Currencies as model pages write them: symbols (``$``, ``€``, ``£``, ``¥``, ``¢``), ISO codes (``USD``,
``EUR``, ``CNY``), local words (``RMB``, ``元``, ``人民币``, ``euros``) and a provider's own ``credits``.

A price is recorded in the currency the page gives, never converted: ``¥4`` is 4 CNY (``¥`` is read as
the yuan, as the Chinese providers that use it mean it; ``円``/``JPY`` is the yen). Cents are dollars
divided by 100 (``5¢`` is 0.05 USD). The code names (``USD``, ``EUR``, ...) are ISO 4217, plus
``credits``.
"""

from __future__ import annotations

import re
from decimal import Decimal

USD, EUR, GBP, CNY, JPY, INR, CREDITS = "USD", "EUR", "GBP", "CNY", "JPY", "INR", "credits"

#: a currency written before the amount (``$0.27``, ``€0.37``, ``USD 0.27``, ``RMB 2``)
PREFIX = r"US\$|USD|EUR|GBP|CNY|RMB|JPY|INR|\$|€|£|¥|￥|₹"
#: a currency written after the amount (``0.37 €``, ``2元``, ``5¢``, ``0.5 cents``, ``0.40 credits``)
SUFFIX = (
    r"USD|EUR|GBP|CNY|RMB|JPY|INR|€|£|¥|￥|元|円|₹|¢|\$(?!\s?\d)|cents?\b|credits?\b|dollars?\b|euros?\b|"
    r"yuan\b"
)

_BY_MARK = {
    "$": USD,
    "us$": USD,
    "usd": USD,
    "dollar": USD,
    "dollars": USD,
    "€": EUR,
    "eur": EUR,
    "euro": EUR,
    "euros": EUR,
    "£": GBP,
    "gbp": GBP,
    "¥": CNY,
    "￥": CNY,
    "元": CNY,
    "cny": CNY,
    "rmb": CNY,
    "yuan": CNY,
    "人民币": CNY,
    "円": JPY,
    "jpy": JPY,
    "₹": INR,
    "inr": INR,
    "credit": CREDITS,
    "credits": CREDITS,
}
_CENTS = frozenset({"¢", "cent", "cents"})
_MENTION = re.compile(
    r"US\$|\$|€|£|¥|￥|元|円|₹|人民币|"
    r"\b(?:USD|EUR|GBP|CNY|RMB|JPY|INR)\b|\b(?:dollars?|euros?|yuan|credits?)\b",
    re.I,
)


def currency_of_mark(mark: str | None) -> str | None:
    """The currency code of one written mark (``€`` -> EUR, ``RMB`` -> CNY, ``¢`` -> USD), or None."""
    if not mark:
        return None
    key = mark.strip().lower()
    return USD if key in _CENTS else _BY_MARK.get(key)


def is_cents(mark: str | None) -> bool:
    """Whether the mark counts cents (``¢``, ``cents``): the amount is then divided by 100."""
    return bool(mark) and (mark or "").strip().lower() in _CENTS


def from_cents(amount: Decimal, mark: str | None) -> Decimal:
    """The amount in whole currency units: cents (``5¢``) divided by 100, the rest as it is."""
    return amount / 100 if is_cents(mark) else amount


def currency_in(text: str) -> str | None:
    """The first currency a label or sentence names (``Input (¥/M Tokens)`` -> CNY), or None."""
    for match in _MENTION.finditer(text):
        found = currency_of_mark(match.group(0))
        if found:
            return found
    return None


def currency_code(value: object) -> str | None:
    """A currency field of structured data (``"usd"``, ``"EUR"``, ``"credits"``, ``"¥"``) as a code; an
    unknown three-letter ISO code is kept as it is (upper case); anything else is None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    known = currency_of_mark(text) or currency_in(text)
    if known:
        return known
    return text.upper() if re.fullmatch(r"[A-Za-z]{3}", text) else None
