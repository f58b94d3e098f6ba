"""The pure parts of alerting: rules, quiet hours, backoff, redaction, message text. Table-driven."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from monitor.alerts.channels import channels_of, redact, retry_delay, scrub
from monitor.alerts.events import span
from monitor.alerts.messages import render
from monitor.alerts.rules import Event, quiet_until, route, rule_matches
from monitor.alerts.webhook import encode_body, sign, verify_signature
from monitor.config import DEFAULT_RULE_KINDS, AlertRule, parse_config

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def event(rule_kind: str = "price_change", action: str = "price_up", **values: Any) -> Event:
    values.setdefault("model", "deepseek/deepseek-v3.1-terminus")
    values.setdefault("provider", "DeepInfra")
    values.setdefault("source", "openrouter")
    return Event(
        key="change:1",
        group="run:1:changes",
        rule_kind=rule_kind,
        action=action,
        at=T0,
        text=values.pop("text", "a change"),
        **values,
    )


def rule(**values: Any) -> AlertRule:
    values.setdefault("on", ["price_change"])
    return AlertRule(**values)


@pytest.mark.parametrize(
    ("the_rule", "the_event", "passes"),
    [
        (rule(), event(percent=1.0), True),  # default threshold 1%
        (rule(), event(percent=0.99), False),
        (rule(), event(action="price_down", percent=-2.0), True),  # size, either way
        (rule(min_percent=5), event(percent=4.99), False),
        (rule(min_percent=5), event(action="price_added", percent=None), True),  # newly published
        (rule(direction="up"), event(action="price_down", percent=-50.0), False),
        (rule(direction="down"), event(action="price_down", percent=-50.0), True),
        (rule(direction="down"), event(action="price_removed", percent=None), False),
        (rule(models=["deepseek/*"]), event(percent=3.0), True),
        (rule(models=["qwen/*"]), event(percent=3.0), False),
        (rule(providers=["Deep*", "Novita"]), event(percent=3.0), True),
        (rule(providers=["Novita"]), event(percent=3.0), False),
        (rule(sources=["eigenai"]), event(percent=3.0), False),
        (rule(on=["new_endpoint"]), event(percent=3.0), False),  # another kind
        (rule(on=["outage"], probes=["replica-*"]), event("outage", "start", probe="replica-x"), True),
        (rule(on=["outage"], probes=["replica-*"]), event("outage", "start", probe="live-x"), False),
        (rule(on=["outage"], providers=["DeepInfra"]), event("outage", "start", provider=None), False),
        (rule(on=["source_failing"]), event("source_failing", "failing", after=3), True),
        (rule(on=["source_failing"], after=5), event("source_failing", "failing", after=3), False),
    ],
)
def test_rule_matches(the_rule: AlertRule, the_event: Event, passes: bool) -> None:
    assert rule_matches(the_rule, the_event, default_percent=1.0) is passes


def test_route_unions_the_channels_of_matching_rules_and_keeps_urgency() -> None:
    rules = [
        rule(on=["outage"], channels=["pager"], urgent=True),
        rule(on=["outage", "price_change"]),
    ]
    names = ["mail", "pager"]
    assert route(event("outage", "start"), rules, channels=names, default_percent=1) == {
        "pager": True,
        "mail": False,
    }
    assert route(event(percent=9.0), rules, channels=names, default_percent=1) == {
        "mail": False,
        "pager": False,
    }
    assert route(event(percent=0.1), rules, channels=names, default_percent=1) == {}


def test_the_default_rules_cover_what_a_new_user_wants() -> None:
    (default,) = parse_config("").alerts.effective_rules()
    assert set(default.on) == set(DEFAULT_RULE_KINDS)
    assert {"price_change", "new_model", "new_endpoint", "endpoint_removed", "context_changed"} <= set(
        default.on
    )
    assert {"parameters_changed", "outage", "degraded", "parser_broken", "source_failing"} <= set(default.on)
    assert default.channels == [] and default.after == 3 and default.min_percent is None


@pytest.mark.parametrize(
    ("window", "zone", "at", "until"),
    [
        (None, "UTC", T0, None),
        ("22:00-07:00", "UTC", T0, None),
        ("22:00-07:00", "UTC", T0.replace(hour=23), T0.replace(day=2, hour=7)),
        ("22:00-07:00", "UTC", T0.replace(hour=3), T0.replace(hour=7)),
        ("22:00-07:00", "UTC", T0.replace(hour=7), None),
        ("11:00-13:30", "UTC", T0, T0.replace(hour=13, minute=30)),
        # 13:00 in Berlin (CEST, +2) is 11:00 UTC
        ("12:00-14:00", "Europe/Berlin", T0.replace(hour=11), T0),
        ("12:00-14:00", "Europe/Berlin", T0, None),
    ],
)
def test_quiet_until(window: str | None, zone: str, at: datetime, until: datetime | None) -> None:
    assert quiet_until(window, zone, at) == until


def test_backoff_doubles_up_to_the_cap() -> None:
    first, cap = timedelta(seconds=30), timedelta(hours=1)
    assert [retry_delay(n, first=first, cap=cap).total_seconds() for n in range(1, 10)] == [
        30,
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("json://127.0.0.1:8765/hook", "json://127.0.0.1:8765"),
        ("mailto://user:secret@smtp.example.com?to=a@example.com", "mailto://smtp.example.com"),
        ("slack://TokenA/TokenB/TokenC", "slack://…"),
        ("discord://1234567/abcdefgh", "discord://…"),
        ("ntfy://my-private-topic", "ntfy://…"),
        ("ntfys://ntfy.sh/topic", "ntfys://ntfy.sh"),
        ("https://hooks.example.com/T0/secret?token=x", "https://hooks.example.com"),
        ("json://${HOOK_HOST}/x", "json://…"),
    ],
)
def test_redact_keeps_scheme_and_host_only(url: str, shown: str) -> None:
    assert redact(url) == shown


def test_channel_keys_are_stable_and_hold_no_secret() -> None:
    alerts = parse_config(
        """
[alerts]
channels = ["slack://TokenA/TokenB/TokenC", "json://127.0.0.1:8765/hook"]
[alerts.apprise]
mail = "mailto://u:pw@smtp.example.com"
[[alerts.webhooks]]
name = "ops"
url = "https://hooks.example.com/x"
"""
    ).alerts
    channels = channels_of(alerts)
    assert [c.name for c in channels] == ["channels[0]", "channels[1]", "mail", "ops"]
    assert [c.key for c in channels][2:] == ["apprise:mail", "webhook:ops"]
    assert channels[0].key.startswith("url:") and "Token" not in channels[0].key
    assert [c.display for c in channels] == [
        "slack://…",
        "json://127.0.0.1:8765",
        "mail (mailto://smtp.example.com)",
        "ops (https://hooks.example.com)",
    ]
    assert [c.key for c in channels_of(alerts)] == [c.key for c in channels]


def test_scrub_removes_secrets_longest_first() -> None:
    assert scrub(
        "failed for https://x/abc-token-123 with abc", ["abc-token-123", "https://x/abc-token-123"]
    ) == ("failed for *** with abc")


def test_signature_round_trip_and_replay_window() -> None:
    body = encode_body({"b": 1, "a": "é"})
    assert body == '{"a":"é","b":1}'.encode()
    signature = sign("k", timestamp=1777636800, body=body)
    assert signature.startswith("sha256=") and len(signature) == 7 + 64
    now = datetime.fromtimestamp(1777636800, UTC)
    assert verify_signature("k", body=body, timestamp="1777636800", signature=signature, now=now)
    assert not verify_signature("k2", body=body, timestamp="1777636800", signature=signature, now=now)
    assert not verify_signature("k", body=body + b" ", timestamp="1777636800", signature=signature, now=now)
    late = now + timedelta(minutes=6)
    assert not verify_signature("k", body=body, timestamp="1777636800", signature=signature, now=late)


def test_single_and_digest_messages() -> None:
    one = render(
        [event(text="DeepInfra · m: input price up 1 -> 2 per 1M tokens (+100%)", percent=100.0)],
        dashboard="http://d",
        max_lines=5,
    )
    assert one.kind == "changes"
    assert one.title == "modelwatch: DeepInfra · m: input price up 1 -> 2 per 1M tokens (+100%)"
    assert one.body.endswith("Dashboard: http://d/changes?run=1")
    many = [event(text=f"line {i}", percent=float(i + 1)) for i in range(7)]
    many.append(event("new_endpoint", "new_endpoint", text="new one"))
    digest = render(many, dashboard="http://d", max_lines=5)
    assert digest.title == "modelwatch: 8 changes from openrouter (7 price changes, 1 new endpoint)"
    lines = digest.body.splitlines()
    assert lines[1:6] == ["• line 6", "• line 5", "• line 4", "• line 3", "• line 2"]  # biggest moves first
    assert lines[6] == "… and 3 more: 2 price changes, 1 new endpoint; see the dashboard"
    assert digest.payload["count"] == 8 and len(digest.payload["events"]) == 8


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=20), "<1m"),
        (timedelta(minutes=45), "45m"),
        (timedelta(hours=2, minutes=5), "2h 5m"),
        (timedelta(days=3, hours=4, minutes=9), "3d 4h"),
    ],
)
def test_span(delta: timedelta, text: str) -> None:
    assert span(delta) == text
