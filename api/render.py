"""Catalog rows to JSON: plain dicts in the shapes of `api.schemas`, and their bytes.

The one place money leaves `Decimal`: a price becomes a JSON number (float) here, at the edge. Times
become ISO 8601 strings in UTC (`2026-05-18T12:00:00Z`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from db.catalog.crawled import PRICE_FIELDS
from db.catalog.quality import Quality
from db.catalog.state import (
    UPTIME_WINDOWS,
    EndpointState,
    ModelState,
    Prices,
    SourceDisagreement,
    SourceView,
)
from db.models import Change, PricePeriod
from db.probes.figures import ProbeSeries
from db.recommend.cost import Workload
from db.recommend.frontier import frontier_points
from db.recommend.ranking import Excluded, Ranked, Recommendation, explained

_PRICE_KEYS = (*PRICE_FIELDS, "discount")
_TOKEN_FIELDS = frozenset({"context_length", "max_output_tokens"})


def dumps(body: Any) -> bytes:
    """Compact JSON bytes (no NaN: a figure we do not have is null)."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()


def money(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _tier(item: dict[str, Any]) -> dict[str, Any]:
    """A published tier with its decimal-string prices as numbers."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in _PRICE_KEYS and isinstance(value, str):
            try:
                out[key] = float(Decimal(value))
            except ArithmeticError:
                out[key] = value
        elif isinstance(value, dict):
            out[key] = _tier(value)
        else:
            out[key] = value
    return out


def pricing(values: Prices | PricePeriod) -> dict[str, Any]:
    body: dict[str, Any] = {key: money(getattr(values, key)) for key in _PRICE_KEYS}
    body["tiers"] = [_tier(dict(item)) for item in values.overrides or ()]
    body["usd_rate"] = money(getattr(values, "usd_rate", None))  # a credit's USD value the page states
    return body


def endpoint(e: EndpointState) -> dict[str, Any]:
    health, reported = e.health, e.reported
    return {
        "id": e.id,
        "provider": e.provider,
        "model": e.model,
        "provider_model_id": e.provider_model_id,
        "name": e.name,
        "tag": e.tag,
        "url": e.url,
        "protocol": e.protocol,
        "page_url": e.page_url,
        "source": e.source,
        "quantization": e.quantization,
        "context_length": e.context_length,
        "max_output_tokens": e.max_output_tokens,
        "max_prompt_tokens": e.max_prompt_tokens,
        "parameters": list(e.parameters),
        "pricing": pricing(e.prices) if e.prices is not None else None,
        "currency": e.currency,
        "price_since": iso(e.prices.since) if e.prices is not None else None,
        "status": e.status,
        "uptime": {w: health.uptime.get(w) for w in UPTIME_WINDOWS} if health is not None else None,
        "ttft_ms": (
            {"p50": health.ttft_p50_ms, "p90": health.ttft_p90_ms, "window": "7d"}
            if health is not None
            else None
        ),
        "probe": health.probe if health is not None else None,
        "reported": (
            {
                "source": reported.source,
                "at": iso(reported.at),
                "uptime": {"5m": reported.uptime_5m, "30m": reported.uptime_30m, "1d": reported.uptime_1d},
                "latency_ms": reported.latency_30m,
                "throughput": reported.throughput_30m,
                "status": reported.status,
            }
            if reported is not None
            else None
        ),
        "first_seen": iso(e.first_seen),
        "last_seen": iso(e.last_seen),
        "removed_at": iso(e.removed_at),
        "sources": [source_view(v) for v in e.sources],
        "disagreements": [endpoint_disagreement(x) for x in e.disagreements],
    }


def source_view(v: SourceView) -> dict[str, Any]:
    return {
        "source": v.source,
        "pricing": {
            "input": money(v.input),
            "output": money(v.output),
            "cache_read": money(v.cache_read),
            "cache_write": money(v.cache_write),
        },
        "currency": v.currency,
        "context_length": v.context_length,
        "max_output_tokens": v.max_output_tokens,
        "authority": v.authority,
        "seen": iso(v.seen),
        "since": iso(v.since),
    }


def _number(value: Decimal | int | None) -> float | int | None:
    """A disagreement's value: a price as a JSON number, a token count as an integer."""
    return money(value) if isinstance(value, Decimal) else value


def endpoint_disagreement(x: SourceDisagreement) -> dict[str, Any]:
    return {
        "field": x.field,
        "values": {source: _number(value) for source, value in x.values.items()},
        "since": iso(x.since),
    }


def disagreement(e: EndpointState, x: SourceDisagreement, *, now: datetime) -> dict[str, Any]:
    """One open disagreement with its endpoint, for /api/v1/disagreements."""
    # the endpoint's own columns and open price period hold its current values
    value = getattr(e if x.field in _TOKEN_FIELDS else e.prices, x.field, None)
    return {
        "endpoint_id": e.id,
        "provider": e.provider,
        "model": e.model,
        "provider_model_id": e.provider_model_id,
        "tag": e.tag,
        "field": x.field,
        "values": {source: _number(v) for source, v in x.values.items()},
        "since": iso(x.since),
        "updated_at": iso(x.updated_at),
        "days": max(0, (now - x.since).days),
        "current_source": e.source,
        "current_value": _number(value),
        "currency": e.currency,
    }


def model(m: ModelState) -> dict[str, Any]:
    return {
        "id": m.canonical_id,
        "name": m.name,
        "description": m.description,
        "context_length": m.context_length,
        "released": iso(m.released),
        "hugging_face_id": m.hugging_face_id,
        "input_modalities": list(m.input_modalities),
        "output_modalities": list(m.output_modalities),
        "endpoint_count": m.endpoints,
        "providers": list(m.providers),
        "first_seen": iso(m.first_seen),
        "last_seen": iso(m.last_seen),
        "quality": quality(m.quality),
    }


def quality(facts: Mapping[str, Quality]) -> dict[str, Any]:
    """A model's quality facts by name: value, who measured it, which source gave it, since when."""
    return {
        name: {"value": f.value, "publisher": f.publisher, "source": f.source, "since": iso(f.since)}
        for name, f in sorted(facts.items())
    }


def price_period(p: PricePeriod) -> dict[str, Any]:
    return {
        "valid_from": iso(p.valid_from),
        "valid_to": iso(p.valid_to),
        "currency": p.currency,
        "pricing": pricing(p),
    }


def change(c: Change) -> dict[str, Any]:
    return {
        "id": c.id,
        "at": iso(c.at),
        "kind": c.kind,
        "model": c.model,
        "provider": c.provider,
        "endpoint_id": c.endpoint_id,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "percent": c.percent,
        "source": c.source,
        "subject": c.subject,
    }


def probe_series(endpoint_id: int, series: ProbeSeries, *, start: datetime, end: datetime) -> dict[str, Any]:
    points = [
        {
            "at": iso(p.start),
            "count": p.count,
            "ok": p.ok,
            "failures": p.failures,
            "excluded": p.excluded,
            "maintenance": p.maintenance,
            "uptime": p.uptime,
            "errors": dict(p.errors),
            "ttft_ms": p.ttft_ms,
            "ttft_p50_ms": p.ttft_p50_ms,
            "ttft_p90_ms": p.ttft_p90_ms,
            "total_ms": p.total_ms,
            "total_p50_ms": p.total_p50_ms,
            "total_p90_ms": p.total_p90_ms,
            "tokens_per_s": p.tokens_per_s,
            "error_class": p.error_class,
            "status": p.status,
        }
        for p in series.points
    ]
    return {
        "endpoint_id": endpoint_id,
        "probe": series.probe,
        "resolution": series.resolution,
        "start": iso(start),
        "end": iso(end),
        "data": points,
        "total": len(points),
    }


def ranked(r: Ranked, rank: int, *, frontier: bool | None = None) -> dict[str, Any]:
    cost, figures = r.cost, r.figures
    return {
        **endpoint(r.endpoint),
        "rank": rank,
        "quality": quality(r.quality),
        "unrated": list(r.unrated),
        "cost_currency": cost.currency,
        "conversion": cost.rate.text if cost.rate is not None else None,
        "why": r.why,
        "frontier": frontier,
        "cost_per_request": float(cost.per_request),
        "cost_per_month": float(cost.per_month),
        "cost_breakdown": {name: float(value) for name, value in cost.parts.items()},
        "price_tier": cost.tier,
        "ttft_p90_ms": figures.ttft_p90_ms,
        "ttft_source": figures.ttft_source,
        "uptime_percent": figures.uptime,
        "uptime_window": figures.uptime_window,
        "uptime_source": figures.uptime_source,
        "measured": figures.measured,
        "notes": list(r.notes),
    }


def excluded(x: Excluded) -> dict[str, Any]:
    e = x.endpoint
    return {
        "id": e.id,
        "provider": e.provider,
        "model": e.model,
        "tag": e.tag,
        "reason": x.reason,
        "codes": [r.code for r in x.reasons],
    }


def workload(w: Workload) -> dict[str, Any]:
    return {
        "input_tokens": w.input_tokens,
        "output_tokens": w.output_tokens,
        "requests_per_day": w.requests_per_day,
        "cached_input_tokens": w.cached_input_tokens,
        "cache_write_tokens": w.cache_write_tokens,
        "requests_per_month": w.monthly_requests,
    }


def recommendation(
    result: Recommendation, *, limit: int, frontier: str | None = None, excluded_limit: int | None = None
) -> dict[str, Any]:
    """The ranking's first `limit`; with `frontier` (an axis: quality, ttft), only the endpoints on the
    Pareto frontier of cost against that axis, each keeping its rank. `excluded_limit`: at most that many
    of the endpoints left out (None: all; over a whole catalog they are thousands)."""
    if frontier is None:
        result = explained(result, range(limit))  # only what is shown is explained
        data = [ranked(r, i) for i, r in enumerate(result.ranked[:limit], start=1)]
        total = len(result.ranked)
    else:
        points = frontier_points(result, frontier)
        shown = [i for i, p in enumerate(points) if p.frontier][:limit]
        result = explained(result, shown)
        on = [(i, p.ranked) for i, p in enumerate(points, start=1) if p.frontier]
        total = len(on)
        data = [ranked(result.ranked[i - 1], i, frontier=True) for i, _ in on[:limit]]
    return {
        "model": result.job.model,
        "workload": workload(result.job.workload),
        "data": data,
        "total": total,
        "frontier_axis": frontier,
        "excluded": [excluded(x) for x in result.excluded[:excluded_limit]],
        "excluded_total": len(result.excluded),
    }
