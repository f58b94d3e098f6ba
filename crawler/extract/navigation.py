"""What on a page is not an offer: navigation, filters, sliders, tabs, pagination and related-model lists.

A model list page carries a filter sidebar ("Prompt pricing: FREE", "Context length: 4K", checkboxes of
parameters) and range sliders whose scale labels read like facts; a docs page carries menus and tabs; a
model page may carry "Related models". None of them is an offer, and a value read from them is wrong.

`drop_navigation` removes navigation, filter and pagination containers (by tag, ARIA role, ``aria-label``,
``class`` and ``id`` words) and the scale labels of sliders from a parsed page, before its text is read.
Playground settings (a ``<form>`` of sliders for temperature and max tokens) are kept: their labels
document the request parameters; only the slider scales go. `is_related` tells a list of other models
("Related models", "Similar", "Recommended") from the page's own offers.
"""

from __future__ import annotations

import re
from typing import Any

_NAV_ROLES = frozenset({"navigation", "menu", "menubar", "tablist", "tab", "search", "toolbar", "directory"})
#: words of class, id and aria-label that name a container of navigation or filters
_NAV_WORDS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menubar",
        "breadcrumb",
        "breadcrumbs",
        "pagination",
        "paginator",
        "pager",
        "filter",
        "filters",
        "facet",
        "facets",
        "sidebar",
        "toc",
        "tablist",
        "toolbar",
        "sort",
        "sorting",
        "slider",
        "refine",
        "refinements",
    }
)
#: words that name navigation or filters whatever the element holds
_ALWAYS_NAV_WORDS = frozenset(
    {"breadcrumb", "breadcrumbs", "pagination", "paginator", "pager", "filter", "filters", "facet", "facets"}
    | {"slider", "refine", "refinements", "tablist"}
)
_RELATED_WORDS = frozenset({"related", "similar", "recommended", "recommendations", "suggested", "carousel"})
_RELATED_HEADING = re.compile(
    r"^\s*(?:related|similar|recommended|suggested|more|other|popular|trending|explore|you\s+may|"
    r"people\s+also|see\s+also|also\s+try)\b",
    re.I,
)
_STRICTLY_RELATED = re.compile(
    r"^\s*(?:related|similar|recommended|suggested|you\s+may|people\s+also|see\s+also)\b", re.I
)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_QUICK = re.compile(
    r"nav|menu|crumb|pagin|pager|filter|facet|sidebar|toc|tab|toolbar|sort|slider|refine|search|directory|"
    r"range|checkbox",
    re.I,
)
_TICK = re.compile(r"^(?:free|[$€¥£]?\s?\d[\d.,]*\s*[kmb]?\+?|[<>≤≥]\s?\S+)$", re.I)
_KEEP = frozenset({"html", "body", "main", "article"})
_MIN_CHECKBOXES = 5


def words_of(element: Any) -> set[str]:
    """The lower-case words of an element's class, id and aria-label (``di-filter`` -> di, filter)."""
    raw = " ".join(element.get(k) or "" for k in ("class", "id", "aria-label")).lower()
    return {w for w in _WORD_SPLIT.split(raw) if w}


def is_navigation(element: Any) -> bool:
    """True for a menu, tab bar, breadcrumb, pagination, filter panel or slider (not a page's content)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("nav", "menu"):
        return True
    if tag in _KEEP:
        return False
    role = (element.get("role") or "").lower()
    if role in _NAV_ROLES or role == "slider":
        return True
    words = words_of(element) & _NAV_WORDS
    if words & _ALWAYS_NAV_WORDS:
        return True
    # "sidebar", "menu", "toc": navigation when made of links or controls, not a sidebar of specs
    return bool(words) and _made_of_links(element)


def drop_navigation(root: Any) -> None:
    """Remove navigation and filter containers and slider scales from a parsed page, in place."""
    doomed: list[Any] = []
    for element in root.iter():  # not XPath: libxml2's // is quadratic on pages of many siblings
        if not isinstance(element.tag, str) or not element.attrib:
            continue
        attributes = " ".join(element.get(k) or "" for k in ("class", "id", "role", "aria-label", "type"))
        if not _QUICK.search(attributes):
            continue
        kind = (element.get("type") or "").lower()
        if element.tag == "input" and kind == "range" or (element.get("role") or "").lower() == "slider":
            doomed.extend(_slider_scale(element))
        if element.tag == "input" and kind == "checkbox":
            panel = _checkbox_panel(element)
            if panel is not None:
                doomed.append(panel)
            continue
        if is_navigation(element) and not _holds_content(element):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _made_of_links(element: Any) -> bool:
    """Whether links and controls make up most of an element's text (a menu), not prose or specs."""
    text = len("".join(element.itertext()).strip())
    if not text:
        return True
    linked = sum(len("".join(a.itertext()).strip()) for a in element.iter("a", "button", "label", "option"))
    return linked * 2 >= text


def _holds_content(element: Any) -> bool:
    """A layout wrapper named for its sidebar (``has-sidebar``) that holds the page's main content."""
    if element.tag in ("nav", "menu"):
        return False
    return any(True for _ in element.iter("h1", "main", "article", "table"))


def is_related(element: Any) -> bool:
    """True when an element sits in a list of other models ("Related models", a carousel, "Similar")."""
    node = element
    for _ in range(6):
        if node is None or not isinstance(node.tag, str):
            return False
        if words_of(node) & _RELATED_WORDS:
            return True
        heading = _heading_before(node)
        if heading is not None:
            return is_related_heading(heading)
        node = node.getparent()
    return False


def is_related_heading(text: str, *, strict: bool = False) -> bool:
    """True for a heading over other models than the page's ("Related models", "Similar models"); with
    `strict`, not "Other models" or "Popular models" (on a pricing page, those are offers too)."""
    return bool((_STRICTLY_RELATED if strict else _RELATED_HEADING).match(text))


def _heading_before(node: Any) -> str | None:
    """The text of a heading just before `node` among its siblings (or its first child), if any."""
    first = next(iter(node), None)
    if first is not None and isinstance(first.tag, str) and first.tag in _HEADINGS:
        return str(first.text_content())
    for count, sibling in enumerate(node.itersiblings(preceding=True)):
        if count >= 2 or not isinstance(sibling.tag, str):
            break
        if sibling.tag in _HEADINGS:
            return str(sibling.text_content())
    return None


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _slider_scale(slider: Any) -> list[Any]:
    """The tick labels printed beside a slider (``4K 64K 1M``, ``FREE $0.5 $10+``): siblings whose every
    piece of text is a short value. Labels and ``<output>`` (the setting's value) are kept."""
    scale = []
    for sibling in list(slider.itersiblings()) + list(slider.itersiblings(preceding=True)):
        if not isinstance(sibling.tag, str) or sibling.tag in ("label", "output", "input"):
            continue
        pieces = [t.strip() for t in sibling.itertext() if t.strip()]
        if len(pieces) >= 2 and all(len(p) <= 8 and _TICK.match(p) for p in pieces):
            scale.append(sibling)
    return scale


def _checkbox_panel(checkbox: Any) -> Any | None:
    """The panel of a checkbox when it holds many (a filter of facets), else None: a settings form has a
    toggle or two."""
    node = checkbox.getparent()
    for _ in range(8):
        if node is None or not isinstance(node.tag, str) or node.tag in _KEEP:
            return None
        if node.tag in ("aside", "form", "fieldset") or words_of(node) & _NAV_WORDS:
            boxes = [i for i in node.iter("input") if (i.get("type") or "").lower() in ("checkbox", "radio")]
            return node if len(boxes) >= _MIN_CHECKBOXES else None
        node = node.getparent()
    return None
