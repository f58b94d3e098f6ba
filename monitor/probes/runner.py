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

import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.engine import Engine

from db.catalog.queries import Offer, current_offers
from db.probes.outage import DEGRADED, DOWN, OPENED, OutagePolicy
from db.probes.samples import Sample
from db.probes.store import RecordReport, record_samples
from db.probes.targets import TargetSpec, ensure_targets
from db.types import utcnow
from monitor.config import Config, Probe
from monitor.probes import run_round

logger = logging.getLogger(__name__)

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


# -- probe rounds: measure, store, advance the outage state -------------------------------------------


def target_specs(config: Config, endpoint_ids: Mapping[str, int | None]) -> list[TargetSpec]:
    """The configured probes as store targets, linked to the catalog endpoints they measure."""
    return [
        TargetSpec(
            name=probe.name,
            protocol=probe.protocol,
            url=str(probe.url),
            model=probe.model,
            provider_tag=probe.provider_tag,
            endpoint_id=endpoint_ids.get(probe.name),
        )
        for probe in config.probes
    ]


def outage_policies(config: Config) -> dict[str, OutagePolicy]:
    """Each probe's outage policy: the [monitoring] settings plus its own degraded threshold."""
    monitoring = config.monitoring
    return {
        probe.name: OutagePolicy(
            down_after=monitoring.down_after,
            up_after=monitoring.up_after,
            degraded_window=monitoring.degraded_window,
            degraded_ttft_ms=probe.degraded_ttft.total_seconds() * 1000 if probe.degraded_ttft else None,
        )
        for probe in config.probes
    }


@dataclass
class RoundResult:
    samples: list[Sample]
    record: RecordReport


class ProbeRunner:
    """Probe rounds for one configuration and database: run, store, log what changed.

    Keeps the Retry-After hold-backs between rounds (a rate-limited probe is skipped until its time).
    """

    def __init__(self, config: Config, engine: Engine) -> None:
        self.config = config
        self.engine = engine
        self.not_before: dict[str, datetime] = {}
        self.policies = outage_policies(config)
        self._prepared = False

    def prepare(self) -> dict[str, int]:
        """Create or update a store target per configured probe, linked to its catalog endpoint."""
        targets = ensure_targets(
            self.engine, target_specs(self.config, match_endpoints(self.engine, self.config))
        )
        self._prepared = True
        return targets

    def select(self, names: Sequence[str] | None = None, *, every_s: int | None = None) -> list[Probe]:
        """Enabled probes (or those named, enabled or not), optionally only those run every `every_s`."""
        known = {probe.name for probe in self.config.probes}
        unknown = [name for name in names or () if name not in known]
        if unknown:
            raise ValueError(
                f"unknown probe {', '.join(unknown)} (configured: {', '.join(sorted(known)) or 'none'})"
            )
        if names:
            chosen = [p for p in self.config.probes if p.name in names]
        else:
            chosen = [p for p in self.config.probes if p.enabled]
        if every_s is not None:
            chosen = [p for p in chosen if round(p.every.total_seconds()) == every_s]
        return chosen

    def round(self, probes: Sequence[Probe]) -> RoundResult:
        """Probe each once, store the samples and advance the outage states; logs status changes."""
        if not self._prepared:
            self.prepare()
        samples = run_round(
            probes, concurrency=self.config.monitoring.concurrency, not_before=self.not_before
        )
        record = record_samples(
            self.engine,
            samples,
            policy=self.policies,
            maintenance=self.config.monitoring.maintenance,
            now=utcnow(),
        )
        for change in record.transitions:
            transition = change.transition
            causes = ", ".join(event.cause for event in transition.events if event.action == OPENED)
            level = logging.WARNING if transition.new in (DOWN, DEGRADED) else logging.INFO
            logger.log(
                level,
                "probe %s is %s (was %s)%s",
                change.probe,
                transition.new.upper(),
                transition.old,
                f": {causes}" if causes else "",
            )
        return RoundResult(samples=samples, record=record)


def round_summary(result: RoundResult) -> str:
    """One line: how many probes answered, failed, were rate limited or misconfigured."""
    samples = result.samples
    ok = sum(s.ok for s in samples)
    parts = [f"{len(samples)} probes", f"{ok} ok"]
    by_class: dict[str, int] = {}
    for sample in samples:
        if sample.error_class:
            by_class[sample.error_class] = by_class.get(sample.error_class, 0) + 1
    parts += [f"{n} {name}" for name, n in sorted(by_class.items())]
    if result.record.transitions:
        parts.append(f"{len(result.record.transitions)} status change(s)")
    return ", ".join(parts)


def format_samples(samples: Sequence[Sample]) -> str:
    """The samples as a table (`modelwatch probe`)."""
    if not samples:
        return "no probes ran (none configured, or all held back by a Retry-After)"
    columns = ("result", 13), ("status", 6), ("ttft ms", 8), ("total ms", 9), ("tokens", 6), ("tok/s", 7)
    header = f"{'probe':<28} " + " ".join(
        f"{name:<{width}}" if name == "result" else f"{name:>{width}}" for name, width in columns
    )
    lines = [header, "-" * len(header)]

    def number(value: float | None, digits: int = 0) -> str:
        return "—" if value is None else f"{value:.{digits}f}"

    for s in samples:
        result = "ok" if s.ok else (s.error_class or "failed")
        lines.append(
            f"{s.probe:<28} {result:<13} {number(s.status):>6} {number(s.ttft_ms):>8} "
            f"{number(s.total_ms):>9} {number(s.output_tokens):>6} {number(s.tokens_per_s, 1):>7}"
        )
        if s.message and not s.ok:
            lines.append(f"{'':<28} {s.message}")
    return "\n".join(lines)
