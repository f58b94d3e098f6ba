"""The alert outbox: every message is written here (`AlertDelivery`) before any send, and leaves only
when delivered.

- Enqueueing is idempotent: a message is one ``(event_key, channel_key)``, stored once however often
  it is evaluated.
- Delivery claims a row with a lease (`claim`): two deliverers never send the same row at once, and a
  deliverer that dies between the send and `mark_sent` leaves a lease that expires, after which the row
  is sent again (at least once; the receiver dedupes by the idempotency key).
- Each channel is a FIFO queue: only its oldest pending row is offered, so an outage's resolve never
  overtakes its start, and a channel that is down waits out its backoff instead of being hammered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from db.alerts.cursors import lock
from db.alerts.tables import FAILED, PENDING, SENT, AlertDelivery


@dataclass(frozen=True)
class NewDelivery:
    """A message the evaluator wants sent to one channel."""

    event_key: str
    channel_key: str
    channel: str
    kind: str
    event_at: datetime
    title: str
    body: str
    payload: dict[str, Any]
    urgent: bool = False


def enqueue(session: Session, *, deliveries: Sequence[NewDelivery], now: datetime) -> int:
    """Add the deliveries not yet in the outbox (in the caller's transaction); returns how many were new.

    A delivery whose ``(event_key, channel_key)`` exists already is skipped, also when another process
    inserts it at the same moment (the unique constraint decides; this transaction goes on). Takes
    `lock` first: call it before any read of the transaction (or call `lock` yourself).
    """
    if not deliveries:
        return 0
    lock(session)
    keys = {d.event_key for d in deliveries}
    existing: set[tuple[str, str]] = set()
    key_list = sorted(keys)
    for start in range(0, len(key_list), 500):
        rows = session.exec(
            select(AlertDelivery.event_key, AlertDelivery.channel_key).where(
                col(AlertDelivery.event_key).in_(key_list[start : start + 500])
            )
        )
        existing.update((event_key, channel_key) for event_key, channel_key in rows)
    added = 0
    for new in deliveries:
        pair = (new.event_key, new.channel_key)
        if pair in existing:
            continue
        existing.add(pair)
        row = AlertDelivery(
            event_key=new.event_key,
            channel_key=new.channel_key,
            channel=new.channel,
            kind=new.kind,
            event_at=new.event_at,
            created=now,
            urgent=new.urgent,
            next_attempt=now,
            title=new.title[:500],
            body=new.body,
            payload=new.payload,
        )
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:  # a concurrent evaluator enqueued it first
            continue
        added += 1
    return added


def claim(
    engine: Engine,
    *,
    channel_key: str,
    now: datetime,
    lease: timedelta,
    owner: str,
    urgent_only: bool = False,
) -> AlertDelivery | None:
    """Take the oldest pending delivery of a channel, if it is due and nobody holds it; else None.

    The lease lasts `lease`: a deliverer that dies without `mark_sent` or `mark_failed` loses it then,
    and the row is offered again. Counts the attempt at once, so a message that crashes the deliverer
    still runs out of retries.
    """
    # Read, then write in a transaction of its own: on SQLite a read followed by a write in one
    # transaction fails when another writer (a parallel channel's mark_sent) committed in between.
    query = select(AlertDelivery).where(
        col(AlertDelivery.channel_key) == channel_key, col(AlertDelivery.status) == PENDING
    )
    if urgent_only:
        query = query.where(col(AlertDelivery.urgent).is_(True))
    with Session(engine, expire_on_commit=False) as session:
        head = session.exec(query.order_by(col(AlertDelivery.id)).limit(1)).first()
    if head is None or head.next_attempt > now:
        return None
    if head.lease_until is not None and head.lease_until > now:
        return None
    with Session(engine) as session:
        result = session.execute(
            update(AlertDelivery)
            .where(
                col(AlertDelivery.id) == head.id,
                col(AlertDelivery.status) == PENDING,
                col(AlertDelivery.attempts) == head.attempts,
                or_(col(AlertDelivery.lease_until).is_(None), col(AlertDelivery.lease_until) <= now),
            )
            .values(lease_until=now + lease, lease_owner=owner, attempts=head.attempts + 1)
        )
        session.commit()
    if getattr(result, "rowcount", 0) != 1:  # another deliverer took it between the two statements
        return None
    head.lease_until, head.lease_owner, head.attempts = now + lease, owner, head.attempts + 1
    return head


def mark_sent(engine: Engine, *, delivery_id: int, now: datetime) -> None:
    """Record that a delivery was accepted by its channel."""
    with Session(engine) as session:
        session.execute(
            update(AlertDelivery)
            .where(col(AlertDelivery.id) == delivery_id)
            .values(status=SENT, sent_at=now, lease_until=None, lease_owner=None, last_error=None)
        )
        session.commit()


def mark_failed(engine: Engine, *, delivery_id: int, error: str, retry_at: datetime | None) -> None:
    """Record a failed send: retried at `retry_at`, or given up (status failed) when it is None."""
    values: dict[str, Any] = {"last_error": error[:2000], "lease_until": None, "lease_owner": None}
    if retry_at is None:
        values["status"] = FAILED
    else:
        values["next_attempt"] = retry_at
    with Session(engine) as session:
        session.execute(
            update(AlertDelivery)
            .where(col(AlertDelivery.id) == delivery_id, col(AlertDelivery.status) == PENDING)
            .values(**values)
        )
        session.commit()


def release(engine: Engine, *, delivery_id: int) -> None:
    """Hand a claimed delivery back untried (its attempt is not counted)."""
    with Session(engine) as session:
        session.execute(
            update(AlertDelivery)
            .where(col(AlertDelivery.id) == delivery_id, col(AlertDelivery.status) == PENDING)
            .values(lease_until=None, lease_owner=None, attempts=AlertDelivery.attempts - 1)
        )
        session.commit()


def pending_channels(engine: Engine) -> list[str]:
    """The channel keys with pending deliveries."""
    with Session(engine) as session:
        query = select(AlertDelivery.channel_key).where(col(AlertDelivery.status) == PENDING).distinct()
        return sorted(session.exec(query))


def list_deliveries(
    engine: Engine, *, status: str | None = None, limit: int = 50, offset: int = 0
) -> list[AlertDelivery]:
    """Deliveries, newest first, optionally of one status."""
    with Session(engine, expire_on_commit=False) as session:
        query = select(AlertDelivery)
        if status is not None:
            query = query.where(col(AlertDelivery.status) == status)
        query = query.order_by(col(AlertDelivery.id).desc()).offset(offset).limit(limit)
        return list(session.exec(query))


def count_deliveries(engine: Engine) -> dict[tuple[str, str], int]:
    """How many deliveries each (channel_key, status) has."""
    with Session(engine) as session:
        query = select(AlertDelivery.channel_key, AlertDelivery.status, func.count()).group_by(
            col(AlertDelivery.channel_key), col(AlertDelivery.status)
        )
        return {(key, status): int(n) for key, status, n in session.exec(query)}
