"""The service's heartbeat: when each long-running process last showed it was alive.

`modelwatch run` beats every few seconds; `/healthz` reports the age of the newest beat, so a scheduler
that died (or a service that was never started) shows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, col

from db.models import _time
from db.types import utcnow


class Heartbeat(SQLModel, table=True):
    """One row per beating component (``"scheduler"``)."""

    name: str = Field(primary_key=True, max_length=50)
    at: datetime = _time()
    started: datetime = _time()
    pid: int | None = None


def beat(
    engine: Engine,
    *,
    name: str = "scheduler",
    started: datetime,
    pid: int | None = None,
    now: datetime | None = None,
) -> None:
    """Record that `name` is alive now (an upsert)."""
    now = now or utcnow()
    table = Heartbeat.__table__  # type: ignore[attr-defined]
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(table).where(table.c.name == name).values(at=now, started=started, pid=pid)
        )
        if not getattr(result, "rowcount", 0):
            session.add(Heartbeat(name=name, at=now, started=started, pid=pid))


def last_beat(engine: Engine, *, name: str = "scheduler") -> Heartbeat | None:
    """The newest heartbeat of `name`, or None if it never beat."""
    with Session(engine, expire_on_commit=False) as session:
        return session.execute(select(Heartbeat).where(col(Heartbeat.name) == name)).scalar_one_or_none()
