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

from crawler.extract.evidence import evidence
from crawler.extract.grid import Cell, Grid
from crawler.extract.listed import Listed
from crawler.extract.model_links import is_model_id, model_id_from_href
from crawler.extract.quantities import parse_date, parse_token_count, plausible_context
from crawler.extract.struck import unmark
from crawler.extract.table_columns import note_tier_table, read_columns, read_sheet
from crawler.extract.table_labels import (
    CACHING,
    CONTEXT,
    ID_COLUMN,
    MAX_OUTPUT,
    TIER_COLUMN,
    UNIT_COLUMN,
    column_labels,
    find_column,
    flat,
    model_columns,
    price_columns,
    set_count,
    short,
    skipped,
)
from crawler.extract.table_prices import OfferPrices, header_kinds

_RELEASED = re.compile(
    r"\b(?:released?|release\s+date|launch(?:ed)?|created|date\s+added|added)\b|发布", re.I
)
_LOWER_TOKEN = re.compile(r"^[a-z][a-z0-9._:-]{2,60}$")
_BARE_COUNT = re.compile(r"^\(?\s*(\d+(?:\.\d+)?\s*[kKmM])\s*\)?(?:\s*(?:tokens?|context|ctx))?$")


def read_price_tables(grids: list[Grid]) -> list[Listed]:
    """Every model offer the page's pricing tables give, in page order (a model's rows in several tables
    are not merged here: see `crawler.extract.listed.merge_listed`)."""
    found: list[Listed] = []
    sheets: list[Listed] = []
    tiers: list[tuple[Grid, int, list[str]]] = []
    for grid in grids:
        if len(grid.rows) < 2 or grid.width < 2 or skipped(grid):
            continue
        head = grid.head or 1
        labels = column_labels(grid, head)
        models = model_columns(labels) or _unlabelled_models(grid, head, labels)
        if models and (price_columns(labels) or find_column(labels, CONTEXT, veto=CACHING) is not None):
            found.extend(_read_rows(grid, head, labels, models))
            continue
        columns = read_columns(grid, head)
        if columns:
            found.extend(columns)
            continue
        sheet = read_sheet(grid, head, labels)
        if sheet is not None:
            sheets.append(sheet)
        else:
            tiers.append((grid, head, labels))
    found += sheets if len(sheets) >= 2 else []
    for grid, head, labels in tiers:
        note_tier_table(grid, head, labels, [offer for offer in found if not offer.notes_only])
    return found


def _unlabelled_models(grid: Grid, head: int, labels: list[str]) -> list[int]:
    """``[0]`` when the first column has no header and most of its cells are model ids (a pricing table
    that leaves its model column unnamed), else ``[]``."""
    if labels[0] or not price_columns(labels):
        return []
    cells = [row[0] for row in grid.rows[head:]]
    ids = [c for c in cells if any(is_model_id(t) for t in unmark(c.text).split())]
    return [0] if cells and len(ids) * 2 > len(cells) else []


def _read_rows(grid: Grid, head: int, labels: list[str], model_cols: list[int]) -> list[Listed]:
    id_cols = [i for i in model_cols if ID_COLUMN.search(labels[i])]
    price_cols = price_columns(labels)
    kinds = header_kinds(labels, price_cols)
    context_col = find_column(labels, CONTEXT, veto=CACHING)
    output_col = find_column(labels, MAX_OUTPUT)
    unit_col = next((i for i, label in enumerate(labels) if UNIT_COLUMN.match(label.strip())), None)
    tier_col = find_column(labels, TIER_COLUMN)
    released_col = find_column(labels, _RELEASED)
    offers: list[tuple[Listed, OfferPrices]] = []
    previous: tuple[tuple[int, int], Listed, OfferPrices] | None = None
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
            offer, prices = found, OfferPrices()
            offer.method = "table"
            offer.where = f"table {grid.number}, row {short(offer.name or offer.model or '')!r}"
            where = f"{offer.where}, column {labels[model_cols[0]]!r}"
            for name in ("model", "name"):
                value = getattr(offer, name)
                if value:
                    offer.evidence.setdefault(name, evidence("table", where, value))
            if "context_length" in offer.evidence:  # printed beside the name, in the model cell
                offer.evidence["context_length"] = evidence(
                    "table", where, offer.evidence["context_length"].snippet
                )
            offers.append((offer, prices))
            previous = (origin, offer, prices)
        context = " ".join(
            [grid.heading] + [flat(unmark(row[i].text)) for i in (unit_col, tier_col) if i is not None]
        )
        for index, role in price_cols.items():
            place = f"{offer.where}, column {labels[index]!r}"
            prices.add(role, row[index], header=labels[index], row=context, place=place, kind=kinds[index])
        if released_col is not None and offer.released is None:
            offer.released = parse_date(unmark(row[released_col].text))
            if offer.released:
                where = f"{offer.where}, column {labels[released_col]!r}"
                offer.evidence["released"] = evidence("table", where, row[released_col].text)
        for count_col, name in ((context_col, "context_length"), (output_col, "max_output_tokens")):
            if count_col is not None and getattr(offer, name) is None:
                set_count(offer, name, row[count_col], f"{offer.where}, column {labels[count_col]!r}")
    listed = []
    for offer, prices in offers:
        prices.settle(offer)
        if offer.pricing is None and not offer.notes and offer.context_length is None:
            continue
        offer.notes_only = offer.pricing is None and bool(offer.notes)
        listed.append(offer)
    return listed


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
    ids = [line for line in lines if is_model_id(line)]
    lower = [line for line in ids if line == line.lower()]
    if ids:  # an id the page shows wins over one made from a link's path
        return (lower or ids)[0], None
    for cell in cells:
        for href, text in cell.links:
            model = model_id_from_href(href)
            if model:
                return model, text or None
    if len(lines) == 1 and _LOWER_TOKEN.match(lines[0]):
        return lines[0], None  # "sonar": a lower-case word alone in the model column is its id
    return None, None
