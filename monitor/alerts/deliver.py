"""Delivery: one pass over the outbox, each channel's queue in order, in parallel across channels.

Per channel, the oldest pending message is claimed with a lease, sent, and marked sent; on a failure it
is retried after an exponential backoff (``alerts.retry_min`` doubling up to ``alerts.retry_max``) and
the channel's queue waits until then, so messages keep their order and a dead channel is not hammered.
After ``alerts.retry_for`` a message is given up (``failed``). A channel failing
``alerts.failing_after`` times in a row is marked failing (logged once, shown by ``alerts list``);
the other channels go on. During quiet hours only urgent messages go out; the rest wait.

A deliverer that dies after a send but before marking it leaves the lease to expire; the next pass sends
again with the same ``Idempotency-Key``: at least once, and exactly once for a receiver that dedupes.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from db.alerts.channels import record_channel_result
from db.alerts.outbox import claim, mark_failed, mark_sent, pending_channels
from db.types import utcnow
from monitor.alerts.apprise_channel import load_apprise
from monitor.alerts.channels import Channel, Outgoing, channels_of, retry_delay, send
from monitor.alerts.evaluate import EvaluateReport, evaluate
from monitor.alerts.messages import Message
from monitor.alerts.rules import quiet_until
from monitor.config import Alerts, Config

logger = logging.getLogger(__name__)

MIN_LEASE = timedelta(minutes=2)
MAX_PARALLEL_CHANNELS = 8


@dataclass
class DeliverReport:
    """What one delivery pass did."""

    sent: int = 0
    retrying: int = 0  # sends that failed and will be tried again
    failed: int = 0  # messages given up
    failing_channels: list[str] = field(default_factory=list)  # channels that turned failing now
    unconfigured: list[str] = field(default_factory=list)  # channel keys with messages but no config
    quiet_until: datetime | None = None


def delivery_pass(
    engine: Engine, config: Config, *, now: datetime | None = None, max_items: int = 100
) -> tuple[EvaluateReport, DeliverReport]:
    """Evaluate, then deliver: what ``alerts deliver`` and a delivery job run."""
    now = now or utcnow()
    return evaluate(engine, config, now=now), deliver(engine, config, now=now, max_items=max_items)


def deliver_summary(report: DeliverReport) -> str:
    """One line about a delivery pass."""
    text = f"delivery: {report.sent} sent, {report.retrying} to retry, {report.failed} given up"
    if report.quiet_until is not None:
        text += f"; quiet hours until {report.quiet_until.isoformat(timespec='minutes')} (urgent only)"
    if report.failing_channels:
        text += f"; failing: {', '.join(report.failing_channels)}"
    if report.unconfigured:
        text += f"; {len(report.unconfigured)} channel(s) in the outbox no longer configured"
    return text


def lease_for(alerts: Alerts) -> timedelta:
    """How long a claim holds a message: well beyond one send's timeout."""
    return max(MIN_LEASE, alerts.timeout * 3)


def deliver(
    engine: Engine,
    config: Config,
    *,
    now: datetime | None = None,
    max_items: int = 100,
    environ: Mapping[str, str] | None = None,
) -> DeliverReport:
    """One delivery pass: send what is due, at most `max_items` messages per channel.

    `now` fixes the clock for the whole pass (tests); without it each claim reads the real clock, so a
    long pass never takes a lease that is already running out.
    """
    clock: Callable[[], datetime] = utcnow
    if now is not None:
        fixed = now
        clock = lambda: fixed  # noqa: E731
    now = clock()
    alerts = config.alerts
    report = DeliverReport(quiet_until=quiet_until(alerts.quiet_hours, alerts.timezone, now))
    configured = {channel.key: channel for channel in channels_of(alerts)}
    keys = pending_channels(engine)
    report.unconfigured = [key for key in keys if key not in configured]
    work = [configured[key] for key in keys if key in configured]
    if not work:
        return report
    if any(channel.webhook is None for channel in work):
        load_apprise()  # once, here: its import adjusts the warning filters, which threads share
    owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    workers = min(MAX_PARALLEL_CHANNELS, len(work))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="alert-deliver") as pool:
        futures = [
            pool.submit(_drain, engine, channel, alerts, clock, owner, max_items, report.quiet_until, environ)
            for channel in work
        ]
        for future in futures:
            part = future.result()
            report.sent += part.sent
            report.retrying += part.retrying
            report.failed += part.failed
            report.failing_channels.extend(part.failing_channels)
    return report


def _drain(
    engine: Engine,
    channel: Channel,
    alerts: Alerts,
    clock: Callable[[], datetime],
    owner: str,
    max_items: int,
    quiet: datetime | None,
    environ: Mapping[str, str] | None,
) -> DeliverReport:
    """Send a channel's due messages in order; stop at the first failure (its backoff holds the queue)."""
    report = DeliverReport(quiet_until=quiet)
    for _ in range(max_items):
        now = clock()
        item = claim(
            engine,
            channel_key=channel.key,
            now=now,
            lease=lease_for(alerts),
            owner=owner,
            urgent_only=report.quiet_until is not None,
        )
        if item is None:
            return report
        assert item.id is not None
        message = Message(kind=item.kind, title=item.title, body=item.body, payload=item.payload)
        outgoing = Outgoing(message=message, idempotency_key=item.idempotency_key, event_key=item.event_key)
        error = send(channel, outgoing, alerts=alerts, now=now, environ=environ)
        now = clock()
        if error is None:
            mark_sent(engine, delivery_id=item.id, now=now)
            report.sent += 1
            logger.debug("alert %s sent to %s", item.event_key, channel.display)
            record_channel_result(
                engine,
                channel_key=channel.key,
                channel=channel.display,
                ok=True,
                error=None,
                now=now,
                failing_after=alerts.failing_after,
            )
            continue
        give_up = now - item.created >= alerts.retry_for
        retry_at = (
            None
            if give_up
            else now + retry_delay(item.attempts, first=alerts.retry_min, cap=alerts.retry_max)
        )
        mark_failed(engine, delivery_id=item.id, error=error, retry_at=retry_at)
        if give_up:
            report.failed += 1
            logger.error(
                "alert %s to %s given up after %d attempts: %s",
                item.event_key,
                channel.display,
                item.attempts,
                error,
            )
        else:
            report.retrying += 1
            assert retry_at is not None
            logger.warning(
                "alert %s to %s failed (attempt %d), retry at %s: %s",
                item.event_key,
                channel.display,
                item.attempts,
                retry_at.isoformat(timespec="seconds"),
                error,
            )
        state = record_channel_result(
            engine,
            channel_key=channel.key,
            channel=channel.display,
            ok=False,
            error=error,
            now=now,
            failing_after=alerts.failing_after,
        )
        if state.failing_since == now:
            report.failing_channels.append(channel.display)
            logger.error("alert channel %s is failing: %d failures in a row", channel.display, state.failures)
        return report
    return report
