"""One model among several on a page (a table row or column, a card, a linked list item): its facts, the
evidence of each, and what the page says beside its standard price (batch, discount, old, tier prices).

`Listed` extends the structured finders' `Found` with per-field evidence, notes in words (as
`crawler.extract.price_choice.settle_prices` writes them) and problems; `merge_listed` folds the readings
of one model from several places (a pricing table and its batch table) into one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.extract.evidence import Evidence, Reading, ambiguity, best
from crawler.extract.structured import Found

_FIELDS = ("model", "name", "context_length", "max_output_tokens", "released")


@dataclass
class Listed(Found):
    """One model of several on a page, with the evidence of each field it read, its notes (prices
    beside the standard one, in words) and what it left unclear."""

    evidence: dict[str, Evidence] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: a row of a table that only gives alternative prices (a batch table): folded into the same model
    notes_only: bool = False

    @property
    def key(self) -> str | None:
        """What identifies the model across the page's tables: its id, else its display name."""
        return (self.model or self.name or "").strip().lower() or None


def merge_listed(entries: list[Listed]) -> list[Listed]:
    """One entry per model, in page order: later readings of a model fill what the first lacks and add
    their notes; rows that only give notes join the model they name, and are dropped if none."""
    merged: dict[str, Listed] = {}
    ordered: list[Listed] = []
    for entry in entries:
        key = entry.key
        first = merged.get(key) if key else None
        if first is None:
            if entry.notes_only:
                continue
            if key:
                merged[key] = entry
            ordered.append(entry)
            continue
        _fold(first, entry)
    return ordered


def _fold(into: Listed, other: Listed) -> None:
    """`other`'s reading of the same model into `into`: per field the surer reading wins (a table cell
    over a card's text); two equally sure readings that differ are an ambiguity, reported."""
    for name in (*_FIELDS, "pricing"):
        mine, theirs = getattr(into, name), getattr(other, name)
        if theirs is None or (name == "pricing" and other.notes_only):
            continue
        if mine is None or name not in into.evidence or name not in other.evidence:
            if mine is None:
                _take(into, other, name)
            continue
        chosen, rivals = best([Reading(mine, into.evidence[name]), Reading(theirs, other.evidence[name])])
        if chosen is not None and chosen.value is theirs and theirs != mine:
            _take(into, other, name)
        if chosen is not None and rivals:
            into.problems.append(ambiguity(name, chosen, rivals))
    into.notes.extend(note for note in other.notes if note not in into.notes)
    into.problems.extend(problem for problem in other.problems if problem not in into.problems)


def _take(into: Listed, other: Listed, name: str) -> None:
    setattr(into, name, getattr(other, name))
    if name == "pricing":
        into.currency = other.currency
    if name in other.evidence:
        into.evidence[name] = other.evidence[name]
