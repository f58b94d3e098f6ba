"""Money amounts in a piece of page text, with their currency and what they are priced per.

An amount is a number with a currency before it (``$0.27``, ``€0.37``, ``US$ 1``, ``RMB 2``) or after it
(``0.37 €``, ``2元``, ``5¢``, ``0.5 cents``, ``0.40 credits``), or a bare number that a token unit
follows (``0.40 /M tokens``). Its unit is read right after it: per 1M (``/M``, ``/1M``, ``per million``,
``/MTok``, ``Mtoken``, ``每百万 tokens``), per 1K (``/1K``, ``per 1,000 tokens``, ``/千 tokens``), per
token, per request, or per something that is not a token (hour, image, second, page, GB, ...). A
``~~...~~`` span is text the page strikes through (`crawler.extract.htmltext` marks it so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from crawler.extract.currency import PREFIX, SUFFIX, currency_of_mark, from_cents
from crawler.extract.quantities import to_decimal

STRUCK = "~~"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![,\d])|\d+(?:[.,]\d+)?|\.\d+"
AMOUNT = re.compile(
    rf"(?:(?P<pre>{PREFIX})\s?|(?<![\w.,/\-$€£¥￥₹]))(?P<num>{_NUMBER})"
    rf"(?:\s?(?P<post>{SUFFIX}))?(?!\d)(?!\s*%)(?!\s*[x×]\b)",
    re.I,
)
_QTY_NUMBER = r"\d{1,3}(?:[,\s]\d{3})+|\d+(?:\.\d+)?"
_UNIT = re.compile(
    r"^\s*(?P<cur>usd|eur|credits?|dollars?|元|円)?\s*(?:/|per\b|for\s+(?:every\s+)?|every\b|each\b|每)\s*"
    rf"(?P<qty>{_QTY_NUMBER}|one|a(?=\s))?\s*(?P<mult>(?:k|m|thousand|million)(?![a-z])|百万|千|万)?\s*"
    r"(?:(?P<role>input|output|prompt|completion|cached\s+input)\s+(?=[mk]?tok|million\b))?"
    r"(?P<scale>mtoks?\b|mtokens?\b|ktoks?\b|ktokens?\b|m\b|million\b|mil\b|k\b|thousand\b|tokens?\b|toks?\b|"
    r"(?P<req>requests?\b|req\b|calls?\b|api\s*calls?\b|queries\b|query\b)|"
    r"(?P<other>images?\b|img\b|hours?\b|hrs?\b|h\b|seconds?\b|secs?\b|s\b|minutes?\b|mins?\b|characters?\b|"
    r"chars?\b|pages?\b|steps?\b|gb\b|months?\b|searches\b|search\b|videos?\b|audio\b|days?\b|gpus?\b|"
    r"containers?\b|sessions?\b|张|次|小时|秒)|"
    r"(?=(?:input|output|prompt|completion|cached)\s+tokens?\b))?",
    re.I,
)
#: ``Mtoken`` right after an amount or its roles, with no ``/`` (DeepInfra: ``$0.13 cached in Mtoken``)
_BARE_SCALE = re.compile(r"^\s*(?P<scale>mtoks?|mtokens?|ktoks?|ktokens?)\b", re.I)
_SCALE = {"m": 10**6, "mtok": 10**6, "mtoks": 10**6, "mtoken": 10**6, "mtokens": 10**6, "million": 10**6}
_SCALE |= {"mil": 10**6, "ktok": 10**3, "ktoks": 10**3, "ktoken": 10**3, "ktokens": 10**3, "k": 10**3}
_SCALE |= {"thousand": 10**3, "token": 1, "tokens": 1, "tok": 1, "toks": 1}
_MULT = {"k": 10**3, "thousand": 10**3, "千": 10**3, "万": 10**4, "m": 10**6, "million": 10**6, "百万": 10**6}
_PER_TIME = re.compile(r"^\s*(?:/|per\b)\s*(?:hours?|hr|h|months?|days?|minutes?|min)\b", re.I)
#: "6.67M / $1": how many tokens a dollar buys (Groq), not a price of $1
_PER_DOLLAR = re.compile(r"(?:^|[^\w$€£¥￥.,])\d[\d.,]*\s*[kmb]?\s*(?:tokens?\s*)?/\s*$", re.I)
#: what a line must hold to hold a price: a currency, or a unit's "/", "per", "tok" or "每" (a fast test)
_CUE_MARKS = re.compile(r"[$€£¥￥₹¢元円/每]")
_CUE_WORDS = (
    "per",
    "tok",
    "usd",
    "eur",
    "gbp",
    "cny",
    "rmb",
    "jpy",
    "inr",
    "cent",
    "credit",
    "dollar",
    "yuan",
)
_STRUCK_SPAN = re.compile(r"~~(.*?)~~", re.S)


@dataclass(frozen=True)
class Amount:
    """One amount of money in a text: its value in whole currency units, the currency if written, and
    what it is priced per (``tokens`` per unit, a request, something else, or not said)."""

    value: Decimal
    currency: str | None
    start: int
    end: int  # after the amount and its unit
    tokens: int | None = None  # tokens per priced unit, when a token unit follows
    per: str | None = None  # "tokens", "request", "other" (hour, image, ...), or None when not said
    struck: bool = False
    role: str | None = None  # a role word inside the unit ("$3 / input MTok")

    @property
    def priced(self) -> bool:
        """Whether it reads as a price: it has a currency or a token/request unit."""
        return self.currency is not None or self.per in ("tokens", "request")


def read_amounts(text: str) -> list[Amount]:
    """Every amount in ``text``, in order (a number with neither currency nor unit is left out)."""
    if not _has_cue(text):
        return []
    struck = [(m.start(), m.end()) for m in _STRUCK_SPAN.finditer(text)] if STRUCK in text else []
    found: list[Amount] = []
    for match in AMOUNT.finditer(text):
        amount = _read(text, match, struck)
        if amount is not None:
            found.append(amount)
    return found


def unit_at(text: str) -> tuple[int | None, str | None, int]:
    """The unit at the start of ``text`` (``/ 1M tokens`` -> (1000000, "tokens", end)); (None, None, 0)
    when there is none. ``per`` is "tokens", "request" or "other"."""
    tokens, per, end, _role = _unit_at(text)
    return tokens, per, end


def _unit_at(text: str) -> tuple[int | None, str | None, int, str | None]:
    tokens, per, end = _unit_parts(text)
    unit = _UNIT.match(text) if per == "tokens" else None
    return tokens, per, end, (unit.group("role") if unit else None)


def _unit_parts(text: str) -> tuple[int | None, str | None, int]:
    unit = _UNIT.match(text)
    if unit is None:
        bare = _BARE_SCALE.match(text)
        if bare:
            return _SCALE[bare.group("scale").lower()], "tokens", bare.end()
        return None, None, 0
    qty = _quantity(unit)
    if qty is None:
        return None, None, 0
    if unit.group("req"):
        # "$0.005 per request"; "$2.50 / 1k calls" is a price per thousand, of a tool: not a request price
        return None, "request" if qty == 1 and not unit.group("mult") else "other", unit.end()
    if unit.group("other"):
        return None, "other", unit.end()
    scale = (unit.group("scale") or "").lower()
    if scale in _SCALE:
        per = _SCALE[scale]
    elif unit.group("mult"):
        per = 1  # "/ 1M input tokens", "/百万 tokens", "/M": the multiplier carries the scale
    elif unit.group("qty"):
        return None, "other", unit.end()  # "$35 / 1,000 grounded prompts": per something else
    else:
        return None, None, 0
    tokens = qty * _MULT.get((unit.group("mult") or "").lower(), 1) * per
    if tokens < 1 or tokens != int(tokens):
        return None, None, 0
    end = unit.end()
    if _PER_TIME.match(text[end:]):
        return None, "other", end  # "$4.50 / 1,000,000 tokens per hour": storage, not use
    return int(tokens), "tokens", end


def _has_cue(text: str) -> bool:
    if _CUE_MARKS.search(text):
        return True
    lower = text.lower()
    return any(word in lower for word in _CUE_WORDS)


def _read(text: str, match: re.Match[str], struck: list[tuple[int, int]]) -> Amount | None:
    pre, post, raw = match.group("pre"), match.group("post"), match.group("num")
    if pre and _PER_DOLLAR.search(text[max(0, match.start() - 24) : match.start()]):
        return None
    value = _number(raw, decimal_comma=bool(pre or post))
    if value is None or value < 0:
        return None
    mark = pre or post
    currency = currency_of_mark(mark)
    value = from_cents(value, post)
    tokens, per, length, role = _unit_at(text[match.end() :])
    if per is None and length == 0:
        unit_currency = re.match(r"^\s*(usd|eur|credits?)\b", text[match.end() :], re.I)
        if unit_currency and currency is None:
            currency = currency_of_mark(unit_currency.group(1))
    elif currency is None:
        head = _UNIT.match(text[match.end() :])
        currency = currency_of_mark(head.group("cur")) if head and head.group("cur") else None
    if currency is None and per is None:
        return None
    inside = any(a <= match.start() < b for a, b in struck)
    return Amount(
        value=value,
        currency=currency,
        start=match.start(),
        end=match.end() + length,
        tokens=tokens,
        per=per,
        struck=inside,
        role=role,
    )


def _number(raw: str, *, decimal_comma: bool) -> Decimal | None:
    """``1,250.50`` -> 1250.50; with a currency, ``0,37`` (a decimal comma) -> 0.37."""
    if "," in raw and "." not in raw and re.fullmatch(r"\d+,\d{1,2}|0,\d+", raw):
        return to_decimal(raw.replace(",", ".")) if decimal_comma else None
    return to_decimal(raw)


def _quantity(unit: re.Match[str]) -> Decimal | None:
    text = (unit.group("qty") or "").lower()
    qty = Decimal(1) if text in ("", "one", "a") else to_decimal(re.sub(r"[,\s]", "", text))
    return qty if qty is not None and qty > 0 else None
