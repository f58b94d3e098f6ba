"""An Atom feed (RFC 4287) of the catalog's changes, newest first: subscribe to price moves and new or
removed endpoints in any feed reader."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from xml.etree import ElementTree as ET

from api.render import iso
from db.catalog.changes import percent_text
from db.models import Change

ATOM = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml"


def change_title(c: Change) -> str:
    """One line: what changed, where, from what to what."""
    where = " ".join(part for part in (c.provider, c.model) if part) or c.source
    if c.subject and c.kind not in ("parser_broken", "parser_fixed"):
        where += f" [{c.subject}]"
    text = f"{c.kind.replace('_', ' ')}: {where}"
    if c.field:  # a value that moved: say from what to what (the entry's content has the rest)
        text += f" {c.field} {c.old if c.old is not None else '-'} -> {c.new if c.new is not None else '-'}"
    if c.percent is not None:  # a real change below 0.01 % keeps its digits: never "+0.00%"
        small = c.percent != 0 and abs(c.percent) < 0.01
        text += f" ({percent_text(c.percent) if small else f'{c.percent:+.2f}%'})"
    return text


def _strip(text: str) -> str:
    """XML 1.0 has no place for most control characters: drop them rather than write a broken feed."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def atom_feed(changes: Sequence[Change], *, self_url: str, site_url: str, updated: datetime) -> bytes:
    """The feed document; `updated` is the newest change's time (or now when there is none)."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = _strip(text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", f"urn:modelwatch:changes:{site_url}")
    sub(feed, "title", "modelwatch: catalog changes")
    sub(feed, "updated", iso(updated))
    sub(feed, "link", rel="self", href=self_url, type=ATOM_TYPE)
    sub(feed, "link", rel="alternate", href=site_url, type="application/json")
    author = sub(feed, "author")
    sub(author, "name", "modelwatch")
    for c in changes:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:modelwatch:change:{c.id}")
        sub(entry, "title", change_title(c))
        sub(entry, "updated", iso(c.at))
        sub(entry, "category", term=c.kind)
        lines = [
            f"{name}: {value}"
            for name, value in (
                ("kind", c.kind),
                ("provider", c.provider),
                ("model", c.model),
                ("endpoint", c.endpoint_id),
                ("field", c.field),
                ("old", c.old),
                ("new", c.new),
                ("percent", c.percent),
                ("source", c.source),
                ("subject", c.subject),
            )
            if value is not None
        ]
        sub(entry, "content", "\n".join(lines), type="text")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        feed, encoding="utf-8", xml_declaration=False
    )
