"""Probe rounds: measure, store, advance each endpoint's up/down state.

`ProbeRunner` is what `modelwatch probe`, the service's probe jobs and the demo run: a round of the chosen
probes (`monitor.probes.run_round`), its samples stored and the outage state machines advanced
(`db.probes.store.record_samples`), each probe linked to the catalog endpoint it measures
(`monitor.probes.matching`). `round_summary` and `format_samples` say what a round found.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from db.probes.outage import DEGRADED, DOWN, OPENED, OutagePolicy
from db.probes.samples import Sample
from db.probes.store import RecordReport, record_samples
from db.probes.targets import TargetSpec, ensure_targets
from db.types import utcnow
from monitor.config import Config, Probe
from monitor.probes.matching import match_endpoints
from monitor.probes.round import run_round

logger = logging.getLogger(__name__)


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
