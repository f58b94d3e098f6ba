"""How much of a page the extractor reads: the parse, and a budget that keeps a huge page cheap.

A model page is a few hundred to a few thousand elements; the fetch side stops at 10 MiB per page
(``DOWNLOAD_MAXSIZE``, ``max_bytes`` of a source, `monitor.crawling.fetch`). A 10 MB page is a hundred
thousand elements and lines, and every reader walking them costs seconds. So, before parsing, a page whose
markup has more than twice `ELEMENT_BUDGET` tags has the long run of repeated blocks at its middle cut as
text (`cut_markup`, `crawler.extract.markup_runs`: the same cut as below, without building and freeing
the blocks left out); and after parsing:

- a page of more than `ELEMENT_BUDGET` elements has its long runs of repeated blocks cut: where more
  than `KEEP_REPEATED` siblings in a row have the same tag and class (changelog entries, a feed, a huge
  list), the first `KEEP_REPEATED` are read and the rest skipped, whatever follows the run is read;
- if it is still over `HARD_BUDGET`, it is read up to its first `HARD_BUDGET` elements;
- the rendered text is read up to `MAX_TEXT` characters, each line up to `MAX_LINE` characters.

Each cut is a problem in words ("page too large: ..."). Pages within the budget are not touched: the
check is one count by libxml2. Markup nested deeper than libxml2 builds (256 levels) is flattened first
(`crawler.extract.nesting`), so nothing after it is lost.
"""

from __future__ import annotations

from typing import Any

from lxml import etree, html

from crawler.extract.markup_runs import cut_repeated_markup
from crawler.extract.nesting import flatten_deep

ELEMENT_BUDGET = 30_000  # elements: above it, long runs of repeated blocks are cut
KEEP_REPEATED = 100  # blocks of a repeated run that are read
HARD_BUDGET = 60_000  # elements: a page still bigger is read up to there
MAX_TEXT = 1_000_000  # characters of rendered text
MAX_LINE = 20_000  # characters of one rendered line
_SAMPLES = 8  # runs looked for, at most
_ONE_CLASS = etree.ElementDefaultClassLookup(
    element=html.HtmlElement,
    comment=html.HtmlComment,
    pi=html.HtmlProcessingInstruction,
    entity=html.HtmlEntity,
)


def cut_markup(text: str) -> tuple[str, list[str]]:
    """`text` with the long runs of repeated blocks of a page over the budget cut to their first
    `KEEP_REPEATED`, before parsing; the problems saying what was cut. Most pages: one count."""
    return cut_repeated_markup(text, budget=ELEMENT_BUDGET, keep=KEEP_REPEATED)


def parse_html(text: str) -> tuple[Any, list[str]]:
    """The page's element tree, within the budget, and the problems saying what was left out.

    Raises what `lxml.html.document_fromstring` raises on input that is not a page."""
    text, problems = cut_markup(text)
    parser = _parser()
    root = html.document_fromstring(text, parser=parser)
    if any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        # nested deeper than libxml2 goes (or a text node over its 10 MB): flattened, parsed again
        root = html.document_fromstring(flatten_deep(text), parser=_parser(huge_tree=True))
    return root, problems + bound_tree(root)


def _parser(*, huge_tree: bool = False) -> etree.HTMLParser:
    """lxml.html's parser, with one element class (`HtmlElement`) for every tag: lxml.html's own lookup
    picks a class per tag in Python (form controls get their own, which no reader uses), a few percent
    of a page's time."""
    parser = etree.HTMLParser(huge_tree=huge_tree)
    parser.set_element_class_lookup(_ONE_CLASS)
    return parser


def bound_tree(root: Any) -> list[str]:
    """Cut `root` down to the budget in place (see the module); the problems saying what was cut."""
    size = int(root.xpath("count(//*)"))
    if size <= ELEMENT_BUDGET:
        return []
    problems = []
    for _ in range(_SAMPLES):
        # the bulk of a huge page is where its middle element is: a run among that element's ancestors
        middle = root.xpath(f"/descendant::*[{size // 2}]")
        cut = _cut_run(middle[0]) if middle else None
        if cut is None:
            break
        problems.append(cut)
        size = int(root.xpath("count(//*)"))
        if size <= ELEMENT_BUDGET:
            break
    if size > HARD_BUDGET:
        _cut_after(root.xpath(f"/descendant::*[{HARD_BUDGET}]")[0])
        problems.append(f"page too large: read up to its first {HARD_BUDGET:,} elements of {size:,}")
    return problems


def bound_lines(lines: list[str], problems: list[str]) -> list[str]:
    """`lines` up to `MAX_TEXT` characters in all and `MAX_LINE` each; a problem added when cut."""
    kept: list[str] = []
    total = long_lines = 0
    for line in lines:
        if len(line) > MAX_LINE:
            line, long_lines = line[:MAX_LINE], long_lines + 1
        total += len(line) + 1
        if total > MAX_TEXT:
            problems.append(
                f"page text too long: read its first {len(kept):,} lines ({MAX_TEXT:,} characters)"
            )
            break
        kept.append(line)
    if long_lines:
        problems.append(f"page text too long: {long_lines:,} lines over {MAX_LINE:,} characters cut there")
    return kept


def _cut_run(element: Any) -> str | None:
    """Cut the longest run of same-looking siblings around `element` or an ancestor; what was cut."""
    for node in (element, *element.iterancestors()):
        parent = node.getparent()
        if parent is None:
            break
        start, stop = _run_around(parent, node)
        if stop - start > KEEP_REPEATED:
            first = parent[start]
            del parent[start + KEEP_REPEATED : stop]
            label = f"<{first.tag}" + (f' class="{first.get("class")}"' if first.get("class") else "") + ">"
            return (
                f"page too large: {stop - start - KEEP_REPEATED:,} of {stop - start:,} repeated {label} "
                f"blocks skipped (the first {KEEP_REPEATED} read)"
            )
    return None


def _run_around(parent: Any, node: Any) -> tuple[int, int]:
    """The [start, stop) child indexes of the run of siblings around `node` that have its tag and class
    (found by libxml2: a run may be tens of thousands long)."""
    other = (
        "[not(name()=$tag and @class=$cls)][1]"
        if node.get("class") is not None
        else "[not(name()=$tag and not(@class))][1]"
    )
    tag, cls = node.tag, node.get("class") or ""
    before = node.xpath("preceding-sibling::*" + other, tag=tag, cls=cls)
    after = node.xpath("following-sibling::*" + other, tag=tag, cls=cls)
    start = parent.index(before[0]) + 1 if before else 0
    stop = parent.index(after[0]) if after else len(parent)
    return start, stop


def _cut_after(last: Any) -> None:
    """Remove everything after `last` in document order (its children, then every following sibling of it
    and of its ancestors)."""
    del last[:]
    node = last
    while (parent := node.getparent()) is not None:
        del parent[parent.index(node) + 1 :]
        node = parent
