"""What the words around a price say it is: the standard price, or something beside it.

A price is *standard* unless the words next to it (in its table cell or line, its row label, its column
header, or a short heading above it) say otherwise:

- ``old``: struck through (``<del>``, ``line-through``), or "was", "previously";
- ``promo``: "50% off", "limited time", "promotional", "introductory", "launch offer", "until ...";
- ``discount``: off-peak and night rates, "discount price";
- ``batch``: the Batch API's rate;
- ``tier``: a prompt-length tier above the first (``> 200K tokens``, ``prompts longer than 128K``,
  ``(32, 200]``); the first tier (``≤ 200K``, ``[0, 32]``) is the standard price;
- ``from``: a lower bound (``from $0.10``, ``starting at``, ``as low as``), not a price on its own;
- ``range``: one end of a range (``$0.10 – $0.90``);
- ``audio``: the price of audio input (``$1.00 (audio)``), beside the text price.

Each kind but ``standard`` becomes a note of the offer, in words (``input above 200K tokens: 2.5``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STANDARD, OLD, PROMO, DISCOUNT, BATCH, TIER, FROM, RANGE, AUDIO = (
    "standard",
    "old",
    "promo",
    "discount",
    "batch",
    "tier",
    "from",
    "range",
    "audio",
)
#: kinds that can stand for the standard price when the page shows no standard one (what is paid now)
CURRENT = (STANDARD, PROMO)

_BATCH = re.compile(r"\bbatch(?:ed)?\b|批量", re.I)
_DISCOUNT = re.compile(
    r"off[\s-]?peak|discount(?:ed)?\s+(?:price|rate)|night(?:ly)?\s+(?:price|rate)|夜间|闲时|优惠时段", re.I
)
_PROMO = re.compile(
    r"\d+(?:\.\d+)?\s*%\s*(?:off|discount|cheaper|lower)\b|\blimited[\s-]+time\b|\bpromo(?:tion(?:al)?)?\b|"
    r"\bintroductory\b|\blaunch\s+(?:price|pricing|offer|discount|special)\b|\bspecial\s+(?:offer|price)\b|"
    r"\b(?:sale|deal)\s+price\b|\bon\s+sale\b|\bearly[\s-]bird\b|限时|优惠|折",
    re.I,
)
_OLD = re.compile(r"\b(?:was|previously|formerly|old\s+price|before)\s*:?\s*$", re.I)
_FROM = re.compile(
    r"\b(?:from|starting\s+(?:at|from)|starts\s+at|as\s+low\s+as|min(?:imum)?\.?|低至|起)\s*:?\s*$", re.I
)
_FROM_AFTER = re.compile(r"^\s*(?:\+|and\s+up\b|or\s+more\b|起)", re.I)
_RANGE_NEXT = re.compile(r"^\s*(?:-|–|—|~|to)\s*$", re.I)
_COUNT = r"(\d+(?:[.,]\d+)?)\s*([kmKM]|千|万|百万)?"
_TIER_HIGH = re.compile(
    rf"(?:>=?|≥|＞|\babove\b|\bover\b|\bmore\s+than\b|\blonger\s+than\b|\bbeyond\b|\bexceed(?:s|ing)?\b|"
    rf"\bafter\b|\bgreater\s+than\b)\s*(?:the\s+first\s+)?{_COUNT}(?!\s*%)",
    re.I,
)
_TIER_LOW = re.compile(
    rf"(?:<=?|≤|＜|\bup\s+to\b|\bunder\b|\bbelow\b|\bless\s+than\b|\bfirst\b|\bwithin\b)\s*{_COUNT}(?!\s*%)",
    re.I,
)
_INTERVAL = re.compile(rf"[\[(]\s*{_COUNT}\s*[,，~-]\s*{_COUNT}\s*[\])]")
_AUDIO = re.compile(r"\(\s*audio\s*\)|\baudio\s+(?:input|tokens?)\b", re.I)
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%\s*(?:off|discount)", re.I)
_TOKENISH = re.compile(r"\btok|\bprompt|\binput|\bcontext|[kKmM]\b|千|万|长度|length", re.I)


@dataclass(frozen=True)
class Qualifier:
    """What a price is (a kind above) and the words that say so (empty for a standard price)."""

    kind: str = STANDARD
    words: str = ""


def qualify(before: str, after: str, *, struck: bool = False, context: str = "") -> Qualifier:
    """The kind of the price between ``before`` (its label, in its cell or line) and ``after`` (up to
    the next price); ``context`` holds its row label, column header and heading."""
    near = f"{before} {after}"
    if struck:
        return Qualifier(OLD, "struck through")
    if _OLD.search(before):
        return Qualifier(OLD, _OLD.search(before).group(0).strip(" :"))  # type: ignore[union-attr]
    tier = tier_of(near) or tier_of(context)
    if _BATCH.search(near) or _BATCH.search(context):
        return Qualifier(BATCH, "batch")
    if _DISCOUNT.search(near) or _DISCOUNT.search(context):
        return Qualifier(DISCOUNT, _phrase(f"{near}\t{context}", _DISCOUNT))
    if _PROMO.search(after) or _PROMO.search(before) or _PROMO.search(context):
        return Qualifier(PROMO, _phrase(f"{near}\t{context}", _PROMO))
    if _AUDIO.search(near):
        return Qualifier(AUDIO, "audio")
    if tier is not None and tier[0]:
        return Qualifier(TIER, tier[1])
    if _FROM.search(before) or _FROM_AFTER.match(after):
        return Qualifier(FROM, "from")
    return Qualifier()


def is_range_link(between: str) -> bool:
    """Whether the text between two amounts makes them a range (``$0.10 – $0.90``, ``0.1 to 0.9``)."""
    return bool(_RANGE_NEXT.match(between))


def tier_of(text: str, *, unit: int = 1000) -> tuple[bool, str] | None:
    """A prompt-length tier named in ``text``: (whether it is above the first tier, its words such as
    ``above 200K tokens``), or None. Bare interval bounds (``(32, 200]``) count in ``unit`` tokens."""
    if not text:
        return None
    interval = _INTERVAL.search(text)
    if interval:
        start = interval.group(1)
        if float(start.replace(",", ".")) == 0:
            return False, f"up to {_tokens(interval.group(3), interval.group(4), unit)} tokens"
        return True, f"above {_tokens(start, interval.group(2), unit)} tokens"
    if not _TOKENISH.search(text):
        return None
    high = _TIER_HIGH.search(text)
    if high:
        return True, f"above {_tokens(high.group(1), high.group(2), unit)} tokens"
    low = _TIER_LOW.search(text)
    if low:
        return False, f"up to {_tokens(low.group(1), low.group(2), unit)} tokens"
    return None


def _tokens(number: str, suffix: str | None, unit: int) -> str:
    """``200``, ``k`` -> ``200K``; a bare ``32`` counted in thousands -> ``32K``."""
    mark = (suffix or "").upper()
    mark = {"千": "K", "万": "0K", "百万": "M"}.get(mark, mark)
    if not mark and unit == 1000 and float(number.replace(",", ".")) < 10_000:
        mark = "K"
    return f"{number}{mark}"


def _phrase(text: str, pattern: re.Pattern[str]) -> str:
    """The words that say it: the first match of ``pattern`` and up to four words after it, within its
    cell (``50% off until Dec 31``, ``DISCOUNT PRICE``, ``off-peak``)."""
    match = pattern.search(text)
    if not match:
        return ""
    rest = re.split(r"[\t\n|;,.()（）]", text[match.end() :], maxsplit=1)[0]
    words = (match.group(0) + " " + " ".join(rest.split()[:4])).strip()
    percent = _PERCENT.search(text)
    if percent and percent.group(0).lower() not in words.lower():
        words = f"{words}, {percent.group(0)}"
    return " ".join(words.split())
