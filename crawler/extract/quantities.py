"""Reading the quantities model pages print: token counts (``164K``, ``163,840``, ``1M``), dates and
money amounts, exactly (through `Decimal`, never float arithmetic)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

TOKEN_COUNT = r"(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|thousand|million)?(?![\w])"
_TOKEN_COUNT = re.compile(TOKEN_COUNT, re.I)
_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I),
    re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(\d{4})", re.I),
    re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.])"),
    re.compile(r"(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d.])"),
    re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    # day and month first: 21.08.2025 (Europe, day first), 08/21/2025 (US, month first when it can be)
    re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})[./](\d{4})(?![\d.])"),
)
_GLUED_YEAR = re.compile(_MON + r"\s+\d{1,2},?\s+\d{4}(?=\d)", re.I)
MIN_CONTEXT = 1_000
MAX_CONTEXT = 100_000_000


def to_decimal(value: object) -> Decimal | None:
    """A JSON or text number as `Decimal` (floats through their shortest text), or None."""
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip().replace(",", "") if isinstance(value, str | int | float) else ""
    if not text:
        return None
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def tidy(amount: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (``2.50`` -> ``2.5``, ``1E+2`` -> 100)."""
    normal = amount.normalize()
    if normal == normal.to_integral_value():
        return normal.quantize(Decimal(1))
    return normal


def parse_token_count(text: str) -> int | None:
    """The first token count in ``text``: ``164K`` -> 164000, ``163,840`` -> 163840, ``1M`` -> 1000000."""
    match = _TOKEN_COUNT.search(text)
    if not match:
        return None
    number = to_decimal(match.group(1))
    if number is None:
        return None
    scale = _SCALE.get((match.group(2) or "").lower(), 1)
    return int(number * scale)


def plausible_context(count: int | None) -> int | None:
    """``count`` when it is a believable context or output size, else None."""
    if count is None or not MIN_CONTEXT <= count <= MAX_CONTEXT:
        return None
    return count


def parse_date(text: str) -> date | None:
    """The first calendar date in ``text`` (``Sep 22, 2025``, ``22 September 2025``, ``2025-09-22``,
    ``2025年8月21日``, ``21.08.2025``); a month without a day (``August 2025``) is none."""
    best: tuple[int, date] | None = None
    for index, pattern in enumerate(_DATE_PATTERNS):
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groups()
        try:
            if index == 0:
                found = date(int(groups[2]), _MONTHS[groups[0][:3].lower()], int(groups[1]))
            elif index == 1:
                found = date(int(groups[2]), _MONTHS[groups[1][:3].lower()], int(groups[0]))
            elif index == 5:
                found = _day_month_year(groups)
            else:
                found = date(int(groups[0]), int(groups[1]), int(groups[2]))
        except (ValueError, KeyError):
            continue
        if best is None or match.start() < best[0]:
            best = (match.start(), found)
    return best[1] if best else None


def _day_month_year(groups: tuple[str | Any, ...]) -> date:
    """``21.08.2025`` (day first, as dots write it), ``08/21/2025`` (month first, as a US slash writes
    it, unless the first number can only be a day)."""
    first, mark, second, year = int(groups[0]), groups[1], int(groups[2]), int(groups[3])
    month_first = mark == "/" and first <= 12 or second > 12
    return date(year, first, second) if month_first else date(year, second, first)


def date_from_json(value: object) -> date | None:
    """A JSON date: unix seconds (or milliseconds), or an ISO/US date string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and value > 0:
        seconds = value / 1000 if value > 10**11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str):
        return parse_date(value)
    return None


def unglue_dates(line: str) -> str:
    """Separate a year from digits glued after it (``Dec 1, 2025163,840 context``)."""
    return _GLUED_YEAR.sub(lambda m: m.group(0) + " ", line)
