"""Same model, other quantization: a model's active endpoints side by side (the provider, its quantization,
its price, its measured TTFT), so a user sees what a cheaper price gives up. For the model page.

Ordered by quantization, best first (fp32, bf16 = fp16, fp8, int8, fp6, fp4 = int4; not published or
unknown last), then by input price; the TTFT is the one the recommender judges (`figures_of`: our probes'
p90, else the aggregator's, labelled).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from db.catalog.state import EndpointState
from db.recommend.constraints import quantization_rank
from db.recommend.ranking import figures_of

if TYPE_CHECKING:
    from db.catalog.snapshot import CatalogSnapshot


@dataclass(frozen=True)
class QuantizedOffer:
    endpoint: EndpointState
    quantization: str | None  # as published; None: not published
    rank: int | None  # its place in the order (higher is better); None: not published or unknown
    input: Decimal | None  # per 1M tokens, in `currency`
    output: Decimal | None
    currency: str
    ttft_p90_ms: float | None
    ttft_source: str | None  # "probe" or the aggregator's name


def quantizations_of(snapshot: CatalogSnapshot, model: str) -> list[QuantizedOffer]:
    """The active endpoints of `model` (a canonical id), best quantization first, then cheapest input."""
    offers = []
    for endpoint in snapshot.endpoints_of(model):
        if endpoint.removed_at is not None:
            continue
        figures, prices = figures_of(endpoint), endpoint.prices
        offers.append(
            QuantizedOffer(
                endpoint=endpoint,
                quantization=endpoint.quantization,
                rank=quantization_rank(endpoint.quantization),
                input=prices.input if prices is not None else None,
                output=prices.output if prices is not None else None,
                currency=endpoint.currency,
                ttft_p90_ms=figures.ttft_p90_ms,
                ttft_source=figures.ttft_source,
            )
        )
    never = Decimal("Infinity")
    offers.sort(
        key=lambda o: (
            -(o.rank if o.rank is not None else -1),
            o.input if o.input is not None else never,
            o.endpoint.label.casefold(),
        )
    )
    return offers
