"""`/metrics` in the Prometheus text format, read from the store at scrape time.

- probes: `modelwatch_probe_up` (1 up or degraded, 0 down; absent while unknown), the one-hot
  `modelwatch_probe_status`, `modelwatch_probe_uptime_percent` per window (1d, 7d, 30d),
  `modelwatch_probe_last_sample_timestamp_seconds`, and the histograms `modelwatch_probe_ttft_seconds`
  and `modelwatch_probe_total_seconds` over the **last 24 hours** (from hourly rollups and the samples
  not rolled up yet). They are windows, not counters: read them with `histogram_quantile()` directly,
  not over `rate()`. Bucket counts come from the stored log-scale histograms (bins 10% wide); a bin that
  straddles a bucket edge is counted in the bucket above it.
- endpoints: `modelwatch_endpoint_price` (per 1M tokens; `request` per request) with `price` and
  `currency` labels, for every active endpoint with a published price; `modelwatch_endpoint_up` for
  the probed ones.
- crawls: per source, the latest run's one-hot `modelwatch_crawl_last_run_status`, its start, finish,
  duration, endpoints and problems, and `modelwatch_crawl_last_success_timestamp_seconds`.
- catalog sizes, and `modelwatch_scheduler_heartbeat_timestamp_seconds` (absent if it never beat).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from itertools import accumulate

from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector, CollectorRegistry
from sqlalchemy.engine import Engine

from db.catalog.runs import last_successes, run_status
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.state import STATUSES, UPTIME_WINDOWS
from db.heartbeat import last_beat
from db.probes import histogram
from db.probes.buckets import Bucket
from db.probes.figures import MetricWindow, probe_windows

#: Histogram bucket edges, seconds.
BUCKETS_S = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
RUN_STATUSES = ("running", "ok", "partial", "failed", "interrupted")
PRICE_KEYS = ("input", "output", "cache_read", "cache_write", "request")
_ENDPOINT_LABELS = ["endpoint_id", "provider", "model", "tag"]


def _ts(value: datetime | None) -> float | None:
    return value.timestamp() if value is not None else None


def histogram_buckets(packed: int) -> list[tuple[str, float]]:
    """Cumulative Prometheus buckets (seconds) of a packed `db.probes.histogram` (milliseconds)."""
    counts = histogram.counts(packed) if packed else (0,) * histogram.FIELDS
    running = list(accumulate(counts))
    out: list[tuple[str, float]] = []
    for edge in BUCKETS_S:
        edge_ms = edge * 1000
        # the last field whose upper edge is at or below the bucket edge
        fields = [f for f in range(histogram.FIELDS) if histogram.bounds(f)[1] <= edge_ms]
        out.append((repr(edge), float(running[fields[-1]]) if fields else 0.0))
    out.append(("+Inf", float(running[-1])))
    return out


def catalog_families(
    snapshot: CatalogSnapshot, windows: Iterable[MetricWindow], engine: Engine
) -> list[Metric]:
    """Every family but the heartbeat: what only changes with the catalog's version."""
    families: list[Metric] = []
    families += _probe_families(list(windows), snapshot)
    price = GaugeMetricFamily(
        "modelwatch_endpoint_price",
        "Published price per 1M tokens (request: per request), in the endpoint's currency",
        labels=[*_ENDPOINT_LABELS, "price", "currency"],
    )
    up = GaugeMetricFamily(
        "modelwatch_endpoint_up", "1 if our probes see it up or degraded, 0 if down", labels=_ENDPOINT_LABELS
    )
    active = snapshot.active
    for e in active:
        labels = [str(e.id), e.provider, e.model, e.tag or ""]
        if e.prices is not None:
            for key in PRICE_KEYS:
                value = getattr(e.prices, key)
                if value is not None:
                    price.add_metric([*labels, key, e.prices.currency], float(value))
        if e.status in ("up", "degraded", "down"):
            up.add_metric(labels, 0.0 if e.status == "down" else 1.0)
    families += [price, up]
    sizes = GaugeMetricFamily("modelwatch_catalog_size", "Rows of the catalog", labels=["what"])
    sizes.add_metric(["endpoints"], float(len(active)))
    sizes.add_metric(["removed_endpoints"], float(len(snapshot.endpoints) - len(active)))
    sizes.add_metric(["models"], float(sum(1 for m in snapshot.models if m.endpoints)))
    sizes.add_metric(["providers"], float(len({e.provider for e in active})))
    families.append(sizes)
    families += _crawl_families(engine)
    return families


def _probe_families(windows: list[MetricWindow], snapshot: CatalogSnapshot) -> list[Metric]:
    labels = ["probe", "endpoint_id"]
    up = GaugeMetricFamily(
        "modelwatch_probe_up", "1 if the probe sees its endpoint up or degraded, 0 if down", labels=labels
    )
    status = GaugeMetricFamily(
        "modelwatch_probe_status", "The probe's verdict now (one-hot)", labels=[*labels, "status"]
    )
    uptime = GaugeMetricFamily(
        "modelwatch_probe_uptime_percent", "Uptime by our probes", labels=[*labels, "window"]
    )
    last = GaugeMetricFamily(
        "modelwatch_probe_last_sample_timestamp_seconds", "Time of the last sample", labels=labels
    )
    ttft = HistogramMetricFamily(
        "modelwatch_probe_ttft_seconds", "Time to first token over the last 24 hours", labels=labels
    )
    total = HistogramMetricFamily(
        "modelwatch_probe_total_seconds", "Request time over the last 24 hours", labels=labels
    )
    for w in windows:
        values = [w.probe, str(w.endpoint_id or "")]
        if w.status in ("up", "degraded", "down"):
            up.add_metric(values, 0.0 if w.status == "down" else 1.0)
        for name in STATUSES:
            status.add_metric([*values, name], 1.0 if w.status == name else 0.0)
        endpoint = snapshot.endpoint(w.endpoint_id) if w.endpoint_id is not None else None
        if endpoint is not None and endpoint.health is not None:
            for window in UPTIME_WINDOWS:
                figure = endpoint.health.uptime.get(window)
                if figure is not None:
                    uptime.add_metric([*values, window], figure)
        stamp = _ts(w.last_sample_at)
        if stamp is not None:
            last.add_metric(values, stamp)
        bucket: Bucket = w.bucket
        ttft.add_metric(values, histogram_buckets(bucket.ttft_hist), bucket.ttft_sum / 1000)
        total.add_metric(values, histogram_buckets(bucket.total_hist), bucket.total_sum / 1000)
    return [up, status, uptime, last, ttft, total]


def _crawl_families(engine: Engine) -> list[Metric]:
    labels = ["source"]
    status = GaugeMetricFamily(
        "modelwatch_crawl_last_run_status", "The latest run's status (one-hot)", labels=[*labels, "status"]
    )
    started = GaugeMetricFamily(
        "modelwatch_crawl_last_run_start_timestamp_seconds", "When the latest run started", labels=labels
    )
    finished = GaugeMetricFamily(
        "modelwatch_crawl_last_run_finish_timestamp_seconds", "When it finished", labels=labels
    )
    duration = GaugeMetricFamily(
        "modelwatch_crawl_last_run_duration_seconds", "How long it took", labels=labels
    )
    endpoints = GaugeMetricFamily("modelwatch_crawl_last_run_endpoints", "Endpoints it listed", labels=labels)
    problems = GaugeMetricFamily("modelwatch_crawl_last_run_problems", "Problems it recorded", labels=labels)
    success = GaugeMetricFamily(
        "modelwatch_crawl_last_success_timestamp_seconds", "When the latest ok run finished", labels=labels
    )
    for run in run_status(engine=engine):
        source = [run.source]
        for name in RUN_STATUSES:
            status.add_metric([run.source, name], 1.0 if run.status == name else 0.0)
        started.add_metric(source, run.started.timestamp())
        if run.finished is not None:
            finished.add_metric(source, run.finished.timestamp())
            duration.add_metric(source, (run.finished - run.started).total_seconds())
        endpoints.add_metric(source, float(run.endpoints_seen))
        problems.add_metric(source, float(run.problems))
    for name, run in last_successes(engine=engine).items():
        if run.finished is not None:
            success.add_metric([name], run.finished.timestamp())
    return [status, started, finished, duration, endpoints, problems, success]


def heartbeat_family(engine: Engine) -> Metric:
    family = GaugeMetricFamily(
        "modelwatch_scheduler_heartbeat_timestamp_seconds",
        "When the service's scheduler last beat",
        labels=[],
    )
    beat = last_beat(engine)
    if beat is not None:
        family.add_metric([], beat.at.timestamp())
    return family


class _Fixed(Collector):
    def __init__(self, families: list[Metric]) -> None:
        self.families = families

    def collect(self) -> Iterator[Metric]:
        return iter(self.families)


def exposition(families: list[Metric]) -> bytes:
    """The Prometheus text format of `families`."""
    from prometheus_client import generate_latest

    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Fixed(families))
    return generate_latest(registry)


def read_families(snapshot: CatalogSnapshot, engine: Engine, now: datetime) -> list[Metric]:
    """The catalog's families (blocking I/O: call from a worker thread)."""
    return catalog_families(snapshot, probe_windows(engine=engine, since=now - timedelta(days=1)), engine)
