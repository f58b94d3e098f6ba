"""A flood through the real path (issue 12.5): a crawl adding 5,000 endpoints and moving 3 prices, ingested
into a real store, evaluated and delivered to a real webhook receiver and an Apprise ``json://`` one,
arrives as one short message per channel: the counts by kind and the 3 price changes, largest first."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from db.models import Change
from monitor.alerts.deliver import deliver
from monitor.alerts.evaluate import evaluate
from tests.monitor.alerts.data import T0, config, crawl, endpoint
from tests.monitor.alerts.receivers import WebhookReceiver

MODELS = 50  # new models, 100 endpoints each (the catalog adds a whole provider's list at once)
PER_MODEL = 100


def _catalog(prices: tuple[str, str, str]) -> list[Any]:
    return [
        endpoint(name, input=price)
        for name, price in zip(("DeepInfra", "Novita", "Chutes"), prices, strict=True)
    ]


def _flood() -> list[Any]:
    return [
        endpoint(f"Host{i:03d}", model=f"vendor{m:02d}/model-{m:02d}", tag=f"host{i:03d}/fp8")
        for m in range(MODELS)
        for i in range(PER_MODEL)
    ]


def test_5000_new_endpoints_and_3_price_changes_are_one_short_message(engine: Any) -> None:
    with WebhookReceiver() as hook, WebhookReceiver() as apprise_hook:
        cfg = config(
            f"""
[alerts]
channels = ["json://127.0.0.1:{apprise_hook.port}/apprise"]

[[alerts.webhooks]]
name = "hook"
url = "{hook.url}"
"""
        )
        crawl(engine, _catalog(("1.00", "1.00", "1.00")), at=T0 - timedelta(hours=6))  # the baseline
        # +5 %, -60 %, +12.5 %, and a whole provider list at once
        run = crawl(engine, [*_catalog(("1.05", "0.40", "1.125")), *_flood()], at=T0)
        report = evaluate(engine, cfg, now=T0)
        assert report.enqueued == 2  # one message per channel
        assert deliver(engine, cfg, now=T0).sent == 2
    with Session(engine) as s:
        kinds = [c.kind for c in s.exec(select(Change).where(col(Change.run_id) == run))]
    new_endpoints, new_models = kinds.count("new_endpoint"), kinds.count("new_model")
    assert new_endpoints == MODELS * PER_MODEL and kinds.count("price_up") + kinds.count("price_down") == 3

    (request,) = hook.requests
    payload = request.json
    body = payload["text"]
    assert len(body) < 2000
    lines = body.splitlines()
    counts = f"5,000 new endpoints, {new_models} new models, 3 price changes"
    assert lines[0] == f"openrouter crawl at 2026-05-01 12:00 UTC: {counts}"
    assert lines[1] == f"{len(kinds):,} changes at once (more than 200): the largest price changes:"
    assert [line.split(": ", 1)[1] for line in lines[2:5]] == [
        "input price down 1 -> 0.4 per 1M tokens (-60%)",
        "input price up 1 -> 1.125 per 1M tokens (+12.50%)",
        "input price up 1 -> 1.05 per 1M tokens (+5%)",
    ]
    left_out = f"{5000 + new_models:,} more: 5,000 new endpoints, {new_models} new models"
    assert lines[5] == f"… and {left_out}; see the dashboard"
    assert payload["title"] == f"modelwatch: {len(kinds):,} changes from openrouter ({counts})"
    assert (payload["count"], payload["flood"]) == (len(kinds), True)
    assert payload["counts"] == {"new_endpoint": 5000, "new_model": new_models, "price_change": 3}
    assert [e["percent"] for e in payload["events"]] == [-60.0, 12.5, 5.0]
    assert len(request.body) < 10_000  # bounded: no 5,000-event payload

    (apprise,) = apprise_hook.requests
    assert apprise.json["message"].strip() == body.strip()
