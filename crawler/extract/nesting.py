"""Markup nested deeper than the HTML parser goes, made shallow enough to be read whole.

libxml2 (under lxml) stops building the tree at 256 levels (2,048 with ``huge_tree``) and drops everything
after that point: a page builder that wraps a pricing block in 5,000 layout ``<div>``s loses the block
and the rest of the page. `flatten_deep` rewrites such markup before it is parsed: the start and end
tags of elements that only wrap other elements (their content begins with a start tag and ends with an
end tag) are left out below `WRAPPER_DEPTH`, and any element still below `MAX_DEPTH` is unwrapped too;
text is never left out, and a line of its own (a paragraph, an item, a row) stays one (a ``<br>`` where
its tags were). It walks the tags with a stack, never recursion, so 100,000 levels cost a
linear scan (a fraction of a second) and no `RecursionError`; the tree it leads to is at most
`MAX_DEPTH` deep, which every reader of the tree can walk, recursively or not.

It is only for pages the parser reported as too deep: a tag scanner is not an HTML parser (implied end
tags such as an unclosed ``<p>`` are not modelled), and it need not be one to bound the depth.
"""

from __future__ import annotations

import re

#: below this depth, elements that only wrap other elements lose their tags
WRAPPER_DEPTH = 64
#: below this depth, every element loses its tags (libxml2's limit is 256; room is left for the
#: elements the parser adds itself: html, body, tbody)
MAX_DEPTH = 200
#: an end tag closes the nearest open element of its name among this many; farther, it is left alone
_MATCH_WINDOW = 64

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# elements whose text is a line of its own, and elements inside a line, for what replaces their tags
_LINES = frozenset(
    ["p", "li", "tr", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "caption", "option"]
)
_INLINE = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small", "span"]
    + ["strong", "sub", "sup", "time", "u", "var", "del", "ins", "strike", "label", "font"]
)
# comments, doctype and processing instructions; raw-text elements whole (their content is not markup);
# start and end tags (group 2: "/" for an end tag, group 3: the name, group 4: "/" when self-closed)
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<[!?][^>]*>"
    r"|<(script|style|textarea|title|xmp|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>",
    re.S | re.I,
)
_BLANK = re.compile(r"\s*")


def flatten_deep(text: str) -> str:
    """`text` with the tags of elements nested below `MAX_DEPTH` (wrappers: below `WRAPPER_DEPTH`) left
    out, so that it parses into a tree at most `MAX_DEPTH` deep; text as it was."""
    tags = list(_tags(text))
    closing = _pairs(tags)
    wrapper = _wrappers(text, tags, closing)
    dropped: set[int] = set()
    depth = 0
    ends: dict[int, bool] = {}  # end tag index -> whether its start tag was kept
    for index, (_, _, name, is_end) in enumerate(tags):
        if name is None:
            continue
        if is_end:
            kept = ends.pop(index, None)
            if kept is False:
                dropped.add(index)
            elif kept:
                depth -= 1
            continue
        end = closing.get(index)
        if depth >= MAX_DEPTH or (index in wrapper and depth >= WRAPPER_DEPTH):
            dropped.add(index)
            if end is not None:
                ends[end] = False
        else:
            depth += end is not None  # an element never closed is not counted: the parser closes it
            if end is not None:
                ends[end] = True
    if not dropped:
        return text
    pieces: list[str] = []
    position = 0
    broken = False  # a break was put, and nothing but blanks since
    for index in sorted(dropped):
        start, stop, name, _ = tags[index]
        between = text[position:start]
        pieces.append(between)
        broken = broken and not between.strip()
        # a line of its own stays one (one break for a row of them); words of blocks stay apart
        if name in _LINES and not broken:
            pieces.append("<br>")
            broken = True
        elif name not in _LINES and name not in _INLINE:
            pieces.append(" ")
        position = stop
    pieces.append(text[position:])
    return "".join(pieces)


def _tags(text: str) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, lower-case name or None for a leaf, is an end tag) of every token, in order."""
    found: list[tuple[int, int, str | None, bool]] = []
    append = found.append
    for match in _TOKEN.finditer(text):
        slash, name, closed = match.group(2, 3, 4)
        start, end = match.span()
        name = name.lower() if name is not None and not closed else None
        if name is None or name in _VOID:
            append((start, end, None, False))  # leaves: no depth of their own
        else:
            append((start, end, name, slash == "/"))
    return found


def _pairs(tags: list[tuple[int, int, str | None, bool]]) -> dict[int, int]:
    """Start tag index -> the index of the end tag that closes it (elements never closed: absent)."""
    closing: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for index, (_, _, name, is_end) in enumerate(tags):
        if name is None:
            continue
        if not is_end:
            stack.append((name, index))
            continue
        if stack and stack[-1][0] == name:  # nearly always: the element just opened
            closing[stack.pop()[1]] = index
            continue
        for back in range(len(stack) - 1, max(-1, len(stack) - 1 - _MATCH_WINDOW), -1):
            if stack[back][0] == name:
                closing[stack[back][1]] = index
                del stack[back:]  # the elements opened inside it are closed with it
                break
    return closing


def _wrappers(text: str, tags: list[tuple[int, int, str | None, bool]], closing: dict[int, int]) -> set[int]:
    """Start tags of elements whose content is other elements at both ends: nothing but blanks before
    the first tag inside and after the last."""
    found: set[int] = set()
    for start, end in closing.items():
        if end - start < 2:
            continue
        after_start = tags[start][1]
        before_end = tags[end][0]
        first_inner, last_inner = tags[start + 1], tags[end - 1]
        if (
            first_inner[2] is not None
            and not first_inner[3]
            and last_inner[2] is not None
            and last_inner[3]
            and _BLANK.fullmatch(text, after_start, first_inner[0])
            and _BLANK.fullmatch(text, last_inner[1], before_end)
        ):
            found.add(start)
    return found
