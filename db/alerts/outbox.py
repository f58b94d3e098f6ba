"""The alert outbox: every message is written here before any send, and leaves only when delivered.

- `AlertDelivery`: one message for one channel. ``(event_key, channel_key)`` is unique, so evaluating
  the same event twice (a re-run, two processes) enqueues it once; the idempotency key sent with the
  message is derived from that pair, so a receiver can drop a re-send.
- Delivery claims a row with a lease (`claim`): two deliverers never send the same row at once, and a
  deliverer that dies between the send and `mark_sent` leaves a lease that expires, after which the row
  is sent again (at least once; the receiver dedupes by the idempotency key).
- Each channel is a FIFO queue: only its oldest pending row is offered, so an outage's resolve never
  overtakes its start, and a channel that is down waits out its backoff instead of being hammered.
- `AlertChannel` keeps each channel's health (consecutive failures, failing since); `AlertCursor`
  keeps how far the evaluator has read the change and incident history.

Secrets never enter these tables: a channel is stored as its key and a redacted name.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint, case, func, literal, or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col, select

from db.models import _time
from db.types import UTCDateTime

PENDING = "pending"
SENT = "sent"
FAILED = "failed"
STATUSES = (PENDING, SENT, FAILED)

_KEY_NAMESPACE = uuid.UUID("6f1b3f5e-8d0c-4f4e-9a55-6d6f64656c77")


class AlertDelivery(SQLModel, table=True):
    """One alert message for one channel, from enqueue to sent (or given up)."""

    __table_args__ = (
        UniqueConstraint("event_key", "channel_key"),
        Index("ix_alertdelivery_queue", "channel_key", "status", "id"),
        Index("ix_alertdelivery_status_created", "status", "created"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_key: str = Field(max_length=300)  # e.g. "run:12:changes", "incident:4:start"
    channel_key: str = Field(max_length=200)
    channel: str = Field(max_length=300)  # redacted, for people: "json://127.0.0.1:8765"
    kind: str = Field(max_length=40)  # "changes", "outage_start", "source_failing", ...
    event_at: datetime = _time()  # when the event happened
    created: datetime = _time()
    urgent: bool = False  # sent during quiet hours
    status: str = Field(default=PENDING, max_length=20)
    attempts: int = 0
    next_attempt: datetime = _time()
    lease_until: datetime | None = _time(nullable=True)
    lease_owner: str | None = Field(default=None, max_length=100)
    sent_at: datetime | None = _time(nullable=True)
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    title: str = Field(max_length=500)
    body: str = Field(sa_column=Column(Text, nullable=False))
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))

    @property
    def idempotency_key(self) -> str:
        return idempotency_key(self.event_key, self.channel_key)


class AlertChannel(SQLModel, table=True):
    """A channel's health, as the deliverer last saw it."""

    channel_key: str = Field(primary_key=True, max_length=200)
    channel: str = Field(max_length=300)
    failures: int = 0  # consecutive failed sends
    failing_since: datetime | None = _time(nullable=True)
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    last_attempt: datetime | None = _time(nullable=True)
    last_ok: datetime | None = _time(nullable=True)


class AlertCursor(SQLModel, table=True):
    """How far the alert evaluator has read a history (``"runs"``: every run up to this id)."""

    name: str = Field(primary_key=True, max_length=50)
    position: int = 0
    updated: datetime = _time()


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


def idempotency_key(event_key: str, channel_key: str) -> str:
    """The key a receiver dedupes by: the same for every attempt of one message to one channel."""
    return str(uuid.uuid5(_KEY_NAMESPACE, f"{event_key}\n{channel_key}"))


def lock(session: Session, *, name: str = "runs") -> None:
    """Make the caller's transaction the outbox's writer now, before it reads anything.

    Call it first in a transaction that reads and then enqueues (the evaluator). On SQLite a
    transaction that reads first and writes later fails at once ("database is locked") when another
    writer committed in between; one that writes first waits its turn (busy timeout). On PostgreSQL it
    serialises evaluators on the cursor row, so the second one sees what the first enqueued.
    """
    session.execute(
        update(AlertCursor).where(col(AlertCursor.name) == name).values(position=AlertCursor.position)
    )


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


def record_channel_result(
    engine: Engine,
    *,
    channel_key: str,
    channel: str,
    ok: bool,
    error: str | None,
    now: datetime,
    failing_after: int,
) -> AlertChannel:
    """Update a channel's health after a send; it is failing from the `failing_after`-th failure in a row."""
    table = AlertChannel.__table__  # type: ignore[attr-defined]
    if ok:
        values: dict[str, Any] = {
            "failures": 0,
            "failing_since": None,
            "last_error": None,
            "last_ok": now,
        }
    else:
        values = {
            "failures": table.c.failures + 1,
            "last_error": (error or "")[:2000],
            "failing_since": case(
                (
                    (table.c.failing_since.is_(None)) & (table.c.failures + 1 >= failing_after),
                    literal(now, UTCDateTime()),
                ),
                else_=table.c.failing_since,
            ),
        }
    values.update(channel=channel, last_attempt=now)
    # One UPDATE (a write first: no read-then-write race), an INSERT the first time.
    with Session(engine) as session:
        result = session.execute(update(table).where(table.c.channel_key == channel_key).values(**values))
        if not getattr(result, "rowcount", 0):
            first = AlertChannel(
                channel_key=channel_key,
                channel=channel,
                failures=0 if ok else 1,
                failing_since=None if ok or failing_after > 1 else now,
                last_error=None if ok else (error or "")[:2000],
                last_attempt=now,
                last_ok=now if ok else None,
            )
            session.add(first)
        try:
            session.commit()
        except IntegrityError:  # a concurrent deliverer inserted it: count ours on top
            session.rollback()
            session.execute(update(table).where(table.c.channel_key == channel_key).values(**values))
            session.commit()
    with Session(engine, expire_on_commit=False) as session:
        state = session.get(AlertChannel, channel_key)
        assert state is not None
        return state


def channel_states(engine: Engine) -> dict[str, AlertChannel]:
    """Every channel's health, by channel key."""
    with Session(engine, expire_on_commit=False) as session:
        return {state.channel_key: state for state in session.exec(select(AlertChannel))}


def get_cursor(session: Session, *, name: str) -> int | None:
    """The cursor's position, or None before the first evaluation."""
    cursor = session.get(AlertCursor, name)
    return None if cursor is None else cursor.position


def set_cursor(session: Session, *, name: str, position: int, now: datetime) -> None:
    """Move a cursor (in the caller's transaction)."""
    cursor = session.get(AlertCursor, name)
    if cursor is None:
        try:
            with session.begin_nested():
                session.add(AlertCursor(name=name, position=position, updated=now))
            return
        except IntegrityError:  # a concurrent evaluator created it: update that row instead
            cursor = session.get(AlertCursor, name)
            assert cursor is not None
    cursor.position = position
    cursor.updated = now
    session.add(cursor)
