"""The messages: a title and a text for people, and the JSON payload for webhooks. Pure.

A group of events (a crawl's changes, one incident event) becomes one message per channel. The JSON
webhook receives (monitor/alerts/README.md documents it whole):

    {"version": 1, "idempotency_key": "…", "event_key": "run:12:changes", "kind": "changes",
     "title": "…", "text": "…", "at": "2026-05-01T12:00:00+00:00", "link": "http://…/changes?run=12",
     "count": 80, "events": [{"kind": "price_up", "rule": "price_change", "text": "…", "link": "…",
     "model": "…", "provider": "…", "field": "input", "old": "0.21", "new": "0.27", "percent": 28.57, …}],
     "counts": {"price_change": 80}, "flood": false}

A crawl's digest lists price changes first (the largest move first), then new models, then new endpoints,
then the rest, up to ``max_lines`` lines, and says how many of each kind it left out. More than
``flood_threshold`` changes at once (a catalog adding a provider's 5,000 endpoints) is a flood: one short
message with the counts by kind and only the largest price changes, whose payload lists just those.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from monitor.alerts.events import CHANGES_PAGE, link, when
from monitor.alerts.rules import Event
from monitor.config.alerts import FLOOD_THRESHOLD

PAYLOAD_VERSION = 1
MAX_PAYLOAD_EVENTS = 1000
#: A flood digest lists at most this many price changes (the largest), and counts the rest.
FLOOD_LINES = 10
# Digest sections: price changes first (largest move first), then new models, new endpoints, the rest.
_SECTIONS = {
    "price_up": 0,
    "price_down": 0,
    "price_added": 0,
    "price_removed": 0,
    "new_model": 1,
    "new_endpoint": 2,
    "endpoint_removed": 3,
    "parser_broken": 4,
    "context_changed": 5,
    "parameters_changed": 6,
    "endpoint_changed": 7,
    "parser_fixed": 8,
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
    "sources_disagree": ("disagreement between sources", "disagreements between sources"),
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


def render(
    events: Sequence[Event], *, dashboard: str, max_lines: int, flood_threshold: int = FLOOD_THRESHOLD
) -> Message:
    """One message about `events` (one group, at least one event)."""
    if not events:
        raise ValueError("a message needs at least one event")
    first = events[0]
    kind = message_kind(first)
    if kind == "changes":
        return _digest(events, dashboard=dashboard, max_lines=max_lines, flood_threshold=flood_threshold)
    body = f"{first.text}\n\nWhen: {when(first.at)}"
    if first.link:
        body += f"\nDashboard: {first.link}"
    title = "modelwatch: " + (first.title or first.text)
    return Message(
        kind, title, body, _payload(kind, title, body, events, link_=first.link, group=first.group)
    )


def digest_order(events: Iterable[Event]) -> list[Event]:
    """Price changes first, the largest move first (then moves from 0, then prices newly published or
    withdrawn); then new models; then new endpoints; then removals, parsers, context, parameters..."""

    def key(event: Event) -> tuple[int, int, float, str]:
        section = _SECTIONS.get(event.action, 99)
        if section != 0:
            return (section, 0, 0.0, event.text)
        if event.percent is not None:
            return (0, 0, -abs(event.percent), event.text)
        return (0, 1 if event.action in ("price_up", "price_down") else 2, 0.0, event.text)

    return sorted(events, key=key)


def _counts(events: Iterable[Event]) -> list[tuple[str, int]]:
    """Events by rule kind, the most first (ties in digest order)."""
    counts: Counter[str] = Counter()
    rank: dict[str, int] = {}
    for event in events:
        counts[event.rule_kind] += 1
        rank[event.rule_kind] = min(rank.get(event.rule_kind, 99), _SECTIONS.get(event.action, 99))
    return sorted(counts.items(), key=lambda item: (-item[1], rank[item[0]], item[0]))


def _count_text(counts: list[tuple[str, int]]) -> str:
    """``4,900 new endpoints, 80 new models``."""
    return ", ".join(f"{n:,} {_NOUNS.get(kind, (kind, kind))[n != 1]}" for kind, n in counts)


def _left_out(shown: Sequence[Event], ordered: Sequence[Event]) -> str | None:
    """``… and 4,980 more: 4,900 new endpoints, 80 new models; see the dashboard``, or None."""
    listed = {id(event) for event in shown}
    rest = [event for event in ordered if id(event) not in listed]
    if not rest:
        return None
    return f"… and {len(rest):,} more: {_count_text(_counts(rest))}; see the dashboard"


def _digest(events: Sequence[Event], *, dashboard: str, max_lines: int, flood_threshold: int) -> Message:
    ordered = digest_order(events)
    first = events[0]
    source = first.source or "?"
    run_id = first.group.split(":")[1]
    page = link(dashboard, CHANGES_PAGE, run=run_id)
    counts = _counts(events)
    summary = _count_text(counts)
    flood = len(events) > flood_threshold
    if len(events) == 1:
        title = f"modelwatch: {first.text}"
        if len(title) > 200:
            title = title[:199] + "…"
    else:
        title = f"modelwatch: {len(events):,} changes from {source} ({summary})"
    lines = [f"{source} crawl at {when(first.at)}: {summary}"]
    if flood:
        # One short message however many: the counts, and only the largest price changes.
        shown = [e for e in ordered if e.rule_kind == "price_change"][: min(max_lines, FLOOD_LINES)]
        lines.append(
            f"{len(events):,} changes at once (more than {flood_threshold:,}): "
            + ("the largest price changes:" if shown else "no price changes.")
        )
    else:
        shown = ordered[:max_lines]
    lines.extend(f"• {event.text}" for event in shown)
    more = _left_out(shown, ordered)
    if more:
        lines.append(more)
    lines.append(f"\nDashboard: {page}")
    body = "\n".join(lines)
    # the payload lists what the text lists in a flood, else every event (up to MAX_PAYLOAD_EVENTS)
    listed = shown if flood else ordered
    payload = _payload("changes", title, body, events, link_=page, group=first.group, listed=listed)
    payload["counts"] = dict(counts)
    payload["flood"] = flood
    return Message("changes", title, body, payload)


def _payload(
    kind: str,
    title: str,
    body: str,
    events: Sequence[Event],
    *,
    link_: str | None,
    group: str,
    listed: Sequence[Event] | None = None,
) -> dict[str, Any]:
    """The webhook's JSON about `events`: ``count`` all of them, ``events`` the `listed` ones (default: all,
    in the order given), at most `MAX_PAYLOAD_EVENTS`."""
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
            for e in (events if listed is None else listed)[:MAX_PAYLOAD_EVENTS]
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
