"""The static model-page extractor: one HTML page in, the model offers it shows out.

Pure functions, no I/O. Structure first (JSON-LD, embedded JSON such as ``__NEXT_DATA__``, multi-model
pricing tables, parameter tables), then text patterns over a line-preserving rendering of the page.
Where a fact is not on the page the field is None (``pricing=None`` and the problem "no price found",
never zeros); ``0`` only when the page says ``$0`` or ``Free``. Garbage in gives no offers and a problem,
never an exception.

`offer_to_json` gives the ``modelwatch extract --json`` object. Prices there are JSON numbers that print
exactly as the page's decimals (``0.27`` stays ``0.27``): whole numbers become ints, the rest floats made
from the Decimal's text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from crawler.extract.context import counts_agree, read_context_lengths, read_max_outputs, read_released
from crawler.extract.currency import USD
from crawler.extract.embedded import embedded_lines
from crawler.extract.endpoints import find_endpoints
from crawler.extract.evidence import Evidence, Reading, ambiguity, disputed, evidence
from crawler.extract.htmltext import Document, parse_document
from crawler.extract.identity import find_model_id, find_name, find_provider
from crawler.extract.image_prices import price_images
from crawler.extract.listed import Listed
from crawler.extract.params import find_parameters
from crawler.extract.prices import find_prices, settle_prices
from crawler.extract.quantities import unglue_dates
from crawler.extract.rates import stated_rate
from crawler.extract.several import read_several
from crawler.extract.structured import Found, pick_records, read_json_ld, read_json_records

logger = logging.getLogger(__name__)

NO_PRICE = "no price found"
NO_MODEL = "no model id found"


@dataclass(frozen=True)
class PageOffer:
    """One model offered at one provider, as a model page shows it; prices per 1M tokens."""

    url: str
    provider: str | None
    model: str | None
    name: str | None
    context_length: int | None
    max_output_tokens: int | None
    pricing: dict[str, Decimal] | None
    currency: str
    parameters: tuple[str, ...]
    parameter_defaults: dict[str, str]
    endpoints: tuple[str, ...]
    released: date | None
    #: why each field has its value: the evidence of the reading chosen (fields read from nowhere: absent)
    evidence: dict[str, Evidence] = field(default_factory=dict, compare=False)
    #: what the page says beside the standard price (a promotion, a batch rate, a tier), in words
    notes: tuple[str, ...] = ()
    #: the USD value of one unit of `currency` as the page states it (``1 credit = $1.00``); None: not stated
    usd_rate: Decimal | None = None


@dataclass(frozen=True)
class PageExtraction:
    """The offers found on a page and, in words, what was expected but not found."""

    offers: list[PageOffer]
    problems: list[str]


def extract_page(html: str, *, url: str, provider: str | None = None) -> PageExtraction:
    """Extract the model offers a model page shows; ``provider`` overrides what the page suggests."""
    if not isinstance(html, str) or not html.strip():
        return PageExtraction(offers=[], problems=["empty page"])
    doc = parse_document(html)
    if not doc.lines and not doc.json_ld and not doc.json_blobs:
        return PageExtraction(offers=[], problems=["no readable HTML content"])
    lines = [unglue_dates(line) for line in doc.lines]
    provider = provider or find_provider(lines, url=url, site_name=doc.meta.get("og:site_name"))
    endpoints = tuple(find_endpoints(lines, url=url) or find_endpoints(embedded_lines(doc.embedded), url=url))
    rows = read_several(doc)  # the models of a pricing table, of repeated cards or of a model list
    if len(rows) >= 2:
        return _cut(doc, lines, _extract_rows(rows, url=url, provider=provider, endpoints=endpoints))
    listed = pick_records(read_json_records(doc.embedded), text_model=None, url=url)
    if len(listed) >= 2:  # a list page whose models are in its embedded data
        return _cut(doc, lines, _extract_records(listed, url=url, provider=provider, endpoints=endpoints))
    single = _extract_single(doc, lines, url=url, provider=provider, endpoints=endpoints, rows=rows)
    return _cut(doc, lines, single)


def _cut(doc: Document, lines: list[str], extraction: PageExtraction) -> PageExtraction:
    """`extraction` with what of the page was not read (a page over the size budget) among its problems,
    and the rate the page states for its own unit (`stated_rate`) on each offer priced in that unit."""
    extraction.problems.extend(doc.problems)
    if not any(o.pricing is not None and o.currency != USD for o in extraction.offers):
        return extraction
    rate = stated_rate(lines)
    if rate is None:
        return extraction
    extraction.offers[:] = [
        replace(o, usd_rate=rate.usd, evidence={**o.evidence, "usd_rate": rate.evidence})
        if o.pricing is not None and o.currency == rate.currency
        else o
        for o in extraction.offers
    ]
    return extraction


def offer_to_json(offer: PageOffer, *, explain: bool = False) -> dict[str, Any]:
    """The ``extract --json`` object for one offer (prices as exactly-printing JSON numbers); with
    `explain`, also each field's evidence (where it was read, the text, how sure)."""
    found: dict[str, Any] = {
        "url": offer.url,
        "provider": offer.provider,
        "model": offer.model,
        "name": offer.name,
        "context_length": offer.context_length,
        "max_output_tokens": offer.max_output_tokens,
        "pricing": None if offer.pricing is None else {k: _json_number(v) for k, v in offer.pricing.items()},
        "currency": offer.currency if offer.pricing is not None else None,  # no price, no currency
        "usd_rate": _json_number(offer.usd_rate) if offer.usd_rate is not None else None,
        "parameters": list(offer.parameters),
        "parameter_defaults": dict(offer.parameter_defaults),
        "endpoints": list(offer.endpoints),
        "released": offer.released.isoformat() if offer.released else None,
        "notes": list(offer.notes),
    }
    if explain:
        found["evidence"] = {name: ev.to_json() for name, ev in sorted(offer.evidence.items())}
    return found


def _extract_single(
    doc: Document,
    lines: list[str],
    *,
    url: str,
    provider: str | None,
    endpoints: tuple[str, ...],
    rows: Sequence[Found],
) -> PageExtraction:
    text_model = find_model_id(lines, url=url)
    structured = _pick_structured(doc, text_model=text_model, url=url)
    sources = [s for s in (structured, read_json_ld(doc.json_ld), rows[0] if rows else None) if s]
    why: dict[str, Evidence] = {}

    def pick(name: str, fallback: Any = None, *, where: str = "page text") -> Any:
        """The field from the first structured source that has it, else the text finders' value."""
        for source in sources:
            value = getattr(source, name)
            if value:
                why[name] = evidence(source.method, source.where, f"{name}: {_shown(value)}")
                return value
        if isinstance(fallback, Reading):  # a text finder's value, with where it read it
            why[name] = fallback.evidence
            return fallback.value
        if fallback:
            why[name] = evidence("text", where, _shown(fallback))
        return fallback

    model = pick("model", text_model, where="page text or address")
    listed = pick("parameters")
    documented = find_parameters(doc, lines, listed=Reading(listed, why["parameters"]) if listed else None)
    params = documented.names
    if documented.evidence:
        why["parameters"] = documented.evidence
    pricing = pick("pricing")
    currency = _first(s.currency for s in sources)
    prices = settle_prices(find_prices(lines)) if pricing is None else None
    if prices is not None:  # the standard price from the text; the others noted, ambiguities reported
        pricing, currency = prices.pricing, prices.currency
        if prices.evidence is not None:
            why["pricing"] = prices.evidence
    name = pick("name", find_name(lines, h1=doc.h1, title=doc.title, model=model), where="heading or title")
    sizes = {
        "context_length": _size("context_length", read_context_lengths(lines)),
        "max_output_tokens": _size("max_output_tokens", read_max_outputs(lines)),
    }
    offer = PageOffer(
        url=url,
        provider=provider or pick("provider"),
        model=model,
        name=name,
        context_length=pick("context_length", sizes["context_length"][0]),
        max_output_tokens=pick("max_output_tokens", sizes["max_output_tokens"][0]),
        pricing=pricing,
        currency=currency or "USD",
        parameters=tuple(params),
        parameter_defaults=documented.defaults,
        endpoints=endpoints,
        released=pick("released", read_released(lines)),
        evidence=why,
        notes=prices.notes if prices else (),
    )
    problems = ([NO_MODEL] if model is None else []) + ([_no_price(doc)] if pricing is None else [])
    problems += list(prices.problems) if prices else []
    for size_name, (reading, unclear) in sizes.items():  # two sizes in the text, and the text's was taken
        if unclear and reading is not None and why.get(size_name) is reading.evidence:
            problems.append(unclear)
    if model is None and pricing is None and offer.context_length is None:
        return PageExtraction(offers=[], problems=["no model offer found", *problems])
    return PageExtraction(offers=[offer], problems=problems)


def _size(name: str, readings: list[Reading]) -> tuple[Reading | None, str | None]:
    """The first of a size's readings in the text, and the ambiguity when others give another size
    (``128K`` and ``131,072`` are one size): the problem saying so, the reading's evidence naming them."""
    if not readings:
        return None, None
    chosen = readings[0]
    rivals: list[Reading] = []
    for reading in readings[1:]:
        if not any(counts_agree(reading.value, known.value) for known in (chosen, *rivals)):
            rivals.append(reading)
    if not rivals:
        return chosen, None
    return Reading(chosen.value, disputed(chosen, rivals)), ambiguity(name, chosen, rivals)


def _no_price(doc: Document) -> str:
    """The no-price problem; where the page shows an image where prices would be, it says so."""
    images = price_images(doc.root)
    if not images:
        return NO_PRICE
    return f"{NO_PRICE} (prices shown as an image are not read: {', '.join(images)})"


def _extract_rows(
    rows: list[Listed], *, url: str, provider: str | None, endpoints: tuple[str, ...]
) -> PageExtraction:
    offers = [
        PageOffer(
            url=url,
            provider=provider,
            model=row.model,
            name=row.name,
            context_length=row.context_length,
            max_output_tokens=row.max_output_tokens,
            pricing=row.pricing,
            currency=row.currency or "USD",
            parameters=(),
            parameter_defaults={},
            endpoints=endpoints,
            released=row.released,
            evidence={
                name: row.evidence.get(name)
                or evidence(row.method, row.where, f"{name}: {_shown(getattr(row, name))}")
                for name in ("model", "name", "context_length", "max_output_tokens", "pricing", "released")
                if getattr(row, name)
            },
            notes=tuple(row.notes),
        )
        for row in rows
    ]
    unnamed = [repr(row.name) for row in rows if row.model is None]
    unpriced = [repr(row.model or row.name) for row in rows if row.pricing is None]
    problems = [f"{NO_MODEL} for {', '.join(unnamed)}"] if unnamed else []
    problems += [f"{NO_PRICE} for {', '.join(unpriced)}"] if unpriced else []
    problems += [problem for row in rows for problem in row.problems]
    return PageExtraction(offers=offers, problems=problems)


def _pick_structured(doc: Document, *, text_model: str | None, url: str) -> Found | None:
    records = pick_records(read_json_records(doc.embedded), text_model=text_model, url=url)
    return records[0] if records else None


def _extract_records(
    records: list[Found], *, url: str, provider: str | None, endpoints: tuple[str, ...]
) -> PageExtraction:
    """One offer per model record of a list page's embedded data, each read where its record sits."""
    offers = []
    for record in records:
        fields = ("model", "name", "context_length", "max_output_tokens", "pricing", "parameters", "released")
        offers.append(
            PageOffer(
                url=url,
                provider=provider,
                model=record.model,
                name=record.name,
                context_length=record.context_length,
                max_output_tokens=record.max_output_tokens,
                pricing=record.pricing,
                currency=record.currency or "USD",
                parameters=tuple(record.parameters),
                parameter_defaults={},
                endpoints=tuple(record.endpoints) or endpoints,
                released=record.released,
                evidence={
                    name: evidence(record.method, record.where, f"{name}: {_shown(getattr(record, name))}")
                    for name in fields
                    if getattr(record, name)
                },
            )
        )
    unpriced = [repr(record.model) for record in records if record.pricing is None]
    problems = [f"{NO_PRICE} for {', '.join(unpriced)}"] if unpriced else []
    return PageExtraction(offers=offers, problems=problems)


def _shown(value: Any) -> str:
    """A value as the evidence snippet shows it (prices as `input 0.27, output 1.1`)."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _first(values: Any) -> Any:
    return next((v for v in values if v), None)


def _json_number(amount: Decimal) -> int | float:
    if amount == amount.to_integral_value():
        return int(amount)
    return float(str(amount))
