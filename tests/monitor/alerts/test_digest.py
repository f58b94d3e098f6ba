"""A crawl's digest people can act on (issue 12.5): price changes first, the largest first, then new models,
new endpoints and the rest; what it leaves out counted by kind; a flood is one short message."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from monitor.alerts.messages import FLOOD_LINES, MAX_PAYLOAD_EVENTS, digest_order, render
from monitor.alerts.rules import CHANGE_RULE_KINDS, Event

T0 = datetime(2026, 5, 1, 18, 0, tzinfo=UTC)


def change(action: str, text: str, percent: float | None = None, n: int = 0) -> Event:
    return Event(
        key=f"change:{n}",
        group="run:7:changes",
        rule_kind=CHANGE_RULE_KINDS[action],
        action=action,
        at=T0,
        text=text,
        source="modelsdev",
        percent=percent,
        details={"change_id": n, "kind": action, "percent": percent},
    )


def texts(events: list[Event]) -> list[str]:
    return [e.text for e in events]


def test_digest_order_prices_largest_first_then_models_endpoints_and_the_rest() -> None:
    events = [
        change("endpoint_removed", "removed"),
        change("new_endpoint", "endpoint"),
        change("context_changed", "context"),
        change("price_down", "down 3%", -3.0),
        change("price_added", "price published"),
        change("new_model", "model"),
        change("price_up", "up 40%", 40.0),
        change("parameters_changed", "parameters"),
        change("price_up", "from 0"),  # 0 -> a price: no percent
        change("price_down", "down 0.0004%", -0.0004),
        change("price_down", "down 55%", -55.0),
        change("parser_broken", "parser"),
    ]
    assert texts(digest_order(events)) == [
        "down 55%",
        "up 40%",
        "down 3%",
        "down 0.0004%",
        "from 0",
        "price published",
        "model",
        "endpoint",
        "removed",
        "parser",
        "context",
        "parameters",
    ]


@pytest.mark.parametrize(
    ("kinds", "max_lines", "shown", "more"),
    [
        # (action, how many), in the order they arrive
        ([("new_endpoint", 3), ("price_up", 2)], 10, 5, None),
        (
            [("new_endpoint", 20), ("new_model", 5), ("price_down", 4), ("context_changed", 1)],
            6,
            6,
            "… and 24 more: 20 new endpoints, 3 new models, 1 context change; see the dashboard",
        ),
        (
            [("new_endpoint", 4900), ("new_model", 80), ("price_up", 5)],
            5,
            5,
            "… and 4,980 more: 4,900 new endpoints, 80 new models; see the dashboard",
        ),
    ],
)
def test_a_digest_says_what_it_left_out_by_kind(
    kinds: list[tuple[str, int]], max_lines: int, shown: int, more: str | None
) -> None:
    events = [
        change(action, f"{action} {i}", 2.0 if action.startswith("price") else None)
        for action, n in kinds
        for i in range(n)
    ]
    message = render(events, dashboard="http://d", max_lines=max_lines, flood_threshold=10_000)
    lines = message.body.splitlines()
    bullets = [line for line in lines if line.startswith("• ")]
    assert len(bullets) == shown
    assert bullets == [f"• {e.text}" for e in digest_order(events)[:shown]]
    assert [line for line in lines if line.startswith("…")] == ([more] if more else [])
    assert message.payload["flood"] is False
    assert message.payload["count"] == len(events)
    assert len(message.payload["events"]) == min(len(events), MAX_PAYLOAD_EVENTS)
    # the payload is ordered as the text
    assert [e["text"] for e in message.payload["events"]][:shown] == [b[2:] for b in bullets]


def flood(prices: list[float], endpoints: int = 5000) -> list[Event]:
    events = [
        change("new_endpoint", f"Provider{i:04d} · vendor/model-{i % 100}: endpoint listed (https://x)", n=i)
        for i in range(endpoints)
    ]
    events += [
        change(
            "price_up" if p > 0 else "price_down", f"DeepInfra · m{j}: input price {p:+}%", p, n=endpoints + j
        )
        for j, p in enumerate(prices)
    ]
    return events


def test_a_flood_is_one_short_message_with_counts_and_the_largest_price_changes() -> None:
    message = render(flood([5.0, -60.0, 12.5]), dashboard="http://d", max_lines=40, flood_threshold=200)
    assert len(message.body) < 2000
    lines = message.body.splitlines()
    assert lines[0] == "modelsdev crawl at 2026-05-01 18:00 UTC: 5,000 new endpoints, 3 price changes"
    assert lines[1] == "5,003 changes at once (more than 200): the largest price changes:"
    assert lines[2:5] == [
        "• DeepInfra · m1: input price -60.0%",
        "• DeepInfra · m2: input price +12.5%",
        "• DeepInfra · m0: input price +5.0%",
    ]
    assert lines[5] == "… and 5,000 more: 5,000 new endpoints; see the dashboard"
    assert message.title == "modelwatch: 5,003 changes from modelsdev (5,000 new endpoints, 3 price changes)"
    payload = message.payload
    assert (payload["count"], payload["flood"]) == (5003, True)
    assert payload["counts"] == {"new_endpoint": 5000, "price_change": 3}
    assert [e["percent"] for e in payload["events"]] == [
        -60.0,
        12.5,
        5.0,
    ]  # what the text lists, in its order
    assert len(json.dumps(payload)) < 5000


def test_a_flood_lists_at_most_flood_lines_price_changes_and_none_when_there_are_none() -> None:
    many = render(flood([float(p) for p in range(1, 31)], endpoints=300), dashboard="http://d", max_lines=40)
    bullets = [line for line in many.body.splitlines() if line.startswith("• ")]
    assert len(bullets) == FLOOD_LINES and bullets[0].endswith("+30.0%")
    assert "… and 320 more: 300 new endpoints, 20 price changes; see the dashboard" in many.body
    assert len(many.payload["events"]) == FLOOD_LINES
    # the threshold is the configured one: the same 330 changes under a higher one are a normal digest
    normal = render(
        flood([float(p) for p in range(1, 31)], endpoints=300),
        dashboard="http://d",
        max_lines=40,
        flood_threshold=330,
    )
    assert normal.payload["flood"] is False and len(normal.payload["events"]) == 330
    quiet = render(flood([], endpoints=201), dashboard="http://d", max_lines=40)
    assert "201 changes at once (more than 200): no price changes." in quiet.body
    assert not [line for line in quiet.body.splitlines() if line.startswith("• ")]
    assert quiet.payload["events"] == [] and quiet.payload["count"] == 201


def test_the_payload_stays_bounded() -> None:
    events = flood([], endpoints=MAX_PAYLOAD_EVENTS + 50)
    message = render(events, dashboard="http://d", max_lines=40, flood_threshold=len(events))
    assert message.payload["flood"] is False
    assert message.payload["count"] == len(events) and len(message.payload["events"]) == MAX_PAYLOAD_EVENTS
