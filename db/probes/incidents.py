"""Our probes' incidents, read back: the outage history of each target."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from db.models import Incident


def incidents(
    engine: Engine, *, target_id: int | None = None, since: datetime | None = None
) -> list[Incident]:
    """Incidents, oldest first; with `since`, those still open or ended at or after it."""
    query = select(Incident).order_by(col(Incident.started), col(Incident.id))
    if target_id is not None:
        query = query.where(col(Incident.target_id) == target_id)
    if since is not None:
        query = query.where(or_(col(Incident.ended).is_(None), col(Incident.ended) >= since))
    with Session(engine) as session:
        return list(session.execute(query).scalars())
