"""Events from the store's history: changes, failing streaks and incidents as `Event`s. Pure.

Each event carries the one line a person reads ("DeepInfra · deepseek/deepseek-v3.1-terminus: input
price 0.21 -> 0.27 per 1M tokens (+28.57%)"), a link to the dashboard page that shows it, and the
fields the JSON webhook gets.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from db.alerts.events import FailingStreak, IncidentView
from db.catalog.changes import percent_text
from db.models import Change, CrawlRun
from monitor.alerts.rules import CHANGE_RULE_KINDS, Event

# Dashboard pages (Streamlit multipage paths) the links point to.
CHANGES_PAGE = "/changes"
MODEL_PAGE = "/model"  # the dashboard's model page: ?id=<canonical model id>
STATUS_PAGE = "/status"


def link(base: str, page: str, **query: Any) -> str:
    """A dashboard URL: `base` + `page` + the query (None values left out)."""
    params = {key: value for key, value in query.items() if value is not None}
    return f"{base}{page}" + (f"?{urlencode(params)}" if params else "")


def when(at: datetime) -> str:
    """``2026-05-01 12:00 UTC``."""
    return at.strftime("%Y-%m-%d %H:%M UTC")


def span(delta: timedelta) -> str:
    """``2h 5m``, ``45m``, ``3d 4h``."""
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days}d"] if days else []
    if hours:
        parts.append(f"{hours}h")
    if minutes and not days:
        parts.append(f"{minutes}m")
    return " ".join(parts) or "<1m"


def _who(provider: str | None, model: str | None) -> str:
    return " · ".join(part for part in (provider, model) if part) or "?"


def _percent(value: float | None) -> str:
    return "" if value is None else f" ({percent_text(value)})"


def change_text(change: Change) -> str:
    """One line for a `Change` row."""
    who = _who(change.provider, change.model)
    kind, field, old, new = change.kind, change.field, change.old, change.new
    if kind in ("price_up", "price_down"):
        direction = "up" if kind == "price_up" else "down"
        return f"{who}: {field} price {direction} {old} -> {new} per 1M tokens{_percent(change.percent)}"
    if kind == "price_added":
        return f"{who}: {field} price now published: {new} per 1M tokens"
    if kind == "price_removed":
        return f"{who}: {field} price no longer published (was {old} per 1M tokens)"
    if kind == "new_model":
        return f"new model {change.model}" + (f" ({new})" if new and new != change.model else "")
    if kind == "new_endpoint":
        again = " again" if old == "removed" else ""
        tag = f" [{change.subject}]" if change.subject else ""
        return f"{who}{tag}: endpoint listed{again} ({new})"
    if kind == "endpoint_removed":
        tag = f" [{change.subject}]" if change.subject else ""
        return f"{who}{tag}: endpoint removed (was {old})"
    if kind == "parameters_changed":
        added = f"added {new}" if new else ""
        removed = f"removed {old}" if old else ""
        return f"{who}: parameters {'; '.join(p for p in (added, removed) if p)}"
    if kind == "parser_broken":
        return f"parser broken ({change.source}) for {change.subject}: {new}"
    if kind == "parser_fixed":
        return f"parser fixed ({change.source}) for {change.subject}"
    if kind == "sources_disagree":
        return f"{who} {field}: {says(new, field)}"
    if kind == "sources_agree":
        return f"{who} {field}: the sources agree again (were: {says(old, field)})"
    return f"{who}: {field} {old} -> {new}{_percent(change.percent)}"


def says(values: str | None, field: str | None) -> str:
    """A disagreement's values as the ingest writes them (``modelsdev 1.4, deepinfra 1.05``) for people:
    ``modelsdev says 1.40, deepinfra says 1.05`` (prices per 1M tokens with at least two decimals,
    token counts with thousands separators)."""
    parts = []
    for item in (values or "").split(", "):
        source, _, value = item.rpartition(" ")
        if not source:
            parts.append(item)
            continue
        try:
            number = Decimal(value)
        except ArithmeticError:
            parts.append(f"{source} says {value}")
            continue
        if field in ("context_length", "max_output_tokens") and number == number.to_integral_value():
            shown = f"{int(number):,}"
        elif number.as_tuple().exponent in (0, -1):  # 1.4 -> 1.40, as prices are written
            shown = format(number.quantize(Decimal("0.01")), "f")
        else:
            shown = format(number, "f")
        parts.append(f"{source} says {shown}")
    return ", ".join(parts) or "?"


def change_events(run: CrawlRun, changes: list[Change], *, dashboard: str) -> list[Event]:
    """A finished run's changes as events of one group (one digest per channel)."""
    events = []
    group = f"run:{run.id}:changes"
    for change in changes:
        rule_kind = CHANGE_RULE_KINDS.get(change.kind)
        if rule_kind is None:
            continue
        page = (
            link(dashboard, MODEL_PAGE, id=change.model)
            if change.model is not None
            else link(dashboard, CHANGES_PAGE, run=run.id)
        )
        events.append(
            Event(
                key=f"change:{change.id}",
                group=group,
                rule_kind=rule_kind,
                action=change.kind,
                at=change.at,
                text=change_text(change),
                model=change.model,
                provider=change.provider,
                source=change.source,
                percent=change.percent,
                link=page,
                details={
                    "change_id": change.id,
                    "kind": change.kind,
                    "at": change.at.isoformat(),
                    "source": change.source,
                    "run_id": change.run_id,
                    "endpoint_id": change.endpoint_id,
                    "model": change.model,
                    "provider": change.provider,
                    "field": change.field,
                    "old": change.old,
                    "new": change.new,
                    "percent": change.percent,
                    "subject": change.subject,
                },
            )
        )
    return events


def streak_events(streak: FailingStreak, *, after: int, dashboard: str) -> list[Event]:
    """A source failing `after` crawls in a row: the failing event and, once it ended, the recovery."""
    trigger = streak.trigger
    base = f"source:{streak.source}:failing:{after}:{trigger.id}"
    page = link(dashboard, CHANGES_PAGE, source=streak.source)
    details = {
        "source": streak.source,
        "failed_runs": streak.failed_runs,
        "after": after,
        "last_message": trigger.message,
    }
    at = trigger.finished or trigger.started
    events = []
    if streak.ended_by is None:
        reason = f": {trigger.message}" if trigger.message else ""
        events.append(
            Event(
                key=base,
                group=base,
                rule_kind="source_failing",
                action="failing",
                at=at,
                text=f"source {streak.source} failed {after} crawls in a row{reason}",
                title=f"source {streak.source} failed {after} crawls in a row",
                source=streak.source,
                after=after,
                link=page,
                details={**details, "run_id": trigger.id},
            )
        )
    else:
        good = streak.ended_by
        events.append(
            Event(
                key=f"{base}:recovered",
                group=f"{base}:recovered",
                rule_kind="source_failing",
                action="recovered",
                at=good.finished or good.started,
                text=f"source {streak.source} crawls again ({good.status}) after {streak.failed_runs} failed",
                title=f"source {streak.source} crawls again",
                source=streak.source,
                after=after,
                link=page,
                details={**details, "run_id": good.id},
            )
        )
    return events


def incident_event(incident: IncidentView, action: str, *, at: datetime, dashboard: str, n: int = 0) -> Event:
    """One event of an incident: ``start``, ``resolve`` or the `n`-th ``reminder``."""
    rule_kind = "outage" if incident.kind == "down" else "degraded"
    suffix = f"reminder-{n}" if action == "reminder" else action
    key = f"incident:{incident.id}:{suffix}"
    who = _who(incident.provider, incident.model or incident.target_model)
    name = f"{incident.probe} ({who})"
    cause = incident.cause + (f": {incident.message}" if incident.message else "")
    lasted = span(at - incident.started)
    if incident.kind == "down":
        text = {
            "start": f"DOWN: {name} since {when(incident.started)}: {cause}",
            "reminder": f"STILL DOWN: {name} for {lasted}, since {when(incident.started)}",
            "resolve": f"UP again: {name} at {when(at)} after {span(at - incident.started)} down ({cause})",
        }[action]
    else:
        text = {
            "start": f"DEGRADED: {name} since {when(incident.started)}: {cause}",
            "reminder": f"STILL DEGRADED: {name} for {span(at - incident.started)}",
            "resolve": f"no longer degraded: {name} at {when(at)} after {span(at - incident.started)}",
        }[action]
    title = text.split(":", 1)[0] + f": {incident.probe}"
    if action == "reminder":
        title += f" for {lasted}"
    return Event(
        key=key,
        group=key,
        rule_kind=rule_kind,
        action=action,
        at=at,
        text=text,
        title=title,
        model=incident.model or incident.target_model,
        provider=incident.provider,
        probe=incident.probe,
        link=(
            link(dashboard, MODEL_PAGE, id=incident.model or incident.target_model)
            if (incident.model or incident.target_model)
            else link(dashboard, STATUS_PAGE)
        ),
        details={
            "incident_id": incident.id,
            "incident": incident.kind,
            "action": action,
            "probe": incident.probe,
            "endpoint_id": incident.endpoint_id,
            "model": incident.model or incident.target_model,
            "provider": incident.provider,
            "started": incident.started.isoformat(),
            "ended": incident.ended.isoformat() if incident.ended else None,
            "cause": incident.cause,
            "message": incident.message,
            "failures": incident.failures,
            **({"reminder": n} if action == "reminder" else {}),
        },
    )
