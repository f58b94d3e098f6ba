"""Each alert channel's health (`AlertChannel`): consecutive failures, failing since, last error."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, literal, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from db.alerts.tables import AlertChannel
from db.types import UTCDateTime


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
