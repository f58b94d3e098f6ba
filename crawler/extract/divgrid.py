"""Tables drawn without ``<table>``: ARIA grids (``role="table"`` / ``"row"`` / ``"cell"``, as React data
grids render them) and rows of ``<div>`` cells under a header row of the same shape (Webflow and Tailwind
pricing pages), as `crawler.extract.grid.Grid`s for the pricing-table readers.

A div table is a container whose children repeat one structure, each with the same number (two or more)
of cells, under a header row with that many cells whose words name columns (``Model``, ``Input``,
``Price``): the header is the container's first child, or the first of the repeated rows when its cells
hold no number, or a sibling just before the container.
"""

from __future__ import annotations

import re
from typing import Any

from crawler.extract.grid import Cell, Grid, cell_of

_ROW_ROLES = frozenset({"row"})
_CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})
_TABLE_ROLES = frozenset({"table", "grid", "treegrid"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LABEL = re.compile(
    r"\b(?:models?|name|input|output|prompt|completion|price|pricing|cost|context|cached?)\b|模型|输入|输出|价格",
    re.I,
)
_DIGIT = re.compile(r"\d")
_MAX_ROWS = 2000
_MIN_ROWS = 2


def read_div_grids(root: Any, *, first: int = 1) -> list[Grid]:
    """The page's ARIA tables and div tables, in page order, numbered from `first`."""
    if root is None:
        return []
    grids: list[Grid] = []
    taken: list[Any] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or len(element) < _MIN_ROWS or element.tag == "table":
            continue
        if any(element is t or _inside(element, t) for t in taken):
            continue
        if (element.get("role") or "").lower() in _TABLE_ROLES:
            rows = _aria_rows(element)
        else:
            rows = _div_rows(element)
        if rows is None:
            continue
        cells, head = rows
        taken.append(element)
        grids.append(Grid(first + len(grids), cells, head, _heading_before(element)))
    return grids


def _inside(node: Any, ancestor: Any) -> bool:
    return any(a is ancestor for a in node.iterancestors())


def _aria_rows(table: Any) -> tuple[list[list[Cell]], int] | None:
    rows = [r for r in table.iter() if (r.get("role") or "").lower() in _ROW_ROLES][:_MAX_ROWS]
    grid: list[list[Cell]] = []
    head = 0
    for r, row in enumerate(rows):
        cells = [c for c in row if (c.get("role") or "").lower() in _CELL_ROLES]
        if not cells:
            continue
        header = all((c.get("role") or "").lower() == "columnheader" for c in cells)
        head += header and head == len(grid)
        grid.append([cell_of(c, origin=(r, i), header=header) for i, c in enumerate(cells)])
    return _rectangle(grid, head)


def _div_rows(parent: Any) -> tuple[list[list[Cell]], int] | None:
    children = [c for c in parent if isinstance(c.tag, str)]
    if len(children) < _MIN_ROWS + 1:
        return None
    signatures = [_signature(c) for c in children]
    common = max(set(signatures), key=signatures.count)
    members = [c for c, s in zip(children, signatures, strict=True) if s == common]
    width = _width(members[0])
    if len(members) < _MIN_ROWS or width < 2 or any(_width(m) != width for m in members):
        return None
    header = _header(parent, children, members, width)
    if header is None:
        return None
    body = [m for m in members if m is not header][:_MAX_ROWS]
    if len(body) < _MIN_ROWS or not any(_DIGIT.search(m.text_content()) for m in body):
        return None
    rows = [header, *body]
    grid = [
        [cell_of(c, origin=(r, i), header=r == 0) for i, c in enumerate(_cells(row))]
        for r, row in enumerate(rows)
    ]
    return _rectangle(grid, 1)


def _header(parent: Any, children: list[Any], members: list[Any], width: int) -> Any | None:
    """The header row of a div table: a row of `width` label cells before or above the rows."""
    candidates = [children[0], members[0]]
    before = parent.getprevious()
    if before is not None and isinstance(before.tag, str):
        candidates.append(before)
    for candidate in candidates:
        if _width(candidate) != width:
            continue
        texts = [" ".join(c.text_content().split()) for c in _cells(candidate)]
        if any(_DIGIT.search(t) or "$" in t for t in texts):
            continue
        if sum(1 for t in texts if _LABEL.search(t)) >= 2:
            return candidate
    return None


def _cells(row: Any) -> list[Any]:
    return [c for c in row if isinstance(c.tag, str)]


def _width(row: Any) -> int:
    return len(_cells(row))


def _signature(element: Any) -> tuple[str, str]:
    return element.tag, " ".join(sorted((element.get("class") or "").split()))


def _rectangle(grid: list[list[Cell]], head: int) -> tuple[list[list[Cell]], int] | None:
    if len(grid) < _MIN_ROWS:
        return None
    width = max(len(row) for row in grid)
    if width < 2:
        return None
    empty = Cell(text="", origin=(-1, -1))
    return [row + [empty] * (width - len(row)) for row in grid], head


def _heading_before(element: Any) -> str:
    """The text of the nearest heading before `element`: a preceding sibling, or one of its ancestors'."""
    node = element
    for _ in range(6):
        for count, sibling in enumerate(node.itersiblings(preceding=True)):
            if count >= 6 or not isinstance(sibling.tag, str):
                break
            if sibling.tag in _HEADINGS:
                return " ".join(sibling.text_content().split())
            inner = [h for h in sibling.iter(*_HEADINGS)]
            if inner:
                return " ".join(inner[-1].text_content().split())
        node = node.getparent()
        if node is None:
            break
    return ""
