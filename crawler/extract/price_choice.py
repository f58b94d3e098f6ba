"""The offer's prices from the price mentions of a page: the standard price per role, its currency, the
evidence of what was read, the notes on everything else, and the ambiguities.

- The standard price of a role is its standard mention. Without one, a promotional price stands for it
  (what is paid now), unless the same line shows the struck-through price it replaces: that one is the
  standard price then. Old, batch, off-peak, tier, lower-bound and range prices never do; they are noted.
- The currency is the first one the standard prices carry, a real currency before ``credits``; prices in
  another currency are noted (``also priced in EUR: input 0.37``), never converted.
- Two standard prices for the same role that differ are an ambiguity: the first is taken and a problem
  says so (`crawler.extract.evidence.ambiguity`).
- Notes are grouped by what they are: ``batch price: input 0.75, output 3``, ``price above 200K prompt
  tokens: input 2.5``, ``old price, struck through: input 0.014``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from crawler.extract.currency import CREDITS, USD
from crawler.extract.evidence import Evidence, Reading, ambiguity, evidence
from crawler.extract.qualifiers import AUDIO, BATCH, DISCOUNT, FROM, OLD, PROMO, RANGE, STANDARD, TIER
from crawler.extract.quantities import tidy

_LEAD = {
    OLD: "old price, {words}",
    PROMO: "promotional price ({words})",
    DISCOUNT: "discount price ({words})",
    BATCH: "batch price",
    TIER: "price {words}",
    FROM: "lower bound, not a standard price (from)",
    RANGE: "price range",
    AUDIO: "audio input price",
    "currency": "also priced in {currency}",
}


@dataclass(frozen=True)
class PriceMention:
    """One price read from the page: role, amount per 1M tokens (or per request), its currency, the
    line it is on, what it is (`crawler.extract.qualifiers`: standard, old, promo, batch, tier, ...) and
    the text it was read from."""

    role: str
    amount: Decimal
    currency: str | None
    line: int
    kind: str = STANDARD
    words: str = ""  # what the page says it is ("above 200K tokens", "50% off until Dec 31")
    snippet: str = ""  # the text it was read from
    #: how it was read: "text" (a label on its line or just above) or "table" (a cell under its column's
    #: header, in a row that another label may head, such as another provider's)
    method: str = "text"


@dataclass(frozen=True)
class PriceChoice:
    """What a page's price mentions settle into."""

    pricing: dict[str, Decimal] | None
    currency: str | None  # None when no price was found
    evidence: Evidence | None = None
    notes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    #: per role, the line the standard price was read on
    lines: dict[str, int] = field(default_factory=dict)


def choose_prices(mentions: list[PriceMention]) -> tuple[dict[str, Decimal] | None, str]:
    """The standard price per role and the currency (`settle_prices` gives the rest)."""
    choice = settle_prices(mentions)
    return choice.pricing, choice.currency or USD


def settle_prices(mentions: list[PriceMention]) -> PriceChoice:
    """The standard prices, currency, evidence, notes and ambiguities of a page's price mentions. A
    discount the page gives only as a rule (``Batch API: 50% off``) is no note: nothing is computed."""
    currency = _main_currency(mentions)
    mine = [m for m in mentions if (m.currency or currency) == currency]
    chosen: dict[str, PriceMention] = {}
    notes: dict[tuple[str, str, str], dict[str, list[Decimal]]] = {}
    problems: list[str] = []
    for role in dict.fromkeys(m.role for m in mine):
        of_role = [m for m in mine if m.role == role]
        standard = _standard(of_role)
        if standard is None:
            continue
        chosen[role] = standard
        rivals = [
            m
            for m in of_role
            if m.kind == standard.kind and m.method == standard.method and m.amount != standard.amount
        ]
        if standard.kind == STANDARD and rivals:
            problems.append(ambiguity(f"pricing.{role}", _reading(standard), [_reading(r) for r in rivals]))
    for mention in mentions:
        if (chosen.get(mention.role) is mention and mention.kind != PROMO) or (
            mention.kind == STANDARD and (mention.currency or currency) == currency
        ):
            continue
        if mention.method != chosen.get(mention.role, mention).method:
            continue  # a table of other offers beside the page's own price
        key = _note_key(mention, currency)
        notes.setdefault(key, {}).setdefault(mention.role, []).append(mention.amount)
    pricing = {role: m.amount for role, m in chosen.items()}
    words = [_note_words(key, amounts) for key, amounts in notes.items()]
    return PriceChoice(
        pricing=pricing or None,
        currency=currency if pricing else None,
        evidence=_evidence(list(chosen.values())) if chosen else None,
        notes=tuple(dict.fromkeys(words)),
        problems=tuple(problems),
        lines={role: m.line for role, m in chosen.items()},
    )


def _main_currency(mentions: list[PriceMention]) -> str:
    current = [m.currency for m in mentions if m.kind in (STANDARD, PROMO) and m.currency]
    real = [c for c in current if c != CREDITS]
    if real:
        return real[0]
    if current:
        return CREDITS
    return next((m.currency for m in mentions if m.currency), USD)


def _standard(of_role: list[PriceMention]) -> PriceMention | None:
    """The role's standard price: labelled text before a table cell (a model page's own price before a
    table of other offers), then in page order."""
    ranked = sorted(of_role, key=lambda m: m.method != "text")
    standard = next((m for m in ranked if m.kind == STANDARD), None)
    if standard is not None:
        return standard
    promo = next((m for m in ranked if m.kind == PROMO), None)
    if promo is None:
        return None
    replaced = next((m for m in of_role if m.kind == OLD and m.line == promo.line), None)
    return replaced or promo


def _note_key(mention: PriceMention, currency: str) -> tuple[str, str, str]:
    other = mention.currency if mention.currency and mention.currency != currency else ""
    if mention.kind == STANDARD:
        return "currency", "", other
    return mention.kind, mention.words, other


def _note_words(key: tuple[str, str, str], amounts: dict[str, list[Decimal]]) -> str:
    kind, words, currency = key
    lead = _LEAD.get(kind, "{words}").format(words=words or kind, currency=currency)
    if currency and kind != "currency":
        lead += f" (in {currency})"
    if kind == RANGE:
        shown = [
            f"{role} {' to '.join(str(tidy(a)) for a in values[:2])}" for role, values in amounts.items()
        ]
    else:
        shown = [f"{role} {tidy(values[0])}" for role, values in amounts.items()]
    return f"{lead}: {', '.join(shown)}"


def _reading(mention: PriceMention) -> Reading:
    return Reading(value=_Plain(tidy(mention.amount)), evidence=_evidence([mention]))


class _Plain(str):
    """A number that prints bare in a problem (``0.27``, not ``Decimal('0.27')``)."""

    def __new__(cls, value: object) -> _Plain:
        return super().__new__(cls, str(value))

    def __repr__(self) -> str:
        return str(self)


def _evidence(mentions: list[PriceMention]) -> Evidence:
    numbers = sorted({m.line + 1 for m in mentions})
    where = f"line {numbers[0]}" if len(numbers) == 1 else f"lines {', '.join(map(str, numbers))}"
    texts = list(dict.fromkeys(m.snippet for m in sorted(mentions, key=lambda m: m.line) if m.snippet))
    method = "table" if all(m.method == "table" for m in mentions) else "text"
    return evidence(method, where, " / ".join(texts) or where)
