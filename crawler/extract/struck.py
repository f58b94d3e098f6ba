"""Struck-through text, marked so that the text finders can tell an old price from the price.

A page strikes a price through with ``<del>``, ``<s>`` or ``<strike>``, an inline ``text-decoration:
line-through``, a class its stylesheet draws with ``line-through``, or a class named for it
(``line-through``, ``strikethrough``, ``old-price``, ``original-price``, ``price--old``, ...). `mark_struck`
wraps each piece of text inside such an element in ``~~`` (as Markdown writes struck text), so that the
rendered lines say ``~~$0.014~~ $0.07``; `unmark` takes the marks out again.
"""

from __future__ import annotations

import re
from typing import Any

MARK = "~~"
_TAGS = frozenset({"del", "s", "strike"})
_CLASS = re.compile(
    r"(?:^|[\s_-])(?:line-?through|strike(?:through|d|-through)?|crossed(?:-out)?|"
    r"(?:old|original|was|previous|former)[-_]+price|price[-_]+(?:old|original|was|before|"
    r"strike|crossed))(?=$|[\s_-])",
    re.I,
)
_STYLE_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = re.compile(r"\.([A-Za-z_][\w-]*)\s*$")
_INLINE = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.I)
_MAX_STYLE = 500_000
#: elements that may be struck through, found by lxml before `_is_struck` looks at each (a fast test)
_CANDIDATES = (
    "self::del or self::s or self::strike or contains(@style, 'line-through') or contains(@class, 'through') "
    "or contains(@class, 'strike') or contains(@class, 'crossed') or contains(@class, 'price')"
)


def struck_classes(root: Any) -> frozenset[str]:
    """Class names the page's ``<style>`` rules draw with ``line-through`` (``.old{text-decoration:
    line-through}``)."""
    names: set[str] = set()
    for style in root.xpath("//style"):
        css = style.text or ""
        if "line-through" not in css or len(css) > _MAX_STYLE:
            continue
        for selectors, body in _STYLE_RULE.findall(css):
            if "line-through" not in body:
                continue
            for selector in selectors.split(","):
                match = _CLASS_SELECTOR.search(selector.strip())
                if match:
                    names.add(match.group(1))
    return frozenset(names)


def mark_struck(root: Any) -> None:
    """Wrap every piece of struck-through text under ``root`` in `MARK`, in place."""
    classes = struck_classes(root)
    named = [f"contains(concat(' ', @class, ' '), ' {name} ')" for name in sorted(classes)[:50]]
    for element in root.xpath(f"//*[{' or '.join([_CANDIDATES, *named])}]"):
        if not _is_struck(element, classes):
            continue
        if any(_is_struck(parent, classes) for parent in element.iterancestors()):
            continue
        _wrap(element)


def unmark(text: str) -> str:
    """The text without struck marks."""
    return text.replace(MARK, "") if MARK in text else text


def _is_struck(element: Any, classes: frozenset[str]) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag in _TAGS:
        return True
    style = element.get("style")
    if style and "line-through" in style and _INLINE.search(style):
        return True
    names = element.get("class")
    if not names:
        return False
    return bool(_CLASS.search(names)) or bool(classes and classes.intersection(names.split()))


def _wrap(element: Any) -> None:
    """``~~`` around the element's own text and around each descendant's text and tail inside it."""
    nodes = [element, *element.iterdescendants()]
    for node in nodes:
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            continue
        if node.text and node.text.strip():
            node.text = _marked(node.text)
        if node is not element and node.tail and node.tail.strip():
            node.tail = _marked(node.tail)


def _marked(text: str) -> str:
    stripped = text.strip()
    start = text.index(stripped[0])
    return f"{text[:start]}{MARK}{stripped}{MARK}{text[start + len(stripped) :]}"
