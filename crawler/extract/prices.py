"""Token prices from a page's text lines, as `Decimal` per 1M tokens, each with what it is.

An amount counts as a price when it carries a currency (``$0.27``, ``¥4``, ``€0.37``, ``5¢``, ``0.40
credits``) or a token unit (``0.40 /M tokens``); `crawler.extract.amounts` reads it and its unit (per 1M,
per 1K, per token, per request; per hour, image and the like are not token prices). Its role (input,
output, cache_read, cache_write, request) comes from the words right after the unit (``/M input tokens``,
``in/out Mtoken``, ``cached in Mtoken``), else the nearest label before it on the line, else the column
header above it, else a label line just above. Without a unit, the label, the header or the lines above
give the scale (``Input ($/1K tokens)``), else per 1M tokens is assumed for an amount with a currency.

What the price is, `crawler.extract.qualifiers` says from the words around it: the standard price, or an
old (struck-through) one, a promotion, a batch or off-peak rate, a tier above the first prompt length, a
lower bound (``from $0.10``) or one end of a range. `crawler.extract.price_choice` settles them into the
offer's prices and notes. ``Free`` counts as 0 only under a price label.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from crawler.extract.amounts import STRUCK, Amount, read_amounts, unit_at
from crawler.extract.price_choice import PriceMention, choose_prices, settle_prices
from crawler.extract.qualifiers import RANGE, Qualifier, is_range_link, qualify
from crawler.extract.quantities import tidy

_AFTER_ROLE = re.compile(
    r"^\s*(?:tokens?\s*)?(?:of\s*)?\(?\s*(?P<role>cached\s*(?:input|in\b|prompt)|cache\s*(?:reads?|hits?|writes?)|"
    r"input|output|prompt|completion|in\b|out\b)(?=\s*(?:tokens?|toks?|mtok\w*)\b|\s*$|\s*[•|·,;)(\[\]/]|"
    r"\s+(?:and|&|\+)\b|\s*\t)",
    re.I,
)
_AFTER_TOKENS = re.compile(r"^\s*(?:tokens?|toks?)\b", re.I)
_PAIR_LINK = re.compile(r"^\s*/\s*$")
_PAIR_ROLES = re.compile(
    r"^\s*\(?\s*(?P<a>in(?:put)?|prompt)\s*/\s*(?P<b>out(?:put)?|completion)\b(?:\s*tokens?\b)?\)?", re.I
)
_PAIR_LABEL = re.compile(r"\b(?:in(?:put)?|prompt)\s*/\s*(?:out(?:put)?|completion)\b", re.I)
_LABEL_SCALE_M = re.compile(
    r"(?:per|/)\s*(?:1\s*)?(?:m\b|mtok|million)|\bmtok\w*\b|\b1\s*m\s*tokens|million\s+tokens|\bm\s+tokens\b|"
    r"百万|per\s+1,000,000\b",
    re.I,
)
_LABEL_SCALE_K = re.compile(
    r"(?:per|/)\s*(?:1\s*)?(?:k\b|thousand)|\b1\s*k\s*tokens|thousand\s+tokens|(?:per|/)\s*1,?000\b(?![,\d])|"
    r"每千|/\s*千",
    re.I,
)
#: "prompts > 200k tokens", "prompts longer than 128K": a tier, not an input price
_TIER_WORDS = r"(?:\s*(?:tokens?\s*)?(?:<|>|≤|≥|=|longer|shorter|up\s+to|over|above|under|below|of\s+up))"
_ROLES = (
    (
        "cache_write",
        re.compile(
            r"cach(?:e[ds]?|ing)\s*(?:writes?|creation|write\s*tokens)|writes?\s*(?:to\s*)?cache", re.I
        ),
    ),
    (
        "cache_read",
        re.compile(
            r"cach(?:e[ds]?|ing)\s*(?:reads?|hits?|refresh(?:es)?)|cached\s*(?:input|in\b|prompt|tokens?)|cached\b|"
            r"缓存命中",
            re.I,
        ),
    ),
    (
        "input",
        re.compile(
            rf"\b(?:input|prompt)s?\b(?!{_TIER_WORDS})|cache\s*miss|\bin\b(?=\s*[:/])|输入|缓存未命中", re.I
        ),
    ),
    ("output", re.compile(r"\b(?:output|completion)s?\b|\bout\b(?=\s*[:/])|输出", re.I)),
    ("request", re.compile(r"\brequests?\b", re.I)),
)
_SKIP = re.compile(r"\b(?:fine[\s-]?tun\w*|training|storage|per\s*hour)\b", re.I)
_FREE = re.compile(r"^(?P<label>.{0,40}?)[\s:\-–]*\b(?:free|免费)\b[\s!.]*$", re.I)
_CACHE_WORD = re.compile(r"^\W*(writes?|reads?|hits?)\b[\s:]*$", re.I)
_PRICE_LABEL = re.compile(r"^(?:price|pricing|cost)s?\b", re.I)
_BLENDED_LABEL = re.compile(
    r"^(?:(?:token\s+)?(?:price|pricing|cost)s?|(?:blended|flat|base)\s+(?:price|rate)|per[\s-]token\s+price)"
    r"(?:\s*\((?:input\s*(?:and|&|/|\+)\s*output|in\s*/\s*out)\))?$",
    re.I,
)
BLENDED = "input+output"  # one price for input and output alike ("Price: $0.40 / 1M tokens")
_SECTION = 40  # a heading above prices is a short line
_SECTION_WORD = re.compile(r"batch|promo|discount|off-peak", re.I)
_MAX_LINE = 4000

__all__ = [
    "PriceMention",
    "choose_prices",
    "find_prices",
    "per_million",
    "role_of",
    "scale_of",
    "settle_prices",
]


def find_prices(lines: list[str]) -> list[PriceMention]:
    """Every price mention on the page, in document order."""
    found: list[PriceMention] = []
    for index, line in enumerate(lines):
        if len(line) > _MAX_LINE:
            continue
        found.extend(_read_line(lines, index))
        found.extend(_read_free(lines, index))
    return found


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
    """Tokens per priced unit named in a label or header (``$/1M tokens`` -> 1000000, ``元/百万tokens``
    -> 1000000, ``per 1,000 tokens`` -> 1000), or None."""
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
    amounts = [a for a in read_amounts(line) if a.priced]
    found: list[PriceMention] = []
    last_end = 0
    skip_next = False
    for position, amount in enumerate(amounts):
        if skip_next:
            skip_next = False
            last_end = amount.end
            continue
        following = amounts[position + 1] if position + 1 < len(amounts) else None
        pair = _pair(line, amount, following, line[last_end : amount.start])
        if pair is not None and following is not None:
            found.extend(_pair_mentions(lines, index, amount, following, pair))
            last_end, skip_next = pair[2], True
            continue
        inherit = found[-1].role if found and "\t" not in line[last_end : amount.start] else None
        mention, last_end = _mention(lines, index, amount, following, last_end, inherit)
        if mention is not None and mention.role == BLENDED:
            found.extend(replace(mention, role=role) for role in ("input", "output"))
        elif mention is not None:
            found.append(mention)
    return found


def _mention(
    lines: list[str],
    index: int,
    amount: Amount,
    following: Amount | None,
    last_end: int,
    inherit: str | None,
) -> tuple[PriceMention | None, int]:
    """One amount of a line as a price mention (None when it is no token price), and where it ends;
    ``inherit`` is the role of the price before it in the same cell, which an amount without a label of
    its own shares (``Input: ~~$0.50~~ $0.25``, ``$0.10 – $0.90``, ``$1.25, prompts <= 200k; $2.50``)."""
    line = lines[index]
    left = line[last_end : amount.start]
    end = amount.end
    after = _AFTER_ROLE.match(line[end:])
    if after:
        end += after.end()
    else:
        tokens = _AFTER_TOKENS.match(line[end:])
        end += tokens.end() if tokens else 0
    if amount.per == "other" or _SKIP.search(_cell_of(line, amount.start)[0]):
        return None, end
    header = _column_header(lines, index, amount.start)
    role = role_of(amount.role) if amount.role else None
    role = role or (role_of(after.group("role")) if after else None)
    role = role or role_of(left) or inherit
    method = "text"
    if role is None and header and role_of(header):
        role, method = role_of(header), "table"
    role = role or _cache_role(left, lines, index)
    if role is None and not line[: amount.start].strip():
        role = _label_above(lines, index)
    if amount.per == "request":
        role = "request"
    if role is None and _blended(left, lines, index):
        role = BLENDED
    if role is None:
        return None, end
    qualifier = _qualifier(lines, index, amount, following, left, header)
    if role == "request":
        return _make(role, tidy(amount.value), amount, index, qualifier, line, method), end
    tokens_per_unit = amount.tokens
    if tokens_per_unit is None:
        if amount.currency is None:
            return None, end
        context = " ".join([left, header or "", *lines[max(0, index - 3) : index]])
        tokens_per_unit = scale_of(context) or scale_of(line[amount.end :]) or 10**6
    value = per_million(amount.value, tokens_per_unit)
    return _make(role, value, amount, index, qualifier, line, method), end


def _blended(left: str, lines: list[str], index: int) -> bool:
    """A price under a bare ``Price`` label (on the line, or alone just above): one price for input and
    output alike, as pages that give a single price mean it."""
    label = left.strip(" \t:-–·")
    if label:
        return bool(_BLENDED_LABEL.search(label))
    return bool(index and _BLENDED_LABEL.search(lines[index - 1].strip(" \t:")))


def _pair(
    line: str, first: Amount, second: Amount | None, left: str
) -> tuple[str, str, int, int | None] | None:
    """``$0.26 / $0.38 in/out Mtoken``: two prices with their roles after them (or in the label before
    them, ``Input / Output: $0.20 / $0.60``); (first role, second role, end, tokens per unit)."""
    if second is None or first.per is not None or not _PAIR_LINK.match(line[first.end : second.start]):
        return None
    rest = line[second.end :]
    roles = _PAIR_ROLES.match(rest)
    if roles:
        tail = rest[roles.end() :]
        tokens, per, length = unit_at(tail)
        if second.tokens is None and per == "tokens":
            return "input", "output", second.end + roles.end() + length, tokens
        return "input", "output", second.end + roles.end(), second.tokens
    if _PAIR_LABEL.search(left):
        return "input", "output", second.end, second.tokens
    return None


def _pair_mentions(
    lines: list[str], index: int, first: Amount, second: Amount, pair: tuple[str, str, int, int | None]
) -> list[PriceMention]:
    line = lines[index]
    role_a, role_b, _end, tokens = pair
    context = " ".join([line[: first.start], *lines[max(0, index - 3) : index]])
    tokens = tokens or scale_of(context) or 10**6
    qualifier = _qualifier(lines, index, first, None, line[: first.start], None)
    found = []
    for role, amount in ((role_a, first), (role_b, second)):
        if amount.currency is None and amount.tokens is None and tokens is None:
            continue
        found.append(_make(role, per_million(amount.value, tokens), amount, index, qualifier, line))
    return found


def _make(
    role: str,
    value: Decimal,
    amount: Amount,
    index: int,
    qualifier: Qualifier,
    line: str,
    method: str = "text",
) -> PriceMention:
    return PriceMention(
        role=role,
        amount=value,
        currency=amount.currency,
        line=index,
        kind=qualifier.kind,
        words=qualifier.words,
        snippet=line.replace(STRUCK, "").replace("\t", " | "),
        method=method,
    )


def _qualifier(
    lines: list[str],
    index: int,
    amount: Amount,
    following: Amount | None,
    left: str,
    header: str | None,
) -> Qualifier:
    """What the words around the amount say it is: its cell's text before and after it, its row label
    (the line's first cell), its column header and a short heading above it."""
    line = lines[index]
    cell, cell_start = _cell_of(line, amount.start)
    before = cell[: amount.start - cell_start]
    stop = following.start if following is not None else len(line)
    after = line[amount.end : stop].split("\t")[0]
    if following is not None and is_range_link(line[amount.end : following.start]):
        return Qualifier(RANGE, "range")
    row_label = line.split("\t")[0] if "\t" in line and not line.startswith(cell) else ""
    context = " ".join([row_label, header or "", _heading_above(lines, index)])
    if left and is_range_link(left):  # the upper end of "$0.10 – $0.90"
        return Qualifier(RANGE, "range")
    return qualify(before, after, struck=amount.struck, context=context)


def _cell_of(line: str, position: int) -> tuple[str, int]:
    """The tab-separated cell of ``line`` that holds ``position``, and where it starts."""
    start = line.rfind("\t", 0, position) + 1
    end = line.find("\t", position)
    return line[start : end if end >= 0 else len(line)], start


def _heading_above(lines: list[str], index: int) -> str:
    """The nearest short line without a price above ``index``, past label lines (``Output price``) and
    the lines of the prices above it, within a few lines: a section heading such as ``Batch API``."""
    for back in range(index - 1, max(-1, index - 7), -1):
        above = lines[back]
        if len(above) > _SECTION or "\t" in above or any(a.priced for a in read_amounts(above)):
            continue
        if (
            role_of(above)
            and len(above) < 30
            and not re.search(r"batch|promo|discount|off-peak", above, re.I)
        ):
            continue
        return above
    return ""


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
        if not any(a.currency for a in read_amounts(above)):
            return above.split("\t")[column]
    return None


def _label_above(lines: list[str], index: int) -> str | None:
    for back in range(index - 1, max(-1, index - 4), -1):
        above = lines[back]
        if any(a.currency for a in read_amounts(above)) or len(above) > 60:
            return None
        if _SKIP.search(above):
            return None
        role = role_of(above)
        if role:
            return role
        if not re.match(r"^\s*(?:/|per\b)", above, re.I):
            return None
    return None


def _read_free(lines: list[str], index: int) -> list[PriceMention]:
    line = lines[index].replace("\t", " ")
    if "free" not in line.lower() and "免费" not in line:
        return []
    match = _FREE.match(line)
    if not match:
        return []
    label = match.group("label").strip()
    if label and (_SKIP.search(label) or re.search(r"\btier\b|\btrial\b|\bplan\b", label, re.I)):
        return []
    role = role_of(label) if label else _label_above(lines, index)
    if role and role != "request":
        return [PriceMention(role, Decimal(0), None, index, snippet=line)]
    above = lines[index - 1] if index else ""
    if _PRICE_LABEL.match(label) or (not label and _PRICE_LABEL.match(above) and len(above) < 30):
        return [PriceMention(r, Decimal(0), None, index, snippet=line) for r in ("input", "output")]
    return []
