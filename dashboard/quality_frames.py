"""A model's quality facts and its offers at each quantization as the tables the pages show (pure: no
Streamlit, no I/O).

- `quality_rows(facts)`: one row per fact (Artificial Analysis' indices first, then Design Arena's Elo per
  category), each labelled with who measured it, the source it came through and since when
  ("Artificial Analysis, via OpenRouter, since 2026-06-01").
- `quality_summary(facts)`: the three indices in a few words, for a row of the recommender's table.
- `quantization_rows(offers)`: same model, other quantization, cheapest first, unknown quantization marked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pandas as pd

from dashboard.text import number
from db.catalog.quality import AGENTIC, CODING, INDICES, INTELLIGENCE, Quality
from db.recommend.quantizations import QuantizedOffer

#: Who measured a fact, as people write it (the store keeps the crawl's spelling).
PUBLISHERS = {"artificial_analysis": "Artificial Analysis", "design_arena": "Design Arena"}
#: The sources a fact comes through, as people write them.
SOURCES = {"openrouter": "OpenRouter", "modelsdev": "models.dev", "litellm": "LiteLLM"}
INDEX_NAMES = {INTELLIGENCE: "intelligence index", CODING: "coding index", AGENTIC: "agentic index"}
SHORT_NAMES = {INTELLIGENCE: "intelligence", CODING: "coding", AGENTIC: "agentic"}
_ARENA = "design_arena:"
UNKNOWN_QUANTIZATION = "? not published"
QUALITY_COLUMNS = ["measure", "value", "scale", "publisher", "via", "since", "label"]
QUANTIZATION_COLUMNS = [
    "provider",
    "quantization",
    "input /1M",
    "output /1M",
    "currency",
    "TTFT p90 ms",
    "TTFT from",
    "provider model id",
]


def publisher_name(publisher: str) -> str:
    return PUBLISHERS.get(publisher, publisher.replace("_", " "))


def source_name(source: str) -> str:
    return SOURCES.get(source, source)


def measure_name(name: str) -> str:
    """``intelligence_index`` -> "intelligence index"; ``design_arena:website`` -> "Elo: website";
    ``design_arena:video:text_to_video`` -> "Elo: video, text to video"."""
    if name in INDEX_NAMES:
        return INDEX_NAMES[name]
    if name.startswith(_ARENA):
        return "Elo: " + ", ".join(part.replace("_", " ") for part in name[len(_ARENA) :].split(":"))
    return name.replace("_", " ")


def fact_label(fact: Quality) -> str:
    """ "Artificial Analysis, via OpenRouter, since 2026-06-01" (and "until ..." for a past value)."""
    label = f"{publisher_name(fact.publisher)}, via {source_name(fact.source)}, since {fact.since:%Y-%m-%d}"
    return label if fact.until is None else f"{label}, until {fact.until:%Y-%m-%d}"


def _order(fact: Quality) -> tuple[int, int, str]:
    """The indices the recommender reads first (in their order), other indices, then arenas by name."""
    if fact.name in INDICES:
        return (0, INDICES.index(fact.name), "")
    return (1 if not fact.name.startswith(_ARENA) else 2, 0, fact.name)


def quality_rows(facts: Iterable[Quality]) -> pd.DataFrame:
    """One row per fact, in `_order` (then by date, for a history)."""
    rows: list[dict[str, Any]] = []
    for fact in sorted(facts, key=lambda f: (_order(f), f.since)):
        rows.append(
            {
                "measure": measure_name(fact.name),
                "value": fact.value,
                "scale": "0-100" if fact.name.endswith("_index") else "Elo",
                "publisher": publisher_name(fact.publisher),
                "via": source_name(fact.source),
                "since": fact.since,
                "label": fact_label(fact),
            }
        )
    return pd.DataFrame(rows, columns=QUALITY_COLUMNS)


def quality_summary(facts: Mapping[str, Quality]) -> str | None:
    """ "intelligence 57.7 · coding 52.9 · agentic 45.1" (the indices the model has); None: unrated."""
    parts = [f"{SHORT_NAMES[name]} {facts[name].value:g}" for name in INDICES if name in facts]
    return " · ".join(parts) or None


def index_value(facts: Mapping[str, Quality], name: str) -> float | None:
    fact = facts.get(name)
    return fact.value if fact is not None else None


def quantization_label(offer: QuantizedOffer) -> str:
    """The quantization as published; marked with "?" when not published, published as ``unknown``, or
    not in the known order."""
    if offer.quantization is None:
        return UNKNOWN_QUANTIZATION
    if offer.rank is not None:
        return offer.quantization
    if offer.quantization.strip().casefold() == "unknown":  # OpenRouter's word for "not published"
        return "? unknown"
    return f"? {offer.quantization} (not in the order)"


def price_pair(offer: QuantizedOffer) -> str:
    """ "0.27/0.95" (input/output per 1M tokens; "—" where not published)."""
    return "/".join("—" if v is None else f"{v.normalize():f}" for v in (offer.input, offer.output))


def _price_key(offer: QuantizedOffer, currency: str) -> tuple[Any, ...]:
    never = Decimal("Infinity")
    return (
        offer.currency != currency,  # another currency does not compare: after
        offer.input if offer.input is not None else never,
        offer.output if offer.output is not None else never,
        offer.endpoint.label.casefold(),
    )


def by_price(offers: Sequence[QuantizedOffer], currency: str = "USD") -> list[QuantizedOffer]:
    """Cheapest input first (then output); offers in another currency than `currency` last."""
    return sorted(offers, key=lambda o: _price_key(o, currency))


def quantization_rows(offers: Sequence[QuantizedOffer], currency: str = "USD") -> pd.DataFrame:
    """Same model, other quantization: one row per active offer, cheapest first (`by_price`)."""
    rows = [
        {
            "provider": o.endpoint.label,
            "quantization": quantization_label(o),
            "input /1M": number(o.input),
            "output /1M": number(o.output),
            "currency": o.currency,
            "TTFT p90 ms": o.ttft_p90_ms,
            "TTFT from": o.ttft_source,
            "provider model id": o.endpoint.provider_model_id,
        }
        for o in by_price(offers, currency)
    ]
    return pd.DataFrame(rows, columns=QUANTIZATION_COLUMNS)


@dataclass(frozen=True)
class GivesUp:
    """What the cheapest offer gives up against the cheapest at the best known quantization."""

    cheapest: QuantizedOffer
    best: QuantizedOffer


def gives_up(offers: Sequence[QuantizedOffer], currency: str = "USD") -> GivesUp | None:
    """The cheapest offer and the cheapest at the best quantization known among the offers, when they
    differ in quantization (None: nothing to compare: one quantization, or no known one)."""
    priced = [o for o in by_price(offers, currency) if o.currency == currency and o.input is not None]
    known = [o for o in priced if o.rank is not None]
    if not priced or not known:
        return None
    top = max(o.rank for o in known if o.rank is not None)
    best = next(o for o in known if o.rank == top)
    cheapest = priced[0]
    if cheapest.rank == top:
        return None
    return GivesUp(cheapest, best)
