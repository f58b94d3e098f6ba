"""A provider's own unit's rate to USD, as its page states it: ``1 credit = $1.00``, ``$1 = 100 credits``,
``Credits are billed at $0.01 each``, ``1,000 credits ($10)``, ``1,000 credits for $10``.

Only these explicit forms are read, and only for ``credits``; never guessed: a page that states two
different rates, or none, gives no rate (None). The rate is the USD value of one credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from crawler.extract.currency import CREDITS
from crawler.extract.evidence import Evidence, evidence

_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|a)"
_USD = rf"(?:US)?\$\s?{_NUM}|{_NUM}\s?(?:USD|US dollars?|dollars?)\b"
_CREDITS = r"credits?\b"
_EQUALS = r"\s*(?:=|equals?|is worth|costs?|is)\s*"

#: (pattern, which group is the credits count, which groups are the USD amount) in the order tried
_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    # 1 credit = $1.00 ; 100 credits = $1 ; one credit equals 0.01 USD
    (re.compile(rf"\b{_NUM}\s+{_CREDITS}{_EQUALS}(?:{_USD})", re.I), "credits-usd"),
    # $1 = 100 credits ; 1 USD = 100 credits
    (
        re.compile(rf"(?:{_USD})\s*(?:=|equals?|buys|gets you|gets)\s*{_NUM}\s+{_CREDITS}", re.I),
        "usd-credits",
    ),
    # credits are billed at $0.01 each ; each credit costs $0.01
    (
        re.compile(
            rf"\bcredits\s+are\s+(?:billed|priced|charged|sold)\s+at\s+(?:{_USD})\s*(?:each|per credit)", re.I
        ),
        "each",
    ),
    (re.compile(rf"\beach\s+credit\s+(?:costs|is)\s+(?:{_USD})", re.I), "each"),
    # 1,000 credits ($10) ; 1,000 credits for $10
    (re.compile(rf"\b{_NUM}\s+{_CREDITS}\s*(?:\(\s*(?:{_USD})\s*\)|for\s+(?:{_USD}))", re.I), "credits-usd"),
)


@dataclass(frozen=True)
class StatedRate:
    """The USD value of one unit of `currency`, and where the page says so."""

    currency: str
    usd: Decimal
    evidence: Evidence


def _number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    word = text.lower()
    if word in ("one", "a"):
        return Decimal(1)
    try:
        value = Decimal(word.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value > 0 else None


def _read(match: re.Match[str], form: str) -> Decimal | None:
    groups = list(match.groups())
    if form == "credits-usd":
        credits, usd = _number(groups[0]), _number(next((g for g in groups[1:] if g), None))
    elif form == "usd-credits":
        usd, credits = _number(next((g for g in groups[:-1] if g), None)), _number(groups[-1])
    else:
        credits, usd = Decimal(1), _number(next((g for g in groups if g), None))
    if credits is None or usd is None:
        return None
    return (usd / credits).normalize()


def stated_rate(lines: Iterable[str]) -> StatedRate | None:
    """The rate of ``credits`` to USD the page states; None when it states none or two different ones."""
    found: list[tuple[Decimal, int, str]] = []
    for number, line in enumerate(lines, 1):
        for pattern, form in _FORMS:
            for match in pattern.finditer(line):
                rate = _read(match, form)
                if rate is not None:
                    found.append((rate, number, line))
    if not found or len({rate for rate, _, _ in found}) > 1:
        return None
    rate, number, line = found[0]
    return StatedRate(CREDITS, rate, evidence("text", f"line {number}", line))
