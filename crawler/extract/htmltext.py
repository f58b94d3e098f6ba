"""HTML into the pieces the page extractor reads: text lines, tables, JSON-LD and embedded JSON blobs.

The text rendering keeps the page's visual lines: block elements start new lines, table cells are
separated by tabs, `<pre>` keeps its own line breaks, and script, style, navigation and hidden elements
are dropped. Garbage in gives an empty `Document`, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from crawler.extract.bounds import bound_lines, cut_markup, parse_html
from crawler.extract.code_samples import collect_code_blocks
from crawler.extract.embedded import Embedded, read_scripts
from crawler.extract.mojibake import repair_mojibake
from crawler.extract.navigation import drop_navigation
from crawler.extract.parameter_forms import FormField, collect_form_fields
from crawler.extract.struck import mark_struck

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "label",
        "option",
    ]
)
_CELL = frozenset({"td", "th"})
#: Elements that start a line when a page is read as text (cells too, read as a card reads them).
BLOCK_TAGS = _BLOCK
CELL_TAGS = _CELL
_PADDED = frozenset({"code", "kbd", "samp", "button", "img"})
_DROP = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "iframe",
    "object",
    "canvas",
    "head",
    "select",
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_SPACES = re.compile(r"[ \u00a0\u2009\u202f\u200b\r\f\v]+")
_NL, _TAB = "\n", "\t"


@dataclass
class Document:
    """What the extractor needs from one HTML page."""

    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    json_blobs: list[Any] = field(default_factory=list)
    #: the same values with where each came from (``next_f payload, row 4``, ``window.__NUXT__``)
    embedded: list[Embedded] = field(default_factory=list)
    title: str | None = None
    h1: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    #: the text of each code sample (`<pre>`, multi-line `<code>`), hidden tabs included
    code_blocks: list[str] = field(default_factory=list)
    #: the labelled controls of the page's forms (a playground's settings)
    form_fields: list[FormField] = field(default_factory=list)
    #: the parsed page without navigation, filters and hidden parts, for readers of its structure
    #: (tables with their spans, repeated model cards, model lists)
    root: Any = field(default=None, repr=False, compare=False)
    #: what of the page was not read, in words (a huge page cut to the budget: `crawler.extract.bounds`)
    problems: list[str] = field(default_factory=list)


def parse_document(body: str) -> Document:
    """Parse an HTML string into a `Document`; unparseable input gives an empty one."""
    text, cut = cut_markup(body or "")  # a huge page's long runs of repeated blocks, before anything else
    text = repair_mojibake(_without_controls(text))  # UTF-8 read as Windows-1252, put back
    if not text.strip():
        return Document()
    try:
        root, more = parse_html(text)  # within the extractor's budget; too deep markup flattened
    except (etree.ParserError, ValueError, TypeError):
        return Document()
    doc = Document(problems=cut + more)
    _read_head(root, doc)
    _read_scripts(root, doc)
    mark_struck(root)  # old prices read as ~~$0.50~~ in the lines
    drop_navigation(root)
    doc.code_blocks = collect_code_blocks(root)
    doc.form_fields = collect_form_fields(root)
    for element in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.xpath("//*[@hidden or @aria-hidden='true' or contains(@style,'display:none')]"):
        if element.getparent() is not None and element.tag not in ("html", "body"):
            element.drop_tree()
    h1 = root.xpath("//h1")
    if h1:
        doc.h1 = _one_line(render_lines(h1[0]))
    doc.tables = [_read_table(table) for table in root.xpath("//table")]
    doc.lines = bound_lines(render_lines(root), doc.problems)
    doc.root = root
    return doc


def _without_controls(text: str) -> str:
    """`text` with its control characters as spaces. Testing a Latin-1 copy for them first is twice as
    fast as the regex on a page that has none (nearly all), which counts on a 10 MB page."""
    latin = text.encode("latin-1", "ignore")
    if len(latin.translate(None, _CONTROL_BYTES)) == len(latin):
        return text
    return _CONTROL.sub(" ", text)


def render_lines(element: Any) -> list[str]:
    """Render an element as non-empty text lines (tabs between table cells)."""
    if not len(element) and isinstance(element.tag, str):  # a leaf (most table cells): its text alone
        text = element.text or ""
        return _lines_of(text if element.tag == "pre" else text.replace("\n", " "))
    pieces: list[str] = []
    pre_depth = 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _BLOCK:
                pieces.append(_NL)
            elif tag in _CELL:
                pieces.append(_TAB)
            elif tag in _PADDED:
                pieces.append(" ")
            if tag == "pre":
                pre_depth += 1
            if tag and node.text:
                pieces.append(node.text if pre_depth else node.text.replace("\n", " "))
        else:
            if tag == "pre":
                pre_depth -= 1
            if tag in _BLOCK:
                pieces.append(_NL)
            elif tag in _PADDED:
                pieces.append(" ")
            if node is not element and node.tail:
                pieces.append(node.tail if pre_depth else node.tail.replace("\n", " "))
    return _lines_of("".join(pieces))


def _lines_of(text: str) -> list[str]:
    """The non-empty lines of rendered `text`, each cell's spaces collapsed, empty cells left out."""
    lines = []
    for raw in text.split("\n"):
        cells = [_SPACES.sub(" ", cell).strip() for cell in raw.split("\t")]
        line = "\t".join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return lines


def _one_line(lines: list[str]) -> str | None:
    joined = " ".join(line.replace("\t", " ") for line in lines).strip()
    return joined or None


def _read_head(root: Any, doc: Document) -> None:
    titles = root.xpath("//title/text()")
    if titles:
        doc.title = _SPACES.sub(" ", str(titles[0])).strip() or None
    for meta in root.xpath("//meta[@content]"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if key:
            doc.meta.setdefault(key.lower(), meta.get("content").strip())


def _read_scripts(root: Any, doc: Document) -> None:
    """JSON-LD, and the data the scripts carry for the page's framework (`crawler.extract.embedded`)."""
    scripts = [(s.get("type") or "", s.get("id") or "", s.text or "") for s in root.xpath("//script")]
    found = read_scripts(scripts)
    for value in found.json_ld:
        doc.json_ld.extend(_flatten_ld(value))
    doc.embedded = found.embedded
    doc.json_blobs = [item.value for item in found.embedded]


def _flatten_ld(value: Any) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else [value]
    found: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                found.extend(g for g in graph if isinstance(g, dict))
    return found


def _read_table(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        cells = ["\n".join(render_lines(cell)).replace("\t", " ") for cell in row.xpath("./td|./th")]
        if any(cells):
            rows.append(cells)
    return rows
