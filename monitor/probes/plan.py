"""What probing costs per day (`modelwatch probe --plan`).

Each enabled probe is priced at the current price of the catalog endpoint it measures
(`monitor.probes.matching`): the request the probe really sends (`monitor.probes.request.build_request`:
its prompt, estimated at four characters a token, plus the chat framing) in, ``max_tokens`` out (an upper
bound: replies may stop earlier), times its runs per day.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from db.catalog.queries import Offer
from monitor.config import Config
from monitor.probes.matching import match_offer
from monitor.probes.request import ProbeRequest, build_request

#: Tokens a chat request adds around the prompt (role markers, template): a rough, generous figure.
CHAT_FRAMING_TOKENS = 10
MILLION = Decimal(1_000_000)


def estimate_input_tokens(request: ProbeRequest) -> int:
    """The prompt tokens of a probe's request: about four characters per token, plus the chat framing."""
    messages = (request.json or {}).get("messages") or []
    text = "".join(str(message.get("content", "")) for message in messages)
    return math.ceil(len(text) / 4) + CHAT_FRAMING_TOKENS


@dataclass(frozen=True)
class PlanRow:
    """What one probe costs per day at the matched endpoint's current price."""

    probe: str
    every_s: float
    runs_per_day: float
    input_tokens: int
    output_tokens: int
    offer: Offer | None
    cost_per_day: Decimal | None  # None when the price is unknown
    note: str

    @property
    def currency(self) -> str:
        return self.offer.currency if self.offer is not None else "USD"


def probe_plan(config: Config, offers: Sequence[Offer]) -> list[PlanRow]:
    """The estimated daily cost of each enabled probe."""
    rows = []
    for probe in config.probes:
        if not probe.enabled:
            continue
        every_s = probe.every.total_seconds()
        runs = 86400 / every_s
        if probe.protocol == "http":
            rows.append(PlanRow(probe.name, every_s, runs, 0, 0, None, Decimal(0), "plain GET: no tokens"))
            continue
        tokens_in = estimate_input_tokens(build_request(probe, None))
        tokens_out = probe.max_tokens
        offer = match_offer(probe, offers, config)
        if offer is None:
            note = "price unknown: no matching endpoint in the catalog (crawl first, or set provider)"
            rows.append(PlanRow(probe.name, every_s, runs, tokens_in, tokens_out, None, None, note))
            continue
        if offer.input is None or offer.output is None:
            note = f"price unknown: {offer.provider} publishes no token price"
            rows.append(PlanRow(probe.name, every_s, runs, tokens_in, tokens_out, offer, None, note))
            continue
        per_run = (offer.input * tokens_in + offer.output * tokens_out) / MILLION
        note = f"{offer.provider} {offer.model}"
        cost = per_run * Decimal(str(runs))
        rows.append(PlanRow(probe.name, every_s, runs, tokens_in, tokens_out, offer, cost, note))
    return rows


def format_plan(rows: Sequence[PlanRow]) -> str:
    """The plan as a table, with the total per currency."""
    if not rows:
        return "no probes configured (add [[probes]] to modelwatch.toml)"
    header = f"{'probe':<28} {'every':>8} {'runs/day':>9} {'tokens in/out':>14} {'cost/day':>12}  endpoint"
    lines = [header, "-" * len(header)]
    totals: dict[str, Decimal] = {}
    unknown = 0
    for row in rows:
        if row.cost_per_day is None:
            cost = "?"
            unknown += 1
        else:
            cost = f"{row.cost_per_day:.4f}"
            totals[row.currency] = totals.get(row.currency, Decimal(0)) + row.cost_per_day
        tokens = f"{row.input_tokens}/{row.output_tokens}"
        every = _every_text(row.every_s)
        lines.append(
            f"{row.probe:<28} {every:>8} {row.runs_per_day:>9.0f} {tokens:>14} {cost:>12}  {row.note}"
        )
    total = ", ".join(f"{amount:.4f} {currency}" for currency, amount in sorted(totals.items())) or "0"
    lines.append(
        f"estimated total per day: {total}" + (f" (+ {unknown} probe(s) of unknown price)" if unknown else "")
    )
    lines.append("(input: prompt + chat framing, estimated; output: max_tokens, an upper bound)")
    return "\n".join(lines)


def _every_text(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
