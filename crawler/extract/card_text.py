"""A card's text as lines, the way a reader sees the card: block elements break lines, inline elements
stay apart by a space (``<span>Context</span><span>131072</span>`` reads ``Context 131072``, where the
page's text rendering glues them), and the card's prose (paragraphs, descriptions) can be left out so that
"a 200K context window" in a blurb never stands for the card's ``Context`` spec.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from crawler.extract.htmltext import BLOCK_TAGS, CELL_TAGS

# A card breaks lines where a page does, and at its cells too.
_BLOCK = BLOCK_TAGS | CELL_TAGS
_PROSE_WORDS = frozenset({"desc", "description", "summary", "excerpt", "blurb", "tagline"})
_WORD = re.compile(r"[^a-z0-9]+")


def card_lines(element: Any, *, prose: bool = True) -> list[str]:
    """An element's text as lines: block elements break lines, and inline elements are kept apart by a
    space (``<span>Context</span><span>131072</span>`` reads ``Context 131072``). Without `prose`, the
    text of paragraphs and descriptions is left out (the card's specs only)."""
    pieces: list[str] = []
    inside = 0  # depth inside prose being left out
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        skip = not prose and node is not element and _is_prose(node)
        if event == "start":
            inside += skip
            pieces.append("\n" if tag in _BLOCK else " ")
            if tag and node.text and not inside:
                pieces.append(node.text)
        else:
            inside -= skip
            pieces.append("\n" if tag in _BLOCK else " ")
            if node is not element and node.tail and not inside:
                pieces.append(node.tail)
    return [" ".join(line.split()) for line in "".join(pieces).split("\n") if line.strip()]


def _is_prose(node: Any) -> bool:
    if node.tag == "p":
        return True
    words = set(_WORD.split((node.get("class") or "").lower()))
    return bool(words & _PROSE_WORDS)
