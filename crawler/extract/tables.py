"""Pricing tables that list several models, in the three layouts pages use.

- **Models as rows** (Together, Groq, OpenAI, Anthropic, Moonshot, Mistral): a model column (``Model``,
  ``AI Model``, ``API name``, ``模型``) and price columns (``Input``, ``Cached input``, ``Output``, or one
  ``Price`` for input and output alike); header rows may group columns (``Standard`` / ``Batch API`` over
  ``Input | Output``): the standard group is the price, the others are noted. A model cell spanning several
  rows (``GLM-4.6`` over two prompt-length tiers) makes one offer; the later rows are noted as tiers.
- **Models as columns** (DeepSeek): the header names the models, the rows the facts (``CONTEXT LENGTH``,
  ``1M INPUT TOKENS (CACHE HIT)``); a cell spanning several model columns belongs to each; row groups
  (``STANDARD PRICE`` / ``DISCOUNT PRICE``) are read like column groups.
- **One table per model** (Gemini): rows are facts, columns are plans (``Free Tier`` / ``Paid Tier``), the
  model is the heading and the code id above the table. Counted only when the page has several.

Tables of fine-tuning, dedicated hardware, speech and tools, and columns priced per hour, per image or for
storage, are not token offers. Every value carries its evidence: ``table N, row 'X', column 'Y'`` and
the cell's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.extract.cards import is_model_id, model_id_from_href
from crawler.extract.context import find_context_length
from crawler.extract.evidence import evidence
from crawler.extract.grid import Cell, Grid
from crawler.extract.listed import Listed
from crawler.extract.price_cells import read_cell
from crawler.extract.price_choice import PriceMention, settle_prices
from crawler.extract.prices import role_of
from crawler.extract.qualifiers import STANDARD
from crawler.extract.quantities import parse_token_count, plausible_context
from crawler.extract.struck import unmark

PRICE_ROLES = ("input", "output", "cache_read", "cache_write", "request")
_MODEL_COL = re.compile(
    r"^(?:(?:ai|llm|language|base)\s+)?(?:models?|model\s*(?:name|id|string|slug|code|identifier)|name|"
    r"api\s*(?:name|id|model(?:\s*name)?)|slug|模型(?:名称|代码|编码|id)?|模型\s*id|名称)$",
    re.I,
)
_ID_COL = re.compile(r"\b(?:id|api|slug|string|code|identifier)\b|代码|编码", re.I)
_CACHING = re.compile(r"cach|缓存|命中", re.I)
_CONTEXT = re.compile(r"context|上下文", re.I)
_MAX_OUTPUT = re.compile(
    r"max(?:imum)?[\s_-]*(?:output|completion|generation|new|generated)|output\s*(?:token\s*)?(?:limit|length)"
    r"|最大输出|^max\s*tokens$",
    re.I,
)
_UNIT_COL = re.compile(r"^(?:unit|units|per|单位|计费单位)$", re.I)
_TIER_COL = re.compile(r"(?:input|prompt)\s*(?:length|size|tokens?\s*tier)|^tier$|输入长度|区间|阶梯", re.I)
_NAME_ROW = re.compile(r"^(?:model\s*(?:version|name)|display\s*name|name|version)$", re.I)
_PRICE_WORD = re.compile(r"\b(?:price|pricing|cost|rate)s?\b|价格|定价|费用", re.I)
_SKIP_COL = re.compile(
    r"fine[\s-]?tun|training|storage|\bhours?\b|minute|per\s+second|speed|\btps\b|throughput|latency|"
    r"hardware|\bgpu\b|embedding|训练|存储|每张|图片",
    re.I,
)
_SKIP_TABLE = re.compile(
    r"fine[\s-]?tun|training|dedicated|hardware|\bgpus?\b|speech|transcri|\basr\b|embedding|rerank|"
    r"\btools?\b|storage|微调|训练|语音",
    re.I,
)
_FREE_TIER = re.compile(r"free\s*(?:tier|plan)|免费(?:版|层|额度)", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:base|input|output|prompt|completion|cached?|writes?|reads?|hits?|refresh(?:es)?|tokens?|"
    r"price|prices|&|and|per|mtok|1m|million)\b",
    re.I,
)
_BARE_COUNT = re.compile(r"^\(?\s*(\d+(?:\.\d+)?\s*[kKmM])\s*\)?(?:\s*(?:tokens?|context|ctx))?$")
_LABEL_MAX = 60


def read_price_tables(grids: list[Grid]) -> list[Listed]:
    """Every model offer the page's pricing tables give, in page order (a model's rows in several tables
    are not merged here: see `crawler.extract.listed.merge_listed`)."""
    found: list[Listed] = []
    sheets: list[Listed] = []
    for grid in grids:
        if len(grid.rows) < 2 or grid.width < 2 or _skipped(grid):
            continue
        head = grid.head or 1
        labels = _column_labels(grid, head)
        if _model_columns(labels) and _price_columns(labels):
            found.extend(_read_rows(grid, head, labels))
            continue
        columns = _read_columns(grid, head)
        if columns:
            found.extend(columns)
            continue
        sheet = _read_sheet(grid, head, labels)
        if sheet is not None:
            sheets.append(sheet)
    return found + (sheets if len(sheets) >= 2 else [])


def _skipped(grid: Grid) -> bool:
    return bool(grid.heading and _SKIP_TABLE.search(grid.heading))


# ---- labels -------------------------------------------------------------------------------------------


def _column_labels(grid: Grid, head: int) -> list[str]:
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
            parts.append(_flat(cell.text))
        labels.append(" ".join(parts))
    return labels


def _flat(text: str) -> str:
    return " ".join(text.split())


def _role(label: str) -> str | None:
    """The price role a column or row label names; Chinese labels too (输入, 输出, 缓存命中)."""
    if _CACHING.search(label) and re.search(r"writ|写入|creation", label, re.I):
        return "cache_write"
    if _CACHING.search(label) and not re.search(r"miss|未命中", label, re.I):
        return "cache_read"
    role = role_of(label)
    if role is None:
        if "输入" in label:
            role = "input"
        elif "输出" in label:
            role = "output"
    return role


def _kind(label: str) -> str | None:
    """The kind of price a plan's column holds when the price reader cannot tell it from the words
    (``Free Tier`` beside ``Paid Tier``); None otherwise."""
    return "free_tier" if _FREE_TIER.search(label) else None


def _model_columns(labels: list[str]) -> list[int]:
    return [i for i, label in enumerate(labels) if _MODEL_COL.match(label.strip().lower())]


def _price_columns(labels: list[str]) -> dict[int, str]:
    """Column -> price role; ``blended`` for a single ``Price`` column that covers input and output."""
    columns: dict[int, str] = {}
    for index, label in enumerate(labels):
        if not label or _SKIP_COL.search(label) or _MODEL_COL.match(label.strip().lower()):
            continue
        if _TIER_COL.search(label) or _UNIT_COL.match(label.strip()) or _MAX_OUTPUT.search(label):
            continue
        if _CONTEXT.search(label) and not _CACHING.search(label):
            continue
        role = _role(label)
        if role in PRICE_ROLES:
            columns[index] = role
        elif _PRICE_WORD.search(label):
            columns[index] = "blended"
    return columns


def _find_column(
    labels: list[str], pattern: re.Pattern[str], *, veto: re.Pattern[str] | None = None
) -> int | None:
    return next(
        (i for i, label in enumerate(labels) if pattern.search(label) and not (veto and veto.search(label))),
        None,
    )


# ---- prices of one offer -----------------------------------------------------------------------------


@dataclass
class _Prices:
    """The price mentions of one offer, each with the grid position it was read at; settled into the
    standard price, notes and ambiguities by `crawler.extract.price_choice.settle_prices`."""

    mentions: list[PriceMention] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def add(
        self, role: str, cell: Cell, *, header: str, row: str, place: str, kind: str | None = None
    ) -> None:
        """Every price of a cell under a column (or in a row) of `role`; `kind` overrides what the words
        would call a standard price (a ``Free Tier`` column, a second ``Cache Writes`` column)."""
        for price in read_cell(cell.text, header=header, row=row):
            if price.per == "request" and role != "request":
                continue
            which, words = price.kind, price.words
            if kind is not None and which == STANDARD:
                which, words = kind, header
            for one in ("input", "output") if role == "blended" else (role,):
                self.places.append(place)
                self.mentions.append(
                    PriceMention(
                        role=one,
                        amount=price.amount,
                        currency=price.currency,
                        line=len(self.places) - 1,
                        kind=which,
                        words=words,
                        snippet=price.text,
                        method="table",
                    )
                )

    def settle(self, offer: Listed) -> None:
        if not self.mentions:
            return
        choice = settle_prices(self.mentions)
        offer.notes.extend(note for note in choice.notes if note not in offer.notes)
        offer.problems.extend(choice.problems)
        if choice.pricing is None:
            return
        offer.pricing, offer.currency = choice.pricing, choice.currency
        places = list(dict.fromkeys(self.places[line] for line in choice.lines.values()))
        snippet = choice.evidence.snippet if choice.evidence else ""
        offer.evidence["pricing"] = evidence("table", "; ".join(places), snippet)


def _with_header_kind(labels: list[str], price_cols: dict[int, str]) -> dict[int, str | None]:
    """Per price column, the kind its header forces: a free plan, or a second column of a role already
    priced (``1h Cache Writes`` after ``5m Cache Writes``: noted under its header's words)."""
    kinds: dict[int, str | None] = {}
    seen: set[str] = set()
    for index, role in price_cols.items():
        kind = _kind(labels[index])
        if kind is None and _standard_words(labels[index]):
            roles = {"input", "output"} if role == "blended" else {role}
            kind = _qualifier_kind(labels[index]) if roles & seen else None
            seen |= roles
        kinds[index] = kind
    return kinds


def _standard_words(label: str) -> bool:
    """Whether the price reader would call this column's prices standard (no batch, discount, tier words)."""
    prices = read_cell("$1", header=label)
    return bool(prices) and prices[0].kind == STANDARD


def _qualifier_kind(label: str) -> str:
    words = _ROLE_WORDS.sub(" ", label).split()
    return "_".join(w.lower() for w in words) or "other"


# ---- models as rows -----------------------------------------------------------------------------------


def _read_rows(grid: Grid, head: int, labels: list[str]) -> list[Listed]:
    model_cols = _model_columns(labels)
    id_cols = [i for i in model_cols if _ID_COL.search(labels[i])]
    price_cols = _price_columns(labels)
    kinds = _with_header_kind(labels, price_cols)
    context_col = _find_column(labels, _CONTEXT, veto=_CACHING)
    output_col = _find_column(labels, _MAX_OUTPUT)
    unit_col = next((i for i, label in enumerate(labels) if _UNIT_COL.match(label.strip())), None)
    tier_col = _find_column(labels, _TIER_COL)
    offers: list[tuple[Listed, _Prices]] = []
    previous: tuple[tuple[int, int], Listed, _Prices] | None = None
    for row in grid.rows[head:]:
        if len({cell.origin for cell in row}) == 1:
            continue  # a section row spanning the table ("Open models")
        origin = row[model_cols[0]].origin
        if previous is not None and previous[0] == origin:
            offer, prices = previous[1], previous[2]  # a tier row of the model above (a spanning cell)
        else:
            found = _identify(row, model_cols, id_cols)
            if found is None:
                continue
            offer, prices = found, _Prices()
            offer.method = "table"
            offer.where = f"table {grid.number}, row {_short(offer.name or offer.model or '')!r}"
            for name in ("model", "name"):
                value = getattr(offer, name)
                if value:
                    where = f"{offer.where}, column {labels[model_cols[0]]!r}"
                    offer.evidence.setdefault(name, evidence("table", where, value))
            offers.append((offer, prices))
            previous = (origin, offer, prices)
        context = " ".join(
            _flat(unmark(row[i].text)) for i in (unit_col, tier_col) if i is not None and row[i].text
        )
        for index, role in price_cols.items():
            place = f"{offer.where}, column {labels[index]!r}"
            prices.add(role, row[index], header=labels[index], row=context, place=place, kind=kinds[index])
        for count_col, name in ((context_col, "context_length"), (output_col, "max_output_tokens")):
            if count_col is not None and getattr(offer, name) is None:
                _set_count(offer, name, row[count_col], f"{offer.where}, column {labels[count_col]!r}")
    listed = []
    for offer, prices in offers:
        prices.settle(offer)
        if offer.pricing is None and not offer.notes and offer.context_length is None:
            continue
        offer.notes_only = offer.pricing is None and bool(offer.notes)
        listed.append(offer)
    return listed


def _short(text: str) -> str:
    one = _flat(text)
    return one if len(one) <= _LABEL_MAX else one[: _LABEL_MAX - 1] + "…"


def _identify(row: list[Cell], model_cols: list[int], id_cols: list[int]) -> Listed | None:
    """The model id and display name a row's model cells give (an id column, a ``<code>``, a slashed id,
    a link to the model's page, an id-like line), and a context printed beside the name (``128k``)."""
    cells = [row[i] for i in dict.fromkeys(model_cols)]
    name_cells = [row[i] for i in model_cols if i not in id_cols] or cells
    id_cells = [row[i] for i in id_cols] or cells
    model, link_text = _model_id(id_cells)
    lines = [line.strip() for line in unmark(name_cells[0].text).split("\n") if line.strip()]
    if not lines and model is None:
        return None
    name = link_text or (lines[0] if lines else model)
    if model and name and name != model and name.startswith(model + " "):
        name = model  # "Qwen/Qwen3-8B 免费": a badge beside the id
    found = Listed(model=model, name=name)
    if link_text:  # "GPT OSS 120B 128k": the context printed beside a linked name
        rest = unmark(name_cells[0].text).replace(link_text, " ")
        for piece in rest.split():
            match = _BARE_COUNT.match(piece)
            if match:
                found.context_length = plausible_context(parse_token_count(match.group(1)))
                found.evidence["context_length"] = evidence("table", "model cell", piece)
                break
    return found


def _model_id(cells: list[Cell]) -> tuple[str | None, str | None]:
    """(model id, the text of the link it came from when it came from a link)."""
    lines = [line.strip() for cell in cells for line in unmark(cell.text).split("\n") if line.strip()]
    tokens = [token for line in lines for token in line.split()]
    codes = [code for cell in cells for code in cell.codes if is_model_id(code)]
    slashed = [t for t in codes + tokens if "/" in t and is_model_id(t)]
    if slashed:
        return slashed[0], None
    if codes:
        return codes[0], None
    for cell in cells:
        for href, text in cell.links:
            model = model_id_from_href(href)
            if model:
                return model, text or None
    ids = [line for line in lines if is_model_id(line)]
    lower = [line for line in ids if line == line.lower()]
    return next(iter(lower or ids), None), None


def _set_count(offer: Listed, name: str, cell: Cell, where: str) -> None:
    """A context length or output limit from a cell; a cell that only gives a default is no limit."""
    text = unmark(cell.text)
    if re.search(r"\bdefault\b", text, re.I) and not re.search(r"\bmax", text, re.I):
        return
    count = plausible_context(parse_token_count(text))
    if count:
        setattr(offer, name, count)
        offer.evidence[name] = evidence("table", where, text)


# ---- models as columns --------------------------------------------------------------------------------


def _read_columns(grid: Grid, head: int) -> list[Listed]:
    """Models named by the header's columns, facts by the rows (DeepSeek's pricing table)."""
    header = grid.rows[head - 1]
    label_cols = [c for c in range(grid.width) if header[c].origin == header[0].origin]
    model_cols = [c for c in range(grid.width) if c not in label_cols and header[c].text]
    if len(model_cols) < 2 or len({header[c].origin for c in model_cols}) < len(model_cols):
        return []
    names = [_flat(unmark(header[c].text)) for c in model_cols]
    if not all(_is_model_label(n) for n in names):
        return []
    body = grid.rows[head:]
    labels = [_row_label(row, label_cols) for row in body]
    fields = [_row_field(label) for label in labels]
    if sum(1 for f in fields if f in PRICE_ROLES) < 2:
        return []
    offers = []
    for column, label in zip(model_cols, names, strict=True):
        offer = Listed(model=label if is_model_id(label) else None, name=label, method="table")
        offer.where = f"table {grid.number}, column {_short(label)!r}"
        offer.evidence["model" if offer.model else "name"] = evidence(
            "table", offer.where, header[column].text
        )
        prices = _Prices()
        for row, field_name, row_label in zip(body, fields, labels, strict=True):
            cell = row[column]
            place = f"table {grid.number}, row {_short(row_label)!r}, column {_short(label)!r}"
            if field_name == "name" and cell.text:
                offer.name = _flat(unmark(cell.text))
                offer.evidence["name"] = evidence("table", place, cell.text)
            elif field_name in ("context_length", "max_output_tokens"):
                _set_count(offer, field_name, cell, place)
            elif field_name in PRICE_ROLES:
                prices.add(field_name, cell, header=label, row=row_label, place=place)
        prices.settle(offer)
        offers.append(offer)
    return offers


def _is_model_label(label: str) -> bool:
    if not label or len(label) > 80 or _role(label) or _kind(label) or _PRICE_WORD.search(label):
        return False
    if re.search(r"\b(?:tier|plan|standard|paid|free|batch|enterprise|basic|pro\s+plan)\b", label, re.I):
        return False
    return bool(re.search(r"\d|-|/|[a-z][A-Z]", label))


def _row_label(row: list[Cell], label_cols: list[int]) -> str:
    parts: list[str] = []
    for column in label_cols:
        text = _flat(unmark(row[column].text))
        if text and text not in parts:
            parts.append(text)
    return " ".join(parts)


def _row_field(label: str) -> str | None:
    """The field a fact row's label names: a price role, the context, the output limit, the name."""
    if not label:
        return None
    if _MAX_OUTPUT.search(label):
        return "max_output_tokens"
    if _CONTEXT.search(label) and not _CACHING.search(label):
        return "context_length"
    if _NAME_ROW.match(label):
        return "name"
    if _SKIP_COL.search(label) or _TIER_COL.search(label):
        return None
    role = _role(label)
    return role if role in PRICE_ROLES else None


# ---- one table per model ------------------------------------------------------------------------------


def _read_sheet(grid: Grid, head: int, labels: list[str]) -> Listed | None:
    """A table of one model's facts (rows) by plan (columns), under a heading that names the model."""
    model = next((code for code in grid.lead_codes if is_model_id(code)), None)
    if model is None and not grid.heading:
        return None
    body = grid.rows[head:]
    row_labels = [_flat(unmark(row[0].text)) for row in body]
    fields = [_row_field(label) for label in row_labels]
    if sum(1 for f in fields if f in PRICE_ROLES) < 2:
        return None
    offer = Listed(model=model, name=grid.heading or model, method="table")
    offer.where = f"table {grid.number} ({_short(grid.heading)})"
    offer.evidence["name"] = evidence("table", f"{offer.where}, heading", grid.heading or model)
    if model:
        offer.evidence["model"] = evidence("table", f"{offer.where}, code above the table", model)
    prices = _Prices()
    columns = [c for c in range(1, grid.width) if not _SKIP_COL.search(labels[c])]
    for row, field_name, row_label in zip(body, fields, row_labels, strict=True):
        for column in columns:
            cell = row[column]
            place = f"table {grid.number}, row {_short(row_label)!r}, column {_short(labels[column])!r}"
            if field_name in ("context_length", "max_output_tokens") and getattr(offer, field_name) is None:
                _set_count(offer, field_name, cell, place)
            elif field_name in PRICE_ROLES:
                kind = _kind(labels[column])
                prices.add(field_name, cell, header=labels[column], row=row_label, place=place, kind=kind)
    prices.settle(offer)
    if offer.context_length is None:
        context = find_context_length(grid.lead)
        if context:
            offer.context_length = context
            where = f"{offer.where}, text above the table"
            offer.evidence["context_length"] = evidence("text", where, " ".join(grid.lead))
    return offer if offer.pricing else None
