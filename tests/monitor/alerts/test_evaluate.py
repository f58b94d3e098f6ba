"""Evaluation: crawl changes, failing sources and incidents through the rules into the outbox.

The history is written by the real ingest and the real probe store, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote_plus

from db.alerts.outbox import list_deliveries
from db.catalog.runs import start_run
from monitor.alerts.evaluate import evaluate
from tests.monitor.alerts.data import MODEL, T0, config, crawl, endpoint, many, probe_target, samples

HOOKS = """
[[alerts.webhooks]]
name = "prices"
url = "http://127.0.0.1:9/prices"

[[alerts.webhooks]]
name = "ops"
url = "http://127.0.0.1:9/ops"
"""
MINUTE = timedelta(minutes=1)


def outbox(engine: Any) -> list[tuple[str, str, str]]:
    return sorted((d.event_key, d.channel_key, d.kind) for d in list_deliveries(engine, limit=1000))


def test_a_crawl_that_moves_80_prices_makes_one_digest_per_channel(engine: Any) -> None:
    cfg = config("[alerts]\n" + HOOKS)
    crawl(engine, many(80, input="0.27"), at=T0)
    first = evaluate(engine, cfg, now=T0 + MINUTE)
    assert (first.changes, first.enqueued) == (0, 0)  # the first crawl is the baseline
    run = crawl(engine, many(80, input="0.30"), at=T0 + timedelta(hours=6))
    report = evaluate(engine, cfg, now=T0 + timedelta(hours=6, minutes=1))
    assert (report.runs, report.changes, report.events, report.enqueued) == (1, 80, 80, 2)
    assert outbox(engine) == [
        (f"run:{run}:changes", "webhook:ops", "changes"),
        (f"run:{run}:changes", "webhook:prices", "changes"),
    ]
    digest = list_deliveries(engine)[0]
    assert digest.title == "modelwatch: 80 changes from openrouter (80 price changes)"
    assert digest.payload["count"] == 80 and len(digest.payload["events"]) == 80
    event = digest.payload["events"][0]
    assert (event["kind"], event["field"], event["old"], event["new"], event["percent"]) == (
        "price_up",
        "input",
        "0.27",
        "0.3",
        11.11,
    )
    # the dashboard's model page of the changed endpoint's model
    assert event["link"] == f"http://localhost:8501/model?id={quote_plus(event['model'])}"
    lines = digest.body.splitlines()
    assert lines[0] == "openrouter crawl at 2026-05-01 18:00 UTC: 80 price changes"
    assert "input price up 0.27 -> 0.3 per 1M tokens (+11.11%)" in lines[1]
    assert "… and 40 more: 40 price changes; see the dashboard" in digest.body  # max_lines = 40
    assert digest.body.endswith(f"Dashboard: http://localhost:8501/changes?run={run}")
    # evaluating again (a restart, a second process) adds nothing
    again = evaluate(engine, cfg, now=T0 + timedelta(hours=7))
    assert again.enqueued == 0 and len(outbox(engine)) == 2


def test_rules_filter_by_kind_size_direction_model_provider_and_pick_channels(engine: Any) -> None:
    cfg = config(
        """
[[alerts.rules]]
on = ["price_change"]
min_percent = 10
direction = "down"
providers = ["Deep*"]
channels = ["prices"]

[[alerts.rules]]
on = ["new_endpoint", "endpoint_removed"]
models = ["deepseek/*"]
channels = ["ops"]
"""
        + HOOKS
    )
    crawl(engine, [endpoint("DeepInfra"), endpoint("Novita"), endpoint("AtlasCloud")], at=T0)
    t1 = T0 + timedelta(hours=6)
    run = crawl(
        engine,
        [
            endpoint("DeepInfra", input="0.20"),  # -25.93%: passes
            endpoint("Novita", input="0.10"),  # not Deep*
            endpoint("DeepSeek", output="1.5"),  # new endpoint (ops); its price is not a change
            endpoint("Other", model="qwen/qwen3"),  # new endpoint of another model: no rule
        ],
        at=t1,
    )
    evaluate(engine, cfg, now=t1 + MINUTE)
    by_channel = {d.channel_key: d for d in list_deliveries(engine)}
    assert set(by_channel) == {"webhook:prices", "webhook:ops"}
    prices = by_channel["webhook:prices"].payload["events"]
    assert [(e["provider"], e["kind"], e["percent"]) for e in prices] == [("DeepInfra", "price_down", -25.93)]
    ops = by_channel["webhook:ops"].payload["events"]
    assert sorted((e["kind"], e["provider"]) for e in ops) == [
        ("endpoint_removed", "AtlasCloud"),
        ("new_endpoint", "DeepSeek"),
    ]
    assert all(d.event_key == f"run:{run}:changes" for d in by_channel.values())


def test_small_price_moves_stay_below_the_default_threshold(engine: Any) -> None:
    cfg = config("[alerts]\nprice_change_percent = 5\n" + HOOKS)
    crawl(engine, [endpoint(input="1.00")], at=T0)
    crawl(engine, [endpoint(input="1.04")], at=T0 + timedelta(hours=1))  # +4%
    assert evaluate(engine, cfg, now=T0 + timedelta(hours=1, minutes=1)).enqueued == 0
    crawl(engine, [endpoint(input="1.10")], at=T0 + timedelta(hours=2))  # +5.77%
    assert evaluate(engine, cfg, now=T0 + timedelta(hours=2, minutes=1)).enqueued == 2


def test_a_run_still_running_holds_the_cursor_but_not_the_others(engine: Any) -> None:
    cfg = config("[alerts]\n" + HOOKS)
    crawl(engine, [endpoint(input="1")], at=T0)
    crawl(engine, [endpoint("Other", input="1")], at=T0, source="other")
    slow = start_run(engine=engine, source="other", started=T0 + timedelta(hours=1))  # still running
    fast = crawl(engine, [endpoint(input="2")], at=T0 + timedelta(hours=2))
    report = evaluate(engine, cfg, now=T0 + timedelta(hours=2, minutes=1))
    assert report.enqueued == 2 and report.cursor == slow - 1
    assert {d.event_key for d in list_deliveries(engine)} == {f"run:{fast}:changes"}
    # the fast run is read again while the slow one runs, but nothing is enqueued twice
    assert evaluate(engine, cfg, now=T0 + timedelta(hours=2, minutes=2)).enqueued == 0
    # a run left "running" for a day belongs to a dead process: it no longer holds the cursor
    later = evaluate(engine, cfg, now=T0 + timedelta(days=1, hours=2))
    assert later.cursor == fast


def test_old_history_and_a_configuration_without_channels_send_nothing(engine: Any) -> None:
    crawl(engine, [endpoint(input="1")], at=T0)
    crawl(engine, [endpoint(input="2")], at=T0 + timedelta(hours=1))
    none = evaluate(engine, config(""), now=T0 + timedelta(hours=1, minutes=1))
    assert none.enqueued == 0 and none.cursor == 2
    # channels added later do not get what was evaluated before them
    assert evaluate(engine, config("[alerts]\n" + HOOKS), now=T0 + timedelta(hours=2)).enqueued == 0
    # a first evaluation over history older than max_age sends nothing either
    crawl(engine, [endpoint("Second", input="3")], at=T0 + timedelta(hours=3), source="second")
    crawl(engine, [endpoint("Second", input="4")], at=T0 + timedelta(hours=4), source="second")
    stale = evaluate(engine, config("[alerts]\nmax_age = '1h'\n" + HOOKS), now=T0 + timedelta(hours=6))
    assert stale.enqueued == 0 and list_deliveries(engine) == []


def test_a_source_failing_three_crawls_in_a_row_and_its_recovery(engine: Any) -> None:
    cfg = config("[alerts]\n" + HOOKS)
    crawl(engine, [endpoint("EigenAI")], at=T0, source="eigenai")
    for hour in (1, 2):
        crawl(engine, [], at=T0 + timedelta(hours=hour), source="eigenai", fatal="connect: refused")
        assert evaluate(engine, cfg, now=T0 + timedelta(hours=hour, minutes=1)).enqueued == 0
    third = crawl(engine, [], at=T0 + timedelta(hours=3), source="eigenai", fatal="connect: refused")
    evaluate(engine, cfg, now=T0 + timedelta(hours=3, minutes=1))
    crawl(engine, [], at=T0 + timedelta(hours=4), source="eigenai", fatal="connect: refused")
    evaluate(engine, cfg, now=T0 + timedelta(hours=4, minutes=1))
    key = f"source:eigenai:failing:3:{third}"
    assert outbox(engine) == [
        (key, "webhook:ops", "source_failing"),
        (key, "webhook:prices", "source_failing"),
    ]
    failing = list_deliveries(engine)[0]
    assert failing.title == "modelwatch: source eigenai failed 3 crawls in a row"
    assert "connect: refused" in failing.body
    crawl(engine, [endpoint("EigenAI")], at=T0 + timedelta(hours=5), source="eigenai")
    evaluate(engine, cfg, now=T0 + timedelta(hours=5, minutes=1))
    recovered = [d for d in list_deliveries(engine) if d.kind == "source_recovered"]
    assert len(recovered) == 2 and recovered[0].event_key == f"{key}:recovered"
    assert "after 4 failed" in recovered[0].body
    assert evaluate(engine, cfg, now=T0 + timedelta(hours=6)).enqueued == 0


def test_an_outage_opens_reminds_and_resolves_once_each(engine: Any) -> None:
    cfg = config("[alerts]\nremind_every = '6h'\n" + HOOKS)
    probe_target(engine)
    five = timedelta(minutes=5)
    samples(engine, "replica-deepseek", ok=True, start=T0, n=2, every=five)
    samples(engine, "replica-deepseek", ok=False, start=T0 + 2 * five, n=3, every=five)  # down at the 3rd
    started = T0 + 2 * five
    evaluate(engine, cfg, now=started + 3 * five)
    start = [d for d in list_deliveries(engine) if d.kind == "outage_start"]
    assert len(start) == 2
    assert start[0].title == "modelwatch: DOWN: replica-deepseek"
    assert f"DOWN: replica-deepseek ({MODEL}) since 2026-05-01 12:10 UTC: http_5xx: HTTP 503" in start[0].body
    assert f"Dashboard: http://localhost:8501/model?id={quote_plus(MODEL)}" in start[0].body
    incident = start[0].event_key.split(":")[1]
    assert start[0].payload["events"][0]["incident_id"] == int(incident)
    # still down: one reminder per 6 h, each sent once however often evaluation runs
    for minutes in (60, 300, 370, 380, 700, 730):
        evaluate(engine, cfg, now=started + timedelta(minutes=minutes))
    reminders = sorted({d.event_key for d in list_deliveries(engine) if d.kind == "outage_reminder"})
    assert reminders == [f"incident:{incident}:reminder-1", f"incident:{incident}:reminder-2"]
    samples(engine, "replica-deepseek", ok=True, start=started + timedelta(hours=13), n=2, every=five)
    evaluate(engine, cfg, now=started + timedelta(hours=13, minutes=11))
    resolve = [d for d in list_deliveries(engine) if d.kind == "outage_resolve"]
    assert len(resolve) == 2 and resolve[0].event_key == f"incident:{incident}:resolve"
    assert "UP again" in resolve[0].title and "after 13h down" in resolve[0].body
    assert evaluate(engine, cfg, now=started + timedelta(hours=20)).enqueued == 0


def test_incident_events_inside_a_maintenance_window_are_not_sent(engine: Any) -> None:
    cfg = config(
        f"""
[[probes]]
name = "replica-deepseek"
protocol = "openai"
url = "http://127.0.0.1:1/v1"
model = "{MODEL}"

[[monitoring.maintenance]]
start = 2026-05-01T18:00:00Z
end = 2026-05-01T20:00:00Z

[alerts]
remind_every = "6h"
{HOOKS}"""
    )
    probe_target(engine)
    samples(engine, "replica-deepseek", ok=False, start=T0, n=3, every=timedelta(minutes=5))
    report = evaluate(engine, cfg, now=T0 + timedelta(hours=6, minutes=30))  # the reminder falls at 18:00
    assert report.suppressed == 1
    assert {d.kind for d in list_deliveries(engine)} == {"outage_start"}
