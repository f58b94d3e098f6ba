"""Alert rules: which events pass, to which channels, and when quiet hours hold a message. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from fnmatch import fnmatchcase
from typing import Any
from zoneinfo import ZoneInfo

from monitor.config import AlertRule, clock_window

# Change.kind -> the rule kind (``on``) that covers it.
CHANGE_RULE_KINDS = {
    "price_up": "price_change",
    "price_down": "price_change",
    "price_added": "price_change",
    "price_removed": "price_change",
    "new_model": "new_model",
    "new_endpoint": "new_endpoint",
    "endpoint_removed": "endpoint_removed",
    "context_changed": "context_changed",
    "parameters_changed": "parameters_changed",
    "endpoint_changed": "endpoint_changed",
    "parser_broken": "parser_broken",
    "parser_fixed": "parser_broken",
    "sources_disagree": "sources_disagree",
    "sources_agree": "sources_disagree",
}


@dataclass(frozen=True)
class Event:
    """Something that may be worth an alert.

    `rule_kind` is what rules select on (``price_change``, ``outage``...); `action` says what happened
    (``price_up``, ``start``, ``resolve``...). Events with the same `group` go out as one message per
    channel (a crawl's changes as one digest); `key` identifies the event itself.
    """

    key: str
    group: str
    rule_kind: str
    action: str
    at: datetime
    text: str  # one line, for people
    model: str | None = None
    provider: str | None = None
    source: str | None = None
    probe: str | None = None
    percent: float | None = None
    after: int | None = None  # source_failing: the streak length the event is for
    link: str | None = None
    title: str | None = None  # a short title, for a message about this event alone
    details: dict[str, Any] = field(default_factory=dict)  # JSON-able, for the webhook payload


def _matches(patterns: Sequence[str], value: str | None) -> bool:
    if not patterns:
        return True
    return value is not None and any(fnmatchcase(value, pattern) for pattern in patterns)


def rule_matches(rule: AlertRule, event: Event, *, default_percent: float) -> bool:
    """Whether `event` passes `rule` (kind, filters, and for prices the direction and size)."""
    if event.rule_kind not in rule.on:
        return False
    if not (
        _matches(rule.models, event.model)
        and _matches(rule.providers, event.provider)
        and _matches(rule.sources, event.source)
        and _matches(rule.probes, event.probe)
    ):
        return False
    if event.rule_kind == "price_change":
        if rule.direction == "up" and event.action != "price_up":
            return False
        if rule.direction == "down" and event.action != "price_down":
            return False
        threshold = rule.min_percent if rule.min_percent is not None else default_percent
        # no percent: a price newly published or withdrawn, or a move from 0; always worth telling
        if event.percent is not None and abs(event.percent) < threshold:
            return False
    # a source_failing event is for one streak length: the rule's own
    return event.rule_kind != "source_failing" or event.after == rule.after


def route(
    event: Event, rules: Sequence[AlertRule], *, channels: Sequence[str], default_percent: float
) -> dict[str, bool]:
    """The channels `event` goes to, each with whether it is urgent (sent during quiet hours)."""
    routed: dict[str, bool] = {}
    for rule in rules:
        if not rule_matches(rule, event, default_percent=default_percent):
            continue
        for name in rule.channels or channels:
            routed[name] = routed.get(name, False) or rule.urgent
    return routed


def failing_thresholds(rules: Sequence[AlertRule]) -> list[int]:
    """The streak lengths the rules on ``source_failing`` ask about."""
    return sorted({rule.after for rule in rules if "source_failing" in rule.on})


def quiet_until(window: str | None, timezone: str, at: datetime) -> datetime | None:
    """The end of the quiet hours `at` falls in (aware UTC), or None outside them (or without any)."""
    if window is None:
        return None
    start, end = clock_window(window)
    local = at.astimezone(ZoneInfo(timezone))
    minute = local.hour * 60 + local.minute
    if start < end:
        inside = start <= minute < end
        end_day = local.date()
    else:  # across midnight: 22:00-07:00
        inside = minute >= start or minute < end
        end_day = local.date() + timedelta(days=1) if minute >= start else local.date()
    if not inside:
        return None
    end_local = datetime.combine(end_day, time(0), tzinfo=local.tzinfo) + timedelta(minutes=end)
    return end_local.astimezone(at.tzinfo)
