"""Evaluation: the history since the last evaluation, through the rules, into the outbox.

`evaluate` reads, in one transaction:

- the crawl runs after the cursor that have finished, and their `Change` rows: one group per run, so a
  crawl that moves 80 prices makes one digest per channel;
- each recently crawled source's failing streak (``source_failing``, per the rules' ``after``);
- the incidents open or started/ended within ``alerts.max_age``: start, resolve, and while an outage
  lasts one reminder every ``alerts.remind_every`` (keyed ``reminder-N``, so each is sent once);

routes each event to its channels, renders one message per (group, channel) and enqueues it. The outbox
key ``(event_key, channel_key)`` makes all of it idempotent: evaluating again, or from two processes,
enqueues nothing twice. The cursor (the highest run id below which every run has finished) moves in the
same transaction; runs above it are read again until the runs before them finish, which costs a few
reads and sends nothing twice. Events older than ``alerts.max_age`` (a first evaluation over old
history) and incident events inside a maintenance window of their probe are not sent.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.alerts.cursors import get_cursor, lock, set_cursor
from db.alerts.events import (
    RUNNING,
    changes_of_runs,
    failing_streaks,
    incidents_to_check,
    recent_sources,
    runs_after,
)
from db.alerts.outbox import NewDelivery, enqueue
from db.engine import session_scope
from db.models import Change, CrawlRun
from db.types import utcnow
from monitor.alerts.channels import Channel, channels_of
from monitor.alerts.events import change_events, incident_event, streak_events
from monitor.alerts.messages import render
from monitor.alerts.rules import Event, failing_thresholds, route
from monitor.config import AlertRule, Alerts, Config

logger = logging.getLogger(__name__)

RUNS_CURSOR = "runs"
# A run still "running" after this long belongs to a process that died without being marked; it holds
# no committed changes, so it must not hold the cursor back for ever.
STALE_RUNNING = timedelta(days=1)


@dataclass
class EvaluateReport:
    """What one evaluation read and enqueued."""

    runs: int = 0  # finished runs read
    changes: int = 0
    incidents: int = 0
    events: int = 0  # events that passed a rule for at least one channel
    messages: int = 0  # (group, channel) messages rendered
    enqueued: int = 0  # of those, new in the outbox
    suppressed: int = 0  # incident events inside a maintenance window
    cursor: int = 0


def evaluate_summary(report: EvaluateReport) -> str:
    """One line about an evaluation, for the CLI and the service log."""
    return (
        f"alerts: read {report.runs} finished crawl(s), {report.changes} change(s), "
        f"{report.incidents} incident(s); {report.events} event(s) passed the rules; "
        f"{report.enqueued} new message(s) in the outbox"
        + (f"; {report.suppressed} in maintenance" if report.suppressed else "")
    )


def evaluate(engine: Engine, config: Config, *, now: datetime | None = None) -> EvaluateReport:
    """Apply the alert rules to what happened since the last evaluation and fill the outbox.

    Idempotent; safe to call after every crawl and probe round, and from several processes.
    """
    now = now or utcnow()
    alerts = config.alerts
    channels = channels_of(alerts)
    rules = alerts.effective_rules()
    report = EvaluateReport()
    with session_scope(engine) as session:
        lock(session, name=RUNS_CURSOR)  # before any read: see db.alerts.cursors.lock
        stored = get_cursor(session, name=RUNS_CURSOR)
        cursor = stored or 0
        runs = runs_after(session, after_id=cursor)
        events: list[Event] = []
        if channels and rules:
            events.extend(_change_events(session, runs, alerts=alerts, now=now, report=report))
            events.extend(_streak_events(session, rules, alerts=alerts, now=now))
            events.extend(_incident_events(session, config, now=now, report=report))
        deliveries = _deliveries(events, rules, channels, alerts=alerts, report=report)
        report.enqueued = enqueue(session, deliveries=deliveries, now=now)
        report.cursor = _watermark(cursor, runs, now=now)
        if stored is None or report.cursor != cursor:
            set_cursor(session, name=RUNS_CURSOR, position=report.cursor, now=now)
    if report.enqueued:
        logger.info(
            "alerts: %d new message(s) in the outbox from %d event(s)", report.enqueued, report.events
        )
    return report


def _change_events(
    session: Session, runs: Sequence[CrawlRun], *, alerts: Alerts, now: datetime, report: EvaluateReport
) -> list[Event]:
    horizon = now - alerts.max_age
    fresh = [r for r in runs if r.status != RUNNING and (r.finished or r.started) >= horizon]
    report.runs = len(fresh)
    by_run: dict[int, list[Change]] = defaultdict(list)
    for change in changes_of_runs(session, run_ids=[r.id for r in fresh if r.id is not None]):
        if change.run_id is not None:
            by_run[change.run_id].append(change)
    events = []
    for run in fresh:
        changes = by_run.get(run.id or 0, [])
        report.changes += len(changes)
        events.extend(change_events(run, changes, dashboard=alerts.dashboard_url))
    return events


def _streak_events(
    session: Session, rules: Sequence[AlertRule], *, alerts: Alerts, now: datetime
) -> list[Event]:
    thresholds = failing_thresholds(rules)
    if not thresholds:
        return []
    horizon = now - alerts.max_age
    events: list[Event] = []
    for source in recent_sources(session, since=horizon):
        for after in thresholds:
            for streak in failing_streaks(session, source=source, after=after):
                events.extend(
                    event
                    for event in streak_events(streak, after=after, dashboard=alerts.dashboard_url)
                    if event.at >= horizon
                )
    return events


def _incident_events(
    session: Session, config: Config, *, now: datetime, report: EvaluateReport
) -> list[Event]:
    alerts = config.alerts
    horizon = now - alerts.max_age
    windows = config.monitoring.maintenance
    events = []
    for incident in incidents_to_check(session, since=horizon):
        report.incidents += 1
        wanted: list[tuple[str, datetime, int]] = []
        if incident.started >= horizon:
            wanted.append(("start", incident.started, 0))
        if incident.ended is None:
            if incident.kind == "down" and alerts.reminders:
                n = int((now - incident.started) / alerts.remind_every)
                at = incident.started + n * alerts.remind_every
                if n >= 1 and at >= horizon:
                    wanted.append(("reminder", at, n))
        elif incident.ended >= horizon:
            wanted.append(("resolve", incident.ended, 0))
        for action, at, n in wanted:
            if any(window.covers(incident.probe, at) for window in windows):
                report.suppressed += 1
                continue
            events.append(incident_event(incident, action, at=at, dashboard=alerts.dashboard_url, n=n))
    return events


def _deliveries(
    events: Sequence[Event],
    rules: Sequence[AlertRule],
    channels: Sequence[Channel],
    *,
    alerts: Alerts,
    report: EvaluateReport,
) -> list[NewDelivery]:
    by_name = {channel.name: channel for channel in channels}
    names = list(by_name)
    groups: dict[str, dict[str, tuple[list[Event], bool]]] = {}
    for event in events:
        routed = route(event, rules, channels=names, default_percent=alerts.price_change_percent)
        if not routed:
            continue
        report.events += 1
        group = groups.setdefault(event.group, {})
        for name, urgent in routed.items():
            chosen, was_urgent = group.get(name, ([], False))
            chosen.append(event)
            group[name] = (chosen, was_urgent or urgent)
    deliveries = []
    for group_key, per_channel in groups.items():
        for name, (chosen, urgent) in per_channel.items():
            channel = by_name[name]
            message = render(
                chosen,
                dashboard=alerts.dashboard_url,
                max_lines=alerts.max_lines,
                flood_threshold=alerts.flood_threshold,
            )
            report.messages += 1
            deliveries.append(
                NewDelivery(
                    event_key=group_key,
                    channel_key=channel.key,
                    channel=channel.display,
                    kind=message.kind,
                    event_at=min(event.at for event in chosen),
                    title=message.title,
                    body=message.body,
                    payload=message.payload,
                    urgent=urgent,
                )
            )
    return deliveries


def _watermark(cursor: int, runs: Sequence[CrawlRun], *, now: datetime) -> int:
    """The highest run id up to which every run has finished (or died long ago)."""
    position = cursor
    for run in runs:
        if run.status == RUNNING and run.started > now - STALE_RUNNING:
            break
        position = max(position, run.id or 0)
    return position
