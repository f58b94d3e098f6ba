"""The prices of one offer read from table cells: every price of every cell under (or beside) a label of a
price role, with the grid position it was read at, settled into the standard price, its notes and its
ambiguities by `crawler.extract.price_choice.settle_prices`.

A cell is read by `crawler.extract.price_cells.read_cell` with its column header and row label as context
(they may give the unit, the currency and what the price is: ``Batch API``, ``DISCOUNT PRICE``, ``> 200K``).
What only the table's layout says is added here: a ``Free Tier`` column beside a ``Paid Tier`` one holds
free-tier prices, and a second column of a role already priced (``1h Cache Writes`` after ``5m Cache
Writes``) holds a variant, noted under its header's words rather than reported as an ambiguity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.extract.evidence import evidence
from crawler.extract.grid import Cell
from crawler.extract.listed import Listed
from crawler.extract.price_cells import CellPrice, read_cell
from crawler.extract.price_choice import PriceMention, settle_prices
from crawler.extract.qualifiers import RANGE, STANDARD, TIER
from crawler.extract.table_labels import label_role, plan_kind

_ROLE_WORDS = re.compile(
    r"\b(?:base|input|output|prompt|completion|cached?|writes?|reads?|hits?|refresh(?:es)?|tokens?|"
    r"price|prices|&|and|per|mtok|1m|million)\b",
    re.I,
)


@dataclass
class OfferPrices:
    """The price mentions of one offer, each with the grid position it was read at; settled into the
    standard price, notes and ambiguities by `crawler.extract.price_choice.settle_prices`."""

    mentions: list[PriceMention] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    words: dict[str, str] = field(default_factory=dict)  # per kind of note, the words it goes under

    def add(
        self,
        role: str,
        cell: Cell,
        *,
        header: str,
        row: str,
        place: str,
        kind: str | None = None,
        only_noted: bool = False,
    ) -> None:
        """Every price of a cell under a column (or in a row) of `role`; `kind` overrides what the words
        would call a standard price (a ``Free Tier`` column, a second ``Cache Writes`` column); with
        `only_noted`, standard prices are left out (a table that only adds tiers to known offers)."""
        prices = read_cell(cell.text, header=_unit_first(header), row=row)
        paired = _pairs(prices) if role == "blended" else {}
        for position, price in enumerate(prices):
            if price.per == "request" and role != "request":
                continue
            which, words = price.kind, price.words
            if kind is not None and which == STANDARD:
                which, words = kind, header
            if only_noted and which == STANDARD:
                continue
            if which not in (STANDARD, TIER, RANGE):  # one note per kind, whatever each cell adds
                words = self.words.setdefault(which, words)
            roles: tuple[str, ...] = (role,)
            if role == "blended":  # "Input: $15 / MTok" in a "Pricing" cell says which price it is
                named = label_role(price.text.split("$")[0]) if "$" in price.text else None
                if position in paired:
                    roles = (paired[position],)
                elif named in ("input", "output", "cache_read", "cache_write"):
                    roles = (named,)
                else:
                    roles = ("input", "output")
            for one in roles:
                self.places.append(place)
                self.mentions.append(
                    PriceMention(
                        role=one,
                        amount=price.amount,
                        currency=price.currency,
                        line=len(self.places) - 1,
                        kind=which,
                        words=words,
                        snippet=price.text,
                        method="table",
                    )
                )

    def settle(self, offer: Listed) -> None:
        if not self.mentions:
            return
        choice = settle_prices(self.mentions)
        offer.notes.extend(note for note in choice.notes if note not in offer.notes)
        offer.problems.extend(choice.problems)
        if choice.pricing is None:
            return
        offer.pricing, offer.currency = choice.pricing, choice.currency
        places = list(dict.fromkeys(self.places[line] for line in choice.lines.values()))
        snippet = choice.evidence.snippet if choice.evidence else ""
        offer.evidence["pricing"] = evidence("table", "; ".join(places), snippet)


def header_kinds(labels: list[str], price_cols: dict[int, str]) -> dict[int, str | None]:
    """Per price column, the kind its header forces: a free plan, or a second column of a role already
    priced (``1h Cache Writes`` after ``5m Cache Writes``: noted under its header's words)."""
    kinds: dict[int, str | None] = {}
    seen: set[str] = set()
    for index, role in price_cols.items():
        kind = plan_kind(labels[index])
        if kind is None and _standard_words(labels[index]):
            roles = {"input", "output"} if role == "blended" else {role}
            kind = _qualifier_kind(labels[index]) if roles & seen else None
            seen |= roles
        kinds[index] = kind
    return kinds


def _standard_words(label: str) -> bool:
    """Whether the price reader would call this column's prices standard (no batch, discount, tier words)."""
    prices = read_cell("$1", header=label)
    return bool(prices) and prices[0].kind == STANDARD


def _qualifier_kind(label: str) -> str:
    words = _ROLE_WORDS.sub(" ", label).split()
    return "_".join(w.lower() for w in words) or "other"


def _pairs(prices: list[CellPrice]) -> dict[int, str]:
    """Two standard prices on one line of a ``Price`` cell (``$0.20 / $0.60``) are input then output."""
    by_line: dict[str, list[int]] = {}
    for position, price in enumerate(prices):
        if price.kind == STANDARD:
            by_line.setdefault(price.text, []).append(position)
    paired: dict[int, str] = {}
    for positions in by_line.values():
        if len(positions) == 2:
            paired[positions[0]], paired[positions[1]] = "input", "output"
    return paired


_UNIT_WITH_ROLE = re.compile(
    r"(per\s+(?:1\s*)?[\d,.]*\s*(?:k|m|thousand|million)?)\s+(?:input|output|prompt|completion|cached)\s+(tokens?)",
    re.I,
)


def _unit_first(header: str) -> str:
    """A header's unit with its role taken out (``Price per 1,000 input tokens`` -> ``Price per 1,000
    tokens``), so that the unit reads as one."""
    return _UNIT_WITH_ROLE.sub(r"\1 \2", header)
