"""HTML tables as rectangular grids: spans expanded, header rows known, each cell's text, struck-through
text, links and code-like ids kept, and the heading a table sits under.

A cell that spans rows or columns is repeated in every grid position it covers (the copies share its
`Cell.origin`), so a value spanning two model columns belongs to both models and a model name spanning two
tier rows belongs to both rows. Header rows are those of ``<thead>``, else the leading rows made only of
``<th>``. Footnote marks (``<sup>(1)</sup>``) are left out of a cell's text; struck-through text reads
``~~$0.14~~`` as `crawler.extract.struck` marks it in the page, so that an old price is never the price.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from crawler.extract.htmltext import render_lines

MAX_SPAN = 64
MAX_ROWS = 2000
MAX_COLS = 48
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_FOOTNOTE = re.compile(r"^\s*[\(\[]?\s*(?:\d{1,2}|[*†‡§]+|[a-z])\s*[\)\]]?\s*$")
_CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
_CODE_WORDS = frozenset({"code", "id", "slug", "mono", "monospace", "identifier", "string", "api"})
_CLASS_SPLIT = re.compile(r"[^a-z0-9]+")
_LEAD_CODES = 4
_LEAD_LINES = 6


@dataclass(frozen=True)
class Cell:
    """One grid position: the text of the cell that covers it."""

    text: str  # rendered text, one line per visual line, footnote marks left out, struck text in ~~
    origin: tuple[int, int]  # (row, column) of the source cell: spanned copies share it
    header: bool = False  # a <th> or a cell of a header row
    links: tuple[tuple[str, str], ...] = ()  # (href, link text) of the links in the cell
    codes: tuple[str, ...] = ()  # texts of <code> and id-like elements (``model-code``, ``slug``)


@dataclass(frozen=True)
class Grid:
    """One table of the page as a rectangle of cells."""

    number: int  # 1-based, in page order
    rows: list[list[Cell]]
    head: int  # how many leading rows are header rows (0: the markup does not say)
    heading: str = ""  # the nearest heading before the table
    lead: list[str] = field(default_factory=list)  # text lines between that heading and the table
    lead_codes: list[str] = field(default_factory=list)  # code-like ids between that heading and the table

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def read_grids(root: Any) -> list[Grid]:
    """Every table of a parsed page as a `Grid`, in page order (tables inside tables read on their own)."""
    if root is None:
        return []
    grids: list[Grid] = []
    heading: Any = None
    lead: list[Any] = []  # elements after the heading; rendered only when a table follows
    for element in root.iter(*_HEADINGS, "table", "code", "p"):
        tag = element.tag
        if tag == "table":
            rows, head = _expand(element)
            if rows:
                grids.append(_grid(len(grids) + 1, rows, head, heading, lead))
        elif tag in _HEADINGS:
            heading, lead = element, []
        elif len(lead) < _LEAD_LINES + _LEAD_CODES:
            lead.append(element)
    return grids


def _grid(number: int, rows: list[list[Cell]], head: int, heading: Any, lead: list[Any]) -> Grid:
    """A grid with the heading above its table and the lines and code ids between them."""
    outside = [e for e in lead if not _inside_table(e)]
    lines = [text for e in outside if e.tag == "p" and (text := _one_line(e))][:_LEAD_LINES]
    codes = [text for e in outside if e.tag == "code" and (text := _one_line(e))][:_LEAD_CODES]
    title = _one_line(heading) if heading is not None and not _inside_table(heading) else ""
    return Grid(number, rows, head, title, lines, codes)


def _inside_table(element: Any) -> bool:
    return any(True for _ in element.iterancestors("table"))


def _one_line(element: Any) -> str:
    return " ".join(" ".join(render_lines(element)).split())


def _expand(table: Any) -> tuple[list[list[Cell]], int]:
    """The table's cells with spans expanded into a rectangle, and the number of header rows."""
    trs = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")[:MAX_ROWS]
    head_rows = len(table.xpath("./thead/tr"))
    grid: dict[tuple[int, int], Cell] = {}
    all_th: list[bool] = []
    for r, tr in enumerate(trs):
        c = 0
        tds = tr.xpath("./td|./th")
        all_th.append(bool(tds) and all(td.tag == "th" for td in tds))
        for td in tds:
            while (r, c) in grid:
                c += 1
            if c >= MAX_COLS:
                break
            rowspan = _span(td.get("rowspan"), len(trs) - r)
            colspan = _span(td.get("colspan"), MAX_COLS - c)
            cell = cell_of(td, origin=(r, c), header=td.tag == "th" or r < head_rows)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), cell)
            c += colspan
    if not grid:
        return [], 0
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    empty = Cell(text="", origin=(-1, -1))
    rows = [[grid.get((r, c), empty) for c in range(width)] for r in range(height)]
    rows = [row for row in rows if any(cell.text for cell in row)]
    head = head_rows
    if head == 0:
        while head < len(all_th) and all_th[head]:
            head += 1
    return rows, min(head, len(rows))


def _span(value: str | None, limit: int) -> int:
    try:
        number = int(str(value).strip()) if value is not None else 1
    except ValueError:
        return 1
    return max(1, min(number, MAX_SPAN, max(1, limit)))


def cell_of(td: Any, *, origin: tuple[int, int], header: bool) -> Cell:
    """One cell's text (footnote marks left out), links and code-like ids."""
    body = td
    if any(_FOOTNOTE.match(sup.text_content()) for sup in td.iter("sup")):
        body = copy.deepcopy(td)  # the page's tree stays whole for the other readers
        for sup in list(body.iter("sup")):
            if _FOOTNOTE.match(sup.text_content()) and sup.getparent() is not None:
                sup.drop_tree()
    text = "\n".join(line.replace("\t", " ") for line in render_lines(body))
    links = tuple(
        (str(a.get("href")), " ".join(a.text_content().split())) for a in body.iter("a") if a.get("href")
    )
    if body.tag == "a" and body.get("href"):
        links = ((str(body.get("href")), " ".join(body.text_content().split())), *links)
    return Cell(text=text, origin=origin, header=header, links=links, codes=code_texts(body))


def code_texts(element: Any) -> tuple[str, ...]:
    """The texts of an element's code-like descendants: ``<code>``, and elements whose class names an id
    (``model-code``, ``nv-card-id``, ``model-card-slug``, ``font-mono``)."""
    found: list[str] = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        named = set(_CLASS_SPLIT.split((node.get("class") or "").lower())) & _CODE_WORDS
        if node.tag in _CODE_TAGS or (named and node is not element):
            text = " ".join(node.text_content().split())
            if text and text not in found:
                found.append(text)
    return tuple(found)
