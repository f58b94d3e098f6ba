"""The alert tables: the outbox's messages, each channel's health, and the evaluator's cursors.

- `AlertDelivery`: one message for one channel. ``(event_key, channel_key)`` is unique, so evaluating
  the same event twice (a re-run, two processes) enqueues it once; the idempotency key sent with the
  message is derived from that pair, so a receiver can drop a re-send.
- `AlertChannel` keeps each channel's health (consecutive failures, failing since); `AlertCursor`
  keeps how far the evaluator has read the change and incident history.

Secrets never enter these tables: a channel is stored as its key and a redacted name.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.models import _time

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


def idempotency_key(event_key: str, channel_key: str) -> str:
    """The key a receiver dedupes by: the same for every attempt of one message to one channel."""
    return str(uuid.uuid5(_KEY_NAMESPACE, f"{event_key}\n{channel_key}"))
