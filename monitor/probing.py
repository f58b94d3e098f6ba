"""Probes and the catalog: which catalog endpoint a probe measures, and what probing costs per day.

A probe names a model (the provider's id) and, through its protocol, tag or `provider` key, a provider.
The catalog endpoint it measures is the active endpoint of that provider whose model is the probe's
model after the configured aliases (`deepseek-v31-terminus` -> `deepseek/deepseek-v3.1-terminus`):

- `provider_tag` (an endpoint behind OpenRouter): the endpoint with that tag;
- `provider` (or `EigenAI` for protocol eigenai): that provider's endpoint;
- protocol openai without either: OpenRouter's own routed offer.

`probe --plan` prices each probe at that endpoint's current price: a prompt of a few tokens plus the
chat framing in, `max_tokens` out (an upper bound: replies may stop earlier), times runs per day.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.engine import Engine

from db.queries import Offer, current_offers
from monitor.config import Config, Probe

#: The prompt a probe sends when its configuration gives none: short, so a probe costs almost nothing.
DEFAULT_PROMPT = "Reply with the single word OK."
#: Tokens a chat request adds around the prompt (role markers, template): a rough, generous figure.
CHAT_FRAMING_TOKENS = 10
OPENROUTER = "OpenRouter"
MILLION = Decimal(1_000_000)


def probe_prompt(probe: Probe) -> str:
    return probe.prompt or DEFAULT_PROMPT


def provider_of(probe: Probe) -> str | None:
    """The catalog provider a probe measures, when it can be told without the catalog."""
    if probe.provider:
        return probe.provider
    if probe.protocol == "eigenai":
        return "EigenAI"
    if probe.protocol == "openai" and probe.provider_tag is None:
        return OPENROUTER
    return None


def match_offer(probe: Probe, offers: Sequence[Offer], config: Config) -> Offer | None:
    """The catalog endpoint `probe` measures, among `offers` (active endpoints), or None."""
    if probe.protocol == "http" or probe.model is None:
        return None
    provider = provider_of(probe)
    canonical = config.models.canonical(probe.model, provider=provider) or probe.model
    candidates = [o for o in offers if o.model == canonical or o.provider_model_id == probe.model]
    if probe.provider_tag is not None:
        tagged = [o for o in candidates if o.tag == probe.provider_tag]
        return tagged[0] if len(tagged) == 1 else None
    if provider is None:
        return None
    named = [o for o in candidates if o.provider.casefold() == provider.casefold()]
    if provider == OPENROUTER:
        named = [o for o in named if o.tag is None]
    return named[0] if len(named) == 1 else None


def match_endpoints(engine: Engine, config: Config) -> dict[str, int | None]:
    """Probe name -> the catalog endpoint id it measures (None where none matches)."""
    offers = current_offers(engine=engine)
    matched = {}
    for probe in config.probes:
        offer = match_offer(probe, offers, config)
        matched[probe.name] = offer.endpoint_id if offer is not None else None
    return matched


def estimate_input_tokens(prompt: str) -> int:
    """About four characters per token, plus the chat framing."""
    return math.ceil(len(prompt) / 4) + CHAT_FRAMING_TOKENS


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
        tokens_in = estimate_input_tokens(probe_prompt(probe))
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
