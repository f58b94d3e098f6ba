"""Token prices from a page's text lines, as `Decimal` per 1M tokens.

An amount counts as a price when it carries a currency (``$0.27``, ``0.40 credits``) or a token unit
(``0.40 /M tokens``). Its unit is read after it (``per 1M``, ``/M``, ``per MTok``, ``/ 1K tokens``, on the
same line or the next), else from the label before it, else per 1M is assumed for a ``$`` amount under
an input/output label. Its role (input, output, cache_read, cache_write, request) comes from the words
right after the unit (``/M input tokens``), else the nearest label before it on the line, else a label
line just above. Amounts per hour, image, second and the like, and batch or fine-tuning prices, are
skipped. The first price found for each role wins. ``Free`` counts as 0 only under a price label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from crawler.extract.quantities import tidy, to_decimal

_AMOUNT = re.compile(
    r"(?:(?P<cur>US\$|\$|USD\s?)|(?<![\w.,/\-$]))(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?!\d)(?!\s*%)",
)
_UNIT = re.compile(
    r"^\s*(?P<cur>usd|credits?|dollars?)?\s*(?:/|per\b|for\s+(?:every\s+)?|every\b)\s*"
    r"(?P<qty>1,000,000|1,000|1000000|1000|100|1|one)?\s*"
    r"(?P<scale>mtoks?|mtokens|m\b|million|mil\b|k\b|thousand|tokens?\b|toks?\b|"
    r"(?P<req>requests?|req\b|calls?)|"
    r"(?P<other>queries|query|images?|img\b|hours?|hr\b|h\b|seconds?|sec\b|s\b|minutes?|min\b|"
    r"characters?|chars?|pages?|steps?|gb\b|months?|searches|search|videos?|audio|days?|gpu))",
    re.I,
)
_AFTER_ROLE = re.compile(
    r"^\s*(?:tokens?\s*)?(?:of\s*)?(?P<role>cached\s*input|cache\s*(?:reads?|hits?|writes?)|input|output|"
    r"prompt|completion|in\b|out\b)(?=\s*(?:tokens?|toks?)\b|\s*$|\s*[•|·,;)(\[\]/]|\s+(?:and|&)\b)",
    re.I,
)
_AFTER_TOKENS = re.compile(r"^\s*(?:tokens?|toks?)\b", re.I)
_SCALE_WORDS = {"m": 10**6, "mtok": 10**6, "mtoks": 10**6, "mtokens": 10**6, "million": 10**6, "mil": 10**6}
_SCALE_WORDS |= {"k": 10**3, "thousand": 10**3, "token": 1, "tokens": 1, "tok": 1, "toks": 1}
_QTY = {"1,000,000": 10**6, "1000000": 10**6, "1,000": 10**3, "1000": 10**3, "100": 100, "one": 1, "1": 1}
_LABEL_SCALE_M = re.compile(
    r"(?:per|/)\s*(?:1\s*)?(?:m\b|mtok|million)|\bmtok\b|\b1\s*m\s+tokens|million\s+tokens", re.I
)
_LABEL_SCALE_K = re.compile(r"(?:per|/)\s*(?:1\s*)?(?:k\b|thousand)|\b1\s*k\s+tokens|thousand\s+tokens", re.I)
_ROLES = (
    (
        "cache_write",
        re.compile(r"cache[ds]?\s*(?:writes?|creation|write\s*tokens)|writes?\s*(?:to\s*)?cache", re.I),
    ),
    (
        "cache_read",
        re.compile(
            r"cache[ds]?\s*(?:reads?|hits?|refresh(?:es)?)|cached\s*(?:input|prompt|tokens?)|cached\b", re.I
        ),
    ),
    ("input", re.compile(r"\b(?:input|prompt)s?\b|cache\s*miss", re.I)),
    ("output", re.compile(r"\b(?:output|completion)s?\b", re.I)),
    ("request", re.compile(r"\brequests?\b", re.I)),
)
_SKIP = re.compile(r"\b(?:batch|fine[\s-]?tun\w*|training|storage|per\s*hour)\b", re.I)
_FREE = re.compile(r"^(?P<label>.{0,40}?)[\s:\-–]*\bfree\b[\s!.]*$", re.I)
_CACHE_WORD = re.compile(r"^\W*(writes?|reads?|hits?)\b[\s:]*$", re.I)
_PRICE_LABEL = re.compile(r"^(?:price|pricing|cost)s?\b", re.I)
_MAX_LINE = 4000


@dataclass(frozen=True)
class PriceMention:
    """One price read from the page: role, amount per 1M tokens (or per request) and its currency."""

    role: str
    amount: Decimal
    currency: str | None
    line: int


def find_prices(lines: list[str]) -> list[PriceMention]:
    """Every price mention on the page, in document order."""
    found: list[PriceMention] = []
    for index, line in enumerate(lines):
        if len(line) > _MAX_LINE:
            continue
        found.extend(_read_line(lines, index))
        free = _read_free(lines, index)
        found.extend(free)
    return found


def choose_prices(mentions: list[PriceMention]) -> tuple[dict[str, Decimal] | None, str]:
    """The first price per role, and the currency: ``credits`` when the page prices only in credits."""
    pricing: dict[str, Decimal] = {}
    for mention in mentions:
        pricing.setdefault(mention.role, mention.amount)
    currencies = {m.currency for m in mentions if m.currency}
    currency = "credits" if "credits" in currencies and "USD" not in currencies else "USD"
    return (pricing or None), currency


def role_of(label: str) -> str | None:
    """The price role named last in ``label`` (``Cached input`` -> cache_read), or None."""
    best: tuple[int, int, str] | None = None
    for priority, (role, pattern) in enumerate(_ROLES):
        for match in pattern.finditer(label):
            key = (match.end(), -priority, role)
            if best is None or key > best:
                best = key
    return best[2] if best else None


def scale_of(label: str) -> int | None:
    """Tokens per priced unit named in a label or header (``$/1M tokens`` -> 1000000), or None."""
    if _LABEL_SCALE_M.search(label):
        return 10**6
    if _LABEL_SCALE_K.search(label):
        return 10**3
    return None


def per_million(amount: Decimal, tokens_per_unit: int) -> Decimal:
    """Convert a price per ``tokens_per_unit`` tokens into a price per 1M tokens, exactly."""
    return tidy(amount * Decimal(10**6) / Decimal(tokens_per_unit))


def _read_line(lines: list[str], index: int) -> list[PriceMention]:
    line = lines[index]
    found: list[PriceMention] = []
    last_end = 0
    for match in _AMOUNT.finditer(line):
        if match.start() < last_end:
            continue
        amount = to_decimal(match.group("num"))
        rest = line[match.end() :]
        unit = _UNIT.match(rest)
        unit_here = unit is not None
        if unit is None and not rest.strip() and index + 1 < len(lines):
            unit = _UNIT.match(lines[index + 1])
        currency = "USD" if match.group("cur") else None
        if unit and unit.group("cur"):
            currency = "credits" if unit.group("cur").lower().startswith("credit") else "USD"
        left = line[last_end : match.start()]
        end = match.end() + (unit.end() if unit and unit_here else 0)
        after = _AFTER_ROLE.match(line[end:])
        if after:
            end += after.end()
        else:
            tokens = _AFTER_TOKENS.match(line[end:])
            end += tokens.end() if tokens else 0
        last_end = end
        if amount is None or amount < 0 or (currency is None and unit is None):
            continue
        if _SKIP.search(line[: match.start()]) or (unit and unit.group("other")):
            continue
        role = role_of(after.group("role")) if after else None
        header = _column_header(lines, index, match.start())
        role = role or _normal_role(after) or role_of(left) or (role_of(header) if header else None)
        role = role or _cache_role(left, lines, index)
        if role is None and not line[: match.start()].strip():
            role = _label_above(lines, index)
        if unit and unit.group("req"):
            role = "request"
        if role is None:
            continue
        if role == "request":
            found.append(PriceMention(role, tidy(amount), currency, index))
            continue
        tokens_per_unit = _tokens_per_unit(unit) if unit else None
        if tokens_per_unit is None:
            if currency is None:
                continue
            context = " ".join([left, header or "", *lines[max(0, index - 3) : index]])
            tokens_per_unit = scale_of(context) or 10**6
        found.append(PriceMention(role, per_million(amount, tokens_per_unit), currency, index))
    return found


def _normal_role(after: re.Match[str] | None) -> str | None:
    if after is None:
        return None
    word = after.group("role").lower()
    return {"in": "input", "out": "output"}.get(word)


def _tokens_per_unit(unit: re.Match[str]) -> int | None:
    scale = unit.group("scale").lower()
    if scale not in _SCALE_WORDS:
        return None
    qty = _QTY.get((unit.group("qty") or "1").lower(), 1)
    return _SCALE_WORDS[scale] * qty


def _cache_role(left: str, lines: list[str], index: int) -> str | None:
    """``Write``/``Read`` rows under a ``Prompt caching`` heading (Anthropic's layout)."""
    word = _CACHE_WORD.match(left)
    if not word or not any("cach" in above.lower() for above in lines[max(0, index - 4) : index]):
        return None
    return "cache_write" if word.group(1).lower().startswith("write") else "cache_read"


def _column_header(lines: list[str], index: int, position: int) -> str | None:
    """The header cell above a table cell (rendered with tabs), for tables of several offers."""
    line = lines[index]
    if "\t" not in line:
        return None
    column, width = line[:position].count("\t"), line.count("\t")
    for back in range(index - 1, max(-1, index - 40), -1):
        above = lines[back]
        if above.count("\t") != width:
            continue
        if not _AMOUNT.search(above) or "$" not in above:
            return above.split("\t")[column]
    return None


def _label_above(lines: list[str], index: int) -> str | None:
    for back in range(index - 1, max(-1, index - 4), -1):
        above = lines[back]
        if _AMOUNT.search(above) and "$" in above or len(above) > 60:
            return None
        if _SKIP.search(above):
            return None
        role = role_of(above)
        if role:
            return role
        if not _UNIT.match(above):
            return None
    return None


def _read_free(lines: list[str], index: int) -> list[PriceMention]:
    match = _FREE.match(lines[index].replace("\t", " "))
    if not match:
        return []
    label = match.group("label").strip()
    if label and _SKIP.search(label):
        return []
    role = role_of(label) if label else _label_above(lines, index)
    if role and role != "request":
        return [PriceMention(role, Decimal(0), None, index)]
    above = lines[index - 1] if index else ""
    if _PRICE_LABEL.match(label) or (not label and _PRICE_LABEL.match(above) and len(above) < 30):
        return [PriceMention(r, Decimal(0), None, index) for r in ("input", "output")]
    return []
