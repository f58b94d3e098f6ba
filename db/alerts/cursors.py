"""How far the alert evaluator has read a history (`AlertCursor`), and the lock that orders evaluators."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from db.alerts.tables import AlertCursor


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
