"""The messages: a title and a text for people, and the JSON payload for webhooks. Pure.

A group of events (a crawl's changes, one incident event) becomes one message per channel. The JSON
webhook receives (monitor/alerts/README.md documents it whole):

    {"version": 1, "idempotency_key": "…", "event_key": "run:12:changes", "kind": "changes",
     "title": "…", "text": "…", "at": "2026-05-01T12:00:00+00:00", "link": "http://…/changes?run=12",
     "count": 80, "events": [{"kind": "price_up", "rule": "price_change", "text": "…", "link": "…",
     "model": "…", "provider": "…", "field": "input", "old": "0.21", "new": "0.27", "percent": 28.57, …}]}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from monitor.alerts.events import CHANGES_PAGE, link, when
from monitor.alerts.rules import Event

PAYLOAD_VERSION = 1
MAX_PAYLOAD_EVENTS = 1000
# Digest order: what costs money or breaks things first.
_ORDER = {
    "endpoint_removed": 0,
    "price_up": 1,
    "price_down": 2,
    "price_added": 3,
    "price_removed": 4,
    "parser_broken": 5,
    "context_changed": 6,
    "parameters_changed": 7,
    "endpoint_changed": 8,
    "new_model": 9,
    "new_endpoint": 10,
    "parser_fixed": 11,
}
_NOUNS = {
    "price_change": ("price change", "price changes"),
    "new_model": ("new model", "new models"),
    "new_endpoint": ("new endpoint", "new endpoints"),
    "endpoint_removed": ("endpoint removed", "endpoints removed"),
    "context_changed": ("context change", "context changes"),
    "parameters_changed": ("parameter change", "parameter changes"),
    "endpoint_changed": ("endpoint change", "endpoint changes"),
    "parser_broken": ("parser event", "parser events"),
}


@dataclass(frozen=True)
class Message:
    """What a channel receives about one group of events."""

    kind: str  # "changes", "outage_start", "outage_reminder", "degraded_resolve", "source_failing", ...
    title: str
    body: str
    payload: dict[str, Any]  # without the idempotency key (added at send time)


def message_kind(event: Event) -> str:
    if event.group.startswith("run:"):
        return "changes"
    if event.rule_kind == "source_failing":
        return f"source_{event.action}"
    return f"{event.rule_kind}_{event.action}"


def render(events: Sequence[Event], *, dashboard: str, max_lines: int) -> Message:
    """One message about `events` (one group, at least one event)."""
    if not events:
        raise ValueError("a message needs at least one event")
    first = events[0]
    kind = message_kind(first)
    if kind == "changes":
        return _digest(events, dashboard=dashboard, max_lines=max_lines)
    body = f"{first.text}\n\nWhen: {when(first.at)}"
    if first.link:
        body += f"\nDashboard: {first.link}"
    title = "modelwatch: " + (first.title or first.text)
    return Message(
        kind, title, body, _payload(kind, title, body, events, link_=first.link, group=first.group)
    )


def _digest(events: Sequence[Event], *, dashboard: str, max_lines: int) -> Message:
    ordered = sorted(events, key=lambda e: (_ORDER.get(e.action, 99), -abs(e.percent or 0), e.text))
    first = events[0]
    source = first.source or "?"
    run_id = first.group.split(":")[1]
    page = link(dashboard, CHANGES_PAGE, run=run_id)
    counts = Counter(e.rule_kind for e in events)
    parts = [f"{n} {_NOUNS.get(k, (k, k))[n != 1]}" for k, n in counts.most_common()]
    if len(events) == 1:
        title = f"modelwatch: {first.text}"
        if len(title) > 200:
            title = title[:199] + "…"
    else:
        title = f"modelwatch: {len(events)} changes from {source} ({', '.join(parts)})"
    lines = [f"{source} crawl at {when(first.at)}: {', '.join(parts)}"]
    lines.extend(f"• {event.text}" for event in ordered[:max_lines])
    if len(ordered) > max_lines:
        lines.append(f"… and {len(ordered) - max_lines} more on the dashboard")
    lines.append(f"\nDashboard: {page}")
    body = "\n".join(lines)
    return Message(
        "changes", title, body, _payload("changes", title, body, ordered, link_=page, group=first.group)
    )


def _payload(
    kind: str, title: str, body: str, events: Sequence[Event], *, link_: str | None, group: str
) -> dict[str, Any]:
    return {
        "version": PAYLOAD_VERSION,
        "event_key": group,
        "kind": kind,
        "title": title,
        "text": body,
        "at": min(e.at for e in events).isoformat(),
        "link": link_,
        "count": len(events),
        "events": [
            {"rule": e.rule_kind, "action": e.action, "text": e.text, "link": e.link, **e.details}
            for e in events[:MAX_PAYLOAD_EVENTS]
        ],
    }


def trial_message(*, dashboard: str, at_text: str) -> Message:
    """The message `modelwatch alerts test` sends."""
    title = "modelwatch: test alert"
    body = f"A test message from modelwatch ({at_text}): alerts reach this channel.\n\nDashboard: {dashboard}"
    payload = {
        "version": PAYLOAD_VERSION,
        "event_key": f"test:{at_text}",
        "kind": "test",
        "title": title,
        "text": body,
        "at": at_text,
        "link": dashboard,
        "count": 0,
        "events": [],
    }
    return Message("test", title, body, payload)
