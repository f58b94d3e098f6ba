"""Why a value was read: where on the page it came from, the text it was read from, and how sure the
extractor is.

Every finder that reads a field returns its value with an `Evidence`; the page extractor keeps, per
field of an offer, the evidence of the value it chose (`PageOffer.evidence`), and says so in a problem
when two equally sure readings disagree (`ambiguity`). `modelwatch extract --explain` prints it; the
crawl stores it beside what it read.

Confidence is a coarse ladder, by how the value was read (`METHOD_CONFIDENCE`), so that readings compare
across finders: structure published for machines beats a labelled table cell, which beats a code sample,
which beats a list, prose or a form label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: How sure a reading is, by how it was read (higher wins; ties between different values are ambiguous).
METHOD_CONFIDENCE: dict[str, float] = {
    "json-ld": 0.95,  # schema.org data published for machines
    "embedded": 0.9,  # the page's own data for its framework (__NEXT_DATA__, __NUXT__, JSON in scripts)
    "table": 0.85,  # a labelled table cell
    "definition": 0.8,  # a label and its value (dl, "Context length: 128K")
    "code": 0.75,  # a request body in a code sample
    "list": 0.7,  # a list under a heading that names the field
    "text": 0.6,  # a pattern in the page's text
    "prose": 0.5,  # a sentence that names it
    "form": 0.4,  # a playground form's label
    "url": 0.3,  # the page's address
}

SNIPPET_CHARS = 160
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Evidence:
    """Where one value was read: a short locator, the text it was read from, and how sure."""

    where: str  # e.g. "table 2, row 'Llama 3.1 8B', column 'Input'", "json-ld Product.offers", "line 41"
    snippet: str  # the text the value was read from, on one line, at most SNIPPET_CHARS
    method: str  # a key of METHOD_CONFIDENCE
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "snippet": self.snippet,
            "method": self.method,
            "confidence": self.confidence,
        }


def evidence(method: str, where: str, snippet: object, *, confidence: float | None = None) -> Evidence:
    """An `Evidence` whose confidence is its method's unless given."""
    if method not in METHOD_CONFIDENCE:
        raise ValueError(f"unknown evidence method {method!r}: one of {', '.join(METHOD_CONFIDENCE)}")
    sure = METHOD_CONFIDENCE[method] if confidence is None else confidence
    return Evidence(where=where, snippet=snip(snippet), method=method, confidence=round(sure, 3))


def snip(text: object, limit: int = SNIPPET_CHARS) -> str:
    """The text on one line, cut to `limit` characters with an ellipsis."""
    one = _SPACE.sub(" ", str(text)).strip()
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Reading:
    """One value of one field, as one finder read it."""

    value: Any
    evidence: Evidence


def best(readings: list[Reading]) -> tuple[Reading | None, list[Reading]]:
    """The surest reading of a field, and the readings as sure as it that give another value (an
    ambiguity to report, not to settle silently). Empty values (None, "", [], {}) are no reading."""
    present = [r for r in readings if r.value not in (None, "", [], {}, ())]
    if not present:
        return None, []
    top = max(r.evidence.confidence for r in present)
    leaders = [r for r in present if r.evidence.confidence == top]
    chosen = leaders[0]
    rivals = [r for r in leaders[1:] if r.value != chosen.value]
    return chosen, rivals


def disputed(chosen: Reading, rivals: list[Reading]) -> Evidence:
    """The evidence of a value taken although the page also gives others: where it was read, and where
    the others were (``line 12; also read: 65536 (line 40)``)."""
    others = ", ".join(f"{r.value!r} ({r.evidence.where})" for r in rivals)
    ev = chosen.evidence
    return Evidence(f"{ev.where}; also read: {others}", ev.snippet, ev.method, ev.confidence)


def ambiguity(field: str, chosen: Reading, rivals: list[Reading]) -> str:
    """The problem that says a field was read two ways, equally surely."""
    parts = [f"{chosen.value!r} ({chosen.evidence.where})"]
    parts += [f"{r.value!r} ({r.evidence.where})" for r in rivals]
    return f"ambiguous {field}: {' vs '.join(parts)}; took the first"
