"""The words of pricing tables: what a column or row label names (a model, a price role, the context, the
output limit, a unit, a prompt-length tier, a plan) and which tables and columns are not token prices
(fine-tuning, dedicated hardware, speech, storage, per hour or per image).

Shared by the readers of `crawler.extract.tables` (models as rows) and `crawler.extract.table_columns`
(models as columns, one table per model). Chinese labels are read too (模型, 上下文, 输入, 输出, 缓存命中).
"""

from __future__ import annotations

import re

from crawler.extract.evidence import evidence
from crawler.extract.grid import Cell, Grid
from crawler.extract.listed import Listed
from crawler.extract.navigation import is_related_heading
from crawler.extract.prices import role_of
from crawler.extract.quantities import parse_token_count, plausible_context
from crawler.extract.struck import unmark

PRICE_ROLES = ("input", "output", "cache_read", "cache_write", "request")

#: a column of models: ``Model``, ``AI Model``, ``Anthropic models``, ``Model ID``, ``API name``, ``模型名称``
_MODEL_COL = re.compile(
    r"^(?:[\w.-]+\s+){0,2}models?(?:\s*(?:name|id|string|slug|code|identifier))?$|^(?:model\s*)?name$|"
    r"^api\s*(?:name|id|model(?:\s*(?:name|id))?)$|^model\s*(?:name|id)\s+(?:in|for)\s+the\s+api$|^slug$|"
    r"^模型(?:名称|代码|编码|\s*id)?$|^名称$",
    re.I,
)
_NOT_MODEL_COL = re.compile(r"\b(?:size|parameters?|count|type|family|class|tier)\b", re.I)

ID_COLUMN = re.compile(r"\b(?:id|api|slug|string|code|identifier)\b|代码|编码", re.I)

CACHING = re.compile(r"cach|缓存|命中", re.I)

CONTEXT = re.compile(r"context|上下文", re.I)

MAX_OUTPUT = re.compile(
    r"max(?:imum)?[\s_-]*(?:output|completion|generation|new|generated)|output\s*(?:token\s*)?(?:limit|length)"
    r"|最大输出|^max\s*tokens$",
    re.I,
)

UNIT_COLUMN = re.compile(r"^(?:unit|units|per|单位|计费单位)$", re.I)

TIER_COLUMN = re.compile(r"(?:input|prompt)\s*(?:length|size|tokens?\s*tier)|^tier$|输入长度|区间|阶梯", re.I)

_NAME_ROW = re.compile(r"^(?:model\s*(?:version|name)|display\s*name|name|version)$", re.I)
#: a row of model ids: ``Claude API model name``, ``API model name``, ``Model ID``, ``API alias``
_ID_ROW = re.compile(
    r"\bapi\b.*\b(?:name|id|alias|identifier)\b|\bmodel\s*(?:id|identifier|string|slug)\b", re.I
)

PRICE_WORD = re.compile(r"\b(?:price|pricing|cost|rate)s?\b|价格|定价|费用", re.I)

SKIP_COLUMN = re.compile(
    r"fine[\s-]?tun|training|storage|\bhours?\b|minute|per\s+second|speed|\btps\b|throughput|latency|"
    r"hardware|\bgpu\b|embedding|训练|存储|每张|图片",
    re.I,
)

_SKIP_TABLE = re.compile(
    r"fine[\s-]?tun|training|dedicated|hardware|\bgpus?\b|speech|transcri|\basr\b|embedding|rerank|"
    r"\btools?\b|storage|微调|训练|语音",
    re.I,
)

_MONEY_LABEL = re.compile(
    r"[$€¥£]\s*/|\b(?:usd|eur)\s*/|/\s*1?\s*m(?:tok|\b)|per\s+(?:1\s*)?m(?:illion)?\b", re.I
)
_BOTH_ROLES = re.compile(r"\binput\b.*\boutput\b|\bin\s*/\s*out\b|\bprompt\b.*\bcompletion\b", re.I)
_FREE_TIER = re.compile(r"free\s*(?:tier|plan)|免费(?:版|层|额度)", re.I)

_LABEL_MAX = 60


def skipped(grid: Grid) -> bool:
    """A table of something other than token prices (fine-tuning, GPUs, speech, tools), or of models
    related to the page's ("Related models")."""
    return bool(
        grid.heading and (_SKIP_TABLE.search(grid.heading) or is_related_heading(grid.heading, strict=True))
    )


def column_labels(grid: Grid, head: int) -> list[str]:
    """Each column's header text, group labels first (``Standard Input``, ``Batch API Cached input``)."""
    labels = []
    for column in range(grid.width):
        parts: list[str] = []
        seen: set[tuple[int, int]] = set()
        for row in grid.rows[:head]:
            cell = row[column]
            if cell.origin in seen or not cell.text:
                continue
            seen.add(cell.origin)
            parts.append(flat(cell.text))
        labels.append(" ".join(parts))
    return labels


def flat(text: str) -> str:
    return " ".join(text.split())


def short(text: str) -> str:
    one = flat(text)
    return one if len(one) <= _LABEL_MAX else one[: _LABEL_MAX - 1] + "…"


def label_role(label: str) -> str | None:
    """The price role a column or row label names; Chinese labels too (输入, 输出, 缓存命中)."""
    if CACHING.search(label) and re.search(r"writ|写入|creation", label, re.I):
        return "cache_write"
    if CACHING.search(label) and not re.search(r"miss|未命中", label, re.I):
        return "cache_read"
    role = role_of(label)
    if role is None:
        if "输入" in label:
            role = "input"
        elif "输出" in label:
            role = "output"
    return role


def plan_kind(label: str) -> str | None:
    """The kind of price a plan's column holds when the price reader cannot tell it from the words
    (``Free Tier`` beside ``Paid Tier``); None otherwise."""
    return "free_tier" if _FREE_TIER.search(label) else None


def model_columns(labels: list[str]) -> list[int]:
    return [i for i, label in enumerate(labels) if is_model_column(label)]


def is_model_column(label: str) -> bool:
    text = flat(label)
    return bool(_MODEL_COL.match(text)) and not _NOT_MODEL_COL.search(text)


def price_columns(labels: list[str]) -> dict[int, str]:
    """Column -> price role; ``blended`` for a single ``Price`` column that covers input and output."""
    columns: dict[int, str] = {}
    for index, label in enumerate(labels):
        if not label or SKIP_COLUMN.search(label) or is_model_column(label):
            continue
        if TIER_COLUMN.search(label) or UNIT_COLUMN.match(label.strip()) or MAX_OUTPUT.search(label):
            continue
        if CONTEXT.search(label) and not CACHING.search(label):
            continue
        role = label_role(label)
        if _BOTH_ROLES.search(label):
            columns[index] = "blended"  # "Input / Output": a pair of prices per cell
        elif role in PRICE_ROLES:
            columns[index] = role
        elif PRICE_WORD.search(label) or _MONEY_LABEL.search(label):
            columns[index] = "blended"  # "Price", "$/1M tokens": one price for input and output
    return columns


def find_column(
    labels: list[str], pattern: re.Pattern[str], *, veto: re.Pattern[str] | None = None
) -> int | None:
    return next(
        (i for i, label in enumerate(labels) if pattern.search(label) and not (veto and veto.search(label))),
        None,
    )


def row_label(row: list[Cell], label_cols: list[int]) -> str:
    parts: list[str] = []
    for column in label_cols:
        text = flat(unmark(row[column].text))
        if text and text not in parts:
            parts.append(text)
    return " ".join(parts)


def row_field(label: str) -> str | None:
    """The field a fact row's label names: the model id, the name, the context, the output limit, a price
    role (``blended`` for a ``Pricing`` row whose cells say which price is which)."""
    if not label:
        return None
    if _ID_ROW.search(label):
        return "model"
    if MAX_OUTPUT.search(label):
        return "max_output_tokens"
    if CONTEXT.search(label) and not CACHING.search(label):
        return "context_length"
    if _NAME_ROW.match(label):
        return "name"
    if SKIP_COLUMN.search(label) or TIER_COLUMN.search(label):
        return None
    role = label_role(label)
    if role in PRICE_ROLES and not _BOTH_ROLES.search(label):
        return role
    return "blended" if PRICE_WORD.search(label) or _BOTH_ROLES.search(label) else None


def set_count(offer: Listed, name: str, cell: Cell, where: str) -> None:
    """A context length or output limit from a cell; a cell that only gives a default is no limit."""
    text = unmark(cell.text)
    if re.search(r"\bdefault\b", text, re.I) and not re.search(r"\bmax", text, re.I):
        return
    count = plausible_context(parse_token_count(text))
    if count:
        setattr(offer, name, count)
        offer.evidence[name] = evidence("table", where, text)
