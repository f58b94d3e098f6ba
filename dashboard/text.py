"""Crawled text shown as text: escaping for Streamlit's markdown, and the formats every page shares.

Model names, provider names, descriptions and error messages come from crawled pages and APIs. Tables
(`st.dataframe`) and chart tooltips show them as data; anything that goes through markdown (headers,
captions, `st.markdown`, alert boxes) goes through `md` first, which escapes every markdown and HTML
control character, so a model named ``<img src=x onerror=alert(1)>`` is shown, not run.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:$=])")
_HTML = {"&": "&amp;", "<": "&lt;", '"': "&quot;"}


def md(text: object) -> str:
    """`text` escaped for Streamlit markdown: shown literally, never as markup, link, image or HTML."""
    value = str(text)
    value = "".join(_HTML.get(char, char) for char in value)
    value = _MARKDOWN.sub(r"\\\1", value)
    return value.replace("\n", " ")


def ago(then: datetime | None, now: datetime) -> str:
    """`3 min ago`, `5 h ago`, `2 d ago` (or `never`)."""
    if then is None:
        return "never"
    seconds = max(0.0, (now - then).total_seconds())
    if seconds < 90:
        return f"{seconds:.0f} s ago"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min ago"
    if seconds < 36 * 3600:
        return f"{seconds / 3600:.0f} h ago"
    return f"{seconds / 86400:.0f} d ago"


def stamp(at: datetime | None) -> str:
    """`2026-05-22 12:00 UTC`."""
    return "—" if at is None else f"{at:%Y-%m-%d %H:%M} UTC"


def number(value: Decimal | float | None) -> float | None:
    """A price or figure as a float for a table or chart (storage stays Decimal)."""
    return None if value is None else float(value)
